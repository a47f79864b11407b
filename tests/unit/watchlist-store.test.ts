import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorRow } from '@/lib/store/db';
import { ScholarDb } from '@/lib/store/db';
import { NOTE_MAX, WatchEntry, type WatchRow } from '@/lib/watchlist/schema';
import {
  badgeCount, badgeText, getWatch, isWatched, listWatchlist, markSeen, setNote, sortWatchlist, unwatchAuthor, watchAuthor,
  type WatchItem,
} from '@/lib/watchlist/store';

const T0 = new Date('2025-06-01T10:00:00.000Z');
const T1 = new Date('2025-06-02T10:00:00.000Z');
const T2 = new Date('2025-06-03T10:00:00.000Z');

function author(id: string, name: string): AuthorRow {
  return { id, name, ids: {}, affiliations: [], url: null, nameKey: name.toLowerCase(), firstSeenAt: T0.toISOString(), viewedAt: T0.toISOString() };
}

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`watch-${Math.random()}`);
  await db.open();
  await db.authors.bulkAdd([
    author('arxiv:riedl_m_1', 'Mark O. Riedl'),
    author('gscholar:AoKJ_g4AAAAJ', '  Prithviraj Ammanabrolu '),
    author('dblp:s/MariaSilva', 'Maria Silva'),
  ]);
});
afterEach(async () => {
  await db.delete();
});

async function expectValidRows() {
  for (const row of await db.watchlist.toArray()) expect(WatchEntry.safeParse(row).success).toBe(true);
}

describe('watchAuthor', () => {
  it('creates the row from the cached author', async () => {
    const row = await watchAuthor(db, 'arxiv:riedl_m_1', T0);
    expect(row).toEqual({
      authorId: 'arxiv:riedl_m_1', name: 'Mark O. Riedl', note: '',
      addedAt: T0.toISOString(), lastSeenAt: T0.toISOString(), lastCheckedAt: null, lastCheckError: null, newPaperIds: [],
      edited: { name: T0.getTime(), note: T0.getTime(), lastSeenAt: T0.getTime() },
    });
    expect(await getWatch(db, 'arxiv:riedl_m_1')).toEqual(row);
    expect((await watchAuthor(db, 'gscholar:AoKJ_g4AAAAJ', T0)).name).toBe('Prithviraj Ammanabrolu');
    await expectValidRows();
  });

  it('is idempotent: a second save keeps the first row, its note and addedAt', async () => {
    const first = await watchAuthor(db, 'arxiv:riedl_m_1', T0);
    await setNote(db, 'arxiv:riedl_m_1', 'met at NeurIPS', T0);
    const again = await watchAuthor(db, 'arxiv:riedl_m_1', T1);
    expect(again.addedAt).toBe(first.addedAt);
    expect(again.note).toBe('met at NeurIPS');
    expect(await db.watchlist.count()).toBe(1);
  });

  it('refuses an author that is not cached, with a message saying why', async () => {
    await expect(watchAuthor(db, 's2:404', T0)).rejects.toThrow(/s2:404.*not in the cache/);
    expect(await db.watchlist.count()).toBe(0);
  });
});

describe('unwatchAuthor', () => {
  it('removes the row and returns the tombstone for sync', async () => {
    await watchAuthor(db, 'arxiv:riedl_m_1', T0);
    expect(await unwatchAuthor(db, 'arxiv:riedl_m_1', T1)).toEqual({ authorId: 'arxiv:riedl_m_1', removedAt: T1.getTime() });
    expect(await getWatch(db, 'arxiv:riedl_m_1')).toBeUndefined();
    expect(await unwatchAuthor(db, 'arxiv:riedl_m_1', T1)).toBeNull();
  });

  it('the tombstone is later than the row it removes, even when the clock went back', async () => {
    await watchAuthor(db, 'arxiv:riedl_m_1', T1);
    const t = await unwatchAuthor(db, 'arxiv:riedl_m_1', T0);
    expect(t!.removedAt).toBeGreaterThan(T1.getTime());
  });

  it('watching again after a removal starts afresh', async () => {
    await watchAuthor(db, 'arxiv:riedl_m_1', T0);
    await setNote(db, 'arxiv:riedl_m_1', 'old', T0);
    await unwatchAuthor(db, 'arxiv:riedl_m_1', T1);
    const row = await watchAuthor(db, 'arxiv:riedl_m_1', T2);
    expect(row).toMatchObject({ note: '', addedAt: T2.toISOString() });
  });
});

describe('setNote', () => {
  beforeEach(async () => {
    await watchAuthor(db, 'arxiv:riedl_m_1', T0);
  });

  it('trims, stores and bumps only the note stamp', async () => {
    const row = await setNote(db, 'arxiv:riedl_m_1', '  reviewer for ICLR \n', T1);
    expect(row.note).toBe('reviewer for ICLR');
    expect(row.edited).toEqual({ name: T0.getTime(), note: T1.getTime(), lastSeenAt: T0.getTime() });
    expect(await getWatch(db, 'arxiv:riedl_m_1')).toEqual(row);
  });

  it('accepts NOTE_MAX characters and refuses one more, leaving the row as it was', async () => {
    expect((await setNote(db, 'arxiv:riedl_m_1', 'x'.repeat(NOTE_MAX), T1)).note).toHaveLength(NOTE_MAX);
    await expect(setNote(db, 'arxiv:riedl_m_1', 'y'.repeat(NOTE_MAX + 1), T2)).rejects.toThrow(`at most ${NOTE_MAX} characters`);
    expect((await getWatch(db, 'arxiv:riedl_m_1'))?.note).toBe('x'.repeat(NOTE_MAX));
    // Trimmed first: surrounding spaces do not count.
    expect((await setNote(db, 'arxiv:riedl_m_1', ` ${'z'.repeat(NOTE_MAX)} `, T2)).note).toHaveLength(NOTE_MAX);
    await expectValidRows();
  });

  it('the same note again is not an edit', async () => {
    await setNote(db, 'arxiv:riedl_m_1', 'same', T1);
    expect((await setNote(db, 'arxiv:riedl_m_1', ' same ', T2)).edited.note).toBe(T1.getTime());
  });

  it('an edit beats the note it replaces even when the clock went back', async () => {
    await setNote(db, 'arxiv:riedl_m_1', 'first', T2);
    expect((await setNote(db, 'arxiv:riedl_m_1', 'second', T1)).edited.note).toBe(T2.getTime() + 1);
  });

  it('throws for an author not on the watchlist', async () => {
    await expect(setNote(db, 'dblp:s/MariaSilva', 'x', T1)).rejects.toThrow(/not on the watchlist/);
  });
});

