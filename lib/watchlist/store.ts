/**
 * The watchlist table: the user's own data (never cleared with the cache), so every write goes
 * through the Zod schema. Functions take `now` rather than reading the clock: sync compares the
 * stamps they write, and tests need to choose them.
 */
import type { ScholarDb } from '../store/db';
import type { RemovedEntry } from './merge';
import { NOTE_MAX, WatchEntry, type WatchRow } from './schema';

export { sortWatchlist, type WatchItem, type WatchSort } from './sort';

const NAME_MAX = 300;

/**
 * An edit must beat the value it replaces, also when the clock went back since (NTP step, manual
 * change): otherwise the next sync would restore the old value from its later stamp.
 */
const stampAfter = (previous: number, now: Date) => Math.max(now.getTime(), previous + 1);

/** Adds the author (a cached one: the name comes from the `authors` table); a second call changes nothing. */
export async function watchAuthor(db: ScholarDb, authorId: string, now: Date): Promise<WatchRow> {
  return db.transaction('rw', db.authors, db.watchlist, async () => {
    const existing = await db.watchlist.get(authorId);
    if (existing) return existing;
    const author = await db.authors.get(authorId);
    if (!author) throw new Error(`Cannot watch ${authorId}: this author is not in the cache. Open their profile page first.`);
    const at = now.toISOString();
    const ms = now.getTime();
    const row = WatchEntry.parse({
      authorId,
      name: author.name.trim().slice(0, NAME_MAX),
      note: '',
      addedAt: at,
      lastSeenAt: at,
      lastCheckedAt: null,
      lastCheckError: null,
      newPaperIds: [],
      edited: { name: ms, note: ms, lastSeenAt: ms },
    });
    await db.watchlist.add(row);
    return row;
  });
}

/**
 * Removes the author. Returns the tombstone for the sync mirror (record it with `recordRemoval`),
 * or null when the author was not watched.
 */
export async function unwatchAuthor(db: ScholarDb, authorId: string, now: Date): Promise<RemovedEntry | null> {
  return db.transaction('rw', db.watchlist, async () => {
    const row = await db.watchlist.get(authorId);
    if (!row) return null;
    await db.watchlist.delete(authorId);
    const lastStamp = Math.max(Date.parse(row.addedAt), row.edited.name, row.edited.note, row.edited.lastSeenAt);
    return { authorId, removedAt: stampAfter(lastStamp, now) };
  });
}

async function update(db: ScholarDb, authorId: string, change: (row: WatchRow) => WatchRow | null): Promise<WatchRow | undefined> {
  return db.transaction('rw', db.watchlist, async () => {
    const row = await db.watchlist.get(authorId);
    if (!row) return undefined;
    const next = change(row);
    if (!next) return row;
    const valid = WatchEntry.parse(next);
    await db.watchlist.put(valid);
    return valid;
  });
}

/** The note, trimmed; throws when it is too long (cutting it would lose what the user wrote) or the author is not watched. */
export async function setNote(db: ScholarDb, authorId: string, note: string, now: Date): Promise<WatchRow> {
  const text = note.trim();
  if (!WatchEntry.shape.note.safeParse(text).success) {
    throw new Error(`A note is at most ${NOTE_MAX} characters; this one has ${text.length}.`);
  }
  const row = await update(db, authorId, (r) =>
    r.note === text ? null : { ...r, note: text, edited: { ...r.edited, note: stampAfter(r.edited.note, now) } });
  if (!row) throw new Error(`Cannot set a note: ${authorId} is not on the watchlist.`);
  return row;
}

/** The user opened the author: nothing is new any more. Undefined when the author is not watched. */
export async function markSeen(db: ScholarDb, authorId: string, now: Date): Promise<WatchRow | undefined> {
  return update(db, authorId, (r) => {
    const at = stampAfter(r.edited.lastSeenAt, now);
    return { ...r, newPaperIds: [], lastSeenAt: new Date(at).toISOString(), edited: { ...r.edited, lastSeenAt: at } };
  });
}

export const getWatch = (db: ScholarDb, authorId: string): Promise<WatchRow | undefined> => db.watchlist.get(authorId);

/** Oldest first (the order they were added in). */
export const listWatchlist = (db: ScholarDb): Promise<WatchRow[]> => db.watchlist.orderBy('addedAt').toArray();

export async function isWatched(db: ScholarDb, authorIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.watchlist.bulkGet([...authorIds]);
  return new Set(rows.flatMap((r) => (r ? [r.authorId] : [])));
}

export const badgeCount = (rows: readonly Pick<WatchRow, 'newPaperIds'>[]): number =>
  rows.reduce((n, r) => n + r.newPaperIds.length, 0);

/** The action badge: empty hides it; the badge has room for about three characters. */
export function badgeText(count: number): string {
  if (!(count > 0)) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
