import { describe, expect, it } from 'vitest';
import {
  maxEarlierSimilarity,
  novelty,
  noveltyVectors,
  STOP_WORDS,
  tokenize,
  type NoveltyPaper,
} from '../../lib/metrics/novelty';

/** A paper with the given text as its title, dated by `date` (ISO) or `year`. */
const p = (title: string, date: string | null = null, year: number | null = null, abstract: string | null = null): NoveltyPaper => ({
  title,
  abstract,
  date,
  year,
});

describe('tokenize', () => {
  it('lower-cases, splits on non-letters/digits, drops stop words and 1-character tokens', () => {
    expect(tokenize('The Transformer: a model of X-ray data (GPT4, 2020)')).toEqual(['transformer', 'model', 'ray', 'data', 'gpt4', '2020']);
  });
  it('is Unicode aware', () => {
    expect(tokenize('Über-Modelle für naïve Bayes')).toEqual(['über', 'modelle', 'für', 'naïve', 'bayes']);
    // Decomposed "naïve" (i + combining diaeresis) is the same token as the composed one.
    expect(tokenize('nai\u0308ve')).toEqual(['naïve']);
    expect(tokenize('Ελληνικά и русский 深度学习')).toEqual(['ελληνικά', 'русский', '深度学习']);
    // One code point outside the BMP is one character, so too short; two are kept.
    expect(tokenize('𝑥 𝑥𝑦')).toEqual(['𝑥𝑦']);
  });
  it('uses the standard English list', () => {
    expect(STOP_WORDS.has('the')).toBe(true);
    expect(STOP_WORDS.has('however')).toBe(true);
    expect(STOP_WORDS.has('model')).toBe(false);
    expect(tokenize('the of and however therefore')).toEqual([]);
  });
});

describe('novelty: hand-computed', () => {
  it('equal IDFs: cosines of ½ → 50', () => {
    // Every term occurs in 2 of the 3 papers, so all IDFs are equal and drop out after normalising:
    // P1 = (1,1,0)/√2, P2 = (1,0,1)/√2, P3 = (0,1,1)/√2 over (alpha, beta, gamma).
    // cos(P2,P1) = ½; P3: max(cos(P3,P1), cos(P3,P2)) = max(½, ½) = ½ → 100 × mean(½, ½) = 50.
    expect(novelty([p('alpha beta', '2020-01-01'), p('alpha gamma', '2021-01-01'), p('beta gamma', '2022-01-01')])).toBeCloseTo(50, 12);
  });
  it('different IDFs and term counts', () => {
    // n = 3. df(alpha) = 2 → a = ln(4/3) + 1 ≈ 1.287682; beta, gamma, delta: df = 1 → b = ln(2) + 1 ≈ 1.693147.
    // P1 = (a, b) on (alpha, beta); P2 = (2a, b) on (alpha, gamma) (alpha twice); P3 = delta alone.
    // cos(P2,P1) = 2a² / (√(a²+b²) · √(4a²+b²)) ≈ 3.316250 / (2.127175 · 3.082085) ≈ 0.505824.
    // P3 shares nothing → 1. Novelty = 100 × ((1 − 0.505824) + 1) / 2 ≈ 74.708795.
    const a = Math.log(4 / 3) + 1;
    const b = Math.log(2) + 1;
    const cos = (2 * a * a) / (Math.sqrt(a * a + b * b) * Math.sqrt(4 * a * a + b * b));
    const got = novelty([p('alpha beta', '2020-01-01'), p('alpha alpha gamma', '2021-01-01'), p('delta', '2022-01-01')]);
    expect(got).toBeCloseTo((100 * (1 - cos + 1)) / 2, 12);
    expect(got).toBeCloseTo(74.708795, 5);
  });
  it('title and abstract are one text', () => {
    const a = [p('alpha beta', '2020-01-01'), p('alpha alpha gamma', '2021-01-01'), p('delta', '2022-01-01')];
    const b = [p('alpha', '2020-01-01', null, 'beta'), p('alpha', '2021-01-01', null, 'Alpha gamma'), p('', '2022-01-01', null, 'delta')];
    expect(novelty(b)).toBeCloseTo(novelty(a)!, 12);
  });
});

