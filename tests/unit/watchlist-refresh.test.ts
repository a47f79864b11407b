/**
 * Background checks of watched authors: a fake HttpClient answering per URL, a ScholarDb in
 * fake-indexeddb seeded the way a page visit seeds it (`ingestScrape`), real captures where there
 * are some (DBLP person XML, arXiv API query, Semantic Scholar author, OpenReview notes) and small
 * synthetic replies for the rest (arXiv author feeds: no capture exists; edge cases).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { AuthorRef, Paper, ScrapeResult } from '@/lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { parseAtom } from '@/lib/sites/arxiv-atom';
import { parseDblpXml } from '@/lib/sites/dblp-xml';
import { HttpError, OfflineError, type HttpClient, type RequestOptions } from '@/lib/sources/http';
import { fetchRemoteProfile } from '@/lib/sources/remote-profile';
import { ScholarDb } from '@/lib/store/db';
import { ingestScrape } from '@/lib/store/ingest';
import {
  NEW_PAPERS_MAX, SCHOLAR_SKIPPED, checkAuthor, mergeNewPaperIds, notificationText, refreshWatchlist,
} from '@/lib/watchlist/refresh';
import { arxivAuthorTerm, arxivQueryUrl, planCheck } from '@/lib/watchlist/refresh-sources';
import type { WatchRow } from '@/lib/watchlist/schema';
import { describeFixtures, readFixture } from '../fixtures';
import { makePaper } from '../make-paper';

const NOW = new Date('2025-06-01T06:00:00.000Z');
const LATER = new Date('2025-06-02T06:00:00.000Z');
const VISITED = new Date('2025-05-01T00:00:00.000Z');
const settings: Settings = DEFAULT_SETTINGS;

// ---------------------------------------------------------------- the fake network

type Answer = string | Error | ((url: string) => string | Promise<string>);

interface FakeHttp extends HttpClient {
  calls: string[];
  headers: (Record<string, string> | undefined)[];
  /** Answer URLs starting with `prefix` (the longest matching prefix wins). */
  on(prefix: string, answer: Answer): void;
}

