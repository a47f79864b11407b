/**
 * Kept for existing imports: the metrics now live in `./index` (all of them) and the modules it
 * names. Unknown citation counts stay unknown: a sum or an h-index over no known counts is null,
 * never 0.
 */
export { computeMetrics, type MetricOptions } from './index';
export { paperYear } from './input';
export { hIndex } from './h-family';
