/**
 * The watchlist follows the user to their other browsers through `storage.sync`: ids, names,
 * notes, when each author was added and last seen. What checks found (new paper ids, check times
 * and errors) stays local, like the cached papers it points to.
 *
 * One item per author (wire.ts), merged field by field with whatever the other browsers wrote
 * (merge.ts), so nothing here ever overwrites an edit it has not seen. Removals travel as
 * tombstones; keys disappear only when a tombstone is 30 days old.
 *
 * How many authors fit (Chrome and Firefox: 102,400 bytes, 8,192 per item, 512 items; measured as
 * Chrome counts, see quota.ts; watchlist-sync.test.ts checks these numbers), with nothing else in
 * the area:
 * - typical entry (`w:gscholar:AoKJ_g4AAAAJ`, a 20-letter name, no note): 152 bytes → 512 authors
 *   (the item count is the limit, not the bytes: 512 × 152 = 78 KB);
 * - with a 100-character note: 252 bytes → 406 authors;
 * - with a NOTE_MAX (500) character ASCII note: 652 bytes → 157 authors;
 * - 500-character notes in CJK (3 bytes a character): 1,652 bytes → 61 authors;
 * - the worst a note can be (500 × `<` or control characters, 6 bytes each escaped): 3,152 bytes
 *   → 32 authors. No valid entry exceeds the per-item limit: the largest possible (300-character
 *   id and name, worst-case note) is 5,811 bytes.
 * A tombstone takes about 45 bytes. When the watchlist does not fit, the oldest-added authors
 * are synced and the rest stay on this browser, and the result says how many.
 */
import type { ScholarDb } from '../store/db';
import { entryOfRow, isExpired, isRemoved, mergeEntries, sameEntry, type LiveEntry, type RemovedEntry, type SyncEntry } from './merge';
import { fitInQuota, type Candidate } from './quota';
import { loadRemovals, type LocalArea } from './removals';
import { WatchEntry, type WatchRow } from './schema';
import { listWatchlist } from './store';
import { decodeItem, encodeEntry, KEY_PREFIX, syncKey } from './wire';

/** The part of `browser.storage.sync` used here (tests pass a fake). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** `storage.onChanged`'s first argument. */
export type SyncChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface PushResult {
  ok: boolean;
  /** Items written (0: the area already held everything, and no write was spent). */
  written: number;
  /** Expired tombstones removed. */
  pruned: number;
  /** Watched authors whose current state is not in sync: kept on this browser only. */
  notSynced: string[];
  /** Removals that did not fit: still watched on the other browsers. */
  removalsNotSynced: number;
  error: string | null;
  /** For the user, when something is not synced; null when all is well. */
  message: string | null;
}

export interface PullResult {
  ok: boolean;
  added: number;
  updated: number;
  removed: number;
  /** Items under our prefix that are not readable entries. */
  ignored: number;
  /** Authors whose synced copy lacks something this browser has: push to share it. */
  diverged: string[];
  error: string | null;
  message: string | null;
}

export interface SyncReport {
  pull: PullResult;
  push: PushResult;
  message: string | null;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const unavailableMessage = (error: string) => `Sync is not available (${error}): the watchlist is kept on this browser only.`;

export function fullMessage(notSynced: number, removalsNotSynced: number): string | null {
  const parts: string[] = [];
  if (notSynced > 0) parts.push(`${notSynced} ${notSynced === 1 ? 'author is' : 'authors are'} kept on this browser only.`);
  if (removalsNotSynced > 0) parts.push(`${removalsNotSynced} removed ${removalsNotSynced === 1 ? 'author is' : 'authors are'} still watched on your other browsers.`);
  return parts.length ? `Sync is full: ${parts.join(' ')}` : null;
}

function readItems(items: Record<string, unknown>, now: number): { entries: Map<string, SyncEntry>; ignored: number } {
  const entries = new Map<string, SyncEntry>();
  let ignored = 0;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(KEY_PREFIX)) continue;
    const e = decodeItem(key, value, now);
    if (e) entries.set(e.authorId, e);
    else ignored++;
  }
  return { entries, ignored };
}

