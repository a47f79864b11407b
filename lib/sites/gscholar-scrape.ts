/**
 * Google Scholar profile adapter, the Zod-free half (what the Scholar content script runs;
 * `./gscholar.ts` re-exports it and adds the validating `parse`, see ./draft.ts): recognises
 * `scholar.google.<domain>/citations?user=<id>` pages and reads the profile's author, every article
 * row shown, and (through the helpers `./gscholar.ts` exports) the "Cited by" table, the
 * citations-per-year histogram and the co-authors. Pure: no network, no storage. `scrape` never
 * throws; a page whose structure is not a profile comes back as `Unrecognised` with a reason. Only
 * the document given is read: "Show more" is never followed.
 *
 * Decisions (downstream code relies on them):
 * - Paper id: `gscholar:<user>:<article key>`. Scholar's `citation_for_view` value already is
 *   `<user>:<article key>` (`AoKJ_g4AAAAJ:5ugPr518TE4C`), so the id is `gscholar:` + that value;
 *   a bare key (no colon) is prefixed with the profile's user id. Papers keep this id even when the
 *   venue names an arXiv id: `arxivId` is set and a later merge step links the two by it.
 * - arXiv ids come from the venue line: "arXiv preprint arXiv:2007.12255", "arXiv e-prints, arXiv:
 *   2007.12255" (Scholar prints both), "arXiv preprint hep-th/9901001"; a `vN` suffix is `version`.
 * - `links.abs` is the canonical citation view URL on scholar.google.com, without `hl`/paging.
 * - Authors: the byline Scholar shows; a trailing "..." (Scholar's truncation) is dropped, never
 *   filled in. `authorUrls` are all null (bylines are not links).
 * - Venue goes to `journalRef` (the schema has no venue field), without the `<span class=gs_oph>,
 *   2021</span>` year Scholar appends; empty → null.
 * - Year: the year column; empty (or 0) → null. Citations: the number in `a.gsc_a_ac`; an EMPTY
 *   cited-by link is 0 (Scholar prints nothing for uncited articles) unless it links to citing
 *   documents (`cites=`: the number is missing), and no link at all is null; the `*` of merged
 *   citations sits in its own `a.gsc_a_am` and is not part of the number; any other text → null
 *   (unknown).
 * - `ScrapeResult.authors`: the profile's author, the sidebar co-authors (with their profile URLs),
 *   then every distinct byline name (url null), deduplicated by name and URL.
 * - `total`: the number of rows shown; `title`: the author's name.
 * - The URL's user id must agree with the page's `<link rel=canonical>` when the page has one.
 */
import type { AuthorRef, PageType, PaperInput, ReportedMetric } from '../schema';
import { collapse, normaliseArxivId, plainLink, textOf, toUrl } from './arxiv-html';
import { DistinctRefs } from './arxiv-scrape';
import type { DraftBody as Body, ParseDraft } from './draft';
import { type ScholarProfileInfo, scholarCoauthors, scholarInt, scholarProfileInfo, scholarStats } from './gscholar-sidebar';
import { citationViewUrl, isProfileUrl, isScholarUrl, profileUrl, resolveHref, scholarUserId } from './gscholar-url';

export const site = 'gscholar';

/** Any page on a Scholar host (`scholar.google.com`, `.co.uk`, `.com.br`, `.de`, …), http or https. */
export function matches(url: string): boolean {
  return isScholarUrl(toUrl(url));
}

/** 'author' for a profile (`/citations?user=<id>`, optionally `view_op=list_works`); null otherwise. */
export function pageType(url: string): PageType | null {
  return isProfileUrl(url) ? 'author' : null;
}

// ---------------------------------------------------------------- rows

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

function cfvOf(link: Element, base: string): string | null {
  for (const attr of ['href', 'data-href']) {
    const v = hrefParam(link.getAttribute(attr), base, 'citation_for_view')?.trim();
    if (v && /^[A-Za-z0-9_:-]+$/.test(v)) return v;
  }
  return null;
}

/** `venue.replace(new RegExp(`,\\s*${year}$`), '')`, without building a regex per row. */
function dropTrailingYear(venue: string, year: number): string {
  const y = String(year);
  if (!venue.endsWith(y)) return venue;
  let i = venue.length - y.length;
  while (i > 0 && /\s/.test(venue[i - 1]!)) i--;
  return i > 0 && venue[i - 1] === ',' ? venue.slice(0, i - 1) : venue;
}

function citationsOf(row: Element): number | null {
  const cell = row.querySelector('td.gsc_a_c');
  if (!cell) return null;
  const link = cell.querySelector('a.gsc_a_ac') ?? cell.querySelector('a:not(.gsc_a_am)');
  const text = collapse(textOf(link ?? cell, '.gsc_a_m, .gsc_a_am').replace(/\*/g, ''));
  // Uncited: an empty link to nothing that cites the article. No link at all, or an empty one that
  // does point at citing documents (`cites=`), is a count that was lost: unknown, not 0.
  if (text === '') return link && !/[?&]cites=/.test(link.getAttribute('href') ?? '') ? 0 : null;
  return scholarInt(text);
}

