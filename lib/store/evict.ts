/**
 * When the browser says storage is full: make room by dropping the least-recently-viewed cached
 * profiles, then try the write again. Only the cache goes. Never evicted: an author on the
 * watchlist or linked to one (a link the user has not undone), the watchlist rows (and their
 * notes), the papers they point at, links the user undid (so they stay undone), and settings
 * (not in this database). The user is told what went, as an `EvictionNotice`.
 */
import Dexie from 'dexie';
import type { ScholarDb } from './db';
import { profileKey } from './metric-columns';
import type { EvictionNotice } from './eviction-notice';

// ---------------------------------------------------------------- recognising the error

/** Error names browsers use for "storage is full" (Firefox's older one included). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** DOMException.QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * Whether an error says storage is full: a DOMException named QuotaExceededError, Dexie's
 * QuotaExceededError (its `inner` the DOMException), Dexie's AbortError wrapping one (a
 * transaction aborted at commit for lack of space), or a BulkError with one among its failures.
 */
export function isQuotaError(e: unknown): boolean {
  return quota(e, 0);
}

function quota(e: unknown, depth: number): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof err.name === 'string' && QUOTA_NAMES.has(err.name)) return true;
  if (typeof DOMException !== 'undefined' && e instanceof DOMException && e.code === QUOTA_CODE) return true;
  if (quota(err.inner, depth + 1) || quota(err.cause, depth + 1)) return true;
  // Dexie's BulkError: an array (ModifyError and BulkError alike), one entry per failed operation.
  if (Array.isArray(err.failures)) return err.failures.some((f) => quota(f, depth + 1));
  return false;
}

// ---------------------------------------------------------------- eviction

export interface EvictOptions {
  /** Share of the evictable authors dropped in one step (at least one author). Default 0.1. */
  fraction?: number;
  /** Author ids not to evict in this step (e.g. the author being written). */
  keep?: string[];
}

export interface EvictionResult {
  /** Author records removed. */
  authors: number;
  /** Papers removed (those no remaining author links). */
  papers: number;
}

export const DEFAULT_EVICT_FRACTION = 0.1;

/**
 * One eviction step, in one transaction: the least-recently-viewed `fraction` of the evictable
 * authors (by `viewedAt`, at least one), with their author–paper links, their page views, their
 * own jobs (identity, OpenAlex), their cached metric columns, and their links to other records (except links the user undid);
 * then the papers no remaining author links, with those papers' jobs. Papers that were never
 * linked to any author (listing and abs pages) are not touched. `{ authors: 0, papers: 0 }` when
 * nothing is evictable.
 */
export async function evictLeastRecentlyViewed(db: ScholarDb, opts: EvictOptions = {}): Promise<EvictionResult> {
  const raw = opts.fraction ?? DEFAULT_EVICT_FRACTION;
  const fraction = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : DEFAULT_EVICT_FRACTION;
  const tables = [db.papers, db.authors, db.authorPapers, db.views, db.jobs, db.links, db.watchlist, db.metricColumns];
  return db.transaction('rw', tables, async () => {
    const watch = await db.watchlist.toArray();
    const links = await db.links.toArray();
    const kept = protectedAuthors([...watch.map((w) => w.authorId), ...(opts.keep ?? [])], links);
    // Oldest view first; equal times in id order (the index's order), so a step is deterministic.
    const byAge = (await db.authors.orderBy('viewedAt').primaryKeys()) as string[];
    const evictable = byAge.filter((id) => !kept.has(id));
    if (evictable.length === 0) return { authors: 0, papers: 0 };
    const chosen = evictable.slice(0, Math.max(1, Math.ceil(evictable.length * fraction)));
    const gone = new Set(chosen);

    const theirPapers = [...new Set((await db.authorPapers.where('authorId').anyOf(chosen).toArray()).map((r) => r.paperId))];
    await db.authorPapers.where('authorId').anyOf(chosen).delete();
    await db.views.where('authorId').anyOf(chosen).delete();
    // Links found by evidence come back when the page is seen again; a link the user undid must stay undone.
    await db.links.bulkDelete(links.filter((l) => !l.unlinked && (gone.has(l.a) || gone.has(l.b))).map((l) => l.key));
    await db.authors.bulkDelete(chosen);
    await db.metricColumns.bulkDelete(chosen.flatMap((id) => [profileKey(id, 'group'), profileKey(id, 'own')]));

    // A paper stays while any remaining author links it (a watched co-author, a newer profile)
    // or the watchlist names it as new.
    const stillLinked = new Set((await db.authorPapers.where('paperId').anyOf(theirPapers).toArray()).map((r) => r.paperId));
    const named = new Set(watch.flatMap((w) => w.newPaperIds));
    const orphans = theirPapers.filter((id) => !stillLinked.has(id) && !named.has(id));
    // Per-paper jobs of the orphans, and the per-author jobs ('identity', 'openalex') of the evicted authors.
    await db.jobs.where('paperId').anyOf([...orphans, ...chosen]).delete();
    await db.papers.bulkDelete(orphans);
    return { authors: chosen.length, papers: orphans.length };
  });
}

