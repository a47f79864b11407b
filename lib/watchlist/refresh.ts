/**
 * Checking watched authors for new papers in the background (the daily alarm, or "check now").
 *
 * One check reads the author's current paper list from a public source (see `./refresh-sources.ts`)
 * and stores it the way a visit to the author's page would (`ingestScrape`): papers merged, the
 * author linked to them. The papers linked to the author afterwards but not before are the new ones.
 * A check is not a visit: the author's `viewedAt` and the `views` table are left as they were, so
 * the popup's "last viewed author" does not jump to whoever was checked last.
 *
 * Never throws: offline, HTTP errors, unreadable replies and unknown authors come back as a short
 * message in `error`, with nothing written.
 */
import { authorFromRef } from '../authors';
import type { Paper, ParseOutcome } from '../schema';
import type { Settings } from '../settings';
import { HttpError, InvalidResponseError, OfflineError, TimeoutError, hostOf, type HttpClient } from '../sources/http';
import type { ScholarDb } from '../store/db';
import { ingestScrape } from '../store/ingest';
import { planCheck } from './refresh-sources';
import type { WatchRow } from './schema';

export { SCHOLAR_SKIPPED } from './refresh-sources';

export interface CheckResult {
  /** Papers linked to the author by this check that were not before, newest first. */
  newPaperIds: string[];
  /** Why the check found nothing to say; null when it worked. */
  error: string | null;
}

export interface CheckOptions {
  now: Date;
  settings: Settings;
}

/** `newPaperIds` of a watch row keeps at most this many ids (the schema's limit). */
export const NEW_PAPERS_MAX = 10_000;
const ERROR_MAX = 200;
/** Paper ids longer than the watch schema allows are not listed (none of our sources makes them). */
const ID_MAX = 300;

function short(message: string): string {
  const m = message.replace(/\s+/g, ' ').trim();
  return m.length > ERROR_MAX ? `${m.slice(0, ERROR_MAX - 1)}…` : m;
}

