/**
 * The fast paths (radix sort, counting h-indices, prefix scans) against a plain reading of the
 * definitions in docs/metrics.md — comparator sorts and nested loops — on seeded random inputs,
 * plus the helpers on their own.
 */
import { describe, expect, it } from 'vitest';
import { hBuckets, hFromBuckets, hOfValues, tally } from '../../lib/metrics/h-family';
import { computeMetricSet, type MetricPaper } from '../../lib/metrics/index';
import { toColumns } from '../../lib/metrics/columns';
import { radixOrder, rankByCitations } from '../../lib/metrics/ranked';
import { Metrics } from '../../lib/schema';
import { mulberry32 as rng } from '../../bench/synthetic';


/** h-index of reals, by the definition: sort descending, the largest k with v_k ≥ k. */
const hOf = (vs: number[]): number => {
  const s = [...vs].sort((a, b) => b - a);
  let h = 0;
  for (let k = 1; k <= s.length; k++) if (s[k - 1]! >= k) h = k;
  return h;
};

function reference(papers: MetricPaper[], Y: number): Record<string, number | null> {
  const a = (p: MetricPaper) => (p.authors >= 1 ? p.authors : 1);
  const known = papers.filter((p) => p.citations !== null);
  const ranked = [...known].sort((x, y) => y.citations! - x.citations!); // stable
  const c = ranked.map((p) => p.citations!);
  const n = c.length;
  const dated = papers.filter((p) => p.year !== null).map((p) => p.year!);
  const first = dated.length ? Math.min(...dated) : null;
  const years = first === null ? null : Math.max(1, Y - first);
  const C = n ? c.reduce((s, x) => s + x, 0) : null;
  let h = 0;
  for (let k = 1; k <= n; k++) if (c[k - 1]! >= k) h = k;
  let g = 0;
  for (let k = 1; k <= n; k++) if (c.slice(0, k).reduce((s, x) => s + x, 0) >= k * k) g = k;
  let hm = 0;
  for (let i = 1; i <= n; i++) {
    const r = ranked.slice(0, i).reduce((s, p) => s + 1 / a(p), 0);
    if (c[i - 1]! + 1e-9 >= r) hm = Math.max(hm, r);
    else break;
  }
  const aged = known.filter((p) => p.year !== null).map((p) => ({ p, age: Math.max(1, Y - p.year! + 1) }));
  const rates = aged.map(({ p, age }) => p.citations! / age);
  const recent = known.filter((p) => p.year !== null && p.year >= Y - 5).map((p) => p.citations!);
  const sorted = [...c].sort((x, y) => x - y);
  const hInorm = hOf(ranked.map((p) => p.citations! / a(p)));
  const acc = (t: number) => (aged.length ? rates.filter((r) => r >= t).length : null);
  const awcr = rates.reduce((s, r) => s + r, 0);
  return {
    papers: papers.length,
    citations: C,
    citationsPerYear: C !== null && years !== null ? C / years : null,
    citationsPerPaper: C !== null ? C / n : null,
    citationsPerPaperMedian: n ? (n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2) : null,
    citationsPerAuthor: n ? ranked.reduce((s, p) => s + p.citations! / a(p), 0) : null,
    papersPerAuthor: papers.reduce((s, p) => s + 1 / a(p), 0),
    authorsPerPaper: papers.length ? papers.reduce((s, p) => s + a(p), 0) / papers.length : null,
    years,
    h: n ? h : null,
    g: n ? g : null,
    e: n ? Math.sqrt(c.slice(0, h).reduce((s, x) => s + x, 0) - h * h) : null,
    a: n && h ? C! / (h * h) : null,
    m: n && years !== null ? h / years : null,
    hI: n ? (h ? (h * h) / ranked.slice(0, h).reduce((s, p) => s + a(p), 0) : 0) : null,
    hInorm: n ? hInorm : null,
    hIannual: n && years !== null ? hInorm / years : null,
    hm: n ? hm : null,
    i10: n ? c.filter((x) => x >= 10).length : null,
    AWCR: aged.length ? awcr : null,
    AW: aged.length ? Math.sqrt(awcr) : null,
    AWCRpA: aged.length ? aged.reduce((s, { p, age }) => s + p.citations! / (age * a(p)), 0) : null,
    ACC1: acc(1), ACC2: acc(2), ACC5: acc(5), ACC10: acc(10), ACC20: acc(20),
    hA: aged.length ? hOf(rates) : null,
    hc: aged.length ? hOf(rates.map((r) => 4 * r)) : null,
    citationsSince: recent.length ? recent.reduce((s, x) => s + x, 0) : null,
    hSince: recent.length ? hOf(recent) : null,
    i10Since: recent.length ? recent.filter((x) => x >= 10).length : null,
  };
}

function randomPapers(seed: number, size: number, maxCites: number): MetricPaper[] {
  const r = rng(seed);
  return Array.from({ length: size }, () => ({
    citations: r() < 0.15 ? null : r() < 0.3 ? Math.floor(r() * 12) : Math.floor(r() ** 3 * maxCites),
    year: r() < 0.1 ? null : 2000 + Math.floor(r() * 27), // up to 2026: one year past Y
    authors: r() < 0.05 ? 0 : r() < 0.05 ? 500 : 1 + Math.floor(r() * 6),
  }));
}

