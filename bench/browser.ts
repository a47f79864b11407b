/**
 * Figures measured in real Chromium (bench/README.md, "The browser bench"):
 *
 * - `scrape.<dir>/<stem>.ratio` for every real capture an adapter reads as a page: median time of
 *   the content script's reader, the adapter's `read(doc, url)` (lib/sites/<site>-scrape.ts, not
 *   the validating `parse`), on an already-parsed document / median time of
 *   `new DOMParser().parseFromString(text, 'text/html')` (`text/xml` for an XML page) of the same
 *   text. Target ≤ 0.25 each. Where the reader reads the page raw (lib/sites/raw-schema.ts), the
 *   background's finishing of that read is `scrape.<dir>/<stem>.finishRatio`, on the same scale: not
 *   the page's time, so no target. `scrape.<dir>/<stem>.firstReadMs`: the first read in a fresh page
 *   (unoptimised code, as a content script runs once), for reading. Captures an adapter does not read as a page (API answers in JSON,
 *   YAML cassettes, Atom feeds: text parsers, no document) are listed as skipped, with the reason.
 * - `dexie.ratio`: upsert of 5,000 papers through ScholarDb (`bulkPut` in a `rw` transaction, as
 *   ingest writes) / raw IndexedDB `put` of the same objects in one transaction. Target ≤ 1.3.
 * - `popup.firstRenderMs`: PopupApp's first render of a cached 1,000-paper profile, in a freshly
 *   loaded 400×600 page (cold, as every popup opening is): median over fresh pages. Target < 100.
 *   `popup.warmRenderMs`: the same render repeated in one page (JIT warm), for reference.
 *
 * How: bench/browser/page.ts (which imports the real adapters, ScholarDb, PopupApp) is bundled with
 * esbuild into a temp dir, served by request interception at a made-up http origin (nothing leaves
 * the machine), and driven with playwright-core in Debian's Chromium. All timing happens in the page.
 *
 * `npx tsx bench/browser.ts` runs it alone and merges its keys into bench/results.json;
 * bench/run.ts calls `browserBench()`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM, missingChromiumMessage } from '../scripts/browser';
import type { BenchApi, Capture, ScrapeFigure } from './browser/page';
import { report } from './report';
import type { BenchPart } from './requests';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES_DIR = resolve(process.env.SCHOLAR_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures'));
const ORIGIN = 'http://scholar-lens-bench.test';
const DEXIE_N = 5000;
const POPUP_N = 1000;
/** Fresh pages per capture for `scrape.<capture>.firstReadMs` (their median). */
const FIRST_READ_PAGES = 7;
/** Fresh page loads for `popup.firstRenderMs` (after one more, not counted). */
const POPUP_LOADS = 9;

export const BROWSER_TARGETS = { scrape: 0.25, dexie: 1.3, popupFirstRenderMs: 100 } as const;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** `scrape.arxiv/abs-2106.09608v2-2021.ratio`: the capture's folder and file name without extension. */
export function scrapeKey(file: string): string {
  return `scrape.${file.replace(/\.[a-z]+$/i, '')}.ratio`;
}

/** The captures listed in MANIFEST.tsv, with the URL each was captured from (the first URL in its column). */
function readCaptures(): { pages: Capture[]; skipped: { file: string; skipped: string }[] } {
  const manifest = join(FIXTURES_DIR, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return { pages: [], skipped: [{ file: '*', skipped: `no fixtures at ${FIXTURES_DIR} (set SCHOLAR_FIXTURES)` }] };
  const lines = readFileSync(manifest, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  const pages: Capture[] = [];
  const skipped: { file: string; skipped: string }[] = [];
  for (const line of lines) {
    const [file, , , original] = line.split('\t');
    if (!file) continue;
    if (!/\.(html?|xml)$/i.test(file)) {
      skipped.push({ file, skipped: 'an API answer (JSON / recorded cassette): read from text by a feed parser, no document to compare with' });
      continue;
    }
    const url = /https?:\/\/\S+/.exec(original ?? '')?.[0];
    if (!url) {
      skipped.push({ file, skipped: 'no URL in MANIFEST.tsv' });
      continue;
    }
    pages.push({ file, url, text: readFileSync(join(FIXTURES_DIR, file), 'utf8') });
  }
  return { pages, skipped };
}

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'bench/browser/page.ts')],
    outfile: join(dir, 'bench.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true, // as the extension is built
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
    logLevel: 'warning',
    plugins: [{
      // Node's `performance` is the browser's: a module that imports it (for profiling) still bundles.
      name: 'perf-hooks-shim',
      setup(b) {
        b.onResolve({ filter: /^(node:)?perf_hooks$/ }, () => ({ path: 'perf_hooks', namespace: 'shim' }));
        b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: 'export const performance = globalThis.performance;', loader: 'js' }));
      },
    }],
  });
  const css = ['entrypoints/popup/popup.css', 'components/card.css'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  // The popup's own page (entrypoints/popup/index.html: its body and root element), its CSS inlined
  // and the bench bundle in place of main.tsx.
  const html = readFileSync(join(ROOT, 'entrypoints/popup/index.html'), 'utf8')
    .replace(/<script\b[^>]*src="\.\/main\.tsx"[^>]*><\/script>/, '<script src="bench.js"></script>')
    .replace('</head>', `<style>${css}</style></head>`);
  if (!html.includes('bench.js') || !/id="app"/.test(html)) throw new Error('entrypoints/popup/index.html changed shape: no main.tsx script or #app to replace');
  writeFileSync(join(dir, 'index.html'), html);
}

