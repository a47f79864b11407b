/**
 * v3 → v4 (the watchlist table). A v3 database is written by hand with the exact v3 stores and rows
 * in the shapes v3 stored (papers merged across sites, authors with reported metrics and identity
 * checks, queued jobs of every kind, links), then opened by the current ScholarDb.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { dueJobs } from '../../lib/enrich/queue';
import { Paper } from '../../lib/schema';
import { clearCache } from '../../lib/store/clear';
import { ScholarDb } from '../../lib/store/db';
import { linkedGroup } from '../../lib/store/links';
import { loadAuthorProfile } from '../../lib/store/profile';
import { WatchEntry } from '../../lib/watchlist/schema';
import { getWatch, isWatched, listWatchlist, markSeen, setNote, unwatchAuthor, watchAuthor } from '../../lib/watchlist/store';

/** Copied from lib/store/db.ts as it was at v3 — never import it: v3 must stay what it was. */
const V3_STORES = {
  papers: 'id, fetchedAt',
  authors: 'id, nameKey, viewedAt',
  authorPapers: '[authorId+paperId], authorId, paperId',
  views: 'url, authorId, at',
  jobs: 'key, kind, state, notBefore, paperId',
  links: 'key, a, b',
};

const SEEN = '2025-05-01T10:00:00.000Z';
const LATER = '2025-05-20T08:15:00.000Z';
const ARXIV_URL = 'https://arxiv.org/a/riedl_m_1';
const SCHOLAR_URL = 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ';

const V3_PAPERS = [
  {
    id: '2106.09608', arxivId: '2106.09608', version: 2, doi: null,
    title: 'Learning Knowledge Graph-based World Models of Textual Environments',
    authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'], authorUrls: ['https://arxiv.org/a/ammanabrolu_p_1', ARXIV_URL],
    published: '2021-06-17', updated: '2021-10-20', year: 2021, primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.AI', 'cs.LG'],
    abstract: 'World models improve the ability of reinforcement learning agents to operate in a sample efficient manner.',
    comments: 'NeurIPS 2021', journalRef: null,
    links: { abs: 'https://arxiv.org/abs/2106.09608', pdf: 'https://arxiv.org/pdf/2106.09608v2', html: null, doi: null, code: ['https://github.com/rajammanabrolu/WorldModels'] },
    citations: 41, citationsSource: 'semanticscholar', citationsFetchedAt: LATER, metadataFetchedAt: LATER,
    citationsBySource: [{ source: 'semanticscholar', count: 41, at: LATER }, { source: 'gscholar', count: 38, at: SEEN }],
    sources: ['arxiv', 'gscholar'], codeFetchedAt: LATER, source: 'arxiv', fetchedAt: LATER,
  },
  {
    id: '2010.00685', arxivId: '2010.00685', version: null, doi: null,
    title: 'How to Avoid Being Eaten by a Grue: Structured Exploration Strategies for Textual Worlds',
    authors: ['Prithviraj Ammanabrolu', 'Ethan Tien', 'Matthew Hausknecht', 'Mark O. Riedl'], authorUrls: [null, null, null, ARXIV_URL],
    published: null, updated: null, year: 2020, primaryCategory: 'cs.AI', categories: ['cs.AI'],
    abstract: null, comments: null, journalRef: null,
    links: { abs: 'https://arxiv.org/abs/2010.00685', pdf: null, html: null, doi: null, code: [] },
    citations: null, citationsSource: null, citationsFetchedAt: null, metadataFetchedAt: null, codeFetchedAt: null,
    source: 'gscholar', fetchedAt: SEEN,
  },
];

