/**
 * AI Score (0–100): how much of the work is in AI. Per paper w = 1 when its primary category is
 * an AI category, 0.5 when only a cross-list is, else 0; the score is 100 × the mean of w over the
 * papers that carry any category (papers without categories say nothing either way). Null when
 * no paper carries a category.
 *
 * `aiWeight` and `aiScore` state the rule over `MetricPaper`s; the metric set applies the same rule
 * from each paper's weight class, set when the columns are built (category-tally.ts).
 * tests/unit/metrics-stored.test.ts holds the two equal.
 */
import type { MetricPaper } from './input';

export const AI_CATEGORIES: ReadonlySet<string> = new Set(['cs.AI', 'cs.LG', 'cs.CL', 'cs.CV', 'cs.NE', 'cs.IR', 'cs.MA', 'cs.RO', 'stat.ML']);

/** w(p): 1, 0.5 or 0; null when the paper has no category at all. */
export function aiWeight(p: MetricPaper): number | null {
  const primary = p.primaryCategory || null;
  const cats = p.categories ?? [];
  if (primary === null && cats.length === 0) return null;
  if (primary !== null && AI_CATEGORIES.has(primary)) return 1;
  for (const c of cats) if (AI_CATEGORIES.has(c)) return 0.5;
  return 0;
}

export function aiScore(papers: MetricPaper[]): number | null {
  let n = 0;
  let sum = 0;
  for (const p of papers) {
    const w = aiWeight(p);
    if (w === null) continue;
    n++;
    sum += w;
  }
  return n > 0 ? (100 * sum) / n : null;
}
