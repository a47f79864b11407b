/**
 * The numbers of every paper read once into typed columns, in input order, so the metric passes
 * run over flat arrays instead of objects: c_i (NaN when unknown), a_i (at least 1), year (NaN
 * when unknown) and whether the paper links code (−1 when the source does not say).
 *
 * What counts as known (docs/metrics.md): a citation count is a finite number ≥ 0; a year a finite
 * integer; an author count below 1 (0 = unknown), or not finite, is read as 1. The checks are
 * written with comparisons, inline: Number.isFinite / Number.isInteger and calls into other
 * modules made this pass several times slower over 100,000 papers.
 */
import type { MetricPaper } from './input';

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
}

export function toColumns(papers: MetricPaper[]): Columns {
  const N = papers.length;
  const c = new Float64Array(N);
  const a = new Float64Array(N);
  const year = new Float64Array(N);
  const code = new Int8Array(N);
  let known = 0;
  let maxCitations = 0;
  let integral = true;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < N; i++) {
    const p = papers[i]!;
    const ci = p.citations;
    if (ci != null && ci >= 0 && ci < Infinity) {
      c[i] = ci;
      known++;
      if (ci > maxCitations) maxCitations = ci;
      if (ci - Math.floor(ci) !== 0) integral = false;
    } else {
      c[i] = Number.NaN;
    }
    const ai = p.authors;
    a[i] = ai >= 1 && ai < Infinity ? ai : 1;
    const y = p.year;
    if (y != null && y - Math.floor(y) === 0) {
      year[i] = y;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    } else {
      year[i] = Number.NaN;
    }
    const links = p.codeLinks;
    code[i] = links === undefined || !(links >= 0) ? -1 : links > 0 ? 1 : 0;
  }
  return { N, c, a, year, code, known, maxCitations, integral, firstYear: lo <= hi ? lo : null, lastYear: lo <= hi ? hi : null };
}
