/**
 * `npm run bench`: performance as ratios measured within one run (no timed assertions anywhere), written
 * to bench/results.json (merged into the keys other benches wrote) and printed as a table.
 *
 * Figures (see bench/README.md):
 * - `metrics.n{1000,10000,100000}.ratio`: median time of `metricsOfColumns` (the whole metric set) on the
 *   metric columns of N synthetic papers WITHOUT title/abstract (so Novelty is null and this is the
 *   indices, counts, name-based and profile figures), as the cache gives the columns back (a structured
 *   clone of `columnsOfPapers`: lib/store/metric-columns.ts keeps them per profile), divided by the median
 *   time of one copy + sort of the same N citation counts in a Float64Array. Machine speed cancels out;
 *   ≈ how many "sorts of the citation counts" the metric set costs. Target: n100000 ≤ 3.
 * - `metrics.indices.n100000.ratio`: the same for `indicesOfColumns`: without the name-based figures.
 * - `metrics.build.n100000.ratio`, `metrics.load.n100000.ratio`, `metrics.papers.n100000.ratio`: what the
 *   cache saves, in the same unit — building the columns from the papers (`columnsOfPapers`: once per change
 *   of the profile's papers), reading them back (a structured clone, as IndexedDB does), and
 *   `computeMetrics` on the papers (build + metric set: what a profile's first view pays). No targets.
 * - `novelty.n{500,1000,2000,4000}.ms`: median milliseconds of `novelty` on N synthetic papers WITH
 *   titles and abstracts (one author's profile). Absolute, so machine-dependent; read them together.
 * - `novelty.doublingRatio`: mean of t(2n)/t(n) over the three doublings above. ≈ 2 (2.1 with a log
 *   factor) means near-linear growth; 4 means quadratic.
 */
import { columnsOfPapers, computeMetrics, indicesOfColumns, metricsOfColumns } from '../lib/metrics/index';
import { novelty, type NoveltyPaper } from '../lib/metrics/novelty';
import { PROFILE_AUTHOR, syntheticPapers } from './synthetic';
import { medianMs } from './timing';
import { report } from './report';
import { requestsBench } from './requests';
import { browserBenchPart } from './browser';
import { bundlePart } from './bundle';


