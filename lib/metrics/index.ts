/**
 * Every author metric of a set of papers (pure). Formulas, edge cases and references: docs/metrics.md.
 *
 * Two steps: the papers are read once into `PaperColumns` (paper-columns.ts, stored.ts: typed
 * columns, author names as person ids, Novelty of the text), which the cache keeps per profile
 * (lib/store/metric-columns.ts); `metricsOfColumns` then computes every metric from those columns
 * alone: two passes to prepare them (columns.ts), one stable counting sort of the known counts
 * (`rankByCitations`), linear passes over the columns, and one pass over the person ids
 * (authorship.ts). `computeMetrics` / `computeMetricSet` do both steps. What each costs is measured
 * by `npm run bench` (bench/README.md).
 */
import type { Metrics, Paper } from '../schema';
import { ageWeighted } from './age-weighted';
import { type Authorship, authorshipOf } from './authorship';
import { type Columns, prepare } from './columns';
import { counts } from './counts';
import { hFamily } from './h-family';
import type { MetricPaper } from './input';
import { columnsOfMetricPapers, type PaperColumns } from './paper-columns';
import { profileStats } from './profile-stats';
import { rankByCitations } from './ranked';
import { since } from './since';
import { columnsOfPapers } from './stored';

export type { MetricPaper } from './input';
export type { PaperColumns } from './paper-columns';
export { fromPaper, paperYear } from './input';
export { hIndex } from './h-family';
export { columnsOfPapers } from './stored';

export interface MetricOptions {
  /** Y, the year ages and "since" are counted from; default: the current UTC year. */
  year?: number;
  /** The profile's author, for first/last-author shares and to leave them out of co-authors. */
  author?: string | null;
}

/** Every metric but the name-based ones (first/last-author shares, co-authors). */
export type Indices = Omit<Metrics, keyof Authorship>;

const thisYear = () => new Date().getUTCFullYear();

/**
 * Every metric, in the key order of `Metrics` (as the CLI prints them); `names` gives the
 * name-based ones (or nothing, for `indicesOfColumns`).
 */
function metricsOf<A extends Partial<Authorship>>(pc: PaperColumns, Y: number, names: () => A): Indices & A {
  const cols: Columns = prepare(pc);
  const ranked = rankByCitations(cols);
  const basic = counts(cols, ranked, Y);
  return {
    ...basic,
    ...hFamily(ranked, basic.years),
    ...ageWeighted(cols, Y),
    ...since(cols, Y),
    ...names(),
    ...profileStats(cols),
    aiScore: cols.categories.aiScore,
    novelty: pc.novelty,
  };
}

/** Every metric from a profile's columns (as built, or as the cache gives them back). */
export function metricsOfColumns(pc: PaperColumns, opts: MetricOptions = {}): Metrics {
  return metricsOf(pc, opts.year ?? thisYear(), () => authorshipOf(pc.names, opts.author));
}

/** `metricsOfColumns` without the name-based figures (first/last-author shares, co-authors): the bench reports them apart. */
export function indicesOfColumns(pc: PaperColumns, opts: Pick<MetricOptions, 'year'> = {}): Indices {
  return metricsOf(pc, opts.year ?? thisYear(), () => ({}));
}

export function computeMetricSet(papers: MetricPaper[], opts: MetricOptions & { year: number }): Metrics {
  return metricsOfColumns(columnsOfMetricPapers(papers, opts.author), opts);
}

export function computeMetrics(papers: Paper[], opts: MetricOptions = {}): Metrics {
  return metricsOfColumns(columnsOfPapers(papers, opts.author), opts);
}

export function computeIndices(papers: Paper[], opts: Pick<MetricOptions, 'year'> = {}): Indices {
  return indicesOfColumns(columnsOfPapers(papers, null), opts);
}
