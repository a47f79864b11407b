/**
 * Merging a freshly scraped paper into the stored one. Pages differ in what they carry (a
 * listing has no dates, an abs page has no citation count), so a second visit may only add or
 * refresh information, never erase what another page told us.
 */
import type { Paper } from '../schema';

function pick<T>(fresh: T | null, old: T | null): T | null {
  return fresh ?? old;
}

function longer(fresh: string | null, old: string | null): string | null {
  if (!fresh) return old;
  if (!old) return fresh;
  return fresh.length >= old.length ? fresh : old;
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function mergePaper(old: Paper | undefined, fresh: Paper): Paper {
  if (!old) return fresh;
  // The newer citation count wins; a source that knows nothing does not erase a known count.
  const freshCites = fresh.citations !== null && (old.citations === null || (fresh.citationsFetchedAt ?? '') >= (old.citationsFetchedAt ?? ''));
  const authors = fresh.authors.length >= old.authors.length ? fresh : old;
  const other = authors === fresh ? old : fresh;
  // Same byline from two sources: keep whichever links each source gave (an API gives none).
  const authorUrls = authors.authors.length === other.authors.length
    ? authors.authors.map((_, i) => authors.authorUrls[i] ?? other.authorUrls[i] ?? null)
    : authors.authorUrls;
  return {
    ...old,
    arxivId: pick(fresh.arxivId, old.arxivId),
    version: Math.max(fresh.version ?? 0, old.version ?? 0) || null,
    doi: pick(fresh.doi, old.doi),
    title: fresh.title || old.title,
    authors: authors.authors,
    authorUrls,
    published: earliest(fresh.published, old.published),
    updated: latest(fresh.updated, old.updated),
    year: pick(fresh.year, old.year),
    primaryCategory: pick(fresh.primaryCategory, old.primaryCategory),
    categories: fresh.primaryCategory ? union(fresh.categories, old.categories) : union(old.categories, fresh.categories),
    abstract: longer(fresh.abstract, old.abstract),
    comments: pick(fresh.comments, old.comments),
    journalRef: pick(fresh.journalRef, old.journalRef),
    links: {
      abs: pick(fresh.links.abs, old.links.abs),
      pdf: pick(fresh.links.pdf, old.links.pdf),
      html: pick(fresh.links.html, old.links.html),
      doi: pick(fresh.links.doi, old.links.doi),
      code: union(old.links.code, fresh.links.code),
    },
    citations: freshCites ? fresh.citations : old.citations,
    citationsSource: freshCites ? fresh.citationsSource : old.citationsSource,
    citationsFetchedAt: freshCites ? fresh.citationsFetchedAt : old.citationsFetchedAt,
    metadataFetchedAt: latest(fresh.metadataFetchedAt ?? null, old.metadataFetchedAt ?? null),
    codeFetchedAt: latest(fresh.codeFetchedAt ?? null, old.codeFetchedAt ?? null),
    source: fresh.source,
    fetchedAt: latest(fresh.fetchedAt, old.fetchedAt) ?? fresh.fetchedAt,
  };
}
