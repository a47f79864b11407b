/**
 * Requests sent to enrich one author's profile: `requests.cold50`, `requests.cold1200` (empty cache)
 * and `requests.warm1200` (the same profile again within the TTLs). The whole background path runs —
 * handlers.ingest of an arXiv author page → plan → Dexie queue → Enricher → HTTP client — against an
 * injected fetch answering in the APIs' recorded shapes, with IndexedDB from fake-indexeddb. Counts
 * come from the client's `stats()` (every attempt to every host); nothing is timed.
 *
 * Targets: cold ≤ (⌈N/500⌉ + 3) to Semantic Scholar (citation batches + who the author is) and
 * ≤ ⌈N/100⌉ to the arXiv API; warm 0. `npx tsx bench/requests.ts` runs this alone; bench/run.ts
 * runs it with the rest.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../lib/background/handlers';
import { Enricher } from '../lib/enrich/runner';
import { Paper, type AuthorRef, type ScrapeResult } from '../lib/schema';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { createHttpClient } from '../lib/sources/http';
import { ScholarDb } from '../lib/store/db';
import { report } from './report';
import { atomFeed, type EntryShape } from '../tests/arxiv-feed';

// Dexie reads the IndexedDB globals when first imported; whoever imported it before us (bench/run.ts
// imports other modules first) must still get fake-indexeddb.
if (!Dexie.dependencies.indexedDB) Object.assign(Dexie.dependencies, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

const ARXIV = 'export.arxiv.org';
const S2 = 'api.semanticscholar.org';
const T0 = Date.parse('2026-07-01T12:00:00.000Z');
const HOUR = 3_600_000;

const AUTHOR: AuthorRef = { name: 'Ada Lovelace', url: 'https://arxiv.org/a/lovelace_a_1', arxivId: 'lovelace_a_1', query: null };
const S2_AUTHOR_ID = '1741101';

// ---------------------------------------------------------------- the fake network (recorded shapes)

/** N distinct new-style arXiv ids spread over 2015–2024. */
function arxivIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const yy = 15 + (i % 10);
    const mm = 1 + (Math.floor(i / 10) % 12);
    return `${yy}${String(mm).padStart(2, '0')}.${String(10000 + Math.floor(i / 120)).padStart(5, '0')}`;
  });
}