function fakeHttp(): FakeHttp {
  const routes = new Map<string, Answer>();
  const calls: string[] = [];
  const headers: (Record<string, string> | undefined)[] = [];
  async function text(url: string, init?: RequestOptions): Promise<string> {
    calls.push(url);
    headers.push(init?.headers);
    const prefix = [...routes.keys()].filter((p) => url.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const answer = prefix === undefined ? undefined : routes.get(prefix);
    if (answer === undefined) throw new HttpError(url, 404);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(url) : answer;
  }
  return {
    calls,
    headers,
    on: (prefix, answer) => void routes.set(prefix, answer),
    getText: text,
    async getJson<T>(url: string, schema: ZodType<T>, init?: RequestOptions) {
      return schema.parse(JSON.parse(await text(url, init)));
    },
    async postJson<T>(url: string, _body: unknown, schema: ZodType<T>, init?: RequestOptions) {
      return schema.parse(JSON.parse(await text(url, init)));
    },
    stats: () => ({}),
    isOffline: () => false,
    intervalMs: () => 0,
    logger: { warn: () => {} },
  };
}

const offline = (url: string) => new OfflineError(url, new TypeError('Failed to fetch'));

// ---------------------------------------------------------------- database helpers

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`watch-refresh-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function watchRow(authorId: string, name: string, over: Partial<WatchRow> = {}): WatchRow {
  return {
    authorId, name, note: '', addedAt: VISITED.toISOString(), lastSeenAt: VISITED.toISOString(),
    lastCheckedAt: null, lastCheckError: null, newPaperIds: [], edited: { name: 0, note: 0, lastSeenAt: 0 }, ...over,
  };
}

async function watch(authorId: string, name: string, over: Partial<WatchRow> = {}): Promise<void> {
  await db.watchlist.put(watchRow(authorId, name, over));
}

async function linked(authorId: string): Promise<string[]> {
  return (await db.authorPapers.where('authorId').equals(authorId).toArray()).map((r) => r.paperId).sort();
}

/** A page visit: what the content script would have handed over. */
async function visit(scrape: ScrapeResult): Promise<string> {
  const { authorId } = await ingestScrape(db, scrape, VISITED);
  if (!authorId) throw new Error('the visit named no author');
  return authorId;
}

function must<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`fixture did not parse: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

// ---------------------------------------------------------------- synthetic arXiv author feeds

interface FeedEntry { id: string; title: string; authors: string[]; published: string }

/** An `arxiv.org/a/<id>.atom` feed as arxiv-browse writes it (browse/controllers/list_page/author.py). */
function authorFeed(name: string, id: string, entries: FeedEntry[]): string {
  const entry = (e: FeedEntry) => `  <entry>
    <id>https://arxiv.org/abs/${e.id}</id>
    <updated>${e.published}T17:59:59+00:00</updated>
    <published>${e.published}T17:59:59+00:00</published>
    <title>${e.title}</title>
    <summary>We study ${e.title.toLowerCase()}.</summary>
${e.authors.map((a) => `    <author>\n      <name>${a}</name>\n    </author>`).join('\n')}
    <link href="https://arxiv.org/abs/${e.id}" rel="alternate" type="text/html" />
    <link title="pdf" href="https://arxiv.org/pdf/${e.id}v1" rel="alternate" type="application/pdf" />
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom" label="Machine Learning (cs.LG)" />
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom" label="Machine Learning (cs.LG)" />
  </entry>`;
  return `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>${name}'s articles on arXiv</title>
  <link rel="describes" href="" />
  <updated>2025-06-01T00:00:00+00:00</updated>
  <id>https://arxiv.org/a/${id}</id>
  <link href="https://arxiv.org/a/${id}.atom" rel="self" type="application/atom+xml" />
  <link rel="describes" href="https://arxiv.org/a/${id}" />
${entries.map(entry).join('\n')}
</feed>`;
}

const ADA_ID = 'lovelace_a_1';
const ADA_FEED_URL = `https://arxiv.org/a/${ADA_ID}.atom`;
const ADA_PAPERS: FeedEntry[] = [
  { id: '2403.00003', title: 'Notes on the Analytical Engine', authors: ['Ada Lovelace', 'Charles Babbage'], published: '2024-03-01' },
  { id: '2402.00002', title: 'Bernoulli Numbers by Machine', authors: ['Ada Lovelace'], published: '2024-02-01' },
];

/** The visit to `arxiv.org/a/lovelace_a_1` (the HTML author page: same ids, no dates). */
function adaPageVisit(entries: FeedEntry[]): ScrapeResult {
  const subject: AuthorRef = { name: 'Ada Lovelace', url: `https://arxiv.org/a/${ADA_ID}`, arxivId: ADA_ID, query: null };
  return {
    ok: true, site: 'arxiv', pageType: 'author', url: `https://arxiv.org/a/${ADA_ID}`, author: subject, authors: [subject],
    papers: entries.map((e) => makePaper({ id: e.id, arxivId: e.id, title: e.title, authors: e.authors, year: Number(e.published.slice(0, 4)) })),
    total: entries.length, title: 'Ada Lovelace', scrapedAt: VISITED.toISOString(),
  };
}

// ---------------------------------------------------------------- small synthetic replies

function dblpXml(pid: string, name: string, records: { key: string; title: string; year: number; ee: string }[]): string {
  return `<?xml version="1.0"?>
<dblpperson name="${name}" pid="${pid}" n="${records.length}">
<person key="homepages/${pid}" mdate="2024-01-01"><author pid="${pid}">${name}</author></person>
${records.map((r) => `<r><article key="${r.key}" mdate="2024-01-01">
<author pid="${pid}">${name}</author><author pid="11/1111">Charles Babbage</author>
<title>${r.title}</title><year>${r.year}</year><journal>CoRR</journal><ee>${r.ee}</ee>
</article></r>`).join('\n')}
</dblpperson>`;
}

function s2Json(authorId: string, name: string, papers: { arxiv: string; title: string; year: number }[]): string {
  return JSON.stringify({
    authorId, name, paperCount: papers.length, citationCount: 10, hIndex: 1,
    papers: papers.map((p, i) => ({ paperId: `${'ab'.repeat(19)}${String(i).padStart(2, '0')}`, title: p.title, year: p.year, externalIds: { ArXiv: p.arxiv }, authors: [{ authorId, name }] })),
  });
}

function openReviewJson(profileId: string, name: string, notes: { id: string; title: string }[]): string {
  return JSON.stringify({
    notes: notes.map((n) => ({
      id: n.id, mdate: 1717200000000, tcdate: 1717200000000,
      content: { title: { value: n.title }, authors: { value: [name] }, authorids: { value: [profileId] }, venue: { value: 'ICLR 2024' } },
    })),
  });
}

// ---------------------------------------------------------------- arXiv author feeds

describe('checkAuthor: an arXiv author (author id)', () => {
  it('asks for the .atom feed, finds nothing new on the first check, then exactly the extra paper', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    expect(authorId).toBe('arxiv:lovelace_a_1');
    const http = fakeHttp();
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, ADA_PAPERS));

    expect(await checkAuthor(db, http, authorId, { now: NOW, settings })).toEqual({ newPaperIds: [], error: null });
    expect(http.calls).toEqual([ADA_FEED_URL]);

    const extra = { id: '2405.00005', title: 'Poetical Science', authors: ['Ada Lovelace', 'Mary Somerville'], published: '2024-05-20' };
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, [extra, ...ADA_PAPERS]));
    expect(await checkAuthor(db, http, authorId, { now: LATER, settings })).toEqual({ newPaperIds: ['2405.00005'], error: null });
    expect(await linked(authorId)).toEqual(['2402.00002', '2403.00003', '2405.00005']);
    // One <author> per person in .atom (in .atom2 arXiv joins them into one name).
    expect((await db.papers.get('2405.00005'))?.authors).toEqual(['Ada Lovelace', 'Mary Somerville']);
  });

  it('is not a visit: viewedAt, the name and the views table stay as they were', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    const before = await db.authors.get(authorId);
    const views = await db.views.toArray();
    const http = fakeHttp();
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, [{ ...ADA_PAPERS[0]!, id: '2406.00006' }, ...ADA_PAPERS]));
    await checkAuthor(db, http, authorId, { now: NOW, settings });
    const after = await db.authors.get(authorId);
    expect(after?.viewedAt).toBe(before?.viewedAt);
    expect(after?.firstSeenAt).toBe(before?.firstSeenAt);
    expect(after?.name).toBe('Ada Lovelace');
    expect(await db.views.toArray()).toEqual(views);
  });

  it('a feed without a title keeps the stored name (parseAtom would fall back to the bare id)', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    const http = fakeHttp();
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, ADA_PAPERS).replace(/<title>Ada Lovelace's articles on arXiv<\/title>/, ''));
    expect((await checkAuthor(db, http, authorId, { now: NOW, settings })).error).toBeNull();
    expect((await db.authors.get(authorId))?.name).toBe('Ada Lovelace');
  });
});

