/**
 * Storage full (issue 7): lib/store/evict.ts against a ScholarDb in fake-indexeddb filled by
 * ingesting author pages. The quota error is injected by a Dexie DBCore middleware, in the two
 * shapes browsers produce:
 *  - 'request': the put itself fails with a QuotaExceededError DOMException (Dexie maps it to its
 *    own QuotaExceededError, `inner` the DOMException);
 *  - 'commit': every request succeeds but the transaction is aborted at commit with
 *    `error.name === 'QuotaExceededError'` (what Chrome does), which Dexie reports as an
 *    AbortError whose `inner` is the DOMException. This uses fake-indexeddb's internals
 *    (`_start`, `_requests`, `_abort`) and fails loudly if they change.
 */
import Dexie, { type DBCoreKeyRange } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../lib/enrich/queue';
import { planJobs } from '../../lib/enrich/plan';
import type { AuthorRef, Paper, ScrapeResult } from '../../lib/schema';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { ScholarDb } from '../../lib/store/db';
import {
  combineNotices, evictLeastRecentlyViewed, EvictionNotice, formatEvictionNotice, isQuotaError, withQuotaRetry,
} from '../../lib/store/evict';
import { ingestScrape } from '../../lib/store/ingest';
import { pairKey } from '../../lib/store/links';
import { WatchEntry } from '../../lib/watchlist/schema';
import { makePaper } from '../make-paper';
import { dbWithMutateHook, hookCommit } from '../commit-abort';
import { dumpTables } from '../rows';

