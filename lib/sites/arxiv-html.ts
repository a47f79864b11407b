/**
 * Helpers for the arXiv page adapter (`./arxiv.ts`, which re-exports the public ones): reading text
 * out of elements, dates in the forms arXiv prints them, subject lists, counts, code-repository
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

export const BASE = 'https://arxiv.org/';
const HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);

/**
 * The runs of whitespace that collapsing changes: every run but a lone plain space (which it
 * would replace by itself). Fewer matches than `/\s+/g`, the same result.
 */
const LOOSE_SPACE = / \s+|[^\S ]\s*/g;
/**
 * Whether a text has such a run (a test is cheaper than a replace that changes nothing): a
 * whitespace character other than a space (`\s` less the space, spelt out: a negated class is
 * several times slower), or a space followed by whitespace.
 */
const HAS_LOOSE_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| \s/;

/**
 * Collapse runs of whitespace (incl. newlines and no-break spaces) to one space and trim.
 * (`trim` drops the runs at the ends, as it would after replacing them; `trim` and `\s` agree on
 * what whitespace is.)
 */
export function collapse(s: string | null | undefined): string {
  const t = (s ?? '').trim();
  return HAS_LOOSE_SPACE.test(t) ? t.replace(LOOSE_SPACE, ' ') : t;
}

/**
 * The elements whose text `textContent` would not give as `textOf` reads it: `<br>` (a space),
 * script and style (ignored), and SVG/MathML, where an HTML page can hold CDATA sections (part of
 * `textContent`, not of `textOf`). `textOf` reads every other subtree with one `textContent` call.
 */
const WALK = 'br, script, style, svg, math';
const walkSelectors = new Map<string, string>();

function walkSelector(skip: string | undefined): string {
  if (!skip) return WALK;
  let sel = walkSelectors.get(skip);
  if (sel === undefined) walkSelectors.set(skip, (sel = `${WALK}, ${skip}`));
  return sel;
}

/** Receives the text of an element piece by piece, in document order; `true` stops the reading. */
type Sink = (text: string) => boolean | void;

/**
 * The text of `node`'s children, read node by node (the reference reading; see `readText`).
 * Children are read from `childNodes` (by index: no array is made), as the DOM lists them: a DOM
 * where `firstChild`/`nextSibling` tell otherwise (happy-dom's `<template>`) reads the same.
 */
function walkAll(node: Node, skip: string | undefined, emit: Sink): boolean {
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.nodeType === 3) {
      if (emit(child.textContent ?? '')) return true;
    } else if (child.nodeType === 1) {
      const e = child as Element;
      const tag = e.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      if (tag === 'BR') {
        if (emit(' ')) return true;
        continue;
      }
      if (skip && e.matches(skip)) continue;
      if (walkAll(e, skip, emit)) return true;
    }
  }
  return false;
}

/** A set of elements: a few in an array, more in a `Set`. */
class Marks {
  private readonly set: Set<Element> | null;

  constructor(private readonly els: Element[], set: Set<Element> | null) {
    this.set = els.length > 8 ? (set ?? new Set(els)) : null;
  }

  has(e: Element): boolean {
    return this.set ? this.set.has(e) : this.els.includes(e);
  }
}

/**
 * `walkAll`, where only the "hits" (the descendants of the element read that match
 * `walkSelector(skip)`) and the "open" elements (their ancestors below it) are read node by node:
 * any other child element holds no text `textContent` would get wrong, so its `textContent` is its
 * text. Every descendant that is script, style, `<br>`, SVG/MathML or matches `skip` is a hit, so
 * an open element that is not a hit is none of these: it is read child by child.
 */
