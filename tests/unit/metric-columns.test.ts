/**
 * The metric columns (lib/metrics/paper-columns.ts) and their cache (lib/store/metric-columns.ts):
 * - metrics from the columns — as built, and after a structured clone, which is how IndexedDB gives
 *   them back — are exactly `computeMetrics` of the papers, for the author they were built for and
 *   for any other;
 * - every write of a paper gives it a new revision (lib/store/revisions.ts), whatever the write;
 * - a profile shown twice reads its columns from the cache, and every kind of change (a citation
 *   count, a paper added, a link made or undone, the author renamed, a backup restored, eviction,
 *   "clear cache") gives the metrics computed afresh — checked after each step of random runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 as rng, PROFILE_AUTHOR, syntheticPapers } from '../../bench/synthetic';
import { columnsOfPapers, computeMetrics, metricsOfColumns } from '../../lib/metrics/index';
import type { AuthorRef, Paper, ScrapeResult } from '../../lib/schema';
import { backupText } from '../../lib/store/backup';
import { clearCache } from '../../lib/store/clear';
import { ScholarDb } from '../../lib/store/db';
import { evictLeastRecentlyViewed } from '../../lib/store/evict';
import { loadGroupProfile } from '../../lib/store/group-profile';
import { importBackup } from '../../lib/store/import';
import { ingestScrape } from '../../lib/store/ingest';
import { detectLinks, unlinkAuthors } from '../../lib/store/links';
import { lookupAuthors } from '../../lib/store/lookup';
import { profileKey } from '../../lib/store/metric-columns';
import { makePaper } from '../make-paper';

describe('metrics from the columns are computeMetrics', () => {
  const papers = syntheticPapers(3000, { seed: 5, text: true }).slice(0, 400);
  for (const built of [PROFILE_AUTHOR, null, 'LOVELACE, ADA']) {
    it(`columns built for ${JSON.stringify(built)}, cloned, read for other authors too`, () => {
      const cols = structuredClone(columnsOfPapers(papers, built));
      for (const author of [PROFILE_AUTHOR, null, 'Nobody Here', papers[7]!.authors[1]!]) {
        for (const year of [2026, 2001]) {
          expect(metricsOfColumns(cols, { year, author })).toStrictEqual(computeMetrics(papers, { year, author }));
        }
      }
    });
  }

  it('the columns survive a clone whole: typed arrays, NaN for unknown, the names', () => {
    const cols = columnsOfPapers(papers, PROFILE_AUTHOR);
    const back = structuredClone(cols);
    expect(back).toStrictEqual(cols);
    expect(back.c).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(back.c[papers.findIndex((p) => p.citations === null)])).toBe(true);
    expect(back.novelty).not.toBeNull();
  });
});

// ------------------------------------------------------------------------------------------- the store

const T = '2025-01-01T00:00:00.000Z';
const ref = (name: string, id: string): AuthorRef => ({ name, url: `https://arxiv.org/a/${id}`, arxivId: id, query: null });
const scholar = (name: string, user: string): AuthorRef => ({ name, url: `https://scholar.google.com/citations?user=${user}`, arxivId: null, query: null });
function page(site: string, author: AuthorRef, papers: Paper[]): ScrapeResult {
  return { ok: true, site, pageType: 'author', url: author.url!, author, authors: [], papers, total: papers.length, title: author.name, scrapedAt: T };
}

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`columns-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** The metrics the profile shows, and those computed with no cache at all. */
async function shownAndFresh(id: string) {
  const shown = (await loadGroupProfile(db, id))?.metrics;
  const kept = await db.metricColumns.toArray();
  await db.metricColumns.clear();
  const fresh = (await loadGroupProfile(db, id))?.metrics;
  await db.metricColumns.clear();
  await db.metricColumns.bulkPut(kept);
  return { shown, fresh };
}

describe('paper revisions', () => {
  it('every kind of write stamps a new revision; the caller\'s objects are left alone', async () => {
    const p = makePaper({ id: 'r1', citations: 1 });
    await db.papers.put(p);
    expect('rev' in p).toBe(false);
    const revs = [(await db.papers.get('r1'))!.rev];
    await db.papers.bulkPut([{ ...p, citations: 2 }]);
    revs.push((await db.papers.get('r1'))!.rev);
    await db.papers.update('r1', { citations: 3 });
    revs.push((await db.papers.get('r1'))!.rev);
    await db.papers.where('id').equals('r1').modify({ citations: 4 });
    revs.push((await db.papers.get('r1'))!.rev);
    await db.papers.delete('r1');
    await db.papers.add(p);
    revs.push((await db.papers.get('r1'))!.rev);
    expect(revs.every((r) => Number.isInteger(r))).toBe(true);
    expect(new Set(revs).size).toBe(revs.length);
    expect((await db.papers.get('r1'))?.citations).toBe(1);
  });
});