// ---------------------------------------------------------------- arXiv author searches

describe('the arXiv API author term', () => {
  it.each([
    ['Del Maestro, A', 'Del_Maestro_A'],
    ['Riedl, M. O.', 'Riedl_M_O'],
    ['Müller, J', 'Muller_J'],
    ['Ada Lovelace', '"Ada Lovelace"'],
    ['Lovelace', 'Lovelace'],
  ])('%s → au:%s', (query, term) => {
    expect(arxivAuthorTerm(query)).toBe(term);
  });

  it('asks for the newest 100 by submission date', () => {
    expect(arxivQueryUrl('Del Maestro, A')).toBe(
      'https://export.arxiv.org/api/query?search_query=au:Del_Maestro_A&sortBy=submittedDate&sortOrder=descending&max_results=100',
    );
  });
});

describeFixtures('checkAuthor: an arXiv author search (real API reply, au:del_maestro)', () => {
  const API_URL = 'https://export.arxiv.org/api/query?search_query=au:Del_Maestro_A&sortBy=submittedDate&sortOrder=descending&max_results=100';
  const SEARCH_URL = 'https://arxiv.org/search/?searchtype=author&query=Del+Maestro%2C+A';
  const SUBJECT: AuthorRef = { name: 'Del Maestro, A', url: SEARCH_URL, arxivId: null, query: 'Del Maestro, A' };
  const feed = () => readFixture('arxiv-api/query-au-del_maestro-2016.xml');
  const all = () => must(parseAtom(feed(), API_URL, VISITED)).papers;

  /** The search page the user visited, showing `papers`; its links name the person in full. */
  function searchVisit(papers: Paper[]): ScrapeResult {
    return {
      ok: true, site: 'arxiv', pageType: 'search', url: SEARCH_URL, author: SUBJECT,
      authors: [{ ...SUBJECT, name: 'Adrian Del Maestro' }], papers, total: papers.length, title: 'Del Maestro, A', scrapedAt: VISITED.toISOString(),
    };
  }

  it('lands on the same author id as the search page, and finds only the paper the page did not show', async () => {
    const newest = '1412.6529';
    const authorId = await visit(searchVisit(all().filter((p) => p.id !== newest)));
    expect(authorId).toBe('arxiv-query:a del maestro');
    const http = fakeHttp();
    http.on(API_URL, feed());

    expect(await checkAuthor(db, http, authorId, { now: NOW, settings })).toEqual({ newPaperIds: [newest], error: null });
    expect(http.calls).toEqual([API_URL]);
    const row = await db.authors.get(authorId);
    expect(row?.name).toBe('Adrian Del Maestro');
    expect(row?.url).toBe(SEARCH_URL);
    expect(row?.ids).toEqual({ arxivQuery: 'Del Maestro, A' });
    expect(await linked(authorId)).toHaveLength(10);
    expect(await db.authors.count()).toBe(1);

    expect(await checkAuthor(db, http, authorId, { now: LATER, settings })).toEqual({ newPaperIds: [], error: null });
  });

  it('older results the page did not show are stored but not reported as new', async () => {
    const newest3 = ['1412.6529', '1312.6177', '1303.6954'];
    const authorId = await visit(searchVisit(all().filter((p) => newest3.includes(p.id))));
    const http = fakeHttp();
    http.on(API_URL, feed());
    expect(await checkAuthor(db, http, authorId, { now: NOW, settings })).toEqual({ newPaperIds: [], error: null });
    expect(await linked(authorId)).toHaveLength(10);
  });
});