async function openBench(browser: Browser, dir: string, viewport = { width: 400, height: 600 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('internetdisconnected');
    const file = join(dir, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', body: readFileSync(file) });
  });
  page.on('pageerror', (e) => console.warn(`bench page error: ${e.message}`));
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => (globalThis as { __bench?: unknown }).__bench !== undefined);
  return page;
}

export type BrowserPart = 'scrape' | 'dexie' | 'popup';
type Out = BenchPart;

const bench = (page: Page) => ({
  call: <K extends keyof BenchApi>(name: K, arg: Parameters<BenchApi[K]>[0]) =>
    page.evaluate(([n, a]) => {
      const api = (globalThis as unknown as { __bench: Record<string, (x: unknown) => unknown> }).__bench;
      return api[n as string]!(a);
    }, [name, arg] as const) as Promise<Awaited<ReturnType<BenchApi[K]>>>,
});

/** 1. Scraping vs parsing, per capture. */
async function scrapePart(browser: Browser, dir: string, out: Out): Promise<void> {
  const { pages: captures, skipped } = readCaptures();
  const page = await openBench(browser, dir, { width: 1280, height: 900 });
  const figures: ScrapeFigure[] = [...skipped];
  // One capture per call: each text crosses into the page once.
  for (const c of captures) figures.push(...(await bench(page).call('scrape', [c])));
  await page.close();
  // The first read in a fresh page, for each capture: the median of FIRST_READ_PAGES pages, since
  // one first call varies several-fold (no target: the ratios compare settled code).
  const first = new Map<string, number>();
  for (const c of captures) {
    const times: number[] = [];
    for (let i = 0; i < FIRST_READ_PAGES; i++) {
      const fresh = await openBench(browser, dir, { width: 1280, height: 900 });
      const ms = await bench(fresh).call('firstRead', c);
      await fresh.close();
      if (ms !== null) times.push(ms);
    }
    if (times.length) first.set(c.file, median(times));
  }
  const skips = new Map<string, string[]>();
  for (const f of figures) if ('skipped' in f) skips.set(f.skipped, [...(skips.get(f.skipped) ?? []), f.file]);
  for (const [why, files] of skips) out.rows.push([`scrape (skipped ${files.length})`, '—', `${why}: ${files.join(', ')}`]);
  for (const f of figures) {
    if ('skipped' in f) continue;
    const key = scrapeKey(f.file);
    const ratio = f.adapterMs / f.parseMs;
    out.results[key] = round3(ratio);
    out.targets[key] = BROWSER_TARGETS.scrape;
    out.rows.push([key, ratio.toFixed(3), `${f.site} read in the page ${f.adapterMs.toFixed(3)} ms / DOMParser ${f.parseMs.toFixed(3)} ms (${f.papers} papers)`]);
    const firstMs = first.get(f.file);
    if (firstMs !== undefined) {
      const firstKey = key.replace(/\.ratio$/, '.firstReadMs');
      out.results[firstKey] = round3(firstMs);
      out.rows.push([firstKey, firstMs.toFixed(3), `the first read in a fresh page, as a content script runs once (V8 has optimised nothing yet); median of ${FIRST_READ_PAGES} pages; no target`]);
    }
    if (f.finishMs !== null) {
      const finishKey = key.replace(/\.ratio$/, '.finishRatio');
      out.results[finishKey] = round3(f.finishMs / f.parseMs);
      out.rows.push([finishKey, (f.finishMs / f.parseMs).toFixed(3), `background finishing of the raw read ${f.finishMs.toFixed(3)} ms (not the page's time; no target)`]);
    }
  }
}

