/** Orders for the popup's watchlist tab. Pure, so the tab re-sorts without asking the background. */
import type { WatchRow } from './schema';

export type WatchSort = 'name' | 'new' | 'h';

/** A row with the h-index the popup shows next to it (null: not computed or not known). */
export interface WatchItem {
  row: WatchRow;
  h: number | null;
}

// "Émile" next to "emile", "de Sá" next to "De Sa": people look names up, not code points.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

const byName = (a: WatchItem, b: WatchItem) => collator.compare(a.row.name, b.row.name);
const hOf = (x: WatchItem) => (x.h === null || Number.isNaN(x.h) ? null : x.h);

function byH(a: WatchItem, b: WatchItem): number {
  const ha = hOf(a);
  const hb = hOf(b);
  if (ha === null || hb === null) return ha === hb ? 0 : ha === null ? 1 : -1;
  return hb - ha;
}

const byNew = (a: WatchItem, b: WatchItem) => b.row.newPaperIds.length - a.row.newPaperIds.length;

/** A sorted copy; ties by name, and equal names keep their order (Array#sort is stable). */
export function sortWatchlist<T extends WatchItem>(items: readonly T[], by: WatchSort): T[] {
  const first = by === 'new' ? byNew : by === 'h' ? byH : null;
  return [...items].sort((a, b) => (first ? first(a, b) : 0) || byName(a, b));
}