/** A short, user-facing message for what went wrong while fetching from `label`. */
export function describeCheckError(e: unknown, label: string): string {
  if (e instanceof OfflineError) return 'offline';
  const host = e instanceof Error && 'url' in e && typeof e.url === 'string' ? hostOf(e.url) || label : label;
  if (e instanceof TimeoutError) return `no answer from ${host}`;
  if (e instanceof HttpError) {
    if (e.status === 404 || e.status === 410) return `${label}: not found (HTTP ${e.status})`;
    if (e.status === 429) return `${host}: too many requests (HTTP 429)`;
    return `${host}: HTTP ${e.status}`;
  }
  if (e instanceof InvalidResponseError) return short(`${label} reply not understood (${e.reason})`);
  return short(`check failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** Newest first by v1 date (else year); the source's order among equals. */
function newestFirst(ids: string[], papers: Map<string, Paper>): string[] {
  const key = (id: string) => {
    const p = papers.get(id);
    return p?.published ?? (p?.year != null ? `${p.year}` : '');
  };
  return ids.map((id, i) => ({ id, i, k: key(id) })).sort((a, b) => (a.k < b.k ? 1 : a.k > b.k ? -1 : a.i - b.i)).map((x) => x.id);
}

/**
 * Checks one author: fetch, parse, store, compare. The first check of an author whose papers were
 * all seen already gives []. For an arXiv author search, which reads only the newest 100 results,
 * papers older than every paper already linked are stored but not reported as new (they are older
 * results the search page did not show, not new papers).
 */
export async function checkAuthor(db: ScholarDb, http: HttpClient, authorId: string, opts: CheckOptions): Promise<CheckResult> {
  try {
    const author = await db.authors.get(authorId);
    if (!author) return { newPaperIds: [], error: 'unknown author (not in the local database)' };
    const plan = planCheck(author);
    if ('error' in plan) return { newPaperIds: [], error: plan.error };

    let outcome: ParseOutcome;
    try {
      outcome = await plan.fetch(http, opts);
    } catch (e) {
      return { newPaperIds: [], error: describeCheckError(e, plan.label) };
    }
    if (!outcome.ok) return { newPaperIds: [], error: short(`${plan.label} reply not understood: ${outcome.reason}`) };
    const scrape = plan.adapt(outcome);

    // The reply must land on the watched author's record, as the page visit does; else nothing is written.
    const landsOn = scrape.author ? authorFromRef(scrape.author, scrape.authors, scrape.site).id : null;
    if (landsOn !== authorId) {
      return { newPaperIds: [], error: short(`${plan.label} answered for ${landsOn ?? 'no author'}, not ${authorId}`) };
    }

    const papers = new Map(scrape.papers.map((p) => [p.id, p]));
    const added = await db.transaction('rw', [db.papers, db.authors, db.authorPapers, db.views], async () => {
      const linkedBefore = (await db.authorPapers.where('authorId').equals(authorId).toArray()).map((r) => r.paperId);
      const before = new Set(linkedBefore);
      // An author search reads only the newest results: older ones the page did not show are not new.
      let oldest: string | null = null;
      if (plan.source === 'arxiv-query' && before.size) {
        for (const p of await db.papers.bulkGet(linkedBefore)) {
          if (p?.published && (oldest === null || p.published < oldest)) oldest = p.published;
        }
      }
      const viewedAt = (await db.authors.get(authorId))?.viewedAt;
      const oldView = await db.views.get(scrape.url);
      await ingestScrape(db, scrape, opts.now);
      // A check is not a visit.
      if (viewedAt) await db.authors.update(authorId, { viewedAt });
      if (oldView) await db.views.put(oldView);
      else await db.views.delete(scrape.url);
      return [...papers.keys()].filter((id) => !before.has(id) && (oldest === null || (papers.get(id)?.published ?? oldest) >= oldest));
    });
    return { newPaperIds: newestFirst(added.filter((id) => id.length <= ID_MAX), papers), error: null };
  } catch (e) {
    return { newPaperIds: [], error: short(`check failed: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

export interface RefreshResult {
  /** Watch rows checked (rows removed while their check ran are not counted). */
  checked: number;
  /** New papers found, summed over the authors. */
  newPapers: number;
  /** Checks that ended with an error (Google Scholar's "checked when you visit them" included). */
  errors: number;
  /** Authors with new papers, for {@link notificationText}. */
  found: { authorId: string; name: string; count: number }[];
}

/** `fresh` first (in its order), then `old`, without duplicates, at most {@link NEW_PAPERS_MAX}. */
export function mergeNewPaperIds(fresh: readonly string[], old: readonly string[]): string[] {
  return [...new Set([...fresh, ...old])].slice(0, NEW_PAPERS_MAX);
}

/** Least recently checked first (never checked before all), so a run cut short is continued next time. */
function checkOrder(a: WatchRow, b: WatchRow): number {
  const x = a.lastCheckedAt ?? '';
  const y = b.lastCheckedAt ?? '';
  return x < y ? -1 : x > y ? 1 : a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0;
}

/**
 * Checks every watched author (or only `onlyIds`), one after the other, and records each outcome on
 * its watch row in one update: `lastCheckedAt`, `lastCheckError`, and the new papers added in front
 * of `newPaperIds`. A row removed meanwhile is not re-created; a row whose author was opened while
 * the check ran (`lastSeenAt` changed) gets no new papers from it, since the user has just seen them.
 */
export async function refreshWatchlist(
  db: ScholarDb,
  http: HttpClient,
  opts: CheckOptions & { onlyIds?: string[] },
): Promise<RefreshResult> {
  const result: RefreshResult = { checked: 0, newPapers: 0, errors: 0, found: [] };
  let rows: WatchRow[];
  try {
    rows = opts.onlyIds
      ? (await db.watchlist.bulkGet([...new Set(opts.onlyIds)])).filter((r): r is WatchRow => !!r)
      : await db.watchlist.toArray();
  } catch {
    return result;
  }
  rows.sort(checkOrder);
  const at = opts.now.toISOString();

  for (const row of rows) {
    const { newPaperIds, error } = await checkAuthor(db, http, row.authorId, opts);
    let applied: string[] = [];
    let updated = 0;
    try {
      updated = await db.watchlist.update(row.authorId, (current) => {
        applied = current.lastSeenAt === row.lastSeenAt ? newPaperIds.filter((id) => !current.newPaperIds.includes(id)) : [];
        current.lastCheckedAt = at;
        current.lastCheckError = error === null ? null : error.slice(0, 500);
        current.newPaperIds = mergeNewPaperIds(applied, current.newPaperIds);
      });
    } catch {
      updated = 0;
    }
    if (!updated) continue;
    result.checked++;
    if (error !== null) result.errors++;
    if (applied.length) {
      result.newPapers += applied.length;
      result.found.push({ authorId: row.authorId, name: row.name, count: applied.length });
    }
  }
  return result;
}

/** How many authors a notification names before "and N more". */
const NOTIFY_NAMES = 5;

/**
 * The text of the optional browser notification after a check: "2 new papers" / "Ada Lovelace (1),
 * Alan Turing (1)"; null when nothing is new. Authors with the most new papers first.
 */
export function notificationText(found: { name: string; count: number }[]): { title: string; message: string } | null {
  const hits = found.filter((f) => f.count > 0).map((f, i) => ({ ...f, i })).sort((a, b) => b.count - a.count || a.i - b.i);
  if (!hits.length) return null;
  const total = hits.reduce((n, f) => n + f.count, 0);
  const named = hits.slice(0, NOTIFY_NAMES).map((f) => `${f.name.trim() || 'Unnamed author'} (${f.count})`);
  const more = hits.length - NOTIFY_NAMES;
  return {
    title: `${total} new paper${total === 1 ? '' : 's'}`,
    message: more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', '),
  };
}
