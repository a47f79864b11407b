/** What storage eviction removed, told to the user in the popup (see evict.ts). No Dexie here: the popup imports it. */
import { z } from 'zod';
import { IsoTime } from '../schema';

/** What eviction removed, for the popup. Kept in storage.local under EVICTION_NOTICE_KEY until dismissed. */
export const EvictionNotice = z.object({
  evicted: z.object({ authors: z.number().int().min(0), papers: z.number().int().min(0) }),
  at: IsoTime,
});
export type EvictionNotice = z.infer<typeof EvictionNotice>;

export const EVICTION_NOTICE_KEY = 'evictionNotice';

/** Two notices not yet seen add up (the later time is kept). */
export function combineNotices(older: EvictionNotice | null | undefined, newer: EvictionNotice): EvictionNotice {
  if (!older) return newer;
  return {
    evicted: { authors: older.evicted.authors + newer.evicted.authors, papers: older.evicted.papers + newer.evicted.papers },
    at: older.at > newer.at ? older.at : newer.at,
  };
}

/** "Storage was full: 12 least-recently-viewed profiles (840 papers) were removed from the cache. Your watchlist is kept." */
export function formatEvictionNotice(n: EvictionNotice): string {
  const { authors, papers } = n.evicted;
  const profiles = authors === 1 ? '1 least-recently-viewed profile' : `${authors} least-recently-viewed profiles`;
  const count = papers === 1 ? '1 paper' : `${papers} papers`;
  return `Storage was full: ${profiles} (${count}) ${authors === 1 ? 'was' : 'were'} removed from the cache. Your watchlist is kept.`;
}
