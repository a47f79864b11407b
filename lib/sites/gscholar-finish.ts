/**
 * The background's half of reading a Google Scholar profile: the raw read the content script sends
 * (./raw-schema.ts; read by ./gscholar-scrape.ts) made into a draft, as ./gscholar-scrape.ts
 * documents it. Only strings come in: whitespace is collapsed, bylines split, years, venues, arXiv
 * ids and citation counts parsed, article ids and links built, rows and authors de-duplicated.
 */
import type { AuthorRef, PaperInput, ReportedMetric } from '../schema';
import { DistinctRefs } from './arxiv-authors';
import { collapse, normaliseArxivId, plainLink } from './arxiv-html';
import type { DraftBody as Body, ParseDraft } from './draft';
import { scholarInt } from './gscholar-sidebar';
import { citationViewUrl, profileUrl, resolveHref, scholarUserId } from './gscholar-url';
import { type RawBody, type RawRead, type ScholarRawRow, type ScholarRawStats, finished } from './page-read';

/** A raw read of a Scholar profile. */
export type ScholarRead = Omit<RawRead, 'raw'> & { raw: Extract<RawBody, { kind: 'gscholar-profile' }> };

/** The arXiv id a venue line names ("arXiv preprint arXiv:2007.12255", "arXiv e-prints, arXiv: 2007.12255"). */
export function arxivIdFromVenue(venue: string | null): { id: string; version: number | null } | null {
  // Both patterns need "arxiv" in some case (`i` without `u`: ASCII letters only), which lower-casing keeps.
  if (!venue || !venue.toLowerCase().includes('arxiv')) return null;
  const m = /\barXiv:\s*([^\s,;()]+)/i.exec(venue) ?? /\barXiv preprint\s+([a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i.exec(venue);
  return normaliseArxivId(m?.[1]?.replace(/\.$/, ''));
}

const ELLIPSIS = /^(?:\.\.\.|…)$/;

/** `resolveHref(href, base)?.searchParams.get(name)`: plain links (`plainLink`) without parsing them. */
function hrefParam(href: string | null, base: string, name: string): string | null | undefined {
  const plain = href ? plainLink(href, base) : undefined;
  return plain ? plain.param(name) : resolveHref(href, base)?.searchParams.get(name);
}

/** A row's `citation_for_view` (`<user>:<key>`, or a bare key) from its title link's `href`, else `data-href`; null: neither has one. */
export function citationForView(row: Pick<ScholarRawRow, 'href' | 'dataHref'>, base: string): string | null {
  for (const href of [row.href, row.dataHref]) {
    const v = hrefParam(href, base, 'citation_for_view')?.trim();
    if (v && /^[A-Za-z0-9_:-]+$/.test(v)) return v;
  }
  return null;
}

/** The reason a read fails for a row whose title link names no article (0-based `i`). */
export function noCitationForView(i: number): string {
  return `row ${i + 1}: title link without citation_for_view`;
}

/** `venue.replace(new RegExp(`,\\s*${year}$`), '')`, without building a regex per row. */
function dropTrailingYear(venue: string, year: number): string {
  const y = String(year);
  if (!venue.endsWith(y)) return venue;
  let i = venue.length - y.length;
  while (i > 0 && /\s/.test(venue[i - 1]!)) i--;
  return i > 0 && venue[i - 1] === ',' ? venue.slice(0, i - 1) : venue;
}

function citationsOf(row: ScholarRawRow): number | null {
  if (row.cited === null) return null;
  const text = collapse(collapse(row.cited).replace(/\*/g, ''));
  // Uncited: an empty link to nothing that cites the article. No link at all, or an empty one that
  // does point at citing documents (`cites=`), is a count that was lost: unknown, not 0.
  if (text === '') return row.citedLink && !/[?&]cites=/.test(row.citedHref ?? '') ? 0 : null;
  return scholarInt(text);
}

function rowPaper(row: ScholarRawRow, i: number, user: string, base: string, now: string): PaperInput | string {
  const cfv = citationForView(row, base);
  if (!cfv) return noCitationForView(i);
  const key = cfv.includes(':') ? cfv : `${user}:${cfv}`;
  const authors = collapse(row.authors).split(/\s*,\s*/).map((a) => a.trim()).filter((a) => a !== '' && !ELLIPSIS.test(a));
  const yearText = collapse(row.year);
  const year = /^\d{4}$/.test(yearText) && Number(yearText) > 0 ? Number(yearText) : null;
  let venue = collapse(row.venue);
  if (year !== null && !row.venueYear) venue = dropTrailingYear(venue, year);
  const journalRef = venue || null;
  const arxiv = arxivIdFromVenue(journalRef);
  const citations = citationsOf(row);
  return {
    id: `gscholar:${key}`, arxivId: arxiv?.id ?? null, version: arxiv?.version ?? null,
    title: collapse(row.title), authors, authorUrls: authors.map(() => null), year, journalRef,
    links: { abs: citationViewUrl(key.split(':')[0] ?? user, key), pdf: null },
    citations, citationsSource: citations === null ? null : 'gscholar', citationsFetchedAt: citations === null ? null : now,
    source: 'gscholar', fetchedAt: now,
  };
}

/** The "Cited by" numbers as source-reported metrics at `at`; [] for none, or a number that is not finite. */
export function reportedMetrics(s: ScholarRawStats | null, at: string): ReportedMetric[] {
  if (!s) return [];
  const values: [string, number][] = [
    ['citations', s.citations], ['h', s.h], ['i10', s.i10],
    ['citationsSince', s.citationsSince], ['hSince', s.hSince], ['i10Since', s.i10Since],
  ];
  if (!values.every(([, value]) => typeof value === 'number' && Number.isFinite(value))) return [];
  return values.map(([metric, value]) => ({ metric, value, source: 'gscholar', at }));
}

type ScholarBody = Body & { reported: ReportedMetric[]; affiliations: string[] };

function finishBody(read: ScholarRead): ScholarBody | string {
  const { raw, url, scrapedAt: now } = read;
  const user = scholarUserId(url);
  if (!user) return 'no user id in the URL';
  const papers: PaperInput[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.rows.length; i++) {
    const p = rowPaper(raw.rows[i]!, i, user, url, now);
    if (typeof p === 'string') return p;
    if (!seen.has(p.id)) papers.push(p);
    seen.add(p.id);
  }
  const author: AuthorRef = { name: raw.name, url: profileUrl(user), arxivId: null, query: null };
  // The author, the sidebar co-authors, then every byline name, deduplicated (see `distinctByName`).
  const refs = new DistinctRefs();
  refs.add(author);
  for (const c of raw.coauthors) refs.add({ name: c.name, url: c.url, arxivId: null, query: null });
  for (const p of papers) for (const name of p.authors) refs.addName(name);
  return {
    author, authors: refs.refs(), papers, total: raw.rows.length, title: raw.name,
    reported: reportedMetrics(raw.stats, now), affiliations: raw.affiliation ? [raw.affiliation] : [],
  };
}

/** A raw Scholar read made into a draft. Never throws; anything unexpected is `{ ok: false, reason }`. */
export function finishScholar(read: ScholarRead): ParseDraft {
  return finished(read, finishBody);
}
