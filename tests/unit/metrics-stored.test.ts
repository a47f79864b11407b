/**
 * `computeMetrics` reads stored `Paper`s straight into columns (lib/metrics/stored.ts), without
 * making a `MetricPaper` per paper. It must give exactly what the `MetricPaper` route gives —
 * `computeMetricSet(papers.map(fromPaper))` — on papers with every field missing or odd in turn.
 * And `computeIndices` is `computeMetrics` without the three name-based figures, and the AI Score
 * the metric set tallies while reading the papers is `aiScore` (lib/metrics/ai-score.ts).
 */
import { describe, expect, it } from 'vitest';
import { aiScore } from '../../lib/metrics/ai-score';
import { computeIndices, computeMetrics, computeMetricSet, fromPaper, type MetricPaper } from '../../lib/metrics/index';
import { isoYear } from '../../lib/metrics/stored';
import { Paper } from '../../lib/schema';
import { mulberry32 as rng } from '../../bench/synthetic';


const NAMES = ['Ada Lovelace', 'Lovelace, Ada', 'ADA LOVELACE', 'Charles Babbage', 'C. Babbage', 'Mary Somerville', 'Jörg Müller', 'Muller, Jorg', '', '...', '__proto__'];
const CATEGORIES = ['cs.LG', 'cs.CL', 'stat.ML', 'math.ST', 'hep-th', 'q-bio.NC', ''];
const WORDS = ['graph', 'neural', 'quantum', 'field', 'the', 'and', 'spin', 'glass', 'learning'];

function randomPapers(seed: number, size: number): Paper[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const date = () => (r() < 0.5 ? null : `${1990 + Math.floor(r() * 40)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`);
  return Array.from({ length: size }, (_, i) =>
    Paper.parse({
      id: `p${i}`,
      title: r() < 0.5 ? '' : `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      abstract: r() < 0.7 ? null : `${pick(WORDS)} ${pick(WORDS)}`,
      authors: Array.from({ length: Math.floor(r() * 5) }, () => pick(NAMES)),
      published: date(),
      updated: date(),
      year: r() < 0.6 ? null : 1980 + Math.floor(r() * 50),
      primaryCategory: r() < 0.2 ? null : pick(CATEGORIES),
      categories: Array.from({ length: Math.floor(r() * 3) }, () => pick(CATEGORIES)),
      links: { abs: null, pdf: null, code: r() < 0.3 ? ['https://github.com/a/b'] : [] },
      citations: r() < 0.2 ? null : r() < 0.05 ? 65_536 + Math.floor(r() * 3) : Math.floor(r() ** 3 * 400),
      source: 'arxiv',
      fetchedAt: '2025-01-01T00:00:00.000Z',
    }),
  );
}

describe('computeMetrics reads Papers as fromPaper does', () => {
  for (const [seed, size] of [[1, 0], [2, 1], [3, 5], [4, 60], [5, 800]] as const) {
    it(`${size} papers`, () => {
      const papers = randomPapers(seed, size);
      for (const author of [null, 'Ada Lovelace', 'Jorg Muller']) {
        for (const year of [2025, 2001]) {
          expect(computeMetrics(papers, { year, author })).toStrictEqual(computeMetricSet(papers.map(fromPaper), { year, author }));
        }
      }
    });
  }

  it('computeIndices is computeMetrics without the name-based figures', () => {
    const papers = randomPapers(6, 300);
    const { firstAuthorShare, lastAuthorShare, topCoauthors, ...rest } = computeMetrics(papers, { year: 2025, author: 'Ada Lovelace' });
    expect(topCoauthors.length).toBeGreaterThan(0);
    expect(firstAuthorShare).not.toBeNull();
    expect(lastAuthorShare).not.toBeNull();
    expect(computeIndices(papers, { year: 2025 })).toStrictEqual(rest);
  });

  it('the AI Score tallied while reading is aiScore', () => {
    const r = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const primaries = [null, undefined, '', 'cs.LG', 'stat.ML', 'math.ST', 'hep-th', 'cs.DS'];
    const lists = [undefined, [], ['cs.LG'], ['math.ST', 'stat.ML'], ['hep-th'], ['cs.DS', 'math.CO', 'cs.CV'], ['']];
    for (let k = 0; k < 50; k++) {
      const papers: MetricPaper[] = Array.from({ length: 1 + Math.floor(r() * 30) }, () => ({
        citations: null, year: null, authors: 1, primaryCategory: pick(primaries), categories: pick(lists),
      }));
      expect(computeMetricSet(papers, { year: 2025 }).aiScore).toBe(aiScore(papers));
    }
  });

  it('isoYear reads "YYYY-" as paperYear does, NaN otherwise', () => {
    expect(isoYear('2019-05-01')).toBe(2019);
    expect(isoYear('0000-01-01')).toBe(0);
    expect(isoYear('2019-')).toBe(2019);
    for (const bad of [null, undefined, '', '2019', '201-05-01', '2019/05/01', '20a9-05-01', ' 2019-05-01', '２０１９-05-01']) {
      expect(isoYear(bad), String(bad)).toBeNaN();
    }
  });
});
