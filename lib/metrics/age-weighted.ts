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

export function ageWeighted(cols: Columns, Y: number): AgeWeighted {
  const { N, c, a, year } = cols;
  // Tallies (see `hBuckets`) of c_i / age_i for hA and of S_i = 4·c_i / age_i for hc.
  const perYear = hBuckets(N);
  const contemporary = hBuckets(N);
  let m = 0;
  let awcr = 0;
  let awcrpa = 0;
  let acc1 = 0;
  let acc2 = 0;
  let acc5 = 0;
  let acc10 = 0;
  let acc20 = 0;
  for (let i = 0; i < N; i++) {
    const ci = c[i]!;
    const yi = year[i]!;
    if (Number.isNaN(ci) || Number.isNaN(yi)) continue;
    const age = ageOf(yi, Y);
    const rate = ci / age;
    awcr += rate;
    awcrpa += ci / (age * a[i]!);
    if (rate >= 1) {
      acc1++;
      if (rate >= 2) acc2++;
      if (rate >= 5) acc5++;
      if (rate >= 10) acc10++;
      if (rate >= 20) acc20++;
    }
    if (rate >= 1) perYear[rate >= N ? N : Math.floor(rate)]!++;
    const s = (GAMMA * ci) / age;
    if (s >= 1) contemporary[s >= N ? N : Math.floor(s)]!++;
    m++;
  }
  if (m === 0) {
    return { AWCR: null, AW: null, AWCRpA: null, ACC1: null, ACC2: null, ACC5: null, ACC10: null, ACC20: null, hA: null, hc: null };
  }
  return {
    AWCR: awcr,
    AW: Math.sqrt(awcr),
    AWCRpA: awcrpa,
    ACC1: acc1,
    ACC2: acc2,
    ACC5: acc5,
    ACC10: acc10,
    ACC20: acc20,
    hA: hFromBuckets(perYear),
    hc: hFromBuckets(contemporary),
  };
}
