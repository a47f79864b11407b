import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import type { AuthorRef, Paper, ScrapeResult } from '@/lib/schema';
import { ScholarDb } from '@/lib/store/db';
import { ingestScrape } from '@/lib/store/ingest';
import { lookupAuthors, profileForUrl } from '@/lib/store/lookup';
import { mergePaper } from '@/lib/store/merge';
import { loadAuthorProfile } from '@/lib/store/profile';
import { makePaper } from '../make-paper';

const AMMANABROLU: AuthorRef = { name: 'Ammanabrolu, P', url: 'https://arxiv.org/search/?searchtype=author&query=Ammanabrolu%2C+P', arxivId: null, query: 'Ammanabrolu, P' };
const FULL_NAME: AuthorRef = { ...AMMANABROLU, name: 'Prithviraj Ammanabrolu' };

function scrape(over: Partial<ScrapeResult>): ScrapeResult {
  return { ok: true, site: 'arxiv', pageType: 'search', url: 'https://arxiv.org/x', author: null, authors: [], papers: [], total: null, title: null, scrapedAt: '2025-05-01T00:00:00.000Z', ...over };
}

function paper(id: string, over: Partial<Paper> = {}): Paper {
  return makePaper({ id, arxivId: id, title: `Title ${id}`, authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'], primaryCategory: 'cs.CL', categories: ['cs.CL'], ...over });
}

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('ingestScrape', () => {
  const authorPage = scrape({
    url: 'https://arxiv.org/search/?searchtype=author&query=Ammanabrolu%2C+P', author: AMMANABROLU, authors: [FULL_NAME],
    papers: [paper('2106.09608'), paper('2010.00685'), paper('2001.08837', { primaryCategory: 'cs.LG', categories: ['cs.LG'] })],
  });

  it('stores the author, the papers and the link between them', async () => {
    const res = await ingestScrape(db, authorPage);
    expect(res).toEqual({ authorId: 'arxiv-query:p ammanabrolu', stored: 3 });
    const author = await db.authors.get('arxiv-query:p ammanabrolu');
    expect(author?.name).toBe('Prithviraj Ammanabrolu');
    expect(author?.ids).toEqual({ arxivQuery: 'Ammanabrolu, P' });
    expect(await db.papers.count()).toBe(3);
    expect(await db.authorPapers.count()).toBe(3);
  });

  it('does not duplicate anything on a second visit', async () => {
    await ingestScrape(db, authorPage);
    await ingestScrape(db, authorPage, new Date('2025-06-01T00:00:00Z'));
    expect([await db.papers.count(), await db.authors.count(), await db.authorPapers.count(), await db.views.count()]).toEqual([3, 1, 3, 1]);
    expect((await db.authors.get('arxiv-query:p ammanabrolu'))?.viewedAt).toBe('2025-06-01T00:00:00.000Z');
  });

  it('a page about papers stores papers but no author', async () => {
    const res = await ingestScrape(db, scrape({ pageType: 'listing', papers: [paper('1'), paper('1'), paper('2')] }));
    expect(res).toEqual({ authorId: null, stored: 2 });
    expect(await db.authors.count()).toBe(0);
  });
});

describe('mergePaper', () => {
  it('adds what the new page knows and keeps what it does not', () => {
    const fromAbs = paper('2106.09608', { published: '2021-06-17', updated: '2021-10-20', abstract: 'The full abstract of the paper.', citations: null });
    const fromListing = paper('2106.09608', { published: null, abstract: 'Short', links: { abs: null, pdf: null, html: null, doi: null, code: ['https://github.com/a/b'] } });
    const merged = mergePaper(fromAbs, fromListing);
    expect(merged.published).toBe('2021-06-17');
    expect(merged.updated).toBe('2021-10-20');
    expect(merged.abstract).toBe('The full abstract of the paper.');
    expect(merged.links.code).toEqual(['https://github.com/a/b']);
  });
  it('never replaces a known citation count with unknown, and prefers the newer count', () => {
    const counted = paper('1', { citations: 12, citationsSource: 'semanticscholar', citationsFetchedAt: '2025-01-01T00:00:00.000Z' });
    expect(mergePaper(counted, paper('1')).citations).toBe(12);
    const newer = paper('1', { citations: 15, citationsSource: 'semanticscholar', citationsFetchedAt: '2025-02-01T00:00:00.000Z' });
    expect(mergePaper(counted, newer).citations).toBe(15);
    expect(mergePaper(newer, counted).citations).toBe(15);
  });
});

describe('profiles and look-ups', () => {
  beforeEach(async () => {
    await ingestScrape(db, scrape({
      url: 'https://arxiv.org/a/riedl_m_1', pageType: 'author',
      author: { name: 'Mark O. Riedl', url: 'https://arxiv.org/a/riedl_m_1', arxivId: 'riedl_m_1', query: null },
      papers: [paper('2106.09608', { citations: 10, citationsSource: 'semanticscholar', citationsFetchedAt: '2025-01-01T00:00:00.000Z' }), paper('1905.00001', { citations: 3 }), paper('1801.00001')],
    }), new Date('2025-01-01T00:00:00Z'));
    await ingestScrape(db, scrape({ url: 'https://arxiv.org/abs/2106.09608', pageType: 'abs', papers: [paper('2106.09608')] }), new Date('2025-01-02T00:00:00Z'));
  });

  it('computes the profile from the cached papers', async () => {
    const profile = await loadAuthorProfile(db, 'arxiv:riedl_m_1');
    expect(profile?.author?.name).toBe('Mark O. Riedl');
    expect(profile?.metrics).toMatchObject({ papers: 3, papersWithCitations: 2, citations: 13, h: 2, primaryCategory: 'cs.CL' });
    expect(profile?.provenance.find((p) => p.field === 'citations')?.detail).toBe('computed from 3 papers, of which 2 have citation counts (semanticscholar, unknown)');
  });

  it('finds the author of an abs page for the popup, else the most recent author', async () => {
    expect((await profileForUrl(db, 'https://arxiv.org/abs/2106.09608'))?.author?.id).toBe('arxiv:riedl_m_1');
    expect((await profileForUrl(db, 'https://arxiv.org/list/never-seen'))?.author?.id).toBe('arxiv:riedl_m_1');
    expect((await profileForUrl(db, undefined))?.author?.id).toBe('arxiv:riedl_m_1');
  });

  it('returns null when nothing is cached', async () => {
    await db.authors.clear();
    await db.views.clear();
    expect(await profileForUrl(db, 'https://arxiv.org/abs/1')).toBeNull();
  });

  it('matches badge look-ups by author id, then by exact name', async () => {
    const found = await lookupAuthors(db, [
      { name: 'Prithviraj Ammanabrolu', url: null, arxivId: null, query: 'Ammanabrolu, P' },
      { name: 'Mark Riedl', url: 'https://arxiv.org/a/riedl_m_1', arxivId: 'riedl_m_1', query: null },
      { name: 'Mark O. Riedl', url: null, arxivId: null, query: 'Riedl, M O' },
    ]);
    expect(found.map((f) => [f.index, f.matchedBy, f.papers, f.h])).toEqual([[1, 'id', 3, 2], [2, 'name', 3, 2]]);
  });

  it('answers protocol messages through the handlers', async () => {
    const handlers = createHandlers(db);
    const reply = await dispatch({ type: 'getProfile', payload: { authorId: 'arxiv:riedl_m_1' } }, handlers);
    expect(reply).toMatchObject({ ok: true, data: { profile: { metrics: { papers: 3 } } } });
    const ingest = await dispatch({ type: 'ingest', payload: { scrape: scrape({ pageType: 'search', title: 'q', papers: [paper('9')] }) } }, handlers);
    expect(ingest).toMatchObject({ ok: true, data: { authorId: null, stored: 1, profile: { title: 'q', metrics: { papers: 1 } } } });
  });
});
