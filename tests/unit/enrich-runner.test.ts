/**
 * The enrichment runner end to end against a fake network: an injected `fetch` answering in the
 * recorded shapes of the two APIs (Semantic Scholar's /paper/batch: a JSON array aligned with the
 * ids, null for unknown ids; the arXiv API: the 2025+ Atom feed, the real capture where there is
 * one), a ScholarDb in fake-indexeddb filled by ingesting scrape results, and the background
 * handlers on top. No real timing: the client's sleep is a no-op, the clock is injected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { planJobs } from '../../lib/enrich/plan';
import { enqueue } from '../../lib/enrich/queue';
import { Enricher } from '../../lib/enrich/runner';
import { enrichmentStatus } from '../../lib/enrich/status';
import { dispatch } from '../../lib/messaging';
import type { AuthorRef, Paper, PaperInput, Profile, ScrapeResult } from '../../lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { createHttpClient, type HostRule, type HttpClient } from '../../lib/sources/http';
import { ScholarDb } from '../../lib/store/db';
import { ingestScrape } from '../../lib/store/ingest';
import { describeFixtures, readFixture } from '../fixtures';
import { makePaper } from '../make-paper';
import { atomFeed, type EntryShape } from '../arxiv-feed';

const ARXIV = 'export.arxiv.org';
const S2 = 'api.semanticscholar.org';
const T0 = Date.parse('2026-07-01T12:00:00.000Z');
const HOUR = 3_600_000;

// ---------------------------------------------------------------- the fake network

interface Call { host: string; method: string; url: string; ids: string[] }

function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

/** Deterministic citation counts; every 7th id unknown to S2 (a null entry in the batch reply). */
function defaultCitations(arxivId: string): number | null {
  const n = Number(arxivId.replace(/\D/g, '').slice(-4));
  return n % 7 === 3 ? null : n % 97;
}

/** arXiv knows every id except every 11th (a withdrawn or mistyped id is simply absent from the feed). */
const defaultArxivKnows = (arxivId: string) => Number(arxivId.replace(/\D/g, '').slice(-4)) % 11 !== 5;

/** What the API says of every paper (the shape of the real 2025+ feed: tests/arxiv-feed.ts). */
const ENTRY: EntryShape = {
  title: (id) => `Paper ${id}`,
  summary: (id) => `We study ${id} at length. The abstract the API gives is the full one.`,
  categories: ['cs.CL', 'cs.LG'],
  authors: ['Jane Doe', 'Richard Roe'],
};

/** A /paper/batch entry as S2 answers `fields=citationCount,externalIds,title`. */
function s2Entry(arxivId: string, citationCount: number) {
  const hex = [...arxivId].map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(40, '0').slice(0, 40);
  return { paperId: hex, externalIds: { ArXiv: arxivId, DOI: `10.48550/arXiv.${arxivId}`, CorpusId: 270000000 + (citationCount * 31) }, title: `Paper ${arxivId}`, citationCount };
}

class FakeNet {
  calls: Call[] = [];
  /** 'offline': fetch rejects with a TypeError, as browsers do without a network. */
  mode: 'online' | 'offline' = 'online';
  s2Status = 200;
  arxivStatus = 200;
  /** Answers wait for this (per host), to look inside a run in progress. */
  hold: Partial<Record<string, Promise<void>>> = {};
  /** Never answer this host (the worker is stopped while waiting). */
  hang = new Set<string>();
  citations = defaultCitations;
  arxivKnows = defaultArxivKnows;
  /** Exact replies for some arXiv id lists (the real capture). */
  arxivReplies = new Map<string, string>();
  s2Overrides = new Map<string, unknown>();

  count(host?: string): number {
    return host ? this.calls.filter((c) => c.host === host).length : this.calls.length;
  }

