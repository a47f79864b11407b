/**
 * Helpers for the arXiv page adapter (`./arxiv.ts`, which re-exports the public ones): text and
 * links (from ./html-text.ts and ./html-links.ts, re-exported here), dates in the forms arXiv
 * prints them, subject lists, counts, code-repository links, arXiv ids and author links. The
 * per-entry readers of listings, author pages and search results are in ./arxiv-entries.ts. Pure
 * functions over the DOM (the few module-level caches hold answers of pure functions only); text
 * is always read with `textContent`, never with `innerHTML`.
 *
 * Speed (issue 7, `npx tsx bench/browser.ts scrape`): a page's text is read with one `textContent`
 * per subtree that holds nothing to skip, not node by node; most links are read without `new URL`
 * (`linkOf`, `httpLink`; arXiv's author-search links by one pattern, `authorSearchRef`); code
 * links are looked for only in texts that can hold one; every shortcut gives exactly what the plain
 * reading gives.
 */
import { findCodeLinks } from '../code-links';
import type { AuthorRef } from '../schema';
import { absoluteUrl, absoluteUrlOf, baseOf, formDecode, httpLink, linkOf, type LinkParts, mayHaveHost } from './html-links';
import { collapse, textOf } from './html-text';

export const BASE = 'https://arxiv.org/';
const HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);

// Reading text and links: ./html-text.ts and ./html-links.ts (re-exported, so importers keep one module).
export * from './html-text';
export * from './html-links';

/** Drop a leading label such as "Comments:" or "Journal ref:" from a text. */
export function stripLabel(text: string, label: RegExp): string {
  return collapse(text.replace(label, ''));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  // What a `Date` of these parts would confirm: a month 1–12 and a day of that month (whole numbers).
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthNumber(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/** "2 December, 2025", "17 Jun 2021", "Thu, 17 Jun 2021 15:45:54 UTC" → `YYYY-MM-DD` (first match). */
export function parseDayMonthYear(text: string | null | undefined): string | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})/.exec(text ?? '');
  if (!m) return null;
  const month = monthNumber(m[2] ?? '');
  return month === null ? null : isoDate(Number(m[3]), month, Number(m[1]));
}

