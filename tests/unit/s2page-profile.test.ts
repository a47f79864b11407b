/**
 * The Semantic Scholar page adapter: `parse` on app pages (author: always the Graph API; paper: its
 * citation meta tags), and `profileFromS2` / `reportedFromS2` on hand-written Graph API replies.
 * The real recorded replies are in s2page-real.test.ts.
 */
import { GRAPH_API_REASON, parse, profileFromS2, reportedFromS2 } from '../../lib/sites/semanticscholar-page';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { htmlDoc } from '../fixtures';

const NOW = new Date('2025-06-01T12:00:00Z');
const AUTHOR_URL = 'https://www.semanticscholar.org/author/Ada-Example/1234';
const HEX = 'a'.repeat(40);
const HEX2 = 'b'.repeat(40);

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function why(out: ParseOutcome): string {
  if (out.ok) throw new Error('expected Unrecognised');
  expect(out.site).toBe('semanticscholar');
  return out.reason;
}

const author = {
  authorId: '1234',
  name: 'Ada Example',
  url: 'https://www.semanticscholar.org/author/1234',
  paperCount: 3,
  citationCount: 57,
  hIndex: 2,
  affiliations: [],
  somethingNew: { tolerated: true },
  papers: [
    { paperId: HEX, title: 'Sparse  Widgets', externalIds: { ArXiv: '2401.01234', DOI: '10.48550/arXiv.2401.01234', CorpusId: 1 }, year: 2024, citationCount: 50, authors: [{ authorId: '1234', name: 'Ada Example' }, { authorId: null, name: 'Bo Sample' }] },
    { paperId: HEX2, title: 'On Counting', externalIds: { DOI: '10.9999/JWR.2023.0042' }, year: 2023, publicationDate: '2023-03-01', citationCount: 7, authors: [{ authorId: '99', name: 'Carla Test' }, { authorId: '1234', name: 'Ada Example' }] },
  ],
};

describe('parse (the web pages)', () => {
  it('an author page is Unrecognised: its data comes from the Graph API', () => {
    const html = '<!DOCTYPE html><html><head><title>Ada Example | Semantic Scholar</title></head><body><div id="app"></div></body></html>';
    expect(why(parse(htmlDoc(html), AUTHOR_URL))).toBe(`${GRAPH_API_REASON} (author 1234)`);
  });

  it('a paper page with citation_* meta tags is one paper', () => {
    const url = `https://www.semanticscholar.org/paper/Sparse-Widgets-Example/${HEX}`;
    const html = `<!DOCTYPE html><html><head>
      <meta name="citation_title" content="Sparse Widgets for Dense Problems">
      <meta name="citation_author" content="Example, Ada"><meta name="citation_author" content="Bo Sample">
      <meta name="citation_publication_date" content="2024/01/05">
      <meta name="citation_doi" content="10.9999/SW.2024.1">
      <meta name="citation_pdf_url" content="https://example.org/sw.pdf">
      <meta name="citation_journal_title" content="J. Widget Res.">
    </head><body><div id="app"></div></body></html>`;
    const r = ok(parse(htmlDoc(html), url));
    expect(r).toMatchObject({ pageType: 'abs', author: null, title: 'Sparse Widgets for Dense Problems' });
    expect(r.papers[0]).toMatchObject({
      id: '10.9999/sw.2024.1', doi: '10.9999/SW.2024.1', authors: ['Ada Example', 'Bo Sample'], published: '2024-01-05', year: 2024,
      journalRef: 'J. Widget Res.', source: 'semanticscholar',
      links: { abs: `https://www.semanticscholar.org/paper/${HEX}`, pdf: 'https://example.org/sw.pdf', doi: 'https://doi.org/10.9999/SW.2024.1' },
    });
    expect(r.authors.map((a) => a.name)).toEqual(['Ada Example', 'Bo Sample']);
  });

  it('a paper page with no meta tags: s2 id only → Unrecognised; arXiv id meta → arXiv paper', () => {
    const url = `https://www.semanticscholar.org/paper/${HEX}`;
    expect(why(parse(htmlDoc('<html><head></head><body></body></html>'), url))).toContain(GRAPH_API_REASON);
    const r = ok(parse(htmlDoc('<html><head><meta name="citation_title" content="T"><meta name="citation_arxiv_id" content="2401.01234v3"><meta name="citation_date" content="2024"></head><body></body></html>'), url));
    expect(r.papers[0]).toMatchObject({ id: '2401.01234', arxivId: '2401.01234', year: 2024, published: null, links: { abs: 'https://arxiv.org/abs/2401.01234' } });
    const bare = ok(parse(htmlDoc('<html><head><meta name="citation_title" content="T"></head><body></body></html>'), url));
    expect(bare.papers[0]?.id).toBe(`s2:${HEX}`);
  });

  it('other URLs are Unrecognised', () => {
    expect(why(parse(htmlDoc('<p></p>'), 'https://www.semanticscholar.org/search?q=x'))).toBe('not a supported Semantic Scholar page');
    expect(why(parse(htmlDoc('<p></p>'), 'https://arxiv.org/abs/2401.01234'))).toBe('not a Semantic Scholar URL');
    expect(parse(null as unknown as Document, `https://www.semanticscholar.org/paper/${HEX}`).ok).toBe(false);
  });
});