describe('novelty: bounds and edge cases', () => {
  it('identical papers → 0', () => {
    const t = 'Sparse attention for long documents';
    expect(novelty([p(t, '2020-01-01'), p(t, '2021-01-01'), p(t, '2022-01-01'), p(t, '2023-01-01')])).toBe(0);
  });
  it('disjoint vocabularies → 100', () => {
    expect(novelty([p('quantum gravity', '2020-01-01'), p('protein folding', '2021-01-01'), p('graph coloring', '2022-01-01')])).toBe(100);
  });
  it('null when fewer than 3 papers have text', () => {
    expect(novelty([])).toBeNull();
    expect(novelty([p('alpha'), p('beta')])).toBeNull();
    // Empty, missing and stop-words-only texts do not count.
    expect(novelty([p('alpha'), p('beta'), p(''), { title: null, abstract: null }, p('the of and')])).toBeNull();
    expect(novelty([p('alpha'), p('beta'), p('gamma')])).toBe(100);
  });
  it('papers without text are skipped entirely', () => {
    const base = [p('alpha beta', '2020-01-01'), p('alpha gamma', '2021-01-01'), p('beta gamma', '2022-01-01')];
    const withEmpty = [p('', '2019-01-01'), base[0]!, p('the and', '2020-06-01'), base[1]!, { date: '2021-06-01' }, base[2]!];
    expect(novelty(withEmpty)).toBeCloseTo(novelty(base)!, 12);
  });
  it('stop words are ignored', () => {
    const plain = [p('alpha beta', '2020-01-01'), p('alpha alpha gamma', '2021-01-01'), p('delta', '2022-01-01')];
    const noisy = [p('The alpha and the beta', '2020-01-01'), p('Alpha, however, is alpha with gamma', '2021-01-01'), p('Towards a delta', '2022-01-01')];
    expect(novelty(noisy)).toBeCloseTo(novelty(plain)!, 12);
  });
});

