/**
 * Rows in the shapes the database stored at v3 and v4 (papers merged across sites, authors with
 * reported metrics and identity checks, queued jobs of every kind, links, watchlist entries), for
 * the upgrade tests: each writes an old database by hand with these, then opens the current one.
 */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { ScholarDb } from '../lib/store/db';
/** Copied from lib/store/db.ts as it was at v3 — never import it: v3 must stay what it was. */
export const V3_STORES = {
  papers: 'id, fetchedAt',
  authors: 'id, nameKey, viewedAt',
  authorPapers: '[authorId+paperId], authorId, paperId',
  views: 'url, authorId, at',
  jobs: 'key, kind, state, notBefore, paperId',
  links: 'key, a, b',
};

export const SEEN = '2025-05-01T10:00:00.000Z';
export const LATER = '2025-05-20T08:15:00.000Z';
export const ARXIV_URL = 'https://arxiv.org/a/riedl_m_1';
export const SCHOLAR_URL = 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ';

export const V3_PAPERS = [
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

export const V3_AUTHORS = [
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

export const V3_AUTHOR_PAPERS = [
  { authorId: 'arxiv:riedl_m_1', paperId: '2106.09608', seenAt: SEEN },
  { authorId: 'arxiv:riedl_m_1', paperId: '2010.00685', seenAt: SEEN },
  { authorId: 'gscholar:AoKJ_g4AAAAJ', paperId: '2106.09608', seenAt: SEEN },
  { authorId: 'gscholar:AoKJ_g4AAAAJ', paperId: '2010.00685', seenAt: SEEN },
];

export const V3_VIEWS = [
  { url: ARXIV_URL, authorId: 'arxiv:riedl_m_1', paperIds: ['2106.09608', '2010.00685'], title: 'Mark O. Riedl', at: LATER },
  { url: SCHOLAR_URL, authorId: 'gscholar:AoKJ_g4AAAAJ', paperIds: ['2106.09608', '2010.00685'], title: null, at: SEEN },
];

export const V3_JOBS = [
  { key: 'metadata:2010.00685', kind: 'metadata', paperId: '2010.00685', state: 'pending', attempts: 0, notBefore: 0, createdAt: SEEN, lastError: null },
  { key: 'citations:2010.00685', kind: 'citations', paperId: '2010.00685', state: 'failed', attempts: 5, notBefore: Date.parse(LATER), createdAt: SEEN, lastError: 'HTTP 429' },
  { key: 'identity:arxiv:riedl_m_1', kind: 'identity', paperId: 'arxiv:riedl_m_1', state: 'pending', attempts: 1, notBefore: 0, createdAt: SEEN, lastError: 'offline' },
];

export const V3_LINKS = [
  { key: 'arxiv:riedl_m_1|gscholar:AoKJ_g4AAAAJ', a: 'arxiv:riedl_m_1', b: 'gscholar:AoKJ_g4AAAAJ', evidence: '2 shared papers (2106.09608, 2010.00685)', createdAt: SEEN, unlinked: false },
];

export const sortBy = <T,>(rows: T[], key: keyof T) => [...rows].sort((x, y) => String(x[key]).localeCompare(String(y[key])));


export const NOW = new Date('2025-06-01T00:00:00.000Z');

/**
 * Writes database `name` by hand as version 3 stored it (the v3 stores and rows above), or as
 * version 4 when `watchlist` rows are given (v3 + the watchlist table), and returns its version and
 * table names, then closes it. Never through ScholarDb: the old versions must stay what they were.
 */
export async function writeOldDb(name: string, watchlist?: readonly object[]): Promise<{ verno: number; tables: string[] }> {
  const old = new Dexie(name);
  old.version(1).stores({ papers: V3_STORES.papers, authors: V3_STORES.authors, authorPapers: V3_STORES.authorPapers, views: V3_STORES.views });
  old.version(2).stores({ jobs: V3_STORES.jobs });
  old.version(3).stores({ links: V3_STORES.links });
  if (watchlist) old.version(4).stores({ watchlist: 'authorId, addedAt' });
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    await old.table('papers').bulkAdd(V3_PAPERS);
    await old.table('authors').bulkAdd(V3_AUTHORS);
    await old.table('authorPapers').bulkAdd(V3_AUTHOR_PAPERS);
    await old.table('views').bulkAdd(V3_VIEWS);
    await old.table('jobs').bulkAdd(V3_JOBS);
    await old.table('links').bulkAdd(V3_LINKS);
    if (watchlist) await old.table('watchlist').bulkAdd([...watchlist]);
  });
  const written = { verno: old.verno, tables: old.tables.map((t) => t.name).sort() };
  old.close();
  return written;
}

/**
 * For an upgrade test file: opens the current ScholarDb on a database (running the upgrades), and
 * closes and deletes every database it opened after each test.
 */
export function currentDbOpener(): (name: string) => Promise<ScholarDb> {
  const opened: ScholarDb[] = [];
  afterEach(async () => {
    const dbs = opened.splice(0);
    for (const d of dbs) d.close();
    for (const name of new Set(dbs.map((d) => d.name))) await Dexie.delete(name);
  });
  return async (name) => {
    const db = new ScholarDb(name);
    opened.push(db);
    await db.open();
    return db;
  };
}