  /** S2 citation batches (POST /paper/batch); S2's other requests are the author-identity look-ups. */
  batches(): number {
    return this.calls.filter((c) => c.host === S2 && c.method === 'POST' && c.url.startsWith(`https://${S2}/graph/v1/paper/batch`)).length;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : '';
    const ids = url.hostname === S2
      ? ((JSON.parse(body || '{"ids":[]}') as { ids: string[] }).ids)
      : (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    this.calls.push({ host: url.hostname, method, url: url.href, ids });
    if (this.mode === 'offline') throw new TypeError('Failed to fetch');
    if (this.hang.has(url.hostname)) return new Promise<Response>(() => {});
    await this.hold[url.hostname];
    if (url.hostname === S2 && url.pathname === '/graph/v1/paper/batch' && method === 'POST') {
      if (this.s2Status !== 200) return json({ message: 'Internal Server Error' }, this.s2Status);
      return json(ids.map((full) => {
        const id = full.replace(/^ARXIV:/, '');
        if (this.s2Overrides.has(id)) return this.s2Overrides.get(id);
        const n = this.citations(id);
        return n === null ? null : s2Entry(id, n);
      }));
    }
    if (url.hostname === ARXIV && url.pathname === '/api/query') {
      if (this.arxivStatus !== 200) return new Response('Service Unavailable', { status: this.arxivStatus });
      const xml = this.arxivReplies.get(ids.join(',')) ?? atomFeed(ids, ENTRY, this.arxivKnows);
      return new Response(xml, { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
    }
    return json({ error: `no route for ${method} ${url.href}` }, 404);
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

// ---------------------------------------------------------------- papers, pages, harness

const AUTHOR: AuthorRef = { name: 'Jane Doe', url: 'https://arxiv.org/a/doe_j_1', arxivId: 'doe_j_1', query: null };
const AUTHOR_ID = 'arxiv:doe_j_1';

const arxivIds = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `2401.${String(10000 + from + i)}`);

/** A paper as an arXiv listing or author page gives it: no abstract, no dates, no citations. */
function listed(arxivId: string, over: Partial<PaperInput> = {}): Paper {
  return makePaper({
    id: arxivId,
    arxivId,
    title: `Paper ${arxivId}`,
    authors: ['Jane Doe', 'Richard Roe'],
    authorUrls: [AUTHOR.url, 'https://arxiv.org/a/roe_r_1'],
    primaryCategory: 'cs.CL',
    categories: ['cs.CL'],
    links: { abs: `https://arxiv.org/abs/${arxivId}`, pdf: `https://arxiv.org/pdf/${arxivId}` },
    source: 'arxiv',
    fetchedAt: new Date(T0).toISOString(),
    ...over,
  });
}

function authorPage(papers: Paper[], url = AUTHOR.url!): ScrapeResult {
  return {
    ok: true, site: 'arxiv', pageType: 'author', url, author: AUTHOR, authors: [AUTHOR], papers,
    total: papers.length, title: null, scrapedAt: new Date(T0).toISOString(),
  };
}

function absPage(paper: Paper): ScrapeResult {
  return {
    ok: true, site: 'arxiv', pageType: 'abs', url: `https://arxiv.org/abs/${paper.id}`, author: null, authors: [AUTHOR], papers: [paper],
    total: null, title: null, scrapedAt: new Date(T0).toISOString(),
  };
}

let clock = T0;
let settings: Settings = DEFAULT_SETTINGS;
let db: ScholarDb;
let dbName: string;
const toDelete: ScholarDb[] = [];

beforeEach(async () => {
  clock = T0;
  settings = DEFAULT_SETTINGS;
  dbName = `enrich-runner-${Math.random()}`;
  db = new ScholarDb(dbName);
  toDelete.push(db);
  await db.open();
});
afterEach(async () => {
  // Close every connection first, so deleting does not have to ask an open one to close.
  const dbs = toDelete.splice(0);
  for (const d of dbs) d.close();
  for (const d of dbs) await d.delete();
});

const fast: Partial<HostRule> = { intervalMs: 0 };

function enricherFor(net: FakeNet, opts: { on?: ScholarDb; hosts?: Partial<Record<string, Partial<HostRule>>> } = {}): { enricher: Enricher; http: HttpClient } {
  const http = createHttpClient({
    fetch: net.fetch,
    sleep: async () => {},
    now: () => clock,
    logger: { warn: () => {} },
    hosts: { [ARXIV]: { ...fast, ...opts.hosts?.[ARXIV] }, [S2]: { ...fast, ...opts.hosts?.[S2] } },
  });
  const enricher = new Enricher({ db: opts.on ?? db, http, settings: async () => settings, now: () => new Date(clock) });
  return { enricher, http };
}

/** Ingest an author page with these papers and queue what the plan asks for. */
async function ingestAndQueue(papers: Paper[], on = db): Promise<number> {
  await ingestScrape(on, authorPage(papers), new Date(clock));
  const stored = (await on.papers.bulkGet(papers.map((p) => p.id))).filter((p): p is Paper => !!p);
  return enqueue(on, planJobs(stored, settings, clock), new Date(clock));
}

async function storedPapers(on = db): Promise<Paper[]> {
  return on.papers.toArray();
}

// ---------------------------------------------------------------- cold run, real arXiv capture

describeFixtures('a cold run (the arXiv reply is the real capture)', () => {
  const VASWANI = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'];
  const authorLinks = VASWANI.map((n) => `https://arxiv.org/search/cs?searchtype=author&query=${encodeURIComponent(n)}`);

  it('fills citations (Semantic Scholar) and metadata (arXiv API) into the page\'s record', async () => {
    const net = new FakeNet();
    net.arxivReplies.set('1706.03762', readFixture('arxiv-api/idlist-1706.03762-2026.xml'));
    net.s2Overrides.set('1706.03762', {
      paperId: '204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      externalIds: { DBLP: 'journals/corr/VaswaniSPUJGKP17', MAG: '2963403868', ArXiv: '1706.03762', CorpusId: 13756489 },
      title: 'Attention is All you Need',
      citationCount: 150000,
    });
    const fromListing = listed('1706.03762', { title: 'Attention Is All You Need', authors: VASWANI, authorUrls: authorLinks, version: 7 });
    expect(await ingestAndQueue([fromListing])).toBe(2);

    const { enricher, http } = enricherFor(net);
    const report = await enricher.kick();
    expect(report).toMatchObject({ metadata: 1, citations: 1, offline: false, errors: [] });
    expect(http.stats()).toEqual({ [ARXIV]: 1, [S2]: 1 });
    expect(net.calls.find((c) => c.host === ARXIV)?.url).toBe('https://export.arxiv.org/api/query?id_list=1706.03762&max_results=1');
    expect(net.calls.find((c) => c.host === S2)).toMatchObject({ method: 'POST', ids: ['ARXIV:1706.03762'] });

    const at = new Date(T0).toISOString();
    const paper = await db.papers.get('1706.03762');
    expect(paper).toMatchObject({
      id: '1706.03762',
      arxivId: '1706.03762',
      title: 'Attention Is All You Need',
      authors: VASWANI,
      // The page's author links survive (the API gives none).
      authorUrls: authorLinks,
      published: '2017-06-12',
      updated: '2023-08-02',
      year: 2017,
      primaryCategory: 'cs.CL',
      comments: '15 pages, 5 figures',
      citations: 150000,
      citationsSource: 'semanticscholar',
      citationsFetchedAt: at,
      metadataFetchedAt: at,
    });
    expect(paper?.categories.sort()).toEqual(['cs.CL', 'cs.LG']);
    expect(paper?.abstract).toMatch(/^The dominant sequence transduction models .* limited training data\.$/);
    expect(await db.jobs.count()).toBe(0);
    expect(await db.papers.count()).toBe(1);
  });
});

// ---------------------------------------------------------------- request counts

describe('request counts', () => {
  it.each([50, 1200])('N = %i arXiv papers: ≤ ⌈N/500⌉ S2 batches and ≤ ⌈N/100⌉ arXiv requests cold, 0 warm', async (n) => {
    const net = new FakeNet();
    const papers = arxivIds(n).map((id) => listed(id));
    const { enricher, http } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });

    // The real path: the author page is ingested, the handler queues and kicks; wait for the run.
    const ingested = await handlers.ingest({ scrape: authorPage(papers) });
    expect(ingested.profile?.enrichment).toMatchObject({ pending: 2 * n, citations: { done: 0, total: n } });
    const report = await enricher.kick();
    expect(report).toMatchObject({ offline: false, errors: [] });
    expect(await db.jobs.count()).toBe(0);
    const cold = http.stats();
    expect(net.batches()).toBe(Math.ceil(n / 500));
    // Besides the batches, S2 is asked who the author is: at most 3 requests for the one author.
    expect(cold[S2]).toBeLessThanOrEqual(Math.ceil(n / 500) + 3);
    expect(cold[ARXIV]).toBeLessThanOrEqual(Math.ceil(n / 100));
    expect(cold[ARXIV]).toBe(Math.ceil(n / 100));
    for (const c of net.calls) expect(c.ids.length).toBeLessThanOrEqual(c.host === S2 ? 500 : 100);
    // Every paper was asked about exactly once.
    expect(net.calls.filter((c) => c.host === S2).flatMap((c) => c.ids)).toHaveLength(n);
    expect(net.calls.filter((c) => c.host === ARXIV).flatMap((c) => c.ids)).toHaveLength(n);

    const after = await storedPapers();
    expect(after).toHaveLength(n);
    expect(after.every((p) => p.citationsFetchedAt && p.metadataFetchedAt)).toBe(true);
    const p0 = after.find((p) => p.id === '2401.10000')!;
    expect(p0).toMatchObject({ citations: 0, citationsSource: 'semanticscholar', published: '2024-01-15', abstract: expect.stringContaining('We study 2401.10000') });
    // S2's null entry: asked (not asked again within the TTL), count still unknown — never 0.
    expect(after.find((p) => p.id === '2401.10003')).toMatchObject({ citations: null, citationsSource: null, citationsFetchedAt: new Date(T0).toISOString() });
    // Absent from arXiv's feed: asked, still without an abstract.
    expect(after.find((p) => p.id === '2401.10005')).toMatchObject({ abstract: null, metadataFetchedAt: new Date(T0).toISOString() });

    // Warm, an hour later: nothing planned, nothing sent — through the popup's refresh as well.
    clock = T0 + HOUR;
    expect(planJobs(after, settings, clock)).toEqual([]);
    const reply = await handlers.getProfile({ authorId: AUTHOR_ID, refresh: true });
    await enricher.kick();
    expect(http.stats()).toEqual(cold);
    expect(reply.profile?.enrichment).toMatchObject({ citations: { done: n, total: n }, pending: 0, offline: false, stale: false });

    // After the citations TTL (24 h) only the counts are asked for again.
    clock = T0 + 25 * HOUR;
    await handlers.getProfile({ authorId: AUTHOR_ID, refresh: true });
    await enricher.kick();
    expect(http.stats()).toEqual({ [ARXIV]: cold[ARXIV], [S2]: cold[S2]! + Math.ceil(n / 500) });
    expect(net.batches()).toBe(2 * Math.ceil(n / 500));
  });
});

// ---------------------------------------------------------------- offline

describe('offline', () => {
  it('stops the run, keeps every job pending, says so, and does not retry on its own', async () => {
    const n = 1200;
    const net = new FakeNet();
    net.mode = 'offline';
    const papers = arxivIds(n).map((id) => listed(id));
    await ingestAndQueue(papers);
    const { enricher, http } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });

    const report = await enricher.kick();
    expect(report.offline).toBe(true);
    expect(report.metadata + report.citations).toBe(0);
    expect(report.errors.every((e) => /network unreachable/.test(e))).toBe(true);
    expect(enricher.offline).toBe(true);
    expect(enricher.lastError).toMatch(/network unreachable/);
    expect(http.isOffline()).toBe(true);
    // One attempt per host, however many batches were waiting: no retry storm.
    expect(net.count(S2)).toBeLessThanOrEqual(1);
    expect(net.count(ARXIV)).toBeLessThanOrEqual(1);
    const callsAfterRun = net.count();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(net.count()).toBe(callsAfterRun);

    // Nothing lost, nothing counted as a failure.
    const jobs = await db.jobs.toArray();
    expect(jobs).toHaveLength(2 * n);
    expect(jobs.every((j) => j.state === 'pending' && j.attempts === 0 && j.notBefore === 0)).toBe(true);

    // The popup (progress poll, no refresh) shows the cache, marked offline and stale.
    const { profile } = await handlers.getProfile({ authorId: AUTHOR_ID });
    expect(profile?.enrichment).toMatchObject({ offline: true, stale: true, pending: 2 * n, citations: { done: 0, total: n } });
    expect(profile?.metrics.papers).toBe(n);
    expect(net.count()).toBe(callsAfterRun);

    // The network is back: the next run completes the same jobs.
    net.mode = 'online';
    clock = T0 + 5 * 60_000;
    const back = await enricher.kick();
    expect(back).toMatchObject({ metadata: n, citations: n, offline: false, errors: [] });
    expect(enricher.offline).toBe(false);
    expect(enricher.lastError).toBeNull();
    expect(await db.jobs.count()).toBe(0);
    expect(net.count(S2) - 1).toBeLessThanOrEqual(Math.ceil(n / 500));
    const again = await handlers.getProfile({ authorId: AUTHOR_ID });
    expect(again.profile?.enrichment).toMatchObject({ offline: false, stale: false, pending: 0, citations: { done: n, total: n } });
  });
});