/** This browser's state: its rows, and its tombstones for authors it no longer has. */
function localEntries(rows: readonly WatchRow[], removed: readonly RemovedEntry[], now: number): Map<string, SyncEntry> {
  const out = new Map<string, SyncEntry>();
  const add = (e: SyncEntry) => {
    const had = out.get(e.authorId);
    out.set(e.authorId, had ? mergeEntries(had, e) : e);
  };
  removed.filter((r) => !isExpired(r, now)).forEach(add);
  rows.map(entryOfRow).forEach(add);
  return out;
}

// Removals first: they are small and, lost, bring an author back on every browser. Then the
// authors watched longest, so a full area keeps the same ones synced from one push to the next.
function pushOrder(a: SyncEntry, b: SyncEntry): number {
  if (isRemoved(a) !== isRemoved(b)) return isRemoved(a) ? -1 : 1;
  const addedA = isRemoved(a) ? 0 : a.addedAt;
  const addedB = isRemoved(b) ? 0 : b.addedAt;
  return addedA - addedB || (a.authorId < b.authorId ? -1 : a.authorId > b.authorId ? 1 : 0);
}

/**
 * Writes this browser's watchlist (rows, plus tombstones from `loadRemovals`) to the sync area,
 * each entry merged with the synced copy first. At most one `remove` (expired tombstones) and one
 * `set`, and none when nothing changed: Chrome allows 120 writes a minute.
 */
export async function pushWatchlist(area: SyncArea, rows: readonly WatchRow[], now: Date, removed: readonly RemovedEntry[] = []): Promise<PushResult> {
  const t = now.getTime();
  const result: PushResult = { ok: true, written: 0, pruned: 0, notSynced: [], removalsNotSynced: 0, error: null, message: null };
  let current: Record<string, unknown>;
  try {
    current = await area.get(null);
  } catch (e) {
    const error = errorText(e);
    const removals = removed.filter((r) => !isExpired(r, t)).length;
    return { ...result, ok: false, notSynced: rows.map((r) => r.authorId), removalsNotSynced: removals, error, message: unavailableMessage(error) };
  }
  const remote = readItems(current, t).entries;
  const prune = [...remote.values()].filter((e) => isRemoved(e) && isExpired(e, t)).map((e) => syncKey(e.authorId));
  const kept = { ...current };
  for (const key of prune) delete kept[key];

  const candidates: (Candidate & { entry: SyncEntry })[] = [];
  for (const local of [...localEntries(rows, removed, t).values()].sort(pushOrder)) {
    const synced = remote.get(local.authorId);
    const entry = synced ? mergeEntries(local, synced) : local;
    if (isRemoved(entry) && isExpired(entry, t)) continue;
    if (synced && sameEntry(entry, synced)) continue;
    candidates.push({ key: syncKey(entry.authorId), value: encodeEntry(entry), entry });
  }

  const fits = fitInQuota(kept, candidates);
  const writes: Record<string, unknown> = {};
  candidates.forEach((c, i) => {
    if (fits[i]) writes[c.key] = c.value;
    else if (isRemoved(c.entry)) result.removalsNotSynced++;
    else result.notSynced.push(c.entry.authorId);
  });
  try {
    if (prune.length) await area.remove(prune);
    result.pruned = prune.length;
    if (Object.keys(writes).length) await area.set(writes);
    result.written = Object.keys(writes).length;
  } catch (e) {
    const error = errorText(e);
    const tried = candidates.flatMap((c) => (isRemoved(c.entry) ? [] : [c.entry.authorId]));
    return { ...result, ok: false, written: 0, notSynced: tried, removalsNotSynced: candidates.length - tried.length, error, message: unavailableMessage(error) };
  }
  return { ...result, message: fullMessage(result.notSynced.length, result.removalsNotSynced) };
}

const isoOf = (ms: number, old: string | undefined) => (old !== undefined && Date.parse(old) === ms ? old : new Date(ms).toISOString());

