/**
 * The browser half of bench/browser.ts: bundled by esbuild, loaded into a Chromium page, and driven
 * through `window.__bench`. Every figure is measured here, with the page's own `performance.now()`;
 * Node only starts the browser, hands in the captures and collects the numbers.
 */
import Dexie from 'dexie';
import { h, render } from 'preact';
import { PopupApp, type PopupWatchDeps } from '@/components/PopupApp';
import type { PageType } from '@/lib/schema';
import * as arxiv from '@/lib/sites/arxiv-scrape';
import * as dblp from '@/lib/sites/dblp-scrape';
import { finishRead } from '@/lib/sites/finish';
import { type PageRead, isRawRead } from '@/lib/sites/page-read';
import * as gscholar from '@/lib/sites/gscholar-scrape';
import * as openreview from '@/lib/sites/openreview-scrape';
import * as semanticscholar from '@/lib/sites/semanticscholar-scrape';
import { ScholarDb } from '@/lib/store/db';
import { buildProfile } from '@/lib/store/profile';
import type { Paper } from '@/lib/schema';
import { PROFILE_AUTHOR, syntheticPapers } from '../synthetic';

/** A value the optimiser cannot prove unused. */
let sink: unknown = null;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Paired { aMs: number; bMs: number; aAll: number[]; bAll: number[] }

/**
 * Medians of two synchronous calls, sampled in alternation (a b, b a, a b, …) so drift in the
 * machine's speed lands on both: a warm-up first (both in alternation until each has run
 * `warmupCalls` times or for `warmupMs`), then `samples` samples of each, each sample repeating its
 * call until it lasts ≥ `minSampleMs` (as bench/timing.ts does). V8 takes a dozen calls or more of a
 * page reader to settle on optimised code (the search page's read went 9 → 3.3 ms over its first
 * ~15 calls): with 3 warm-up calls the first samples caught it mid-way, and the median of the same
 * code moved by a quarter between runs.
 */
function pairedSync(a: () => unknown, b: () => unknown, { warmupCalls = 30, warmupMs = 400, samples = 9, minSampleMs = 20 } = {}): Paired {
  const last = { a: Infinity, b: Infinity };
  const spent = { a: 0, b: 0 };
  const warm = (k: 'a' | 'b', calls: number) => calls >= warmupCalls || spent[k] >= warmupMs;
  for (let i = 0; !warm('a', i) || !warm('b', i); i++) {
    for (const [k, fn] of [['a', a], ['b', b]] as const) {
      const t0 = performance.now();
      sink = fn();
      const t = performance.now() - t0;
      spent[k] += t;
      last[k] = t;
    }
  }
  const reps = (one: number) => Math.max(1, Math.ceil(minSampleMs / Math.max(one, 1e-3)));
  const ra = reps(last.a);
  const rb = reps(last.b);
  const sample = (fn: () => unknown, r: number) => {
    const t0 = performance.now();
    for (let i = 0; i < r; i++) sink = fn();
    return (performance.now() - t0) / r;
  };
  const ta: number[] = [];
  const tb: number[] = [];
  for (let s = 0; s < samples; s++) {
    if (s % 2) {
      tb.push(sample(b, rb));
      ta.push(sample(a, ra));
    } else {
      ta.push(sample(a, ra));
      tb.push(sample(b, rb));
    }
  }
  return { aMs: median(ta), bMs: median(tb), aAll: ta, bAll: tb };
}

/** The same for two asynchronous calls (each slow enough to time alone). */
async function pairedAsync(a: () => Promise<unknown>, b: () => Promise<unknown>, { warmup = 2, samples = 9 } = {}): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    sink = await fn();
    return performance.now() - t0;
  };
  const ta: number[] = [];
  const tb: number[] = [];
  for (let s = 0; s < samples; s++) {
    if (s % 2) {
      tb.push(await time(b));
      ta.push(await time(a));
    } else {
      ta.push(await time(a));
      tb.push(await time(b));
    }
  }
  return { aMs: median(ta), bMs: median(tb), aAll: ta, bAll: tb };
}

// ---------------------------------------------------------------- 1. scraping vs parsing