/** Targets: key → the largest acceptable value. */
const TARGETS: Record<string, number> = {
  'metrics.n100000.ratio': 3,
  'metrics.indices.n100000.ratio': 3,
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const distinctNames = (papers: { authors: string[] }[]) => new Set(papers.flatMap((p) => p.authors)).size;
const results: Record<string, number> = {};
const rows: string[][] = [];

// --- The metric set vs one sort of the citation counts -------------------------------------------
// A fixed year and the profile's author: deterministic, and the authorship figures are computed too.
const metricOptions = { year: 2026, author: PROFILE_AUTHOR };
// Warm the JIT on a small profile first, so the first size measured is not the one paying for it.
const warm = syntheticPapers(2000, { seed: 99 });
const warmCols = columnsOfPapers(warm, PROFILE_AUTHOR);
for (let i = 0; i < 30; i++) metricsOfColumns(warmCols, metricOptions);
for (let i = 0; i < 30; i++) indicesOfColumns(warmCols, metricOptions);
for (let i = 0; i < 5; i++) computeMetrics(warm, metricOptions);
for (const n of [1000, 10_000, 100_000]) {
  const papers = syntheticPapers(n, { seed: n, text: false });
  const counts = Float64Array.from(papers.flatMap((p) => (p.citations == null ? [] : [p.citations])));
  // The columns as the cache gives them back: a structured clone, as IndexedDB makes.
  const built = columnsOfPapers(papers, PROFILE_AUTHOR);
  const cols = structuredClone(built);
  const samples = n >= 100_000 ? 7 : 9;
  const sortMs = medianMs(() => counts.slice().sort(), { samples, warmup: 3 });
  const indicesMs = n === 100_000 ? medianMs(() => indicesOfColumns(cols, metricOptions), { samples, warmup: 3 }) : Number.NaN;
  const metricsMs = medianMs(() => metricsOfColumns(cols, metricOptions), { samples, warmup: 3 });
  const ratio = metricsMs / sortMs;
  results[`metrics.n${n}.ratio`] = round3(ratio);
  rows.push([`metrics.n${n}.ratio`, ratio.toFixed(3), `metricsOfColumns ${metricsMs.toFixed(3)} ms / sort ${sortMs.toFixed(3)} ms`]);
  if (n === 100_000) {
    results[`metrics.indices.n${n}.ratio`] = round3(indicesMs / sortMs);
    rows.push([`metrics.indices.n${n}.ratio`, (indicesMs / sortMs).toFixed(3), `indicesOfColumns ${indicesMs.toFixed(3)} ms / sort`]);
    // What the cache saves (no targets): the one-time build, reading the row back, and both steps on the papers.
    const buildMs = medianMs(() => columnsOfPapers(papers, PROFILE_AUTHOR), { samples: 5, warmup: 1 });
    const loadMs = medianMs(() => structuredClone(built), { samples, warmup: 2 });
    const papersMs = medianMs(() => computeMetrics(papers, metricOptions), { samples: 5, warmup: 1 });
    const names = `${distinctNames(papers)} distinct author names`;
    for (const [key, ms, what] of [
      ['build', buildMs, `columnsOfPapers (once per change of the papers; ${names})`],
      ['load', loadMs, 'structuredClone of the columns (reading the cached row)'],
      ['papers', papersMs, 'computeMetrics on the papers (build + metric set: a first view)'],
    ] as const) {
      results[`metrics.${key}.n${n}.ratio`] = round3(ms / sortMs);
      rows.push([`metrics.${key}.n${n}.ratio`, (ms / sortMs).toFixed(3), `${what} ${ms.toFixed(1)} ms / sort`]);
    }
  }
}

// --- Novelty growth --------------------------------------------------------------------------------
const noveltyMs: number[] = [];
for (const n of [500, 1000, 2000, 4000]) {
  const input: NoveltyPaper[] = syntheticPapers(n, { seed: 7, text: true }).map((p) => ({
    title: p.title,
    abstract: p.abstract,
    date: p.published ?? p.updated,
    year: p.year,
  }));
  let value: number | null = null;
  const ms = medianMs(
    () => {
      value = novelty(input);
      return value;
    },
    { warmup: 2, samples: 7, minSampleMs: 0 },
  );
  noveltyMs.push(ms);
  results[`novelty.n${n}.ms`] = round3(ms);
  rows.push([`novelty.n${n}.ms`, ms.toFixed(3), `novelty = ${value === null ? 'null' : (value as number).toFixed(2)}`]);
}
const doublings = noveltyMs.slice(1).map((t, i) => t / noveltyMs[i]!);
const doublingRatio = doublings.reduce((s, x) => s + x, 0) / doublings.length;
results['novelty.doublingRatio'] = round3(doublingRatio);
rows.push(['novelty.doublingRatio', doublingRatio.toFixed(3), `t(2n)/t(n): ${doublings.map((x) => x.toFixed(2)).join(', ')}`]);

// --- Requests to enrich a profile (bench/requests.ts) ---------------------------------------------
const requests = await requestsBench();
Object.assign(results, requests.results);
Object.assign(TARGETS, requests.targets);
rows.push(...requests.rows);

// --- In Chromium: scrape vs DOMParser per capture, Dexie vs raw IndexedDB, popup first render (bench/browser.ts)
const browser = await browserBenchPart();
Object.assign(results, browser.results);
Object.assign(TARGETS, browser.targets);
rows.push(...browser.rows);

// --- Bundle sizes (bench/bundle.ts; reads .output/chrome-mv3, so run `npx wxt build` first) -------
try {
  const bundle = bundlePart();
  Object.assign(results, bundle.results);
  Object.assign(TARGETS, bundle.targets);
  rows.push(...bundle.rows);
} catch (e) {
  console.warn(e instanceof Error ? e.message : String(e));
}

// --- Write, print, flag misses ---------------------------------------------------------------------
report(results, rows, TARGETS);
