/**
 * Every author metric of a set of papers (pure): `computeMetricSet` over `MetricPaper`s, and
 * `computeMetrics` over stored `Paper`s. Formulas, edge cases and references: docs/metrics.md.
 *
 * Cost: one read of the papers into typed columns, one stable radix sort of the known counts
 * (`rankByCitations`), then linear passes.
 */
import type { Metrics, Paper } from '../schema';
import { ageWeighted } from './age-weighted';
import { aiScore } from './ai-score';
import { authorship } from './authorship';
import { toColumns } from './columns';
import { counts } from './counts';
import { hFamily } from './h-family';
import { fromPaper, type MetricPaper } from './input';
import { novelty } from './novelty';
import { profileStats } from './profile-stats';
import { rankByCitations } from './ranked';
import { since } from './since';

export type { MetricPaper } from './input';
export { fromPaper, paperYear } from './input';
export { hIndex } from './h-family';

export interface MetricOptions {
  /** Y, the year ages and "since" are counted from; default: the current UTC year. */
  year?: number;
  /** The profile's author, for first/last-author shares and to leave them out of co-authors. */
  author?: string | null;
}

export function computeMetricSet(papers: MetricPaper[], opts: MetricOptions & { year: number }): Metrics {
  const Y = opts.year;
  const cols = toColumns(papers);
  const ranked = rankByCitations(cols);
  const basic = counts(cols, ranked, Y);
  return {
    ...basic,
    ...hFamily(ranked, basic.years),
    ...ageWeighted(cols, Y),
    ...since(cols, Y),
    ...authorship(papers, opts.author),
    ...profileStats(papers, cols),
    aiScore: aiScore(papers),
    novelty: novelty(papers),
  };
}

export function computeMetrics(papers: Paper[], opts: MetricOptions = {}): Metrics {
  return computeMetricSet(papers.map(fromPaper), { year: opts.year ?? new Date().getUTCFullYear(), author: opts.author ?? null });
}
