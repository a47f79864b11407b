/**
 * `npm run bench`: performance as ratios measured within one run (no timed assertions anywhere), written
 * to bench/results.json (merged into the keys other benches wrote) and printed as a table.
 *
 * Figures (see bench/README.md):
 * - `metrics.n{1000,10000,100000}.ratio`: median time of `computeMetrics` (the whole metric set) on N
 *   synthetic papers WITHOUT title/abstract — so Novelty is null and this is the indices, counts and
 *   profile figures alone — divided by the median time of one copy + sort of the same N citation counts
 *   in a Float64Array. Machine speed cancels out; ≈ how many "sorts of the citation counts" the metric
 *   set costs. Target: n100000 ≤ 3.
 * - `metrics.indices.n100000.ratio`: the same for `computeIndices`, the metric set without the name-based
 *   figures (first/last-author shares, top co-authors) and so without their pass over every author name —
 *   the one part whose cost grows with the number of distinct co-authors, not only with N (bench/README.md).
 * - `novelty.n{500,1000,2000,4000}.ms`: median milliseconds of `novelty` on N synthetic papers WITH
 *   titles and abstracts (one author's profile). Absolute, so machine-dependent; read them together.
 * - `novelty.doublingRatio`: mean of t(2n)/t(n) over the three doublings above. ≈ 2 (2.1 with a log
 *   factor) means near-linear growth; 4 means quadratic.
 */
import { computeIndices, computeMetrics } from '../lib/metrics/index';
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
for (let i = 0; i < 30; i++) computeMetrics(warm, metricOptions);
for (let i = 0; i < 30; i++) computeIndices(warm, metricOptions);
for (const n of [1000, 10_000, 100_000]) {
  const papers = syntheticPapers(n, { seed: n, text: false });
  const counts = Float64Array.from(papers.flatMap((p) => (p.citations == null ? [] : [p.citations])));
  const samples = n >= 100_000 ? 7 : 9;
  const sortMs = medianMs(() => counts.slice().sort(), { samples, warmup: 3 });
  // computeIndices first: the name pass leaves much garbage behind, whose collection would land on it.
  const indicesMs = n === 100_000 ? medianMs(() => computeIndices(papers, metricOptions), { samples, warmup: 3 }) : Number.NaN;
  const metricsMs = medianMs(() => computeMetrics(papers, metricOptions), { samples, warmup: 3 });
  const ratio = metricsMs / sortMs;
  results[`metrics.n${n}.ratio`] = round3(ratio);
  rows.push([`metrics.n${n}.ratio`, ratio.toFixed(3), `computeMetrics ${metricsMs.toFixed(3)} ms / sort ${sortMs.toFixed(3)} ms`]);
  if (n === 100_000) {
    results[`metrics.indices.n${n}.ratio`] = round3(indicesMs / sortMs);
    const names = `${distinctNames(papers)} distinct author names; the name pass ≈ ${(metricsMs - indicesMs).toFixed(1)} ms`;
    rows.push([`metrics.indices.n${n}.ratio`, (indicesMs / sortMs).toFixed(3), `computeIndices ${indicesMs.toFixed(3)} ms / sort; ${names}`]);
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