function walkOpen(node: Node, skip: string | undefined, hits: Marks, open: Marks, emit: Sink): boolean {
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.nodeType === 3) {
      if (emit(child.textContent ?? '')) return true;
    } else if (child.nodeType === 1) {
      const e = child as Element;
      if (hits.has(e)) {
        // As `walkAll` reads it (SVG/MathML: node by node, all through).
        const tag = e.tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        if (tag === 'BR') {
          if (emit(' ')) return true;
          continue;
        }
        if (skip && e.matches(skip)) continue;
        if (walkAll(e, skip, emit)) return true;
      } else if (open.has(e)) {
        if (walkOpen(e, skip, hits, open, emit)) return true;
      } else if (emit(e.textContent ?? '')) {
        return true;
      }
    }
  }
  return false;
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Up to this many elements below it, `readText` finds an element's hits by `matches`, cheaper than a query. */
const SMALL = 12;

/**
 * The hits under `el` (descendants matching `sel`, as `querySelectorAll(sel)` finds them) and the
 * open elements, found child by child (from `childNodes`, as `walkOpen` reads them; not inside a
 * hit, where `walkOpen` does not look either); null once more than `SMALL` elements are seen.
 */
function smallHits(el: Element, sel: string): { hits: Element[]; open: Element[] } | null {
  const found: SmallHits = { sel, budget: SMALL, hits: [], open: [] };
  return visitSmall(el, found) === null ? null : found;
}

interface SmallHits { sel: string; budget: number; hits: Element[]; open: Element[] }

/** Whether `parent` holds hits (null: over budget), recording them and the open elements. */
function visitSmall(parent: Element, found: SmallHits): boolean | null {
  let any = false;
  const kids = parent.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const e = kids[i]!;
    if (e.nodeType !== 1) continue;
    if (--found.budget < 0) return null;
    if ((e as Element).matches(found.sel)) {
      found.hits.push(e as Element);
      any = true;
      continue;
    }
    const below = visitSmall(e as Element, found);
    if (below === null) return null;
    if (below) {
      found.open.push(e as Element);
      any = true;
    }
  }
  return any;
}

/** The documents found to be HTML (a document's content type cannot change); held weakly. */
const htmlDocuments = new WeakSet<Document>();

function isHtmlDocument(doc: Document | null): boolean {
  if (!doc) return false;
  if (htmlDocuments.has(doc)) return true;
  if (doc.contentType !== 'text/html') return false;
  htmlDocuments.add(doc);
  return true;
}

/**
 * `textOf` before whitespace is collapsed, handed to `emit` piece by piece: the text nodes under
 * `el` in document order, without those inside script, style or `skip` elements, a space for each
 * `<br>`. For an HTML element of an HTML document, the subtrees without such elements are read with
 * `textContent` (an element without child elements has none; in a small one `matches` finds them,
 * in a larger one a `querySelectorAll`); elsewhere (SVG/MathML content, an XML document, where names
 * are case-sensitive) node by node.
 */
function readText(el: Element, skip: string | undefined, emit: Sink): void {
  if (el.namespaceURI !== XHTML || !isHtmlDocument(el.ownerDocument)) {
    walkAll(el, skip, emit);
    return;
  }
  if (el.firstElementChild === null) {
    emit(el.textContent ?? '');
    return;
  }
  const sel = walkSelector(skip);
  const small = smallHits(el, sel);
  if (small) {
    if (small.hits.length === 0) emit(el.textContent ?? '');
    else walkOpen(el, skip, new Marks(small.hits, null), new Marks(small.open, null), emit);
    return;
  }
  const found = el.querySelectorAll(sel);
  if (found.length === 0) {
    emit(el.textContent ?? '');
    return;
  }
  const hits: Element[] = [];
  const open: Element[] = [];
  const openSet = new Set<Element>();
  for (let i = 0; i < found.length; i++) {
    const hit = found[i]!;
    hits.push(hit);
    for (let n = hit.parentElement; n && n !== el && !openSet.has(n); n = n.parentElement) {
      openSet.add(n);
      open.push(n);
    }
  }
  walkOpen(el, skip, new Marks(hits, null), new Marks(open, openSet), emit);
}

