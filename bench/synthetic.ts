/**
 * Seeded synthetic papers for the benches. Deterministic for a seed; shapes roughly like real profiles:
 * heavy-tailed citations (discrete Pareto, ~10% unknown), years 1990–2026, 1–500 authors (heavy-tailed,
 * the profile's author among them), categories from a list, and titles + abstracts drawn from a
 * generated vocabulary with Zipf word frequencies mixed with a per-paper topic.
 *
 * Co-authors are drawn by a Zipf law (s = 0.8) from a pool of max(3000, n) people (`coauthorPool`),
 * so a few close collaborators recur and a long tail appears once or twice, and the distinct names
 * keep growing with the papers, as in real profiles: ≈1,850 distinct spellings on 1,000 papers,
 * ≈9,200 on 10,000, ≈89,000 (≈85,000 people) on 100,000, where the top co-author is on ~11% of the
 * papers. (Before, every name came uniformly from 3,000: on 100,000 papers each co-author shared
 * ~200 of them and nobody appeared once, which flattered the name pass.) About a third of the
 * spellings are not plain ASCII words — initials, hyphens, accents, "Last, First" — so every path of
 * the name normalisation is exercised. The draws are as many as before, so all other fields are
 * unchanged for a seed.
 */
import { Paper, type PaperInput } from '../lib/schema';
import { STOP_WORDS } from '../lib/metrics/novelty';

/** mulberry32: a small, fast, seedable PRNG returning [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'mi', 'tu', 'le', 'sa', 'no', 'vi', 'de', 'pa', 'zu', 'fe', 'go', 'hi', 'ju', 'ne', 'qo', 'ri', 'te', 'wa'];

/** Word number i as syllables (base 20, at least two syllables): distinct words for distinct i. */
function pseudoWord(i: number): string {
  let x = i + SYLLABLES.length; // ≥ 2 digits
  let w = '';
  while (x > 0) {
    w = SYLLABLES[x % SYLLABLES.length]! + w;
    x = Math.floor(x / SYLLABLES.length);
  }
  return w;
}