/** 2. Dexie vs raw IndexedDB. */
async function dexiePart(browser: Browser, dir: string, out: Out): Promise<void> {
  const page = await openBench(browser, dir);
  const d = await bench(page).call('dexie', DEXIE_N);
  await page.close();
  const ratio = d.aMs / d.bMs;
  out.results['dexie.ratio'] = round3(ratio);
  out.targets['dexie.ratio'] = BROWSER_TARGETS.dexie;
  const samples = `${d.aAll.map((x) => x.toFixed(0)).join(' ')} / ${d.bAll.map((x) => x.toFixed(0)).join(' ')}`;
  out.rows.push(['dexie.ratio', ratio.toFixed(3), `Dexie ${d.dexieVersion} bulkPut ${d.aMs.toFixed(1)} ms / raw IndexedDB put ${d.bMs.toFixed(1)} ms (${d.n} papers, one transaction each, committed; samples ${samples} ms)`]);
}

/** 3. The popup's first render: a fresh page per sample (the first one not counted), then the warm figure. */
async function popupPart(browser: Browser, dir: string, out: Out): Promise<void> {
  const cold: number[] = [];
  let shown = '';
  for (let i = 0; i <= POPUP_LOADS; i++) {
    const page = await openBench(browser, dir);
    const r = await bench(page).call('popupFirstRender', POPUP_N);
    await page.close();
    if (i > 0) cold.push(r.ms);
    shown = `${r.heads}, ${r.rows} rows in the DOM`;
  }
  const page = await openBench(browser, dir);
  const warm = await bench(page).call('popupWarmRender', POPUP_N);
  await page.close();
  const first = median(cold);
  out.results['popup.firstRenderMs'] = round3(first);
  out.targets['popup.firstRenderMs'] = BROWSER_TARGETS.popupFirstRenderMs;
  out.results['popup.warmRenderMs'] = round3(warm);
  out.rows.push(['popup.firstRenderMs', first.toFixed(3), `PopupApp, cached ${POPUP_N}-paper profile, fresh 400×600 page; median of ${cold.length} (${Math.min(...cold).toFixed(1)}–${Math.max(...cold).toFixed(1)}); ${shown}`]);
  out.rows.push(['popup.warmRenderMs', warm.toFixed(3), 'the same render repeated in one page (JIT warm), median']);
}

/** Run the browser figures (all three parts unless told): the keys for results.json, the table's rows, the targets. */
export async function browserBenchPart(parts: readonly BrowserPart[] = ['scrape', 'dexie', 'popup']): Promise<BenchPart> {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-bench-'));
  const out: Out = { results: {}, rows: [], targets: {}, misses: [] };
  let browser: Browser | null = null;
  try {
    await bundle(dir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (parts.includes('scrape')) await scrapePart(browser, dir, out);
    if (parts.includes('dexie')) await dexiePart(browser, dir, out);
    if (parts.includes('popup')) await popupPart(browser, dir, out);
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [key, max] of Object.entries(out.targets)) {
    const v = out.results[key];
    if (v !== undefined && v > max) out.misses.push(`MISS ${key} = ${v} (target ≤ ${max})`);
  }
  return out;
}

/**
 * For bench/run.ts: runs every browser figure, prints its table and MISS lines, and returns the keys
 * to merge into results.json.
 */
export async function browserBench(): Promise<Record<string, number>> {
  const { results, rows, misses } = await browserBenchPart();
  const width = Math.max(...rows.map((r) => r[0]!.length));
  const valueWidth = Math.max(...rows.map((r) => r[1]!.length));
  for (const [key, value, note] of rows) console.log(`${key!.padEnd(width)}  ${value!.padStart(valueWidth)}  ${note}`);
  for (const m of misses) console.log(m);
  return results;
}

// `npx tsx bench/browser.ts [scrape] [dexie] [popup]`: run alone (all parts, or those named), merge into results.json, print.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2) as BrowserPart[];
  const { results, rows, targets } = await browserBenchPart(named.length ? named : undefined);
  report(results, rows, targets);
}
