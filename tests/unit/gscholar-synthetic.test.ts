/**
 * The Google Scholar adapter on synthetic pages (tests/pages/gscholar-*.html and small inline
 * cases): an English page as the server sends it, a German page as a browser saves it, an empty
 * profile, and layouts it must refuse. The only real capture (pt-PT) is in tests/real.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlDoc } from '../fixtures';
import {
  arxivIdFromVenue, parse, parseReported, scholarAuthor, scholarCoauthors, scholarHistogram, scholarInt, scholarProfileInfo, scholarStats,
} from '../../lib/sites/gscholar';
import { Author, ParseOutcome, ReportedMetric, Unrecognised, type Paper, type ScrapeResult } from '../../lib/schema';

const here = dirname(fileURLToPath(import.meta.url));
const pageFile = (name: string) => readFileSync(join(here, '..', 'pages', name), 'utf8');

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
  expect(out.site).toBe('gscholar');
  expect(out.url).toBe(url);
  return out.reason;
}

function paper(r: ScrapeResult, title: string): Paper {
  const p = r.papers.find((x) => x.title === title);
  if (!p) throw new Error(`no paper "${title}"`);
  return p;
}

describe('English profile, as the server sends it (relative links, data-href titles)', () => {
  const url = 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ&hl=en';
  const html = pageFile('gscholar-profile-en.html');
  let r: ScrapeResult;
  let doc: Document;
  beforeAll(() => {
    r = ok(html, url);
    doc = htmlDoc(html);
  });

  it('is Ada Example, user EXAMPLE_AAAAJ, with four rows', () => {
    expect(r.pageType).toBe('author');
    expect(r.author).toEqual({ name: 'Ada Example', url: 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ', arxivId: null, query: null });
    expect(r.title).toBe('Ada Example');
    expect(r.total).toBe(4);
    expect(r.papers).toHaveLength(4);
  });

  it('header: affiliation, e-mail domain (never the account e-mail), homepage, interests', () => {
    expect(scholarProfileInfo(doc, url)).toEqual({
      userId: 'EXAMPLE_AAAAJ', name: 'Ada Example', affiliation: 'Example Institute of Technology', emailDomain: 'example.org',
      homepage: 'https://ada.example.org/', interests: ['Machine Learning', 'Information Retrieval'],
    });
    expect(JSON.stringify(r)).not.toContain('owner.account');
  });

  it('a row: id from citation_for_view, canonical citation URL, authors without the "...", venue without the year', () => {
    const p = paper(r, 'A study of examples');
    expect(p.id).toBe('gscholar:EXAMPLE_AAAAJ:u5HHmVD_uO8C');
    expect(p.links.abs).toBe('https://scholar.google.com/citations?view_op=view_citation&user=EXAMPLE_AAAAJ&citation_for_view=EXAMPLE_AAAAJ:u5HHmVD_uO8C');
    expect(p.authors).toEqual(['A Example', 'G Sample', 'B Longname', 'C Third', 'D Fourth']);
    expect(p.authorUrls).toEqual([null, null, null, null, null]);
    expect(p.journalRef).toBe('Journal of Examples 12 (3), 45-67');
    expect(p.year).toBe(2021);
    expect(p.citations).toBe(1050);
    expect(p.citationsSource).toBe('gscholar');
    expect(p.citationsFetchedAt).toBe(r.scrapedAt);
    expect(p.source).toBe('gscholar');
    expect(p.arxivId).toBeNull();
  });

  it('arXiv venue → arxivId and version, id stays gscholar:…; the merged-citations "*" is not part of the number', () => {
    const p = paper(r, 'Scaling examples with sparse attention');
    expect(p.arxivId).toBe('2301.01234');
    expect(p.version).toBe(2);
    expect(p.id).toBe('gscholar:EXAMPLE_AAAAJ:d1gkVwhDpl0C');
    expect(p.citations).toBe(150);
  });

  it('an empty cited-by link is 0 citations, an empty year null, an empty venue null', () => {
    const p = paper(r, 'An uncited note');
    expect(p.citations).toBe(0);
    expect(p.citationsSource).toBe('gscholar');
    expect(p.year).toBeNull();
    expect(p.journalRef).toBeNull();
  });

  it('hostile title text stays text', () => {
    const p = r.papers[2];
    expect(p?.title).toBe('<img src=x onerror=alert(1)> & <script>steal()</script> examples');
    expect(p?.id).toBe('gscholar:EXAMPLE_AAAAJ:9yKSN-GCB0IC');
  });

  it('stats: since-year from the header, "1,234" read as 1234', () => {
    expect(scholarStats(doc)).toEqual({ all: { citations: 1234, h: 12, i10: 15 }, since: { year: 2020, citations: 567, h: 9, i10: 8 } });
  });

  it('reported metrics for the lead', () => {
    const at = new Date('2025-11-14T10:00:00Z');
    const rep = parseReported(doc, url, at);
    expect(rep.map((m) => ReportedMetric.parse(m))).toEqual(rep);
    expect(rep.map((m) => [m.metric, m.value])).toEqual([
      ['citations', 1234], ['h', 12], ['i10', 15], ['citationsSince', 567], ['hSince', 9], ['i10Since', 8],
    ]);
    expect(rep.every((m) => m.source === 'gscholar' && m.at === '2025-11-14T10:00:00.000Z')).toBe(true);
    expect(parseReported(doc, 'https://scholar.google.com/scholar?q=x')).toEqual([]);
  });

  it('histogram: bars placed by z-index; the year without a bar (2022) is 0', () => {
    expect(scholarHistogram(doc)).toEqual([
      { year: 2021, citations: 40 }, { year: 2022, citations: 0 }, { year: 2023, citations: 150 }, { year: 2024, citations: 1100 }, { year: 2025, citations: 77 },
    ]);
  });

  it('co-authors: relative links made canonical, a cut name completed from the photo alt', () => {
    expect(scholarCoauthors(doc, url)).toEqual([
      { name: 'Grace Sample', userId: 'GRACE_AAAAJ', url: 'https://scholar.google.com/citations?user=GRACE_AAAAJ', affiliation: 'Professor, Example University', emailDomain: 'example.edu' },
      { name: 'Bartholomew Longname-Placeholder', userId: 'BART_AAAAAJ', url: 'https://scholar.google.com/citations?user=BART_AAAAAJ', affiliation: 'Example Labs', emailDomain: null },
    ]);
  });

  it('authors: the subject, the co-authors with their links, then byline names', () => {
    expect(r.authors.slice(0, 3).map((a) => [a.name, a.url])).toEqual([
      ['Ada Example', 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ'],
      ['Grace Sample', 'https://scholar.google.com/citations?user=GRACE_AAAAJ'],
      ['Bartholomew Longname-Placeholder', 'https://scholar.google.com/citations?user=BART_AAAAAJ'],
    ]);
    expect(r.authors.filter((a) => a.url === null).map((a) => a.name)).toEqual(['A Example', 'G Sample', 'B Longname', 'C Third', 'D Fourth']);
  });

  it('scholarAuthor gives an Author record', () => {
    const a = scholarAuthor(doc, url);
    expect(Author.parse(a)).toEqual(a);
    expect(a).toEqual({ id: 'gscholar:EXAMPLE_AAAAJ', name: 'Ada Example', ids: { googleScholar: 'EXAMPLE_AAAAJ' }, affiliations: ['Example Institute of Technology'], url: 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ' });
  });
});

describe('German profile, saved by a browser, on scholar.google.de', () => {
  const url = 'https://scholar.google.de/citations?hl=de&user=BEISPIEL0AAAJ';
  const html = pageFile('gscholar-profile-de-saved.html');
  let r: ScrapeResult;
  let doc: Document;
  beforeAll(() => {
    r = ok(html, url);
    doc = htmlDoc(html);
  });

  it('reads the same structure in another language', () => {
    expect(r.author?.name).toBe('Berta Beispiel');
    expect(r.author?.url).toBe('https://scholar.google.com/citations?user=BEISPIEL0AAAJ');
    expect(r.total).toBe(3);
    expect(r.papers.map((p) => [p.id, p.year, p.citations])).toEqual([
      ['gscholar:BEISPIEL0AAAJ:aaaaaaaaaaaC', 2022, 200],
      ['gscholar:BEISPIEL0AAAJ:bbbbbbbbbbbC', 1999, 50],
      ['gscholar:BEISPIEL0AAAJ:cccccccccccC', 2024, 0],
    ]);
    expect(r.papers[0]?.title).toBe('Über Beispiele in der Quantenphysik');
    expect(r.papers[0]?.journalRef).toBe('Zeitschrift für Beispiele 7 (1), 1-20');
    expect(r.papers[0]?.links.abs).toBe('https://scholar.google.com/citations?view_op=view_citation&user=BEISPIEL0AAAJ&citation_for_view=BEISPIEL0AAAJ:aaaaaaaaaaaC');
  });

  it('an old-style arXiv id in the venue', () => {
    expect(r.papers[1]?.arxivId).toBe('hep-th/9901001');
  });

  it('header and stats by position, since-year from "Seit 2019"', () => {
    expect(scholarProfileInfo(doc, url)).toMatchObject({
      name: 'Berta Beispiel', affiliation: 'Max-Planck-Institut für Beispiele', emailDomain: 'mpi-beispiel.de', homepage: 'https://berta.beispiel.de/', interests: ['Physik'],
    });
    expect(scholarStats(doc)).toEqual({ all: { citations: 250, h: 7, i10: 4 }, since: { year: 2019, citations: 120, h: 5, i10: 3 } });
  });

  it('histogram without z-index: bars placed by their right offset, 2023 (no bar) is 0', () => {
    expect(scholarHistogram(doc)).toEqual([
      { year: 2022, citations: 30 }, { year: 2023, citations: 0 }, { year: 2024, citations: 50 }, { year: 2025, citations: 20 },
    ]);
  });

  it('co-authors on a country domain', () => {
    expect(scholarCoauthors(doc, url)).toEqual([
      { name: 'Klaus Muster', userId: 'KLAUS0AAAAJ', url: 'https://scholar.google.com/citations?user=KLAUS0AAAAJ', affiliation: 'Universität Beispielstadt', emailDomain: 'uni-beispiel.de' },
    ]);
  });
});

describe('empty profile', () => {
  const url = 'https://scholar.google.com/citations?user=NOVA00AAAAJ&hl=en';
  const html = pageFile('gscholar-profile-empty.html');

  it('is a profile with no papers, not an error', () => {
    const r = ok(html, url);
    expect(r.papers).toEqual([]);
    expect(r.total).toBe(0);
    expect(r.author?.name).toBe('Nova Empty');
    expect(r.authors).toHaveLength(1);
  });

  it('zero stats, no histogram, no co-authors, no e-mail domain', () => {
    const doc = htmlDoc(html);
    expect(scholarStats(doc)).toEqual({ all: { citations: 0, h: 0, i10: 0 }, since: { year: 2020, citations: 0, h: 0, i10: 0 } });
    expect(scholarHistogram(doc)).toEqual([]);
    expect(scholarCoauthors(doc)).toEqual([]);
    expect(scholarProfileInfo(doc, url)).toMatchObject({ affiliation: 'Example College', emailDomain: null, homepage: null, interests: [] });
  });
});

describe('layouts the adapter refuses', () => {
  const url = 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ&hl=en';
  const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  const name = '<div id="gsc_prf_in">Ada Example</div>';
  const row = (inner: string) => `<table id="gsc_a_t"><tbody id="gsc_a_b"><tr class="gsc_a_tr">${inner}</tr></tbody></table>`;

  it.each([
    ['a blank page', page(''), /no profile name/],
    ['a CAPTCHA / "unusual traffic" page', page('<div id="gs_captcha_f"><h1>Please show you\'re not a robot</h1></div>'), /no profile name/],
    ['a name without an article table', page(name), /no article table/],
    ['an article table in an unknown row layout', page(`${name}<table id="gsc_a_t"><tbody id="gsc_a_b"><tr class="gsc_x"><td>Paper</td></tr></tbody></table>`), /unknown layout/],
    ['a row without a title link', page(`${name}${row('<td class="gsc_a_t"><span>Paper</span></td>')}`), /row 1: no title link/],
    ['a title link without citation_for_view', page(`${name}${row('<td class="gsc_a_t"><a class="gsc_a_at" href="/citations?view_op=view_citation&user=EXAMPLE_AAAAJ">Paper</a></td>')}`), /citation_for_view/],
    ['another person\'s page under this URL', page(name, '<link rel="canonical" href="https://scholar.google.com/citations?user=SOMEONE_ELSE&hl=en">'), /profile of SOMEONE_ELSE/],
  ])('%s', (_label, html, reason) => {
    expect(notOk(html, url)).toMatch(reason);
  });

  it('never throws, whatever it is given', () => {
    const broken = { body: {}, querySelector: () => { throw new Error('boom'); } } as unknown as Document;
    expect(parse(broken, url)).toEqual({ ok: false, site: 'gscholar', url, reason: 'parser error: boom' });
    expect(parse(null as unknown as Document, url)).toMatchObject({ ok: false, reason: 'empty document' });
    expect(parseReported(broken, url)).toEqual([]);
    expect(scholarAuthor(broken, url)).toBeNull();
  });

  it('a stats table not shaped like Scholar\'s is not read', () => {
    const table = (head: string, rows: string) => htmlDoc(page(`<table id="gsc_rsb_st"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`));
    const r3 = '<tr><td>C</td><td>1</td><td>1</td></tr><tr><td>h</td><td>1</td><td>1</td></tr><tr><td>i</td><td>1</td><td>1</td></tr>';
    const okHead = '<th></th><th>All</th><th>Since 2020</th>';
    expect(scholarStats(table(okHead, r3))).not.toBeNull();
    expect(scholarStats(table('<th></th><th>All</th><th>Recent</th>', r3))).toBeNull(); // no since-year: never assumed
    expect(scholarStats(table(okHead, r3.split('</tr>').slice(0, 2).join('</tr>')))).toBeNull(); // two rows
    expect(scholarStats(table(okHead, r3.replace('<td>1</td><td>1</td></tr>', '<td>n/a</td><td>1</td></tr>')))).toBeNull();
    expect(scholarStats(htmlDoc(page('')))).toBeNull();
  });

  it('a histogram whose bars cannot be placed is not read (never guessed)', () => {
    const hist = (inner: string) => scholarHistogram(htmlDoc(page(`<div class="gsc_md_hist_b">${inner}</div>`)));
    const labels = '<span class="gsc_g_t">2023</span><span class="gsc_g_t">2024</span><span class="gsc_g_t">2025</span>';
    // Fewer bars than labels and nothing to place them by.
    expect(hist(`${labels}<a class="gsc_g_a"><span class="gsc_g_al">5</span></a>`)).toEqual([]);
    // As many bars as labels: DOM order is the only reading left, and it is unambiguous.
    expect(hist(`${labels}<a class="gsc_g_a"><span class="gsc_g_al">5</span></a><a class="gsc_g_a"><span class="gsc_g_al">6</span></a><a class="gsc_g_a"><span class="gsc_g_al">7</span></a>`))
      .toEqual([{ year: 2023, citations: 5 }, { year: 2024, citations: 6 }, { year: 2025, citations: 7 }]);
    // z-index and offset disagree.
    const placed = '<span class="gsc_g_t" style="right:35px">2024</span><span class="gsc_g_t" style="right:3px">2025</span>';
    expect(hist(`${placed}<a class="gsc_g_a" style="right:8px;z-index:1"><span class="gsc_g_al">9</span></a>`)).toEqual([{ year: 2024, citations: 0 }, { year: 2025, citations: 9 }]);
    expect(hist(`${placed}<a class="gsc_g_a" style="right:40px;z-index:1"><span class="gsc_g_al">9</span></a>`)).toEqual([]);
    // z-index beyond the labels.
    expect(hist(`${labels}<a class="gsc_g_a" style="z-index:7"><span class="gsc_g_al">9</span></a>`)).toEqual([]);
  });
});

describe('small readers', () => {
  it('scholarInt', () => {
    expect(['1799', '1,799', '1.799', '1 799', '1\u00a0799', '1\u202f799', ' 42 ', '0'].map(scholarInt)).toEqual([1799, 1799, 1799, 1799, 1799, 1799, 42, 0]);
    expect(['', 'n/a', '1.5', '12,34', '-3', '1,799.5'].map(scholarInt)).toEqual([null, null, null, null, null, null]);
  });

  it('arxivIdFromVenue', () => {
    expect(arxivIdFromVenue('arXiv preprint arXiv:2007.12255')).toEqual({ id: '2007.12255', version: null });
    expect(arxivIdFromVenue('arXiv e-prints, arXiv: 2007.12255')).toEqual({ id: '2007.12255', version: null });
    expect(arxivIdFromVenue('arXiv preprint arXiv:1706.03762v5')).toEqual({ id: '1706.03762', version: 5 });
    expect(arxivIdFromVenue('arXiv preprint cs/0101001')).toEqual({ id: 'cs/0101001', version: null });
    expect(arxivIdFromVenue('CoRR abs/2007.12255')).toBeNull();
    expect(arxivIdFromVenue('Journal of arXiv Studies 3, 1-2')).toBeNull();
    expect(arxivIdFromVenue(null)).toBeNull();
  });
});
