/**
 * Google Scholar profile adapter, the Zod-free half (what the Scholar content script runs;
 * `./gscholar.ts` re-exports it and adds the validating `parse`, see ./draft.ts): recognises
 * `scholar.google.<domain>/citations?user=<id>` pages and reads the profile's author, every article
 * row shown, and (through the helpers `./gscholar.ts` exports) the "Cited by" table, the
 * citations-per-year histogram and the co-authors. Pure: no network, no storage. `read` and `scrape`
 * never throw; a page whose structure is not a profile comes back as `Unrecognised` with a reason.
 * Only the document given is read: "Show more" is never followed.
 *
 * Two steps (./raw-schema.ts says why): the content script's `read` checks the page and reads the
 * rows raw (their elements' texts and link targets, as the DOM gives them) with the sidebar's few
 * values; the background finishes that into a draft (./gscholar-finish.ts: collapsing, splitting
 * bylines, parsing years, venues and counts, building ids and links, de-duplicating). `scrape` does
 * both at once.
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
 *
 * Speed (issue 7's scrape budget): each row is read by one walk over its elements (`scanRow`, the
 * same parts as the queries of `queryRow`, which read the rows of a document the walk cannot read
 * as the selectors would, see ./html-scan.ts), and its texts by `textContent` where the walk found
 * nothing below to leave out; nothing more is done with them in the page.
 */
import type { PageType, ReportedMetric } from '../schema';
import { rawText, rawWithoutLast, toUrl } from './arxiv-html';
import type { ParseDraft } from './draft';
import { finishRead } from './finish';
import { citationForView, noCitationForView, reportedMetrics } from './gscholar-finish';
import { classBits, scannable, walkedName } from './html-scan';
import { XHTML } from './html-text';
import { scholarCoauthors, scholarProfileInfo, scholarStats } from './gscholar-sidebar';
import { isProfileUrl, isScholarUrl, resolveHref, scholarUserId } from './gscholar-url';
import { type PageRead, type RawBody, type ScholarRawRow, type ScholarRawStats, isRawRead } from './page-read';

export { arxivIdFromVenue } from './gscholar-finish';

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

/** Where a row's fields are. */
interface RowParts {
  /** The first `a.gsc_a_at`. */
  link: Element | null;
  /** `td.gsc_a_t .gs_gray` if any, else `.gs_gray`: the byline, then the venue. */
  grays: Element[];
  /** Whether the venue (`grays[1]`) holds a `.gs_oph` (Scholar's ", 2021"). */
  venueYear: boolean;
  /** The first `td.gsc_a_y`. */
  yearCell: Element | null;
  /** The first `td.gsc_a_c`, and in it the first `a.gsc_a_ac`, else the first `a:not(.gsc_a_am)`. */
  citedCell: Element | null;
  citedLink: Element | null;
  /** What a walk found below the elements read (see `RowWalk`); undefined for the query path. */
  known?: Map<Element, number>;
}

/** A row's parts by queries (the reference reading). */
function queryRow(row: Element): RowParts {
  // `row.querySelectorAll('td.gsc_a_t .gs_gray')` (those with a `td.gsc_a_t` above them) if any,
  // else all of `row.querySelectorAll('.gs_gray')`: one query for both.
  const allGrays = Array.from(row.querySelectorAll('.gs_gray'));
  const inTitleCell = allGrays.filter((g) => g.parentElement?.closest('td.gsc_a_t'));
  const grays = inTitleCell.length ? inTitleCell : allGrays;
  const citedCell = row.querySelector('td.gsc_a_c');
  return {
    link: row.querySelector('a.gsc_a_at'), grays, venueYear: !!grays[1]?.querySelector('.gs_oph'),
    yearCell: row.querySelector('td.gsc_a_y'),
    citedCell, citedLink: citedCell ? citedCell.querySelector('a.gsc_a_ac') ?? citedCell.querySelector('a:not(.gsc_a_am)') : null,
  };
}

// The class names the walk over a row looks for: bits of a class attribute's `classBits`.
const R_AT = 1;
const R_GRAY = 2;
const R_T = 4;
const R_Y = 8;
const R_C = 16;
const R_AC = 32;
const R_AM = 64;
const R_M = 128;
const R_OPH = 256;
const ROW_CLASSES: readonly [string, number][] = [
  ['gsc_a_at', R_AT], ['gs_gray', R_GRAY], ['gsc_a_t', R_T], ['gsc_a_y', R_Y], ['gsc_a_c', R_C],
  ['gsc_a_ac', R_AC], ['gsc_a_am', R_AM], ['gsc_a_m', R_M], ['gs_oph', R_OPH],
];