// ---------------------------------------------------------------- DBLP

describeFixtures('checkAuthor and refreshWatchlist: a DBLP person (real XML export)', () => {
  const XML_URL = 'https://dblp.org/pid/95/7448-1.xml';
  const xml = () => readFixture('dblp/person-95-7448-1.xml');
  const extraRecord = (key: string, title: string, arxiv: string) => `<r><article key="${key}" mdate="2025-05-30">
<author pid="95/7448-1">Di Xu 0001</author>
<author pid="55/3871">Panos Nasiopoulos</author>
<title>${title}</title>
<year>2025</year>
<journal>CoRR</journal>
<volume>abs/${arxiv}</volume>
<ee type="oa">https://arxiv.org/abs/${arxiv}</ee>
</article></r>
`;
  const withRecords = (...records: string[]) => xml().replace('<r>', `${records.join('')}<r>`);

  it('first check 0 new; one extra record → exactly that paper, kept across two checks', async () => {
    // The visit: the person page (same records as its XML export).
    const authorId = await visit(must(parseDblpXml(xml(), 'https://dblp.org/pid/95/7448-1.html', VISITED)));
    expect(authorId).toBe('dblp:95/7448-1');
    await watch(authorId, 'Di Xu');
    const http = fakeHttp();
    http.on(XML_URL, xml());

    expect(await refreshWatchlist(db, http, { now: NOW, settings })).toEqual({ checked: 1, newPapers: 0, errors: 0, found: [] });
    expect(http.calls).toEqual([XML_URL]);
    let row = await db.watchlist.get(authorId);
    expect(row).toMatchObject({ lastCheckedAt: NOW.toISOString(), lastCheckError: null, newPaperIds: [] });

    const first = extraRecord('journals/corr/abs-2501-00001', 'Stereoscopic Video, Revisited.', '2501.00001');
    http.on(XML_URL, withRecords(first));
    expect(await refreshWatchlist(db, http, { now: LATER, settings })).toEqual({
      checked: 1, newPapers: 1, errors: 0, found: [{ authorId, name: 'Di Xu', count: 1 }],
    });
    row = await db.watchlist.get(authorId);
    expect(row?.newPaperIds).toEqual(['2501.00001']);
    expect(row?.lastCheckedAt).toBe(LATER.toISOString());

    const second = extraRecord('journals/corr/abs-2505-00002', 'Depth Maps at Scale.', '2505.00002');
    http.on(XML_URL, withRecords(second, first));
    const third = new Date('2025-06-03T06:00:00.000Z');
    expect((await refreshWatchlist(db, http, { now: third, settings })).newPapers).toBe(1);
    row = await db.watchlist.get(authorId);
    expect(row?.newPaperIds).toEqual(['2505.00002', '2501.00001']);
    expect(await linked(authorId)).toEqual(expect.arrayContaining(['2501.00001', '2505.00002']));
  });

  it('offline: the error is recorded and nothing is lost', async () => {
    const authorId = await visit(must(parseDblpXml(xml(), 'https://dblp.org/pid/95/7448-1.html', VISITED)));
    await watch(authorId, 'Di Xu', { newPaperIds: ['earlier-1', 'earlier-2'], lastCheckedAt: VISITED.toISOString() });
    const papersBefore = await linked(authorId);
    const http = fakeHttp();
    http.on(XML_URL, offline(XML_URL));

    expect(await checkAuthor(db, http, authorId, { now: NOW, settings })).toEqual({ newPaperIds: [], error: 'offline' });
    expect(await refreshWatchlist(db, http, { now: NOW, settings })).toEqual({ checked: 1, newPapers: 0, errors: 1, found: [] });
    expect(await db.watchlist.get(authorId)).toMatchObject({
      lastCheckedAt: NOW.toISOString(), lastCheckError: 'offline', newPaperIds: ['earlier-1', 'earlier-2'],
    });
    expect(await linked(authorId)).toEqual(papersBefore);

    // Back online: the error goes, the earlier new papers stay.
    http.on(XML_URL, xml());
    await refreshWatchlist(db, http, { now: LATER, settings });
    expect(await db.watchlist.get(authorId)).toMatchObject({ lastCheckError: null, newPaperIds: ['earlier-1', 'earlier-2'] });
  });
});

