/**
 * Dexie versions are append-only, and every upgrade is tested from the version before it: a v1
 * database (the exact v1 stores, written by hand with rows in the v1 shapes — papers had no
 * `metadataFetchedAt` yet) is opened by the current ScholarDb (v2, which adds the `jobs` table).
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { planJobs } from '../../lib/enrich/plan';
import { dueJobs, enqueue } from '../../lib/enrich/queue';
import { Paper } from '../../lib/schema';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { ScholarDb } from '../../lib/store/db';
import { ingestScrape } from '../../lib/store/ingest';
import { findCachedAuthor, profileForUrl } from '../../lib/store/lookup';
import { loadAuthorProfile } from '../../lib/store/profile';
import { withoutRev } from '../rows';
import { currentDbOpener } from '../old-rows';

/** Copied from lib/store/db.ts as it was in v1 — never import it: v1 must stay what it was. */
const V1_STORES = {
  papers: 'id, fetchedAt',
  authors: 'id, nameKey, viewedAt',
  authorPapers: '[authorId+paperId], authorId, paperId',
  views: 'url, authorId, at',
};

// Rows as v1 wrote them (ingestScrape of an arXiv author page, then of an abs page).
const AUTHOR_URL = 'https://arxiv.org/a/riedl_m_1';
const ABS_URL = 'https://arxiv.org/abs/2106.09608';
const SEEN = '2025-05-01T10:00:00.000Z';
const LATER = '2025-05-02T09:30:00.000Z';

const V1_PAPERS = [
  {
    id: '2106.09608', arxivId: '2106.09608', version: 2, doi: null,
    title: 'Learning Knowledge Graph-based World Models of Textual Environments',
    authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
    authorUrls: ['https://arxiv.org/a/ammanabrolu_p_1', AUTHOR_URL],
    published: '2021-06-17', updated: '2021-10-20', year: 2021,
    primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.AI', 'cs.LG'],
    abstract: 'World models improve the ability of reinforcement learning agents to operate in a sample efficient manner.',
    comments: 'NeurIPS 2021', journalRef: null,
    links: { abs: ABS_URL, pdf: 'https://arxiv.org/pdf/2106.09608v2', html: null, doi: null, code: ['https://github.com/rajammanabrolu/WorldModels'] },
    citations: null, citationsSource: null, citationsFetchedAt: null,
    source: 'arxiv', fetchedAt: LATER,
  },
  {
    id: '2010.00685', arxivId: '2010.00685', version: null, doi: null,
    title: 'How to Avoid Being Eaten by a Grue: Structured Exploration Strategies for Textual Worlds',
    authors: ['Prithviraj Ammanabrolu', 'Ethan Tien', 'Matthew Hausknecht', 'Mark O. Riedl'],
    authorUrls: [null, null, null, AUTHOR_URL],
    published: null, updated: null, year: null,
    primaryCategory: 'cs.AI', categories: ['cs.AI', 'cs.CL'],
    abstract: null, comments: null, journalRef: null,
    links: { abs: 'https://arxiv.org/abs/2010.00685', pdf: 'https://arxiv.org/pdf/2010.00685', html: null, doi: null, code: [] },
    citations: 12, citationsSource: 'semanticscholar', citationsFetchedAt: '2025-04-01T00:00:00.000Z',
    source: 'arxiv', fetchedAt: SEEN,
  },
  {
    id: 'hep-th/9901001', arxivId: 'hep-th/9901001', version: 1, doi: '10.1000/xyz123',
    title: 'An old-style identifier', authors: ['Mark O. Riedl'], authorUrls: [AUTHOR_URL],
    published: '1999-01-01', updated: null, year: 1999, primaryCategory: 'hep-th', categories: ['hep-th'],
    abstract: null, comments: null, journalRef: 'Phys. Rev. D 1 (1999) 1',
    links: { abs: 'https://arxiv.org/abs/hep-th/9901001', pdf: null, html: null, doi: 'https://doi.org/10.1000/xyz123', code: [] },
    citations: 0, citationsSource: 'semanticscholar', citationsFetchedAt: '2025-04-01T00:00:00.000Z',
    source: 'arxiv', fetchedAt: SEEN,
  },
];

