/**
 * The DBLP HTML adapter (`parse`) on a synthetic person page in DBLP's microdata markup
 * (tests/pages/dblp-person-synthetic.html; no real HTML capture exists) and on small edge cases.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../lib/sites/dblp';
import { ParseOutcome, Unrecognised, type ScrapeResult } from '../../lib/schema';
import { htmlDoc } from '../fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const page = readFileSync(join(here, '..', 'pages', 'dblp-person-synthetic.html'), 'utf8');
const xml = readFileSync(join(here, '..', 'pages', 'dblp-person-synthetic.xml'), 'utf8');
const URL_ = 'https://dblp.org/pid/123/4567-2.html';

function ok(html: string, url = URL_): ScrapeResult {
  const out = parse(htmlDoc(html), url);
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function notOk(html: string, url = URL_): string {
  const out = parse(htmlDoc(html), url);
  if (out.ok) throw new Error(`expected Unrecognised for ${url}`);
  expect(Unrecognised.parse(out)).toEqual(out);
  expect(out).toMatchObject({ site: 'dblp', url });
  return out.reason;
}

const wrap = (body: string) => `<!DOCTYPE html><html><head><title>dblp: Ada Example</title></head><body>${body}</body></html>`;

describe('synthetic person page', () => {
  const r = ok(page);

  it('is the author page of Ada Example, pid 123/4567-2', () => {
    expect(r).toMatchObject({ site: 'dblp', pageType: 'author', url: URL_, title: 'Ada Example 0002', total: null });
    expect(r.author).toEqual({ name: 'Ada Example', url: 'https://dblp.org/pid/123/4567-2', arxivId: null, query: null });
  });

  it('reads the same papers as the XML export of the same person', () => {
    expect(r.papers.map((p) => p.id)).toEqual(['2401.01234', '10.9999/jwr.2023.0042', 'dblp:conf/nips/ExampleD22', 'dblp:conf/wsx/2021']);
  });

  it('CoRR entry and its ICLR version merge; the arXiv DataCite DOI is not the paper DOI', () => {
    expect(r.papers[0]).toMatchObject({
      arxivId: '2401.01234', version: 2, doi: null, title: 'Sparse Widgets for Dense Problems', year: 2024, journalRef: 'ICLR 2024',
      authors: ['Ada Example', 'Bo Sample'], authorUrls: ['https://dblp.org/pid/123/4567-2', 'https://dblp.org/pid/s/BoSample'],
      source: 'dblp',
    });
  });

  it('journal article: authors in order (mirror link canonicalised), volume(issue): pages (year), DOI', () => {
    expect(r.papers[1]).toMatchObject({
      title: 'On the Counting of Things', year: 2023, doi: '10.9999/JWR.2023.0042', journalRef: 'J. Widget Res. 24(3): 101-130 (2023)',
      authors: ['Carla Test', 'Ada Example', 'Bo Sample'],
      authorUrls: ['https://dblp.org/pid/98/7654', 'https://dblp.org/pid/123/4567-2', 'https://dblp.org/pid/s/BoSample'],
      links: { abs: 'https://dblp.org/rec/journals/jwr/TestES23', doi: 'https://doi.org/10.9999/JWR.2023.0042' },
    });
  });

  it('an entry without datePublished takes the year heading; the name title attribute loses its homonym number', () => {
    expect(r.papers[2]).toMatchObject({ title: 'Widgets, Revisited?', year: 2022, journalRef: 'NeurIPS 2022: 100-112', authors: ['Ada Example', 'Dan Demo'] });
    expect(r.papers[2]?.authorUrls[1]).toBe('https://dblp.org/pid/00/1111');
  });

  it('editorship entries list the editors', () => {
    expect(r.papers[3]).toMatchObject({ title: 'Proceedings of the Workshop on Synthetic Examples', authors: ['Ada Example', 'Eve Editor'], authorUrls: ['https://dblp.org/pid/123/4567-2', null], year: 2021 });
  });

  it('distinct authors', () => {
    expect(r.authors.map((a) => a.name)).toEqual(['Ada Example', 'Bo Sample', 'Carla Test', 'Dan Demo', 'Eve Editor']);
  });

  it('works the same on the uni-trier mirror and without .html', () => {
    const m = ok(page, 'https://dblp.uni-trier.de/pid/123/4567-2');
    expect(m.papers.map((p) => p.id)).toEqual(r.papers.map((p) => p.id));
    expect(m.author?.url).toBe('https://dblp.org/pid/123/4567-2');
  });
});

describe('record page', () => {
  const rec = `<ul class="publ-list"><li class="entry inproceedings" id="conf/dac/ZhangYY21" itemscope itemtype="http://schema.org/ScholarlyArticle">
    <nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://doi.org/10.1109/DAC18074.2021.9586227">ee</a></div></li></ul></nav>
    <cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/167/1261-9.html" itemprop="url"><span itemprop="name" title="Xiaopeng Zhang 0009">Xiaopeng Zhang</span></a></span>:<br>
    <span class="title" itemprop="name">A Title.</span> <a href="https://dblp.org/db/conf/dac/dac2021.html#ZhangYY21"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/BookSeries"><span itemprop="name">DAC</span></span> <span itemprop="datePublished">2021</span></a>: <span itemprop="pagination">169-174</span></cite></li></ul>`;

  it('one paper, no page author', () => {
    const r = ok(wrap(rec), 'https://dblp.org/rec/conf/dac/ZhangYY21.html');
    expect(r).toMatchObject({ pageType: 'abs', author: null, title: 'A Title' });
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]).toMatchObject({ id: '10.1109/dac18074.2021.9586227', journalRef: 'DAC 2021: 169-174', authors: ['Xiaopeng Zhang'], authorUrls: ['https://dblp.org/pid/167/1261-9'], year: 2021 });
  });

  it('without an entry: Unrecognised', () => {
    expect(notOk(wrap('<p>Record not found</p>'), 'https://dblp.org/rec/conf/dac/Nope21')).toBe('record page without an entry');
  });
});

describe('the XML export shown in a tab', () => {
  it('an XML document is serialised and read by parseDblpXml', () => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const out = parse(doc, 'https://dblp.org/pid/123/4567-2.xml');
    if (!out.ok) throw new Error(out.reason);
    expect(out.papers.map((p) => p.id)).toContain('2312.09999');
    expect(out.total).toBe(6);
  });

  it('an HTML document at the .xml URL is Unrecognised', () => {
    expect(notOk(wrap('<pre>…</pre>'), 'https://dblp.org/pid/123/4567-2.xml')).toContain('parseDblpXml');
  });
});

describe('Unrecognised', () => {
  it('URLs that are not person or record pages', () => {
    expect(notOk(page, 'https://dblp.org/search?q=ada')).toBe('not a supported DBLP page');
    expect(notOk(page, 'https://dblp.org/db/conf/iclr/iclr2024.html')).toBe('not a supported DBLP page');
    expect(notOk(page, 'https://example.org/pid/123/4567-2.html')).toBe('not a DBLP URL');
  });

  it('a page without the publication list (error page, redesign)', () => {
    expect(notOk(wrap('<h1>Ada Example</h1><p>Something went wrong.</p>'))).toBe('person page without a publication list');
  });

  it('an entry without a title or without its citation block', () => {
    expect(notOk(wrap('<div id="publ-section"><ul class="publ-list"><li class="entry article" id="journals/x/A"><cite class="data" itemprop="headline"><span itemprop="author"><span itemprop="name">A</span></span></cite></li></ul></div>'))).toBe('entry 1: no title');
    expect(notOk(wrap('<div id="publ-section"><ul class="publ-list"><li class="entry article" id="journals/x/A"><div>odd</div></li></ul></div>'))).toBe('entry 1: no citation block');
  });

  it('an empty publication list is a person with no papers', () => {
    const r = ok(wrap('<header id="headline"><h1><span class="name primary">Ada Example</span></h1></header><div id="publ-section"><ul class="publ-list"></ul></div>'));
    expect(r).toMatchObject({ papers: [], author: { name: 'Ada Example' } });
  });

  it('the name falls back to the <title>', () => {
    const r = ok(wrap('<div id="publ-section"></div>'));
    expect(r.author?.name).toBe('Ada Example');
  });

  it('never throws', () => {
    expect(parse(null as unknown as Document, URL_).ok).toBe(false);
    expect(parse({} as Document, URL_).ok).toBe(false);
    expect(parse(htmlDoc(''), 'not a url').ok).toBe(false);
  });
});