/** The watched authors and every record linked to one, transitively, over links the user has not undone. */
function protectedAuthors(roots: string[], links: { a: string; b: string; unlinked: boolean }[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const l of links) {
    if (l.unlinked) continue;
    next.set(l.a, [...(next.get(l.a) ?? []), l.b]);
    next.set(l.b, [...(next.get(l.b) ?? []), l.a]);
  }
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length) {
    for (const other of next.get(queue.shift()!) ?? []) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

// ---------------------------------------------------------------- telling the user
// In eviction-notice.ts, without Dexie, so the popup can show the notice without loading the database code.
export { combineNotices, EVICTION_NOTICE_KEY, EvictionNotice, formatEvictionNotice } from './eviction-notice';

// ---------------------------------------------------------------- the retry

export interface QuotaRetryOptions extends EvictOptions {
  now?: () => Date;
}

/**
 * Run a write; when it fails for lack of space, evict a step and run it again, until it succeeds
 * or nothing evictable is left (then the write's own error is thrown). The write must be a
 * complete transaction of its own (e.g. `() => ingestScrape(db, scrape)`): an aborted transaction
 * left nothing behind, so running it again is safe. When anything was evicted, `onEvicted` gets
 * the notice (all steps added up) before this returns or throws; a failing `onEvicted` does not
 * undo the write.
 *
 * Inside a Dexie transaction there is nothing to retry (the outer transaction is aborted with the
 * write), so there the write is only run: wrap the outer transaction instead.
 */
export async function withQuotaRetry<T>(
  db: ScholarDb,
  write: () => Promise<T>,
  onEvicted?: (notice: EvictionNotice) => void | Promise<void>,
  opts: QuotaRetryOptions = {},
): Promise<T> {
  if (Dexie.currentTransaction) return write();
  const total: EvictionResult = { authors: 0, papers: 0 };
  const tell = async () => {
    if (!onEvicted || (total.authors === 0 && total.papers === 0)) return;
    try {
      await onEvicted({ evicted: { ...total }, at: (opts.now?.() ?? new Date()).toISOString() });
    } catch (err) {
      console.warn('scholar-lens: could not record the eviction notice', err);
    }
  };
  for (;;) {
    let outcome: T;
    try {
      outcome = await write();
    } catch (err) {
      let step: EvictionResult | null = null;
      if (isQuotaError(err)) {
        try {
          step = await evictLeastRecentlyViewed(db, opts);
        } catch (evictErr) {
          console.warn('scholar-lens: eviction failed', evictErr);
        }
      }
      if (step && step.authors > 0) {
        total.authors += step.authors;
        total.papers += step.papers;
        continue;
      }
      await tell();
      throw err;
    }
    await tell();
    return outcome;
  }
}
