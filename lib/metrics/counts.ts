/**
 * Counts and averages (Publish or Perish's "basic metrics"): papers, citations, citations per
 * year / paper / author, papers per author, authors per paper, and the publication years.
 * Citation sums run over the papers with a known count; author counts over every paper.
 */
import type { Metrics } from '../schema';
import type { Columns } from './columns';
import type { Ranked } from './ranked';

export type Counts = Pick<
  Metrics,
  | 'papers' | 'papersWithCitations' | 'citations' | 'citationsPerYear' | 'citationsPerPaper' | 'citationsPerPaperMedian'
  | 'citationsPerAuthor' | 'papersPerAuthor' | 'authorsPerPaper' | 'firstYear' | 'lastYear' | 'years'
>;

/** Median of the first n values of a sorted column (n > 0). */
function median(sorted: Float64Array, n: number): number {
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Career length as Publish or Perish divides by it: max(1, Y − first year); null without a dated paper. */
export function careerYears(firstYear: number | null, Y: number): number | null {
  return firstYear == null ? null : Math.max(1, Y - firstYear);
}

export function counts(cols: Columns, r: Ranked, Y: number): Counts {
  const { N, firstYear, lastYear } = cols;
  let sumAuthors = 0;
  let sumInverseAuthors = 0;
  for (let i = 0; i < N; i++) {
    const ai = cols.a[i]!;
    sumAuthors += ai;
    sumInverseAuthors += 1 / ai;
  }
  const years = careerYears(firstYear, Y);

  const { n, c, a } = r;
  let citations: number | null = null;
  let perAuthor: number | null = null;
  if (n > 0) {
    citations = 0;
    perAuthor = 0;
    for (let i = 0; i < n; i++) {
      citations += c[i]!;
      perAuthor += c[i]! / a[i]!;
    }
  }

  return {
    papers: N,
    papersWithCitations: n,
    citations,
    citationsPerYear: citations != null && years != null ? citations / years : null,
    citationsPerPaper: citations != null ? citations / n : null,
    citationsPerPaperMedian: n > 0 ? median(c, n) : null,
    citationsPerAuthor: perAuthor,
    papersPerAuthor: sumInverseAuthors,
    authorsPerPaper: N > 0 ? sumAuthors / N : null,
    firstYear,
    lastYear,
    years,
  };
}