const V1_AUTHORS = [
  {
    id: 'arxiv:riedl_m_1', name: 'Mark O. Riedl', ids: { arxiv: 'riedl_m_1' }, affiliations: [], url: AUTHOR_URL,
    nameKey: 'mark o riedl', firstSeenAt: SEEN, viewedAt: SEEN,
  },
  {
    id: 'arxiv-query:p ammanabrolu', name: 'Prithviraj Ammanabrolu', ids: { arxivQuery: 'Ammanabrolu, P' }, affiliations: [],
    url: 'https://arxiv.org/search/?searchtype=author&query=Ammanabrolu%2C+P', nameKey: 'prithviraj ammanabrolu', firstSeenAt: SEEN, viewedAt: SEEN,
  },
];

const V1_AUTHOR_PAPERS = V1_PAPERS.map((p) => ({ authorId: 'arxiv:riedl_m_1', paperId: p.id, seenAt: SEEN }));

const V1_VIEWS = [
  { url: AUTHOR_URL, authorId: 'arxiv:riedl_m_1', paperIds: V1_PAPERS.map((p) => p.id), title: null, at: SEEN },
  { url: ABS_URL, authorId: null, paperIds: ['2106.09608'], title: null, at: LATER },
];

const openCurrent = currentDbOpener();

async function writeV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    await v1.table('papers').bulkAdd(V1_PAPERS);
    await v1.table('authors').bulkAdd(V1_AUTHORS);
    await v1.table('authorPapers').bulkAdd(V1_AUTHOR_PAPERS);
    await v1.table('views').bulkAdd(V1_VIEWS);
  });
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).toEqual(['authorPapers', 'authors', 'papers', 'views']);
  v1.close();
}

describe('v1 → v2', () => {
  it('the v1 rows in the test are what v1 could store (valid v1 papers, valid current papers)', () => {
    for (const p of V1_PAPERS) {
      expect('metadataFetchedAt' in p).toBe(false);
      expect(Paper.safeParse(p).success).toBe(true);
    }
  });

  it('keeps every v1 row as it was and adds a working jobs table', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1(name);
    const db = await openCurrent(name);
    // v2 when written; a later version must keep passing this (and get its own test from v2).
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['authorPapers', 'authors', 'jobs', 'papers', 'views']));
    expect(db.jobs.schema.primKey.keyPath).toBe('key');
    expect(db.jobs.schema.indexes.map((i) => i.name).sort()).toEqual(expect.arrayContaining(['kind', 'notBefore', 'paperId', 'state']));

    // Rows intact (the v5 upgrade only adds each paper's revision stamp).
    const papers = await db.papers.orderBy('id').toArray();
    expect(papers.every((p) => Number.isInteger(p.rev))).toBe(true);
    expect(withoutRev(papers)).toEqual([...V1_PAPERS].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.authors.orderBy('id').toArray()).toEqual([...V1_AUTHORS].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.authorPapers.count()).toBe(V1_AUTHOR_PAPERS.length);
    expect(await db.views.orderBy('url').toArray()).toEqual([...V1_VIEWS].sort((a, b) => a.url.localeCompare(b.url)));

    // The v1 indexes still answer.
    expect((await db.authors.where('nameKey').equals('mark o riedl').toArray()).map((a) => a.id)).toEqual(['arxiv:riedl_m_1']);
    expect(await db.authorPapers.where('authorId').equals('arxiv:riedl_m_1').count()).toBe(3);
    expect(await db.authorPapers.where('paperId').equals('2010.00685').count()).toBe(1);
    expect(await db.authorPapers.get(['arxiv:riedl_m_1', '2106.09608'])).toEqual(V1_AUTHOR_PAPERS[0]);
    expect(await db.views.where('authorId').equals('arxiv:riedl_m_1').count()).toBe(1);
    expect((await db.papers.orderBy('fetchedAt').last())?.id).toBe('2106.09608');
    expect((await findCachedAuthor(db, { name: 'Mark O. Riedl', url: null, arxivId: null, query: null }))?.row.id).toBe('arxiv:riedl_m_1');

    // The new table: enqueue, index queries, delete.
    expect(await db.jobs.count()).toBe(0);
    const now = new Date('2025-06-01T00:00:00.000Z');
    expect(await enqueue(db, [{ kind: 'citations', paperId: '2010.00685' }, { kind: 'metadata', paperId: '2010.00685' }], now)).toBe(2);
    expect((await dueJobs(db, 'citations', now.getTime(), 10)).map((j) => j.key)).toEqual(['citations:2010.00685']);
    expect(await db.jobs.where('state').equals('pending').count()).toBe(2);
    expect(await db.jobs.where('paperId').equals('2010.00685').count()).toBe(2);
    expect(await db.jobs.where('notBefore').belowOrEqual(now.getTime()).count()).toBe(2);
    await db.jobs.delete('metadata:2010.00685');
    expect(await db.jobs.count()).toBe(1);
  });

  it('v1 papers read, plan and merge like current ones', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1(name);
    const db = await openCurrent(name);

    const profile = await loadAuthorProfile(db, 'arxiv:riedl_m_1');
    expect(profile?.metrics).toMatchObject({ papers: 3, papersWithCitations: 2, citations: 12 });
    // The abs page's first author with a cached profile (matched by exact name).
    expect((await profileForUrl(db, ABS_URL))?.author?.id).toBe('arxiv-query:p ammanabrolu');
    expect((await profileForUrl(db, AUTHOR_URL))?.author?.id).toBe('arxiv:riedl_m_1');

    // No metadataFetchedAt on v1 rows = never asked: the incomplete ones are planned.
    const planned = planJobs(profile!.papers, DEFAULT_SETTINGS, Date.parse('2025-06-01T00:00:00.000Z'));
    expect(planned.filter((j) => j.kind === 'metadata').map((j) => j.paperId).sort()).toEqual(['2010.00685', 'hep-th/9901001']);
    expect(planned.filter((j) => j.kind === 'citations').map((j) => j.paperId).sort()).toEqual(['2010.00685', '2106.09608', 'hep-th/9901001']);

    // A page seen again after the upgrade merges into the v1 row (no duplicate, v1 fields kept).
    await ingestScrape(db, {
      ok: true, site: 'arxiv', pageType: 'listing', url: 'https://arxiv.org/list/cs.AI/new', author: null, authors: [],
      papers: [Paper.parse({ ...V1_PAPERS[1], citations: null, citationsSource: null, citationsFetchedAt: null, fetchedAt: '2025-06-01T00:00:00.000Z' })],
      total: null, title: 'cs.AI new', scrapedAt: '2025-06-01T00:00:00.000Z',
    }, new Date('2025-06-01T00:00:00.000Z'));
    expect(await db.papers.count()).toBe(3);
    expect(await db.papers.get('2010.00685')).toMatchObject({ citations: 12, citationsFetchedAt: '2025-04-01T00:00:00.000Z', fetchedAt: '2025-06-01T00:00:00.000Z', metadataFetchedAt: null });
  });

  it('opening the current version again is a no-op (the upgrade runs once)', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1(name);
    const first = await openCurrent(name);
    await enqueue(first, [{ kind: 'citations', paperId: '2106.09608' }], new Date('2025-06-01T00:00:00.000Z'));
    first.close();
    const again = await openCurrent(name);
    expect(await again.papers.count()).toBe(3);
    expect(await again.jobs.count()).toBe(1);
    await again.delete();
  });
});

