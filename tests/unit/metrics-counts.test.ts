/**
 * Hand-computed vectors for the counts, the h-index family, the age-weighted metrics and the
 * "since" column. The arithmetic is in the comments; Y = 2025 unless said otherwise.
 */
import { describe, expect, it } from 'vitest';
import { computeMetricSet, type MetricPaper } from '../../lib/metrics/index';
import { Metrics } from '../../lib/schema';

const Y = 2025;
const P = (citations: number | null, year: number | null, authors = 1, extra: Partial<MetricPaper> = {}): MetricPaper => ({
  citations, year, authors, ...extra,
});
const run = (papers: MetricPaper[], year = Y) => Metrics.parse(computeMetricSet(papers, { year }));

/**
 * The main vector. Ranking (citations descending, ties in input order):
 *   rank 1 p4 c=25 a=5 2015 | rank 2 p1 c=10 a=2 2020 | rank 3 p2 c=4 a=1 2023
 *   rank 4 p3 c=4 a=4 2025  | rank 5 p7 c=1 a=2 2010  | rank 6 p6 c=0 a=1 (no year)
 * p5 (2024, 3 authors) has no known count.
 */
const main: MetricPaper[] = [
  P(10, 2020, 2), // p1
  P(4, 2023, 1), // p2
  P(4, 2025, 4), // p3: this year, age 1
  P(25, 2015, 5), // p4
  P(null, 2024, 3), // p5: unknown count
  P(0, null, 1), // p6: no year
  P(1, 2010, 2), // p7
];