export interface Capture { file: string; url: string; text: string }
export type ScrapeFigure =
  | { file: string; parseMs: number; adapterMs: number; site: string; papers: number; finishMs: number | null }
  | { file: string; skipped: string };

/**
 * The page readers the content scripts run (entrypoints/*.content: `read` of
 * lib/sites/<site>-scrape.ts, the Zod-free half of each adapter; the background finishes raw reads
 * and validates what they send), in the order of lib/sites/registry.ts `adapters`.
 */
interface PageReader {
  site: string;
  matches(url: string): boolean;
  pageType(url: string): PageType | null;
  read(doc: Document, url: string): PageRead;
}
const READERS: readonly PageReader[] = [arxiv, gscholar, dblp, semanticscholar, openreview];

/**
 * For each capture: the median time of the content script's `read(doc, url)` on a document parsed
 * once, and of `new DOMParser().parseFromString(text, type)` for the same text — `text/html` for
 * HTML, `text/xml` for an XML page (a DBLP export open in a tab is an XML document, which the DBLP
 * content script reads from the tab's DOM). For a raw read, also the median time of the
 * background's `finishRead` of it (in the page here; no target: it is not the page's time).
 */
function scrape(captures: Capture[]): ScrapeFigure[] {
  return captures.map((c): ScrapeFigure => {
    const reader = READERS.find((r) => r.matches(c.url));
    if (!reader || reader.pageType(c.url) === null) return { file: c.file, skipped: 'a feed (arXiv API Atom): read from text by a feed parser, not a page an adapter reads' };
    const type: DOMParserSupportedType = /\.xml$/i.test(c.file) ? 'text/xml' : 'text/html';
    const parseDoc = () => new DOMParser().parseFromString(c.text, type);
    const doc = parseDoc();
    const first = reader.read(doc, c.url);
    const draft = isRawRead(first) ? finishRead(first) : first;
    if (!draft.ok) return { file: c.file, skipped: `${reader.site} did not read it: ${draft.reason}` };
    const { aMs, bMs } = pairedSync(() => reader.read(doc, c.url), parseDoc);
    const finishMs = isRawRead(first) ? pairedSync(() => finishRead(first), parseDoc).aMs : null;
    return { file: c.file, adapterMs: aMs, parseMs: bMs, site: reader.site, papers: draft.papers.length, finishMs };
  });
}

/**
 * The first `read` of a capture in a page that has run no reader yet, as a content script runs it
 * (once, before V8 has optimised anything), in milliseconds; null for a capture no reader reads.
 */
function firstRead(c: Capture): number | null {
  const reader = READERS.find((r) => r.matches(c.url));
  if (!reader || reader.pageType(c.url) === null) return null;
  const doc = new DOMParser().parseFromString(c.text, /\.xml$/i.test(c.file) ? 'text/xml' : 'text/html');
  const t0 = performance.now();
  sink = reader.read(doc, c.url);
  return performance.now() - t0;
}

// ---------------------------------------------------------------- 2. Dexie vs raw IndexedDB

function rawPutAll(db: IDBDatabase, papers: readonly Paper[]): Promise<void> {
  return new Promise((ok, fail) => {
    const tx = db.transaction('papers', 'readwrite');
    const store = tx.objectStore('papers');
    for (const p of papers) store.put(p);
    tx.commit(); // nothing more to come: no need to wait for the auto-commit
    tx.oncomplete = () => ok();
    tx.onerror = tx.onabort = () => fail(tx.error);
  });
}

/**
 * Upsert of n papers through ScholarDb the way ingest writes them (`bulkPut` inside a `rw`
 * transaction) vs raw IndexedDB `put` of the same objects in one transaction, on the very same object
 * store (Dexie's own IDBDatabase, `db.backendDB()`), so both write to one database with one schema.
 * Both wait for the commit. After the warm-up every write overwrites the n rows already there.
 */
