/**
 * Google Scholar's "since Y − 5" column, as far as we can compute it. Scholar counts the citations
 * *received* since then, by all papers; we have no per-year citation data per paper, so these are
 * the citations, h-index and i10-index of the papers *published* in or after Y − 5 (a different,
 * smaller number; docs/metrics.md). Null when no such paper has a known citation count.
 */
import type { Metrics } from '../schema';
import type { Columns } from './columns';
import { hBuckets, hFromBuckets } from './h-family';

export type Since = Pick<Metrics, 'sinceYear' | 'citationsSince' | 'hSince' | 'i10Since'>;

export function since(cols: Columns, Y: number): Since {
  const sinceYear = Y - 5;
  const { N, c, year } = cols;
  const recent = hBuckets(N); // tallies of the recent papers' counts (see `hBuckets`)
  let k = 0;
  let sum = 0;
  let i10 = 0;
  for (let i = 0; i < N; i++) {
    const ci = c[i]!;
    if (Number.isNaN(ci) || !(year[i]! >= sinceYear)) continue; // unknown count or year, or too old
    k++;
    if (ci >= 1) recent[ci >= N ? N : Math.floor(ci)]!++;
    sum += ci;
    if (ci >= 10) i10++;
  }
  if (k === 0) return { sinceYear, citationsSince: null, hSince: null, i10Since: null };
  return { sinceYear, citationsSince: sum, hSince: hFromBuckets(recent), i10Since: i10 };
}