describe('counts (main vector)', () => {
  const m = run(main);
  it('papers, citations, averages', () => {
    expect(m.papers).toBe(7);
    expect(m.papersWithCitations).toBe(6);
    expect(m.citations).toBe(44); // 10 + 4 + 4 + 25 + 0 + 1
    expect(m.firstYear).toBe(2010);
    expect(m.lastYear).toBe(2025);
    expect(m.years).toBe(15); // max(1, 2025 − 2010)
    expect(m.citationsPerYear).toBeCloseTo(44 / 15, 12); // 2.9333…
    expect(m.citationsPerPaper).toBeCloseTo(44 / 6, 12); // over the 6 known counts, not 7
    expect(m.citationsPerPaperMedian).toBe(4); // 25 10 4 | 4 1 0 → (4 + 4) / 2
    // 25/5 + 10/2 + 4/1 + 4/4 + 1/2 + 0/1 = 5 + 5 + 4 + 1 + 0.5 + 0
    expect(m.citationsPerAuthor).toBeCloseTo(15.5, 12);
    // every paper, p5 included: 1/2 + 1/1 + 1/4 + 1/5 + 1/3 + 1/1 + 1/2 = 227/60
    expect(m.papersPerAuthor).toBeCloseTo(227 / 60, 12);
    expect(m.authorsPerPaper).toBeCloseTo(18 / 7, 12); // (2 + 1 + 4 + 5 + 3 + 1 + 2) / 7
  });

  it('h family', () => {
    // 25 ≥ 1, 10 ≥ 2, 4 ≥ 3, 4 ≥ 4 (the tie sits on the boundary), 1 < 5
    expect(m.h).toBe(4);
    // prefix sums 25 35 39 43 44 44 against 1 4 9 16 25 36: all pass, and g ≤ 6 papers
    expect(m.g).toBe(6);
    expect(m.e).toBeCloseTo(Math.sqrt(27), 12); // 25 + 10 + 4 + 4 − 4² = 27
    expect(m.a).toBeCloseTo(2.75, 12); // 44 / 4²
    expect(m.m).toBeCloseTo(4 / 15, 12);
    expect(m.hI).toBeCloseTo(16 / 12, 12); // 4² / (5 + 2 + 1 + 4)
    // c/a = 5, 5, 4, 1, 0.5, 0: three values ≥ 3, not four ≥ 4
    expect(m.hInorm).toBe(3);
    expect(m.hIannual).toBeCloseTo(3 / 15, 12);
    // r_eff = 0.2 (25 ✓), 0.7 (10 ✓), 1.7 (4 ✓), 1.95 (4 ✓), 2.45 (1 ✗)
    expect(m.hm).toBeCloseTo(1.95, 12);
    expect(m.i10).toBe(2); // 25, 10
  });

  it('age-weighted (p6 has no year, p5 no count: both left out)', () => {
    // ages: p4 11, p1 6, p2 3, p3 1, p7 16 → rates 25/11, 10/6, 4/3, 4, 1/16
    // Σ = (1200 + 880 + 704 + 2112 + 33) / 528 = 4929 / 528
    expect(m.AWCR).toBeCloseTo(4929 / 528, 12);
    expect(m.AW).toBeCloseTo(Math.sqrt(4929 / 528), 12);
    // 25/(11·5) + 10/(6·2) + 4/(3·1) + 4/(1·4) + 1/(16·2) = (480 + 880 + 1408 + 1056 + 33) / 1056
    expect(m.AWCRpA).toBeCloseTo(3857 / 1056, 12);
    // rates 4, 2.27, 1.67, 1.33, 0.06
    expect([m.ACC1, m.ACC2, m.ACC5, m.ACC10, m.ACC20]).toEqual([4, 2, 0, 0, 0]);
    expect(m.hA).toBe(2); // 4 ≥ 1, 2.27 ≥ 2, 1.67 < 3
    // S = 4·rate = 16, 9.09, 6.67, 5.33, 0.25: four ≥ 4, not five ≥ 5
    expect(m.hc).toBe(4);
  });

  it('since Y − 5 (papers published in or after 2020)', () => {
    expect(m.sinceYear).toBe(2020);
    // p1 (2020, 10), p2 (2023, 4), p3 (2025, 4); p5 (2024) has no count; p6 no year
    expect(m.citationsSince).toBe(18);
    expect(m.hSince).toBe(3); // 10 ≥ 1, 4 ≥ 2, 4 ≥ 3
    expect(m.i10Since).toBe(1);
  });

  it('does not depend on the input order except through ties', () => {
    const shuffled = [main[6]!, main[3]!, main[0]!, main[5]!, main[1]!, main[4]!, main[2]!];
    const again = run(shuffled);
    for (const [k, v] of Object.entries(m)) {
      const w = (again as Record<string, unknown>)[k];
      if (typeof v === 'number') expect(w, k).toBeCloseTo(v, 12); // sums in another order round differently
      else expect(w, k).toEqual(v);
    }
  });
});