async function dexie(n: number): Promise<Paired & { n: number; dexieVersion: string }> {
  // As an arXiv author page gives them: titles, no abstracts. Smaller rows make Dexie's per-row work
  // a larger share of the whole than abstracts (≈1.5 kB each, all cloning and disk) would.
  const papers = syntheticPapers(n, { seed: n, text: true }).map((p) => ({ ...p, abstract: null }));
  await Dexie.delete('bench-dexie');
  const db = new ScholarDb('bench-dexie');
  await db.open();
  try {
    const raw = db.backendDB();
    const out = await pairedAsync(
      () => db.transaction('rw', db.papers, () => db.papers.bulkPut(papers)),
      () => rawPutAll(raw, papers),
    );
    if ((await db.papers.count()) !== n) throw new Error('not every paper was stored');
    return { ...out, n, dexieVersion: Dexie.semVer };
  } finally {
    db.close();
    await Dexie.delete('bench-dexie');
  }
}

// ---------------------------------------------------------------- 3. the popup's first render

/** The next task: everything queued as a microtask (Preact's re-renders, promise callbacks) has run. */
const nextTask = () => new Promise<void>((ok) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => ok();
  ch.port2.postMessage(null);
});

function popupProfile(n: number) {
  const papers = syntheticPapers(n, { seed: n, text: true });
  const author = { id: 'arxiv:lovelace_a_1', name: PROFILE_AUTHOR, ids: { arxiv: 'lovelace_a_1' }, affiliations: [], url: null };
  return buildProfile(author, PROFILE_AUTHOR, papers, '2026-01-01T00:00:00.000Z');
}

/** The popup's watchlist features, as entrypoints/popup/main.tsx passes them (never called here). */
const WATCH: PopupWatchDeps = {
  loadAuthor: async () => null,
  toggle: async (_id, watched) => watched,
  markSeen: async () => {},
  exportProfile: async () => ({ filename: 'x', bytes: 0 }) as never,
  list: async () => ({ items: [], newPapers: 0 }) as never,
  setNote: async () => {},
  unwatch: async () => {},
  check: async () => ({}) as never,
  exportAll: async () => ({}) as never,
  newPapers: 0,
};

/**
 * One render of `PopupApp` showing a cached profile of n papers, in milliseconds: from the moment
 * the popup asks for the profile (the loader is called; it answers at once, as from a cache) until
 * the profile is in the DOM and laid out (a forced layout at the first task after it appears).
 * Excluded: building the profile, and the frame PopupApp waits before asking (it asks in an effect).
 */
async function renderOnce(profile: ReturnType<typeof popupProfile>, root: HTMLElement): Promise<{ ms: number; rows: number }> {
  let t0 = Number.NaN;
  const load = () => {
    t0 = performance.now();
    return Promise.resolve(profile);
  };
  render(h(PopupApp, { load, watch: WATCH }), root);
  // PopupApp asks for the profile in an effect, i.e. after the next frame: wait for it (up to 10 s).
  const since = performance.now();
  while ((Number.isNaN(t0) || !root.querySelector('.sl-paper')) && performance.now() - since < 10_000) await nextTask();
  if (Number.isNaN(t0) || !root.querySelector('.sl-paper')) throw new Error('the popup did not render the profile');
  sink = document.body.getBoundingClientRect().height;
  const ms = performance.now() - t0;
  return { ms, rows: root.querySelectorAll('.sl-paper').length };
}

async function popupFirstRender(n: number): Promise<{ ms: number; rows: number; heads: string }> {
  const profile = popupProfile(n);
  const root = document.getElementById('app')!;
  const out = await renderOnce(profile, root);
  return { ...out, heads: root.querySelector('.sl-papers-head')?.textContent ?? '' };
}

/** The same render again and again in one page (JIT warm): median of `samples` after `warmup`. */
async function popupWarmRender(n: number, { warmup = 3, samples = 9 } = {}): Promise<number> {
  const profile = popupProfile(n);
  const root = document.getElementById('app')!;
  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    render(null, root);
    await nextTask();
    const { ms } = await renderOnce(profile, root);
    if (i >= warmup) times.push(ms);
  }
  render(null, root);
  return median(times);
}

const api = { scrape, firstRead, dexie, popupFirstRender, popupWarmRender, sink: () => sink };
export type BenchApi = typeof api;
(globalThis as unknown as { __bench: BenchApi }).__bench = api;
