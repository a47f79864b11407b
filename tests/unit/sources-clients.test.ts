// @vitest-environment node
/**
 * The source clients against a local server with responses in the APIs' recorded shapes (the
 * real recordings are exercised in tests/real/sources-recorded.test.ts): request counts and
 * batching, headers and query parameters, 404s, null batch entries, tolerant schemas.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Paper } from '../../lib/schema';
import { ARXIV_BATCH_SIZE, fetchArxivMetadata, isArxivId } from '../../lib/sources/arxiv-api';
import { createHttpClient, InvalidResponseError, type HttpClient } from '../../lib/sources/http';
import { hfPaper } from '../../lib/sources/huggingface';
import { openAlexAuthor, openAlexAuthorId } from '../../lib/sources/openalex';
import {
  author,
  authorPapers,
  citationCounts,
  normaliseArxivId,
  paperAuthors,
  S2_BATCH_SIZE,
  s2ToPaper,
} from '../../lib/sources/semanticscholar';
import { startServer, type TestServer } from '../http-server';

const NOW = new Date('2025-06-01T12:00:00Z');

let server: TestServer;
let http: HttpClient;
beforeEach(async () => {
  server = await startServer();
  // No rate limit and no real waits: these tests count requests, the rules are tested elsewhere.
  const fast = { intervalMs: 0, concurrency: 4 };
  http = createHttpClient({
    fetch: server.fetch,
    hosts: { 'api.semanticscholar.org': fast, 'export.arxiv.org': fast, 'api.openalex.org': fast, 'huggingface.co': fast },
    sleep: async () => {},
    logger: { warn: () => {} },
  });
});
afterEach(async () => {
  await server.close();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `2401.${String(10000 + i)}`);

// ---------------------------------------------------------------- Semantic Scholar

/** A /paper/batch reply in the recorded shape: aligned with the ids, null for every 7th. */
function batchResponder() {
  server.route('/graph/v1/paper/batch', (req) => {
    const body = JSON.parse(req.body) as { ids: string[] };
    return {
      body: body.ids.map((id, k) =>
        k % 7 === 3
          ? null
          : { paperId: `p${id.slice(6)}`, externalIds: { ArXiv: id.slice(6), CorpusId: k, DOI: `10.48550/arXiv.${id.slice(6)}` }, title: `T ${id}`, citationCount: k },
      ),
    };
  });
}