function parseRow(row: Element, i: number, user: string, base: string, now: string): PaperInput | string {
  const link = row.querySelector('a.gsc_a_at');
  if (!link) return `row ${i + 1}: no title link (a.gsc_a_at)`;
  const cfv = cfvOf(link, base);
  if (!cfv) return `row ${i + 1}: title link without citation_for_view`;
  const key = cfv.includes(':') ? cfv : `${user}:${cfv}`;
  // `row.querySelectorAll('td.gsc_a_t .gs_gray')` (those with a `td.gsc_a_t` above them) if any,
  // else all of `row.querySelectorAll('.gs_gray')`: one query for both.
  const allGrays = Array.from(row.querySelectorAll('.gs_gray'));
  const inTitleCell = allGrays.filter((g) => g.parentElement?.closest('td.gsc_a_t'));
  const grays = inTitleCell.length ? inTitleCell : allGrays;
  const authors = textOf(grays[0]).split(/\s*,\s*/).map((a) => a.trim()).filter((a) => a !== '' && !ELLIPSIS.test(a));
  const yearText = textOf(row.querySelector('td.gsc_a_y'));
  const year = /^\d{4}$/.test(yearText) && Number(yearText) > 0 ? Number(yearText) : null;
  let venue = textOf(grays[1], '.gs_oph');
  if (year !== null && !grays[1]?.querySelector('.gs_oph')) venue = dropTrailingYear(venue, year);
  const journalRef = venue || null;
  const arxiv = arxivIdFromVenue(journalRef);
  const citations = citationsOf(row);
  return {
    id: `gscholar:${key}`, arxivId: arxiv?.id ?? null, version: arxiv?.version ?? null,
    title: textOf(link), authors, authorUrls: authors.map(() => null), year, journalRef,
    links: { abs: citationViewUrl(key.split(':')[0] ?? user, key), pdf: null },
    citations, citationsSource: citations === null ? null : 'gscholar', citationsFetchedAt: citations === null ? null : now,
    source: 'gscholar', fetchedAt: now,
  };
}

// ---------------------------------------------------------------- the page

function parseProfile(doc: Document, url: string, now: string): (Body & { info: ScholarProfileInfo }) | string {
  const user = scholarUserId(url);
  if (!user) return 'no user id in the URL';
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const pageUser = canonical ? scholarUserId(resolveHref(canonical, url)?.href ?? '') : null;
  if (pageUser && pageUser !== user) return `page is the profile of ${pageUser}, the URL names ${user}`;
  const info = scholarProfileInfo(doc, url);
  if (!info) return 'no profile name (#gsc_prf_in): not a profile page, or the layout changed';
  const table = doc.querySelector('#gsc_a_b') ?? doc.querySelector('#gsc_a_t');
  if (!table) return 'no article table (#gsc_a_b / #gsc_a_t)';
  const rows = Array.from(table.querySelectorAll('tr.gsc_a_tr'));
  if (rows.length === 0) {
    const body = table.matches('tbody') ? table : table.querySelector('tbody');
    const other = Array.from(body?.querySelectorAll('tr') ?? []).filter((r) => !r.querySelector('.gsc_a_e'));
    if (other.length > 0) return `article table has ${other.length} rows of an unknown layout (no tr.gsc_a_tr)`;
  }
  const papers: PaperInput[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const p = parseRow(row, i, user, url, now);
    if (typeof p === 'string') return p;
    if (!seen.has(p.id)) papers.push(p);
    seen.add(p.id);
  }
  const author: AuthorRef = { name: info.name, url: profileUrl(user), arxivId: null, query: null };
  // The author, the sidebar co-authors, then every byline name, deduplicated (see `distinctByName`).
  const refs = new DistinctRefs();
  refs.add(author);
  for (const c of scholarCoauthors(doc, url)) refs.add({ name: c.name, url: c.url, arxivId: null, query: null });
  for (const p of papers) for (const name of p.authors) refs.addName(name);
  return { author, authors: refs.refs(), papers, total: rows.length, title: info.name, info };
}

/**
 * Read a profile page into a draft (not validated: `parse` in ./gscholar.ts validates it, the
 * background validates what the content script sends). Never throws; anything unexpected is
 * `{ ok: false, reason }`.
 */
export function scrape(doc: Document, url: string): ParseDraft {
  const fail = (reason: string): ParseDraft => ({ ok: false, site, url: String(url), reason });
  try {
    const type = pageType(url);
    if (!type) return fail(matches(url) ? 'not a Google Scholar profile page' : 'not a Google Scholar URL');
    if (!doc?.body) return fail('empty document');
    const now = new Date().toISOString();
    const read = parseProfile(doc, url, now);
    if (typeof read === 'string') return fail(read);
    const { info, ...body } = read;
    const reported = reportedDraft(doc, url, new Date(now));
    // The header as `parseProfile` read it (reading it again gives the same).
    const affiliation = info.affiliation;
    return { ok: true, site, url, pageType: type, scrapedAt: now, ...body, reported, affiliations: affiliation ? [affiliation] : [] };
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The "Cited by" table as source-reported metrics, not validated (`parseReported` in ./gscholar.ts
 * is this checked with `ReportedMetric`): citations, h, i10 (all time) and citationsSince, hSince,
 * i10Since. [] for a non-profile URL, an unreadable table, or a value that is not a finite number
 * (the one way these records can fail `ReportedMetric`: the names, source and ISO time are fixed).
 * Never throws.
 */
export function reportedDraft(doc: Document, url: string, now: Date = new Date()): ReportedMetric[] {
  try {
    if (pageType(url) !== 'author') return [];
    const s = scholarStats(doc);
    if (!s) return [];
    const at = now.toISOString();
    const values: [string, number][] = [
      ['citations', s.all.citations], ['h', s.all.h], ['i10', s.all.i10],
      ['citationsSince', s.since.citations], ['hSince', s.since.h], ['i10Since', s.since.i10],
    ];
    if (!values.every(([, value]) => typeof value === 'number' && Number.isFinite(value))) return [];
    return values.map(([metric, value]) => ({ metric, value, source: 'gscholar', at }));
  } catch {
    return [];
  }
}
