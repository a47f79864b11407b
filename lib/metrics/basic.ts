/**
 * Headline metrics of a set of papers (pure). Unknown citation counts stay unknown: a sum or an
 * h-index over no known counts is null, never 0.
 */
import type { Metrics, Paper } from '../schema';

type Dated = Pick<Paper, 'year' | 'published' | 'updated'>;

function yearOfIso(iso: string | null): number | null {
  const m = iso ? /^(\d{4})-/.exec(iso) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** Year of a paper: `year ?? published year ?? updated year`. */
export function paperYear(p: Dated): number | null {
  return p.year ?? yearOfIso(p.published) ?? yearOfIso(p.updated);
}

/** Sortable recency key: the published date, else the updated date, else the year (as its 1st of January); '' when undated. */
function recencyKey(p: Dated): string {
  if (p.published) return p.published;
  if (p.updated) return p.updated;
  return p.year != null ? `${String(p.year).padStart(4, '0')}-00-00` : '';
}

/** h-index: the largest h such that h of the counts are ≥ h. Ignores negative and non-finite values. */
export function hIndex(counts: number[]): number {
  const sorted = counts.filter((c) => Number.isFinite(c) && c >= 0).sort((a, b) => b - a);
  let h = 0;
  while (h < sorted.length && (sorted[h] ?? 0) >= h + 1) h++;
  return h;
}

export function computeMetrics(papers: Paper[]): Metrics {
  // Known citation counts, papers sorted by citations descending (stable).
  const known = papers.filter((p): p is Paper & { citations: number } => p.citations != null);
  const counts = [...known].sort((a, b) => b.citations - a.citations).map((p) => p.citations);
  const citations = known.length > 0 ? counts.reduce((s, c) => s + c, 0) : null;
  const h = known.length > 0 ? hIndex(counts) : null;

  // Primary categories: count and the most recent paper of each.
  const catCount = new Map<string, number>();
  const catLatest = new Map<string, string>();
  for (const p of papers) {
    const c = p.primaryCategory;
    if (!c) continue;
    catCount.set(c, (catCount.get(c) ?? 0) + 1);
    const key = recencyKey(p);
    if ((catLatest.get(c) ?? '') <= key) catLatest.set(c, key);
  }
  const categoryMix = [...catCount.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  let primaryCategory: string | null = null;
  for (const { category, count } of categoryMix) {
    if (primaryCategory === null) {
      primaryCategory = category;
      continue;
    }
    if (count < (catCount.get(primaryCategory) ?? 0)) break;
    // Tie: the category of the more recent paper wins (name order, from the sort, breaks exact ties).
    if ((catLatest.get(category) ?? '') > (catLatest.get(primaryCategory) ?? '')) primaryCategory = category;
  }

  // Papers and citations per year.
  const perYear = new Map<number, { papers: number; citations: number | null }>();
  for (const p of papers) {
    const y = paperYear(p);
    if (y == null) continue;
    const row = perYear.get(y) ?? { papers: 0, citations: null };
    row.papers++;
    if (p.citations != null) row.citations = (row.citations ?? 0) + p.citations;
    perYear.set(y, row);
  }
  const papersPerYear = [...perYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, row]) => ({ year, papers: row.papers, citations: row.citations }));

  const withCode = papers.filter((p) => p.links.code.length > 0).length;

  return {
    papers: papers.length,
    papersWithCitations: known.length,
    citations,
    h,
    primaryCategory,
    categoryMix,
    papersPerYear,
    codeShare: papers.length > 0 ? withCode / papers.length : null,
    firstYear: papersPerYear[0]?.year ?? null,
    lastYear: papersPerYear.at(-1)?.year ?? null,
  };
}