/** What the API says of every paper (the shape: tests/arxiv-feed.ts). */
const ENTRY: EntryShape = {
  title: (id) => `Synthetic paper ${id}`,
  summary: (id) => `The abstract of ${id}, which only the API gives.`,
  categories: ['cs.LG'],
  authors: ['Ada Lovelace', 'Charles Babbage'],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * S2 POST /paper/batch: an array aligned with the ids, null for every 10th (unknown to S2);
 * GET /paper/ARXIV:<id>?fields=authors and GET /author/<id>: the author look-up;
 * arXiv GET /api/query?id_list=…: a feed with every id asked for.
 */
const fakeFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const method = init?.method ?? 'GET';
  if (url.hostname === S2 && url.pathname === '/graph/v1/paper/batch' && method === 'POST') {
    const { ids } = JSON.parse(String(init?.body)) as { ids: string[] };
    return json(ids.map((full, k) => {
      const id = full.replace(/^ARXIV:/, '');
      return k % 10 === 9 ? null : { paperId: `s2${id.replace('.', '')}`.padEnd(40, '0'), externalIds: { ArXiv: id, DOI: `10.48550/arXiv.${id}`, CorpusId: 200000 + k }, title: `Synthetic paper ${id}`, citationCount: (k * 37) % 211 };
    }));
  }
  if (url.hostname === S2 && url.pathname.startsWith('/graph/v1/paper/ARXIV:')) {
    return json({ paperId: 'f'.repeat(40), authors: [{ authorId: S2_AUTHOR_ID, name: 'Ada Lovelace' }, { authorId: '2262347', name: 'Charles Babbage' }] });
  }
  if (url.hostname === S2 && url.pathname === `/graph/v1/author/${S2_AUTHOR_ID}`) {
    return json({ authorId: S2_AUTHOR_ID, name: 'Ada Lovelace', affiliations: [], paperCount: 1200, citationCount: 90000, hIndex: 80, externalIds: {} });
  }
  if (url.hostname === ARXIV && url.pathname === '/api/query') {
    const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    return new Response(atomFeed(ids, ENTRY), { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
  }
  return json({ error: 'Not found' }, 404);
};

// ---------------------------------------------------------------- one profile, cold then warm

/** An arXiv author page listing N papers: no abstract, no date, no citation count. */
function authorPage(n: number): ScrapeResult {
  const at = new Date(T0).toISOString();
  const papers = arxivIds(n).map((id) => Paper.parse({
    id, arxivId: id, title: `Synthetic paper ${id}`,
    authors: ['Ada Lovelace', 'Charles Babbage'], authorUrls: [AUTHOR.url, null],
    primaryCategory: 'cs.LG', categories: ['cs.LG'],
    links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` },
    source: 'arxiv', fetchedAt: at,
  }));
  return { ok: true, site: 'arxiv', pageType: 'author', url: AUTHOR.url!, author: AUTHOR, authors: [AUTHOR], papers, total: n, title: null, scrapedAt: at };
}

type Counts = { total: number; s2: number; arxiv: number };

function delta(now: Record<string, number>, before: Record<string, number>): Counts {
  const s2 = (now[S2] ?? 0) - (before[S2] ?? 0);
  const arxiv = (now[ARXIV] ?? 0) - (before[ARXIV] ?? 0);
  const total = Object.keys(now).reduce((sum, h) => sum + (now[h] ?? 0) - (before[h] ?? 0), 0);
  return { total, s2, arxiv };
}

export async function enrichProfile(n: number): Promise<{ cold: Counts; warm: Counts; pendingAfter: number }> {
  let clock = T0;
  const db = new ScholarDb(`bench-requests-${n}-${Math.random()}`);
  await db.open();
  try {
    const http = createHttpClient({
      fetch: fakeFetch,
      sleep: async () => {},
      now: () => clock,
      // Counting, not timing: no rate limit.
      hosts: { [ARXIV]: { intervalMs: 0 }, [S2]: { intervalMs: 0 } },
      logger: { warn: (m) => console.warn(m) },
    });
    const settings = async () => DEFAULT_SETTINGS;
    const now = () => new Date(clock);
    const enricher = new Enricher({ db, http, settings, now });
    const handlers = createHandlers(db, { enricher, settings, now });

    // Cold: the author page is read, the handler queues and starts the runner; wait for it.
    const { authorId } = await handlers.ingest({ scrape: authorPage(n) });
    await enricher.kick();
    const cold = delta(http.stats(), {});

    // Warm: the popup opens the same profile an hour later (refresh: true).
    clock = T0 + HOUR;
    const before = http.stats();
    await handlers.getProfile({ authorId: authorId ?? undefined, refresh: true });
    await enricher.kick();
    const warm = delta(http.stats(), before);
    return { cold, warm, pendingAfter: await db.jobs.count() };
  } finally {
    db.close();
    await db.delete();
  }
}

export interface BenchPart {
  results: Record<string, number>;
  /** [key, value, note] rows for the table. */
  rows: string[][];
  /** key → the largest acceptable value. */
  targets: Record<string, number>;
  /** MISS lines for the per-host targets (already printed). */
  misses: string[];
}

export async function requestsBench(): Promise<BenchPart> {
  const out: BenchPart = { results: {}, rows: [], targets: {}, misses: [] };
  for (const n of [50, 1200]) {
    const { cold, warm, pendingAfter } = await enrichProfile(n);
    const s2Max = Math.ceil(n / 500) + 3;
    const arxivMax = Math.ceil(n / 100);
    out.results[`requests.cold${n}`] = cold.total;
    out.targets[`requests.cold${n}`] = s2Max + arxivMax;
    out.rows.push([`requests.cold${n}`, String(cold.total), `S2 ${cold.s2} (≤ ${s2Max}), arXiv ${cold.arxiv} (≤ ${arxivMax}); jobs left ${pendingAfter}`]);
    if (cold.s2 > s2Max) out.misses.push(`MISS requests.cold${n} to S2 = ${cold.s2} (target ≤ ${s2Max})`);
    if (cold.arxiv > arxivMax) out.misses.push(`MISS requests.cold${n} to arXiv = ${cold.arxiv} (target ≤ ${arxivMax})`);
    if (pendingAfter > 0) out.misses.push(`MISS requests.cold${n}: ${pendingAfter} jobs left after the run (target 0)`);
    if (n === 1200) {
      out.results[`requests.warm${n}`] = warm.total;
      out.targets[`requests.warm${n}`] = 0;
      out.rows.push([`requests.warm${n}`, String(warm.total), `S2 ${warm.s2}, arXiv ${warm.arxiv}, one hour later (within the TTLs)`]);
    }
  }
  for (const m of out.misses) console.log(m);
  return out;
}

// ---------------------------------------------------------------- alone: npx tsx bench/requests.ts

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results, rows, targets } = await requestsBench();
  report(results, rows, targets);
}