describe('computeMetricSet against the definitions', () => {
  const cases: [string, number, number, number][] = [
    ['small counts (counting sort only)', 1, 60, 300],
    ['large counts (counting sort + radix-sorted tail)', 2, 400, 3_000_000],
    ['many ties', 3, 300, 8],
    ['one paper', 4, 1, 50],
    ['tiny', 5, 3, 20],
  ];
  for (const [name, seed, size, max] of cases) {
    it(name, () => {
      for (let k = 0; k < 5; k++) {
        const papers = randomPapers(seed * 100 + k, size, max);
        const got = Metrics.parse(computeMetricSet(papers, { year: 2025 })) as unknown as Record<string, number | null>;
        for (const [key, want] of Object.entries(reference(papers, 2025))) {
          if (want === null) expect(got[key], key).toBeNull();
          else expect(Math.abs(got[key]! - want), `${key}: ${got[key]} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        }
      }
    });
  }

  it('ties on both sides of the counting range (the tail is ranked apart) agree', () => {
    const r = rng(77);
    const values = [0, 3, 2047, 2048, 65_535, 65_536, 65_537, 70_000, 1_000_000, 2 ** 32 - 1];
    for (let k = 0; k < 5; k++) {
      const papers: MetricPaper[] = Array.from({ length: 40 + k * 300 }, () => ({
        citations: r() < 0.1 ? null : values[Math.floor(r() * values.length)]!,
        year: 2000 + Math.floor(r() * 27),
        authors: 1 + Math.floor(r() * 7), // tie order shows in hI and hm
      }));
      const got = computeMetricSet(papers, { year: 2025 }) as unknown as Record<string, number | null>;
      for (const [key, want] of Object.entries(reference(papers, 2025))) {
        if (want === null) expect(got[key], key).toBeNull();
        else expect(Math.abs(got[key]! - want), `${key}: ${got[key]} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }
    }
  });

  it('non-integer counts take the comparator path and agree', () => {
    const papers: MetricPaper[] = [2.5, 7, 2.5, 0.5, 11.25].map((citations, i) => ({ citations, year: 2020 + i, authors: i + 1 }));
    const got = computeMetricSet(papers, { year: 2025 }) as unknown as Record<string, number | null>;
    for (const [key, want] of Object.entries(reference(papers, 2025))) expect(got[key], key).toBeCloseTo(want!, 12);
  });
});

describe('helpers', () => {
  it('radixOrder is a stable ascending sort', () => {
    const r = rng(9);
    for (const max of [0, 1, 5, 65_535, 65_536, 4_000_000, 2 ** 32 - 1]) {
      const keys = Uint32Array.from({ length: 500 }, () => Math.floor(r() * (max + 1)));
      const want = Array.from(keys.keys()).sort((x, y) => keys[x]! - keys[y]!);
      expect(Array.from(radixOrder(keys, max)), String(max)).toEqual(want);
    }
    expect(Array.from(radixOrder(new Uint32Array(0), 0))).toEqual([]);
  });

  it('rankByCitations is a stable descending sort, below, across and above the counting range', () => {
    const r = rng(10);
    for (const values of [[0, 1, 2, 3], [0, 5, 2047, 2048, 65_535, 65_536, 65_537, 1e6, 2 ** 32 - 1], [2.5, 1, 2.5, 0.25]]) {
      for (const size of [1, 7, 100, 3000]) {
        // a_i = position + 1: the a column shows the order of tied papers exactly.
        const papers: MetricPaper[] = Array.from({ length: size }, (_, i) => ({
          citations: r() < 0.1 ? null : values[Math.floor(r() * values.length)]!,
          year: null,
          authors: i + 1,
        }));
        const known = papers.filter((p) => p.citations !== null);
        const want = [...known].sort((x, y) => y.citations! - x.citations!); // stable
        const got = rankByCitations(toColumns(papers));
        expect(got.n).toBe(known.length);
        expect(Array.from(got.c)).toEqual(want.map((p) => p.citations));
        expect(Array.from(got.a)).toEqual(want.map((p) => p.authors));
      }
    }
  });

  it('counting h-index of reals', () => {
    expect(hOfValues(new Float64Array([]))).toBe(0);
    expect(hOfValues(new Float64Array([0.5, 0.99]))).toBe(0);
    expect(hOfValues(new Float64Array([0.5, 1, 1.9, 2]))).toBe(1); // three ≥ 1, one ≥ 2
    expect(hOfValues(new Float64Array([3.5, 3.5, 3.5]))).toBe(3);
    expect(hOfValues(new Float64Array([2.999, 3, 3]))).toBe(2); // two ≥ 3: not three
    expect(hOfValues(new Float64Array([1e9]))).toBe(1); // capped at n
    expect(hOfValues(new Float64Array([Number.NaN, -4, 2, 2]))).toBe(2);
    expect(hOfValues(new Float64Array([5, 5, 5, 0]), 2)).toBe(2); // first n values only
    const b = hBuckets(10); // a cap above the number of values is fine
    for (const v of [4, 4, 4, 4, 9]) tally(b, v);
    expect(hFromBuckets(b)).toBe(4);
  });
});