/** `textOf` before whitespace is collapsed (see `readText`). */
export function rawText(el: Element | null | undefined, skip?: string): string {
  if (!el) return '';
  let out = '';
  readText(el, skip, (t) => {
    out += t;
  });
  return out;
}

/**
 * `re.exec(textOf(el))`, reading only as far as the first match, for a pattern that (1) has `\s+`
 * wherever the pattern for the collapsed text would have a space, and no whitespace at either end
 * (`/Total\s+of\s+([\d,]+)\s+entries/` for `/Total of ([\d,]+) entries/`): then it finds the same
 * first match, with the same groups, in the text before collapsing; and (2) starts with a character
 * `first` that no match holds anywhere else (`T`). Then a match in the text read so far is the
 * first in the whole text, and one not complete yet can only start at the last `first` read, and
 * only if the text from there is the start of a match, which `prefix` (anchored at both ends)
 * tells: only that part of the text is kept, to be searched again with what comes next. So `re`
 * must not look before its match (no lookbehind, no `\b` or `^` first), and of the match only the
 * groups count (its `index` is not the index in the whole text).
 */
export function firstMatch(el: Element | null | undefined, re: RegExp, first: string, prefix: RegExp): RegExpExecArray | null {
  if (!el) return null;
  const once = re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
  let tail = ''; // the text read that a match could still start in
  let found: RegExpExecArray | null = null;
  let pieces = 0;
  const search = (t: string): boolean => {
    pieces++;
    tail += t;
    found = once.exec(tail);
    if (found) return true;
    const last = tail.lastIndexOf(first);
    tail = last >= 0 && prefix.test(tail.slice(last)) ? tail.slice(last) : '';
    return false;
  };
  // A match near the start (a listing's "Total of …" line) is found reading node by node, without
  // first looking through the whole element for script, style, <br>; past FIRST_PIECES text nodes
  // without a match, the reading starts over the usual way.
  const budget = (t: string): boolean => search(t) || pieces >= FIRST_PIECES;
  walkAll(el, undefined, budget);
  if (found || pieces < FIRST_PIECES) return found;
  tail = '';
  readText(el, undefined, search);
  return found;
}

/** See `firstMatch`. */
const FIRST_PIECES = 400;

/**
 * The start of `rawText(el)` (no `skip`): leading whitespace, then at least `n` more characters
 * (all of it when shorter), read node by node only as far as needed. A regex that looks no further
 * than `n` characters past the leading whitespace (`/^\s*Submitted\b/` with n = 10) gives the same
 * answer on it as on the whole text, and on the whole text collapsed.
 */
export function textStart(el: Element, n: number): string {
  let out = '';
  let lead = -1; // where in `out` the first non-whitespace character is, once read
  walkAll(el, undefined, (t) => {
    out += t;
    if (lead < 0) lead = out.search(/\S/);
    return lead >= 0 && out.length - lead >= n;
  });
  return out;
}

/**
 * The text of `el` without the text of descendants matching `skip` (labels such as
 * `<span class="descriptor">Title:</span>`, "△ Less" toggles). `<br>` counts as a space;
 * script and style contents are ignored. Whitespace collapsed.
 */
export function textOf(el: Element | null | undefined, skip?: string): string {
  return collapse(rawText(el, skip));
}

/** `textOf` that gives null for an absent or empty element. */
export function textOrNull(el: Element | null | undefined, skip?: string): string | null {
  const t = textOf(el, skip);
  return t === '' ? null : t;
}

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

// ---------------------------------------------------------------- links, mostly without `new URL`

/**
 * The parts of an http(s) URL the readers look at: what `new URL` gives (`href`, `protocol`,
 * `hostname`, `pathname`, and `param(name)` for `searchParams.get(name)`), for most arXiv links
 * read off their text without parsing (`linkOf`), which costs a fraction of `new URL`.
 */
export interface LinkParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  param(name: string): string | null;
}

function urlParts(u: URL): LinkParts {
  return { href: u.href, protocol: u.protocol, hostname: u.hostname, pathname: u.pathname, param: (name) => u.searchParams.get(name) };
}