/** v2 as it was (v1 stores plus the job queue) — copied, never imported. */
const V2_STORES = { ...V1_STORES, jobs: 'key, kind, state, notBefore, paperId' };

describe('v2 → v3 (links between one person\'s records)', () => {
  it('keeps authors, papers and pending jobs, and adds a working links table', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    await old.open();
    await old.table('papers').bulkPut(V1_PAPERS);
    await old.table('authors').put({ id: 'arxiv:riedl_m_1', name: 'Mark O. Riedl', nameKey: 'mark o riedl', ids: { arxiv: 'riedl_m_1' }, affiliations: [], url: AUTHOR_URL, firstSeenAt: SEEN, viewedAt: LATER });
    await old.table('jobs').put({ key: 'citations:2106.09608', kind: 'citations', paperId: '2106.09608', state: 'pending', attempts: 1, notBefore: 0, createdAt: SEEN, lastError: 'HTTP 500' });
    old.close();

    const db = new ScholarDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.papers.count()).toBe(V1_PAPERS.length);
    expect((await db.authors.get('arxiv:riedl_m_1'))?.name).toBe('Mark O. Riedl');
    expect(await db.jobs.get('citations:2106.09608')).toMatchObject({ attempts: 1, lastError: 'HTTP 500' });
    await db.links.put({ key: 'arxiv:riedl_m_1|gscholar:X', a: 'arxiv:riedl_m_1', b: 'gscholar:X', evidence: 'shared orcid 0000-0001-0002-0003', createdAt: LATER, unlinked: false });
    expect(await db.links.where('a').equals('arxiv:riedl_m_1').count()).toBe(1);
    await db.delete();
  });
});