// ---------------------------------------------------------------- server errors

describe('server errors beyond the retry budget', () => {
  it('back the batch off (markFailed) without losing a job; a later run completes them', async () => {
    const n = 1200;
    const net = new FakeNet();
    net.s2Status = 500;
    await ingestAndQueue(arxivIds(n).map((id) => listed(id)));
    const retries = 2;
    const { enricher } = enricherFor(net, { hosts: { [S2]: { retries } } });

    const report = await enricher.kick();
    expect(report.metadata).toBe(n);
    expect(report.citations).toBe(0);
    expect(report.offline).toBe(false);
    // Three batches, each tried 1 + retries times, then given back to the queue.
    expect(net.count(S2)).toBe(Math.ceil(n / 500) * (1 + retries));
    expect(report.errors).toHaveLength(Math.ceil(n / 500));
    expect(enricher.lastError).toMatch(/HTTP 500 from https:\/\/api\.semanticscholar\.org/);
    const jobs = await db.jobs.toArray();
    expect(jobs).toHaveLength(n);
    expect(jobs.every((j) => j.kind === 'citations' && j.state === 'pending' && j.attempts === 1 && j.notBefore === T0 + 60_000)).toBe(true);
    expect(jobs[0]?.lastError).toMatch(/HTTP 500/);

    // Within the backoff a new run sends nothing.
    const s2Calls = net.count(S2);
    expect(await enricher.kick()).toMatchObject({ citations: 0 });
    expect(net.count(S2)).toBe(s2Calls);

    // After it, with the server healthy again, everything is fetched.
    net.s2Status = 200;
    clock = T0 + 61_000;
    expect(await enricher.kick()).toMatchObject({ citations: n, errors: [] });
    expect(net.count(S2) - s2Calls).toBe(Math.ceil(n / 500));
    expect(await db.jobs.count()).toBe(0);
    expect((await storedPapers()).every((p) => p.citationsFetchedAt === new Date(T0 + 61_000).toISOString())).toBe(true);
  });
});

