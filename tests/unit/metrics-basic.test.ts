import { describe, expect, it } from 'vitest';
import { computeMetrics, hIndex, paperYear } from '../../lib/metrics/basic';
import { Metrics } from '../../lib/schema';
import { makePaper } from '../make-paper';

describe('hIndex', () => {
  it('hand-computed vectors', () => {
    expect(hIndex([])).toBe(0);
    expect(hIndex([0, 0, 0])).toBe(0);
    expect(hIndex([1])).toBe(1);
    expect(hIndex([10])).toBe(1);
    expect(hIndex([3, 0, 6, 1, 5])).toBe(3);
    expect(hIndex([1, 1, 1, 1])).toBe(1);
    expect(hIndex([100, 100, 2])).toBe(2);
    expect(hIndex([4, 4, 4, 4])).toBe(4);
    expect(hIndex([5, 5, 5, 5, 5, 5])).toBe(5);
  });
  it('ties at the h boundary', () => {
    // sorted 5,3,3,3,1: 3 papers with ≥3, the 4th has 3 < 4 → h = 3
    expect(hIndex([3, 1, 3, 5, 3])).toBe(3);
    // sorted 4,4,2,2: 2 papers with ≥2 … the 3rd has 2 < 3 → h = 2
    expect(hIndex([2, 4, 2, 4])).toBe(2);
  });
  it('ignores negative and non-finite values', () => {
    expect(hIndex([-1, Number.NaN, 2, 2])).toBe(2);
  });
});

describe('paperYear', () => {
  it('year, else published year, else updated year', () => {
    expect(paperYear({ year: 2020, published: '2019-01-01', updated: null })).toBe(2020);
    expect(paperYear({ year: null, published: '2019-05-01', updated: '2021-01-01' })).toBe(2019);
    expect(paperYear({ year: null, published: null, updated: '2021-01-01' })).toBe(2021);
    expect(paperYear({ year: null, published: null, updated: null })).toBeNull();
  });
});

