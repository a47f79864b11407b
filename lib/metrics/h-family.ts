/**
 * The h-index and its relatives over the citation ranking (see docs/metrics.md for formulas and
 * references): h, g, e, Hirsch's a and m, hI, hI,norm, hI,annual, hm, i10. One linear pass over
 * the ranking (hI,norm by counting: see `hBuckets`).
 */
import type { Metrics } from '../schema';
import type { Ranked } from './ranked';

/** Slack for comparing sums of fractions (hm's effective rank) with integer counts. */
const EPS = 1e-9;

/** h-index: the largest h such that h of the counts are ≥ h. Ignores negative and non-finite values. */
export function hIndex(counts: number[]): number {
  const sorted = counts.filter((c) => Number.isFinite(c) && c >= 0).sort((a, b) => b - a);
  let h = 0;
  while (h < sorted.length && (sorted[h] ?? 0) >= h + 1) h++;
  return h;
}

/**
 * Counting h-index, for real values (S_i, c_i/a_i, c_i/age_i) without sorting them: for an integer
 * k, v ≥ k ⇔ ⌊v⌋ ≥ k, so tally each value v ≥ 1 in `bucket[min(⌊v⌋, cap)]` (`tally`, written out
 * inline in the hot loops) and sum the tallies from the top: the first k where at least k values
 * are ≥ k is the h-index. `cap` is any bound ≥ the number of values (h cannot exceed it). O(n + cap).
 */
export function hBuckets(cap: number): Int32Array {
  return new Int32Array(cap + 1);
}

export function tally(bucket: Int32Array, v: number): void {
  const cap = bucket.length - 1;
  if (v >= 1) bucket[v >= cap ? cap : Math.floor(v)]!++;
}

export function hFromBuckets(bucket: Int32Array): number {
  let atLeast = 0;
  for (let k = bucket.length - 1; k >= 1; k--) {
    atLeast += bucket[k]!;
    if (atLeast >= k) return k;
  }
  return 0;
}

/** h-index of the first `n` values (non-negative reals; NaN and negatives count as 0), by counting. */
export function hOfValues(values: Float64Array, n = values.length): number {
  const bucket = hBuckets(n);
  for (let i = 0; i < n; i++) tally(bucket, values[i]!);
  return hFromBuckets(bucket);
}

export type HFamily = Pick<Metrics, 'h' | 'g' | 'e' | 'a' | 'm' | 'hI' | 'hInorm' | 'hIannual' | 'hm' | 'i10'>;

const UNKNOWN: HFamily = { h: null, g: null, e: null, a: null, m: null, hI: null, hInorm: null, hIannual: null, hm: null, i10: null };

/** `years` = max(1, Y − first year), or null when no paper has a year (then m and hI,annual are null). */
export function hFamily(r: Ranked, years: number | null): HFamily {
  const { n, c, a } = r;
  if (n === 0) return { ...UNKNOWN };

  let h = 0;
  let g = 0;
  let hm = 0;
  let hmOpen = true;
  let total = 0; // Σ c_i over all known papers
  let coreCites = 0; // Σ_{i≤h} c_i
  let coreAuthors = 0; // Σ_{i≤h} a_i
  let rEff = 0; // Σ_{j≤i} 1/a_j
  let i10 = 0;
  const perAuthor = hBuckets(n); // tallies of c_i / a_i, for hI,norm
  for (let i = 0; i < n; i++) {
    const ci = c[i]!;
    const ai = a[i]!;
    const rank = i + 1;
    total += ci;
    // c is non-increasing, so "c_rank ≥ rank" holds for a prefix of ranks: h is that prefix's length.
    if (ci >= rank) {
      h = rank;
      coreCites += ci;
      coreAuthors += ai;
    }
    // Σ_{i≤g} c_i ≥ g² also holds for a prefix (the top g average ≥ c_g), so the last rank that passes is g.
    if (total >= rank * rank) g = rank;
    // c_i falls and r_eff(i) rises, so c_i ≥ r_eff(i) holds for a prefix too.
    if (hmOpen) {
      rEff += 1 / ai;
      if (ci + EPS >= rEff) hm = rEff;
      else hmOpen = false;
    }
    if (ci >= 10) i10++;
    const norm = ci / ai;
    if (norm >= 1) perAuthor[norm >= n ? n : Math.floor(norm)]!++;
  }
  const hInorm = hFromBuckets(perAuthor);
  return {
    h,
    g,
    e: Math.sqrt(coreCites - h * h),
    a: h > 0 ? total / (h * h) : null,
    m: years != null ? h / years : null,
    hI: h > 0 ? (h * h) / coreAuthors : 0,
    hInorm,
    hIannual: years != null ? hInorm / years : null,
    hm,
    i10,
  };
}