/** The row for a merged entry: synced fields from the entry, what checks found from the local row. */
function rowOf(entry: LiveEntry, row: WatchRow | undefined): WatchRow | null {
  let newPaperIds = row?.newPaperIds ?? [];
  // Seen on another browser after the last check here: what that check found is not new any more.
  if (row && entry.lastSeenAt > Date.parse(row.lastSeenAt) && (row.lastCheckedAt === null || Date.parse(row.lastCheckedAt) <= entry.lastSeenAt)) {
    newPaperIds = [];
  }
  const next = WatchEntry.safeParse({
    authorId: entry.authorId,
    name: entry.name,
    note: entry.note,
    addedAt: isoOf(entry.addedAt, row?.addedAt),
    lastSeenAt: isoOf(entry.lastSeenAt, row?.lastSeenAt),
    lastCheckedAt: row?.lastCheckedAt ?? null,
    lastCheckError: row?.lastCheckError ?? null,
    newPaperIds,
    edited: { ...entry.edited },
  });
  return next.success ? next.data : null;
}

/** Merges synced entries into the table, in one transaction. */
async function applyRemote(db: ScholarDb, remote: Map<string, SyncEntry>, ignored: number, removed: readonly RemovedEntry[], now: Date): Promise<PullResult> {
  const result: PullResult = { ok: true, added: 0, updated: 0, removed: 0, ignored, diverged: [], error: null, message: null };
  const tombstones = localEntries([], removed, now.getTime());
  const incoming = [...remote.values()];
  await db.transaction('rw', db.watchlist, async () => {
    const rows = await db.watchlist.bulkGet(incoming.map((e) => e.authorId));
    const puts: WatchRow[] = [];
    const deletes: string[] = [];
    incoming.forEach((synced, i) => {
      const row = rows[i];
      const tombstone = tombstones.get(synced.authorId);
      const here = row ? (tombstone ? mergeEntries(entryOfRow(row), tombstone) : entryOfRow(row)) : tombstone;
      const entry = here ? mergeEntries(here, synced) : synced;
      if (!sameEntry(entry, synced)) result.diverged.push(synced.authorId);
      if (isRemoved(entry)) {
        if (row) deletes.push(row.authorId);
        return;
      }
      const next = rowOf(entry, row);
      if (!next) return;
      if (!row) puts.push(next);
      else if (!sameEntry(entryOfRow(row), entry) || next.newPaperIds.length !== row.newPaperIds.length) puts.push(next);
      else return;
      if (row) result.updated++;
      else result.added++;
    });
    await db.watchlist.bulkPut(puts);
    await db.watchlist.bulkDelete(deletes);
    result.removed = deletes.length;
  });
  return result;
}

/** Reads the whole sync area and merges it into the table. `removed`: this browser's tombstones (`loadRemovals`). */
export async function pullWatchlist(db: ScholarDb, area: SyncArea, now: Date, removed: readonly RemovedEntry[] = []): Promise<PullResult> {
  let items: Record<string, unknown>;
  try {
    items = await area.get(null);
  } catch (e) {
    const error = errorText(e);
    return { ok: false, added: 0, updated: 0, removed: 0, ignored: 0, diverged: [], error, message: unavailableMessage(error) };
  }
  const { entries, ignored } = readItems(items, now.getTime());
  return applyRemote(db, entries, ignored, removed, now);
}

/**
 * For `storage.onChanged` in area 'sync': merges the changed items' new values (our own writes come
 * back here too, and change nothing). When `diverged` is not empty, push.
 */
export async function onSyncChanged(db: ScholarDb, changes: SyncChanges, now: Date, removed: readonly RemovedEntry[] = []): Promise<PullResult> {
  const items: Record<string, unknown> = {};
  for (const [key, change] of Object.entries(changes)) {
    // A key removed is an expired tombstone pruned: there is nothing to undo.
    if (change.newValue != null) items[key] = change.newValue;
  }
  const { entries, ignored } = readItems(items, now.getTime());
  return applyRemote(db, entries, ignored, removed, now);
}

/** Pull, then push what this browser has that the area lacks: at startup, and after local edits. */
export async function syncWatchlist(db: ScholarDb, area: SyncArea, local: LocalArea, now: Date): Promise<SyncReport> {
  const removed = await loadRemovals(local, now);
  const pull = await pullWatchlist(db, area, now, removed);
  const push = await pushWatchlist(area, await listWatchlist(db), now, removed);
  return { pull, push, message: push.message ?? pull.message };
}