describe('markSeen', () => {
  it('clears what was new and moves lastSeenAt', async () => {
    await watchAuthor(db, 'arxiv:riedl_m_1', T0);
    await db.watchlist.update('arxiv:riedl_m_1', { newPaperIds: ['2106.09608', '2010.00685'], lastCheckedAt: T1.toISOString() });
    const row = await markSeen(db, 'arxiv:riedl_m_1', T2);
    expect(row).toMatchObject({ newPaperIds: [], lastSeenAt: T2.toISOString(), lastCheckedAt: T1.toISOString(), edited: { name: T0.getTime(), note: T0.getTime(), lastSeenAt: T2.getTime() } });
    expect(await getWatch(db, 'arxiv:riedl_m_1')).toEqual(row);
  });

  it('is a no-op for an author not watched', async () => {
    expect(await markSeen(db, 'arxiv:riedl_m_1', T0)).toBeUndefined();
    expect(await db.watchlist.count()).toBe(0);
  });
});

describe('reading', () => {
  it('lists oldest first and answers which ids are watched', async () => {
    await watchAuthor(db, 'dblp:s/MariaSilva', T1);
    await watchAuthor(db, 'arxiv:riedl_m_1', T2);
    await watchAuthor(db, 'gscholar:AoKJ_g4AAAAJ', T0);
    expect((await listWatchlist(db)).map((r) => r.authorId)).toEqual(['gscholar:AoKJ_g4AAAAJ', 'dblp:s/MariaSilva', 'arxiv:riedl_m_1']);
    expect(await isWatched(db, ['arxiv:riedl_m_1', 's2:1', 'dblp:s/MariaSilva', 'arxiv:riedl_m_1'])).toEqual(new Set(['arxiv:riedl_m_1', 'dblp:s/MariaSilva']));
    expect(await isWatched(db, [])).toEqual(new Set());
  });
});

describe('badge', () => {
  it('counts every new paper of every author', () => {
    expect(badgeCount([])).toBe(0);
    expect(badgeCount([{ newPaperIds: ['a', 'b'] }, { newPaperIds: [] }, { newPaperIds: ['c'] }])).toBe(3);
  });

  it('hides at 0 and caps at 99+', () => {
    expect([0, 1, 9, 99, 100, 12_345, -1, Number.NaN].map(badgeText)).toEqual(['', '1', '9', '99', '99+', '99+', '', '']);
  });
});

describe('sortWatchlist', () => {
  function item(name: string, fresh: number, h: number | null): WatchItem {
    const row: WatchRow = {
      authorId: `x:${name}`, name, note: '', addedAt: T0.toISOString(), lastSeenAt: T0.toISOString(), lastCheckedAt: null, lastCheckError: null,
      newPaperIds: Array.from({ length: fresh }, (_, i) => `p${i}`), edited: { name: 0, note: 0, lastSeenAt: 0 },
    };
    return { row, h };
  }
  const items = [item('Zoë Young', 0, 12), item('émile Durand', 3, null), item('adam Smith', 3, 40), item('Émile Dupont', 0, 12), item('Bo Li', 1, null)];
  const names = (xs: WatchItem[]) => xs.map((x) => x.row.name);

  it('by name, ignoring case and accents', () => {
    expect(names(sortWatchlist(items, 'name'))).toEqual(['adam Smith', 'Bo Li', 'Émile Dupont', 'émile Durand', 'Zoë Young']);
  });

  it('by new papers, most first, ties by name', () => {
    expect(names(sortWatchlist(items, 'new'))).toEqual(['adam Smith', 'émile Durand', 'Bo Li', 'Émile Dupont', 'Zoë Young']);
  });

  it('by h-index, highest first, unknown last, ties by name', () => {
    expect(names(sortWatchlist(items, 'h'))).toEqual(['adam Smith', 'Émile Dupont', 'Zoë Young', 'Bo Li', 'émile Durand']);
    expect(names(sortWatchlist([item('B', 0, Number.NaN), item('A', 0, 0)], 'h'))).toEqual(['A', 'B']);
  });

  it('returns a copy and keeps the extra fields of the items', () => {
    const extended = items.map((x, i) => ({ ...x, rank: i }));
    const sorted = sortWatchlist(extended, 'name');
    expect(sorted[0]?.rank).toBe(2);
    expect(names(extended)).toEqual(['Zoë Young', 'émile Durand', 'adam Smith', 'Émile Dupont', 'Bo Li']);
  });

  it('equal names keep their order', () => {
    const a = item('Wang Wei', 0, 1);
    const b = { ...item('wang wei', 0, 1) };
    expect(sortWatchlist([a, b], 'name')).toEqual([a, b]);
    expect(sortWatchlist([b, a], 'h')).toEqual([b, a]);
  });
});
