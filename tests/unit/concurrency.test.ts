/**
 * Concurrency and interruption (issue 7), on a ScholarDb in fake-indexeddb fed with the real
 * captures in the shared fixtures folder (see MANIFEST.tsv; it holds no arXiv author page, so the
 * author page is the real Google Scholar profile, and the overlapping paper pages are the two
 * real arXiv /new listings of 2024-08-09, which share 8 cross-listed papers):
 *  - two tabs storing the same or overlapping pages at once give exactly what one after the other gives;
 *  - a write that fails inside ingestScrape's transaction leaves the database as it was;
 *  - a worker stopped inside the enrichment runner's result transaction loses nothing, and the
 *    next worker finishes the jobs;
 *  - what the enrichment runner wrote on an author record survives the page being stored again.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { needsIdentity, planJobs } from '../../lib/enrich/plan';
import { enqueue } from '../../lib/enrich/queue';
import { Enricher, withIdentity } from '../../lib/enrich/runner';
import type { ScrapeResult } from '../../lib/schema';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { parse as parseArxiv } from '../../lib/sites/arxiv';
import { parse as parseScholar } from '../../lib/sites/gscholar';
import { createHttpClient } from '../../lib/sources/http';
import { ScholarDb } from '../../lib/store/db';
import { ingestScrape } from '../../lib/store/ingest';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { dbWithMutateHook, hookCommit } from '../commit-abort';
import { dumpTables } from '../rows';

const T0 = Date.parse('2026-07-01T12:00:00.000Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(ms);

const SCHOLAR_URL = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const SCHOLAR_ID = 'gscholar:AoKJ_g4AAAAJ';
const HEP_TH = 'https://arxiv.org/list/hep-th/new';
const MATH_PH = 'https://arxiv.org/list/math-ph/new';

function ok(out: ReturnType<typeof parseArxiv>): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  return out;
}

// ---------------------------------------------------------------- databases and faults

type Fault = { table: string; type: 'put' | 'delete'; then: 'throw' | 'abort-at-commit' | 'stop-worker' } | null;

/**
 * A ScholarDb (not opened) with a switchable fault: the next write of that kind to that table is
 * applied and then fails ('throw'), or the transaction is aborted at commit as when the disk is
 * full ('abort-at-commit'), or the connection is closed and the write throws, as when the worker
 * is stopped in the middle ('stop-worker'). One fault fires once.
 */
function faultyDb(name: string): { db: ScholarDb; arm: (f: Fault) => void; fired: () => number } {
  let fault: Fault = null;
  let fired = 0;
  const db = dbWithMutateHook(name, async (tableName, req, write) => {
    const hit = fault && fault.table === tableName && (fault.type === req.type || (fault.type === 'delete' && req.type === 'deleteRange'));
    if (!hit) return write();
    const f = fault!;
    fault = null;
    fired++;
    const tx = f.then === 'abort-at-commit' ? hookCommit(req.trans) : null;
    const res = await write();
    if (tx) {
      tx.__abortAtCommit = 'QuotaExceededError';
      return res;
    }
    if (f.then === 'stop-worker') db.close();
    throw new Error(`injected fault: ${tableName}.${req.type}`);
  });
  return { db, arm: (f) => void (fault = f), fired: () => fired };
}

/** Every row of every table, in key order. */
const dump = dumpTables;

const open: ScholarDb[] = [];
async function fresh(db = new ScholarDb(`concurrency-${Math.random()}`)): Promise<ScholarDb> {
  open.push(db);
  await db.open();
  return db;
}
afterEach(async () => {
  const dbs = open.splice(0);
  for (const d of dbs) d.close();
  for (const d of dbs) await d.delete();
});

/**
 * The database holds exactly what these pages give, each thing once: their papers (by id), one
 * author per subject, one author–paper row per pair, one view per URL, at most one job per paper
 * and kind, and no row pointing at a missing one.
 */