/** "2021/06/17" or "2021-06-17" (citation_date meta tags) → `YYYY-MM-DD`. */
export function parseSlashDate(text: string | null | undefined): string | null {
  const m = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec(text ?? '');
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** An arXiv category code: `cs.CL`, `hep-th`, `math-ph`, `cond-mat.stat-mech`, `astro-ph.CO`. */
export const CATEGORY_RE = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/** "Computation and Language (cs.CL)" → `cs.CL`; a bare code is returned as is; else null. */
export function categoryCode(label: string | null | undefined): string | null {
  const t = collapse(label);
  const m = /\(([^()]+)\)$/.exec(t);
  const code = m ? collapse(m[1]) : t;
  return CATEGORY_RE.test(code) ? code : null;
}

/**
 * A subjects line ("Machine Learning (cs.LG); Artificial Intelligence (cs.AI)") and the label of the
 * primary subject (from `span.primary-subject`, may be null) → primary code and all codes, primary first.
 */
export function parseSubjects(text: string, primaryLabel: string | null, memo?: SubjectMemo): { primary: string | null; categories: string[] } {
  if (!memo) return readSubjects(text, primaryLabel, categoryCode);
  // A page repeats its subject lines and labels: with a memo, each is read once (and copied out).
  const key = primaryLabel === null ? `-${text}` : `${primaryLabel.length}:${primaryLabel}${text}`;
  let read = memo.lines.get(key);
  if (read === undefined) {
    read = readSubjects(text, primaryLabel, (label) => memo.code(label));
    memo.lines.set(key, read);
  }
  return { primary: read.primary, categories: read.categories.slice() };
}

function readSubjects(text: string, primaryLabel: string | null, code: (label: string) => string | null): { primary: string | null; categories: string[] } {
  const codes = text.split(';').map(code).filter((c): c is string => c !== null);
  const primary = (primaryLabel === null ? null : code(primaryLabel)) ?? codes[0] ?? null;
  return { primary, categories: unique(primary ? [primary, ...codes] : codes) };
}

/** `parseSubjects` answers by their arguments and `categoryCode` answers by label, kept while one page is read. */
export class SubjectMemo {
  readonly lines = new Map<string, { primary: string | null; categories: string[] }>();
  private readonly codes = new Map<string, string | null>();

  code(label: string): string | null {
    let c = this.codes.get(label);
    if (c === undefined) this.codes.set(label, (c = categoryCode(label)));
    return c;
  }
}

/** "77,800" → 77800; null for anything that is not a plain (comma-grouped) integer. */
export function parseCount(text: string | null | undefined): number | null {
  const t = (text ?? '').replace(/[,\s\u202f]/g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Code repositories (GitHub, GitLab, Bitbucket, Hugging Face) mentioned in texts (abstract,
 * comments) or linked from anchors, in the order found, without duplicates.
 */
export function codeLinks(texts: (string | null)[], hrefs: (string | null)[]): string[] {
  const links = hrefs.filter((h) => h !== null && /^https?:/i.test(h));
  // Most texts name no code host at all: then there is nothing to find (see `mayNameCodeHost`).
  if (!texts.some(mayNameCodeHost) && !links.some(mayNameCodeHost)) return [];
  return findCodeLinks(...texts, ...links);
}

/**
 * False when `text` cannot hold a link `findCodeLinks` finds: each holds one of its hosts
 * (`github.com`, `gitlab.com`, `bitbucket.org`, `huggingface.co`, matched ASCII-case-insensitively),
 * so a `.` followed by `c` or `o` in either case. (A scan for dots, far cheaper than its pattern.)
 */
function mayNameCodeHost(text: string | null): boolean {
  if (!text) return false;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    const c = text.charCodeAt(i + 1) | 0x20;
    if (c === 0x63 /* c */ || c === 0x6f /* o */) return true;
  }
  return false;
}

/** The hrefs of the anchors inside some elements. */
export function hrefsIn(...els: (Element | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const el of els) {
    if (!el) continue;
    for (const a of Array.from(el.querySelectorAll('a[href]'))) out.push(a.getAttribute('href') ?? '');
  }
  return out;
}

// ---------------------------------------------------------------- arXiv ids and author links



/** http(s) on arxiv.org or www.arxiv.org (not look-alikes such as `arxiv.org.evil.com`). */
export function isArxivUrl<U extends { protocol: string; hostname: string }>(u: U | null): u is U {
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && HOSTS.has(u.hostname.toLowerCase());
}

const NEW_ID = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\/\d{7})(?:v(\d+))?$/;

/** "arXiv:2106.09608v2" → { id: "2106.09608", version: 2 }; old-style `math.GT/0309136` kept as is. */
export function normaliseArxivId(raw: string | null | undefined): { id: string; version: number | null } | null {
  const s = collapse(raw).replace(/^arxiv:\s*/i, '');
  const m = NEW_ID.exec(s) ?? OLD_ID.exec(s);
  if (!m?.[1]) return null;
  const version = m[2] ? Number(m[2]) : null;
  return { id: m[1], version: version && version > 0 ? version : null };
}

/** The paper id of an arXiv abs/pdf/html/format URL (absolute), else null. */
export function arxivIdFromUrl(url: string): { id: string; version: number | null } | null {
  return mayHaveHost(url, 'arxiv') ? arxivIdOfUrl(httpLink(url)) : null;
}

/**
 * `arxivIdFromUrl` of a parsed URL. A URL's `href`, parsed again, gives the same URL (for http(s),
 * serialising and parsing round-trip), so `arxivIdOfUrl(absoluteUrlOf(h, b))` is
 * `arxivIdFromUrl(absoluteUrl(h, b))` without the second parse.
 */
export function arxivIdOfUrl(u: LinkParts | null): { id: string; version: number | null } | null {
  if (!isArxivUrl(u)) return null;
  const m = /^\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?\/?$/.exec(u.pathname);
  if (!m?.[1]) return null;
  try {
    return normaliseArxivId(decodeURIComponent(m[1]));
  } catch {
    return null;
  }
}

/** The year of an arXiv identifier (`2408.04000` → 2024, `hep-th/9901001` → 1999). */
export function yearFromArxivId(id: string): number | null {
  const m = /^(\d{2})\d{2}\./.exec(id) ?? /\/(\d{2})\d{5}$/.exec(id);
  if (!m?.[1]) return null;
  const yy = Number(m[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** `/a/<author id>` or `/a/<author id>.html` (not `.atom`/`.json` feeds). */
export const AUTHOR_PATH = /^\/a\/([A-Za-z0-9_-]+)(?:\.html)?\/?$/;

/** An author link → ref: absolute URL, `arxivId` for `/a/<id>` links, `query` for author searches. */
export function authorRefFromHref(name: string, href: string | null | undefined, baseUrl: string): AuthorRef {
  return authorRef(collapse(name), href, baseUrl);
}

/**
 * An author search as arXiv links it (`/search/?searchtype=author&query=Wang%2C+Y`,
 * `https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y`): a plain link (see
 * html-links.ts: no dot segment, no fragment, nothing `new URL` rewrites) on arxiv.org whose path
 * passes the search-path test in `authorRef` and whose query is exactly `searchtype=author` and
 * one `query` pair. Group 1: the absolute part (or none), group 2: the query value, undecoded.
 */
const AUTHOR_SEARCH = /^(https?:\/\/(?:www\.)?arxiv\.org)?\/search(?:\/[a-z-]+)?\/?\?searchtype=author&query=([A-Za-z0-9\-._~!$()*+,;=:@%/?]*)$/;

/**
 * `authorRef` of an `AUTHOR_SEARCH` link, read off its text: what `linkOf` gives for it (the link
 * as written, or the base's origin before it), and its `query` decoded as `param` decodes it.
 * Undefined when it is not such a link, or one `authorRef` must read the usual way (a base that is
 * not arXiv's or not http(s), a query value only URLSearchParams decodes).
 */
function authorSearchRef(name: string, href: string, baseUrl: string): AuthorRef | undefined {
  if (href.charCodeAt(0) === 104 /* h */ ? !href.startsWith('http') : href.charCodeAt(0) !== 47 /* / */) return undefined;
  const m = AUTHOR_SEARCH.exec(href);
  if (!m) return undefined;
  const base = baseOf(baseUrl);
  if (!base.valid) return undefined;
  let url = href;
  if (m[1] === undefined) {
    if (!base.http || !HOSTS.has(base.http.hostname)) return undefined;
    url = base.http.origin + href;
  }
  const value = formDecode(m[2]!);
  if (value === undefined) return undefined;
  const q = collapse(value);
  return { name, url, arxivId: null, query: q || null };
}

/** `authorRefFromHref` of a name already collapsed (`textOf` gives them so). */
function authorRef(name: string, href: string | null | undefined, baseUrl: string): AuthorRef {
  if (href) {
    const fast = authorSearchRef(name, href.trim(), baseUrl);
    if (fast) return fast;
  }
  // One parse: the URL of the href is the URL of its `href` (see `arxivIdOfUrl`).
  const u = linkOf(href, baseUrl);
  const url = u ? u.href : null;
  if (!isArxivUrl(u)) return { name, url, arxivId: null, query: null };
  const a = AUTHOR_PATH.exec(u.pathname);
  if (a?.[1]) return { name, url, arxivId: a[1], query: null };
  if (/^\/search(?:\/[a-z-]+)?\/?$/.test(u.pathname) && u.param('searchtype') === 'author') {
    const q = collapse(u.param('query'));
    if (q) return { name, url, arxivId: null, query: q };
  }
  return { name, url, arxivId: null, query: null };
}

/** `linkRefs` of anchors read raw (their texts before collapsing, their `href` attributes), in document order. */
export function anchorRefs(anchors: readonly { text: string; href: string | null }[], base: string): AuthorRef[] {
  const out: AuthorRef[] = [];
  for (const a of anchors) {
    const r = authorRef(collapse(a.text), a.href, base);
    if (r.name !== '' && (r.arxivId !== null || r.query !== null || r.url !== null)) out.push(r);
  }
  return out;
}

/** Refs for the links inside an author list (any link with a name; `javascript:` toggles dropped). */
export function linkRefs(container: Element | null, base: string): AuthorRef[] {
  if (!container) return [];
  const out: AuthorRef[] = [];
  const anchors = container.querySelectorAll('a');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const r = authorRef(textOf(a), a.getAttribute('href'), base);
    if (r.name !== '' && (r.arxivId !== null || r.query !== null || r.url !== null)) out.push(r);
  }
  return out;
}

/** One paper as read off a page, before it becomes a `Paper`. */
export interface Draft {
  id: string;
  version: number | null;
  title: string;
  authors: AuthorRef[];
  published: string | null;
  updated: string | null;
  primaryCategory: string | null;
  categories: string[];
  abstract: string | null;
  comments: string | null;
  journalRef: string | null;
  doi: string | null;
  abs: string | null;
  pdf: string | null;
  html: string | null;
  code: string[];
}

/** A DOI out of a text or a doi.org link. */
export function doiFrom(text: string | null | undefined): string | null {
  let t = text ?? '';
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep raw */
  }
  const m = /\b(10\.\d{4,9}\/[^\s"<>]+)/.exec(t);
  return m?.[1] ? m[1].replace(/[.,;]+$/, '') : null;
}

/** The absolute href of the first element matching one of `selectors`, in order of preference. */
export function firstHref(root: Element, selectors: string[], base: string): string | null {
  return firstLink(root, selectors, base)?.href ?? null;
}

/** The link parts of the first `href` in `hrefs` that gives any (`firstLink` over hrefs already read). */
export function firstLinkOf(hrefs: readonly (string | null | undefined)[], base: string): LinkParts | null {
  for (const h of hrefs) {
    const link = linkOf(h, base);
    if (link) return link;
  }
  return null;
}

/** `firstHref` as link parts. */
export function firstLink(root: Element, selectors: string[], base: string): LinkParts | null {
  for (const sel of selectors) {
    const a = root.querySelector(sel);
    const link = linkOf(a?.getAttribute('href'), base);
    if (link) return link;
  }
  return null;
}

// ---------------------------------------------------------------- listings (entries: ./arxiv-entries.ts)

/** Which listing markup a page uses: `layout-2024` (`dl#articles`, id on the abstract link) or the older one. */
export function listingLayout(doc: Document): 'layout-2024' | 'layout-pre-2024' | 'unknown' {
  if (doc.querySelector('dl#articles')) return 'layout-2024';
  if (doc.querySelector('dl span.list-identifier')) return 'layout-pre-2024';
  return 'unknown';
}
