/**
 * `npx tsx bench/metrics-parts.ts [n] [--clone]`: what each part of `computeMetrics` costs on n synthetic
 * papers (default 100,000; the bench's inputs), in ms and in "sorts of the citation counts" — the unit
 * of `metrics.n100000.ratio`. Prints a table; writes nothing. The numbers behind bench/README.md.
 *
 * `--clone`: run on `structuredClone(papers)` instead, which is how papers come out of IndexedDB in the
 * extension: every string a separate object (the generator shares one string per name and category),
 * and each paper's objects laid out together. Same values, different memory.
 *
 * Each part is timed on its own, on the columns the earlier parts produced; the parts are run in
 * turn, round after round, and the median of each is reported (so a burst of load on the machine
 * hits all of them alike). "touch" is a floor: a loop that only reads the fields the metric set
 * needs from every paper, and computes nothing.
 */
import { performance } from 'node:perf_hooks';
import { ageWeighted } from '../lib/metrics/age-weighted';
import { coauthorship } from '../lib/metrics/authorship';
import { counts } from '../lib/metrics/counts';
import { hFamily } from '../lib/metrics/h-family';
import { computeIndices, computeMetrics } from '../lib/metrics/index';
import { profileStats } from '../lib/metrics/profile-stats';
import { rankByCitations } from '../lib/metrics/ranked';
import { since } from '../lib/metrics/since';
import { storedColumns } from '../lib/metrics/stored';
import type { Paper } from '../lib/schema';
import { PROFILE_AUTHOR, syntheticPapers } from './synthetic';
import { median, sink } from './timing';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const clone = args.includes('--clone');
const Y = 2026;
const options = { year: Y, author: PROFILE_AUTHOR };

/** Reads every field the metric set reads (a string only where it is needed), and nothing more. */
function touch(papers: Paper[]): number {
  let s = 0;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    s += (p.citations ?? 0) + p.authors.length + p.links.code.length + (p.primaryCategory?.length ?? 0);
    if (p.year == null) s += p.published?.charCodeAt(0) ?? 0;
    if (p.primaryCategory !== 'cs.LG') for (const c of p.categories) s += c.length;
  }
  return s;
}

const warm = syntheticPapers(2000, { seed: 99 });
for (let i = 0; i < 30; i++) computeMetrics(warm, options);
const generated = syntheticPapers(n, { seed: n, text: false });
const papers = clone ? structuredClone(generated) : generated;
const citations = Float64Array.from(papers.flatMap((p) => (p.citations == null ? [] : [p.citations])));
const cols = storedColumns(papers);
const ranked = rankByCitations(cols);
const years = counts(cols, ranked, Y).years;

const parts: [string, () => unknown][] = [
  ['sort (the unit)', () => citations.slice().sort()],
  ['touch (floor: read the fields, nothing else)', () => touch(papers)],
  ['storedColumns (read into columns, categories, AI)', () => storedColumns(papers)],
  ['rankByCitations (counting sort)', () => rankByCitations(cols)],
  ['counts', () => counts(cols, ranked, Y)],
  ['hFamily', () => hFamily(ranked, years)],
  ['ageWeighted', () => ageWeighted(cols, Y)],
  ['since', () => since(cols, Y)],
  ['profileStats (categories, per year, code)', () => profileStats(cols)],
  ['computeIndices (all but the names)', () => computeIndices(papers, options)],
  ['coauthorship (the name pass)', () => coauthorship(cols.names, PROFILE_AUTHOR)],
  ['computeMetrics (everything)', () => computeMetrics(papers, options)],
];
const rounds = n >= 100_000 ? 9 : 25;
const times = parts.map((): number[] => []);
for (let r = 0; r < rounds + 2; r++) {
  parts.forEach(([, run], k) => {
    const t0 = performance.now();
    const out = run();
    const ms = performance.now() - t0;
    if (out === sink) console.log(''); // keep the result alive
    if (r >= 2) times[k]!.push(ms); // two warm-up rounds
  });
}
const sortMs = median(times[0]!);
const distinct = new Set(papers.flatMap((p) => p.authors)).size;
const names = papers.reduce((s, p) => s + p.authors.length, 0);
console.log(`n = ${n} papers${clone ? ' (structured clones)' : ''}, ${names} author names (${distinct} distinct); medians of ${rounds} rounds`);
const width = Math.max(...parts.map(([label]) => label.length));
parts.forEach(([label], k) => {
  const ms = median(times[k]!);
  console.log(`${label.padEnd(width)}  ${ms.toFixed(2).padStart(8)} ms  ${(ms / sortMs).toFixed(2).padStart(6)} sorts`);
});