describe('profileFromS2', () => {
  it('author with embedded papers: the author page ScrapeResult', () => {
    const r = ok(profileFromS2(author, [], AUTHOR_URL, NOW));
    expect(r).toMatchObject({ site: 'semanticscholar', pageType: 'author', url: AUTHOR_URL, total: 3, title: 'Ada Example', scrapedAt: NOW.toISOString() });
    expect(r.author).toEqual({ name: 'Ada Example', url: 'https://www.semanticscholar.org/author/1234', arxivId: null, query: null });
    expect(r.papers.map((p) => [p.id, p.arxivId, p.doi, p.citations, p.citationsSource, p.year])).toEqual([
      ['2401.01234', '2401.01234', '10.48550/arXiv.2401.01234', 50, 'semanticscholar', 2024],
      ['10.9999/jwr.2023.0042', null, '10.9999/JWR.2023.0042', 7, 'semanticscholar', 2023],
    ]);
    expect(r.papers[0]).toMatchObject({ title: 'Sparse Widgets', authors: ['Ada Example', 'Bo Sample'], authorUrls: ['https://www.semanticscholar.org/author/1234', null], source: 'semanticscholar' });
    expect(r.authors.map((a) => [a.name, a.url])).toEqual([
      ['Ada Example', 'https://www.semanticscholar.org/author/1234'],
      ['Bo Sample', null],
      ['Carla Test', 'https://www.semanticscholar.org/author/99'],
    ]);
  });

  it('more papers from /author/{id}/papers pages (text or parsed, page or array), one per paper id', () => {
    const page1 = JSON.stringify({ offset: 0, next: 2, data: [{ paperId: HEX, title: 'dup' }, { paperId: 'c'.repeat(40), title: 'Third', externalIds: { DOI: '10.9999/jwr.2023.0042' } }] });
    const page2 = [{ paperId: 'd'.repeat(40), title: 'Fourth', citationCount: 0 }];
    const r = ok(profileFromS2(JSON.stringify({ ...author, papers: undefined }), [JSON.stringify({ data: author.papers }), page1, page2], 'https://api.semanticscholar.org/graph/v1/author/1234/papers?offset=0', NOW));
    // HEX repeated → once; the third paper has the second's DOI → the same paper id, first kept.
    expect(r.papers.map((p) => p.id)).toEqual(['2401.01234', '10.9999/jwr.2023.0042', `s2:${'d'.repeat(40)}`]);
    expect(r.papers[2]).toMatchObject({ citations: 0, authors: [] });
  });

  it('an author record without papers is a profile with none', () => {
    const r = ok(profileFromS2({ authorId: '1234' }, [], AUTHOR_URL, NOW));
    expect(r).toMatchObject({ papers: [], authors: [], total: null, title: '1234', author: { name: '1234' } });
  });

  it.each([
    [{ name: 'no id' }, [], 'not a Semantic Scholar author record'],
    ['{oops', [], 'author reply is not JSON'],
    [{ ...author, hIndex: -1 }, [], 'not a Semantic Scholar author record'],
    [{ ...author, papers: [{ title: 'no paperId' }] }, [], 'not a Semantic Scholar author record'],
    [author, ['{'], 'papers reply 1 is not JSON'],
    [author, [{ data: 'x' }], 'papers reply 1 is not a list of papers'],
    [null, [], 'not a Semantic Scholar author record'],
  ])('Unrecognised: %j', (a, pages, reason) => {
    expect(why(profileFromS2(a, pages as unknown[], AUTHOR_URL, NOW))).toContain(reason);
  });

  it('the URL must name the same author', () => {
    expect(why(profileFromS2(author, [], 'https://www.semanticscholar.org/author/x/999', NOW))).toBe('the URL names author 999, the reply is author 1234');
    expect(why(profileFromS2(author, [], 'https://api.semanticscholar.org/graph/v1/author/999?fields=name', NOW))).toContain('999');
    expect(profileFromS2(author, [], 'file:///saved/author.json', NOW).ok).toBe(true);
  });
});

describe('reportedFromS2', () => {
  it('h, citations, papers as S2 states them', () => {
    expect(reportedFromS2(author, NOW)).toEqual([
      { metric: 'h', value: 2, source: 'semanticscholar', at: NOW.toISOString() },
      { metric: 'citations', value: 57, source: 'semanticscholar', at: NOW.toISOString() },
      { metric: 'papers', value: 3, source: 'semanticscholar', at: NOW.toISOString() },
    ]);
  });

  it('absent values are left out (never 0 for unknown); invalid records give nothing', () => {
    expect(reportedFromS2({ authorId: '1', citationCount: 0, hIndex: null }, NOW)).toEqual([{ metric: 'citations', value: 0, source: 'semanticscholar', at: NOW.toISOString() }]);
    expect(reportedFromS2({ name: 'x' }, NOW)).toEqual([]);
    expect(reportedFromS2('not json', NOW)).toEqual([]);
    expect(reportedFromS2(null, NOW)).toEqual([]);
  });
});