// ---------------------------------------------------------------- concurrency with pages

describe('a page scraped while a run is in progress', () => {
  it('is not duplicated and keeps both the page\'s and the APIs\' data', async () => {
    const n = 50;
    const net = new FakeNet();
    const arxivGate = deferred();
    const s2Gate = deferred();
    net.hold = { [ARXIV]: arxivGate.promise, [S2]: s2Gate.promise };
    await ingestAndQueue(arxivIds(n).map((id) => listed(id)));
    const { enricher } = enricherFor(net);

    const run = enricher.kick();
    // Both requests are out: the runner has read the papers it is asking about.
    await vi.waitFor(() => expect(net.count()).toBe(2));

    // Meanwhile the user opens the abs page of one of them (richer than the listing)…
    const target = '2401.10004';
    const fromAbs = listed(target, {
      version: 3,
      comments: 'Accepted at ACL 2024',
      journalRef: 'Proc. ACL 2024',
      links: { abs: `https://arxiv.org/abs/${target}v3`, pdf: `https://arxiv.org/pdf/${target}v3`, code: ['https://github.com/doe/project'] },
      fetchedAt: new Date(T0 + 1000).toISOString(),
    });
    await ingestScrape(db, absPage(fromAbs), new Date(T0 + 1000));
    // …and the author page again (a reload).
    await ingestScrape(db, authorPage(arxivIds(n).map((id) => listed(id))), new Date(T0 + 2000));

    arxivGate.release();
    s2Gate.release();
    expect(await run).toMatchObject({ metadata: n, citations: n, errors: [] });

    expect(await db.papers.count()).toBe(n);
    expect(await db.authorPapers.count()).toBe(n);
    expect(await db.authors.count()).toBe(1);
    const p = await db.papers.get(target);
    expect(p).toMatchObject({
      // from the abs page
      version: 3,
      comments: 'Accepted at ACL 2024',
      journalRef: 'Proc. ACL 2024',
      authorUrls: [AUTHOR.url, 'https://arxiv.org/a/roe_r_1'],
      // from the arXiv API
      published: '2024-01-15',
      abstract: expect.stringContaining(`We study ${target}`),
      metadataFetchedAt: new Date(T0).toISOString(),
      // from Semantic Scholar
      citations: defaultCitations(target),
      citationsSource: 'semanticscholar',
    });
    expect(p?.links.code).toEqual(['https://github.com/doe/project']);
  });

  it('a page seen after the run does not erase what the APIs gave', async () => {
    const net = new FakeNet();
    await ingestAndQueue(arxivIds(3).map((id) => listed(id)));
    const { enricher } = enricherFor(net);
    await enricher.kick();
    const before = await db.papers.get('2401.10001');
    clock = T0 + HOUR;
    await ingestScrape(db, authorPage(arxivIds(3).map((id) => listed(id, { fetchedAt: new Date(clock).toISOString() }))), new Date(clock));
    const after = await db.papers.get('2401.10001');
    expect(after).toMatchObject({
      citations: before?.citations, citationsFetchedAt: before?.citationsFetchedAt,
      abstract: before?.abstract, published: before?.published, metadataFetchedAt: before?.metadataFetchedAt,
    });
    expect(planJobs([after!], settings, clock)).toEqual([]);
  });
});