describe('citationCounts', () => {
  it.each([
    [50, 1],
    [1200, 3],
  ])('N = %i ids → %i requests (⌈N/500⌉), every id answered', async (n, requests) => {
    batchResponder();
    const input = ids(n);
    const out = await citationCounts(http, input, { now: () => NOW });
    expect(server.requests).toHaveLength(requests);
    expect(Math.ceil(n / S2_BATCH_SIZE)).toBe(requests);
    expect(http.stats()).toEqual({ 'api.semanticscholar.org': requests });
    for (const r of server.requests) {
      expect(r.method).toBe('POST');
      expect(r.host).toBe('api.semanticscholar.org');
      expect(r.path).toBe('/graph/v1/paper/batch');
      expect(r.query.get('fields')).toBe('citationCount,externalIds,title');
      const body = JSON.parse(r.body) as { ids: string[] };
      expect(body.ids.length).toBeLessThanOrEqual(500);
      expect(body.ids.every((id) => id.startsWith('ARXIV:'))).toBe(true);
    }
    expect(server.requests.map((r) => (JSON.parse(r.body) as { ids: string[] }).ids.length)).toEqual(n === 50 ? [50] : [500, 500, 200]);
    expect(out.size).toBe(n);
    expect(out.get(input[0]!)).toEqual({ citations: 0, s2PaperId: 'p2401.10000', title: `T ARXIV:${input[0]}`, doi: `10.48550/arXiv.${input[0]}`, fetchedAt: NOW.toISOString() });
    expect(out.get(input[3]!)).toMatchObject({ citations: null, s2PaperId: null, doi: null }); // null entry = unknown, not 0
    expect(out.get(input[4]!)?.citations).toBe(4);
  });

  it('dedupes ids, strips versions in the request, keys the map by the id as given', async () => {
    batchResponder();
    const out = await citationCounts(http, ['2401.10000v2', '2401.10000v2', ' 2401.10001 ']);
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ ids: ['ARXIV:2401.10000', 'ARXIV:2401.10001'] });
    expect([...out.keys()]).toEqual(['2401.10000v2', '2401.10001']);
  });

  it('no ids → no request', async () => {
    expect((await citationCounts(http, [])).size).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('sends the API key as x-api-key (and not otherwise)', async () => {
    batchResponder();
    await citationCounts(http, ids(2), { apiKey: 'k-123' });
    await citationCounts(http, ids(3));
    expect(server.requests[0]?.headers['x-api-key']).toBe('k-123');
    expect(server.requests[1]?.headers['x-api-key']).toBeUndefined();
  });

  it('a reply not aligned with the ids is rejected as invalid', async () => {
    server.route('/graph/v1/paper/batch', { body: [null] });
    await expect(citationCounts(http, ids(2))).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('paperAuthors / author / authorPapers', () => {
  it('paperAuthors: /paper/ARXIV:<id>?fields=authors, null on 404, unlinked authors kept with a null id', async () => {
    server.route('/graph/v1/paper/ARXIV:2401.10000', {
      body: { paperId: 'abc', authors: [{ authorId: '1', name: 'A. One' }, { authorId: null, name: 'B. Two' }, { authorId: '3', name: '' }] },
    });
    server.route('/graph/v1/paper/ARXIV:hep-th/9901001', { body: { paperId: 'old', authors: [{ authorId: '9', name: 'Old Timer' }] } });
    server.route('/graph/v1/paper/ARXIV:2401.99999', { status: 404, body: { error: 'Paper with id ARXIV:2401.99999 not found' } });
    expect(await paperAuthors(http, '2401.10000v3')).toEqual([
      { authorId: '1', name: 'A. One' },
      { authorId: null, name: 'B. Two' },
    ]);
    expect(server.requests[0]?.query.get('fields')).toBe('authors');
    expect(await paperAuthors(http, 'hep-th/9901001')).toEqual([{ authorId: '9', name: 'Old Timer' }]);
    expect(await paperAuthors(http, '2401.99999')).toBeNull();
  });

  it('author: asks for the documented fields; null on 404', async () => {
    server.route('/graph/v1/author/42', { body: { authorId: '42', name: 'Ada', affiliations: ['X'], paperCount: 3, citationCount: 10, hIndex: 2, externalIds: { ORCID: '0000-0001', DBLP: ['Ada L.', 'A. Lovelace'] } } });
    server.route('/graph/v1/author/43', { status: 404, body: { error: 'Author not found' } });
    const a = await author(http, '42', { now: () => NOW });
    expect(server.requests[0]?.query.get('fields')).toBe('name,affiliations,paperCount,citationCount,hIndex,externalIds');
    expect(a).toEqual({
      authorId: '42',
      name: 'Ada',
      url: 'https://www.semanticscholar.org/author/42',
      affiliations: ['X'],
      paperCount: 3,
      citationCount: 10,
      hIndex: 2,
      externalIds: { ORCID: ['0000-0001'], DBLP: ['Ada L.', 'A. Lovelace'] },
      fetchedAt: NOW.toISOString(),
    });
    expect(await author(http, '43')).toBeNull();
  });

  it('authorPapers: follows next until absent, converts ids (arXiv > DOI lower-cased > s2:)', async () => {
    const page = (offset: number, n: number, next?: number) => ({
      offset,
      ...(next !== undefined ? { next } : {}),
      data: Array.from({ length: n }, (_, i) => {
        const k = offset + i;
        const externalIds = k % 3 === 0 ? { ArXiv: `2401.${10000 + k}`, DOI: `10.1/X${k}` } : k % 3 === 1 ? { DOI: `10.1/ABC${k}`, CorpusId: k } : { CorpusId: k };
        return { paperId: `s${k}`, externalIds, title: `Paper ${k}`, citationCount: k % 5 === 0 ? null : k, year: 2020, authors: [{ authorId: '7', name: 'Me' }, { authorId: null, name: 'You' }] };
      }),
    });
    server.route('/graph/v1/author/7/papers', (req) => {
      const offset = Number(req.query.get('offset'));
      return { body: offset === 0 ? page(0, 100, 100) : offset === 100 ? page(100, 100, 200) : page(200, 37) };
    });
    const papers = await authorPapers(http, '7', { now: () => NOW });
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
    for (const r of server.requests) {
      expect(r.query.get('limit')).toBe('100');
      expect(r.query.get('fields')).toBe('title,externalIds,citationCount,year,authors');
    }
    expect(papers).toHaveLength(237);
    expect(papers.every((p) => Paper.safeParse(p).success)).toBe(true);
    expect(papers[0]).toMatchObject({ id: '2401.10000', arxivId: '2401.10000', doi: '10.1/X0', citations: null, citationsSource: null, source: 'semanticscholar' });
    expect(papers[1]).toMatchObject({
      id: '10.1/abc1',
      arxivId: null,
      doi: '10.1/ABC1',
      citations: 1,
      citationsSource: 'semanticscholar',
      citationsFetchedAt: NOW.toISOString(),
      fetchedAt: NOW.toISOString(),
      authors: ['Me', 'You'],
      authorUrls: ['https://www.semanticscholar.org/author/7', null],
      year: 2020,
    });
    expect(papers[2]).toMatchObject({ id: 's2:s2', arxivId: null, doi: null });
    expect(papers[0]?.links).toMatchObject({ abs: 'https://arxiv.org/abs/2401.10000', pdf: 'https://arxiv.org/pdf/2401.10000', doi: 'https://doi.org/10.1/X0' });
  });

  it('authorPapers stops on a `next` that does not advance', async () => {
    server.route('/graph/v1/author/8/papers', { body: { offset: 0, next: 0, data: [{ paperId: 'a', title: 'A' }] } });
    expect(await authorPapers(http, '8')).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('s2ToPaper strips an arXiv version and keeps the publication date', () => {
    const p = s2ToPaper({ paperId: 'z', externalIds: { ArXiv: '1706.03762v5' }, title: ' Attention\n is all ', publicationDate: '2017-06-12', citationCount: 5 }, NOW.toISOString());
    expect(p).toMatchObject({ id: '1706.03762', title: 'Attention is all', published: '2017-06-12', year: 2017, citations: 5 });
    expect(normaliseArxivId('arXiv:2106.09608v2')).toBe('2106.09608');
  });
});

// ---------------------------------------------------------------- arXiv API

const ATOM_NS = 'xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"';
function atomFeed(idList: string[]): string {
  const entries = idList
    .map((v) => v.replace(/v\d+$/, ''))
    .map(
      (id) => `<entry><id>http://arxiv.org/abs/${id}v1</id><title>Paper ${id}</title><updated>2024-01-02T00:00:00Z</updated>
<link href="https://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/><link href="https://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf" title="pdf"/>
<summary>About ${id}.</summary><category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/><published>2024-01-01T00:00:00Z</published>
<arxiv:primary_category term="cs.LG"/><author><name>Jane Doe</name></author></entry>`,
    )
    .join('\n');
  return `<?xml version='1.0' encoding='UTF-8'?>\n<feed ${ATOM_NS}><id>https://arxiv.org/api/x</id><title>arXiv Query: id_list</title>
<opensearch:totalResults>${idList.length}</opensearch:totalResults>${entries}</feed>`;
}

describe('fetchArxivMetadata', () => {
  it.each([
    [50, 1],
    [1200, 12],
  ])('N = %i ids → %i requests (⌈N/100⌉), all papers parsed', async (n, requests) => {
    server.route('/api/query', (req) => ({ body: atomFeed((req.query.get('id_list') ?? '').split(',')), headers: { 'content-type': 'application/atom+xml' } }));
    const input = ids(n);
    const papers = await fetchArxivMetadata(http, input, { now: () => NOW });
    expect(server.requests).toHaveLength(requests);
    expect(Math.ceil(n / ARXIV_BATCH_SIZE)).toBe(requests);
    for (const r of server.requests) {
      expect(r.host).toBe('export.arxiv.org');
      const list = (r.query.get('id_list') ?? '').split(',');
      expect(list.length).toBeLessThanOrEqual(100);
      expect(r.query.get('max_results')).toBe(String(list.length));
    }
    expect(papers.map((p) => p.id)).toEqual(input);
    expect(papers[0]).toMatchObject({ title: `Paper ${input[0]}`, source: 'arxiv-api', version: 1, fetchedAt: NOW.toISOString() });
  });

  it('drops malformed ids and duplicates before asking (one bad id would fail the whole query)', async () => {
    server.route('/api/query', (req) => ({ body: atomFeed((req.query.get('id_list') ?? '').split(',')) }));
    const papers = await fetchArxivMetadata(http, ['2401.10000', 'not an id', '2401.10000', 'hep-th/9901001', 'arXiv:2401.10001v2', '../etc']);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.query.get('id_list')).toBe('2401.10000,hep-th/9901001,2401.10001v2');
    expect(papers).toHaveLength(3);
    expect(isArxivId('cond-mat/0412498v1')).toBe(true);
    expect(isArxivId('2401.1')).toBe(false);
  });

  it('an arXiv error feed becomes an InvalidResponseError', async () => {
    server.route('/api/query', {
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1</id><title>Error</title><summary>incorrect id format for 1</summary></entry></feed>`,
    });
    await expect(fetchArxivMetadata(http, ['2401.10000'])).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('no valid ids → no request', async () => {
    expect(await fetchArxivMetadata(http, ['x', ''])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

// ---------------------------------------------------------------- OpenAlex

describe('openAlexAuthor', () => {
  it('accepts URL ids, sends api_key as a query parameter, null on 404', async () => {
    server.route('/authors/A1', { body: { id: 'https://openalex.org/A1', display_name: 'X', works_count: 1, cited_by_count: 2 } });
    server.route('/authors/A2', { status: 404, body: { error: 'not found' } });
    const a = await openAlexAuthor(http, 'https://openalex.org/a1', 'secret', { now: () => NOW });
    expect(server.requests[0]?.query.get('api_key')).toBe('secret');
    expect(a).toEqual({ id: 'A1', name: 'X', orcid: null, worksCount: 1, citedByCount: 2, hIndex: null, i10Index: null, twoYearMeanCitedness: null, countsByYear: [], institutions: [], fetchedAt: NOW.toISOString() });
    expect(await openAlexAuthor(http, 'A2')).toBeNull();
    expect(server.requests[1]?.query.has('api_key')).toBe(false);
    expect(await openAlexAuthor(http, 'W123')).toBeNull(); // not an author id: no request
    expect(server.requests).toHaveLength(2);
    expect(openAlexAuthorId('A5023888391')).toBe('A5023888391');
  });

  it('a reply without the required counts is invalid', async () => {
    server.route('/authors/A3', { body: { id: 'https://openalex.org/A3', display_name: 'X' } });
    await expect(openAlexAuthor(http, 'A3')).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

// ---------------------------------------------------------------- Hugging Face

describe('hfPaper', () => {
  /** The paper-page API shape (trimmed): many fields, of which only the links are read. */
  const hf = (extra: Record<string, unknown>) => ({
    id: '2106.09685',
    authors: [{ _id: '1', name: 'Edward J. Hu', hidden: false }],
    publishedAt: '2021-06-17T17:37:18.000Z',
    title: 'LoRA: Low-Rank Adaptation of Large Language Models',
    summary: '…',
    upvotes: 42,
    discussionId: 'abc',
    ai_keywords: ['LoRA'],
    ...extra,
  });

  it('code repository and project page', async () => {
    server.route('/api/papers/2106.09685', { body: hf({ githubRepo: 'https://github.com/microsoft/LoRA', githubStars: 12000, projectPage: 'https://lora.example.org/' }) });
    expect(await hfPaper(http, '2106.09685v2')).toEqual([
      { kind: 'code', url: 'https://github.com/microsoft/LoRA', stars: 12000 },
      { kind: 'project', url: 'https://lora.example.org', stars: null },
    ]);
    expect(server.requests[0]?.host).toBe('huggingface.co');
  });

  it('[] on 404 and when the page has no links; wrong-typed or non-http links ignored', async () => {
    server.route('/api/papers/2401.00001', { status: 404, body: { error: 'Paper not found' } });
    server.route('/api/papers/2401.00002', { body: hf({ githubRepo: null }) });
    server.route('/api/papers/2401.00003', { body: hf({ githubRepo: 42, projectPage: 'javascript:alert(1)', githubStars: 'many' }) });
    expect(await hfPaper(http, '2401.00001')).toEqual([]);
    expect(await hfPaper(http, '2401.00002')).toEqual([]);
    expect(await hfPaper(http, '2401.00003')).toEqual([]);
  });

  it('other HTTP errors still throw', async () => {
    server.route('/api/papers/2401.00004', { status: 403, body: 'forbidden' });
    await expect(hfPaper(http, '2401.00004')).rejects.toMatchObject({ name: 'HttpError', status: 403 });
  });
});