/** A vocabulary of `size` pseudo-words (none of them an English stop word). */
export function vocabulary(size: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < size; i++) {
    const w = pseudoWord(i);
    if (!STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/** Sampler of ranks 0..size−1 with P(r) ∝ 1/(r+1)^s (Zipf), by binary search in the CDF. */
export function zipf(size: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cdf[r] = total += 1 / (r + 1) ** s;
  return () => {
    const u = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML', 'cs.AI', 'math.OC', 'quant-ph', 'hep-th', 'cond-mat.stat-mech', 'astro-ph.CO', 'q-bio.NC', 'econ.EM', 'physics.comp-ph', 'math.PR', 'cs.DS'];
export const PROFILE_AUTHOR = 'Ada Lovelace';

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Person r of the co-author pool (r = 0 the most frequent). Spellings, by r mod 20: 0–11 "Given
 * Family"; 12–14 "Given M. Family" (an initial); 15–16 "Given-Second Family"; 17 an accented given
 * name ("Kéro Family"); 18–19 the same person written "Family, Given" on some papers and "Given
 * Family" on others (see `syntheticPaperInputs`).
 */
export function coauthorSpelling(r: number, alternate: boolean): string {
  const given = capital(pseudoWord(r * 7 + 3));
  const family = capital(pseudoWord(r * 13 + 5000));
  const kind = r % 20;
  // Built with join, not a template literal: that gives a flat string, as names read from storage
  // are (a template literal of 13 characters or more is a V8 "cons string", slower to scan).
  if (kind >= 12 && kind <= 14) return [given, ' ', SYLLABLES[r % SYLLABLES.length]!.charAt(0).toUpperCase(), '. ', family].join('');
  if (kind === 15 || kind === 16) return [given, '-', capital(pseudoWord(r * 3 + 17)), ' ', family].join('');
  if (kind === 17) return [given.replace(/[aeiou]/, (v) => ({ a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' })[v]!), ' ', family].join('');
  if (kind >= 18 && alternate) return [family, ', ', given].join('');
  return [given, ' ', family].join('');
}

/** Pool size for n papers: grows with n (3,000 at least), so the distinct co-authors grow with the papers. */
export function coauthorPool(n: number): number {
  return Math.max(3000, n);
}

export interface SyntheticOptions {
  seed?: number;
  /** Give papers a title and an abstract (else an empty title and no abstract: no text for Novelty). */
  text?: boolean;
  /** Vocabulary size for the texts. */
  vocabularySize?: number;
}

/** Discrete Pareto: floor(xm · (U^(−1/α) − 1)), capped. */
function pareto(rand: () => number, xm: number, alpha: number, cap: number): number {
  return Math.min(cap, Math.floor(xm * ((1 - rand()) ** (-1 / alpha) - 1)));
}

/** Text generator: each word comes from a global Zipf law or, half the time, from the paper's topic. */
export function textGenerator(rand: () => number, vocabularySize = 20_000, topics = 40): (words: number) => string {
  const vocab = vocabulary(vocabularySize);
  const global = zipf(vocabularySize, 1.0, rand);
  const topicRank = zipf(600, 1.1, rand);
  // Topic k is a random block of the vocabulary, ranked by its own Zipf law.
  const offsets = Array.from({ length: topics }, () => Math.floor(rand() * (vocabularySize - 600)));
  return (words: number) => {
    const topic = offsets[Math.floor(rand() * topics)]!;
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(vocab[rand() < 0.5 ? global() : topic + topicRank()]!);
    return out.join(' ');
  };
}

/** The raw input of N synthetic papers (each one `Paper.parse`-valid). */
export function syntheticPaperInputs(n: number, opts: SyntheticOptions = {}): PaperInput[] {
  const rand = mulberry32(opts.seed ?? 1);
  const text = opts.text ? textGenerator(rand, opts.vocabularySize) : null;
  const category = zipf(CATEGORIES.length, 1.2, rand);
  // Co-authors: Zipf (s = 0.8) over the pool, one uniform draw each (as many draws as a uniform pick).
  const pool = coauthorPool(n);
  const coauthor = zipf(pool, 0.8, rand);
  const spellings = Array.from({ length: pool }, (_, r) => coauthorSpelling(r, false));
  const alternates = Array.from({ length: pool }, (_, r) => coauthorSpelling(r, true));
  const out: PaperInput[] = [];
  for (let i = 0; i < n; i++) {
    const year = 1990 + Math.floor(rand() ** 0.6 * 37); // 1990–2026, more recent papers
    const mm = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const dd = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const nAuthors = 1 + pareto(rand, 2, 1.3, 499);
    const authors = Array.from({ length: nAuthors }, (_, j) => {
      const r = coauthor();
      return ((i + j) & 1 ? alternates : spellings)[r]!;
    });
    authors[Math.floor(rand() * nAuthors)] = PROFILE_AUTHOR;
    const primary = CATEGORIES[category()]!;
    const cats = [primary];
    while (rand() < 0.4) cats.push(CATEGORIES[category()]!);
    const known = rand() >= 0.1;
    const arxivId = `${String(year % 100).padStart(2, '0')}${mm}.${String(i % 100_000).padStart(5, '0')}`;
    out.push({
      id: `${arxivId}-${i}`,
      arxivId,
      title: text ? text(6 + Math.floor(rand() * 8)) : '',
      abstract: text ? text(100 + Math.floor(rand() * 120)) : null,
      authors,
      published: `${year}-${mm}-${dd}`,
      updated: rand() < 0.3 ? `${Math.min(2026, year + 1)}-${mm}-${dd}` : null,
      year: rand() < 0.2 ? year : null,
      primaryCategory: primary,
      categories: cats,
      links: {
        abs: `https://arxiv.org/abs/${arxivId}`,
        pdf: `https://arxiv.org/pdf/${arxivId}`,
        code: rand() < 0.2 ? [`https://github.com/lab/repo${i}`] : [],
      },
      citations: known ? pareto(rand, 5, 1.1, 500_000) : null,
      citationsSource: known ? 'semanticscholar' : null,
      source: 'arxiv',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  return out;
}

/** N synthetic papers, each validated with `Paper.parse`. */
export function syntheticPapers(n: number, opts: SyntheticOptions = {}): Paper[] {
  return syntheticPaperInputs(n, opts).map((p) => Paper.parse(p));
}