async function expectExactly(db: ScholarDb, pages: ScrapeResult[]): Promise<void> {
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(sorted(pages.flatMap((p) => p.papers.map((x) => x.id))));
  const subjects = pages.filter((p) => p.author);
  expect(await db.authors.count()).toBe(new Set(subjects.map((p) => p.author!.url)).size);
  const ap = await db.authorPapers.toArray();
  expect(ap).toHaveLength(new Set(subjects.flatMap((p) => p.papers.map((x) => `${p.author!.url}|${x.id}`))).size);
  expect((await db.views.toCollection().primaryKeys()).sort()).toEqual(sorted(pages.map((p) => p.url)));
  for (const v of await db.views.toArray()) expect(new Set(v.paperIds).size).toBe(v.paperIds.length);
  const jobs = await db.jobs.toArray();
  expect(new Set(jobs.map((j) => `${j.kind}|${j.paperId}`)).size).toBe(jobs.length);
  const paperIds = new Set(await db.papers.toCollection().primaryKeys());
  const authorIds = new Set(await db.authors.toCollection().primaryKeys());
  expect(ap.every((r) => paperIds.has(r.paperId) && authorIds.has(r.authorId))).toBe(true);
  expect(jobs.every((j) => paperIds.has(j.paperId) || authorIds.has(j.paperId))).toBe(true);
}

async function counts(db: ScholarDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}

// ---------------------------------------------------------------- the real pages

let profile: ScrapeResult; // all 176 rows
let first20: ScrapeResult; // the same profile before "show more"
let byYear: ScrapeResult; // sorted by year, 100 rows: overlaps the first 20 in part
let hepTh: ScrapeResult;
let mathPh: ScrapeResult;