// ---------------------------------------------------------------- stopped mid-run, resumed

describe('a worker stopped mid-run', () => {
  it('leaves its jobs in Dexie, and a new Enricher on the same database completes them', async () => {
    const n = 50;
    const net = new FakeNet();
    net.hang.add(S2); // the citations request never comes back: the worker is stopped while it waits
    await ingestAndQueue(arxivIds(n).map((id) => listed(id)));
    const { enricher: first } = enricherFor(net, { hosts: { [S2]: { timeoutMs: 20 } } });
    void first.kick();
    await vi.waitFor(async () => {
      expect(net.count(S2)).toBe(1);
      expect(await db.jobs.where('kind').equals('metadata').count()).toBe(0);
    });
    expect(first.running).toBe(true);
    expect(await db.jobs.where('kind').equals('citations').count()).toBe(n);
    // The worker is gone: its connection closes, the run is dropped.
    db.close();

    // The next worker start: a new database connection, a new client, a new Enricher.
    const net2 = new FakeNet();
    const reopened = new ScholarDb(dbName);
    toDelete.push(reopened);
    await reopened.open();
    clock = T0 + 60_000;
    const { enricher: second, http } = enricherFor(net2, { on: reopened });
    expect(await second.kick()).toMatchObject({ metadata: 0, citations: n, offline: false, errors: [] });
    expect(http.stats()).toEqual({ [S2]: 1 });
    expect(await reopened.jobs.count()).toBe(0);
    const papers = await reopened.papers.toArray();
    expect(papers.every((p) => p.citationsFetchedAt === new Date(T0 + 60_000).toISOString() && p.metadataFetchedAt === new Date(T0).toISOString())).toBe(true);
  });
});