// ---------------------------------------------------------------- Semantic Scholar and OpenReview

describeFixtures('checkAuthor: Semantic Scholar and OpenReview (real replies, through fetchRemoteProfile)', () => {
  it('a Semantic Scholar author: the same Graph API request as the page, one new paper found', async () => {
    const full = readFixture('semanticscholar/author-2262347.json');
    const parsed = JSON.parse(full) as { papers: { paperId: string }[] };
    const dropped = parsed.papers[0]!.paperId;
    const http = fakeHttp();
    http.on('https://api.semanticscholar.org/graph/v1/author/2262347?', JSON.stringify({ ...parsed, papers: parsed.papers.slice(1) }));
    const page = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
    const authorId = await visit(must(await fetchRemoteProfile(http, page, { now: VISITED })));
    expect(authorId).toBe('s2:2262347');

    http.on('https://api.semanticscholar.org/graph/v1/author/2262347?', full);
    const keyed = { ...settings, keys: { ...settings.keys, semanticScholar: 'k-123' } };
    expect(await checkAuthor(db, http, authorId, { now: NOW, settings: keyed })).toEqual({ newPaperIds: [`s2:${dropped}`], error: null });
    expect(http.calls[1]).toBe(http.calls[0]);
    expect(http.headers[1]).toEqual({ 'x-api-key': 'k-123' });
    expect(await checkAuthor(db, http, authorId, { now: LATER, settings })).toEqual({ newPaperIds: [], error: null });
  });

  it('an OpenReview profile: first check 0 new', async () => {
    const http = fakeHttp();
    http.on('https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1', readFixture('openreview/notes-search-trimmed.json'));
    const authorId = await visit(must(await fetchRemoteProfile(http, 'https://openreview.net/profile?id=~Jaeseong_You1', { now: VISITED })));
    expect(authorId).toBe('openreview:~Jaeseong_You1');
    expect(await checkAuthor(db, http, authorId, { now: NOW, settings })).toEqual({ newPaperIds: [], error: null });
    expect(http.calls).toEqual([
      'https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1&limit=1000',
      'https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1&limit=1000',
    ]);
  });
});

// ---------------------------------------------------------------- every source in one run

