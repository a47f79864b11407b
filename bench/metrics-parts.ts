/**
 * `npx tsx bench/metrics-parts.ts [n] [--clone]`: what each part of the metric set costs on n
 * synthetic papers (default 100,000; the bench's inputs), in ms and in "sorts of the citation
 * counts" — the unit of `metrics.n100000.ratio`. Prints a table; writes nothing. The numbers behind
 * bench/README.md.
 *
 * Rows marked BUILD are the one-time step (`columnsOfPapers`: the papers read into typed columns,
 * every author name interned as a person id), run when a profile's papers have changed; LOAD is
 * reading the cached columns back (IndexedDB's structured clone); the rest is `metricsOfColumns`,
 * part by part, on the columns as the cache gives them back. Three BUILD rows are floors, not parts:
 * "touch" only reads the fields the metric set needs from every paper; "names: read" only reads every
 * author name's length; "names: read, then hash" also hashes every name, and looks nothing up.
 *
 * `--clone`: the papers are `structuredClone(papers)`, which is how they come out of IndexedDB:
 * every string a separate object (the generator shares one string per name and category), and each
 * paper's objects laid out together. Same values, different memory.
 *
 * The parts are run in turn, round after round, and the median of each is reported (so a burst of
 * load on the machine hits all of them alike).
 */
import { performance } from 'node:perf_hooks';
import { ageWeighted } from '../lib/metrics/age-weighted';
import { authorshipOf } from '../lib/metrics/authorship';
import { prepare } from '../lib/metrics/columns';
import { counts } from '../lib/metrics/counts';
import { hFamily } from '../lib/metrics/h-family';
import { columnsOfPapers, computeMetrics, indicesOfColumns, metricsOfColumns } from '../lib/metrics/index';
import { hashString, internNames, type NameList } from '../lib/metrics/intern';
import { profileStats } from '../lib/metrics/profile-stats';
import { rankByCitations } from '../lib/metrics/ranked';
import { since } from '../lib/metrics/since';
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

/** Floor of the name pass: read every name (its length), nothing else. */
function readNames(lists: NameList[]): number {
  let s = 0;
  for (let i = 0; i < lists.length; i++) {
    const names = lists[i];
    if (names) for (let j = 0; j < names.length; j++) s += names[j]!.length;
  }
  return s;
}

/**
 * Floor of the name pass's own work: its first two steps alone — per chunk of about 512 names, read
 * each name's length, then hash each name (`hashString`) — and nothing else. (Hashing without the
 * read-ahead costs about twice as much: each string's cache miss then stalls the hash loop.)
 */
function hashNames(lists: NameList[]): number {
  let s = 0;
  let h = 0;
  for (let i0 = 0; i0 < lists.length; ) {
    let i1 = i0;
    for (let q = 0; i1 < lists.length && q < 512; ) q += lists[i1++]?.length ?? 0;
    for (let i = i0; i < i1; i++) {
      const names = lists[i];
      if (names) for (let j = 0; j < names.length; j++) s += names[j]!.length;
    }
    for (let i = i0; i < i1; i++) {
      const names = lists[i];
      if (names) for (let j = 0; j < names.length; j++) h ^= hashString(names[j]!);
    }
    i0 = i1;
  }
  return s + h;
}

const warm = syntheticPapers(2000, { seed: 99 });
for (let i = 0; i < 30; i++) computeMetrics(warm, options);
const generated = syntheticPapers(n, { seed: n, text: false });
const papers = clone ? structuredClone(generated) : generated;
const citations = Float64Array.from(papers.flatMap((p) => (p.citations == null ? [] : [p.citations])));
const lists = papers.map((p) => p.authors);
// The columns as the cache gives them back (a structured clone), and what the passes read of them.
const stored = structuredClone(columnsOfPapers(papers, PROFILE_AUTHOR));
const cols = prepare(stored);
const ranked = rankByCitations(cols);
const years = counts(cols, ranked, Y).years;

const parts: [string, () => unknown][] = [
  ['sort (the unit)', () => citations.slice().sort()],
  ['BUILD: touch (floor: read the fields, nothing else)', () => touch(papers)],
  ['BUILD: names: read every name (floor)', () => readNames(lists)],
  ['BUILD: names: read, then hash every name (floor)', () => hashNames(lists)],
  ['BUILD: internNames (names → person ids)', () => internNames(lists, PROFILE_AUTHOR)],
  ['BUILD: columnsOfPapers (all of the build)', () => columnsOfPapers(papers, PROFILE_AUTHOR)],
  ['LOAD: structuredClone of the columns', () => structuredClone(stored)],
  ['prepare (known counts, years, categories, AI)', () => prepare(stored)],
  ['rankByCitations (counting sort)', () => rankByCitations(cols)],
  ['counts', () => counts(cols, ranked, Y)],
  ['hFamily', () => hFamily(ranked, years)],
  ['ageWeighted', () => ageWeighted(cols, Y)],
  ['since', () => since(cols, Y)],
  ['profileStats (categories, per year, code)', () => profileStats(cols)],
  ['authorshipOf (shares, co-authors over person ids)', () => authorshipOf(stored.names, PROFILE_AUTHOR)],
  ['indicesOfColumns (all but the names)', () => indicesOfColumns(stored, options)],
  ['metricsOfColumns (everything: the bench key)', () => metricsOfColumns(stored, options)],
  ['computeMetrics (build + everything: a first view)', () => computeMetrics(papers, options)],
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
