/**
 * The raw-read message at the trust boundary and in the content script's flow: the background
 * rejects a malformed raw read before any handler sees it, answers a read it cannot finish with a
 * reason and stores nothing, and the content script then says "not recognised" instead of showing
 * anything.
 */
import { createHandlers } from '@/lib/background/handlers';
import { runPage } from '@/lib/content/run-page';
import { dispatch } from '@/lib/messaging';
import type { RawRead } from '@/lib/sites/page-read';
import { ScholarDb } from '@/lib/store/db';

const URL_ = 'https://arxiv.org/search/?searchtype=all&query=graphs';

function result(over: Record<string, unknown> = {}) {
  return {
    idHref: 'https://arxiv.org/abs/2501.00001', listTitle: '', abstractId: '2501.00001v2-abstract-full',
    tags: ['\n cs.DS '], dates: ' Submitted 3 January, 2025;  v1 submitted 1 January, 2025; ', notes: [],
    title: '\n   Graphs\n   and  trees ', anchors: [{ text: ' Ada  Lovelace ', href: '/search/?searchtype=author&query=Lovelace%2C+A' }],
    abstract: ' We study\n graphs. ', fullHrefs: [], doiHref: null, doiText: '', pdfHref: '/pdf/2501.00001', htmlHref: null,
    ...over,
  };
}

function read(results: unknown[]): RawRead {
  return {
    ok: true, site: 'arxiv', url: URL_, pageType: 'search', scrapedAt: '2026-01-01T00:00:00.000Z',
    raw: { kind: 'arxiv-search', results: results as RawRead['raw'] extends { results: infer R } ? R : never, heading: 'Showing 1–1 of 1 results for all: graphs', noResults: false },
  } as RawRead;
}

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`raw-unit-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('ingestRead', () => {
  it('finishes a raw search result: collapsed texts, parsed dates and version, resolved links', async () => {
    const reply = await dispatch({ type: 'ingestRead', payload: { read: read([result()]) } }, createHandlers(db));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { reason: string | null; stored: number; profile: { papers: { title: string; abstract: string; version: number; published: string; updated: string; links: { pdf: string }; authors: string[] }[] } };
    expect(data.reason).toBeNull();
    expect(data.stored).toBe(1);
    expect(data.profile.papers[0]).toMatchObject({
      title: 'Graphs and trees', abstract: 'We study graphs.', version: 2, published: '2025-01-01', updated: '2025-01-03',
      authors: ['Ada Lovelace'], links: { pdf: 'https://arxiv.org/pdf/2501.00001' },
    });
  });

  it.each([
    ['a field missing', { ...read([result()]), raw: { kind: 'arxiv-search', results: [result({ title: undefined })], heading: '', noResults: false } }],
    ['an unknown kind', { ...read([]), raw: { kind: 'arxiv-everything', results: [] } }],
    ['a number for a text', read([result({ abstract: 42 })])],
    ['a text over the limit', read([result({ title: 'x'.repeat(1_000_001) })])],
    ['no page type', { ...read([result()]), pageType: 'home' }],
  ])('rejects a malformed read (%s) as an invalid message, storing nothing', async (_why, bad) => {
    const reply = await dispatch({ type: 'ingestRead', payload: { read: bad } }, createHandlers(db));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await db.papers.count()).toBe(0);
  });

  it('answers a read it cannot finish with the reason, and stores nothing', async () => {
    const reply = await dispatch({ type: 'ingestRead', payload: { read: read([result(), result({ idHref: null, listTitle: 'no id here' })]) } }, createHandlers(db));
    expect(reply).toEqual({ ok: true, data: { authorId: null, stored: 0, profile: null, reason: 'result 2: no arXiv id' } });
    expect(await db.papers.count()).toBe(0);
  });
});

describe('runPage with a raw read', () => {
  const deps = (answer: { profile: null; reason: string | null }, shown: string[]) => ({
    read: () => read([result()]),
    findAuthorAnchors: () => [],
    ingest: async () => { throw new Error('a raw read goes through ingestRead'); },
    ingestRead: async () => answer,
    lookup: async () => [],
    showOverlay: async () => { shown.push('overlay'); },
    showBadge: async () => { shown.push('badge'); },
  });

  it('says "not recognised" with the background\'s reason and shows nothing', async () => {
    const shown: string[] = [];
    const outcome = await runPage(document, URL_, deps({ profile: null, reason: 'result 1: no arXiv id' }, shown));
    expect(outcome).toEqual({ kind: 'unrecognised', reason: 'result 1: no arXiv id' });
    expect(shown).toEqual([]);
  });

  it('shows the overlay for the profile the background stored', async () => {
    const shown: string[] = [];
    const reply = await dispatch({ type: 'ingestRead', payload: { read: read([result()]) } }, createHandlers(db));
    const profile = reply.ok ? (reply.data as { profile: never }).profile : null;
    const outcome = await runPage(document, URL_, { ...deps({ profile: null, reason: null }, shown), ingestRead: async () => ({ profile, reason: null }) });
    expect(outcome).toEqual({ kind: 'overlay', papers: 1 });
    expect(shown).toEqual(['overlay']);
  });
});