describeFixtures('with the real captures', () => {
  beforeAll(() => {
    profile = ok(parseScholar(htmlDoc(readFixture('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html')), SCHOLAR_URL));
    first20 = { ...profile, papers: profile.papers.slice(0, 20) };
    const newestFirst = [...profile.papers].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.id.localeCompare(b.id));
    byYear = { ...profile, url: `${SCHOLAR_URL}&sortby=pubdate`, papers: newestFirst.slice(0, 100) };
    hepTh = ok(parseArxiv(htmlDoc(readFixture('arxiv/list-hep-th-new-2024-08-09.html')), HEP_TH));
    mathPh = ok(parseArxiv(htmlDoc(readFixture('arxiv/list-math-ph-new-2024-08-09.html')), MATH_PH));
  });

  it('the captures are what these tests assume', () => {
    expect(profile.papers).toHaveLength(176);
    expect(new Set(byYear.papers.map((p) => p.id)).size).toBe(100);
    const inFirst20 = new Set(first20.papers.map((p) => p.id));
    const shared = byYear.papers.filter((p) => inFirst20.has(p.id)).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(20);
    const hep = new Set(hepTh.papers.map((p) => p.id));
    expect(mathPh.papers.filter((p) => hep.has(p.id))).toHaveLength(8);
  });

  describe('two tabs storing the same author at once', () => {
    it('the same page twice: one of everything, as if stored one after the other', async () => {
      const seq = await fresh();
      await ingestScrape(seq, profile, at(T0));
      await ingestScrape(seq, profile, at(T0 + MINUTE));
      const both = await fresh();
      const replies = await Promise.all([ingestScrape(both, profile, at(T0)), ingestScrape(both, profile, at(T0 + MINUTE))]);
      expect(replies).toEqual([{ authorId: SCHOLAR_ID, stored: 176 }, { authorId: SCHOLAR_ID, stored: 176 }]);

      expect(await counts(both)).toMatchObject({ papers: 176, authors: 1, authorPapers: 176, views: 1 });
      expect(await dump(both)).toEqual(await dump(seq));
      await expectExactly(both, [profile]);
      // Each tab read the author inside its own transaction: the first visit stays the first.
      expect(await both.authors.get(SCHOLAR_ID)).toMatchObject({ firstSeenAt: at(T0).toISOString(), viewedAt: at(T0 + MINUTE).toISOString() });
    });

    it('overlapping pages (before "show more", expanded, sorted by year): the union, nothing twice', async () => {
      const tabs: [ScrapeResult, number][] = [[first20, T0], [byYear, T0 + 1000], [profile, T0 + 2000]];
      const seq = await fresh();
      for (const [s, t] of tabs) await ingestScrape(seq, s, at(t));
      const all = await fresh();
      await Promise.all(tabs.map(([s, t]) => ingestScrape(all, s, at(t))));

      // Two URLs (the profile, the profile sorted by year): two views; one author; every row once.
      expect(await counts(all)).toMatchObject({ papers: 176, authors: 1, authorPapers: 176, views: 2 });
      expect(await dump(all)).toEqual(await dump(seq));
      await expectExactly(all, tabs.map(([p]) => p));

      // The same tabs in another order: other view times, the same rows.
      const reversed = await fresh();
      await Promise.all([...tabs].reverse().map(([s, t]) => ingestScrape(reversed, s, at(t))));
      expect(await counts(reversed)).toEqual(await counts(all));
      await expectExactly(reversed, tabs.map(([p]) => p));
    });

    it('two listings sharing 8 papers, through the background handlers (queueing jobs), each opened twice', async () => {
      const offline: typeof fetch = async () => {
        throw new TypeError('Failed to fetch');
      };
      const noWait = { intervalMs: 0 };
      const run = async (db: ScholarDb, pages: ScrapeResult[], together: boolean) => {
        const http = createHttpClient({ fetch: offline, sleep: async () => {}, logger: { warn: () => {} }, hosts: { 'export.arxiv.org': noWait, 'api.semanticscholar.org': noWait } });
        const enricher = new Enricher({ db, http, settings: async () => DEFAULT_SETTINGS, now: () => at(T0) });
        const handlers = createHandlers(db, { enricher, settings: async () => DEFAULT_SETTINGS, now: () => at(T0) });
        if (together) await Promise.all(pages.map((scrape) => handlers.ingest({ scrape })));
        else for (const scrape of pages) await handlers.ingest({ scrape });
        // Let the (offline) run the handlers started end before the database is compared.
        await enricher.kick();
      };
      // The handlers store pages at the real time: views are compared without it.
      const timeless = async (db: ScholarDb) => {
        const d = await dump(db);
        return { ...d, views: (d.views as { at: string }[]).map(({ at: _, ...v }) => v) };
      };
      const pages = [hepTh, mathPh, hepTh, mathPh];
      const seq = await fresh();
      await run(seq, pages, false);
      const all = await fresh();
      await run(all, pages, true);

      const distinct = new Set([...hepTh.papers, ...mathPh.papers].map((p) => p.id)).size;
      expect(distinct).toBe(49 + 23 - 8);
      const c = await counts(all);
      expect(c).toMatchObject({ papers: distinct, authors: 0, authorPapers: 0, views: 2 });
      // One job per paper and kind, however many tabs asked.
      expect(c.jobs).toBe(planJobs(await all.papers.toArray(), DEFAULT_SETTINGS, T0).length);
      expect(c.jobs).toBeGreaterThanOrEqual(distinct);
      expect(await timeless(all)).toEqual(await timeless(seq));
      await expectExactly(all, pages);
    });
  });

  // ---------------------------------------------------------------- a write that fails midway

  describe('a write that fails inside ingestScrape\'s transaction leaves nothing half-written', () => {
    it.each([
      { table: 'papers', then: 'throw' },
      { table: 'authors', then: 'throw' },
      { table: 'authorPapers', then: 'throw' },
      { table: 'views', then: 'throw' },
      { table: 'papers', then: 'abort-at-commit' },
      { table: 'views', then: 'abort-at-commit' },
    ] as const)('$table put then $then', async ({ table, then }) => {
      const name = `interrupted-${Math.random()}`;
      const { db, arm, fired } = faultyDb(name);
      await fresh(db);
      // What was there: the profile before "show more", and a listing.
      await ingestScrape(db, first20, at(T0));
      await ingestScrape(db, hepTh, at(T0));
      const before = await dump(db);

      // The expanded profile, read again an hour later: every table would change.
      const later = { ...profile, reported: profile.reported?.map((r) => ({ ...r, value: r.value + 1 })) };
      arm({ table, type: 'put', then });
      const err = await ingestScrape(db, later, at(T0 + 60 * MINUTE)).catch((e: unknown) => e);
      expect(fired()).toBe(1);
      expect(err).toBeInstanceOf(Error);
      expect(await dump(db)).toEqual(before);

      // Stored again without a fault: exactly what an uninterrupted history gives.
      await ingestScrape(db, later, at(T0 + 60 * MINUTE));
      const clean = await fresh();
      await ingestScrape(clean, first20, at(T0));
      await ingestScrape(clean, hepTh, at(T0));
      await ingestScrape(clean, later, at(T0 + 60 * MINUTE));
      expect(await dump(db)).toEqual(await dump(clean));
    });
  });

  // ---------------------------------------------------------------- the runner stopped mid-write

  describe('a worker stopped inside the runner\'s result transaction', () => {
    it('loses nothing; the next worker on a new connection finishes the jobs', async () => {
      const ids = hepTh.papers.map((p) => p.arxivId!);
      const requests: string[][] = [];
      const s2: typeof fetch = async (_input, init) => {
        const asked = (JSON.parse(String(init?.body)) as { ids: string[] }).ids;
        requests.push(asked);
        const body = asked.map((full, i) => {
          const id = full.replace(/^ARXIV:/, '');
          return { paperId: `${i}`.padStart(40, '0'), externalIds: { ArXiv: id }, title: `Paper ${id}`, citationCount: i };
        });
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const http = () => createHttpClient({ fetch: s2, sleep: async () => {}, logger: { warn: () => {} }, hosts: { 'api.semanticscholar.org': { intervalMs: 0 } } });
      const name = `stopped-${Math.random()}`;
      const { db, arm, fired } = faultyDb(name);
      await fresh(db);
      await ingestScrape(db, hepTh, at(T0));
      const planned = planJobs(await db.papers.toArray(), DEFAULT_SETTINGS, T0).filter((j) => j.kind === 'citations');
      expect(await enqueue(db, planned, at(T0))).toBe(ids.length);
      const before = await dump(db);

      // The citations arrive; the worker is stopped between writing the papers and deleting the jobs.
      arm({ table: 'jobs', type: 'delete', then: 'stop-worker' });
      const first = new Enricher({ db, http: http(), settings: async () => DEFAULT_SETTINGS, now: () => at(T0) });
      await first.kick().catch(() => undefined);
      expect(fired()).toBe(1);
      expect(requests).toHaveLength(1);

      // The next start: a new connection finds the database exactly as before the run…
      const reopened = await fresh(new ScholarDb(name));
      expect(await dump(reopened)).toEqual(before);
      expect((await reopened.papers.toArray()).some((p) => p.citations !== null)).toBe(false);
      // …and a new Enricher completes the work.
      const second = new Enricher({ db: reopened, http: http(), settings: async () => DEFAULT_SETTINGS, now: () => at(T0 + MINUTE) });
      expect(await second.kick()).toMatchObject({ citations: ids.length, errors: [], offline: false });
      expect(await reopened.jobs.where('kind').equals('citations').count()).toBe(0);
      const papers = await reopened.papers.toArray();
      expect(papers.every((p) => p.citations !== null && p.citationsSource === 'semanticscholar')).toBe(true);
      expect(requests).toHaveLength(2);
      await expectExactly(reopened, [hepTh]);
    });
  });
});

