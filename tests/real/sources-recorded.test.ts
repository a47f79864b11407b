// @vitest-environment node
/**
 * The source clients against real recorded API replies from the shared fixtures (never copied
 * into the project), served by the local test server. vcrpy cassettes are read with
 * `readCassette`; each route checks that the client asked what the recording answered.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { Paper } from '../../lib/schema';
import { fetchArxivMetadata } from '../../lib/sources/arxiv-api';
import { createHttpClient, type HttpClient } from '../../lib/sources/http';
import { openAlexAuthor } from '../../lib/sources/openalex';
import {
  author,
  authorPapers,
  authorsBatch,
  paperAuthors,
  S2AuthorPapersPage,
  S2Paper,
  s2ToPaper,
} from '../../lib/sources/semanticscholar';
import { describeFixtures, readFixture } from '../fixtures';
import { readCassette, startServer, type TestServer } from '../http-server';

const NOW = new Date('2025-06-01T12:00:00Z');

let server: TestServer;
let http: HttpClient;
let warnings: string[];
beforeEach(async () => {
  server = await startServer();
  warnings = [];
  const fast = { intervalMs: 0 };
  http = createHttpClient({
    fetch: server.fetch,
    hosts: { 'api.semanticscholar.org': fast, 'export.arxiv.org': fast, 'api.openalex.org': fast },
    sleep: async () => {},
    logger: { warn: (m) => warnings.push(m) },
  });
});
afterEach(async () => {
  await server.close();
});

describeFixtures('Semantic Scholar, recorded replies', () => {
  it('author 2262347 (plain JSON body): the profile numbers', async () => {
    server.route('/graph/v1/author/2262347', { body: readFixture('semanticscholar/author-2262347.json') });
    const a = await author(http, '2262347', { now: () => NOW });
    expect(a).toEqual({
      authorId: '2262347',
      name: 'A. Turing',
      url: 'https://www.semanticscholar.org/author/2262347',
      affiliations: [],
      paperCount: 60,
      citationCount: 12415,
      hIndex: 23,
      externalIds: { DBLP: ['Alan M. Turing'] },
      fetchedAt: NOW.toISOString(),
    });
    expect(warnings).toEqual([]);
  });

  it('author 2262347 (cassette, all fields): same shape, the 2023-12 numbers', async () => {
    const [rec] = readCassette(readFixture('semanticscholar/author-2262347-full-fields.vcr.yaml'));
    expect(rec?.method).toBe('GET');
    server.route('/graph/v1/author/2262347', { status: rec!.status, body: rec!.body });
    const a = await author(http, '2262347');
    expect(a).toMatchObject({ name: 'A. Turing', paperCount: 59, citationCount: 13236, hIndex: 22 });
  });

  it("the author's 60 embedded papers convert to valid Papers (DOI lower-cased, else s2:)", () => {
    const raw = JSON.parse(readFixture('semanticscholar/author-2262347.json')) as { papers: unknown[] };
    const papers = z.array(S2Paper).parse(raw.papers).map((p) => s2ToPaper(p, NOW.toISOString()));
    expect(papers).toHaveLength(60);
    expect(papers.every((p) => Paper.safeParse(p).success)).toBe(true);
    expect(papers.filter((p) => p.doi !== null)).toHaveLength(32);
    expect(papers.filter((p) => p.id.startsWith('s2:'))).toHaveLength(28);
    expect(papers.every((p) => p.doi === null || p.id === p.doi.toLowerCase())).toBe(true);
    const cmi = papers.find((p) => p.title === 'Computing Machinery and Intelligence');
    expect(cmi).toMatchObject({ citations: 8596, citationsSource: 'semanticscholar', source: 'semanticscholar', authors: ['A. Turing'] });
    expect(papers.reduce((s, p) => s + (p.citations ?? 0), 0)).toBe(12416);
    const phd = papers.find((p) => p.doi === '10.1016/b978-044450423-4/50007-3');
    expect(phd).toMatchObject({ id: '10.1016/b978-044450423-4/50007-3', year: 2012, published: '2012-12-31', citations: 328 });
  });

  it('author 1723755 papers: 9 recorded pages followed via next → 875 papers', async () => {
    const pages = readCassette(readFixture('semanticscholar/author-1723755-papers-paginated.vcr.yaml'));
    expect(pages).toHaveLength(9);
    server.route('/graph/v1/author/1723755/papers', (req) => {
      const rec = pages.find((p) => new URL(p.uri).searchParams.get('offset') === req.query.get('offset'));
      return rec ? { status: rec.status, body: rec.body } : { status: 400, body: { error: 'unrecorded offset' } };
    });
    const papers = await authorPapers(http, '1723755', { now: () => NOW });
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual(['0', '100', '200', '300', '400', '500', '600', '700', '800']);
    expect(server.requests.every((r) => r.query.get('limit') === '100')).toBe(true);
    expect(http.stats()).toEqual({ 'api.semanticscholar.org': 9 });
    expect(papers).toHaveLength(875);
    expect(new Set(papers.map((p) => p.id)).size).toBe(875);
    // The recording asked for titles only: no ids beyond S2's, no counts (null, never 0).
    expect(papers[0]).toMatchObject({
      id: 's2:01063e45d9fc9635d29d8d78aa24ed8de351f36a',
      title: 'SARS-CoV-2 hijacks p38β/MAPK11 to promote virus replication',
      citations: null,
      authors: [],
    });
    expect(papers.at(-1)?.id).toBe('s2:d3ba40f9be03277b52740056c787ecda4ca42f2c');
    expect(papers.every((p) => Paper.safeParse(p).success)).toBe(true);
    // Every recorded page passes the page schema on its own.
    expect(pages.every((p) => S2AuthorPapersPage.safeParse(JSON.parse(p.body)).success)).toBe(true);
  });

  it('author batch with a null entry: the reply stays aligned with the ids', async () => {
    const [rec] = readCassette(readFixture('semanticscholar/author-batch-with-null.vcr.yaml'));
    expect(rec?.method).toBe('POST');
    server.route('/graph/v1/author/batch', { status: rec!.status, body: rec!.body });
    const out = await authorsBatch(http, ['0', '3234559', '1726629', '1711844']);
    expect(server.requests[0]?.body).toBe('{"ids":["0","3234559","1726629","1711844"]}'); // byte-identical to the recorded request
    expect(server.requests[0]?.query.get('fields')).toBe('name');
    expect([...out]).toEqual([
      ['0', null],
      ['3234559', { authorId: '3234559', name: 'E. Dijkstra' }],
      ['1726629', { authorId: '1726629', name: 'D. Parnas' }],
      ['1711844', { authorId: '1711844', name: 'I. Sommerville' }],
    ]);
  });

  it('paper with authors: paperAuthors reads the linked authors; the paper converts by DOI', async () => {
    const body = readFixture('semanticscholar/paper-doi-with-authors.json');
    server.route('/graph/v1/paper/ARXIV:0704.0001', { body });
    expect(await paperAuthors(http, '0704.0001')).toEqual([
      { authorId: '1872896', name: 'Heather A. Piwowar' },
      { authorId: '1930413662', name: 'R. Day' },
      { authorId: '1754458', name: 'D. Fridsma' },
    ]);
    const p = s2ToPaper(S2Paper.parse(JSON.parse(body)), NOW.toISOString());
    expect(p).toMatchObject({
      id: '10.1371/journal.pone.0000308',
      doi: '10.1371/journal.pone.0000308',
      arxivId: null,
      title: 'Sharing Detailed Research Data Is Associated with Increased Citation Rate',
      year: 2007,
      authors: ['Heather A. Piwowar', 'R. Day', 'D. Fridsma'],
      authorUrls: ['https://www.semanticscholar.org/author/1872896', 'https://www.semanticscholar.org/author/1930413662', 'https://www.semanticscholar.org/author/1754458'],
      citations: null,
      links: { doi: 'https://doi.org/10.1371/journal.pone.0000308' },
    });
  });
});

describeFixtures('OpenAlex, recorded author entity', () => {
  it('A5023888391: summary stats, totals, counts by year', async () => {
    server.route('/authors/A5023888391', { body: readFixture('openalex/author-A5023888391.json') });
    const a = await openAlexAuthor(http, 'https://openalex.org/A5023888391', 'KEY', { now: () => NOW });
    expect(server.requests[0]?.query.get('api_key')).toBe('KEY');
    expect(a).toMatchObject({
      id: 'A5023888391',
      name: 'Jason Priem',
      orcid: 'https://orcid.org/0000-0001-6187-6610',
      worksCount: 62,
      citedByCount: 3890,
      hIndex: 17,
      i10Index: 20,
      twoYearMeanCitedness: 6,
      institutions: ['OurResearch'],
      fetchedAt: NOW.toISOString(),
    });
    const years = a!.countsByYear.map((c) => c.year);
    expect(years).toEqual([...years].sort((x, y) => x - y));
    expect(a!.countsByYear.at(-1)).toEqual({ year: 2025, works: 0, citations: 80 });
    expect(a!.countsByYear.find((c) => c.year === 2024)).toEqual({ year: 2024, works: 1, citations: 314 });
    expect(warnings).toEqual([]);
  });
});

describeFixtures('arXiv API, recorded feeds through fetchArxivMetadata', () => {
  it('id_list=1706.03762 (2025+ feed format)', async () => {
    server.route('/api/query', { body: readFixture('arxiv-api/idlist-1706.03762-2026.xml'), headers: { 'content-type': 'application/atom+xml' } });
    const papers = await fetchArxivMetadata(http, ['1706.03762'], { now: () => NOW });
    const req = server.requests[0]!;
    expect(req.host).toBe('export.arxiv.org');
    expect(req.query.get('id_list')).toBe('1706.03762');
    expect(req.query.get('max_results')).toBe('1');
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      id: '1706.03762',
      version: 7,
      title: 'Attention Is All You Need',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      published: '2017-06-12',
      source: 'arxiv-api',
      fetchedAt: NOW.toISOString(),
    });
    expect(papers[0]?.authors).toHaveLength(8);
    expect(papers[0]?.authors[0]).toBe('Ashish Vaswani');
  });

  it('the legacy feed format (10 entries, old-style ids) parses the same way', async () => {
    server.route('/api/query', { body: readFixture('arxiv-api/query-au-del_maestro-2016.xml') });
    const ids = ['1201.4869', 'cond-mat/0412498', 'cond-mat/0603029', '1005.5383', '1303.6954', '1312.6177', '1412.6529', 'cond-mat/0607501', 'cond-mat/0702661', '0807.2873'];
    const papers = await fetchArxivMetadata(http, ids);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.query.get('id_list')).toBe(ids.join(','));
    expect(papers.map((p) => p.id)).toEqual(ids);
  });
});