/**
 * A decoded `application/x-www-form-urlencoded` name or value, as URLSearchParams decodes it: '+'
 * is a space, then percent-escapes are UTF-8 bytes. ASCII escapes are decoded here; anything else
 * by `decodeURIComponent`, which gives the same for valid UTF-8 and throws otherwise (invalid
 * escapes, bad UTF-8, where URLSearchParams would keep the text or put U+FFFD in): undefined then.
 */
function formDecode(s: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 /* + */) {
      out += `${s.slice(from, i)} `;
      from = i + 1;
    } else if (c === 37 /* % */) {
      const byte = i + 2 < s.length ? parseHexByte(s.charCodeAt(i + 1), s.charCodeAt(i + 2)) : -1;
      if (byte < 0 || byte >= 0x80) {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return undefined;
        }
      }
      out += s.slice(from, i) + String.fromCharCode(byte);
      from = i + 3;
      i += 2;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function hexDigit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
}

function parseHexByte(a: number, b: number): number {
  const hi = hexDigit(a);
  const lo = hexDigit(b);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** The decoded pairs of a query, or null when one needs URLSearchParams itself (see `formDecode`). */
function formPairs(query: string): [string, string][] | null {
  const out: [string, string][] = [];
  let from = 0;
  while (from <= query.length) {
    let to = query.indexOf('&', from);
    if (to < 0) to = query.length;
    if (to > from) {
      const eq = query.indexOf('=', from);
      const cut = eq >= 0 && eq < to ? eq : to;
      const key = formDecode(query.slice(from, cut));
      const value = cut < to ? formDecode(query.slice(cut + 1, to)) : '';
      if (key === undefined || value === undefined) return null;
      out.push([key, value]);
    }
    from = to + 1;
  }
  return out;
}

function textParts(href: string, protocol: string, hostname: string, path: string, query: string | undefined): LinkParts {
  // `searchParams.get(name)`: the query's pairs decoded once, on the first call.
  let pairs: [string, string][] | null | undefined;
  let params: URLSearchParams | undefined;
  const param = (name: string): string | null => {
    if (query === undefined) return null;
    if (pairs === undefined) pairs = formPairs(query);
    // ('?' first: the constructor drops one leading '?', which a URL's own query keeps.)
    if (pairs === null) return (params ??= new URLSearchParams(`?${query}`)).get(name);
    for (const [k, v] of pairs) if (k === name) return v;
    return null;
  };
  return { href, protocol, hostname, pathname: path, param };
}

/**
 * Links that `new URL` gives back exactly as written ("plain" links). A path and query of
 * characters it never escapes or changes (in Chromium and Node alike): letters, digits,
 * `-._~!$&()*+,;=:@%/` (and `?` in the query; percent-escapes are kept as they are, valid or not),
 * with no dot segment (`.`, `..`, `%2e`, which it removes: any segment starting with `.` or `%2e`
 * is left to `new URL`), no fragment. Absolute ones: `http`/`https` in lower case, no user, no
 * port, a host name of lower-case labels of letters, digits and single inner hyphens, each label
 * starting with a letter (so no IPv4 address and no punycode `xn--` label: nothing the host
 * parser would rewrite or refuse). Path-absolute ones (`/abs/…`, not `//host`) resolve against the
 * base's origin.
 */
const SAFE_PATH = String.raw`\/[A-Za-z0-9\-._~!$&()*+,;=:@%\/]*`;
const SAFE_QUERY = String.raw`[A-Za-z0-9\-._~!$&()*+,;=:@%\/?]*`;
const PLAIN_LABEL = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
const PLAIN_LINK = new RegExp(String.raw`^(https?):\/\/(${PLAIN_LABEL}(?:\.${PLAIN_LABEL})*)(${SAFE_PATH})(?:\?(${SAFE_QUERY}))?$`);
const PLAIN_PATH_LINK = new RegExp(String.raw`^(?!\/\/)(${SAFE_PATH})(?:\?(${SAFE_QUERY}))?$`);
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * What `new URL(…, base)` takes from a base: whether it parses at all (else it throws, even for an
 * absolute URL) and, for an http(s) base, its origin as `new URL` writes it (user and port
 * included), protocol and host name. The last base asked about is kept.
 */
interface Base { base: string; valid: boolean; http: { origin: string; protocol: string; hostname: string } | null }
let lastBase: Base | null = null;

function baseOf(base: string): Base {
  if (lastBase?.base === base) return lastBase;
  let out: Base;
  try {
    const u = new URL(base);
    const root = u.protocol === 'http:' || u.protocol === 'https:' ? new URL('/', u.href) : null;
    out = { base, valid: true, http: root && { origin: root.href.slice(0, -1), protocol: root.protocol, hostname: root.hostname } };
  } catch {
    out = { base, valid: false, http: null };
  }
  lastBase = out;
  return out;
}

/** `new URL(url)`'s parts when it is an http(s) URL, else null (see `LinkParts`; plain links without parsing). */
export function httpLink(url: string): LinkParts | null {
  const m = PLAIN_LINK.exec(url);
  if (m && !DOT_SEGMENT.test(m[3]!)) return textParts(url, `${m[1]}:`, m[2]!, m[3]!, m[4]);
  const u = httpUrl(url);
  return u ? urlParts(u) : null;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * False when no URL parsed from `url` can have a host name containing `name` (lower-case ASCII):
 * `url` is printable ASCII without `%` (so `new URL` neither decodes, maps nor drops a character
 * of its host: the host name is a lower-cased piece of it) and does not contain `name` in any case.
 */
export function mayHaveHost(url: string, name: string): boolean {
  return !PRINTABLE_ASCII.test(url) || url.includes('%') || url.toLowerCase().includes(name);
}

/**
 * The parts of `new URL(href.trim(), base)` when `href` is a plain link (see above) and `base`
 * lets it resolve (it parses; an http(s) one for a path-absolute link), read without parsing;
 * undefined for any other link (`new URL` has to tell).
 */
export function plainLink(href: string, base: string): LinkParts | undefined {
  const h = href.trim();
  const abs = PLAIN_LINK.exec(h);
  if (abs) return !DOT_SEGMENT.test(abs[3]!) && baseOf(base).valid ? textParts(h, `${abs[1]}:`, abs[2]!, abs[3]!, abs[4]) : undefined;
  if (h.charCodeAt(0) !== 47 /* / */) return undefined;
  const rel = PLAIN_PATH_LINK.exec(h);
  const b = rel && !DOT_SEGMENT.test(rel[1]!) ? baseOf(base).http : null;
  return rel && b ? textParts(b.origin + h, b.protocol, b.hostname, rel[1]!, rel[2]) : undefined;
}

/** `absoluteUrlOf`'s parts: plain links without parsing (see `LinkParts`). */
export function linkOf(href: string | null | undefined, base: string): LinkParts | null {
  if (!href) return null;
  const plain = plainLink(href, base);
  if (plain) return plain;
  const u = absoluteUrlOf(href, base);
  return u ? urlParts(u) : null;
}

/** `absoluteUrl` as a URL object (parsed once, for the callers that look inside it). */
export function absoluteUrlOf(href: string | null | undefined, base: string): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Resolve an href against a base; null for unparseable or non-http(s) targets (`javascript:`). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  return linkOf(href, base)?.href ?? null;
}

// ---------------------------------------------------------------- arXiv ids and author links

/** `new URL(url)` or null. */
export function toUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `new URL(url)` when it is an http(s) URL, else null. The same as `httpUrl` in lib/xml.ts, which the
 * page adapters do not import: that module loads @xmldom/xmldom, which content scripts must not carry.
 */
export function httpUrl(url: string): URL | null {
  const u = toUrl(url);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u : null;
}

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