// What `scanRow` tells of the elements below an element: bits of its answer.
/** One of `readText`'s own hits (`br`, script, style, SVG, MathML). */
const B_WALKED = 1;
/** A `.gs_oph`; a `.gsc_a_m` or `.gsc_a_am`. */
const B_OPH = 2;
const B_MARK = 4;
/** Exactly one `.gs_oph`, and it is the last child element. */
const B_LAST_OPH = 8;

// Where an element is: below a `td.gsc_a_t`; in the first `td.gsc_a_c`.
const IN_T = 1;
const IN_C = 2;

/** A walk over a row: its parts (`all` the `.gs_gray`, `titled` those below a `td.gsc_a_t`), the classes seen, what is below the elements read. */
interface RowWalk {
  parts: RowParts;
  all: Element[];
  titled: Element[];
  ac: Element | null;
  notAm: Element | null;
  classes: Map<string, number>;
  known: Map<Element, number>;
}

function scanRowIn(parent: Element, flags: number, w: RowWalk): number {
  let sub = 0;
  let ophs = 0;
  let lastOph = false;
  for (let e = parent.firstElementChild; e !== null; e = e.nextElementSibling) {
    const name = e.localName;
    const cls = e.getAttribute('class');
    const bits = cls === null ? 0 : classBits(cls, ROW_CLASSES, w.classes);
    const p = w.parts;
    let below = flags;
    let read = false;
    if (name === 'a') {
      if (p.link === null && bits & R_AT) {
        p.link = e;
        read = true;
      }
      if (flags & IN_C) {
        if (w.ac === null && bits & R_AC) w.ac = e;
        if (w.notAm === null && !(bits & R_AM)) w.notAm = e;
        read = true;
      }
    } else if (name === 'td') {
      if (bits & R_T) below |= IN_T;
      if (p.yearCell === null && bits & R_Y) {
        p.yearCell = e;
        read = true;
      }
      if (p.citedCell === null && bits & R_C) {
        p.citedCell = e;
        below |= IN_C;
        read = true;
      }
    }
    if (bits & R_GRAY) {
      w.all.push(e);
      if (flags & IN_T) w.titled.push(e);
      read = true;
    }
    const inside = scanRowIn(e, below, w);
    if (read) w.known.set(e, inside);
    if (bits & R_OPH) ophs++;
    ophs += inside & B_OPH ? 2 : 0; // (below it: one or more; counts as more than one)
    lastOph = (bits & R_OPH) !== 0;
    sub |= (inside & (B_WALKED | B_OPH | B_MARK)) | (bits & R_OPH ? B_OPH : 0) | (bits & (R_M | R_AM) ? B_MARK : 0)
      | (walkedName(name) ? B_WALKED : 0);
  }
  return ophs === 1 && lastOph ? sub | B_LAST_OPH : sub;
}

/** A row's parts by one walk over its elements (the same as `queryRow`). */
function scanRow(row: Element, classes: Map<string, number>, known: Map<Element, number>): RowParts {
  const parts: RowParts = { link: null, grays: [], venueYear: false, yearCell: null, citedCell: null, citedLink: null, known };
  const w: RowWalk = { parts, all: [], titled: [], ac: null, notAm: null, classes, known };
  // A `td.gsc_a_t` above the row counts for the descendant selector, as it does for a query.
  scanRowIn(row, row.closest('td.gsc_a_t') ? IN_T : 0, w);
  parts.grays = w.titled.length ? w.titled : w.all;
  const venue = parts.grays[1];
  parts.venueYear = venue !== undefined && (known.get(venue)! & B_OPH) !== 0;
  parts.citedLink = w.ac ?? w.notAm;
  return parts;
}

/**
 * `rawText(el, skip)` for the three readings of a row (`skip`: none, `.gs_oph`, or the cited-by
 * marks): by `textContent` when the walk found nothing below `el` to leave out, or (`.gs_oph`)
 * only the year, its last child element; else the usual way. (What `textOf` reads before
 * collapsing: the background collapses it.)
 */
function rowRaw(el: Element, known: Map<Element, number> | undefined, skip?: '.gs_oph' | '.gsc_a_m, .gsc_a_am'): string {
  const below = known?.get(el);
  if (below !== undefined && !(below & B_WALKED) && el.namespaceURI === XHTML) {
    const hits = skip === '.gs_oph' ? below & B_OPH : skip ? below & B_MARK : 0;
    if (hits === 0) return el.textContent ?? '';
    if (skip === '.gs_oph' && below & B_LAST_OPH) {
      const last = el.lastElementChild;
      const t = last && rawWithoutLast(el, last);
      if (t !== undefined && t !== null) return t;
    }
  }
  return rawText(el, skip);
}

