/** Hand-computed vectors for the profile statistics: authorship, co-authors, categories, years, code, AI Score. */
import { describe, expect, it } from 'vitest';
import { aiScore, aiWeight } from '../../lib/metrics/ai-score';
import { authorship } from '../../lib/metrics/authorship';
import { computeMetricSet, computeMetrics, type MetricPaper } from '../../lib/metrics/index';
import { Metrics } from '../../lib/schema';
import { makePaper } from '../make-paper';

const named = (authorNames: string[], extra: Partial<MetricPaper> = {}): MetricPaper => ({
  citations: null, year: 2020, authors: authorNames.length, authorNames, ...extra,
});

describe('first- and last-author shares', () => {
  const papers = [
    named(['Ada Lovelace', 'Charles Babbage']), // 1: first
    named(['Charles Babbage', 'Lovelace, Ada']), // 2: last ("Lovelace, Ada" = "ada lovelace")
    named(['Ada Lovelace']), // 3: single author: first and last
    named(['Mary Somerville', 'ADA LOVELACE', 'Charles Babbage']), // 4: middle: neither
    { citations: null, year: 2020, authors: 2 }, // 5: no names: not counted either way
  ];

  it('are over the papers that list names', () => {
    const a = authorship(papers, 'Ada Lovelace');
    expect(a.firstAuthorShare).toBe(0.5); // papers 1, 3 of 4 named
    expect(a.lastAuthorShare).toBe(0.5); // papers 2, 3 of 4
    // Charles Babbage: papers 1, 2, 4; Mary Somerville: 4. Ada (any spelling) left out.
    expect(a.topCoauthors).toEqual([{ name: 'Charles Babbage', papers: 3 }, { name: 'Mary Somerville', papers: 1 }]);
  });

  it('match names by normalised form (accents, initials punctuation, "Last, First")', () => {
    const a = authorship([named(['Müller, Jörg', 'X Y']), named(['X Y', 'Jorg Muller'])], 'J\u00f6rg M\u00fcller');
    expect(a.firstAuthorShare).toBe(0.5);
    expect(a.lastAuthorShare).toBe(0.5);
    expect(a.topCoauthors).toEqual([{ name: 'X Y', papers: 2 }]);
  });

  it('are null without an author or without names; co-authors then include everyone', () => {
    const a = authorship(papers, null);
    expect(a.firstAuthorShare).toBeNull();
    expect(a.lastAuthorShare).toBeNull();
    // Ada: 1, 2, 3, 4 (first spelling met: "Ada Lovelace"); Charles: 3; Mary: 1
    expect(a.topCoauthors).toEqual([
      { name: 'Ada Lovelace', papers: 4 },
      { name: 'Charles Babbage', papers: 3 },
      { name: 'Mary Somerville', papers: 1 },
    ]);
    const none = authorship([{ citations: 1, year: 2020, authors: 3 }], 'Ada Lovelace');
    expect(none).toEqual({ firstAuthorShare: null, lastAuthorShare: null, topCoauthors: [] });
    expect(authorship(papers, '').firstAuthorShare).toBeNull();
  });
});

describe('top co-authors', () => {
  it('top 10, most shared papers first, ties by name; a name twice on one paper counts once', () => {
    const twelve = 'Lara Kai Jo Ivy Hal Gus Fay Eve Dan Cal Bea Abe'.split(' ').map((n) => `${n} Smith`);
    const papers = [
      named(['Me Myself', ...twelve]),
      named(['Me Myself', 'Zed Zulu', 'Zed Zulu', 'zed zulu']), // Zed counts once here
      named(['Zed Zulu', 'Me Myself']),
      named(['Lara Smith']),
    ];
    const top = authorship(papers, 'Me Myself').topCoauthors;
    expect(top).toHaveLength(10);
    // Lara: 2 papers, Zed: 2 papers (ties by name: "lara smith" < "zed zulu"), then the 1-paper names A…H
    expect(top).toEqual([
      { name: 'Lara Smith', papers: 2 },
      { name: 'Zed Zulu', papers: 2 },
      ...['Abe', 'Bea', 'Cal', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal'].map((n) => ({ name: `${n} Smith`, papers: 1 })),
    ]);
  });
});

describe('AI Score', () => {
  it('weights: primary 1, cross-list only 0.5, else 0; no category: left out', () => {
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: 'cs.LG', categories: ['cs.LG', 'math.OC'] })).toBe(1);
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: 'math.ST', categories: ['math.ST', 'stat.ML'] })).toBe(0.5);
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: 'hep-th', categories: ['hep-th'] })).toBe(0);
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: null, categories: ['cs.CV'] })).toBe(0.5);
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: null, categories: [] })).toBeNull();
    expect(aiWeight({ citations: null, year: null, authors: 1 })).toBeNull();
    for (const c of ['cs.AI', 'cs.LG', 'cs.CL', 'cs.CV', 'cs.NE', 'cs.IR', 'cs.MA', 'cs.RO', 'stat.ML']) {
      expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: c }), c).toBe(1);
    }
    expect(aiWeight({ citations: null, year: null, authors: 1, primaryCategory: 'cs.DS', categories: ['cs.DS', 'math.CO'] })).toBe(0);
  });

  it('100 × the mean over the papers with a category', () => {
    const p = (primaryCategory: string | null, categories: string[]): MetricPaper => ({ citations: null, year: null, authors: 1, primaryCategory, categories });
    // w = 1, 0.5, 0, 0.5, (none): (1 + 0.5 + 0 + 0.5) / 4 = 0.5
    expect(aiScore([p('cs.LG', ['cs.LG']), p('math.ST', ['math.ST', 'stat.ML']), p('hep-th', ['hep-th']), p(null, ['cs.CV']), p(null, [])])).toBe(50);
    expect(aiScore([p(null, []), p(null, [])])).toBeNull();
    expect(aiScore([])).toBeNull();
    expect(aiScore([p('cs.CL', [])])).toBe(100);
    expect(aiScore([p('q-bio.NC', ['q-bio.NC'])])).toBe(0);
  });
});

