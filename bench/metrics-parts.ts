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
 * hits all of them alike). Three rows are floors, not parts: "touch" only reads the fields the
 * metric set needs from every paper and computes nothing; "names: read" only reads every author
 * name's length; "names: read, then hash" also hashes every name, as the name pass does, and
 * looks nothing up. One row
 * is a what-if: the name pass's counting over person ids that would have been stored with the
 * papers at ingest (an Int32Array of ids, one per name), which no stored paper has today.
 */
import { performance } from 'node:perf_hooks';
import { ageWeighted } from '../lib/metrics/age-weighted';
import { coauthorship, hashString, TOP_COAUTHORS } from '../lib/metrics/authorship';
import type { NameList } from '../lib/metrics/columns';
import { counts } from '../lib/metrics/counts';
import { hFamily } from '../lib/metrics/h-family';
import { computeIndices, computeMetrics } from '../lib/metrics/index';
import { profileStats } from '../lib/metrics/profile-stats';
import { rankByCitations } from '../lib/metrics/ranked';
import { since } from '../lib/metrics/since';
import { storedColumns } from '../lib/metrics/stored';
import type { Paper } from '../lib/schema';
import { normaliseName } from '../lib/sites/arxiv';
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

/** Person ids as if stored at ingest: every name's person (−1: normalises to ''), paper i's from offsets[i]. */
function personIds(lists: NameList[], author: string) {
  const byKey = new Map<string, number>([[normaliseName(author), 0]]);
  const offsets = new Int32Array(lists.length + 1);
  const ids: number[] = [];
  lists.forEach((names, i) => {
    for (const name of names ?? []) {
      const key = normaliseName(name);
      let id = key ? byKey.get(key) : -1;
      if (id === undefined) byKey.set(key, (id = byKey.size));
      ids.push(id);
    }
    offsets[i + 1] = ids.length;
  });
  return { ids: Int32Array.from(ids), offsets, people: byKey.size, me: 0 };
}

/** What-if: the name pass's counting (shares, a person once a paper, top 10) over stored person ids. */
function countIds({ ids, offsets, people, me }: ReturnType<typeof personIds>): number[] {
  const papers = new Int32Array(people);
  const last = new Int32Array(people).fill(-1);
  let named = 0;
  let first = 0;
  let lastAuthor = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (from === to) continue;
    named++;
    for (let k = from; k < to; k++) {
      const p = ids[k]!;
      if (p < 0) continue;
      if (p === me) {
        if (k === from) first++;
        if (k === to - 1) lastAuthor++;
      }
      if (last[p] === i) continue;
      last[p] = i;
      papers[p]!++;
    }
  }
  const top: number[] = [];
  for (let p = 0; p < people; p++) {
    if (p === me || (top.length === TOP_COAUTHORS && papers[p]! <= papers[top[TOP_COAUTHORS - 1]!]!)) continue;
    if (top.length === TOP_COAUTHORS) top.pop();
    let at = top.length;
    while (at > 0 && papers[p]! > papers[top[at - 1]!]!) at--;
    top.splice(at, 0, p);
  }
  return [first / named, lastAuthor / named, ...top];
}

const warm = syntheticPapers(2000, { seed: 99 });
for (let i = 0; i < 30; i++) computeMetrics(warm, options);
const generated = syntheticPapers(n, { seed: n, text: false });
const papers = clone ? structuredClone(generated) : generated;
const citations = Float64Array.from(papers.flatMap((p) => (p.citations == null ? [] : [p.citations])));
const cols = storedColumns(papers);
const ranked = rankByCitations(cols);
const years = counts(cols, ranked, Y).years;
const stored = personIds(cols.names, PROFILE_AUTHOR);

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
  ['names: read every name (floor)', () => readNames(cols.names)],
  ['names: read, then hash every name (floor)', () => hashNames(cols.names)],
  ['coauthorship (the name pass)', () => coauthorship(cols.names, PROFILE_AUTHOR)],
  ['what-if: the counting over person ids stored at ingest', () => countIds(stored)],
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