// ---------------------------------------------------------------- a kick during a run

describe('kick() while a run is going', () => {
  it('jobs queued after one kind\'s loop has finished are still fetched', async () => {
    const net = new FakeNet();
    const arxivGate = deferred();
    net.hold = { [ARXIV]: arxivGate.promise };
    await ingestAndQueue(arxivIds(50).map((id) => listed(id)));
    const { enricher } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });
    void enricher.kick();
    // Citations are done; arXiv (1 request / 3 s in real life) still has the run going.
    await vi.waitFor(async () => expect(await db.jobs.where('kind').equals('citations').count()).toBe(0));
    expect(enricher.running).toBe(true);

    // Another author page is opened now: its papers are queued and the runner kicked.
    const other: AuthorRef = { name: 'John Smith', url: 'https://arxiv.org/a/smith_j_1', arxivId: 'smith_j_1', query: null };
    const newPapers = arxivIds(10, 500).map((id) => listed(id, { authors: ['John Smith'], authorUrls: [other.url] }));
    const reply = await handlers.ingest({ scrape: { ...authorPage(newPapers, other.url!), author: other, authors: [other] } });
    expect(reply.profile?.enrichment?.pending).toBe(20);

    arxivGate.release();
    await vi.waitFor(() => expect(enricher.running).toBe(false));
    expect(await db.jobs.count()).toBe(0);
    const stored = await db.papers.bulkGet(newPapers.map((p) => p.id));
    expect(stored.every((p) => p?.citationsFetchedAt && p.metadataFetchedAt)).toBe(true);
  });
});

