/**
 * This browser's own tombstones, kept in `storage.local` next to the settings. The `watchlist`
 * table only holds watched authors, and without a record of the removal a later pull could not tell
 * "removed here" from "added elsewhere" and would bring the author back. Kept as long as the synced
 * tombstones (30 days) so a removal lost in a write race on the sync server is written again.
 */
import { z } from 'zod';
import { isExpired, type RemovedEntry } from './merge';
import { WatchEntry } from './schema';

export const REMOVALS_KEY = 'watchlistRemoved';

/** The part of `browser.storage.local` used here. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const Stamp = z.number().int().min(0);

function read(raw: unknown, now: number): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, at] of Object.entries(raw)) {
    if (!WatchEntry.shape.authorId.safeParse(id).success || !Stamp.safeParse(at).success) continue;
    if (!isExpired({ authorId: id, removedAt: at as number }, now)) out.set(id, at as number);
  }
  return out;
}

export async function loadRemovals(local: LocalArea, now: Date): Promise<RemovedEntry[]> {
  const stored = read((await local.get(REMOVALS_KEY))[REMOVALS_KEY], now.getTime());
  return [...stored].map(([authorId, removedAt]) => ({ authorId, removedAt }));
}

/** Call after `unwatchAuthor` with the tombstone it returned; also forgets expired ones. */
export async function recordRemoval(local: LocalArea, removal: RemovedEntry, now: Date): Promise<void> {
  const stored = read((await local.get(REMOVALS_KEY))[REMOVALS_KEY], now.getTime());
  stored.set(removal.authorId, Math.max(removal.removedAt, stored.get(removal.authorId) ?? 0));
  await local.set({ [REMOVALS_KEY]: Object.fromEntries(stored) });
}
