/**
 * What the metric passes read: a profile's `PaperColumns` (paper-columns.ts) plus the facts of
 * one pass over its numeric columns — which counts are known, the largest, the year range — and
 * the category counts with the AI Score (one pass over the category columns). `prepare` does both
 * passes; every later pass runs over these typed arrays.
 */
import { type CategoryCounts, tallyCategories } from './category-tally';
import type { MetricPaper } from './input';
import { stringAt } from './string-column';
import { columnsOfMetricPapers, type PaperColumns } from './paper-columns';

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
  /** Primary categories, their paper counts and the AI Score. */
  categories: CategoryCounts;
  /** Paper i's primary category as an index into `categories.names`; −1 when it has none. */
  primary: Int32Array;
  /** Paper i's ISO date (published, else updated), read only to break a primary-category tie. */
  dateOf: (i: number) => string | null | undefined;
}

export function prepare(pc: PaperColumns): Columns {
  const { N, c, a, year, code, primary } = pc;
  let known = 0;
  let maxCitations = 0;
  let integral = true;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < N; i++) {
    const ci = c[i]!;
    if (ci >= 0) {
      // NaN (unknown) fails the comparison
      known++;
      if (ci > maxCitations) maxCitations = ci;
      if (ci - Math.floor(ci) !== 0) integral = false;
    }
    const y = year[i]!;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return {
    N, c, a, year, code, known, maxCitations, integral,
    firstYear: lo <= hi ? lo : null,
    lastYear: lo <= hi ? hi : null,
    categories: tallyCategories(pc.categories, primary, pc.aiWeight),
    primary,
    dateOf: (i) => stringAt(pc.date, i),
  };
}

/** `Columns` of `MetricPaper`s, without names (for tests of the passes). */
export function toColumns(papers: MetricPaper[]): Columns {
  return prepare(columnsOfMetricPapers(papers, null));
}