// ---------------------------------------------------------------- sources switched off

describe('a source switched off with jobs still queued', () => {
  it('is not asked; the other source still is', async () => {
    const net = new FakeNet();
    await ingestAndQueue(arxivIds(20).map((id) => listed(id)));
    settings = { ...DEFAULT_SETTINGS, sources: { ...DEFAULT_SETTINGS.sources, semanticScholar: false } };
    const { enricher } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });
    const report = await enricher.kick();
    expect(report).toMatchObject({ metadata: 20, citations: 0 });
    expect(net.count(S2)).toBe(0);
    // Nothing the user could see is waiting: no progress line, no endless polling.
    const { profile } = await handlers.getProfile({ authorId: AUTHOR_ID });
    expect(profile?.enrichment).toMatchObject({ citations: { done: 0, total: 0 }, pending: 0 });

    // The arXiv API switched off too: its numbers leave the progress line (done never above total).
    const papers = await storedPapers();
    const bothOff = { ...settings, sources: { ...settings.sources, arxivApi: false } };
    expect(await enrichmentStatus(db, papers, bothOff, enricher, clock)).toMatchObject({ metadata: { done: 0, total: 0 }, citations: { done: 0, total: 0 }, pending: 0 });
    expect(await enrichmentStatus(db, papers, DEFAULT_SETTINGS, enricher, clock)).toMatchObject({ metadata: { done: 20, total: 20 }, citations: { done: 0, total: 20 }, pending: 20 });

    // Switched back on: the queued citations are fetched.
    settings = DEFAULT_SETTINGS;
    expect(await enricher.kick()).toMatchObject({ citations: 20 });
    expect(net.count(S2)).toBe(1);
  });
});

// ---------------------------------------------------------------- handlers

