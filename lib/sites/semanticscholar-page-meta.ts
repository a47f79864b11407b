/**
 * Highwire/Google Scholar `citation_*` meta tags, the one piece of structured data that app pages
 * (Semantic Scholar paper pages, OpenReview forum pages) put in the server-rendered HTML. Shared by
 * the Semantic Scholar page and OpenReview adapters. Pure.
 */
import { collapse, doiFrom, isoDate, normaliseArxivId } from './arxiv-html';
import type { AuthorRef, PaperInput, SourceName } from '../schema';

export interface CitationMeta {
  title: string;
  /** "Last, First" turned into "First Last"; in page order. */
  authors: string[];
  published: string | null;
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  pdf: string | null;
  abstract: string | null;
  /** `citation_journal_title` or `citation_conference_title`. */
  venue: string | null;
}

function metas(doc: Document, name: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`))
    .map((m) => collapse(m.getAttribute('content')))
    .filter((s) => s !== '');
}

/** `2017/06/12`, `2017-06-12`, `2017-06-12T…` → `2017-06-12`; `2017` → year only. */
export function metaDate(text: string | null | undefined): { date: string | null; year: number | null } {
  const t = collapse(text);
  const full = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(t);
  if (full) {
    const date = isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
    return { date, year: date ? Number(full[1]) : null };
  }
  const y = /^(\d{4})(?:[-/]\d{1,2})?$/.exec(t);
  return { date: null, year: y ? Number(y[1]) : null };
}

function personName(raw: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(raw);
  return m ? collapse(`${m[2]} ${m[1]}`) : raw;
}

function httpUrl(s: string | undefined, base: string): string | null {
  if (!s) return null;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The paper the `citation_*` tags describe, or null when there is no `citation_title`. */
export function citationMeta(doc: Document, base: string): CitationMeta | null {
  const first = (name: string) => metas(doc, name)[0];
  const title = first('citation_title');
  if (!title) return null;
  const dated = [first('citation_publication_date'), first('citation_date'), first('citation_online_date'), first('citation_cover_date')]
    .map(metaDate)
    .find((d) => d.date !== null || d.year !== null) ?? { date: null, year: null };
  const arxiv = normaliseArxivId(first('citation_arxiv_id'))?.id ?? null;
  return {
    title,
    authors: metas(doc, 'citation_author').map(personName),
    published: dated.date,
    year: dated.year,
    doi: doiFrom(first('citation_doi')),
    arxivId: arxiv,
    pdf: httpUrl(first('citation_pdf_url'), base),
    abstract: first('citation_abstract') ?? null,
    venue: first('citation_journal_title') ?? first('citation_conference_title') ?? null,
  };
}

/**
 * The one paper a `citation_*`-tagged page is about, and its byline as author refs: arXiv id first,
 * else the DOI, else the page's own id (`fallbackId`); abs link to arXiv when known, else `canonical`.
 */
export function paperFromCitationMeta(
  meta: CitationMeta, opts: { fallbackId: string; canonical: string; source: SourceName; fetchedAt: string },
): { paper: PaperInput; authors: AuthorRef[] } {
  const paper: PaperInput = {
    id: meta.arxivId ?? meta.doi?.toLowerCase() ?? opts.fallbackId,
    arxivId: meta.arxivId,
    doi: meta.doi,
    title: meta.title,
    authors: meta.authors,
    authorUrls: meta.authors.map(() => null),
    published: meta.published,
    year: meta.year,
    abstract: meta.abstract,
    journalRef: meta.venue,
    links: {
      abs: meta.arxivId ? `https://arxiv.org/abs/${meta.arxivId}` : opts.canonical,
      pdf: meta.arxivId ? `https://arxiv.org/pdf/${meta.arxivId}` : meta.pdf,
      doi: meta.doi ? `https://doi.org/${meta.doi}` : null,
    },
    source: opts.source,
    fetchedAt: opts.fetchedAt,
  };
  const authors: AuthorRef[] = [...new Set(meta.authors)].map((name) => ({ name, url: null, arxivId: null, query: null }));
  return { paper, authors };
}