describe('refreshWatchlist: a row of each source', () => {
  it('checks them one after the other; Scholar is skipped with its message', async () => {
    const http = fakeHttp();
    // arXiv author id
    const ada = await visit(adaPageVisit(ADA_PAPERS));
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, [{ ...ADA_PAPERS[0]!, id: '2406.00006', title: 'A New Note' }, ...ADA_PAPERS]));
    // arXiv author search
    const query: AuthorRef = { name: 'Turing, A', url: 'https://arxiv.org/search/?searchtype=author&query=Turing%2C+A', arxivId: null, query: 'Turing, A' };
    const turing = await visit({
      ok: true, site: 'arxiv', pageType: 'search', url: query.url!, author: query, authors: [{ ...query, name: 'Alan Turing' }],
      papers: [makePaper({ id: '2401.00100', arxivId: '2401.00100', published: '2024-01-10', authors: ['Alan Turing'] })],
      total: 1, title: 'Turing, A', scrapedAt: VISITED.toISOString(),
    });
    const apiFeed = (ids: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>arXiv Query: search_query=au:Turing_A</title><id>https://arxiv.org/api/x</id><updated>2025-06-01T00:00:00Z</updated>
  <opensearch:totalResults>${ids.length}</opensearch:totalResults>
  ${ids.map((id) => `<entry><id>http://arxiv.org/abs/${id}v1</id><title>On ${id}</title><summary>s</summary>
    <published>20${id.slice(0, 2)}-${id.slice(2, 4)}-15T00:00:00Z</published><updated>20${id.slice(0, 2)}-${id.slice(2, 4)}-15T00:00:00Z</updated>
    <author><name>Alan Turing</name></author><arxiv:primary_category term="cs.LO"/><category term="cs.LO"/></entry>`).join('\n')}
</feed>`;
    http.on(arxivQueryUrl('Turing, A'), apiFeed(['2505.00200', '2401.00100']));
    // DBLP
    const dblpUrl = 'https://dblp.org/pid/12/3456.xml';
    const rec = (n: number) => ({ key: `journals/corr/abs-2401-0000${n}`, title: `Record ${n}.`, year: 2024, ee: `https://arxiv.org/abs/2401.0000${n}` });
    const dblp = await visit(must(parseDblpXml(dblpXml('12/3456', 'Grace Hopper', [rec(1)]), 'https://dblp.org/pid/12/3456.html', VISITED)));
    http.on(dblpUrl, dblpXml('12/3456', 'Grace Hopper', [rec(2), rec(1)]));
    // Semantic Scholar
    const s2Api = 'https://api.semanticscholar.org/graph/v1/author/42?';
    http.on(s2Api, s2Json('42', 'Emmy Noether', [{ arxiv: '2301.00001', title: 'Rings', year: 2023 }]));
    const s2 = await visit(must(await fetchRemoteProfile(http, 'https://www.semanticscholar.org/author/42', { now: VISITED })));
    http.on(s2Api, s2Json('42', 'Emmy Noether', [{ arxiv: '2506.00009', title: 'Ideals', year: 2025 }, { arxiv: '2301.00001', title: 'Rings', year: 2023 }]));
    // OpenReview
    const orApi = 'https://api2.openreview.net/notes?content.authorids=~Ada_Lovelace1';
    http.on(orApi, openReviewJson('~Ada_Lovelace1', 'Ada Lovelace', [{ id: 'noteA', title: 'Engines' }]));
    const or = await visit(must(await fetchRemoteProfile(http, 'https://openreview.net/profile?id=~Ada_Lovelace1', { now: VISITED })));
    http.on(orApi, openReviewJson('~Ada_Lovelace1', 'Ada Lovelace', [{ id: 'noteB', title: 'Looms' }, { id: 'noteA', title: 'Engines' }]));
    // Google Scholar
    await db.authors.put({
      id: 'gscholar:AoKJ_g4AAAAJ', name: 'Carlos Denner', nameKey: 'carlos denner', ids: { googleScholar: 'AoKJ_g4AAAAJ' }, affiliations: [],
      url: 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ', firstSeenAt: VISITED.toISOString(), viewedAt: VISITED.toISOString(),
    });

    const rows: [string, string][] = [[ada, 'Ada Lovelace'], [turing, 'Alan Turing'], [dblp, 'Grace Hopper'], [s2, 'Emmy Noether'], [or, 'Ada Lovelace (OpenReview)'], ['gscholar:AoKJ_g4AAAAJ', 'Carlos Denner']];
    // Never checked before: they are checked in the order they were added.
    for (const [i, [id, name]] of rows.entries()) await watch(id, name, { addedAt: new Date(VISITED.getTime() + i * 1000).toISOString() });
    http.calls.length = 0;

    const result = await refreshWatchlist(db, http, { now: NOW, settings });
    expect(result).toMatchObject({ checked: 6, newPapers: 5, errors: 1 });
    expect(http.calls.map((u) => new URL(u).hostname)).toEqual(['arxiv.org', 'export.arxiv.org', 'dblp.org', 'api.semanticscholar.org', 'api2.openreview.net']);
    expect(http.calls.some((u) => u.includes('scholar.google'))).toBe(false);

    const get = async (id: string) => (await db.watchlist.get(id))!;
    expect((await get(ada)).newPaperIds).toEqual(['2406.00006']);
    expect((await get(turing)).newPaperIds).toEqual(['2505.00200']);
    expect((await get(dblp)).newPaperIds).toEqual(['2401.00002']);
    expect((await get(s2)).newPaperIds).toEqual(['2506.00009']);
    expect((await get(or)).newPaperIds).toEqual(['openreview:noteB']);
    expect(await get('gscholar:AoKJ_g4AAAAJ')).toMatchObject({ lastCheckError: SCHOLAR_SKIPPED, newPaperIds: [], lastCheckedAt: NOW.toISOString() });
    for (const [id] of rows.slice(0, 5)) expect((await get(id)).lastCheckError).toBeNull();

    expect(notificationText(result.found)).toEqual({
      title: '5 new papers',
      message: 'Ada Lovelace (1), Alan Turing (1), Grace Hopper (1), Emmy Noether (1), Ada Lovelace (OpenReview) (1)',
    });
  });
});