// ---------------------------------------------------------------- what the runner wrote on an author

describe('storing an author page again', () => {
  let db: ScholarDb;
  beforeEach(async () => {
    db = await fresh();
  });

  const page: ScrapeResult = {
    ok: true, site: 'arxiv', pageType: 'author', url: 'https://arxiv.org/a/doe_j_1',
    author: { name: 'Jane Doe', url: 'https://arxiv.org/a/doe_j_1', arxivId: 'doe_j_1', query: null },
    authors: [], papers: [], total: 0, title: null, scrapedAt: at(T0).toISOString(),
  };

  it('keeps when identity and OpenAlex were last asked (else every visit asks again)', async () => {
    await ingestScrape(db, page, at(T0));
    const row = (await db.authors.get('arxiv:doe_j_1'))!;
    // The runner: S2 did not know the author; OpenAlex was asked.
    await db.authors.put({ ...withIdentity(row, null, at(T0 + MINUTE).toISOString()), openAlexCheckedAt: at(T0 + MINUTE).toISOString() });
    expect(needsIdentity((await db.authors.get('arxiv:doe_j_1'))!, DEFAULT_SETTINGS, T0 + 2 * MINUTE)).toBe(false);

    await ingestScrape(db, page, at(T0 + 2 * MINUTE));
    const after = (await db.authors.get('arxiv:doe_j_1'))!;
    expect(after).toMatchObject({ identityCheckedAt: at(T0 + MINUTE).toISOString(), openAlexCheckedAt: at(T0 + MINUTE).toISOString(), viewedAt: at(T0 + 2 * MINUTE).toISOString() });
    expect(needsIdentity(after, DEFAULT_SETTINGS, T0 + 2 * MINUTE)).toBe(false);
  });

  it('the runner\'s identity write and a page visit at once: both survive', async () => {
    await ingestScrape(db, page, at(T0));
    const identity = db.transaction('rw', db.authors, async () => {
      const current = (await db.authors.get('arxiv:doe_j_1'))!;
      await db.authors.put(withIdentity(current, null, at(T0 + MINUTE).toISOString()));
    });
    await Promise.all([identity, ingestScrape(db, page, at(T0 + 2 * MINUTE))]);
    expect(await db.authors.get('arxiv:doe_j_1')).toMatchObject({ identityCheckedAt: at(T0 + MINUTE).toISOString(), viewedAt: at(T0 + 2 * MINUTE).toISOString() });
  });
});
