/**
 * What the metrics read of a paper (`MetricPaper`), and how a stored `Paper` becomes one. Kept
 * apart from `Paper` so the CLI, the bench and other sources (Semantic Scholar, Google Scholar)
 * can feed the same code without inventing ids or URLs.
 */
import type { Paper } from '../schema';

export interface MetricPaper {
  /** Citation count; null when unknown (never 0 for unknown). */
  citations: number | null;
  /** Publication year; null when unknown. */
  year: number | null;
  /** Number of authors (0 or unknown is read as 1: see docs/metrics.md). */
  authors: number;
  /** Author names in byline order, when known (first/last-author shares, co-authors). */
  authorNames?: string[];
  primaryCategory?: string | null;
  /** Every category, the primary one included (arXiv lists the primary first). */
  categories?: string[];
  title?: string | null;
  abstract?: string | null;
  /** ISO date (published, else updated): orders papers within a year. */
  date?: string | null;
  /** Number of code repositories linked; undefined when the source does not say. */
  codeLinks?: number;
}

type Dated = Pick<Paper, 'year' | 'published' | 'updated'>;

function yearOfIso(iso: string | null | undefined): number | null {
  const m = iso ? /^(\d{4})-/.exec(iso) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** Year of a paper: `year ?? published year ?? updated year`. */
export function paperYear(p: Dated): number | null {
  return p.year ?? yearOfIso(p.published) ?? yearOfIso(p.updated);
}

export function fromPaper(p: Paper): MetricPaper {
  return {
    citations: p.citations,
    year: paperYear(p),
    authors: p.authors.length,
    authorNames: p.authors,
    primaryCategory: p.primaryCategory,
    categories: p.categories,
    title: p.title,
    abstract: p.abstract,
    date: p.published ?? p.updated,
    codeLinks: p.links.code.length,
  };
}