describe('the cached columns', () => {
  it('a profile shown again reads its columns from the cache', async () => {
    const papers = syntheticPapers(60, { seed: 3 }).map((p) => ({ ...p, id: `c-${p.id}` }));
    const { authorId } = await ingestScrape(db, page('arxiv', ref(PROFILE_AUTHOR, 'lovelace_a_1'), papers));
    const first = await loadGroupProfile(db, authorId!);
    const row = (await db.metricColumns.get(profileKey(authorId!, 'group')))!;
    expect(row.cols.N).toBe(60);
    // Tamper with the cached row (same fingerprint): the next view shows it, so it was read, not rebuilt.
    row.cols.c.fill(1000);
    await db.metricColumns.put(row);
    const second = await loadGroupProfile(db, authorId!);
    expect(second?.metrics.citations).toBe(60 * 1000);
    expect(first?.metrics.citations).not.toBe(60 * 1000);
    // The badges read their own row the same way.
    const [badge] = await lookupAuthors(db, [ref(PROFILE_AUTHOR, 'lovelace_a_1')]);
    expect(badge).toMatchObject({ papers: 60, citations: first!.metrics.citations, h: first!.metrics.h });
    expect(await db.metricColumns.get(profileKey(authorId!, 'own'))).toBeDefined();
  });

  it('changes of every kind are seen, in random runs', async () => {
    const r = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const pool = syntheticPapers(120, { seed: 9 }).map((p, i) => ({ ...p, id: `pool-${i}`, arxivId: `2101.${String(10000 + i)}` }));
    const people = [
      { ref: ref('Ada Lovelace', 'lovelace_a_1'), site: 'arxiv' },
      { ref: ref('Charles Babbage', 'babbage_c_1'), site: 'arxiv' },
      { ref: scholar('Ada Lovelace', 'AdaAAAAAAAAJ'), site: 'gscholar' },
    ];
    const ids: string[] = [];
    for (const who of people) {
      const mine = pool.filter(() => r() < 0.3);
      const rows = who.site === 'gscholar' ? mine.map((p) => ({ ...p, id: `gscholar:AdaAAAAAAAAJ:${p.id}`, source: 'gscholar' as const })) : mine;
      ids.push((await ingestScrape(db, page(who.site, who.ref, rows)))!.authorId!);
    }
    const steps: string[] = [];
    for (let step = 0; step < 40; step++) {
      const kind = pick(['citations', 'add', 'link', 'unlink', 'rename', 'import', 'none'] as const);
      const id = pick(ids);
      if (kind === 'citations') {
        const all = await db.papers.toArray();
        const changed = all.filter(() => r() < 0.2).map((p) => ({ ...p, citations: Math.floor(r() * 50) }));
        await db.papers.bulkPut(changed);
      } else if (kind === 'add') {
        const who = people[ids.indexOf(id)]!;
        const p = pick(pool);
        const row = who.site === 'gscholar' ? { ...p, id: `gscholar:AdaAAAAAAAAJ:${p.id}`, source: 'gscholar' as const } : p;
        await ingestScrape(db, page(who.site, who.ref, [{ ...row, title: `${row.title} (v${step})` }]));
      } else if (kind === 'link') {
        await detectLinks(db, id);
      } else if (kind === 'unlink') {
        await unlinkAuthors(db, ids[0]!, ids[2]!);
      } else if (kind === 'rename') {
        await db.authors.update(id, { name: pick(['Ada Lovelace', 'A. Lovelace', 'Charles Babbage', 'Lovelace, Ada']) });
      } else if (kind === 'import') {
        const text = await backupText(db, { now: new Date(T) });
        await importBackup(db, JSON.parse(text));
      }
      steps.push(kind);
      for (const each of ids) {
        const { shown, fresh } = await shownAndFresh(each);
        expect(shown, `after ${steps.join(', ')}`).toStrictEqual(fresh);
      }
    }
    expect(new Set(steps).size).toBeGreaterThanOrEqual(6);
  });

  it('eviction drops the evicted authors\' rows; clearing the cache drops them all', async () => {
    const a = (await ingestScrape(db, page('arxiv', ref('Ada Lovelace', 'lovelace_a_1'), [makePaper({ id: 'e1', citations: 3 })]), new Date('2025-01-01')))!.authorId!;
    const b = (await ingestScrape(db, page('arxiv', ref('Charles Babbage', 'babbage_c_1'), [makePaper({ id: 'e2', citations: 5 })]), new Date('2025-02-01')))!.authorId!;
    await loadGroupProfile(db, a);
    await loadGroupProfile(db, b);
    await lookupAuthors(db, [ref('Ada Lovelace', 'lovelace_a_1')]);
    expect((await db.metricColumns.toCollection().primaryKeys()).sort()).toEqual([profileKey(a, 'group'), profileKey(a, 'own'), profileKey(b, 'group')].sort());
    await evictLeastRecentlyViewed(db, { fraction: 0.5 });
    expect(await db.metricColumns.toCollection().primaryKeys()).toEqual([profileKey(b, 'group')]);
    await clearCache(db);
    expect(await db.metricColumns.count()).toBe(0);
  });
});
