import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { Enricher } from '@/lib/enrich/runner';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { createHttpClient } from '@/lib/sources/http';
import { ScholarDb } from '@/lib/store/db';
import { makePaper } from '../make-paper';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`second-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function setup(settings: Settings, calls: string[]) {
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    if (url.startsWith('https://huggingface.co/api/papers/2106.09608')) return json({ id: '2106.09608', githubRepo: 'https://github.com/rajammanabrolu/WorldGeneration', githubStars: 40 });
    if (url.startsWith('https://huggingface.co/api/papers/')) return json({ error: 'not found' }, 404);
    if (url.startsWith('https://api.openalex.org/authors/orcid:0000-0001-0002-0003')) {
      return json({ id: 'https://openalex.org/A5023888391', display_name: 'P. Ammanabrolu', works_count: 75, cited_by_count: 4300, summary_stats: { h_index: 29, i10_index: 40, '2yr_mean_citedness': 3.2 }, counts_by_year: [] });
    }
    return json({ error: 'unexpected' }, 404);
  }) as typeof globalThis.fetch;
  const http = createHttpClient({ fetch, sleep: async () => {}, hosts: { 'huggingface.co': { intervalMs: 0 }, 'api.openalex.org': { intervalMs: 0 } } });
  const enricher = new Enricher({ db, http, settings: async () => settings });
  return { enricher, handlers: createHandlers(db, { enricher, settings: async () => settings }) };
}

const ON: Settings = {
  ...DEFAULT_SETTINGS,
  sources: { arxivApi: false, semanticScholar: false, openAlex: true, huggingface: true },
  keys: { semanticScholar: '', openAlex: 'my-key' },
};

async function seed() {
  await db.papers.bulkPut([
    makePaper({ id: '2106.09608', arxivId: '2106.09608', abstract: 'a', published: '2021-06-17' }),
    makePaper({ id: '2010.00685', arxivId: '2010.00685', abstract: 'a', published: '2020-10-01' }),
  ]);
  await db.authors.put({
    id: 'arxiv-query:p ammanabrolu', name: 'Prithviraj Ammanabrolu', nameKey: 'prithviraj ammanabrolu', ids: { arxivQuery: 'Ammanabrolu, P', orcid: '0000-0001-0002-0003' },
    affiliations: [], url: null, firstSeenAt: '2025-01-01T00:00:00.000Z', viewedAt: '2025-01-01T00:00:00.000Z',
  });
  await db.authorPapers.bulkPut(['2106.09608', '2010.00685'].map((paperId) => ({ authorId: 'arxiv-query:p ammanabrolu', paperId, seenAt: '2025-01-01T00:00:00.000Z' })));
}

describe('optional sources', () => {
  it('adds Hugging Face code links and OpenAlex numbers when the user turned them on', async () => {
    await seed();
    const calls: string[] = [];
    const { enricher, handlers } = setup(ON, calls);
    await handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu', refresh: true });
    await enricher.kick();
    const { profile } = await handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu' });
    expect(profile?.papers.find((p) => p.id === '2106.09608')?.links.code).toEqual(['https://github.com/rajammanabrolu/WorldGeneration']);
    expect(profile?.metrics.codeShare).toBe(0.5);
    expect(profile?.author?.ids.openalex).toBe('A5023888391');
    expect(profile?.reported.filter((r) => r.source === 'openalex').map((r) => [r.metric, r.value])).toEqual([['h', 29], ['i10', 40], ['citations', 4300], ['papers', 75]]);
    expect(calls.some((c) => c.includes('api_key=my-key'))).toBe(true);
    // Asked once per TTL.
    const n = calls.length;
    await handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu', refresh: true });
    await enricher.kick();
    expect(calls.length).toBe(n);
  });

  it('asks neither when they are off (the default), nor OpenAlex without a key', async () => {
    await seed();
    const calls: string[] = [];
    const off = setup({ ...DEFAULT_SETTINGS, sources: { ...DEFAULT_SETTINGS.sources, arxivApi: false, semanticScholar: false } }, calls);
    await off.handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu', refresh: true });
    await off.enricher.kick();
    const noKey = setup({ ...ON, keys: { semanticScholar: '', openAlex: '' }, sources: { ...ON.sources, huggingface: false } }, calls);
    await noKey.handlers.getProfile({ authorId: 'arxiv-query:p ammanabrolu', refresh: true });
    await noKey.enricher.kick();
    expect(calls).toEqual([]);
  });
});
