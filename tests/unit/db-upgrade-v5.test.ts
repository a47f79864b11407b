/**
 * v4 → v5 (the metric-columns cache, and a revision stamp on every paper). A v4 database is written
 * by hand with the exact v4 stores and realistic rows (tests/old-rows.ts, plus watchlist entries
 * with notes), then opened by the current ScholarDb: every row is kept (papers gain `rev`), the
 * watchlist and its notes are untouched, and the profile shown is the one computed from the papers.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../lib/metrics/index';
import { loadGroupProfile } from '../../lib/store/group-profile';
import { profileKey } from '../../lib/store/metric-columns';
import { mergeAcrossSources } from '../../lib/identity/merge-papers';
import { sortNewestFirst } from '../../lib/store/profile';
import { sortBy, V3_AUTHOR_PAPERS, V3_AUTHORS, V3_JOBS, V3_LINKS, V3_PAPERS, V3_VIEWS, writeOldDb, currentDbOpener } from '../old-rows';
import { withoutRev } from '../rows';

const V4_WATCHLIST = [
  {
    authorId: 'arxiv:riedl_m_1', name: 'Mark O. Riedl', note: 'Interactive narrative; same person as the Scholar profile.',
    addedAt: '2025-05-02T09:00:00.000Z', lastSeenAt: '2025-05-20T08:15:00.000Z', lastCheckedAt: '2025-05-21T00:00:00.000Z',
    lastCheckError: null, newPaperIds: ['2010.00685'], edited: { name: 1746176400000, note: 1746176460000, lastSeenAt: 1747728900000 },
  },
];

async function writeV4(name: string): Promise<void> {
  expect((await writeOldDb(name, V4_WATCHLIST)).verno).toBe(4);
}

const openCurrent = currentDbOpener();

describe('v4 → v5 (metric columns, paper revisions)', () => {
  it('keeps every v4 row, the watchlist and its notes; each paper gets a revision; the cache starts empty', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    await writeV4(name);
    const db = await openCurrent(name);
    expect(db.verno).toBe(5);
    expect(db.metricColumns.schema.primKey.keyPath).toBe('key');
    expect(await db.metricColumns.count()).toBe(0);

    const papers = await db.papers.orderBy('id').toArray();
    expect(papers.map((p) => p.rev).every((r) => Number.isInteger(r) && r! >= 0 && r! < 2 ** 53)).toBe(true);
    expect(new Set(papers.map((p) => p.rev)).size).toBe(papers.length);
    expect(withoutRev(papers)).toEqual(sortBy(V3_PAPERS, 'id'));
    expect(await db.authors.orderBy('id').toArray()).toEqual(sortBy(V3_AUTHORS, 'id'));
    expect(await db.authorPapers.count()).toBe(V3_AUTHOR_PAPERS.length);
    expect(await db.views.orderBy('url').toArray()).toEqual(sortBy(V3_VIEWS, 'url'));
    expect(await db.jobs.orderBy('key').toArray()).toEqual(sortBy(V3_JOBS, 'key'));
    expect(await db.links.toArray()).toEqual(V3_LINKS);
    expect(await db.watchlist.toArray()).toEqual(V4_WATCHLIST);
  });

  it('the upgraded profile: metrics as computed from its papers, then cached, then read back from the cache', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    await writeV4(name);
    const db = await openCurrent(name);
    const first = await loadGroupProfile(db, 'arxiv:riedl_m_1');
    const expected = computeMetrics(sortNewestFirst(mergeAcrossSources(V3_PAPERS as never)), { author: 'Mark O. Riedl' });
    expect(first?.metrics).toStrictEqual(expected);
    expect(first?.metrics).toMatchObject({ papers: 2, citations: 41, h: 1 });
    expect(await db.metricColumns.get(profileKey('arxiv:riedl_m_1', 'group'))).toBeDefined();
    expect((await loadGroupProfile(db, 'arxiv:riedl_m_1'))?.metrics).toStrictEqual(expected);
    // Reopened (a new service worker): the cached row is still valid.
    db.close();
    const again = await openCurrent(name);
    expect((await loadGroupProfile(again, 'arxiv:riedl_m_1'))?.metrics).toStrictEqual(expected);
    expect((await again.watchlist.get('arxiv:riedl_m_1'))?.note).toBe(V4_WATCHLIST[0]!.note);
  });
});
