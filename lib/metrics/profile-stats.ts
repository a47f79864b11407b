/**
 * What the author works on and how they publish: primary category (with the category mix),
 * papers and citations per year, and the share of papers that link code.
 */
import type { Metrics } from '../schema';
import type { Columns } from './columns';

export type ProfileStats = Pick<Metrics, 'primaryCategory' | 'categoryMix' | 'papersPerYear' | 'codeShare'>;

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paper i's recency key: its ISO date, else its year as `YYYY-00-00` (before any date in it); '' when undated. */
function recencyOf(cols: Columns, i: number): string {
  const date = cols.dateOf(i);
  if (date) return date;
  const y = cols.year[i]!;
  return Number.isNaN(y) ? '' : `${String(y).padStart(4, '0')}-00-00`;
}

/**
 * Category mix: how many papers have each primary category, most first, ties by name. Primary
 * category: the most frequent; a tie goes to the category of the most recent paper (its date, else
 * its year, read as before any date in that year), then to name order. The counts were taken while
 * preparing the columns (`tallyCategories`); only a tie sends us back to the tied categories' papers.
 */
export function categories(cols: Columns): Pick<Metrics, 'primaryCategory' | 'categoryMix'> {
  const { names, counts } = cols.categories;
  const categoryMix = names
    .map((category, id) => ({ category, count: counts[id]! }))
    .sort((a, b) => b.count - a.count || byName(a.category, b.category));

  const top = categoryMix[0];
  let primaryCategory = top?.category ?? null;
  const tied = new Set(categoryMix.filter((row) => row.count === top?.count).map((row) => row.category));
  if (tied.size > 1) {
    // Only now look at dates, and only at the tied categories' papers.
    const isTied = names.map((name) => tied.has(name));
    const latest = new Map<string, string>();
    for (let i = 0; i < cols.N; i++) {
      const id = cols.primary[i]!;
      if (id < 0 || !isTied[id]) continue;
      const key = recencyOf(cols, i);
      const name = names[id]!;
      if ((latest.get(name) ?? '') <= key) latest.set(name, key);
    }
    for (const category of tied) {
      if ((latest.get(category) ?? '') > (latest.get(primaryCategory!) ?? '')) primaryCategory = category;
    }
  }
  return { primaryCategory, categoryMix };
}

/** Widest year range counted in an array (wider ones, from odd data, use a map). */
const DENSE_SPAN = 4096;

/** Papers per year with the year's known citations (null when none of its papers has a count), oldest first. */
export function papersPerYear(cols: Columns): Metrics['papersPerYear'] {
  const { N, c, year, firstYear, lastYear } = cols;
  if (firstYear === null || lastYear === null) return [];
  const rows: Metrics['papersPerYear'] = [];
  if (lastYear - firstYear < DENSE_SPAN) {
    const span = lastYear - firstYear + 1;
    const papers = new Int32Array(span);
    const cited = new Int32Array(span); // papers with a known count
    const cites = new Float64Array(span);
    for (let i = 0; i < N; i++) {
      const y = year[i]!;
      if (Number.isNaN(y)) continue;
      const k = y - firstYear;
      papers[k]!++;
      const ci = c[i]!;
      if (!Number.isNaN(ci)) {
        cited[k]!++;
        cites[k]! += ci;
      }
    }
    for (let k = 0; k < span; k++) {
      if (papers[k]! > 0) rows.push({ year: firstYear + k, papers: papers[k]!, citations: cited[k]! > 0 ? cites[k]! : null });
    }
    return rows;
  }
  const byYear = new Map<number, { year: number; papers: number; citations: number | null }>();
  for (let i = 0; i < N; i++) {
    const y = year[i]!;
    if (Number.isNaN(y)) continue;
    let row = byYear.get(y);
    if (row === undefined) {
      row = { year: y, papers: 0, citations: null };
      byYear.set(y, row);
    }
    row.papers++;
    const ci = c[i]!;
    if (!Number.isNaN(ci)) row.citations = (row.citations ?? 0) + ci;
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Share of the papers whose code links are known that link at least one repository; null when none is known. */
export function codeShare(cols: Columns): number | null {
  let known = 0;
  let withCode = 0;
  for (let i = 0; i < cols.N; i++) {
    const k = cols.code[i]!;
    if (k < 0) continue;
    known++;
    withCode += k;
  }
  return known > 0 ? withCode / known : null;
}

export function profileStats(cols: Columns): ProfileStats {
  return { ...categories(cols), papersPerYear: papersPerYear(cols), codeShare: codeShare(cols) };
}
