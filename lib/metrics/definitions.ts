/**
 * The name and one-line definition of every numeric metric, as the UI shows them (label, and the
 * tooltip). docs/metrics.md carries the same lines in its summary table (a test keeps them equal)
 * and the full formulas, edge cases and references.
 */
import type { Metrics } from '../schema';

/** The keys of `Metrics` whose value is a number (or null). */
export type NumericMetric = { [K in keyof Metrics]-?: Metrics[K] extends number | null ? K : never }[keyof Metrics];

export interface MetricDefinition {
  label: string;
  short: string;
}

export const METRIC_DEFINITIONS: Record<NumericMetric, MetricDefinition> = {
  papers: { label: 'Papers', short: 'Number of papers.' },
  papersWithCitations: { label: 'Papers with citation counts', short: 'Number of papers whose citation count is known.' },
  citations: { label: 'Citations', short: 'Total citations of the papers with a known count.' },
  citationsPerYear: { label: 'Cites/year', short: 'Citations divided by the years since the first paper (at least 1).' },
  citationsPerPaper: { label: 'Cites/paper', short: 'Mean citations per paper with a known count.' },
  citationsPerPaperMedian: { label: 'Cites/paper (median)', short: 'Median citations per paper with a known count.' },
  citationsPerAuthor: { label: 'Cites/author', short: "Sum over papers of citations divided by the paper’s number of authors." },
  papersPerAuthor: { label: 'Papers/author', short: "Sum over papers of 1 divided by the paper’s number of authors." },
  authorsPerPaper: { label: 'Authors/paper', short: 'Mean number of authors per paper.' },
  firstAuthorShare: { label: 'First author', short: 'Share of papers with this author listed first.' },
  lastAuthorShare: { label: 'Last author', short: 'Share of papers with this author listed last.' },
  firstYear: { label: 'First year', short: 'Year of the earliest paper.' },
  lastYear: { label: 'Last year', short: 'Year of the latest paper.' },
  years: { label: 'Years', short: 'Years since the first paper (at least 1).' },
  h: { label: 'h-index', short: 'The largest h such that h papers have at least h citations each.' },
  g: { label: 'g-index', short: 'The largest g such that the top g papers have at least g² citations together.' },
  e: { label: 'e-index', short: "Square root of the h-core’s citations beyond h²." },
  a: { label: 'Hirsch a', short: 'Total citations divided by h².' },
  m: { label: 'Hirsch m', short: 'h-index divided by the years since the first paper.' },
  hc: { label: 'hc-index', short: 'h-index of age-weighted citations 4·c/age (contemporary h-index).' },
  hI: { label: 'hI-index', short: 'h² divided by the total number of authors of the h-core papers.' },
  hInorm: { label: 'hI,norm', short: 'h-index of citations divided by each paper’s number of authors.' },
  hIannual: { label: 'hI,annual', short: 'hI,norm divided by the years since the first paper.' },
  hm: { label: 'hm-index', short: 'h-index with each paper counted fractionally, 1/(number of authors) (Schreiber).' },
  AWCR: { label: 'AWCR', short: 'Age-weighted citation rate: sum of citations per year of age of each paper.' },
  AW: { label: 'AW-index', short: 'Square root of AWCR.' },
  AWCRpA: { label: 'AWCRpA', short: 'AWCR with each paper’s rate divided by its number of authors.' },
  ACC1: { label: 'ACC1', short: 'Papers with at least 1 citation per year of age.' },
  ACC2: { label: 'ACC2', short: 'Papers with at least 2 citations per year of age.' },
  ACC5: { label: 'ACC5', short: 'Papers with at least 5 citations per year of age.' },
  ACC10: { label: 'ACC10', short: 'Papers with at least 10 citations per year of age.' },
  ACC20: { label: 'ACC20', short: 'Papers with at least 20 citations per year of age.' },
  hA: { label: 'hA-index', short: 'The largest k such that k papers have at least k citations per year of age.' },
  i10: { label: 'i10-index', short: 'Papers with at least 10 citations.' },
  sinceYear: { label: 'Since', short: 'First year of the recent window: the current year minus 5.' },
  citationsSince: { label: 'Citations (recent papers)', short: 'Citations of the papers published in the last 6 years (Scholar instead counts citations received since then).' },
  hSince: { label: 'h-index (recent papers)', short: 'h-index of the papers published in the last 6 years.' },
  i10Since: { label: 'i10-index (recent papers)', short: 'Papers published in the last 6 years with at least 10 citations.' },
  codeShare: { label: 'Code', short: 'Share of papers that link a code repository.' },
  aiScore: { label: 'AI Score', short: 'How much of the work is in AI categories, 0–100 (cross-lists count half).' },
  novelty: { label: 'Novelty', short: 'How different each paper’s text is from the author’s earlier papers, 0–100.' },
};