// ---------------------------------------------------------------- errors and edge cases

describe('checkAuthor: what is not checked, and failures', () => {
  it('Google Scholar is not fetched', async () => {
    await db.authors.put({
      id: 'gscholar:abcDEF123', name: 'X', nameKey: 'x', ids: { googleScholar: 'abcDEF123' }, affiliations: [], url: null,
      firstSeenAt: VISITED.toISOString(), viewedAt: VISITED.toISOString(),
    });
    const http = fakeHttp();
    expect(await checkAuthor(db, http, 'gscholar:abcDEF123', { now: NOW, settings })).toEqual({
      newPaperIds: [], error: 'Google Scholar profiles are checked when you visit them',
    });
    expect(http.calls).toEqual([]);
  });

  it('an unknown author is an error, not a crash, and its row records it', async () => {
    const http = fakeHttp();
    const r = await checkAuthor(db, http, 'dblp:00/0000', { now: NOW, settings });
    expect(r.newPaperIds).toEqual([]);
    expect(r.error).toMatch(/unknown author/);
    expect(http.calls).toEqual([]);

    await watch('dblp:00/0000', 'Nobody');
    expect(await refreshWatchlist(db, http, { now: NOW, settings })).toMatchObject({ checked: 1, errors: 1, newPapers: 0 });
    expect((await db.watchlist.get('dblp:00/0000'))?.lastCheckError).toMatch(/unknown author/);
  });

  it('HTTP errors and unreadable replies give short messages and write nothing', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    const papers = await db.papers.count();
    const http = fakeHttp();
    expect((await checkAuthor(db, http, authorId, { now: NOW, settings })).error).toBe('arXiv: not found (HTTP 404)');
    http.on(ADA_FEED_URL, new HttpError(ADA_FEED_URL, 503));
    expect((await checkAuthor(db, http, authorId, { now: NOW, settings })).error).toBe('arxiv.org: HTTP 503');
    http.on(ADA_FEED_URL, '<html><body>Service unavailable</body></html>');
    const bad = await checkAuthor(db, http, authorId, { now: NOW, settings });
    expect(bad.newPaperIds).toEqual([]);
    expect(bad.error).toMatch(/^arXiv reply not understood: not an Atom feed/);
    expect(bad.error!.length).toBeLessThanOrEqual(200);
    http.on(ADA_FEED_URL, () => { throw new Error('boom'); });
    expect((await checkAuthor(db, http, authorId, { now: NOW, settings })).error).toBe('check failed: boom');
    expect(await db.papers.count()).toBe(papers);
  });

  it('a reply about someone else is not filed under the watched author', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    const http = fakeHttp();
    // A stored id that differs from what the feed URL maps to cannot happen through pages; force it.
    await db.authors.update(authorId, { ids: { arxiv: 'babbage_c_1' } });
    http.on('https://arxiv.org/a/babbage_c_1.atom', authorFeed('Charles Babbage', 'babbage_c_1', ADA_PAPERS));
    const r = await checkAuthor(db, http, authorId, { now: NOW, settings });
    expect(r).toEqual({ newPaperIds: [], error: 'arXiv answered for arxiv:babbage_c_1, not arxiv:lovelace_a_1' });
    expect(await db.authors.get('arxiv:babbage_c_1')).toBeUndefined();
  });

  it('ids it has no source for', () => {
    expect(planCheck({ id: 'orcid:0000-0001', name: 'X', ids: {}, affiliations: [], url: null })).toEqual({ error: 'no source to check orcid authors from' });
  });
});

