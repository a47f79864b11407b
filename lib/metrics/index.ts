/**
 * Every author metric of a set of papers (pure): `computeMetricSet` over `MetricPaper`s, and
 * `computeMetrics` over stored `Paper`s. Formulas, edge cases and references: docs/metrics.md.
 *
 * Cost: one read of the papers into flat columns (columns.ts, stored.ts: the paper objects are
 * walked once), one stable counting sort of the known counts (`rankByCitations`), then linear
 * passes over the columns; the name-based figures (authorship.ts) are the one further pass, over
 * every author name. What each part costs is measured by `npm run bench` (bench/README.md).
 */
import type { Metrics, Paper } from '../schema';
import { ageWeighted } from './age-weighted';
import { type Authorship, coauthorship } from './authorship';
import { type Columns, toColumns } from './columns';
import { counts } from './counts';
import { hFamily } from './h-family';
import type { MetricPaper } from './input';
import { novelty } from './novelty';
import { profileStats } from './profile-stats';
import { rankByCitations } from './ranked';
import { since } from './since';
import { storedColumns } from './stored';

export type { MetricPaper } from './input';
export { fromPaper, paperYear } from './input';
export { hIndex } from './h-family';

export interface MetricOptions {
  /** Y, the year ages and "since" are counted from; default: the current UTC year. */
  year?: number;
  /** The profile's author, for first/last-author shares and to leave them out of co-authors. */
  author?: string | null;
}

/** Every metric but the name-based ones (first/last-author shares, co-authors). */
export type Indices = Omit<Metrics, keyof Authorship>;

/** Novelty needs at least 3 papers with text: with fewer it is null, and is not even set up. */
function noveltyOf(cols: Columns): number | null {
  return cols.withText < 3 ? null : novelty(cols.textPapers());
}

/**
 * Every metric, in the key order of `Metrics` (as the CLI prints them); `names` gives the
 * name-based ones (or nothing, for `computeIndices`).
 */
function metricsOf<A extends Partial<Authorship>>(cols: Columns, Y: number, names: (cols: Columns) => A): Indices & A {
  const ranked = rankByCitations(cols);
  const basic = counts(cols, ranked, Y);
  return {
    ...basic,
    ...hFamily(ranked, basic.years),
    ...ageWeighted(cols, Y),
    ...since(cols, Y),
    ...names(cols),
    ...profileStats(cols),
    aiScore: cols.categories.aiScore(),
    novelty: noveltyOf(cols),
  };
}

const byAuthor = (author: string | null | undefined) => (cols: Columns) => coauthorship(cols.names, author);

export function computeMetricSet(papers: MetricPaper[], opts: MetricOptions & { year: number }): Metrics {
  return metricsOf(toColumns(papers), opts.year, byAuthor(opts.author));
}

export function computeMetrics(papers: Paper[], opts: MetricOptions = {}): Metrics {
  return metricsOf(storedColumns(papers), opts.year ?? new Date().getUTCFullYear(), byAuthor(opts.author));
}

/**
 * `computeMetrics` without the name-based figures (first/last-author shares, co-authors) and so
 * without their pass over every author name: the bench reports its cost apart (bench/README.md).
 */
export function computeIndices(papers: Paper[], opts: Pick<MetricOptions, 'year'> = {}): Indices {
  return metricsOf(storedColumns(papers), opts.year ?? new Date().getUTCFullYear(), () => ({}));
}