describe('novelty: order', () => {
  // A = (1,1)/√2, B = (1,0), C = (0,1) over (alpha, beta) — equal IDFs; cos(A,B) = cos(A,C) = 1/√2, cos(B,C) = 0.
  const A = 'alpha beta';
  const B = 'alpha';
  const C = 'beta';
  const abc = 100 * (1 - Math.SQRT1_2); // A first: B and C each 1 − 1/√2 → mean 1 − 1/√2 ≈ 29.29
  const bca = (100 * (1 + 1 - Math.SQRT1_2)) / 2; // B first: C → 1, A → 1 − 1/√2 → ≈ 64.64

  it('by date, not input order', () => {
    expect(novelty([p(A, '2020-01-01'), p(B, '2021-01-01'), p(C, '2022-01-01')])).toBeCloseTo(abc, 12);
    expect(novelty([p(A, '2022-01-01'), p(B, '2020-01-01'), p(C, '2021-03-01')])).toBeCloseTo(bca, 12);
    // Year when there is no date; a bare year sorts before dates of that year.
    expect(novelty([p(A, null, 2022), p(B, null, 2020), p(C, '2021-03-01')])).toBeCloseTo(bca, 12);
    expect(novelty([p(A, '2020-05-01'), p(C, '2020-03-01'), p(B, null, 2020)])).toBeCloseTo(bca, 12);
  });
  it('ties keep input order (stable)', () => {
    expect(novelty([p(A, '2020-01-01'), p(B, '2020-01-01'), p(C, '2020-01-01')])).toBeCloseTo(abc, 12);
    expect(novelty([p(B, '2020-01-01'), p(C, '2020-01-01'), p(A, '2020-01-01')])).toBeCloseTo(bca, 12);
    expect(novelty([p(B, null, 2020), p(C, null, 2020), p(A, null, 2020)])).toBeCloseTo(bca, 12);
    expect(novelty([p(B), p(C), p(A)])).toBeCloseTo(bca, 12);
  });
  it('undated papers come last', () => {
    expect(novelty([p(A), p(B, '2020-01-01'), p(C, null, 2021)])).toBeCloseTo(bca, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Brute-force reference: Map-based TF-IDF, every pair compared, straight from the definition.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function referenceSims(papers: NoveltyPaper[]): number[] | null {
  const key = (q: NoveltyPaper): [number, string] => {
    const m = /^(\d{4})/.exec(q.date ?? '');
    if (m) return [Number(m[1]), q.date!];
    if (q.year != null) return [q.year, ''];
    return [Infinity, ''];
  };
  const docs = papers
    .map((q, i) => ({ q, i, tokens: tokenize(`${q.title ?? ''}\n${q.abstract ?? ''}`) }))
    .filter((d) => d.tokens.length > 0);
  if (docs.length < 3) return null;
  docs.sort((x, y) => {
    const [ya, da] = key(x.q);
    const [yb, db] = key(y.q);
    if (ya !== yb) return ya < yb ? -1 : 1;
    if (da !== db) return da < db ? -1 : 1;
    return x.i - y.i;
  });
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = docs.map((d) => {
    const v = new Map<string, number>();
    for (const t of d.tokens) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, c] of v) v.set(t, c * (Math.log((1 + n) / (1 + df.get(t)!)) + 1));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
    for (const [t, x] of v) v.set(t, x / norm);
    return v;
  });
  const sims: number[] = [];
  for (let i = 1; i < n; i++) {
    let best = 0;
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (const [t, x] of vecs[i]!) dot += x * (vecs[j]!.get(t) ?? 0);
      best = Math.max(best, dot);
    }
    sims.push(best);
  }
  return sims;
}

function referenceNovelty(papers: NoveltyPaper[]): number | null {
  const sims = referenceSims(papers);
  if (!sims) return null;
  return (100 * sims.reduce((s, x) => s + Math.min(1, Math.max(0, 1 - x)), 0)) / sims.length;
}

/** A random corpus: Zipf-ish words from a small vocabulary, duplicates, stop words, empty texts, tied and missing dates. */
function randomCorpus(rand: () => number, n: number, vocabSize: number): NoveltyPaper[] {
  const vocab = Array.from({ length: vocabSize }, (_, i) => `w${i.toString(36)}`);
  const stop = ['the', 'of', 'and', 'however', 'a', 'x'];
  const word = () => vocab[Math.min(vocabSize - 1, Math.floor(vocabSize ** rand()) - 1)]!; // log-uniform rank ≈ Zipf
  const papers: NoveltyPaper[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.08 && papers.length > 0) {
      papers.push({ ...papers[Math.floor(rand() * papers.length)]! }); // exact duplicate (same date too, sometimes)
      continue;
    }
    const len = r < 0.15 ? 0 : 1 + Math.floor(rand() * 30);
    const words = Array.from({ length: len }, () => (rand() < 0.2 ? stop[Math.floor(rand() * stop.length)]! : word()));
    const cut = Math.floor(rand() * (words.length + 1));
    const y = 2000 + Math.floor(rand() * 6);
    const d = rand();
    papers.push({
      title: words.slice(0, cut).join(' '),
      abstract: rand() < 0.3 ? null : words.slice(cut).join(rand() < 0.5 ? ' ' : ', '),
      date: d < 0.6 ? `${y}-0${1 + Math.floor(rand() * 3)}-01` : null,
      year: d < 0.9 ? y : null,
    });
  }
  return papers;
}

describe('novelty: fast implementation = brute force', () => {
  it('random synthetic corpora (seeded), per-paper similarities and the mean, to 1e-9', () => {
    const rand = mulberry32(20240601);
    let compared = 0;
    for (let trial = 0; trial < 120; trial++) {
      const n = 1 + Math.floor(rand() * (trial < 100 ? 40 : 250));
      const vocabSize = 2 + Math.floor(rand() * (trial % 3 === 0 ? 8 : 300));
      const corpus = randomCorpus(rand, n, vocabSize);
      const want = referenceSims(corpus);
      const got = novelty(corpus);
      if (want === null) {
        expect(got).toBeNull();
        continue;
      }
      const { vectors, vocabulary } = noveltyVectors(corpus);
      const sims = maxEarlierSimilarity(vectors, vocabulary);
      expect(sims.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(Math.abs(sims[i]! - want[i]!)).toBeLessThan(1e-9);
      expect(Math.abs(got! - referenceNovelty(corpus)!)).toBeLessThan(1e-9);
      compared++;
    }
    expect(compared).toBeGreaterThan(90);
  });
});