describe('handlers with enrichment', () => {
  const CITES: Record<string, number> = { '2401.10000': 10, '2401.10001': 5, '2401.10002': 3, '2401.10003': 1 };

  it('ingest queues the jobs and answers with progress; after the run the profile has counts and h', async () => {
    const net = new FakeNet();
    net.citations = (id) => CITES[id] ?? null;
    const gate = deferred();
    net.hold = { [ARXIV]: gate.promise, [S2]: gate.promise };
    const { enricher, http } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });
    const papers = Object.keys(CITES).map((id) => listed(id));

    const reply = await dispatch({ type: 'ingest', payload: { scrape: authorPage(papers) } }, handlers);
    expect(reply.ok).toBe(true);
    const data = (reply as { ok: true; data: { authorId: string; stored: number; profile: Profile } }).data;
    expect(data).toMatchObject({ authorId: AUTHOR_ID, stored: 4 });
    expect(data.profile.enrichment).toEqual({
      citations: { done: 0, total: 4 },
      metadata: { done: 0, total: 4 },
      pending: 8,
      offline: false,
      stale: false,
      oldestCitationsAt: null,
      lastError: null,
    });
    expect(data.profile.metrics).toMatchObject({ papers: 4, papersWithCitations: 0, citations: null });
    expect(enricher.running).toBe(true);
    expect(await db.jobs.where('kind').anyOf('metadata', 'citations').count()).toBe(8);

    gate.release();
    await enricher.kick();
    expect(http.stats()[ARXIV]).toBe(1);
    expect(net.batches()).toBe(1);
    expect(await db.jobs.count()).toBe(0);

    const { profile } = await handlers.getProfile({ authorId: AUTHOR_ID });
    expect(profile?.metrics).toMatchObject({ papers: 4, papersWithCitations: 4, citations: 19, h: 3 });
    expect(profile?.enrichment).toMatchObject({
      citations: { done: 4, total: 4 }, metadata: { done: 4, total: 4 }, pending: 0, stale: false, oldestCitationsAt: new Date(T0).toISOString(),
    });
    expect(profile?.provenance.find((p) => p.field === 'h')).toMatchObject({ source: 'computed', at: new Date(T0).toISOString() });
    expect(profile?.provenance.find((p) => p.field === 'citations')?.source).toBe('semanticscholar');

    // A day and a bit later the counts are stale until refreshed.
    clock = T0 + 25 * HOUR;
    expect((await handlers.getProfile({ authorId: AUTHOR_ID })).profile?.enrichment).toMatchObject({ stale: true, pending: 0 });
  });

  it('getProfile queues only with refresh: true', async () => {
    const net = new FakeNet();
    const { enricher, http } = enricherFor(net);
    const handlers = createHandlers(db, { enricher, settings: async () => settings, now: () => new Date(clock) });
    await ingestScrape(db, authorPage(arxivIds(5).map((id) => listed(id))), new Date(clock));

    for (const refresh of [false, undefined]) {
      const { profile } = await handlers.getProfile({ authorId: AUTHOR_ID, ...(refresh === undefined ? {} : { refresh }) });
      expect(profile?.enrichment).toMatchObject({ pending: 0, citations: { done: 0, total: 5 } });
    }
    expect(await db.jobs.count()).toBe(0);
    expect(enricher.running).toBe(false);
    expect(net.count()).toBe(0);

    const { profile } = await handlers.getProfile({ authorId: AUTHOR_ID, refresh: true });
    expect(profile?.enrichment?.pending).toBe(10);
    await enricher.kick();
    expect(http.stats()[ARXIV]).toBe(1);
    expect(net.batches()).toBe(1);
  });

  it('without enrichment deps the handlers stay cache-only', async () => {
    const handlers = createHandlers(db);
    const reply = await handlers.ingest({ scrape: authorPage(arxivIds(3).map((id) => listed(id))) });
    expect(reply.profile?.enrichment).toBeNull();
    expect(await db.jobs.count()).toBe(0);
  });
});