/** `rowRaw`, null for an absent element. */
function rowRawOrNull(el: Element | undefined | null, known: Map<Element, number> | undefined, skip?: '.gs_oph'): string | null {
  return el ? rowRaw(el, known, skip) : null;
}

/** A row as the DOM gives it (./raw-schema.ts `ScholarRawRow`); a row without a title link has none to give. */
function readRow(parts: RowParts, link: Element): ScholarRawRow {
  const known = parts.known;
  const cell = parts.citedCell;
  const citedLink = parts.citedLink;
  return {
    title: rowRaw(link, known), href: link.getAttribute('href'), dataHref: link.getAttribute('data-href'),
    authors: rowRawOrNull(parts.grays[0], known), venue: rowRawOrNull(parts.grays[1], known, '.gs_oph'), venueYear: parts.venueYear,
    year: rowRawOrNull(parts.yearCell, known),
    cited: cell ? rowRaw(citedLink ?? cell, known, '.gsc_a_m, .gsc_a_am') : null,
    citedLink: !!(cell && citedLink), citedHref: cell && citedLink ? citedLink.getAttribute('href') : null,
  };
}

/** What the row walks of one page share: the classes seen, what is below the elements read. */
interface RowMemo { classes: Map<string, number>; known: Map<Element, number> }

// ---------------------------------------------------------------- the page

function readProfile(doc: Document, url: string, walkRows: boolean): RawBody | string {
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
  const out: ScholarRawRow[] = [];
  // Rows are read by one walk each where the document allows (see ./html-scan.ts), else by queries.
  const walk: RowMemo | null = walkRows ? { classes: new Map(), known: new Map() } : null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const parts = walk ? scanRow(row, walk.classes, walk.known) : queryRow(row);
    if (!parts.link) return noTitleLink(out, i, url);
    out.push(readRow(parts, parts.link));
  }
  return {
    kind: 'gscholar-profile', name: info.name, affiliation: info.affiliation,
    coauthors: scholarCoauthors(doc, url).map((c) => ({ name: c.name, url: c.url })), stats: rawStats(doc), rows: out,
  };
}

/**
 * The reason for a page whose row `i` has no title link: the first row's reason, as the rows are
 * finished in order (an earlier row's link may name no article). Only pages that fail pay for this.
 */
function noTitleLink(before: readonly ScholarRawRow[], i: number, base: string): string {
  const bad = before.findIndex((r) => citationForView(r, base) === null);
  return bad >= 0 ? noCitationForView(bad) : `row ${i + 1}: no title link (a.gsc_a_at)`;
}

/**
 * The "Cited by" table's numbers; null when none is readable, or one is not finite (a digit string
 * too long for a number: JSON has no Infinity, and `reportedMetrics` would not report it). Never
 * throws: like `reportedDraft`, an unreadable table costs the metrics only.
 */
function rawStats(doc: Document): ScholarRawStats | null {
  try {
    const s = scholarStats(doc);
    if (!s) return null;
    const n: ScholarRawStats = {
      citations: s.all.citations, h: s.all.h, i10: s.all.i10,
      citationsSince: s.since.citations, hSince: s.since.h, i10Since: s.since.i10,
    };
    return Object.values(n).every((v) => Number.isFinite(v)) ? n : null;
  } catch {
    return null;
  }
}

/**
 * What the content script runs: a profile page read raw, for the background to finish
 * (./gscholar-finish.ts). Never throws; anything unexpected is `{ ok: false, reason }`. `walkRows`
 * false: the rows by queries (the reference, for the tests; the same read).
 */
export function read(doc: Document, url: string, walkRows?: boolean): PageRead {
  const fail = (reason: string): ParseDraft => ({ ok: false, site, url: String(url), reason });
  try {
    const type = pageType(url);
    if (!type) return fail(matches(url) ? 'not a Google Scholar profile page' : 'not a Google Scholar URL');
    if (!doc?.body) return fail('empty document');
    const now = new Date().toISOString();
    const raw = readProfile(doc, url, walkRows ?? scannable(doc));
    if (typeof raw === 'string') return fail(raw);
    return { ok: true, site, url, pageType: type, scrapedAt: now, raw };
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Read a profile page into a draft, the raw read finished at once (not validated: `parse` in
 * ./gscholar.ts validates it, the background validates what it finishes). Never throws; anything
 * unexpected is `{ ok: false, reason }`. `walkRows`: as for `read`.
 */
export function scrape(doc: Document, url: string, walkRows?: boolean): ParseDraft {
  const r = read(doc, url, walkRows);
  return isRawRead(r) ? finishRead(r) : r;
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
    return reportedMetrics(rawStats(doc), now.toISOString());
  } catch {
    return [];
  }
}
