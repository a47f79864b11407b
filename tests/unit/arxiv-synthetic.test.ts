/**
 * The arXiv adapter on synthetic pages: the author page in tests/pages (no real capture of one
 * exists) and small hand-written edge cases.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlDoc } from '../fixtures';
import { authorKey, findAuthorAnchors, listingLayout, parse } from '../../lib/sites/arxiv';
import { ParseOutcome, Unrecognised, type ScrapeResult } from '../../lib/schema';

const here = dirname(fileURLToPath(import.meta.url));
const authorPage = readFileSync(join(here, '..', '..', 'scripts', 'demo-pages', 'author-zhao_y_1.html'), 'utf8');

function ok(html: string, url: string): ScrapeResult {
  const out = parse(htmlDoc(html), url);
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function notOk(html: string, url: string): string {
  const out = parse(htmlDoc(html), url);
  if (out.ok) throw new Error(`expected Unrecognised for ${url}`);
  expect(Unrecognised.parse(out)).toEqual(out);
  expect(out.site).toBe('arxiv');
  expect(out.url).toBe(url);
  return out.reason;
}

const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('synthetic author page /a/zhao_y_1.html (pre-2024 listing markup)', () => {
  const url = 'https://arxiv.org/a/zhao_y_1.html';
  let r: ScrapeResult;
  beforeAll(() => {
    r = ok(authorPage, url);
  });

  it('is about Yize Zhao, arXiv author zhao_y_1', () => {
    expect(r.pageType).toBe('author');
    expect(r.author).toEqual({ name: 'Yize Zhao', url, arxivId: 'zhao_y_1', query: null });
    expect(authorKey(r.author!)).toBe('arxiv:zhao_y_1');
    expect(r.title).toBe("Yize Zhao's articles on arXiv");
    expect(r.total).toBeNull();
    expect(listingLayout(htmlDoc(authorPage))).toBe('layout-pre-2024');
  });

  it('has the eight articles in page order', () => {
    expect(r.papers.map((p) => p.id)).toEqual([
      '2605.10001', '2408.10002', '2410.10003', '2512.10004', '2403.10005', '2510.10006', '2505.10007', '2003.10008',
    ]);
    expect(r.papers.map((p) => p.primaryCategory)).toEqual(['cs.SE', 'cs.CL', 'cs.LG', 'cs.CV', 'q-bio.NC', 'cs.LG', 'cs.CL', 'stat.ME']);
    expect(r.papers.map((p) => p.year)).toEqual([2026, 2024, 2024, 2025, 2024, 2025, 2025, 2020]);
    for (const p of r.papers) {
      expect(p.published).toBeNull();
      expect(p.updated).toBeNull();
      expect(p.abstract).toBeNull();
      expect(p.categories).toEqual([p.primaryCategory]);
      expect(p.authors).toContain('Yize Zhao');
      expect(p.authorUrls[p.authors.indexOf('Yize Zhao')]).toBe('https://arxiv.org/a/zhao_y_1');
    }
  });

  it('reads titles, authors, comments, journal refs, links', () => {
    const [first, second, third] = r.papers;
    expect(first!.title).toBe('Workflow Closure Is Not Scientific Closure in Auto-Research Systems');
    expect(first!.authors).toEqual(['Shuai Wang', 'Xinyuan Tian', 'Pangpang Liu', 'Yize Zhao']);
    expect(first!.authorUrls[0]).toBe('https://arxiv.org/search/?searchtype=author&query=Wang%2C+S');
    expect(first!.comments).toBe('Position paper; placeholder comment for tests');
    expect(first!.links).toEqual({ abs: 'https://arxiv.org/abs/2605.10001', pdf: 'https://arxiv.org/pdf/2605.10001', html: null, doi: null, code: [] });
    expect(first!.version).toBeNull();
    expect(second!.title).toBe('Implicit Geometry of Next-token Prediction: From Language Sparsity Patterns to Model Representations');
    expect(second!.authors).toEqual(['Yize Zhao', 'Tina Behnia', 'Vala Vakilian']);
    expect(second!.comments).toBeNull();
    expect(third!.title).toBe('DARE the Extreme: Revisiting Delta-Parameter Pruning For Fine-Tuned Models');
    expect(third!.version).toBe(2);
    expect(third!.links.abs).toBe('https://arxiv.org/abs/2410.10003v2');
    const seventh = r.papers[6]!;
    expect(seventh.title).toBe('Geometry of Semantics in Next-Token Prediction: How Optimization Implicitly Organizes Linguistic Representations');
    expect(seventh.authors).toEqual(['Yize Zhao', 'Christos Thrampoulidis']);
    expect(seventh.comments).toBe('Placeholder comment for tests; see also this https URL');
    expect(seventh.links.code).toEqual(['https://github.com/example/placeholder-repo']);
    const last = r.papers[7]!;
    expect(last.title).toBe('Pursuing Sources of Heterogeneity in Modeling Clustered Population');
    expect(last.authors).toEqual(['Yan Li', 'Chun Yu', 'Yize Zhao']);
    expect(last.journalRef).toBe('Placeholder Journal of Tests 1 (2020) 1-2');
  });

  it('page authors are distinct; Yize Zhao appears once, with the /a/ id', () => {
    const zhao = r.authors.filter((a) => a.name === 'Yize Zhao');
    expect(zhao).toEqual([{ name: 'Yize Zhao', url: 'https://arxiv.org/a/zhao_y_1', arxivId: 'zhao_y_1', query: null }]);
    // Vakilian co-authors two papers with the same link: one entry.
    expect(r.authors.filter((a) => a.name === 'Vala Vakilian')).toHaveLength(1);
    expect(r.authors).toHaveLength(18);
  });

  it('findAuthorAnchors finds every author link', () => {
    const found = findAuthorAnchors(htmlDoc(authorPage));
    expect(found).toHaveLength(4 + 3 + 3 + 4 + 4 + 3 + 2 + 3);
    expect(found.filter((f) => f.ref.arxivId === 'zhao_y_1')).toHaveLength(8);
    expect(found.every((f) => f.anchor.tagName === 'A')).toBe(true);
    expect(found[0]!.ref).toEqual({ name: 'Shuai Wang', url: 'https://arxiv.org/search/?searchtype=author&query=Wang%2C+S', arxivId: null, query: 'Wang, S' });
  });

  it('the same page without .html', () => {
    const s = ok(authorPage, 'https://arxiv.org/a/zhao_y_1');
    expect(s.author?.arxivId).toBe('zhao_y_1');
    expect(s.papers).toHaveLength(8);
  });
});

describe('edge cases', () => {
  const urls = [
    'https://arxiv.org/abs/2106.09608',
    'https://arxiv.org/list/cs/new',
    'https://arxiv.org/a/zhao_y_1.html',
    'https://arxiv.org/search/?searchtype=author&query=Zhao%2C+Y',
  ];

  it.each(urls)('an empty document is Unrecognised, not an exception: %s', (url) => {
    expect(notOk('', url)).toBeTruthy();
    expect(notOk('<html><body></body></html>', url)).toBeTruthy();
  });

  it('an arXiv error page is Unrecognised', () => {
    const html = page('<h1>Article identifier \'2106.99999\' not found</h1><p>You might instead try to search for articles.</p>', '<title>arXiv.org e-Print archive</title>');
    expect(notOk(html, 'https://arxiv.org/abs/2106.99999')).toMatch(/abs page/);
    expect(notOk(html, 'https://arxiv.org/list/cs/new')).toMatch(/listing/);
    expect(notOk(html, 'https://arxiv.org/a/nobody_x_1.html')).toMatch(/author page/);
    expect(notOk(html, 'https://arxiv.org/search/?query=x&searchtype=all')).toMatch(/search/);
  });

  it('unsupported and foreign URLs are Unrecognised', () => {
    expect(notOk(authorPage, 'https://arxiv.org/help')).toMatch(/not a supported arXiv page/);
    expect(notOk(authorPage, 'https://example.com/a/zhao_y_1.html')).toMatch(/not an arXiv URL/);
    expect(notOk(authorPage, 'not a url')).toMatch(/not an arXiv URL/);
  });

  it('a document that throws gives a reason, not an exception', () => {
    const boom = () => {
      throw new Error('boom');
    };
    const bad = { body: {}, location: null, querySelector: boom, querySelectorAll: boom } as unknown as Document;
    const out = parse(bad, 'https://arxiv.org/list/cs/new');
    expect(out).toEqual({ ok: false, site: 'arxiv', url: 'https://arxiv.org/list/cs/new', reason: 'parser error: boom' });
    expect(parse(null as unknown as Document, 'https://arxiv.org/list/cs/new').ok).toBe(false);
  });

  const entry = (title: string, id = '2401.00001') => `
    <dt><a name="item1">[1]</a>&nbsp; <span class="list-identifier"><a href="/abs/${id}" title="Abstract">arXiv:${id}</a>
      [<a href="/pdf/${id}" title="Download PDF">pdf</a>]</span></dt>
    <dd><div class="meta">
      <div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div>
      <div class="list-authors"><span class="descriptor">Authors:</span> <a href="/search/cs?searchtype=author&amp;query=Doe,+J">Jane Doe</a></div>
      <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span>; Machine Learning (stat.ML)</div>
      <p class="mathjax">Abstract text.<script>document.title = 'x'</script> More text, code at github.com/jane/repo).</p>
    </div></dd>`;

  it('markup inside text stays text: a title with <img src=x onerror=alert(1)>', () => {
    const html = page(`<div id="dlpage"><h3>New submissions</h3><dl>${entry('Why &lt;img src=x onerror=alert(1)&gt; is <b>not</b> markup')}</dl></div>`);
    const r = ok(html, 'https://arxiv.org/list/cs/new');
    expect(r.papers[0]!.title).toBe('Why <img src=x onerror=alert(1)> is not markup');
    expect(r.papers[0]!.abstract).toBe('Abstract text. More text, code at github.com/jane/repo).');
    expect(r.papers[0]!.links.code).toEqual(['https://github.com/jane/repo']);
    expect(r.papers[0]!.categories).toEqual(['cs.LG', 'stat.ML']);
    expect(r.papers[0]!.authorUrls).toEqual(['https://arxiv.org/search/cs?searchtype=author&query=Doe,+J']);
    expect(r.title).toBe('cs new');
  });

  it('an abs page title with markup-like text, from meta tags and from the DOM', () => {
    const evil = '&lt;img src=x onerror=alert(1)&gt;';
    const head = `<meta name="citation_title" content="${evil} title"><meta name="citation_arxiv_id" content="2401.00001">`;
    const body = `<h1 class="title mathjax"><span class="descriptor">Title:</span>${evil} title</h1>`;
    expect(ok(page(body, head), 'https://arxiv.org/abs/2401.00001').papers[0]!.title).toBe('<img src=x onerror=alert(1)> title');
    expect(ok(page(body), 'https://arxiv.org/abs/2401.00001').papers[0]!.title).toBe('<img src=x onerror=alert(1)> title');
  });

  it('an entry without an id makes the listing Unrecognised rather than short', () => {
    const broken = entry('Fine').replace(/<a href="\/abs\/[^"]+" title="Abstract">arXiv:[^<]+<\/a>/, '');
    const html = page(`<dl>${entry('First', '2401.00002')}${broken}</dl>`);
    expect(notOk(html, 'https://arxiv.org/list/cs/new')).toMatch(/entry 2: no arXiv id/);
  });

  it('a listing that says it is empty is an empty listing', () => {
    const r = ok(page('<div id="dlpage"><h1>Computer Science</h1><div class="paging">Total of 0 entries</div></div>'), 'https://arxiv.org/list/cs/new');
    expect(r.papers).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('older listing markup: h3 outside dl, duplicates across sections kept once', () => {
    const html = page(`<div id="dlpage"><h3>New submissions</h3><dl>${entry('A', '2401.00001')}</dl>
      <h3>Replacements</h3><dl>${entry('A', '2401.00001')}${entry('B', 'hep-th/9901001v2')}</dl></div>`);
    expect(listingLayout(htmlDoc(html))).toBe('layout-pre-2024');
    const r = ok(html, 'https://arxiv.org/list/cs/pastweek?skip=0&show=25');
    expect(r.papers.map((p) => [p.id, p.version, p.year])).toEqual([['2401.00001', null, 2024], ['hep-th/9901001', 2, 1999]]);
    expect(r.title).toBe('cs pastweek');
  });

  it('an author search: page author from the query; "no results" is an empty search', () => {
    const url = 'https://arxiv.org/search/?searchtype=author&query=Zhao%2C+Y';
    const html = page('<h1 class="title is-clearfix">Showing 1&ndash;1 of 1 results for author: <span>Zhao, Y</span></h1><ol><li class="arxiv-result">'
      + '<p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2408.10002">arXiv:2408.10002</a> <span>[<a href="https://arxiv.org/pdf/2408.10002">pdf</a>]</span></p>'
      + '<div class="tags is-inline-block"><span class="tag is-small is-grey tooltip" data-tooltip="Machine Learning">cs.LG</span><span class="tag is-small is-link tooltip" data-tooltip="Computation and Language">cs.CL</span></div>'
      + '<p class="title is-5 mathjax">Implicit Geometry of Next-token Prediction</p>'
      + '<p class="authors"><span>Authors:</span> <a href="/search/?searchtype=author&amp;query=Zhao%2C+Y">Yize Zhao</a></p>'
      + '<p class="abstract mathjax"><span class="abstract-short" id="2408.10002v3-abstract-short">Short&hellip;</span><span class="abstract-full" id="2408.10002v3-abstract-full">Our own placeholder abstract. <a class="is-size-7">&#9651; Less</a></span></p>'
      + '<p class="is-size-7"><span>Submitted</span> 3 March, 2025; <span>v1</span> submitted 27 August, 2024; <span>originally announced</span> August 2024.</p>'
      + '<p class="comments is-size-7"><span>Comments:</span> <span>12 pages</span></p>'
      + '</li></ol>');
    const r = ok(html, url);
    expect(r.author).toEqual({ name: 'Zhao, Y', url, arxivId: null, query: 'Zhao, Y' });
    expect(authorKey(r.author!)).toBe('arxiv-query:y zhao');
    expect(authorKey(r.authors[0]!)).toBe(authorKey(r.author!));
    expect(r.title).toBe('Zhao, Y');
    expect(r.total).toBe(1);
    const p = r.papers[0]!;
    expect(p).toMatchObject({
      id: '2408.10002', version: 3, published: '2024-08-27', updated: '2025-03-03', year: 2024,
      primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.LG'], abstract: 'Our own placeholder abstract.', comments: '12 pages',
      authors: ['Yize Zhao'], authorUrls: ['https://arxiv.org/search/?searchtype=author&query=Zhao%2C+Y'],
    });

    const none = ok(page('<p class="is-size-4">Sorry, your query for author: Nobody, X produced no results.</p>'), 'https://arxiv.org/search/?searchtype=author&query=Nobody%2C+X');
    expect(none.papers).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.author?.query).toBe('Nobody, X');

    const byId = ok(html, 'https://arxiv.org/search/?searchtype=author_id&query=zhao_y_1');
    expect(byId.author).toMatchObject({ arxivId: 'zhao_y_1' });
    expect(ok(html, 'https://arxiv.org/search/?searchtype=all&query=geometry').author).toBeNull();
  });

  it('abs page without meta tags: read from the DOM', () => {
    const body = `
      <div class="dateline">[Submitted on 3 Jan 2024]</div>
      <h1 class="title mathjax"><span class="descriptor">Title:</span>A   Synthetic
        Paper</h1>
      <div class="authors"><span class="descriptor">Authors:</span><a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Doe,+J">Jane Doe</a>, <a href="https://arxiv.org/a/roe_r_1">Richard Roe</a></div>
      <a href="https://arxiv.org/html/2401.00001v1" id="latexml-download-link">HTML (experimental)</a>
      <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> Our placeholder abstract; code at https://gitlab.com/jane/thing.</blockquote>
      <table><tr><td class="tablecell label">Journal&nbsp;reference:</td><td class="tablecell jref">J. Tests 1 (2024)</td></tr>
      <tr><td class="tablecell label">Related DOI:</td><td class="tablecell doi"><a href="https://doi.org/10.1234/abc.5">https://doi.org/10.1234/abc.5</a></td></tr>
      <tr><td class="tablecell label">Subjects:</td><td class="tablecell subjects"><span class="primary-subject">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)</td></tr></table>
      <div class="submission-history"><h2>Submission history</h2> From: Jane Doe<br/><strong>[v1]</strong> Wed, 3 Jan 2024 10:00:00 UTC (10 KB)<br/></div>
      <ul><li><a href="/pdf/2401.00001" class="abs-button download-pdf">PDF</a></li></ul>`;
    const r = ok(page(body), 'https://arxiv.org/abs/2401.00001');
    expect(r.papers[0]).toMatchObject({
      id: '2401.00001', version: 1, title: 'A Synthetic Paper', authors: ['Jane Doe', 'Richard Roe'],
      authorUrls: ['https://arxiv.org/search/cs?searchtype=author&query=Doe,+J', 'https://arxiv.org/a/roe_r_1'],
      published: '2024-01-03', updated: null, year: 2024, primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.LG'],
      abstract: 'Our placeholder abstract; code at https://gitlab.com/jane/thing.', journalRef: 'J. Tests 1 (2024)', doi: '10.1234/abc.5',
      links: {
        abs: 'https://arxiv.org/abs/2401.00001', pdf: 'https://arxiv.org/pdf/2401.00001', html: 'https://arxiv.org/html/2401.00001v1',
        doi: 'https://doi.org/10.1234/abc.5', code: ['https://gitlab.com/jane/thing'],
      },
    });
    expect(r.authors.map((a) => a.arxivId)).toEqual([null, 'roe_r_1']);
  });

  it('abs page: meta authors without a matching link keep their order, flipped to "First Last", with no URL', () => {
    const head = ['<meta name="citation_title" content="T">', '<meta name="citation_arxiv_id" content="hep-th/9901001">',
      '<meta name="citation_date" content="1999/01/04">',
      '<meta name="citation_author" content="Doe, Jane">', '<meta name="citation_author" content="Müller, Lukas">', '<meta name="citation_author" content="Roe, R.">'].join('');
    const body = '<div class="authors"><a href="/search/hep-th?searchtype=author&amp;query=Roe,+R">R. Roe</a>, <a href="/search/hep-th?searchtype=author&amp;query=Doe,+J">Jane Doe</a></div>';
    const r = ok(page(body, head), 'https://arxiv.org/abs/hep-th/9901001v1');
    const p = r.papers[0]!;
    expect(p.id).toBe('hep-th/9901001');
    expect(p.version).toBe(1);
    expect(p.published).toBe('1999-01-04');
    expect(p.year).toBe(1999);
    expect(p.authors).toEqual(['Jane Doe', 'Lukas Müller', 'R. Roe']);
    expect(p.authorUrls).toEqual(['https://arxiv.org/search/hep-th?searchtype=author&query=Doe,+J', null, 'https://arxiv.org/search/hep-th?searchtype=author&query=Roe,+R']);
    expect(p.links.abs).toBe('https://arxiv.org/abs/hep-th/9901001');
  });
});