describe('computeMetrics', () => {
  it('no papers', () => {
    const m = computeMetrics([]);
    // Every citation metric is unknown (null), never 0; sums over no papers are 0.
    expect(m).toEqual({
      papers: 0,
      papersWithCitations: 0,
      citations: null,
      citationsPerYear: null,
      citationsPerPaper: null,
      citationsPerPaperMedian: null,
      citationsPerAuthor: null,
      papersPerAuthor: 0,
      authorsPerPaper: null,
      firstAuthorShare: null,
      lastAuthorShare: null,
      firstYear: null,
      lastYear: null,
      years: null,
      h: null, g: null, e: null, a: null, m: null, hc: null, hI: null, hInorm: null, hIannual: null, hm: null,
      AWCR: null, AW: null, AWCRpA: null, ACC1: null, ACC2: null, ACC5: null, ACC10: null, ACC20: null, hA: null, i10: null,
      sinceYear: new Date().getUTCFullYear() - 5,
      citationsSince: null,
      hSince: null,
      i10Since: null,
      primaryCategory: null,
      categoryMix: [],
      papersPerYear: [],
      codeShare: null,
      topCoauthors: [],
      aiScore: null,
      novelty: null,
    });
    expect(Metrics.safeParse(m).success).toBe(true);
  });

  it('all citations zero → h 0, citations 0', () => {
    const m = computeMetrics([makePaper({ citations: 0, year: 2020 }), makePaper({ citations: 0, year: 2020 })]);
    expect(m.citations).toBe(0);
    expect(m.h).toBe(0);
    expect(m.papersWithCitations).toBe(2);
    expect(m.papersPerYear).toEqual([{ year: 2020, papers: 2, citations: 0 }]);
  });

  it('all unknown → null, null (never 0)', () => {
    const m = computeMetrics([makePaper({ year: 2020 }), makePaper({ year: 2021 })]);
    expect(m.citations).toBeNull();
    expect(m.h).toBeNull();
    expect(m.papersWithCitations).toBe(0);
    expect(m.papersPerYear).toEqual([
      { year: 2020, papers: 1, citations: null },
      { year: 2021, papers: 1, citations: null },
    ]);
  });

  it('mix of known and unknown counts', () => {
    const papers = [
      makePaper({ citations: 10, year: 2019, primaryCategory: 'cs.CL', links: { abs: null, pdf: null, code: ['https://github.com/a/b'] } }),
      makePaper({ citations: null, year: 2019, primaryCategory: 'cs.CL' }),
      makePaper({ citations: 3, year: 2021, primaryCategory: 'cs.LG' }),
      makePaper({ citations: 1, published: '2021-04-02', primaryCategory: 'stat.ML' }),
      makePaper({ citations: null, year: 2022, primaryCategory: null }),
    ];
    const m = computeMetrics(papers);
    expect(m.papers).toBe(5);
    expect(m.papersWithCitations).toBe(3);
    expect(m.citations).toBe(14);
    expect(m.h).toBe(2); // 10, 3, 1
    expect(m.primaryCategory).toBe('cs.CL');
    expect(m.categoryMix).toEqual([
      { category: 'cs.CL', count: 2 },
      { category: 'cs.LG', count: 1 },
      { category: 'stat.ML', count: 1 },
    ]);
    expect(m.papersPerYear).toEqual([
      { year: 2019, papers: 2, citations: 10 },
      { year: 2021, papers: 2, citations: 4 },
      { year: 2022, papers: 1, citations: null },
    ]);
    expect(m.codeShare).toBeCloseTo(0.2);
    expect(m.firstYear).toBe(2019);
    expect(m.lastYear).toBe(2022);
    expect(Metrics.safeParse(m).success).toBe(true);
  });

  it('ties at the h boundary', () => {
    const m = computeMetrics([3, 3, 3, 3, 2].map((c) => makePaper({ citations: c })));
    expect(m.h).toBe(3);
    expect(m.citations).toBe(14);
  });

  it('primary category tie is broken by the most recent paper', () => {
    const papers = [
      makePaper({ primaryCategory: 'cs.CL', published: '2020-01-01' }),
      makePaper({ primaryCategory: 'cs.LG', published: '2024-03-01' }),
      makePaper({ primaryCategory: 'cs.CL', published: '2023-12-31' }),
      makePaper({ primaryCategory: 'cs.LG', published: '2019-01-01' }),
      makePaper({ primaryCategory: 'math.ST', published: '2025-01-01' }),
    ];
    const m = computeMetrics(papers);
    expect(m.primaryCategory).toBe('cs.LG');
    // categoryMix ties sorted by name
    expect(m.categoryMix).toEqual([
      { category: 'cs.CL', count: 2 },
      { category: 'cs.LG', count: 2 },
      { category: 'math.ST', count: 1 },
    ]);
  });

  it('recency uses published, then updated, then year', () => {
    const a = makePaper({ primaryCategory: 'a.X', updated: '2022-06-01' });
    const b = makePaper({ primaryCategory: 'b.Y', year: 2022 });
    expect(computeMetrics([b, a]).primaryCategory).toBe('a.X'); // 2022-06-01 beats "2022"
    const c = makePaper({ primaryCategory: 'b.Y', year: 2023 });
    expect(computeMetrics([a, c]).primaryCategory).toBe('b.Y');
    // equal recency → name order
    const d = makePaper({ primaryCategory: 'z.Z', published: '2022-06-01' });
    expect(computeMetrics([d, a]).primaryCategory).toBe('a.X');
  });

  it('papers without a year are counted but not placed on the timeline', () => {
    const m = computeMetrics([makePaper({ citations: 5 }), makePaper({ citations: 2, updated: '2018-02-03' })]);
    expect(m.papers).toBe(2);
    expect(m.citations).toBe(7);
    expect(m.h).toBe(2);
    expect(m.papersPerYear).toEqual([{ year: 2018, papers: 1, citations: 2 }]);
    expect(m.firstYear).toBe(2018);
    expect(m.lastYear).toBe(2018);

    const none = computeMetrics([makePaper({})]);
    expect(none.papersPerYear).toEqual([]);
    expect(none.firstYear).toBeNull();
    expect(none.lastYear).toBeNull();
    expect(none.codeShare).toBe(0);
    expect(none.primaryCategory).toBeNull();
  });
});
