import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { Enricher } from '@/lib/enrich/runner';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { createHttpClient } from '@/lib/sources/http';
import { ScholarDb } from '@/lib/store/db';
import type { ScrapeResult } from '@/lib/schema';
import { makePaper } from '../make-paper';

const AUTHOR = { name: 'Ammanabrolu, P', url: 'https://arxiv.org/search/?searchtype=author&query=Ammanabrolu%2C+P', arxivId: null, query: 'Ammanabrolu, P' };
const IDS = ['2106.09608', '2010.00685', '2001.08837'];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Recorded-shape S2 answers: the batch, each paper's authors, and the author record. */
function fakeS2(calls: string[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (url.includes('/paper/batch')) {
      const { ids } = JSON.parse(String(init?.body)) as { ids: string[] };
      return json(ids.map((id, i) => ({ paperId: `p${i}`, externalIds: { ArXiv: id.slice(6) }, title: 't', citationCount: [25, 12, 3][i] ?? 0 })));
    }
    if (url.includes('/paper/ARXIV:')) {
      return json({ paperId: 'x', authors: [{ authorId: '1759188', name: 'Prithviraj Ammanabrolu' }, { authorId: '2757194', name: 'Mark O. Riedl' }] });
    }
    if (url.includes('/author/1759188')) {
      return json({ authorId: '1759188', name: 'Prithviraj Ammanabrolu', affiliations: ['UC San Diego'], paperCount: 70, citationCount: 4100, hIndex: 28, externalIds: { ORCID: '0000-0001-0002-0003' } });
    }
    return json({ error: 'not found' }, 404);
  }) as typeof fetch;
}

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`identity-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('author identity from Semantic Scholar', () => {
  it('links the arXiv author to one S2 author and keeps its numbers as reported values', async () => {
    const calls: string[] = [];
    const http = createHttpClient({ fetch: fakeS2(calls), sleep: async () => {}, hosts: { 'api.semanticscholar.org': { intervalMs: 0 } } });
    const enricher = new Enricher({ db, http, settings: async () => DEFAULT_SETTINGS });
    const handlers = createHandlers(db, { enricher, settings: async () => DEFAULT_SETTINGS });
    const scrape: ScrapeResult = {
      ok: true, site: 'arxiv', pageType: 'search', url: AUTHOR.url, author: AUTHOR, authors: [{ ...AUTHOR, name: 'Prithviraj Ammanabrolu' }],
      papers: IDS.map((id, i) => makePaper({ id, arxivId: id, abstract: 'a', published: `202${i}-01-01`, authors: ['Prithviraj Ammanabrolu'] })),
      total: 3, title: 'Ammanabrolu, P', scrapedAt: '2025-01-01T00:00:00.000Z',
    };
    await handlers.ingest({ scrape });
    await enricher.kick();
    const { profile } = await handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu' });
    expect(profile?.author?.ids).toEqual({ arxivQuery: 'Ammanabrolu, P', semanticScholar: '1759188', orcid: '0000-0001-0002-0003' });
    expect(profile?.author?.affiliations).toEqual(['UC San Diego']);
    expect(profile?.metrics.h).toBe(3);
    expect(profile?.reported.map((r) => [r.metric, r.value, r.source])).toEqual([['h', 28, 'semanticscholar'], ['citations', 4100, 'semanticscholar'], ['papers', 70, 'semanticscholar']]);
    // One batch, two papers' author lists that agree, one author record: ⌈3/500⌉ + 3 at most.
    const s2 = calls.filter((c) => c.includes('api.semanticscholar.org'));
    expect(s2.length).toBeLessThanOrEqual(1 + 3);
    expect(s2.filter((c) => c.includes('/author/'))).toHaveLength(1);
    // Asked once: a second look within the TTL asks nothing.
    const before = calls.length;
    await handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu', refresh: true });
    await enricher.kick();
    expect(calls.length).toBe(before);
  });

  it('does not link on a name that fits two listed authors', async () => {
    const calls: string[] = [];
    const base = fakeS2(calls);
    const ambiguous = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.includes('/paper/ARXIV:')) return json({ paperId: 'x', authors: [{ authorId: '1', name: 'Prithviraj Ammanabrolu' }, { authorId: '2', name: 'Priya Ammanabrolu' }] });
      return base(input, init);
    }) as typeof fetch;
    const http = createHttpClient({ fetch: ambiguous, sleep: async () => {}, hosts: { 'api.semanticscholar.org': { intervalMs: 0 } } });
    const enricher = new Enricher({ db, http, settings: async () => DEFAULT_SETTINGS });
    const handlers = createHandlers(db, { enricher, settings: async () => DEFAULT_SETTINGS });
    await handlers.ingest({ scrape: {
      ok: true, site: 'arxiv', pageType: 'search', url: AUTHOR.url, author: AUTHOR, authors: [],
      papers: [makePaper({ id: '2106.09608', arxivId: '2106.09608', abstract: 'a', published: '2021-06-17' })], total: 1, title: null, scrapedAt: '2025-01-01T00:00:00.000Z',
    } });
    await enricher.kick();
    const row = await db.authors.get('arxiv-query:p ammanabrolu');
    expect(row?.ids.semanticScholar).toBeUndefined();
    expect(row?.identityCheckedAt).toBeDefined();
    expect(calls.filter((c) => c.includes('/author/'))).toHaveLength(0);
  });
});