describe('edge cases', () => {
  it('no papers: citation metrics unknown, sums 0', () => {
    const m = run([]);
    expect(m.papers).toBe(0);
    expect(m.citations).toBeNull();
    expect(m.h).toBeNull();
    expect(m.AWCR).toBeNull();
    expect(m.papersPerAuthor).toBe(0);
    expect(m.authorsPerPaper).toBeNull();
    expect(m.years).toBeNull();
    expect(m.citationsSince).toBeNull();
  });

  it('all citations zero: zeros, not nulls (a = null as h = 0)', () => {
    const m = run([P(0, 2020), P(0, 2021)]);
    expect(m.citations).toBe(0);
    expect([m.h, m.g, m.e, m.hc, m.hInorm, m.hm, m.hA, m.i10]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(m.a).toBeNull(); // C / h² with h = 0
    expect(m.hI).toBe(0); // h = 0 → 0 by definition
    expect(m.m).toBe(0); // 0 / 5
    expect(m.hIannual).toBe(0);
    expect([m.AWCR, m.AW, m.AWCRpA]).toEqual([0, 0, 0]);
    expect([m.ACC1, m.ACC2, m.ACC5, m.ACC10, m.ACC20]).toEqual([0, 0, 0, 0, 0]);
    expect(m.citationsPerPaper).toBe(0);
    expect(m.citationsPerPaperMedian).toBe(0);
    expect(m.citationsPerYear).toBe(0); // 0 / max(1, 2025 − 2020)
    expect([m.citationsSince, m.hSince, m.i10Since]).toEqual([0, 0, 0]);
  });

  it('all counts unknown: every citation metric null, never 0', () => {
    const m = run([P(null, 2020, 2), P(null, 2024, 1)]);
    for (const k of [
      'citations', 'citationsPerYear', 'citationsPerPaper', 'citationsPerPaperMedian', 'citationsPerAuthor', 'h', 'g', 'e', 'a', 'm',
      'hc', 'hI', 'hInorm', 'hIannual', 'hm', 'AWCR', 'AW', 'AWCRpA', 'ACC1', 'ACC2', 'ACC5', 'ACC10', 'ACC20', 'hA', 'i10',
      'citationsSince', 'hSince', 'i10Since',
    ] as const) {
      expect(m[k], k).toBeNull();
    }
    expect(m.papers).toBe(2);
    expect(m.papersWithCitations).toBe(0);
    expect(m.papersPerAuthor).toBeCloseTo(1.5, 12); // 1/2 + 1/1: author counts do not need citations
    expect(m.authorsPerPaper).toBeCloseTo(1.5, 12);
    expect(m.years).toBe(5);
  });

  it('papers without a year: rank metrics yes, age metrics and years no', () => {
    const m = run([P(5, null), P(3, null)]);
    expect(m.h).toBe(2);
    expect(m.citations).toBe(8);
    expect(m.citationsPerPaper).toBe(4);
    expect([m.firstYear, m.lastYear, m.years]).toEqual([null, null, null]);
    expect([m.citationsPerYear, m.m, m.hIannual]).toEqual([null, null, null]); // need years
    expect([m.AWCR, m.AW, m.AWCRpA, m.hA, m.hc, m.ACC1]).toEqual([null, null, null, null, null, null]);
    expect([m.citationsSince, m.hSince, m.i10Since]).toEqual([null, null, null]);
  });

  it('a paper from this year has age 1; a later year counts as age 1 too; years ≥ 1', () => {
    const m = run([P(7, 2025)]);
    expect(m.AWCR).toBe(7); // 7 / (2025 − 2025 + 1)
    expect(m.hA).toBe(1); // one paper: h ≤ 1
    expect(m.hc).toBe(1); // S = 28, one paper
    expect(m.years).toBe(1); // max(1, 0)
    expect(m.citationsPerYear).toBe(7);
    expect(m.m).toBe(1);
    const future = run([P(6, 2027)]); // with --year 2025, a 2027 paper: age max(1, −1) = 1
    expect(future.AWCR).toBe(6);
    expect(future.years).toBe(1);
    expect(future.citationsSince).toBe(6);
  });

  it('single-author and 500-author papers', () => {
    // ranking: c=100 a=500, c=3 a=1
    const m = run([P(3, 2020, 1), P(100, 2020, 500)]);
    expect(m.h).toBe(2); // 100 ≥ 1, 3 ≥ 2
    expect(m.hI).toBeCloseTo(4 / 501, 12); // 2² / (500 + 1)
    expect(m.hInorm).toBe(1); // c/a = 0.2, 3
    expect(m.hm).toBeCloseTo(1.002, 12); // r_eff 1/500 = 0.002 (100 ✓), 1.002 (3 ✓)
    expect(m.citationsPerAuthor).toBeCloseTo(3.2, 12); // 100/500 + 3/1
    expect(m.papersPerAuthor).toBeCloseTo(1.002, 12); // 1/1 + 1/500
    expect(m.authorsPerPaper).toBe(250.5);
    // ages 6: AWCRpA = 3/(6·1) + 100/(6·500) = 0.5 + 1/30
    expect(m.AWCRpA).toBeCloseTo(0.5 + 1 / 30, 12);
  });

  it('an author count of 0 (unknown) counts as 1', () => {
    const m = run([P(6, 2020, 0), P(2, 2020, 2)]);
    expect(m.citationsPerAuthor).toBe(7); // 6/1 + 2/2
    expect(m.papersPerAuthor).toBe(1.5); // 1/1 + 1/2
    expect(m.authorsPerPaper).toBe(1.5); // (1 + 2) / 2
    expect(m.hI).toBeCloseTo(4 / 3, 12); // h = 2: 2² / (1 + 2)
  });

  it('ties at the h boundary, and hI / hm depend on which tied paper ranks first (input order)', () => {
    // 3 3 3 3 2: h = 3 (the 4th 3 < 4); the h-core is the first three 3s in input order
    const a = run([P(3, 2020, 1), P(3, 2020, 2), P(3, 2020, 3), P(3, 2020, 4), P(2, 2020, 1)]);
    expect(a.h).toBe(3);
    expect(a.hI).toBeCloseTo(9 / 6, 12); // 3² / (1 + 2 + 3)
    // r_eff: 1, 1.5, 1.8333, 2.0833 (all ≤ 3 ✓), then c = 2 < 2.0833 + 1 → hm = 2.0833…
    expect(a.hm).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4, 12);
    const b = run([P(3, 2020, 4), P(3, 2020, 3), P(3, 2020, 2), P(3, 2020, 1), P(2, 2020, 1)]);
    expect(b.h).toBe(3);
    expect(b.hI).toBeCloseTo(9 / 9, 12); // 3² / (4 + 3 + 2)
    expect(b.hm).toBeCloseTo(1 / 4 + 1 / 3 + 1 / 2 + 1, 12); // same sum: c = 2 < 2.0833 + 1 stops it
  });

  it('g is capped at the number of papers; e and a on a one-paper record', () => {
    const m = run([P(100, 2020)]);
    expect(m.g).toBe(1); // 100 ≥ 1², but there is one paper
    expect(m.h).toBe(1);
    expect(m.e).toBeCloseTo(Math.sqrt(99), 12); // 100 − 1²
    expect(m.a).toBe(100); // 100 / 1²
    expect(m.i10).toBe(1);
    expect([m.ACC10, m.ACC20]).toEqual([1, 0]); // age 6: 100 / 6 = 16.7 ≥ 10, < 20
  });

  it('ACC thresholds are inclusive', () => {
    // ages 1: rates 20, 10, 5, 2, 1, 0.5
    const m = run([P(20, 2025), P(10, 2025), P(5, 2025), P(2, 2025), P(1, 2025), P(1, 2024)]);
    expect([m.ACC1, m.ACC2, m.ACC5, m.ACC10, m.ACC20]).toEqual([5, 4, 3, 2, 1]);
    expect(m.hA).toBe(3); // 20, 10, 5 ≥ 3; 2 < 4
  });

  it('since: the window starts at Y − 5 inclusive, and is unknown when none of its papers has a count', () => {
    const m = run([P(50, 2019), P(12, 2020), P(30, 2025), P(null, 2024)]);
    expect(m.sinceYear).toBe(2020);
    expect(m.citationsSince).toBe(42); // 12 + 30; 2019 is outside
    expect(m.hSince).toBe(2);
    expect(m.i10Since).toBe(2);
    const old = run([P(50, 2019), P(null, 2024)]);
    expect([old.citationsSince, old.hSince, old.i10Since]).toEqual([null, null, null]);
    expect(old.citations).toBe(50);
    expect(run([P(1, 2014)], 2019).sinceYear).toBe(2014);
  });

  it('the hm prefix stops at the first failure', () => {
    // ranking 2 (a=1), 1 (a=1), 1 (a=1): r_eff 1 (2 ✓), 2 (1 ✗) → hm = 1
    expect(run([P(2, 2020), P(1, 2020), P(1, 2020)]).hm).toBe(1);
  });
});
