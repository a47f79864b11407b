/**
 * Helpers for the arXiv page adapter (`./arxiv.ts`, which re-exports the public ones): text and
 * links (from ./html-text.ts and ./html-links.ts, re-exported here), dates in the forms arXiv prints them, subject lists, counts, code-repository
 * links, arXiv ids and author links, and the per-entry parsers shared by listings, author pages and
 * search results. Pure functions over the DOM (the few module-level caches hold answers of pure
 * functions only); text is always read with `textContent`, never with `innerHTML`.
 *
 * Speed (issue 7, `npx tsx bench/browser.ts scrape`): a page's text is read with one `textContent`
 * per subtree that holds nothing to skip, not node by node; most links are read without `new URL`
 * (`linkOf`, `httpLink`); every shortcut gives exactly what the plain reading gives.
 */
import { findCodeLinks } from '../code-links';
import type { AuthorRef } from '../schema';
import { absoluteUrl, absoluteUrlOf, httpLink, linkOf, type LinkParts, mayHaveHost } from './html-links';
import { collapse, rawText, textOf, textOrNull, textStart } from './html-text';

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
export function parseSubjects(text: string, primaryLabel: string | null): { primary: string | null; categories: string[] } {
  const codes = text.split(';').map(categoryCode).filter((c): c is string => c !== null);
  const primary = categoryCode(primaryLabel) ?? codes[0] ?? null;
  return { primary, categories: unique(primary ? [primary, ...codes] : codes) };
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
  return findCodeLinks(...texts, ...hrefs.filter((h) => h !== null && /^https?:/i.test(h)));
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

/** `authorRefFromHref` of a name already collapsed (`textOf` gives them so). */
function authorRef(name: string, href: string | null | undefined, baseUrl: string): AuthorRef {
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

/** `firstHref` as link parts. */
function firstLink(root: Element, selectors: string[], base: string): LinkParts | null {
  for (const sel of selectors) {
    const a = root.querySelector(sel);
    const link = linkOf(a?.getAttribute('href'), base);
    if (link) return link;
  }
  return null;
}

// ---------------------------------------------------------------- entries of listings, author pages, searches

/** Which listing markup a page uses: `layout-2024` (`dl#articles`, id on the abstract link) or the older one. */
export function listingLayout(doc: Document): 'layout-2024' | 'layout-pre-2024' | 'unknown' {
  if (doc.querySelector('dl#articles')) return 'layout-2024';
  if (doc.querySelector('dl span.list-identifier')) return 'layout-pre-2024';
  return 'unknown';
}

/**
 * The dt/dd entries of a listing or author page, in page order, deduplicated by id. Both layouts:
 * the id comes from the `title="Abstract"` link (2024) or the link inside `span.list-identifier`
 * (older), both `/abs/<id>` hrefs; the `dd > div.meta` part is the same `list-*` markup.
 */
export function parseEntries(doc: Document, base: string): Draft[] | string {
  const out = new Map<string, Draft>();
  const dts = Array.from(doc.querySelectorAll('dl > dt'));
  for (const [i, dt] of dts.entries()) {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName.toUpperCase() !== 'DD') return `entry ${i + 1}: no <dd> after <dt>`;
    const idLink = dt.querySelector('a[title="Abstract"]') ?? dt.querySelector('a[href*="/abs/"]');
    // Parsed once: `arxivIdFromUrl(absoluteUrl(…))` (see `arxivIdOfUrl`).
    const absLink = linkOf(idLink?.getAttribute('href'), base);
    const absUrl = absLink?.href ?? null;
    const ids = arxivIdOfUrl(absLink) ?? normaliseArxivId(/arXiv:(\S+)/.exec(textOf(dt))?.[1]);
    if (!ids) return `entry ${i + 1}: no arXiv id (${listingLayout(doc)})`;
    if (out.has(ids.id)) continue;
    const meta = dd.querySelector('div.meta') ?? dd;
    const htmlLink = firstLink(dt, ['a[title="View HTML"]', 'a[href*="/html/"]'], base);
    const html = htmlLink?.href ?? null;
    const subjects = meta.querySelector('.list-subjects');
    const { primary, categories } = parseSubjects(textOf(subjects, '.descriptor'), textOrNull(subjects?.querySelector('.primary-subject')));
    const authorsEl = meta.querySelector('.list-authors');
    let authors = linkRefs(authorsEl, base);
    if (authors.length === 0 && authorsEl) {
      authors = textOf(authorsEl, '.descriptor').split(',').map((n) => collapse(n)).filter(Boolean)
        .map((name) => ({ name, url: null, arxivId: null, query: null }));
    }
    const commentsEl = meta.querySelector('.list-comments');
    const abstractEl = meta.querySelector('p.mathjax, p.abstract') ?? meta.querySelector('p');
    const comments = textOrNull(commentsEl, '.descriptor');
    const abstract = textOrNull(abstractEl);
    out.set(ids.id, {
      id: ids.id, version: ids.version ?? (htmlLink ? arxivIdOfUrl(htmlLink)?.version ?? null : null),
      title: textOf(meta.querySelector('.list-title'), '.descriptor'), authors,
      published: null, updated: null, primaryCategory: primary, categories, abstract, comments,
      journalRef: textOrNull(meta.querySelector('.list-journal-ref'), '.descriptor'),
      doi: doiFrom(textOf(meta.querySelector('.list-doi'), '.descriptor')),
      abs: absUrl, pdf: firstHref(dt, ['a[title="Download PDF"]', 'a[href*="/pdf/"]'], base), html,
      code: codeLinks([abstract, comments], hrefsIn(abstractEl, commentsEl)),
    });
  }
  return [...out.values()];
}

/**
 * One `li.arxiv-result` of a search page. The version comes from the abstract span's id
 * (`2512.03003v1-abstract-full`); dates: see the notes at the top of `arxiv.ts`. Comments and
 * journal refs are both `p.comments`, told apart by their label.
 */
export function parseSearchResult(li: Element, base: string): Draft | string {
  // `li.querySelector('.list-title a[href*="/abs/"]')`: the first /abs/ link with a .list-title
  // above it (anywhere above, as a selector sees it), else the first /abs/ link.
  const absLinks = li.querySelectorAll('a[href*="/abs/"]');
  let idLink: Element | null = absLinks[0] ?? null;
  for (let i = 0; i < absLinks.length; i++) {
    if (absLinks[i]!.parentElement?.closest('.list-title')) {
      idLink = absLinks[i]!;
      break;
    }
  }
  const listTitle = li.querySelector('.list-title');
  const absLink = linkOf(idLink?.getAttribute('href'), base);
  const absUrl = absLink?.href ?? null;
  const ids = arxivIdOfUrl(absLink) ?? normaliseArxivId(/arXiv:(\S+)/.exec(textOf(listTitle))?.[1]);
  if (!ids) return 'no arXiv id';
  const full = li.querySelector('.abstract-full');
  const version = ids.version ?? (Number(/v(\d+)-abstract/.exec(li.querySelector('[id$="-abstract-full"], [id$="-abstract-short"]')?.id ?? '')?.[1] ?? 0) || null);
  const tags = Array.from(li.querySelectorAll('.tags .tag[data-tooltip]'));
  const primaryTag = tags.find((t) => t.classList.contains('is-link')) ?? tags[0];
  const ordered = primaryTag ? [primaryTag, ...tags.filter((t) => t !== primaryTag)] : tags;
  const { primary, categories } = parseSubjects(ordered.map((t) => textOf(t)).join(';'), null);
  // The paragraphs once: the dates are the first whose text starts with "Submitted" (its first
  // characters decide), `p.title`, `p.authors` and `p.comments` are those matching them.
  const ps = Array.from(li.querySelectorAll('p'));
  const dates = collapse(rawText(ps.find((p) => SUBMITTED.test(textStart(p, 'Submitted'.length + 1))) ?? null));
  const submitted = parseDayMonthYear(/^Submitted\s+([^;]+)/.exec(dates)?.[1]);
  const v1 = parseDayMonthYear(/\bv1 submitted\s+([^;]+)/.exec(dates)?.[1]);
  const notes = ps.filter((p) => p.matches('.comments')).map((el) => ({ el, text: textOf(el) }));
  const note = (label: RegExp) => {
    const p = notes.find((n) => label.test(n.text));
    return p ? { el: p.el, text: stripLabel(p.text, label) || null } : null;
  };
  const comments = note(/^Comments:/);
  const abstract = textOrNull(full, 'a');
  const doiLink = li.querySelector('.tags a[href*="doi.org/"]');
  return {
    id: ids.id, version, title: textOf(ps.find((p) => p.matches('.title'))),
    authors: linkRefs(ps.find((p) => p.matches('.authors')) ?? null, base),
    published: v1 ?? (version === 1 || !version ? submitted : null),
    updated: v1 ? submitted : version && version > 1 ? submitted : null,
    primaryCategory: primary, categories, abstract, comments: comments?.text ?? null,
    journalRef: note(/^Journal ref:/)?.text ?? null,
    doi: doiFrom(doiLink?.getAttribute('href')) ?? doiFrom(textOf(doiLink)),
    abs: absUrl, pdf: firstHref(listTitle ?? li, ['a[href*="/pdf/"]'], base),
    html: firstHref(listTitle ?? li, ['a[href*="/html/"]'], base),
    code: codeLinks([abstract, comments?.text ?? null], hrefsIn(full, comments?.el)),
  };
}

/** A search result's dates paragraph, tested on its raw text's start (see `textStart`). */
const SUBMITTED = /^\s*Submitted\b/;

