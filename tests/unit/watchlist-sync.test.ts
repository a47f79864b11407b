/**
 * The storage.sync mirror: the merge on its own (exhaustive cases, then properties), the wire
 * format against damaged items, the quota arithmetic, and push/pull against a fake sync area that
 * enforces Firefox's quotas and counts writes — up to two browsers sharing one area.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScholarDb, type AuthorRow } from '@/lib/store/db';
import { entryOfRow, mergeEntries, TOMBSTONE_TTL_MS, type LiveEntry, type RemovedEntry, type SyncEntry } from '@/lib/watchlist/merge';
import { fitInQuota, itemBytes, jsonBytes, SYNC_QUOTA } from '@/lib/watchlist/quota';
import { loadRemovals, recordRemoval, REMOVALS_KEY, type LocalArea } from '@/lib/watchlist/removals';
import { NOTE_MAX, WatchEntry } from '@/lib/watchlist/schema';
import { listWatchlist, markSeen, setNote, unwatchAuthor, watchAuthor } from '@/lib/watchlist/store';
import { onSyncChanged, pullWatchlist, pushWatchlist, syncWatchlist, type SyncArea, type SyncChanges } from '@/lib/watchlist/sync';
import { decodeItem, encodeEntry, MAX_CLOCK_SKEW_MS, syncKey } from '@/lib/watchlist/wire';

// ---------------------------------------------------------------------------------------------
// Fakes

const utf8 = (s: string) => new TextEncoder().encode(s).length;

/**
 * storage.sync as Firefox enforces it (key + JSON.stringify(value), UTF-8 bytes; 100 KB, 8 KB per
 * item, 512 items): a write over a limit throws and changes nothing. Values are stored as JSON, like
 * the browser does; `plant` puts anything in, as a damaged profile or another version could.
 */
class FakeSyncArea implements SyncArea {
  readonly items = new Map<string, unknown>();
  sets = 0;
  removes = 0;
  fail: string | null = null;
  private listeners: ((c: SyncChanges) => void)[] = [];

  static size(key: string, value: unknown) {
    return utf8(key) + utf8(JSON.stringify(value));
  }

  onChanged(listener: (c: SyncChanges) => void) {
    this.listeners.push(listener);
  }

  plant(key: string, value: unknown) {
    this.items.set(key, value);
  }

  bytesInUse() {
    return [...this.items].reduce((n, [k, v]) => n + FakeSyncArea.size(k, v), 0);
  }

  async get(_keys: null): Promise<Record<string, unknown>> {
    if (this.fail) throw new Error(this.fail);
    return structuredClone(Object.fromEntries(this.items));
  }

