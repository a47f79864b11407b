/**
 * One `storage.sync` item per watched author: key `w:<authorId>`, value a compact object (one-letter
 * keys, times as ms numbers) because every byte counts against the 100 KB quota. What is read back
 * was written by any version of the extension on any of the user's browsers, or damaged on the
 * way: it is parsed with Zod and anything that does not fit is ignored, never thrown.
 */
import { z } from 'zod';
import type { SyncEntry } from './merge';
import { WatchEntry } from './schema';

export const KEY_PREFIX = 'w:';

export const syncKey = (authorId: string) => KEY_PREFIX + authorId;

/** Live: name, nOte, Added, last Seen, Edited stamps [name, note, lastSeen]. Removed: Removed at. */
export type SyncItem = { n: string; o: string; a: number; s: number; e: [number, number, number] } | { r: number };

/**
 * A stamp far in the future would win every merge for ever (one browser with its clock set to
 * 2099 would pin its values), so stamps more than a day ahead of the reader's clock make the item
 * unreadable; ordinary clock skew between machines is minutes.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;

const Ms = z.number().int().min(0);

const LiveItem = z.object({
  n: WatchEntry.shape.name,
  o: WatchEntry.shape.note,
  a: Ms,
  s: Ms,
  e: z.tuple([Ms, Ms, Ms]),
});
const RemovedItem = z.object({ r: Ms });

export function encodeEntry(e: SyncEntry): SyncItem {
  if ('removedAt' in e) return { r: e.removedAt };
  return { n: e.name, o: e.note, a: e.addedAt, s: e.lastSeenAt, e: [e.edited.name, e.edited.note, e.edited.lastSeenAt] };
}

export function authorIdOfKey(key: string): string | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const id = WatchEntry.shape.authorId.safeParse(key.slice(KEY_PREFIX.length));
  return id.success ? id.data : null;
}

/** The entry an item holds, or null for anything that is not one of ours (or not readable now). */
export function decodeItem(key: string, value: unknown, now: number): SyncEntry | null {
  const authorId = authorIdOfKey(key);
  if (authorId === null) return null;
  const limit = now + MAX_CLOCK_SKEW_MS;
  const live = LiveItem.safeParse(value);
  if (live.success) {
    const { n, o, a, s, e } = live.data;
    if (Math.max(a, s, ...e) > limit || e[0] < a || e[2] < a) return null;
    return { authorId, name: n, note: o, addedAt: a, lastSeenAt: s, edited: { name: e[0], note: e[1], lastSeenAt: e[2] } };
  }
  const removed = RemovedItem.safeParse(value);
  if (removed.success && removed.data.r <= limit) return { authorId, removedAt: removed.data.r };
  return null;
}
