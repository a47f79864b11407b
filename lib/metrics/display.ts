/**
 * How metrics are shown: which go on the card, how the details view groups them, how a value is
 * written, and where each one came from (computed from which papers, or reported by a source).
 */
import type { Metrics, Profile, ReportedMetric } from '../schema';
import { METRIC_DEFINITIONS } from './definitions';

export type MetricName = keyof typeof METRIC_DEFINITIONS;

export const CARD_METRICS = ['h', 'papers', 'citations', 'novelty', 'aiScore'] as const satisfies readonly MetricName[];

export const METRIC_GROUPS: { title: string; metrics: MetricName[] }[] = [
  { title: 'Counts', metrics: ['papers', 'citations', 'citationsPerYear', 'citationsPerPaper', 'citationsPerPaperMedian', 'citationsPerAuthor', 'papersPerAuthor', 'authorsPerPaper', 'firstAuthorShare', 'lastAuthorShare', 'firstYear', 'lastYear', 'years'] },
  { title: 'Hirsch family', metrics: ['h', 'g', 'e', 'a', 'm', 'hc', 'hI', 'hInorm', 'hIannual', 'hm', 'hA', 'i10'] },
  { title: 'Age-weighted', metrics: ['AWCR', 'AW', 'AWCRpA', 'ACC1', 'ACC2', 'ACC5', 'ACC10', 'ACC20'] },
  { title: 'Recent', metrics: ['citationsSince', 'hSince', 'i10Since'] },
  { title: 'Content', metrics: ['novelty', 'aiScore', 'codeShare'] },
];

const SHARES = new Set<MetricName>(['firstAuthorShare', 'lastAuthorShare', 'codeShare']);
const YEARS = new Set<MetricName>(['firstYear', 'lastYear']);
const CITATION_BASED = new Set<MetricName>([
  'citations', 'citationsPerYear', 'citationsPerPaper', 'citationsPerPaperMedian', 'citationsPerAuthor', 'h', 'g', 'e', 'a', 'm', 'hc', 'hI',
  'hInorm', 'hIannual', 'hm', 'hA', 'i10', 'AWCR', 'AW', 'AWCRpA', 'ACC1', 'ACC2', 'ACC5', 'ACC10', 'ACC20', 'citationsSince', 'hSince', 'i10Since',
]);

export function metricValue(metrics: Metrics, name: MetricName): number | null {
  const v = (metrics as unknown as Record<string, unknown>)[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A value for people: integers as they are, shares as percentages, others to two decimals; '—' for unknown. */
export function formatMetric(name: MetricName, value: number | null): string {
  if (value === null) return '—';
  if (SHARES.has(name)) return `${Math.round(value * 100)}%`;
  if (YEARS.has(name)) return String(value);
  if (name === 'novelty') return `${Math.round(value)}%`;
  if (name === 'aiScore') return String(Math.round(value));
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function reportedValue(reported: ReportedMetric[], name: MetricName): ReportedMetric | null {
  return reported.filter((r) => r.metric === name).sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
}

/** Where a computed value came from, in one sentence. */
export function computedFrom(profile: Pick<Profile, 'metrics' | 'papers'>, name: MetricName): string {
  const { papers, papersWithCitations } = profile.metrics;
  if (CITATION_BASED.has(name)) {
    if (papersWithCitations === 0) return `unknown: none of the ${papers} papers has a citation count yet`;
    return `computed from ${papers} papers, of which ${papersWithCitations} have citation counts`;
  }
  if (name === 'novelty') {
    const withText = profile.papers.filter((p) => (p.title ?? '') !== '' || (p.abstract ?? '') !== '').length;
    return `computed from the text of ${withText} of ${papers} papers`;
  }
  return `computed from ${papers} papers`;
}

export interface ShownMetric {
  name: MetricName;
  label: string;
  definition: string;
  /** The value the card shows: a source's where it reported one, else ours. */
  shown: number | null;
  computed: number | null;
  reported: ReportedMetric | null;
  /** True when a source's value and ours both exist and differ. */
  differs: boolean;
  provenance: string;
}

export function describeMetric(profile: Pick<Profile, 'metrics' | 'papers' | 'reported'>, name: MetricName): ShownMetric {
  const def = METRIC_DEFINITIONS[name];
  const computed = metricValue(profile.metrics, name);
  const reported = reportedValue(profile.reported, name);
  const differs = reported !== null && computed !== null && Math.abs(reported.value - computed) > 1e-9;
  const ours = computedFrom(profile, name);
  const provenance = reported
    ? `reported by ${reported.source} on ${reported.at.slice(0, 10)}${differs ? `; ours: ${formatMetric(name, computed)} (${ours})` : ''}`
    : ours;
  return { name, label: def.label, definition: def.short, shown: reported?.value ?? computed, computed, reported, differs, provenance };
}