  async set(values: Record<string, unknown>): Promise<void> {
    this.sets++;
    if (this.fail) throw new Error(this.fail);
    const next = new Map(this.items);
    for (const [k, v] of Object.entries(values)) {
      if (FakeSyncArea.size(k, v) > SYNC_QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(k, JSON.parse(JSON.stringify(v)));
    }
    if (next.size > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    if ([...next].reduce((n, [k, v]) => n + FakeSyncArea.size(k, v), 0) > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: SyncChanges = {};
    for (const k of Object.keys(values)) changes[k] = { oldValue: this.items.get(k), newValue: next.get(k) };
    for (const [k, v] of next) this.items.set(k, v);
    this.emit(changes);
  }

  async remove(keys: string[]): Promise<void> {
    this.removes++;
    if (this.fail) throw new Error(this.fail);
    const changes: SyncChanges = {};
    for (const k of keys) {
      if (this.items.has(k)) changes[k] = { oldValue: this.items.get(k) };
      this.items.delete(k);
    }
    this.emit(changes);
  }

  private emit(changes: SyncChanges) {
    if (Object.keys(changes).length) for (const l of this.listeners) l(structuredClone(changes));
  }
}

class MemoryLocal implements LocalArea {
  readonly data: Record<string, unknown> = {};
  async get(key: string) {
    return key in this.data ? { [key]: structuredClone(this.data[key]) } : {};
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, structuredClone(items));
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const BASE = Date.parse('2025-06-01T00:00:00.000Z');
/** Minute `n` of the test's timeline. */
const at = (n: number) => new Date(BASE + n * 60_000);

const AUTHORS: [string, string][] = [
  ['arxiv:riedl_m_1', 'Mark O. Riedl'],
  ['gscholar:AoKJ_g4AAAAJ', 'Prithviraj Ammanabrolu'],
  ['dblp:s/MariaSilva', 'Maria Silva'],
  ['s2:2262347', 'Yue Zhao'],
  ['openreview:~Jun_Wang1', 'Jun Wang'],
];
const [RIEDL, AMMA, SILVA, ZHAO, WANG] = AUTHORS.map(([id]) => id) as [string, string, string, string, string];

function authorRow(id: string, name: string): AuthorRow {
  return { id, name, ids: {}, affiliations: [], url: null, nameKey: name.toLowerCase(), firstSeenAt: at(0).toISOString(), viewedAt: at(0).toISOString() };
}

const dbs: ScholarDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function openDb(authors: [string, string][] = AUTHORS): Promise<ScholarDb> {
  const db = new ScholarDb(`sync-${Math.random()}`);
  dbs.push(db);
  await db.open();
  await db.authors.bulkPut(authors.map(([id, name]) => authorRow(id, name)));
  return db;
}

const syncedFields = async (db: ScholarDb) => (await listWatchlist(db)).map(entryOfRow).sort((a, b) => (a.authorId < b.authorId ? -1 : 1));

// ---------------------------------------------------------------------------------------------
// mergeEntries

const ID = 'arxiv:riedl_m_1';
type LiveOver = Partial<Omit<LiveEntry, 'edited'>> & { edited?: Partial<LiveEntry['edited']> };
const live = (over: LiveOver = {}): LiveEntry => ({
  authorId: ID, name: 'Mark Riedl', note: '', addedAt: 100, lastSeenAt: 100, ...over,
  edited: { name: 100, note: 100, lastSeenAt: 100, ...over.edited },
});
const gone = (removedAt: number): RemovedEntry => ({ authorId: ID, removedAt });

/** Merges in both orders, insists they agree, returns the result. */
function merged(a: SyncEntry, b: SyncEntry): SyncEntry {
  const ab = mergeEntries(a, b);
  expect(mergeEntries(b, a)).toEqual(ab);
  return ab;
}

describe('mergeEntries', () => {
  it('takes each field from the copy that edited it last', () => {
    const a = live({ name: 'Mark O. Riedl', note: 'old note', lastSeenAt: 150, edited: { name: 300, note: 200, lastSeenAt: 150 } });
    const b = live({ name: 'M. Riedl', note: 'new note', lastSeenAt: 900, edited: { name: 200, note: 400, lastSeenAt: 900 } });
    expect(merged(a, b)).toEqual(live({ name: 'Mark O. Riedl', note: 'new note', lastSeenAt: 900, edited: { name: 300, note: 400, lastSeenAt: 900 } }));
  });

  it('equal stamps with different values: the same winner in both orders', () => {
    const a = live({ name: 'Alpha', note: 'apple', lastSeenAt: 700, edited: { name: 300, note: 300, lastSeenAt: 300 } });
    const b = live({ name: 'Beta', note: 'pear', lastSeenAt: 500, edited: { name: 300, note: 300, lastSeenAt: 300 } });
    expect(merged(a, b)).toEqual(live({ name: 'Beta', note: 'pear', lastSeenAt: 700, edited: { name: 300, note: 300, lastSeenAt: 300 } }));
  });

  it('keeps the first time the author was added', () => {
    expect(merged(live({ addedAt: 100 }), live({ addedAt: 50, edited: { name: 50, note: 50, lastSeenAt: 50 } }))).toMatchObject({ addedAt: 50 });
  });

  it('a fresh empty note does not wipe a written one, though stamped later', () => {
    const written = live({ addedAt: 100, note: 'ask about the grant', edited: { note: 200 } });
    const fresh = live({ addedAt: 1000, lastSeenAt: 1000, edited: { name: 1000, note: 1000, lastSeenAt: 1000 } });
    expect(merged(written, fresh)).toMatchObject({ note: 'ask about the grant', addedAt: 100, lastSeenAt: 1000, edited: { note: 200, lastSeenAt: 1000 } });
  });

  it('a note cleared on purpose (after the add) does win', () => {
    const written = live({ note: 'ask about the grant', edited: { note: 200 } });
    const cleared = live({ note: '', edited: { note: 300 } });
    expect(merged(written, cleared)).toMatchObject({ note: '', edited: { note: 300 } });
  });

  it('two untouched notes stay untouched, so a note written elsewhere still wins later', () => {
    const a = live({ addedAt: 100, edited: { name: 100, note: 100, lastSeenAt: 100 } });
    const b = live({ addedAt: 50, edited: { name: 50, note: 50, lastSeenAt: 50 } });
    const ab = merged(a, b);
    expect(ab).toMatchObject({ note: '', addedAt: 50, edited: { note: 50 } });
    const c = live({ addedAt: 40, note: 'written', edited: { note: 60 } });
    expect(merged(ab, c)).toMatchObject({ note: 'written' });
    expect(merged(a, merged(b, c))).toEqual(merged(ab, c));
  });

  it('tombstone vs a later edit: the entry lives, as edited', () => {
    const edited = live({ note: 'still interesting', edited: { note: 400 } });
    expect(merged(gone(300), edited)).toEqual(edited);
  });

  it('edit vs a later tombstone: removed', () => {
    expect(merged(live({ note: 'x', edited: { note: 400 } }), gone(500))).toEqual(gone(500));
  });

  it('any later stamp counts as an edit: last seen, name, or the add itself (watched again)', () => {
    expect(merged(live({ edited: { lastSeenAt: 600 } }), gone(500))).toMatchObject({ addedAt: 100 });
    expect(merged(live({ edited: { name: 600 } }), gone(500))).toMatchObject({ addedAt: 100 });
    const again = live({ addedAt: 600, lastSeenAt: 600, edited: { name: 600, note: 600, lastSeenAt: 600 } });
    expect(merged(again, gone(500))).toEqual(again);
  });

  it('a tie between removal and last edit keeps the entry', () => {
    const e = live({ edited: { note: 500 }, note: 'kept' });
    expect(merged(e, gone(500))).toEqual(e);
  });

  it('two tombstones: the later one', () => {
    expect(merged(gone(300), gone(700))).toEqual(gone(700));
    expect(merged(gone(300), gone(300))).toEqual(gone(300));
  });

  it('refuses to merge two authors', () => {
    expect(() => mergeEntries(live(), { ...live(), authorId: 's2:1' })).toThrow(/different authors/);
  });

  describe('properties', () => {
    const stamp = fc.integer({ min: 0, max: 6 });
    const liveArb = fc.record({
      name: fc.constantFrom('Mark Riedl', 'M. Riedl', 'Mark O. Riedl'),
      note: fc.constantFrom('', 'a', 'b'),
      addedAt: stamp, lastSeenAt: stamp,
      edited: fc.record({ name: stamp, note: stamp, lastSeenAt: stamp }),
    }).map((r): LiveEntry => ({
      // As every writer keeps them (see LiveEntry): name and last-seen stamps no earlier than the add.
      authorId: ID, ...r, edited: { ...r.edited, name: Math.max(r.edited.name, r.addedAt), lastSeenAt: Math.max(r.edited.lastSeenAt, r.addedAt) },
    }));
    const entryArb: fc.Arbitrary<SyncEntry> = fc.oneof(liveArb, liveArb, stamp.map(gone));
    const opts = { numRuns: 2000, seed: 0x5eed_0006 };

    it('commutative and idempotent', () => {
      fc.assert(fc.property(entryArb, entryArb, (a, b) => {
        expect(mergeEntries(a, b)).toEqual(mergeEntries(b, a));
        expect(mergeEntries(a, a)).toEqual(a);
      }), opts);
    });

    it('merging a result again changes nothing (two browsers settle in one exchange)', () => {
      fc.assert(fc.property(entryArb, entryArb, (a, b) => {
        const ab = mergeEntries(a, b);
        expect(mergeEntries(a, ab)).toEqual(ab);
        expect(mergeEntries(ab, b)).toEqual(ab);
      }), opts);
    });

    it('associative between live copies (any order of arrival gives the same entry)', () => {
      fc.assert(fc.property(liveArb, liveArb, liveArb, (a, b, c) => {
        expect(mergeEntries(mergeEntries(a, b), c)).toEqual(mergeEntries(a, mergeEntries(b, c)));
      }), opts);
    });

    it('whether the author survives does not depend on the order of arrival', () => {
      fc.assert(fc.property(entryArb, entryArb, entryArb, (a, b, c) => {
        const left = mergeEntries(mergeEntries(a, b), c);
        const right = mergeEntries(a, mergeEntries(b, c));
        expect('removedAt' in left).toBe('removedAt' in right);
      }), opts);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Wire format

describe('sync items', () => {
  const now = at(0).getTime();
  const entry = live({ name: 'Mark O. Riedl', note: 'NLP + games', addedAt: now - 5000, lastSeenAt: now - 10, edited: { name: now - 5000, note: now - 20, lastSeenAt: now - 10 } });

  it('round-trip through JSON, compactly', () => {
    for (const e of [entry, gone(now)]) {
      const stored = JSON.parse(JSON.stringify(encodeEntry(e)));
      expect(decodeItem(syncKey(e.authorId), stored, now)).toEqual(e);
    }
    expect(syncKey(RIEDL)).toBe('w:arxiv:riedl_m_1');
    expect(Object.keys(encodeEntry(entry))).toEqual(['n', 'o', 'a', 's', 'e']);
  });

  it('tolerates fields it does not know (a newer version) and ordinary clock skew', () => {
    expect(decodeItem(syncKey(ID), { ...encodeEntry(entry), x: [1, 2], v: 2 }, now)).toEqual(entry);
    expect(decodeItem(syncKey(ID), { r: now + 3600_000 }, now)).toEqual(gone(now + 3600_000));
  });

  it('ignores everything else without throwing', () => {
    const good = encodeEntry(entry) as Record<string, unknown>;
    const hostile: unknown[] = [
      null, undefined, 'w', 42, true, [], [good], {}, { n: 'x' }, { r: -1 }, { r: 1.5 }, { r: '1' }, { r: null }, { r: 1e300 },
      { r: Number.NaN }, { r: Number.POSITIVE_INFINITY }, { r: now + MAX_CLOCK_SKEW_MS + 1 },
      { ...good, n: 'x'.repeat(301) }, { ...good, o: 'x'.repeat(NOTE_MAX + 1) }, { ...good, n: 7 }, { ...good, o: null },
      { ...good, a: -5 }, { ...good, s: '2025-06-01' }, { ...good, e: [1, 2] }, { ...good, e: [1, 2, 3, 4] }, { ...good, e: [1, 2, 'x'] },
      { ...good, e: { 0: 1, 1: 2, 2: 3 } }, { ...good, e: [1, 2, now + 2 * MAX_CLOCK_SKEW_MS] }, { ...good, a: 2 ** 60 },
      JSON.parse('{"__proto__": {"n": "x", "o": "", "a": 1, "s": 1, "e": [1, 1, 1]}}'),
      // Stamps before the add: no writer makes these, and they would hide a re-add from merging.
      { ...good, e: [entry.addedAt - 1, entry.addedAt, entry.addedAt] }, { ...good, e: [entry.addedAt, entry.addedAt, entry.addedAt - 1] },
    ];
    for (const value of hostile) expect(decodeItem(syncKey(ID), value, now), JSON.stringify(value) ?? String(value)).toBeNull();
    for (const key of ['w:', `w:${'x'.repeat(301)}`, 'x:arxiv:riedl_m_1', 'W:arxiv:riedl_m_1', 'arxiv:riedl_m_1', '']) {
      expect(decodeItem(key, good, now), key).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Quota arithmetic

describe('quota', () => {
  it('measures as Chrome serialises: < escaped, big integers as doubles, UTF-8', () => {
    expect(jsonBytes('<')).toBe(8);
    expect(jsonBytes('\u2028')).toBe(8);
    expect(jsonBytes('é')).toBe(4);
    expect(jsonBytes('\n')).toBe(4);
    expect(jsonBytes(1748781296789)).toBe(15);
    expect(jsonBytes(5)).toBe(1);
    expect(jsonBytes({ a: [1, null, true], b: undefined })).toBe('{"a":[1,null,true]}'.length);
    expect(itemBytes('w:é', { r: 1 })).toBe(4 + 7);
    // Never less than what Firefox counts.
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), fc.integer(), (s, n) => {
      const v = { n: s, e: [n, n * 1000] };
      expect(itemBytes('w:' + s, v)).toBeGreaterThanOrEqual(FakeSyncArea.size('w:' + s, v));
    }), { numRuns: 500, seed: 0x0b17e5 });
  });

  it('how many authors fit (the numbers in sync.ts and the README)', () => {
    const ms = Date.parse('2025-06-01T12:34:56.789Z');
    const size = (authorId: string, name: string, note: string) =>
      itemBytes(syncKey(authorId), encodeEntry({ authorId, name, note, addedAt: ms, lastSeenAt: ms, edited: { name: ms, note: ms, lastSeenAt: ms } }));
    const fit = (bytes: number) => Math.min(SYNC_QUOTA.items, Math.floor(SYNC_QUOTA.bytes / bytes));
    const id = 'gscholar:AoKJ_g4AAAAJ';
    const name = 'Prithviraj Ammanabro'; // 20 letters
    const table = [size(id, name, ''), size(id, name, 'x'.repeat(100)), size(id, name, 'x'.repeat(NOTE_MAX)), size(id, name, '研'.repeat(NOTE_MAX)), size(id, name, '<'.repeat(NOTE_MAX))];
    expect(table.map((b) => [b, fit(b)])).toEqual([[152, 512], [252, 406], [652, 157], [1652, 61], [3152, 32]]);
    const largest = size('研'.repeat(300), '<'.repeat(300), '\u0001'.repeat(NOTE_MAX));
    expect(largest).toBe(5811);
    expect(largest).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    expect(WatchEntry.safeParse({ authorId: '研'.repeat(300), name: '<'.repeat(300), note: '\u0001'.repeat(NOTE_MAX), addedAt: at(0).toISOString(), lastSeenAt: at(0).toISOString(), lastCheckedAt: null, lastCheckError: null, newPaperIds: [], edited: { name: 0, note: 0, lastSeenAt: 0 } }).success).toBe(true);
    expect(itemBytes(syncKey(id), { r: ms })).toBe(44);
  });

  it('fits greedily in the order given, counting replaced items at their new size', () => {
    const quota = { bytes: 100, perItem: 40, items: 3 };
    const current = { a: 'x'.repeat(20) }; // 1 + 22 = 23 bytes
    const c = (key: string, n: number) => ({ key, value: 'x'.repeat(n) });
    expect(fitInQuota(current, [c('b', 50), c('b', 30), c('c', 30), c('d', 1), c('a', 1)], quota)).toEqual([false, true, true, false, true]);
    // 33 + 33 bytes; then 38 more would pass 100; 4 fits; a fourth item does not.
    expect(fitInQuota({}, [c('a', 30), c('b', 30), c('c', 35), c('d', 1), c('e', 1)], quota)).toEqual([true, true, false, true, false]);
  });
});

// ---------------------------------------------------------------------------------------------
// Push

async function watchMany(db: ScholarDb, n: number, note = ''): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `s2:${100000 + i}`);
  await db.authors.bulkPut(ids.map((id, i) => authorRow(id, `Author Number ${String(i).padStart(4, '0')}`)));
  for (const [i, id] of ids.entries()) {
    await watchAuthor(db, id, at(i));
    if (note) await setNote(db, id, note, at(i));
  }
  return ids;
}

describe('pushWatchlist', () => {
  it('writes the whole watchlist in one set, and nothing when nothing changed', async () => {
    const db = await openDb();
    const area = new FakeSyncArea();
    await watchMany(db, 50);
    const res = await pushWatchlist(area, await listWatchlist(db), at(100));
    expect(res).toEqual({ ok: true, written: 50, pruned: 0, notSynced: [], removalsNotSynced: 0, error: null, message: null });
    expect(area.sets).toBe(1);
    for (const row of await listWatchlist(db)) expect(decodeItem(syncKey(row.authorId), area.items.get(syncKey(row.authorId)), at(100).getTime())).toEqual(entryOfRow(row));

    expect((await pushWatchlist(area, await listWatchlist(db), at(101))).written).toBe(0);
    expect(area.sets).toBe(1);

    await setNote(db, 's2:100007', 'co-author?', at(102));
    const changes: SyncChanges[] = [];
    area.onChanged((c) => changes.push(c));
    expect((await pushWatchlist(area, await listWatchlist(db), at(103))).written).toBe(1);
    expect(area.sets).toBe(2);
    expect(Object.keys(changes[0]!)).toEqual(['w:s2:100007']);
  });

  it('never overwrites an edit it has not seen', async () => {
    const db = await openDb();
    const area = new FakeSyncArea();
    await watchAuthor(db, RIEDL, at(0));
    await setNote(db, RIEDL, 'mine, older', at(1));
    const theirs = { ...entryOfRow((await listWatchlist(db))[0]!), note: 'theirs, newer', edited: { name: at(0).getTime(), note: at(2).getTime(), lastSeenAt: at(0).getTime() } };
    area.plant(syncKey(RIEDL), encodeEntry(theirs));
    await setNote(db, RIEDL, 'mine, older', at(1));
    const res = await pushWatchlist(area, await listWatchlist(db), at(3));
    expect(res.written).toBe(0);
    expect(decodeItem(syncKey(RIEDL), area.items.get(syncKey(RIEDL)), at(3).getTime())).toEqual(theirs);
  });

  it('writes removals as tombstones and never removes a live key; expired tombstones are pruned', async () => {
    const db = await openDb();
    const area = new FakeSyncArea();
    await watchAuthor(db, RIEDL, at(0));
    await watchAuthor(db, AMMA, at(0));
    await pushWatchlist(area, await listWatchlist(db), at(1));
    const t = (await unwatchAuthor(db, RIEDL, at(2)))!;
    const res = await pushWatchlist(area, await listWatchlist(db), at(3), [t]);
    expect(res.written).toBe(1);
    expect(area.items.get(syncKey(RIEDL))).toEqual({ r: at(2).getTime() });
    expect(area.removes).toBe(0);

    // An author this browser never had stays: absence here means "not pulled yet", not "removed".
    area.plant(syncKey(ZHAO), encodeEntry({ ...live(), authorId: ZHAO }));
    area.plant(syncKey(SILVA), { r: at(2).getTime() - TOMBSTONE_TTL_MS - 1 });
    const later = await pushWatchlist(area, await listWatchlist(db), at(4), [t]);
    expect(later).toMatchObject({ ok: true, written: 0, pruned: 1 });
    expect(area.removes).toBe(1);
    expect([...area.items.keys()].sort()).toEqual([syncKey(AMMA), syncKey(RIEDL), syncKey(ZHAO)].sort());

    // Once expired itself, this browser's own tombstone is not written again either.
    const muchLater = new Date(at(2).getTime() + TOMBSTONE_TTL_MS + 60_000);
    expect(await pushWatchlist(area, await listWatchlist(db), muchLater, [t])).toMatchObject({ pruned: 1, written: 0 });
    expect(area.items.has(syncKey(RIEDL))).toBe(false);
  });

  it('too many authors: the oldest-added are synced, the rest kept here and counted', async () => {
    const db = await openDb([]);
    const area = new FakeSyncArea();
    const ids = await watchMany(db, 600);
    const res = await pushWatchlist(area, await listWatchlist(db), at(1000));
    expect(res.ok).toBe(true);
    expect(res.written).toBe(512);
    expect(res.notSynced).toEqual(ids.slice(512));
    expect(res.message).toBe('Sync is full: 88 authors are kept on this browser only.');
    expect(area.sets).toBe(1);
    expect(area.items.size).toBe(512);
    expect(await db.watchlist.count()).toBe(600);

    // Pushing again keeps the same ones synced, writes nothing, and still says so.
    const again = await pushWatchlist(area, await listWatchlist(db), at(1001));
    expect(again).toMatchObject({ written: 0, message: 'Sync is full: 88 authors are kept on this browser only.' });
    expect(again.notSynced).toEqual(ids.slice(512));
  });

  it('too many bytes (long notes): what fits is synced, below the browser\'s own count', async () => {
    const db = await openDb([]);
    const area = new FakeSyncArea();
    const ids = await watchMany(db, 200, 'n'.repeat(NOTE_MAX));
    const res = await pushWatchlist(area, await listWatchlist(db), at(1000));
    expect(res.ok).toBe(true);
    const synced = 200 - res.notSynced.length;
    expect(synced).toBeGreaterThan(150);
    expect(res.notSynced).toEqual(ids.slice(synced));
    expect(res.message).toBe(`Sync is full: ${200 - synced} authors are kept on this browser only.`);
    expect(area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    // Full as Chrome counts it: not one more entry would have fitted.
    const chromeBytes = [...area.items].reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(chromeBytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(chromeBytes + itemBytes(syncKey(res.notSynced[0]!), area.items.get(syncKey(ids[0]!)))).toBeGreaterThan(SYNC_QUOTA.bytes);
  });

  it('other items in the area count against the quota and are left alone', async () => {
    const db = await openDb([]);
    const area = new FakeSyncArea();
    for (let i = 0; i < 10; i++) area.plant(`settings-${i}`, 'z'.repeat(8000));
    await watchMany(db, 300);
    const res = await pushWatchlist(area, await listWatchlist(db), at(1000));
    expect(res.ok).toBe(true);
    expect(res.notSynced.length).toBeGreaterThan(0);
    expect(area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(area.items.get('settings-3')).toBe('z'.repeat(8000));
  });

  it('says "1 author is" for one', async () => {
    const db = await openDb([]);
    const area = new FakeSyncArea();
    for (let i = 0; i < 511; i++) area.plant(`other-${i}`, 1);
    await watchMany(db, 2);
    expect((await pushWatchlist(area, await listWatchlist(db), at(10))).message).toBe('Sync is full: 1 author is kept on this browser only.');
  });

  it('reports a failing sync area instead of throwing', async () => {
    const db = await openDb();
    await watchAuthor(db, RIEDL, at(0));
    const area = new FakeSyncArea();
    area.fail = 'This extension cannot use sync storage (disabled by policy)';
    expect(await pushWatchlist(area, await listWatchlist(db), at(1))).toEqual({
      ok: false, written: 0, pruned: 0, notSynced: [RIEDL], removalsNotSynced: 0,
      error: 'This extension cannot use sync storage (disabled by policy)',
      message: 'Sync is not available (This extension cannot use sync storage (disabled by policy)): the watchlist is kept on this browser only.',
    });

    const quotaArea = new FakeSyncArea();
    quotaArea.set = async () => {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    };
    const res = await pushWatchlist(quotaArea, await listWatchlist(db), at(1), [{ authorId: SILVA, removedAt: at(0).getTime() }]);
    expect(res).toMatchObject({ ok: false, notSynced: [RIEDL], removalsNotSynced: 1, error: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' });
  });

  it('works with browser.storage.sync as it is', async () => {
    const db = await openDb();
    await watchAuthor(db, RIEDL, at(0));
    const res = await pushWatchlist(fakeBrowser.storage.sync, await listWatchlist(db), at(1));
    expect(res).toMatchObject({ ok: true, written: 1 });
    const other = await openDb();
    expect(await pullWatchlist(other, fakeBrowser.storage.sync, at(2))).toMatchObject({ ok: true, added: 1 });
    expect(await syncedFields(other)).toEqual(await syncedFields(db));
  });
});

// ---------------------------------------------------------------------------------------------
// Pull

describe('pullWatchlist', () => {
  it('adds, updates and removes, keeping what checks found here', async () => {
    const db = await openDb();
    await watchAuthor(db, RIEDL, at(0));
    await watchAuthor(db, AMMA, at(0));
    await db.watchlist.update(AMMA, { lastCheckedAt: at(5).toISOString(), lastCheckError: 'offline', newPaperIds: ['2106.09608'] });
    const area = new FakeSyncArea();
    const t = at(10).getTime();
    area.plant(syncKey(RIEDL), { r: t });
    area.plant(syncKey(AMMA), { n: 'P. Ammanabrolu', o: 'text games', a: at(0).getTime(), s: at(0).getTime(), e: [t, t, at(0).getTime()] });
    area.plant(syncKey(SILVA), { n: 'Maria Silva', o: '', a: t, s: t, e: [t, t, t] });
    area.plant('unrelated', { n: 'not ours' });

    const res = await pullWatchlist(db, area, at(11));
    expect(res).toEqual({ ok: true, added: 1, updated: 1, removed: 1, ignored: 0, diverged: [], error: null, message: null });
    expect((await listWatchlist(db)).map((r) => r.authorId)).toEqual([AMMA, SILVA]);
    expect((await db.watchlist.get(AMMA))).toMatchObject({ name: 'P. Ammanabrolu', note: 'text games', lastCheckedAt: at(5).toISOString(), lastCheckError: 'offline', newPaperIds: ['2106.09608'] });
    expect((await db.watchlist.get(SILVA))).toEqual({
      authorId: SILVA, name: 'Maria Silva', note: '', addedAt: at(10).toISOString(), lastSeenAt: at(10).toISOString(),
      lastCheckedAt: null, lastCheckError: null, newPaperIds: [], edited: { name: t, note: t, lastSeenAt: t },
    });
    for (const row of await db.watchlist.toArray()) expect(WatchEntry.safeParse(row).success).toBe(true);

    expect(await pullWatchlist(db, area, at(12))).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('ignores damaged items and counts them', async () => {
    const db = await openDb();
    const area = new FakeSyncArea();
    area.plant('w:', { r: 1 });
    area.plant(syncKey(RIEDL), { n: 'x'.repeat(500), o: '', a: 1, s: 1, e: [1, 1, 1] });
    area.plant(syncKey(AMMA), 'garbage');
    area.plant(syncKey(SILVA), { n: 'Maria Silva', o: '', a: 1, s: 1, e: [1, 1, at(0).getTime() + 10 * MAX_CLOCK_SKEW_MS] });
    area.plant(syncKey(ZHAO), { n: 'Yue Zhao', o: '', a: 1, s: 1, e: [1, 1, 1] });
    expect(await pullWatchlist(db, area, at(0))).toMatchObject({ ok: true, added: 1, ignored: 4 });
    expect((await listWatchlist(db)).map((r) => r.authorId)).toEqual([ZHAO]);
  });

  it('seen on another browser after the last check here: nothing is new any more', async () => {
    const db = await openDb();
    for (const id of [RIEDL, AMMA]) {
      await watchAuthor(db, id, at(0));
      await db.watchlist.update(id, { newPaperIds: ['p1', 'p2'], lastCheckedAt: at(id === RIEDL ? 5 : 20).toISOString() });
    }
    const area = new FakeSyncArea();
    for (const id of [RIEDL, AMMA]) {
      const row = (await db.watchlist.get(id))!;
      area.plant(syncKey(id), encodeEntry({ ...entryOfRow(row), lastSeenAt: at(10).getTime(), edited: { ...row.edited, lastSeenAt: at(10).getTime() } }));
    }
    await pullWatchlist(db, area, at(30));
    // Checked at 5, seen elsewhere at 10: cleared. Checked at 20, after the other browser looked: kept.
    expect(await db.watchlist.get(RIEDL)).toMatchObject({ newPaperIds: [], lastSeenAt: at(10).toISOString() });
    expect(await db.watchlist.get(AMMA)).toMatchObject({ newPaperIds: ['p1', 'p2'], lastSeenAt: at(10).toISOString() });
  });

  it('this browser\'s tombstone keeps an author it removed from coming back, and says to push', async () => {
    const db = await openDb();
    const local = new MemoryLocal();
    const area = new FakeSyncArea();
    await watchAuthor(db, RIEDL, at(0));
    await pushWatchlist(area, await listWatchlist(db), at(1));
    await recordRemoval(local, (await unwatchAuthor(db, RIEDL, at(2)))!, at(2));
    // The push after the removal failed; later the area is read again.
    const res = await pullWatchlist(db, area, at(3), await loadRemovals(local, at(3)));
    expect(res).toMatchObject({ added: 0, diverged: [RIEDL] });
    expect(await db.watchlist.count()).toBe(0);
    // Without it the author would be back: the removal record is what prevents that.
    const forgetful = await openDb();
    expect(await pullWatchlist(forgetful, area, at(3))).toMatchObject({ added: 1 });
  });

  it('reports a failing sync area instead of throwing', async () => {
    const db = await openDb();
    const area = new FakeSyncArea();
    area.fail = 'sync is disabled';
    expect(await pullWatchlist(db, area, at(0))).toMatchObject({ ok: false, error: 'sync is disabled', message: expect.stringContaining('kept on this browser only') });
  });
});

describe('removals', () => {
  it('kept in storage.local, validated, forgotten after 30 days', async () => {
    const local = fakeBrowser.storage.local;
    await recordRemoval(local, { authorId: RIEDL, removedAt: at(1).getTime() }, at(1));
    await recordRemoval(local, { authorId: RIEDL, removedAt: at(0).getTime() }, at(1));
    await recordRemoval(local, { authorId: AMMA, removedAt: at(2).getTime() }, at(2));
    expect(await loadRemovals(local, at(3))).toEqual([{ authorId: RIEDL, removedAt: at(1).getTime() }, { authorId: AMMA, removedAt: at(2).getTime() }]);
    const old = new Date(at(1).getTime() + TOMBSTONE_TTL_MS + 1);
    expect(await loadRemovals(local, old)).toEqual([{ authorId: AMMA, removedAt: at(2).getTime() }]);

    await local.set({ [REMOVALS_KEY]: { [SILVA]: 'yesterday', '': 5, [ZHAO]: at(0).getTime() } });
    expect(await loadRemovals(local, at(3))).toEqual([{ authorId: ZHAO, removedAt: at(0).getTime() }]);
    await local.set({ [REMOVALS_KEY]: ['not', 'a', 'map'] });
    expect(await loadRemovals(local, at(3))).toEqual([]);
  });
});

describe('onSyncChanged', () => {
  it('applies what another browser wrote; our own writes coming back change nothing', async () => {
    const a = await openDb();
    const b = await openDb();
    const area = new FakeSyncArea();
    const seen: SyncChanges[] = [];
    area.onChanged((c) => seen.push(c));

    await watchAuthor(a, RIEDL, at(0));
    await setNote(a, RIEDL, 'read the 2021 paper', at(1));
    await pushWatchlist(area, await listWatchlist(a), at(2));
    const echo = await onSyncChanged(a, seen[0]!, at(2));
    expect(echo).toMatchObject({ added: 0, updated: 0, removed: 0, diverged: [] });

    expect(await onSyncChanged(b, seen[0]!, at(2))).toMatchObject({ added: 1, diverged: [] });
    expect(await syncedFields(b)).toEqual(await syncedFields(a));

    // A removed key (an expired tombstone pruned; the fake browser reports newValue null) is not news.
    expect(await onSyncChanged(b, { [syncKey(RIEDL)]: { oldValue: { r: 1 } }, [syncKey(AMMA)]: { oldValue: { r: 1 }, newValue: null } }, at(3)))
      .toMatchObject({ added: 0, removed: 0, ignored: 0 });
    expect(await onSyncChanged(b, { [syncKey(AMMA)]: { newValue: 'junk' }, other: { newValue: 1 } }, at(3))).toMatchObject({ added: 0, ignored: 1 });
  });

  it('says to push when this browser is ahead of what arrived', async () => {
    const db = await openDb();
    await watchAuthor(db, RIEDL, at(0));
    await setNote(db, RIEDL, 'newer here', at(5));
    const row = (await db.watchlist.get(RIEDL))!;
    const older = encodeEntry({ ...entryOfRow(row), note: 'older there', edited: { ...row.edited, note: at(3).getTime() } });
    expect(await onSyncChanged(db, { [syncKey(RIEDL)]: { newValue: older } }, at(6))).toMatchObject({ updated: 0, diverged: [RIEDL] });
    expect((await db.watchlist.get(RIEDL))?.note).toBe('newer here');
  });
});

// ---------------------------------------------------------------------------------------------
// Two browsers, one sync area

interface Browser {
  db: ScholarDb;
  local: MemoryLocal;
}

async function browser(): Promise<Browser> {
  return { db: await openDb(), local: new MemoryLocal() };
}

const sync = (b: Browser, area: FakeSyncArea, now: Date) => syncWatchlist(b.db, area, b.local, now);

async function unwatch(b: Browser, id: string, now: Date) {
  const t = await unwatchAuthor(b.db, id, now);
  if (t) await recordRemoval(b.local, t, now);
}

/** Syncs both until a round writes nothing; returns how many rounds that took. */
async function settle(a: Browser, b: Browser, area: FakeSyncArea, now: Date): Promise<number> {
  for (let round = 1; round <= 5; round++) {
    const before = area.sets;
    await sync(a, area, now);
    await sync(b, area, now);
    if (area.sets === before) return round;
  }
  throw new Error('did not converge');
}

describe('two browsers', () => {
  it('the watchlist, names and notes follow the user; checks stay local', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    await watchAuthor(a.db, RIEDL, at(0));
    await watchAuthor(a.db, AMMA, at(1));
    await setNote(a.db, AMMA, 'text adventure agents', at(2));
    await a.db.watchlist.update(RIEDL, { newPaperIds: ['2106.09608'], lastCheckedAt: at(3).toISOString() });
    expect((await sync(a, area, at(4))).message).toBeNull();
    await sync(b, area, at(5));
    expect(await syncedFields(b.db)).toEqual(await syncedFields(a.db));
    expect(await b.db.watchlist.get(RIEDL)).toMatchObject({ newPaperIds: [], lastCheckedAt: null });
  });

  it('concurrent edits of different fields both survive', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    await watchAuthor(a.db, RIEDL, at(0));
    await settle(a, b, area, at(1));
    await setNote(a.db, RIEDL, 'from the laptop', at(2));
    await b.db.watchlist.update(RIEDL, { newPaperIds: ['p'], lastCheckedAt: at(2).toISOString() });
    await markSeen(b.db, RIEDL, at(3));
    await settle(a, b, area, at(4));
    for (const x of [a, b]) expect(await x.db.watchlist.get(RIEDL)).toMatchObject({ note: 'from the laptop', lastSeenAt: at(3).toISOString() });
    expect(await syncedFields(b.db)).toEqual(await syncedFields(a.db));
  });

  it('concurrent notes: the later one wins on both', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    await watchAuthor(a.db, RIEDL, at(0));
    await settle(a, b, area, at(1));
    await setNote(b.db, RIEDL, 'later, on the desktop', at(3));
    await setNote(a.db, RIEDL, 'earlier, on the laptop', at(2));
    await settle(a, b, area, at(4));
    for (const x of [a, b]) expect((await x.db.watchlist.get(RIEDL))?.note).toBe('later, on the desktop');
  });

  it('removed on one, noted later on the other: the author stays, with the note', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    await watchAuthor(a.db, RIEDL, at(0));
    await settle(a, b, area, at(1));
    await unwatch(b, RIEDL, at(2));
    await setNote(a.db, RIEDL, 'changed my mind', at(3));
    await sync(b, area, at(4)); // the removal reaches the area first
    expect(area.items.get(syncKey(RIEDL))).toEqual({ r: at(2).getTime() });
    await settle(a, b, area, at(5));
    for (const x of [a, b]) expect((await x.db.watchlist.get(RIEDL))?.note).toBe('changed my mind');
  });

  it('noted on one, removed later on the other: removed on both', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    await watchAuthor(a.db, RIEDL, at(0));
    await watchAuthor(a.db, AMMA, at(0));
    await settle(a, b, area, at(1));
    await setNote(a.db, RIEDL, 'worth a look', at(2));
    await unwatch(b, RIEDL, at(3));
    await sync(a, area, at(4)); // the note reaches the area first
    await settle(a, b, area, at(5));
    for (const x of [a, b]) expect((await listWatchlist(x.db)).map((r) => r.authorId)).toEqual([AMMA]);
  });

  it('through storage.onChanged: each browser applies the other\'s writes and answers only when ahead', async () => {
    const [a, b] = [await browser(), await browser()];
    const area = new FakeSyncArea();
    const inbox = new Map<Browser, SyncChanges[]>([[a, []], [b, []]]);
    area.onChanged((c) => {
      inbox.get(a)!.push(c);
      inbox.get(b)!.push(c);
    });
    /** What the background does on storage.onChanged (area 'sync'). */
    const deliver = async (x: Browser, now: Date) => {
      for (const c of inbox.get(x)!.splice(0)) {
        const removed = await loadRemovals(x.local, now);
        const res = await onSyncChanged(x.db, c, now, removed);
        if (res.diverged.length) await pushWatchlist(area, await listWatchlist(x.db), now, removed);
      }
    };

    await watchAuthor(a.db, RIEDL, at(0));
    await watchAuthor(b.db, AMMA, at(0));
    await sync(a, area, at(1));
    await sync(b, area, at(1));
    await sync(a, area, at(1));
    for (const box of inbox.values()) box.splice(0);
    const setsBefore = area.sets;

    // A writes a note it has not pushed yet; B, later, pushes older edits of its own.
    await setNote(a.db, AMMA, 'a, newer', at(3));
    await setNote(b.db, AMMA, 'b, older', at(2));
    await setNote(b.db, RIEDL, 'b on riedl', at(2));
    await pushWatchlist(area, await listWatchlist(b.db), at(2), await loadRemovals(b.local, at(2)));
    for (let i = 0; i < 4 && (inbox.get(a)!.length || inbox.get(b)!.length); i++) {
      await deliver(a, at(4));
      await deliver(b, at(4));
    }
    expect(inbox.get(a)!.length + inbox.get(b)!.length).toBe(0);
    // B's push, and A's one answer (it was ahead on AMMA); B's echo and B applying A's answer write nothing.
    expect(area.sets - setsBefore).toBe(2);
    expect(await syncedFields(a.db)).toEqual(await syncedFields(b.db));
    for (const x of [a, b]) {
      expect((await x.db.watchlist.get(RIEDL))?.note).toBe('b on riedl');
      expect((await x.db.watchlist.get(AMMA))?.note).toBe('a, newer');
    }
  });

  it('random edits on both browsers, synced at random moments, converge', async () => {
    const ids = [RIEDL, AMMA, SILVA, ZHAO, WANG];
    const op = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      tick: fc.integer({ min: 1, max: 3 }),
      kind: fc.constantFrom('watch', 'watch', 'unwatch', 'note', 'note', 'seen', 'sync'),
      id: fc.constantFrom(...ids),
      note: fc.constantFrom('', 'a', 'b', 'c'),
    });
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
      const pair = [await browser(), await browser()] as const;
      const area = new FakeSyncArea();
      const clock = [0, 0];
      for (const o of ops) {
        const x = pair[o.who]!;
        clock[o.who]! += o.tick;
        const now = new Date(BASE + clock[o.who]!);
        if (o.kind === 'watch') await watchAuthor(x.db, o.id, now);
        else if (o.kind === 'unwatch') await unwatch(x, o.id, now);
        else if (o.kind === 'note') await setNote(x.db, o.id, o.note, now).catch(() => undefined);
        else if (o.kind === 'seen') await markSeen(x.db, o.id, now);
        else await sync(x, area, now);
      }
      const end = new Date(BASE + Math.max(...clock) + 1);
      expect(await settle(pair[0], pair[1], area, end)).toBeLessThanOrEqual(3);
      expect(await syncedFields(pair[1].db)).toEqual(await syncedFields(pair[0].db));
      for (const x of pair) {
        for (const row of await x.db.watchlist.toArray()) expect(WatchEntry.safeParse(row).success).toBe(true);
        await x.db.delete();
      }
    }), { numRuns: 40, seed: 0x5ca1_ab1e });
  });

  it('a full area: the first browser keeps all 530 and says so; the second gets the 512 oldest', async () => {
    const a = await browser();
    const b = { db: await openDb([]), local: new MemoryLocal() };
    const area = new FakeSyncArea();
    const ids = await watchMany(a.db, 530);
    const first = await sync(a, area, at(1000));
    expect(first.message).toBe('Sync is full: 18 authors are kept on this browser only.');
    await b.db.authors.bulkPut(await a.db.authors.toArray());
    const second = await sync(b, area, at(1001));
    expect(second.pull.added).toBe(512);
    expect(second.message).toBeNull();
    expect(await a.db.watchlist.count()).toBe(530);
    expect((await listWatchlist(b.db)).map((r) => r.authorId)).toEqual(ids.slice(0, 512));
  });
});
