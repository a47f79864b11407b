/**
 * `profileFromS2` / `reportedFromS2` on the real recorded Graph API replies in the shared fixtures
 * (never copied into the project). Cassette bodies are read with `readCassette`. Values read off the
 * captures.
 */
import { profileFromS2, reportedFromS2 } from '../../lib/sites/semanticscholar-page';
import { Paper, ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { describeFixtures, readFixture } from '../fixtures';
import { readCassette } from '../http-server';

const NOW = new Date('2025-06-01T12:00:00Z');
const PAGE = 'https://www.semanticscholar.org/author/A.-Turing/2262347';

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

describeFixtures('S2 author 2262347 (plain JSON, 60 embedded papers)', () => {
  const json = readFixture('semanticscholar/author-2262347.json');
  const r = ok(profileFromS2(json, [], PAGE, NOW));

  it('the author page: A. Turing, paperCount 60, 60 papers', () => {
    expect(r).toMatchObject({ site: 'semanticscholar', pageType: 'author', url: PAGE, total: 60, title: 'A. Turing' });
    expect(r.author).toEqual({ name: 'A. Turing', url: 'https://www.semanticscholar.org/author/2262347', arxivId: null, query: null });
    expect(r.papers).toHaveLength(60);
    expect(r.papers.every((p) => Paper.safeParse(p).success && p.source === 'semanticscholar')).toBe(true);
  });

  it('ids: 32 DOIs (lower-cased), 28 s2:, no arXiv; every paper has a count (sum 12416)', () => {
    expect(r.papers.filter((p) => p.doi !== null)).toHaveLength(32);
    expect(r.papers.filter((p) => p.id.startsWith('s2:'))).toHaveLength(28);
    expect(r.papers.filter((p) => p.arxivId !== null)).toHaveLength(0);
    expect(r.papers.every((p) => p.citations !== null && p.citationsSource === 'semanticscholar')).toBe(true);
    expect(r.papers.reduce((s, p) => s + (p.citations ?? 0), 0)).toBe(12416);
  });

  it('first paper and "Computing Machinery and Intelligence"', () => {
    expect(r.papers[0]).toMatchObject({
      id: 's2:5d10faffeae5e9f2ae868626b29e6e9b8047cecb', title: 'Dystopian or Utopian? Two Images of Alan Turing', year: 2022, citations: 0,
      authors: ['A. Turing'], authorUrls: ['https://www.semanticscholar.org/author/2262347'],
    });
    expect(r.papers.find((p) => p.title === 'Computing Machinery and Intelligence')).toMatchObject({
      id: '10.1093/mind/lix.236.433', doi: '10.1093/MIND/LIX.236.433', year: 1950, published: '1950-10-01', citations: 8596,
    });
  });

  it('co-authors with their S2 links', () => {
    expect(r.authors[0]).toEqual({ name: 'A. Turing', url: 'https://www.semanticscholar.org/author/2262347', arxivId: null, query: null });
    expect(r.authors.slice(1, 3)).toEqual([
      { name: 'Jonathan P. Bowen', url: 'https://www.semanticscholar.org/author/1772040', arxivId: null, query: null },
      { name: 'Mark D. Sprevak', url: 'https://www.semanticscholar.org/author/3075367', arxivId: null, query: null },
    ]);
  });

  it('reported: h 23, citations 12415, papers 60', () => {
    expect(reportedFromS2(json, NOW).map((m) => [m.metric, m.value, m.source])).toEqual([
      ['h', 23, 'semanticscholar'],
      ['citations', 12415, 'semanticscholar'],
      ['papers', 60, 'semanticscholar'],
    ]);
  });
});

describeFixtures('S2 author 2262347, all fields (VCR cassette, 2023-12)', () => {
  const [rec] = readCassette(readFixture('semanticscholar/author-2262347-full-fields.vcr.yaml'));

  it('the recorded request and reply', () => {
    expect(rec).toMatchObject({ method: 'GET', status: 200 });
    expect(rec?.uri).toMatch(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?fields=/);
  });

  it('59 papers, paperCount 59, reported citations 13236 and h 22', () => {
    const r = ok(profileFromS2(rec!.body, [], rec!.uri, NOW));
    expect(r).toMatchObject({ total: 59, title: 'A. Turing', author: { url: 'https://www.semanticscholar.org/author/2262347' } });
    expect(r.papers).toHaveLength(59);
    expect(r.papers.filter((p) => p.doi !== null)).toHaveLength(32);
    expect(r.papers.reduce((s, p) => s + (p.citations ?? 0), 0)).toBe(13248);
    expect(r.papers.find((p) => p.title === 'Computing Machinery and Intelligence')?.citations).toBe(9664);
    expect(reportedFromS2(rec!.body, NOW).map((m) => [m.metric, m.value])).toEqual([['h', 22], ['citations', 13236], ['papers', 59]]);
  });

  it('the same reply, with the S2 web page as URL', () => {
    expect(ok(profileFromS2(rec!.body, [], PAGE, NOW)).papers).toHaveLength(59);
  });
});

describeFixtures('S2 author 1723755: 9 recorded /papers pages after a bare author record', () => {
  const pages = readCassette(readFixture('semanticscholar/author-1723755-papers-paginated.vcr.yaml'));

  it('875 papers, titles only: no counts (null, never 0), no co-authors', () => {
    const r = ok(profileFromS2({ authorId: '1723755' }, pages.map((p) => p.body), 'https://www.semanticscholar.org/author/x/1723755', NOW));
    expect(pages).toHaveLength(9);
    expect(r.papers).toHaveLength(875);
    expect(r.papers[0]).toMatchObject({ id: 's2:01063e45d9fc9635d29d8d78aa24ed8de351f36a', title: 'SARS-CoV-2 hijacks p38β/MAPK11 to promote virus replication', citations: null, authors: [] });
    expect(r.papers.at(-1)?.id).toBe('s2:d3ba40f9be03277b52740056c787ecda4ca42f2c');
    expect(r.authors).toEqual([]);
    expect(r.total).toBeNull();
  });

  it('the pages belong to author 1723755, not 2262347', () => {
    const out = profileFromS2({ authorId: '2262347' }, pages.map((p) => p.body), 'https://api.semanticscholar.org/graph/v1/author/1723755/papers', NOW);
    expect(out.ok).toBe(false);
  });
});

describeFixtures('S2 author search (VCR cassette): one author of the results', () => {
  it('the first result (A. Turing, 58 embedded papers) reads as a profile', () => {
    const [rec] = readCassette(readFixture('semanticscholar/author-search-turing.vcr.yaml'));
    const reply = JSON.parse(rec!.body) as { total: number; data: unknown[] };
    expect(reply.total).toBe(55);
    const first = reply.data[0] as { authorId: string };
    const r = ok(profileFromS2(first, [], `https://www.semanticscholar.org/author/${first.authorId}`, NOW));
    expect(r).toMatchObject({ total: 59, title: 'A. Turing' });
    expect(r.papers).toHaveLength(58);
    expect(reportedFromS2(first, NOW).map((m) => [m.metric, m.value])).toEqual([['h', 22], ['citations', 13248], ['papers', 59]]);
  });
});