const V3_AUTHORS = [
  {
    id: 'arxiv:riedl_m_1', name: 'Mark O. Riedl', ids: { arxiv: 'riedl_m_1', semanticScholar: '2757194', orcid: '0000-0001-6009-9405' },
    affiliations: ['Georgia Institute of Technology'], url: ARXIV_URL, nameKey: 'mark o riedl',
    identityCheckedAt: LATER, firstSeenAt: SEEN, viewedAt: LATER,
  },
  {
    id: 'gscholar:AoKJ_g4AAAAJ', name: 'Mark Riedl', ids: { googleScholar: 'AoKJ_g4AAAAJ' }, affiliations: ['Georgia Tech'], url: SCHOLAR_URL,
    nameKey: 'mark riedl', reported: [{ metric: 'hIndex', value: 62, source: 'gscholar', at: SEEN }, { metric: 'citations', value: 17342, source: 'gscholar', at: SEEN }],
    openAlexCheckedAt: LATER, firstSeenAt: SEEN, viewedAt: SEEN,
  },
];

const V3_AUTHOR_PAPERS = [
  { authorId: 'arxiv:riedl_m_1', paperId: '2106.09608', seenAt: SEEN },
  { authorId: 'arxiv:riedl_m_1', paperId: '2010.00685', seenAt: SEEN },
  { authorId: 'gscholar:AoKJ_g4AAAAJ', paperId: '2106.09608', seenAt: SEEN },
  { authorId: 'gscholar:AoKJ_g4AAAAJ', paperId: '2010.00685', seenAt: SEEN },
];

const V3_VIEWS = [
  { url: ARXIV_URL, authorId: 'arxiv:riedl_m_1', paperIds: ['2106.09608', '2010.00685'], title: 'Mark O. Riedl', at: LATER },
  { url: SCHOLAR_URL, authorId: 'gscholar:AoKJ_g4AAAAJ', paperIds: ['2106.09608', '2010.00685'], title: null, at: SEEN },
];

const V3_JOBS = [
  { key: 'metadata:2010.00685', kind: 'metadata', paperId: '2010.00685', state: 'pending', attempts: 0, notBefore: 0, createdAt: SEEN, lastError: null },
  { key: 'citations:2010.00685', kind: 'citations', paperId: '2010.00685', state: 'failed', attempts: 5, notBefore: Date.parse(LATER), createdAt: SEEN, lastError: 'HTTP 429' },
  { key: 'identity:arxiv:riedl_m_1', kind: 'identity', paperId: 'arxiv:riedl_m_1', state: 'pending', attempts: 1, notBefore: 0, createdAt: SEEN, lastError: 'offline' },
];

const V3_LINKS = [
  { key: 'arxiv:riedl_m_1|gscholar:AoKJ_g4AAAAJ', a: 'arxiv:riedl_m_1', b: 'gscholar:AoKJ_g4AAAAJ', evidence: '2 shared papers (2106.09608, 2010.00685)', createdAt: SEEN, unlinked: false },
];

const sortBy = <T,>(rows: T[], key: keyof T) => [...rows].sort((x, y) => String(x[key]).localeCompare(String(y[key])));

const opened: Dexie[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const d of dbs) d.close();
  for (const name of new Set(dbs.map((d) => d.name))) await Dexie.delete(name);
});

async function writeV3(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(1).stores({ papers: V3_STORES.papers, authors: V3_STORES.authors, authorPapers: V3_STORES.authorPapers, views: V3_STORES.views });
  v3.version(2).stores({ jobs: V3_STORES.jobs });
  v3.version(3).stores({ links: V3_STORES.links });
  await v3.open();
  await v3.transaction('rw', v3.tables, async () => {
    await v3.table('papers').bulkAdd(V3_PAPERS);
    await v3.table('authors').bulkAdd(V3_AUTHORS);
    await v3.table('authorPapers').bulkAdd(V3_AUTHOR_PAPERS);
    await v3.table('views').bulkAdd(V3_VIEWS);
    await v3.table('jobs').bulkAdd(V3_JOBS);
    await v3.table('links').bulkAdd(V3_LINKS);
  });
  expect(v3.verno).toBe(3);
  expect(v3.tables.map((t) => t.name).sort()).toEqual(Object.keys(V3_STORES).sort());
  v3.close();
}

async function openCurrent(name: string): Promise<ScholarDb> {
  const db = new ScholarDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const NOW = new Date('2025-06-01T00:00:00.000Z');

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

    expect(await db.papers.orderBy('id').toArray()).toEqual(sortBy(V3_PAPERS, 'id'));
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
