/**
 * How two copies of one watched author become one — the heart of the `storage.sync` mirror.
 *
 * Each browser edits its own copy; nothing locks. So a copy carries, per synced field, when it was
 * last edited (`edited` in the row), and removal leaves a tombstone with its time instead of
 * nothing: "gone" must be told apart from "not arrived yet". Merging is then field by field, the
 * later edit winning, and never depends on which copy is called local: `mergeEntries(a, b)` and
 * `mergeEntries(b, a)` are the same entry, and merging a result again changes nothing, so two
 * browsers that exchange copies stop after one round.
 */
import type { WatchRow } from './schema';

/**
 * The synced part of a row; times in ms since epoch. Every writer keeps `edited.name` and
 * `edited.lastSeenAt` at or after `addedAt` (a new row stamps all three with the add; edits and
 * merges only move stamps later), so the latest stamp still shows a re-add after merging has
 * kept the earlier `addedAt`. Items breaking this are not read (wire.ts).
 */
export interface LiveEntry {
  authorId: string;
  name: string;
  note: string;
  addedAt: number;
  lastSeenAt: number;
  edited: { name: number; note: number; lastSeenAt: number };
}

export interface RemovedEntry {
  authorId: string;
  removedAt: number;
}

export type SyncEntry = LiveEntry | RemovedEntry;

/**
 * Tombstones are forgotten after this long (or they would fill the sync quota). A browser that
 * stays offline longer and still holds the author brings it back: the usual price of forgetting.
 */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600 * 1000;

export const isRemoved = (e: SyncEntry): e is RemovedEntry => 'removedAt' in e;

export const isExpired = (e: RemovedEntry, now: number) => e.removedAt < now - TOMBSTONE_TTL_MS;

export function entryOfRow(row: WatchRow): LiveEntry {
  return {
    authorId: row.authorId,
    name: row.name,
    note: row.note,
    addedAt: Date.parse(row.addedAt),
    lastSeenAt: Date.parse(row.lastSeenAt),
    edited: { ...row.edited },
  };
}

const lastTouch = (e: LiveEntry) => Math.max(e.addedAt, e.edited.name, e.edited.note, e.edited.lastSeenAt);

// Equal stamps with different values happen (two browsers in the same millisecond, clocks that
// agree to the ms by chance); the larger value wins so that both browsers pick the same one.
function later<T extends string | number>(a: T, aAt: number, b: T, bAt: number): [T, number] {
  if (aAt !== bAt) return aAt > bAt ? [a, aAt] : [b, bAt];
  return a >= b ? [a, aAt] : [b, bAt];
}

/**
 * The empty note a fresh row starts with is not an edit: when two browsers watch the same author
 * independently, the second one's empty note, though stamped later, must not wipe the first one's
 * written note. A note is untouched while it is empty and stamped no later than the row's add.
 */
const untouchedNote = (e: LiveEntry) => e.note === '' && e.edited.note <= e.addedAt;

function mergeNote(a: LiveEntry, b: LiveEntry): [string, number] {
  const ua = untouchedNote(a);
  const ub = untouchedNote(b);
  // Both untouched: keep the earlier stamp so the merged row (added at the earlier time) still
  // reads as untouched.
  if (ua && ub) return ['', Math.min(a.edited.note, b.edited.note)];
  if (ua) return [b.note, b.edited.note];
  if (ub) return [a.note, a.edited.note];
  return later(a.note, a.edited.note, b.note, b.edited.note);
}

function mergeLive(a: LiveEntry, b: LiveEntry): LiveEntry {
  const [name, nameAt] = later(a.name, a.edited.name, b.name, b.edited.name);
  const [note, noteAt] = mergeNote(a, b);
  const [lastSeenAt, seenAt] = later(a.lastSeenAt, a.edited.lastSeenAt, b.lastSeenAt, b.edited.lastSeenAt);
  // Watching is idempotent everywhere: the author has been watched since the first add.
  const addedAt = Math.min(a.addedAt, b.addedAt);
  return { authorId: a.authorId, name, note, addedAt, lastSeenAt, edited: { name: nameAt, note: noteAt, lastSeenAt: seenAt } };
}

/**
 * A removal and an edit made concurrently: whichever is later wins as a whole. An entry touched
 * after the removal lives (someone re-added it, or wrote a note, after the other removed it); a
 * tie keeps it, since a wrongly kept author costs one click and a wrongly removed note is lost.
 */
const outlives = (live: LiveEntry, removed: RemovedEntry) => lastTouch(live) >= removed.removedAt;

export function mergeEntries(a: SyncEntry, b: SyncEntry): SyncEntry {
  if (a.authorId !== b.authorId) throw new Error(`mergeEntries: ${a.authorId} and ${b.authorId} are different authors`);
  if (isRemoved(a) && isRemoved(b)) return a.removedAt >= b.removedAt ? a : b;
  if (isRemoved(a)) return outlives(b as LiveEntry, a) ? b : a;
  if (isRemoved(b)) return outlives(a, b) ? a : b;
  return mergeLive(a, b);
}

/** Same content (what is synced), whatever the object identity. */
export function sameEntry(a: SyncEntry, b: SyncEntry): boolean {
  if (isRemoved(a) || isRemoved(b)) return isRemoved(a) && isRemoved(b) && a.removedAt === b.removedAt && a.authorId === b.authorId;
  return a.authorId === b.authorId && a.name === b.name && a.note === b.note && a.addedAt === b.addedAt && a.lastSeenAt === b.lastSeenAt
    && a.edited.name === b.edited.name && a.edited.note === b.edited.note && a.edited.lastSeenAt === b.edited.lastSeenAt;
}
