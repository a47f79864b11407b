/**
 * Age-weighted metrics over the papers with a known citation count and a known year, with
 * age_i = Y − year_i + 1 (a paper from year Y has age 1; a year after Y is read as age 1):
 * AWCR, AW, AWCRpA, ACC1/2/5/10/20, the hA-index and the contemporary hc-index, in one linear
 * pass (hA and hc are h-indices of real values, found by counting: see `hBuckets`).
 */
import type { Metrics } from '../schema';
import type { Columns } from './columns';
import { hBuckets, hFromBuckets } from './h-family';

export type AgeWeighted = Pick<Metrics, 'AWCR' | 'AW' | 'AWCRpA' | 'ACC1' | 'ACC2' | 'ACC5' | 'ACC10' | 'ACC20' | 'hA' | 'hc'>;

/** Sidiropoulos et al.'s γ as Publish or Perish uses it (with δ = 1): S_i = γ·c_i / age_i. */
const GAMMA = 4;

export function ageOf(year: number, Y: number): number {
  return Math.max(1, Y - year + 1);
}

/** The ACCn thresholds (citations per year of age), read off the hA tallies. */
const ACC = [1, 2, 5, 10, 20] as const;

export function ageWeighted(cols: Columns, Y: number): AgeWeighted {
  const { N, c, a, year } = cols;
  // Tallies (see `hBuckets`) of rate_i = c_i / age_i for hA and of S_i = 4·c_i / age_i for hc. Every
  // value is tallied, those below 1 in bucket 0 (which h never reads): no branch on the value, whose
  // outcome is random and so mispredicted (that halved the pass). The rate tallies go up to at least
  // 20, so the ACCn counts are read off them afterwards: rate ≥ n ⇔ ⌊rate⌋ ≥ n for an integer n.
  const cap = Math.max(N, 20); // ≥ every ACC threshold
  const perYear = hBuckets(cap);
  const contemporary = hBuckets(N);
  let m = 0;
  let awcr = 0;
  let awcrpa = 0;
  for (let i = 0; i < N; i++) {
    const ci = c[i]!;
    const yi = year[i]!;
    if (Number.isNaN(ci) || Number.isNaN(yi)) continue;
    const age = ageOf(yi, Y);
    const rate = ci / age;
    awcr += rate;
    awcrpa += ci / (age * a[i]!);
    perYear[Math.min(Math.floor(rate), cap)]!++;
    // GAMMA·rate = (GAMMA·c_i) / age exactly: scaling by a power of two commutes with rounding.
    contemporary[Math.min(Math.floor(GAMMA * rate), N)]!++;
    m++;
  }
  if (m === 0) {
    return { AWCR: null, AW: null, AWCRpA: null, ACC1: null, ACC2: null, ACC5: null, ACC10: null, ACC20: null, hA: null, hc: null };
  }
  const [acc1, acc2, acc5, acc10, acc20] = atLeast(perYear, ACC);
  return {
    AWCR: awcr,
    AW: Math.sqrt(awcr),
    AWCRpA: awcrpa,
    ACC1: acc1!,
    ACC2: acc2!,
    ACC5: acc5!,
    ACC10: acc10!,
    ACC20: acc20!,
    hA: hFromBuckets(perYear),
    hc: hFromBuckets(contemporary),
  };
}

/** For each threshold n (ascending integers ≤ the cap): how many tallied values are ≥ n. One sweep down the tallies. */
function atLeast(bucket: Int32Array, thresholds: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  let b = bucket.length - 1;
  for (let t = thresholds.length - 1; t >= 0; t--) {
    for (; b >= thresholds[t]!; b--) k += bucket[b]!;
    out[t] = k;
  }
  return out;
}
