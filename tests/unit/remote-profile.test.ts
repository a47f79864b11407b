import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { Enricher } from '@/lib/enrich/runner';
import { runPage } from '@/lib/content/run-page';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { parse as parseS2Page } from '@/lib/sites/semanticscholar-page';
import { createHttpClient } from '@/lib/sources/http';
import { isRemoteProfileUrl } from '@/lib/sources/remote-profile';
import { ScholarDb } from '@/lib/store/db';
import { describeFixtures, readFixture } from '../fixtures';

const S2_PAGE = 'https://www.semanticscholar.org/author/A.-Turing/2262347';
const OR_PAGE = 'https://openreview.net/profile?id=~Ada_Example1';

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`remote-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

it('knows which pages are apps whose data comes from an API', () => {
  expect(isRemoteProfileUrl(S2_PAGE)).toBe(true);
  expect(isRemoteProfileUrl(OR_PAGE)).toBe(true);
  expect(isRemoteProfileUrl('https://arxiv.org/a/zhao_y_1')).toBe(false);
});

describeFixtures('app pages read through the background', () => {
  function handlersWith(answer: (url: string) => Response, calls: string[]) {
    const fetch = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return answer(String(input));
    }) as typeof globalThis.fetch;
    const http = createHttpClient({ fetch, sleep: async () => {}, hosts: { 'api.semanticscholar.org': { intervalMs: 0 }, 'api2.openreview.net': { intervalMs: 0 } } });
    const off = { ...DEFAULT_SETTINGS, sources: { ...DEFAULT_SETTINGS.sources, arxivApi: false, semanticScholar: false } };
    const enricher = new Enricher({ db, http, settings: async () => off });
    return createHandlers(db, { enricher, settings: async () => off, http });
  }

  it('a Semantic Scholar author page: the Graph API record becomes the profile, its numbers reported', async () => {
    const calls: string[] = [];
    const handlers = handlersWith(() => new Response(readFixture('semanticscholar/author-2262347.json'), { headers: { 'content-type': 'application/json' } }), calls);
    const shown: string[] = [];
    const outcome = await runPage(document, S2_PAGE, {
      read: parseS2Page,
      findAuthorAnchors: () => [],
      ingest: async () => null,
      ingestRead: async () => ({ profile: null, reason: null }),
      lookup: async () => [],
      fetchRemote: async (url) => (await handlers.fetchProfile({ url })).profile,
      showOverlay: async (p) => { shown.push(`${p.author?.name}: ${p.papers.length}`); },
      showBadge: async () => {},
    });
    expect(outcome).toEqual({ kind: 'overlay', papers: 60 });
    expect(shown).toEqual(['A. Turing: 60']);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/author\/2262347\?fields=/);
    const { profile } = await handlers.getProfile({ authorId: 's2:2262347' });
    expect(profile?.reported.map((r) => [r.metric, r.value])).toEqual([['h', 23], ['citations', 12415], ['papers', 60]]);
  });

  it('an OpenReview profile page: the notes become the profile', async () => {
    const calls: string[] = [];
    const handlers = handlersWith(() => new Response(readFixture('openreview/notes-search-trimmed.json'), { headers: { 'content-type': 'application/json' } }), calls);
    const { profile, reason } = await handlers.fetchProfile({ url: OR_PAGE });
    expect(reason).toBeNull();
    expect(profile?.author?.id).toBe('openreview:~Ada_Example1');
    expect(profile?.papers.length).toBeGreaterThan(0);
    expect(calls[0]).toBe('https://api2.openreview.net/notes?content.authorids=~Ada_Example1&limit=1000');
  });

  it('a failing API gives a reason, not a crash', async () => {
    const handlers = handlersWith(() => new Response('{"oops":', { headers: { 'content-type': 'application/json' } }), []);
    const { profile, reason } = await handlers.fetchProfile({ url: S2_PAGE });
    expect(profile).toBeNull();
    expect(reason).toMatch(/not JSON/);
  });
});