describe('categories, years and code', () => {
  const base = { citations: null, authors: 1 } as const;
  it('primary category: most frequent; a tie goes to the most recent paper (date, else year)', () => {
    const m = computeMetricSet(
      [
        { ...base, year: 2019, primaryCategory: 'cs.CL', date: '2019-05-01' },
        { ...base, year: 2022, primaryCategory: 'cs.LG' }, // year only: "2022-00-00" < "2022-03-01"
        { ...base, year: 2022, primaryCategory: 'cs.CL', date: '2022-03-01' },
        { ...base, year: 2018, primaryCategory: 'cs.LG', date: '2018-01-01' },
        { ...base, year: 2025, primaryCategory: 'math.ST', date: '2025-01-01' },
      ],
      { year: 2025 },
    );
    expect(m.primaryCategory).toBe('cs.CL');
    expect(m.categoryMix).toEqual([{ category: 'cs.CL', count: 2 }, { category: 'cs.LG', count: 2 }, { category: 'math.ST', count: 1 }]);
  });

  it('papers per year with known citations per year, null when a year has none', () => {
    const m = computeMetricSet(
      [{ ...base, year: 2021, citations: 3 }, { ...base, year: 2021, citations: null }, { ...base, year: 2019 }, { ...base, year: null, citations: 9 }],
      { year: 2025 },
    );
    expect(m.papersPerYear).toEqual([{ year: 2019, papers: 1, citations: null }, { year: 2021, papers: 2, citations: 3 }]);
    // years far apart (the sparse path) stay in order
    const wide = computeMetricSet([{ ...base, year: 9999, citations: 1 }, { ...base, year: 1 }], { year: 2025 });
    expect(wide.papersPerYear).toEqual([{ year: 1, papers: 1, citations: null }, { year: 9999, papers: 1, citations: 1 }]);
  });

  it('code share over the papers whose links are known', () => {
    const m = computeMetricSet([{ ...base, year: 2020, codeLinks: 2 }, { ...base, year: 2020, codeLinks: 0 }, { ...base, year: 2020 }], { year: 2025 });
    expect(m.codeShare).toBe(0.5); // 1 of the 2 that say
    expect(computeMetricSet([{ ...base, year: 2020 }], { year: 2025 }).codeShare).toBeNull();
  });
});

describe('computeMetrics (stored papers)', () => {
  it('reads names, categories, code links and dates off Paper, with the author option', () => {
    const papers = [
      makePaper({ authors: ['Ada Lovelace', 'Charles Babbage'], citations: 12, year: 2021, primaryCategory: 'cs.LG', categories: ['cs.LG'] }),
      makePaper({ authors: ['Charles Babbage', 'Ada Lovelace'], citations: 3, published: '2024-02-01', primaryCategory: 'math.ST', categories: ['math.ST', 'stat.ML'], links: { abs: null, pdf: null, code: ['https://github.com/a/b'] } }),
      makePaper({ authors: [], citations: null, year: 2023 }),
    ];
    const m = Metrics.parse(computeMetrics(papers, { year: 2025, author: 'Ada Lovelace' }));
    expect(m.papers).toBe(3);
    expect(m.citations).toBe(15);
    expect(m.h).toBe(2);
    expect(m.firstAuthorShare).toBe(0.5); // of the 2 papers with names
    expect(m.lastAuthorShare).toBe(0.5);
    expect(m.topCoauthors).toEqual([{ name: 'Charles Babbage', papers: 2 }]);
    expect(m.aiScore).toBe(75); // (1 + 0.5) / 2; the third paper has no category
    expect(m.codeShare).toBeCloseTo(1 / 3, 12);
    expect(m.authorsPerPaper).toBeCloseTo(5 / 3, 12); // 2 + 2 + (0 read as 1)
    expect(m.citationsSince).toBe(15); // 2021 and 2024 ≥ 2020
    expect(m.papersPerYear.map((r) => r.year)).toEqual([2021, 2023, 2024]);
  });

  it('defaults to the current UTC year', () => {
    expect(computeMetrics([]).sinceYear).toBe(new Date().getUTCFullYear() - 5);
  });
});
