/** Metrics sources state about an author: what a source says now replaces what it said before; other sources' values stay. */
import type { ReportedMetric } from '../schema';

export function replaceReported(old: readonly ReportedMetric[] | undefined, fresh: readonly ReportedMetric[]): ReportedMetric[] {
  const sources = new Set(fresh.map((r) => r.source));
  return [...(old ?? []).filter((r) => !sources.has(r.source)), ...fresh];
}