const T0 = Date.parse('2026-07-01T12:00:00.000Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------- fault injection

type FaultMode = 'request' | 'commit';

/** Decides, after a put/add has been applied inside its transaction, whether storage is now "full". */
type Full = (table: string, count: (table: string) => Promise<number>) => boolean | Promise<boolean>;

/** A ScholarDb (not yet opened) whose writes fail for lack of space whenever `full` says so. */
function dbWithQuota(name: string, mode: FaultMode, full: Full): { db: ScholarDb; faults: () => number } {
  let faults = 0;
  const db = dbWithMutateHook(name, async (tableName, req, write, down) => {
    if (req.type !== 'put' && req.type !== 'add') return write();
    const tx = mode === 'commit' ? hookCommit(req.trans) : null;
    const res = await write();
    const count = (other: string) => {
      const o = down.table(other);
      return o.count({ trans: req.trans, query: { index: o.schema.primaryKey, range: { type: 3 } as unknown as DBCoreKeyRange } });
    };
    if (!(await full(tableName, count))) return res;
    faults++;
    if (mode === 'request') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    tx!.__abortAtCommit = 'QuotaExceededError';
    return res;
  });
  return { db, faults: () => faults };
}

/** Every row of every table, in key order: the whole state to compare. */
const dump = dumpTables;

// ---------------------------------------------------------------- the cache

function ref(id: string): AuthorRef {
  return { name: `Author ${id}`, url: `https://arxiv.org/a/${id}`, arxivId: id, query: null };
}

function paper(id: string): Paper {
  return makePaper({
    id, arxivId: id, title: `Paper ${id}`, authors: ['Someone'], primaryCategory: 'cs.CL', categories: ['cs.CL'],
    links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` }, source: 'arxiv', fetchedAt: iso(T0),
  });
}

function authorPage(author: AuthorRef, papers: Paper[], site = 'arxiv'): ScrapeResult {
  return {
    ok: true, site, pageType: 'author', url: author.url!, author, authors: [author], papers,
    total: papers.length, title: null, scrapedAt: iso(T0),
  };
}

function listingPage(papers: Paper[]): ScrapeResult {
  return {
    ok: true, site: 'arxiv', pageType: 'listing', url: 'https://arxiv.org/list/cs.CL/new', author: null, authors: [], papers,
    total: papers.length, title: 'cs.CL new', scrapedAt: iso(T0),
  };
}

const W = 'arxiv:watch_w_1';
const L_REF: AuthorRef = { name: 'Linked L', url: 'https://scholar.google.com/citations?user=LinkedL4AAAJ', arxivId: null, query: null };
const L = 'gscholar:LinkedL4AAAJ';
const U = 'arxiv:apart_u_1';
const A = (i: number) => `arxiv:a${i}_1`;

const SHARED = '2401.20000'; // W's paper, co-authored by A1
const X = '2401.20001'; // A1 and A2
const NEW_FOR_W = '2401.1004'; // listed on A1's page, named "new" in W's watchlist row
const own = (i: number, k: number) => `2401.${i}00${k}`;
const wPapers = [1, 2, 3, 4].map((k) => `2402.9000${k}`);
const lPapers = [1, 2, 3].map((k) => `gscholar:LinkedL4AAAJ:paper${k}abcde`);
const uPapers = [1, 2].map((k) => `2403.7000${k}`);
const listed = [1, 2, 3].map((k) => `2404.6000${k}`);

const NOTE = 'Met at ACL: ask about the dataset licence.';
const watchRow = WatchEntry.parse({
  authorId: W, name: 'Author watch_w_1', note: NOTE, addedAt: iso(T0), lastSeenAt: iso(T0), lastCheckedAt: iso(T0 + HOUR),
  lastCheckError: null, newPaperIds: [NEW_FOR_W], edited: { name: T0, note: T0, lastSeenAt: T0 },
});

/**
 * W (watched, viewed first of all), L (gscholar, linked to W), U (a link to W the user undid),
 * A1…A9 (viewed in that order, after W and L; U last), a listing page of author-less papers, and
 * the jobs the plan asks for (plus one identity job per author). A1's papers: 1001–1003 (A1 only),
 * NEW_FOR_W (A1 only, but named in the watchlist), X (with A2), SHARED (with W).
 */
async function fill(db: ScholarDb): Promise<void> {
  await ingestScrape(db, authorPage(ref('watch_w_1'), [...wPapers, SHARED].map(paper)), new Date(T0));
  await ingestScrape(db, authorPage(L_REF, lPapers.map((id) => ({ ...paper(id), arxivId: null, source: 'gscholar' })), 'gscholar'), new Date(T0 + HOUR));
  for (let i = 1; i <= 9; i++) {
    const ids = [1, 2, 3].map((k) => own(i, k));
    if (i === 1) ids.push(NEW_FOR_W, X, SHARED);
    if (i === 2) ids.push(X);
    await ingestScrape(db, authorPage(ref(`a${i}_1`), ids.map(paper)), new Date(T0 + (1 + i) * HOUR));
  }
  await ingestScrape(db, authorPage(ref('apart_u_1'), uPapers.map(paper)), new Date(T0 + 20 * HOUR));
  await ingestScrape(db, listingPage(listed.map(paper)), new Date(T0 + 21 * HOUR));
  await db.watchlist.put(watchRow);
  await db.links.bulkPut([
    { key: pairKey(W, L), a: [W, L].sort()[0]!, b: [W, L].sort()[1]!, evidence: 'shared ORCID 0000-0002-1825-0097', createdAt: iso(T0), unlinked: false },
    { key: pairKey(W, U), a: [W, U].sort()[0]!, b: [W, U].sort()[1]!, evidence: '2 shared papers', createdAt: iso(T0), unlinked: true },
    // Found by evidence between two unwatched records: goes with either of them.
    { key: pairKey(A(3), U), a: A(3), b: U, evidence: '2 shared papers', createdAt: iso(T0), unlinked: false },
  ]);
  await enqueue(db, planJobs(await db.papers.toArray(), DEFAULT_SETTINGS, T0 + 22 * HOUR), new Date(T0));
  const authors = await db.authors.toCollection().primaryKeys();
  await enqueue(db, authors.map((id) => ({ kind: 'identity' as const, paperId: id })), new Date(T0));
}

let db: ScholarDb;
const open: ScholarDb[] = [];
async function track(d: ScholarDb): Promise<ScholarDb> {
  open.push(d);
  await d.open();
  return d;
}
beforeEach(async () => {
  db = await track(new ScholarDb(`evict-${Math.random()}`));
});
afterEach(async () => {
  const dbs = open.splice(0);
  for (const d of dbs) d.close();
  for (const d of dbs) await d.delete();
});

async function keys(table: { toCollection(): { primaryKeys(): PromiseLike<unknown[]> } }): Promise<unknown[]> {
  return table.toCollection().primaryKeys();
}

// ---------------------------------------------------------------- isQuotaError

describe('isQuotaError', () => {
  const dom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('recognises the shapes browsers and Dexie give', () => {
    expect(isQuotaError(dom())).toBe(true);
    // Dexie maps a failed request's DOMException to its own class, with `inner`.
    expect(isQuotaError(new Dexie.QuotaExceededError(dom()))).toBe(true);
    // A transaction aborted at commit for lack of space.
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', dom()))).toBe(true);
    // bulkPut with some failed requests.
    expect(isQuotaError(new Dexie.BulkError('papers.bulkPut(): 1 of 3 operations failed', { 2: dom() }))).toBe(true);
    // Firefox's older name; a wrapper with `cause`.
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: dom() }))).toBe(true);
  });

  it('is false for every other failure', () => {
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new DOMException('x', 'AbortError')))).toBe(false);
    expect(isQuotaError(new Dexie.BulkError('x', { 0: new DOMException('x', 'ConstraintError') }))).toBe(false);
    expect(isQuotaError(new TypeError('Failed to fetch'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'Error' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});

// ---------------------------------------------------------------- one eviction step

describe('evictLeastRecentlyViewed', () => {
  it('drops the least-recently-viewed unwatched author with what is only theirs', async () => {
    await fill(db);
    const before = await dump(db);
    // Evictable: A1…A9 and U (10): 10 % is one author, the oldest: A1.
    expect(await evictLeastRecentlyViewed(db, { fraction: 0.1 })).toEqual({ authors: 1, papers: 3 });

    expect(await db.authors.get(A(1))).toBeUndefined();
    expect(await db.authorPapers.where('authorId').equals(A(1)).count()).toBe(0);
    expect(await db.views.get(ref('a1_1').url!)).toBeUndefined();
    // A1's own papers and their jobs are gone…
    for (const k of [1, 2, 3]) {
      expect(await db.papers.get(own(1, k))).toBeUndefined();
      expect(await db.jobs.where('paperId').equals(own(1, k)).count()).toBe(0);
    }
    expect(await db.jobs.get(`identity:${A(1)}`)).toBeUndefined();
    // …the papers someone else still links stay, with their jobs: W's (watched), A2's, and the one W's row names.
    for (const id of [SHARED, X, NEW_FOR_W]) expect(await db.papers.get(id)).toBeDefined();
    expect(await db.jobs.where('paperId').anyOf([SHARED, X, NEW_FOR_W]).count()).toBe(6);
    expect((await db.authorPapers.where('paperId').equals(SHARED).toArray()).map((r) => r.authorId)).toEqual([W]);

    // Nothing else changed.
    const after = await dump(db);
    for (const t of ['watchlist', 'links']) expect(after[t]).toEqual(before[t]);
    expect(after.authors).toEqual(before.authors!.filter((a) => (a as { id: string }).id !== A(1)));
    expect(after.papers).toHaveLength(before.papers!.length - 3);
  });

  it('steps of 50 % take the five oldest; the watched author, its links and the watchlist are never taken', async () => {
    await fill(db);
    const watchBefore = await db.watchlist.toArray();
    expect(await evictLeastRecentlyViewed(db, { fraction: 0.5 })).toEqual({ authors: 5, papers: 3 + 4 + 3 + 3 + 3 });
    expect(await keys(db.authors)).toEqual([A(6), A(7), A(8), A(9), U, W, L].sort());
    expect(await db.links.get(pairKey(A(3), U))).toBeUndefined();

    // Everything evictable: U goes although it once was linked to W (the user undid that link)…
    expect(await evictLeastRecentlyViewed(db, { fraction: 1 })).toEqual({ authors: 5, papers: 4 * 3 + 2 });
    expect((await keys(db.authors)).sort()).toEqual([L, W].sort());
    // …and that undone link stays, so it is not found again when U is seen again.
    expect(await db.links.toArray()).toEqual([
      expect.objectContaining({ key: pairKey(W, U), unlinked: true }),
      expect.objectContaining({ key: pairKey(W, L), unlinked: false }),
    ]);
    // What remains: W's and L's papers (SHARED among them), the one W's row names, the listing's.
    expect((await keys(db.papers)).sort()).toEqual([...wPapers, SHARED, ...lPapers, NEW_FOR_W, ...listed].sort());
    expect((await db.views.toArray()).map((v) => v.authorId)).toEqual(expect.arrayContaining([W, L, null]));
    expect(await db.views.count()).toBe(3);
    expect(await db.watchlist.toArray()).toEqual(watchBefore);
    expect((await db.watchlist.get(W))?.note).toBe(NOTE);
    // Jobs left: those of the remaining papers and authors only.
    const jobs = await db.jobs.toArray();
    const remaining = new Set([...(await keys(db.papers)), ...(await keys(db.authors))]);
    expect(jobs.every((j) => remaining.has(j.paperId))).toBe(true);
    expect(jobs.some((j) => j.paperId === NEW_FOR_W)).toBe(true);

    // Nothing evictable is left.
    expect(await evictLeastRecentlyViewed(db, { fraction: 1 })).toEqual({ authors: 0, papers: 0 });
  });

  it('keeps an author linked to a watched one through a third record', async () => {
    await fill(db);
    // L (linked to W) is also linked to A9: A9 belongs to W's group too.
    await db.links.put({ key: pairKey(L, A(9)), a: [L, A(9)].sort()[0]!, b: [L, A(9)].sort()[1]!, evidence: 'shared DBLP', createdAt: iso(T0), unlinked: false });
    await evictLeastRecentlyViewed(db, { fraction: 1 });
    expect((await keys(db.authors)).sort()).toEqual([A(9), L, W].sort());
  });

  it('never takes an author named in `keep`', async () => {
    await fill(db);
    expect(await evictLeastRecentlyViewed(db, { fraction: 0.1, keep: [A(1)] })).toEqual({ authors: 1, papers: 3 });
    expect(await db.authors.get(A(1))).toBeDefined();
    expect(await db.authors.get(A(2))).toBeUndefined();
  });

  it('an empty cache: nothing to do', async () => {
    expect(await evictLeastRecentlyViewed(db)).toEqual({ authors: 0, papers: 0 });
  });
});

// ---------------------------------------------------------------- retrying a write

describe.each<FaultMode>(['request', 'commit'])('withQuotaRetry, quota error at %s', (mode) => {
  const B_REF = ref('new_b_1');
  const bPapers = [1, 2, 3, 4, 5, 6].map((k) => paper(`2405.5000${k}`));
  const at = new Date(T0 + 30 * HOUR);

  it('while the papers table would hold more than K rows: evicts in steps until the write fits, and says so', async () => {
    await fill(db);
    const k = await db.papers.count(); // the new page's 6 papers do not fit until 6 have gone
    db.close();
    const { db: full, faults } = dbWithQuota(db.name, mode, async (table, count) => table === 'papers' && (await count('papers')) > k);
    await track(full);
    const watchBefore = await full.watchlist.toArray();

    const notices: EvictionNotice[] = [];
    const errors: unknown[] = [];
    const write = () => ingestScrape(full, authorPage(B_REF, bPapers), at).catch((e: unknown) => {
      errors.push(e);
      throw e;
    });
    const result = await withQuotaRetry(full, write, (n) => void notices.push(n), { now: () => at });

    // A1 (3 papers of its own) did not free enough; A2 (3 of its own, and X once A1 was gone) did.
    expect(result).toEqual({ authorId: 'arxiv:new_b_1', stored: 6 });
    expect(faults()).toBe(2);
    expect(errors).toHaveLength(2);
    expect(errors.every(isQuotaError)).toBe(true);
    expect(errors[0]).toBeInstanceOf(mode === 'request' ? Dexie.QuotaExceededError : Dexie.AbortError);
    expect(notices).toEqual([{ evicted: { authors: 2, papers: 7 }, at: at.toISOString() }]);
    expect(formatEvictionNotice(notices[0]!)).toBe(
      'Storage was full: 2 least-recently-viewed profiles (7 papers) were removed from the cache. Your watchlist is kept.',
    );

    expect(await full.papers.count()).toBe(k - 7 + 6);
    expect(await full.authors.get(A(1))).toBeUndefined();
    expect(await full.authors.get(A(2))).toBeUndefined();
    expect(await full.authors.get(A(3))).toBeDefined();
    // The write is whole: author, papers, links, view.
    expect(await full.authorPapers.where('authorId').equals('arxiv:new_b_1').count()).toBe(6);
    expect(await full.views.get(B_REF.url!)).toMatchObject({ authorId: 'arxiv:new_b_1', paperIds: bPapers.map((p) => p.id) });
    // Kept: the watchlist and its note, the watched author's papers (SHARED too), the linked record.
    expect(await full.watchlist.toArray()).toEqual(watchBefore);
    expect((await full.papers.bulkGet([...wPapers, SHARED, ...lPapers, NEW_FOR_W])).every(Boolean)).toBe(true);
    expect(await full.authors.get(L)).toBeDefined();
  });

  it('the first N writes fail: N steps, one notice adding them up', async () => {
    await fill(db);
    db.close();
    let left = 3;
    const { db: full } = dbWithQuota(db.name, mode, (table) => table === 'views' && left-- > 0);
    await track(full);
    const onEvicted = vi.fn();
    const write = vi.fn(() => ingestScrape(full, authorPage(B_REF, bPapers), at));
    await withQuotaRetry(full, write, onEvicted, { now: () => at });
    expect(write).toHaveBeenCalledTimes(4);
    // A1 (3 papers of its own), A2 (3, and X once A1 was gone), A3 (3).
    expect(onEvicted).toHaveBeenCalledExactlyOnceWith({ evicted: { authors: 3, papers: 10 }, at: at.toISOString() });
    expect((await keys(full.authors)).filter((id) => [A(1), A(2), A(3), A(4)].includes(id as string))).toEqual([A(4)]);
  });

  it('nothing evictable: the write\'s own error surfaces, nothing is changed, nobody is told', async () => {
    // Only what is never evicted: the watched author, its linked record, author-less papers.
    await ingestScrape(db, authorPage(ref('watch_w_1'), wPapers.map(paper)), new Date(T0));
    await ingestScrape(db, authorPage(L_REF, lPapers.map((id) => ({ ...paper(id), arxivId: null, source: 'gscholar' })), 'gscholar'), new Date(T0));
    await ingestScrape(db, listingPage(listed.map(paper)), new Date(T0));
    await db.watchlist.put(watchRow);
    await db.links.put({ key: pairKey(W, L), a: [W, L].sort()[0]!, b: [W, L].sort()[1]!, evidence: 'shared ORCID', createdAt: iso(T0), unlinked: false });
    db.close();
    const { db: full } = dbWithQuota(db.name, mode, (table) => table === 'papers');
    await track(full);
    const before = await dump(full);

    const onEvicted = vi.fn();
    const errors: unknown[] = [];
    const write = () => ingestScrape(full, authorPage(B_REF, bPapers), at).catch((e: unknown) => {
      errors.push(e);
      throw e;
    });
    const err = await withQuotaRetry(full, write, onEvicted).catch((e: unknown) => e);
    expect(errors).toHaveLength(1);
    expect(err).toBe(errors[0]);
    expect(isQuotaError(err)).toBe(true);
    expect(onEvicted).not.toHaveBeenCalled();
    expect(await dump(full)).toEqual(before);
  });

  it('evicts everything evictable, then surfaces the error and still tells what went', async () => {
    await fill(db);
    db.close();
    const { db: full } = dbWithQuota(db.name, mode, (table) => table === 'papers');
    await track(full);
    const onEvicted = vi.fn();
    const err = await withQuotaRetry(full, () => ingestScrape(full, authorPage(B_REF, bPapers), at), onEvicted, { now: () => at }).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(onEvicted).toHaveBeenCalledExactlyOnceWith({ evicted: { authors: 10, papers: 3 + 4 + 3 * 7 + 2 }, at: at.toISOString() });
    expect((await keys(full.authors)).sort()).toEqual([L, W].sort());
    expect(await full.watchlist.toArray()).toEqual([watchRow]);
    expect(await full.authors.get('arxiv:new_b_1')).toBeUndefined();
  });
});

describe('withQuotaRetry, other failures', () => {
  it('an error that is not about space is thrown at once, nothing evicted', async () => {
    await fill(db);
    const before = await dump(db);
    const onEvicted = vi.fn();
    const boom = new Dexie.ConstraintError('key already exists');
    const write = vi.fn(async () => {
      throw boom;
    });
    await expect(withQuotaRetry(db, write, onEvicted)).rejects.toBe(boom);
    expect(write).toHaveBeenCalledTimes(1);
    expect(onEvicted).not.toHaveBeenCalled();
    expect(await dump(db)).toEqual(before);
  });

  it('a write that fits is run once and nobody is told', async () => {
    const onEvicted = vi.fn();
    expect(await withQuotaRetry(db, async () => 42, onEvicted)).toBe(42);
    expect(onEvicted).not.toHaveBeenCalled();
  });

  it('a failing onEvicted does not undo a write that succeeded', async () => {
    await fill(db);
    let first = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await withQuotaRetry(db, async () => {
      if (first) {
        first = false;
        throw new DOMException('full', 'QuotaExceededError');
      }
      return 'written';
    }, () => {
      throw new Error('storage.local is full too');
    });
    expect(result).toBe('written');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('inside a transaction it only runs the write (the outer transaction is the one to retry)', async () => {
    await fill(db);
    const before = await db.authors.count();
    const err = await db.transaction('rw', db.papers, () => withQuotaRetry(db, async () => {
      throw new DOMException('full', 'QuotaExceededError');
    })).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(await db.authors.count()).toBe(before);
  });
});

describe('the notice', () => {
  it('reads well in the singular and adds up', () => {
    const one: EvictionNotice = { evicted: { authors: 1, papers: 1 }, at: iso(T0) };
    expect(formatEvictionNotice(one)).toBe('Storage was full: 1 least-recently-viewed profile (1 paper) was removed from the cache. Your watchlist is kept.');
    const twelve: EvictionNotice = { evicted: { authors: 11, papers: 839 }, at: iso(T0 + HOUR) };
    const sum = combineNotices(one, twelve);
    expect(sum).toEqual({ evicted: { authors: 12, papers: 840 }, at: iso(T0 + HOUR) });
    expect(formatEvictionNotice(sum)).toBe('Storage was full: 12 least-recently-viewed profiles (840 papers) were removed from the cache. Your watchlist is kept.');
    expect(combineNotices(null, one)).toBe(one);
    expect(EvictionNotice.safeParse(sum).success).toBe(true);
    expect(EvictionNotice.safeParse({ evicted: { authors: -1, papers: 0 }, at: 'yesterday' }).success).toBe(false);
  });
});
