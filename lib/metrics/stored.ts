/**
 * `PaperColumns` straight from stored `Paper`s, in one pass: what
 * `columnsOfMetricPapers(papers.map(fromPaper))` gives, without making a `MetricPaper` per paper
 * first (that object per paper, and the second walk over the papers, cost more than all the metric
 * passes together on 100,000 papers).
 *
 * Same readings as `fromPaper` (input.ts): year = `paperYear` (year ?? published year ?? updated
 * year), authors = the names' count, code links known (a stored paper always lists them), date =
 * published ?? updated. The ISO year is read with character codes — the same test as the regular
 * expression /^(\d{4})-/ of `paperYear`, which cost about as much as the rest of this pass on the
 * bench's papers (80% of them have no `year` of their own, so their date is read).
 *
 * The papers are read 256 at a time, each chunk twice: a short loop that only touches what each
 * paper points to (so that the CPU has many of those cache misses in flight at once), then the
 * real read, which finds them in cache. On 100,000 papers that is ~10% faster than one loop, whose
 * longer body lets fewer misses overlap (bench/README.md).
 */
import type { Paper } from '../schema';
import { ColumnBuilder, type PaperColumns } from './paper-columns';
import { paperYear } from './input';
import type { NoveltyPaper } from './novelty';

/** The year of an ISO date ("YYYY-…": four ASCII digits, then a hyphen); NaN when it is not one. */
export function isoYear(iso: string | null | undefined): number {
  if (!iso || iso.length < 5 || iso.charCodeAt(4) !== 45) return Number.NaN;
  const d0 = iso.charCodeAt(0) - 48;
  const d1 = iso.charCodeAt(1) - 48;
  const d2 = iso.charCodeAt(2) - 48;
  const d3 = iso.charCodeAt(3) - 48;
  // (d >>> 0) > 9 is "not a digit" for codes both below and above '0'…'9'.
  if (d0 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9 || d3 >>> 0 > 9) return Number.NaN;
  return d0 * 1000 + d1 * 100 + d2 * 10 + d3;
}

/** Papers read ahead, then read, this many at a time (see `columnsOfPapers`). */
const CHUNK = 256;

/** Where the read-ahead leaves its sum, so that it is not optimised away. */
export let readAhead = 0;

/** `author`: the profile's author (for the name columns' person 0). */
export function columnsOfPapers(papers: Paper[], author: string | null | undefined): PaperColumns {
  const b = new ColumnBuilder(papers.length);
  let withText = 0;
  for (let i0 = 0; i0 < papers.length; i0 += CHUNK) {
    const i1 = Math.min(papers.length, i0 + CHUNK);
    // Read ahead what each paper points to (its authors, its code links, its date when it has no
    // year) in a short loop, so that many of these cache misses are in flight at once; the loop
    // below then finds them in cache instead of waiting on each in turn.
    let sum = 0;
    for (let i = i0; i < i1; i++) {
      const p = papers[i]!;
      sum += p.authors.length + p.links.code.length;
      if (p.year == null) sum += p.published?.length ?? 0;
    }
    readAhead = sum;
    for (let i = i0; i < i1; i++) {
      const p = papers[i]!;
      let y: number | null = p.year;
      if (y == null) {
        y = isoYear(p.published);
        if (Number.isNaN(y)) y = isoYear(p.updated);
      }
      const names = p.authors;
      b.put(i, p.citations, names.length, y, p.links.code.length);
      b.categories.add(i, p.primaryCategory, p.categories);
      b.date[i] = p.published ?? p.updated ?? null;
      b.names[i] = names;
      if (p.title || p.abstract) withText++;
    }
  }
  return b.done(author, withText, () => {
    const out: NoveltyPaper[] = [];
    for (const p of papers) {
      if (p.title || p.abstract) out.push({ title: p.title, abstract: p.abstract, date: p.published ?? p.updated, year: paperYear(p) });
    }
    return out;
  });
}
