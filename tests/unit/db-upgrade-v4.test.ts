/**
 * v3 → v4 (the watchlist table). A v3 database is written by hand with the exact v3 stores and rows
 * in the shapes v3 stored (papers merged across sites, authors with reported metrics and identity
 * checks, queued jobs of every kind, links), then opened by the current ScholarDb.
 */
import { describe, expect, it } from 'vitest';
import { dueJobs } from '../../lib/enrich/queue';
import { Paper } from '../../lib/schema';
import { clearCache } from '../../lib/store/clear';
import { linkedGroup } from '../../lib/store/links';
import { loadAuthorProfile } from '../../lib/store/profile';
import { WatchEntry } from '../../lib/watchlist/schema';
import { getWatch, isWatched, listWatchlist, markSeen, setNote, unwatchAuthor, watchAuthor } from '../../lib/watchlist/store';
import { withoutRev } from '../rows';
import { NOW, sortBy, V3_AUTHOR_PAPERS, V3_AUTHORS, V3_JOBS, V3_LINKS, V3_PAPERS, V3_STORES, V3_VIEWS, writeOldDb, currentDbOpener } from '../old-rows';

const openCurrent = currentDbOpener();

async function writeV3(name: string): Promise<void> {
  expect(await writeOldDb(name)).toEqual({ verno: 3, tables: Object.keys(V3_STORES).sort() });
}


describe('v3 → v4 (the watchlist)', () => {
  it('the v3 papers in the test are valid papers', () => {
    for (const p of V3_PAPERS) expect(Paper.safeParse(p).success).toBe(true);
  });

  it('keeps every v3 row as it was and adds an empty watchlist table', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    await writeV3(name);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(db.watchlist.schema.primKey.keyPath).toBe('authorId');
    expect(db.watchlist.schema.indexes.map((i) => i.name)).toContain('addedAt');
    expect(await db.watchlist.count()).toBe(0);

    expect(withoutRev(await db.papers.orderBy('id').toArray())).toEqual(sortBy(V3_PAPERS, 'id'));
    expect(await db.authors.orderBy('id').toArray()).toEqual(sortBy(V3_AUTHORS, 'id'));
    expect(await db.authorPapers.count()).toBe(V3_AUTHOR_PAPERS.length);
    expect(await db.views.orderBy('url').toArray()).toEqual(sortBy(V3_VIEWS, 'url'));
    expect(await db.jobs.orderBy('key').toArray()).toEqual(sortBy(V3_JOBS, 'key'));
    expect(await db.links.toArray()).toEqual(V3_LINKS);

    // The v3 indexes and the code reading them still work.
    expect((await db.authors.where('nameKey').equals('mark riedl').first())?.id).toBe('gscholar:AoKJ_g4AAAAJ');
    expect(await db.authorPapers.where('paperId').equals('2106.09608').count()).toBe(2);
    expect((await dueJobs(db, 'metadata', NOW.getTime(), 10)).map((j) => j.key)).toEqual(['metadata:2010.00685']);
    expect((await linkedGroup(db, 'arxiv:riedl_m_1')).map((g) => g.id)).toContain('gscholar:AoKJ_g4AAAAJ');
    expect((await loadAuthorProfile(db, 'arxiv:riedl_m_1'))?.papers).toHaveLength(2);
  });

  it('the watchlist table works on the upgraded database, and survives clearing the cache and reopening', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    await writeV3(name);
    const db = await openCurrent(name);

    const row = await watchAuthor(db, 'gscholar:AoKJ_g4AAAAJ', NOW);
    expect(row).toMatchObject({ name: 'Mark Riedl', note: '', addedAt: NOW.toISOString() });
    await watchAuthor(db, 'arxiv:riedl_m_1', new Date(NOW.getTime() + 1000));
    await setNote(db, 'arxiv:riedl_m_1', 'same person as the Scholar profile', new Date(NOW.getTime() + 2000));
    await db.watchlist.update('gscholar:AoKJ_g4AAAAJ', { newPaperIds: ['2106.09608'], lastCheckedAt: NOW.toISOString() });
    expect((await listWatchlist(db)).map((r) => r.authorId)).toEqual(['gscholar:AoKJ_g4AAAAJ', 'arxiv:riedl_m_1']);
    expect(await db.watchlist.where('addedAt').above(NOW.toISOString()).primaryKeys()).toEqual(['arxiv:riedl_m_1']);
    expect(await isWatched(db, ['arxiv:riedl_m_1', 's2:2757194'])).toEqual(new Set(['arxiv:riedl_m_1']));
    for (const r of await db.watchlist.toArray()) expect(WatchEntry.safeParse(r).success).toBe(true);

    // The watchlist is the user's data: clearing the cache leaves it.
    await clearCache(db);
    expect(await db.authors.count()).toBe(0);
    expect(await db.watchlist.count()).toBe(2);

    db.close();
    const again = await openCurrent(name);
    expect(again.verno).toBe(db.verno);
    expect(await getWatch(again, 'arxiv:riedl_m_1')).toMatchObject({ note: 'same person as the Scholar profile' });
    expect(await markSeen(again, 'gscholar:AoKJ_g4AAAAJ', NOW)).toMatchObject({ newPaperIds: [] });
    expect(await unwatchAuthor(again, 'gscholar:AoKJ_g4AAAAJ', NOW)).not.toBeNull();
    expect(await again.watchlist.count()).toBe(1);
  });
});