describe('refreshWatchlist: rows', () => {
  it('a row removed while its check runs is not re-created', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    await watch(authorId, 'Ada Lovelace');
    const http = fakeHttp();
    http.on(ADA_FEED_URL, async () => {
      await db.watchlist.delete(authorId);
      return authorFeed('Ada Lovelace', ADA_ID, [{ ...ADA_PAPERS[0]!, id: '2407.00007' }, ...ADA_PAPERS]);
    });
    expect(await refreshWatchlist(db, http, { now: NOW, settings })).toEqual({ checked: 0, newPapers: 0, errors: 0, found: [] });
    expect(await db.watchlist.get(authorId)).toBeUndefined();
    expect(await db.watchlist.count()).toBe(0);
  });

  it('an author opened while the check ran gets no new papers from it (the user has just seen them)', async () => {
    const authorId = await visit(adaPageVisit(ADA_PAPERS));
    await watch(authorId, 'Ada Lovelace');
    const http = fakeHttp();
    http.on(ADA_FEED_URL, async () => {
      await db.watchlist.update(authorId, { lastSeenAt: NOW.toISOString(), newPaperIds: [] });
      return authorFeed('Ada Lovelace', ADA_ID, [{ ...ADA_PAPERS[0]!, id: '2407.00007' }, ...ADA_PAPERS]);
    });
    expect(await refreshWatchlist(db, http, { now: NOW, settings })).toMatchObject({ checked: 1, newPapers: 0 });
    expect(await db.watchlist.get(authorId)).toMatchObject({ newPaperIds: [], lastCheckedAt: NOW.toISOString() });
  });

  it('onlyIds: just those rows, never-checked first', async () => {
    const ada = await visit(adaPageVisit(ADA_PAPERS));
    await watch(ada, 'Ada Lovelace', { lastCheckedAt: VISITED.toISOString() });
    await watch('dblp:00/0001', 'Someone');
    await watch('dblp:00/0002', 'Someone else');
    const http = fakeHttp();
    http.on(ADA_FEED_URL, authorFeed('Ada Lovelace', ADA_ID, ADA_PAPERS));
    const result = await refreshWatchlist(db, http, { now: NOW, settings, onlyIds: [ada, 'dblp:00/0001', 'nobody'] });
    expect(result).toMatchObject({ checked: 2, errors: 1 });
    expect((await db.watchlist.get('dblp:00/0002'))?.lastCheckedAt).toBeNull();
    expect((await db.watchlist.get(ada))?.lastCheckedAt).toBe(NOW.toISOString());
  });

  it('newPaperIds: newest found first, no duplicates, at most 10,000', () => {
    expect(mergeNewPaperIds(['c', 'b'], ['b', 'a'])).toEqual(['c', 'b', 'a']);
    const old = Array.from({ length: NEW_PAPERS_MAX }, (_, i) => `old-${i}`);
    const merged = mergeNewPaperIds(['new-1', 'new-2'], old);
    expect(merged).toHaveLength(NEW_PAPERS_MAX);
    expect(merged.slice(0, 3)).toEqual(['new-1', 'new-2', 'old-0']);
    expect(merged.at(-1)).toBe(`old-${NEW_PAPERS_MAX - 3}`);
  });
});

describe('notificationText', () => {
  it('null when nothing is new', () => {
    expect(notificationText([])).toBeNull();
    expect(notificationText([{ name: 'Ada Lovelace', count: 0 }])).toBeNull();
  });

  it('names the authors with their counts', () => {
    expect(notificationText([{ name: 'Ada Lovelace', count: 1 }, { name: 'Alan Turing', count: 1 }])).toEqual({
      title: '2 new papers', message: 'Ada Lovelace (1), Alan Turing (1)',
    });
    expect(notificationText([{ name: 'Ada Lovelace', count: 1 }])).toEqual({ title: '1 new paper', message: 'Ada Lovelace (1)' });
  });

  it('most new papers first, at most five names', () => {
    const found = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => ({ name, count: i === 6 ? 3 : 1 }));
    expect(notificationText(found)).toEqual({ title: '9 new papers', message: 'G (3), A (1), B (1), C (1), D (1) and 2 more' });
  });
});
