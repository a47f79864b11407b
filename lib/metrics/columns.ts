/**
 * Every paper read ONCE into flat columns, in input order; all later passes run over these arrays
 * and never go back to the paper objects. That matters: over 100,000 papers a walk over the objects
 * costs a cache miss per object (and one more per array or string it follows) — merely reading the
 * fields the metrics need costs more than a whole sort of the citation counts — whereas a pass over
 * a typed column is 10–20× cheaper. (Measured and dropped: splitting this read into narrower
 * passes, or gathering the objects' arrays first and reading them later, were both slower.)
 *
 * Numbers: c_i (NaN when unknown), a_i (at least 1), year (NaN when unknown), whether the paper
 * links code (−1 when the source does not say). What counts as known (docs/metrics.md): a citation
 * count is a finite number ≥ 0; a year a finite integer; an author count below 1 (0 = unknown), or
 * not finite, is read as 1. The checks are comparisons written inline (`ColumnWriter.put`):
 * Number.isFinite / Number.isInteger and calls into other modules made this pass several times slower.
 *
 * Profile facts, gathered in the same pass: each paper's primary category (an id) and the AI
 * Score sums (`CategoryTally`), a reference to each author-name list, and which papers have text.
 * `toColumns` reads `MetricPaper`s; `storedColumns` (./stored.ts) reads stored `Paper`s directly.
 */
import { CategoryTally } from './category-tally';
import type { MetricPaper } from './input';
import type { NoveltyPaper } from './novelty';

export type NameList = readonly string[] | null | undefined;

export interface Columns {
  /** Number of papers. */
  N: number;
  /** c_i; NaN when unknown. */
  c: Float64Array;
  /** a_i, at least 1. */
  a: Float64Array;
  /** Publication year; NaN when unknown. */
  year: Float64Array;
  /** 1 when the paper links code, 0 when it links none, −1 when unknown. */
  code: Int8Array;
  /** Papers with a known citation count; the largest such count (0 when none); whether all are integers. */
  known: number;
  maxCitations: number;
  integral: boolean;
  /** Earliest and latest known year; null when no paper has one. */
  firstYear: number | null;
  lastYear: number | null;
  /** Primary categories, their paper counts and the AI Score sums (see `CategoryTally`). */
  categories: CategoryTally;
  /** Paper i's primary category as an index into `categories.names`; −1 when it has none. */
  primary: Int32Array;
  /** Paper i's author names in byline order (not copied); null/undefined when not given. */
  names: NameList[];
  /** Paper i's ISO date (published, else updated), read only to break a primary-category tie. */
  dateOf: (i: number) => string | null | undefined;
  /** Novelty's input: the papers with a title or an abstract (the others it skips), in input order. */
  textPapers: () => NoveltyPaper[];
  /** How many papers have a title or an abstract (Novelty is null below 3, without being called). */
  withText: number;
}

/** Fills the numeric columns paper by paper; both readers call `put` from their one loop. */
export class ColumnWriter {
  readonly c: Float64Array;
  readonly a: Float64Array;
  readonly year: Float64Array;
  readonly code: Int8Array;
  readonly primary: Int32Array;
  readonly names: NameList[];
  readonly categories = new CategoryTally();
  known = 0;
  maxCitations = 0;
  integral = true;
  lo = Infinity;
  hi = -Infinity;

  constructor(readonly N: number) {
    this.c = new Float64Array(N);
    this.a = new Float64Array(N);
    this.year = new Float64Array(N);
    this.code = new Int8Array(N);
    this.primary = new Int32Array(N);
    this.names = new Array<NameList>(N);
  }

  /** `y`: the year, NaN or null when unknown; `links`: number of code links, undefined when unknown. */
  put(i: number, ci: number | null, ai: number, y: number | null, links: number | undefined): void {
    if (ci != null && ci >= 0 && ci < Infinity) {
      this.c[i] = ci;
      this.known++;
      if (ci > this.maxCitations) this.maxCitations = ci;
      if (ci - Math.floor(ci) !== 0) this.integral = false;
    } else {
      this.c[i] = Number.NaN;
    }
    this.a[i] = ai >= 1 && ai < Infinity ? ai : 1;
    if (y != null && y - Math.floor(y) === 0) {
      this.year[i] = y;
      if (y < this.lo) this.lo = y;
      if (y > this.hi) this.hi = y;
    } else {
      this.year[i] = Number.NaN;
    }
    this.code[i] = links === undefined || !(links >= 0) ? -1 : links > 0 ? 1 : 0;
  }

  done(dateOf: Columns['dateOf'], textPapers: Columns['textPapers'], withText: number): Columns {
    const { N, c, a, year, code, known, maxCitations, integral, lo, hi, categories, primary, names } = this;
    const firstYear = lo <= hi ? lo : null;
    const lastYear = lo <= hi ? hi : null;
    return { N, c, a, year, code, known, maxCitations, integral, firstYear, lastYear, categories, primary, names, dateOf, textPapers, withText };
  }
}

export function toColumns(papers: MetricPaper[]): Columns {
  const w = new ColumnWriter(papers.length);
  let withText = 0;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    w.put(i, p.citations, p.authors, p.year, p.codeLinks);
    w.primary[i] = w.categories.add(p.primaryCategory, p.categories);
    w.names[i] = p.authorNames;
    if (p.title || p.abstract) withText++;
  }
  return w.done(
    (i) => papers[i]!.date,
    () => papers.filter((p) => p.title || p.abstract),
    withText,
  );
}
