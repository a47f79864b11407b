/**
 * The results of arXiv search pages (`li.arxiv-result`), read into drafts as arxiv-entries.ts reads
 * listing entries (see there): their parts found by one walk over each result's elements
 * (`scanResult`), or by queries in a document the walk cannot read (`queryResult`, the reference).
 */
import {
  type Draft, SubjectMemo, anchorRefs, arxivIdOfUrl, codeLinks, collapse, doiFrom, hrefsIn, linkOf, normaliseArxivId, parseDayMonthYear, parseSubjects, plainText, rawText, stripLabel, textOf, textOrNull, textStart, textWithoutLast,
} from './arxiv-html';
import { classBits, scannable, walkedName } from './html-scan';
import { XHTML } from './html-text';

// ---------------------------------------------------------------- search results

/** Where a search result's fields are. */
interface ResultParts {
  /** The `href` of the first `a[href*="/abs/"]` with a `.list-title` above it, else of the first one. */
  idHref: string | null | undefined;
  /** The first `.list-title`. */
  listTitle: Element | null;
  /** The first `.abstract-full`, and the `href`s of the `a[href]` in it. */
  full: Element | null;
  fullHrefs: string[];
  /** `.tags .tag[data-tooltip]`, and the first of them with the class `is-link` (else the first). */
  tags: Element[];
  primaryTag: Element | undefined;
  /** The `p` elements; the first `p.title`; the `a` elements (and their `href`s) in the first `p.authors`; `p.comments`. */
  ps: Element[];
  title: Element | null;
  anchors: Element[];
  anchorHrefs: (string | null)[];
  notes: Element[];
  /** The first `.tags a[href*="doi.org/"]`, with its `href`. */
  doiLink: Element | null;
  doiHref: string | null | undefined;
  /** The `href` of the first `a[href*="/pdf/"]` (`/html/`) in the `.list-title` (in the result when there is none). */
  pdfHref: string | null | undefined;
  htmlHref: string | null | undefined;
  /** `textOf(full, 'a')`, when the walk could tell it cheaply (see `scanResult`). */
  abstract?: string;
  /** The `id` of the first `[id$="-abstract-full"], [id$="-abstract-short"]` (`2512.03003v1-abstract-full`), if any. */
  abstractId: string | undefined;
}

/** The parts of one result, by queries (the reference reading). */
function queryResult(li: Element): ResultParts {
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
  const full = li.querySelector('.abstract-full');
  const ps = Array.from(li.querySelectorAll('p'));
  const authors = ps.find((p) => p.matches('.authors'));
  const anchors = authors ? Array.from(authors.querySelectorAll('a')) : [];
  const doiLink = li.querySelector('.tags a[href*="doi.org/"]');
  const tags = Array.from(li.querySelectorAll('.tags .tag[data-tooltip]'));
  return {
    idHref: idLink?.getAttribute('href'), listTitle, full, fullHrefs: hrefsIn(full),
    tags, primaryTag: tags.find((t) => t.classList.contains('is-link')) ?? tags[0],
    ps, title: ps.find((p) => p.matches('.title')) ?? null, anchors, anchorHrefs: anchors.map((a) => a.getAttribute('href')),
    notes: ps.filter((p) => p.matches('.comments')),
    doiLink, doiHref: doiLink?.getAttribute('href'),
    pdfHref: (listTitle ?? li).querySelector('a[href*="/pdf/"]')?.getAttribute('href'),
    htmlHref: (listTitle ?? li).querySelector('a[href*="/html/"]')?.getAttribute('href'),
    abstractId: li.querySelector('[id$="-abstract-full"], [id$="-abstract-short"]')?.id,
  };
}

/** What a walk over a result finds (see `ResultParts`; `pdf`, `html`: in the whole result). */
interface ResultScan extends ResultParts {
  abs: string | null | undefined;
  titledAbs: string | null | undefined;
  authors: Element | null;
  pdf: string | null | undefined;
  html: string | null | undefined;
  /** In `full`: the `a` elements, how many; its last child element; whether a hit of `readText` (other than an `a`) is below it. */
  fullAnchors: number;
  fullLast: Element | null;
  fullWalked: boolean;
}

/** What `scanLi` tells of a subtree: an element of `readText`'s own hits (`br`, script, style, SVG, MathML) is in it. */
const SUB_WALKED = 1;

// Where an element is, for the walk over a result.
/** Below a `.list-title` (the result's, or one above the result). */
const BELOW_TITLE = 1;
/** Below a `.tags`. */
const BELOW_TAGS = 2;
/** In the first `.list-title`, the first `.abstract-full`, the first `p.authors`. */
const IN_LIST_TITLE = 4;
const IN_FULL = 8;
const IN_AUTHOR_LIST = 16;

// The class names the walk looks for: bits of a class attribute's `classBits`.
const C_TITLE = 1;
const C_AUTHORS = 2;
const C_COMMENTS = 4;
const C_LIST_TITLE = 8;
const C_TAGS = 16;
const C_ABSTRACT_FULL = 32;
const C_TAG = 64;
const C_IS_LINK = 128;
const RESULT_CLASSES: readonly [string, number][] = [
  ['title', C_TITLE], ['authors', C_AUTHORS], ['comments', C_COMMENTS], ['list-title', C_LIST_TITLE],
  ['tags', C_TAGS], ['abstract-full', C_ABSTRACT_FULL], ['tag', C_TAG], ['is-link', C_IS_LINK],
];

/**
 * One walk over the elements below `parent`, in document order (`flags`: where `parent` is). Records
 * the parts, and in `plain` the elements whose text is read that have none of `readText`'s hits
 * below them (read by `plainText`). Returns `SUB_WALKED` when such a hit is below `parent`.
 */
function scanLi(parent: Element, flags: number, s: ResultScan, memo: PageMemo): number {
  let sub = 0;
  let last: Element | null = null;
  for (let e = parent.firstElementChild; e !== null; e = e.nextElementSibling) {
    last = e;
    const name = e.localName;
    const cls = e.getAttribute('class');
    const bits = cls === null ? 0 : classBits(cls, RESULT_CLASSES, memo.classes);
    let below = flags;
    let read = false; // e's text is read
    if (s.abstractId === undefined) {
      const id = e.getAttribute('id');
      if (id !== null && (id.endsWith('-abstract-full') || id.endsWith('-abstract-short'))) s.abstractId = id;
    }
    if (name === 'a') {
      const href = e.getAttribute('href');
      if (href !== null) {
        if (href.includes('/abs/')) {
          if (s.abs === undefined) s.abs = href;
          if (s.titledAbs === undefined && flags & BELOW_TITLE) s.titledAbs = href;
        }
        if (href.includes('/pdf/')) {
          if (s.pdf === undefined) s.pdf = href;
          if (s.pdfHref === undefined && flags & IN_LIST_TITLE) s.pdfHref = href;
        }
        if (href.includes('/html/')) {
          if (s.html === undefined) s.html = href;
          if (s.htmlHref === undefined && flags & IN_LIST_TITLE) s.htmlHref = href;
        }
        if (s.doiLink === null && flags & BELOW_TAGS && href.includes('doi.org/')) {
          s.doiLink = e;
          s.doiHref = href;
          read = true;
        }
        if (flags & IN_FULL) s.fullHrefs.push(href);
      }
      if (flags & IN_AUTHOR_LIST) {
        s.anchors.push(e);
        s.anchorHrefs.push(href);
        read = true;
      }
      if (flags & IN_FULL) s.fullAnchors++;
    } else if (name === 'p') {
      s.ps.push(e);
      read = true;
      if (s.title === null && bits & C_TITLE) s.title = e;
      if (s.authors === null && bits & C_AUTHORS) {
        s.authors = e;
        below |= IN_AUTHOR_LIST;
      }
      if (bits & C_COMMENTS) s.notes.push(e);
    }
    if (bits !== 0) {
      if (bits & C_LIST_TITLE) {
        below |= BELOW_TITLE;
        if (s.listTitle === null) {
          s.listTitle = e;
          below |= IN_LIST_TITLE;
          read = true;
        }
      }
      if (bits & C_TAGS) below |= BELOW_TAGS;
      if (s.full === null && bits & C_ABSTRACT_FULL) {
        s.full = e;
        below |= IN_FULL;
      }
      if (flags & BELOW_TAGS && bits & C_TAG && e.hasAttribute('data-tooltip')) {
        s.tags.push(e);
        read = true;
        if (s.primaryTag === undefined && bits & C_IS_LINK) s.primaryTag = e;
      }
    }
    const inside = scanLi(e, below, s, memo);
    if (read && inside === 0) memo.plain.add(e);
    if (e === s.full) s.fullWalked = inside !== 0;
    sub |= inside | (walkedName(name) ? SUB_WALKED : 0);
  }
  if (parent === s.full) s.fullLast = last;
  return sub;
}

/** The parts of one result, by one walk over its elements (the same as `queryResult`). */
function scanResult(li: Element, memo: PageMemo = pageMemo()): ResultParts {
  const s: ResultScan = {
    idHref: undefined, listTitle: null, full: null, fullHrefs: [], tags: [], primaryTag: undefined, ps: [], title: null, anchors: [], anchorHrefs: [],
    notes: [], doiLink: null, doiHref: undefined, pdfHref: undefined, htmlHref: undefined,
    abs: undefined, titledAbs: undefined, authors: null, pdf: undefined, html: undefined, fullAnchors: 0, fullLast: null, fullWalked: false,
    abstractId: undefined,
  };
  // What is above the result counts for the descendant selectors, as it does for a query.
  scanLi(li, (li.closest('.list-title') ? BELOW_TITLE : 0) | (li.closest('.tags') ? BELOW_TAGS : 0), s, memo);
  s.idHref = s.titledAbs !== undefined ? s.titledAbs : s.abs;
  s.primaryTag ??= s.tags[0];
  if (s.listTitle === null) {
    s.pdfHref = s.pdf;
    s.htmlHref = s.html;
  }
  // The abstract without its "△ Less" link (`textOf(full, 'a')`): with no hit below it, or the link
  // (an `a`) the only one and its last child element, from its `textContent`.
  const full = s.full;
  if (full !== null && !s.fullWalked && full.namespaceURI === XHTML) {
    if (s.fullAnchors === 0) s.abstract = collapse(full.textContent);
    else if (s.fullAnchors === 1 && s.fullLast !== null && s.fullLast.localName === 'a') s.abstract = textWithoutLast(full, s.fullLast);
  }
  return s;
}

/** A search result's dates paragraph, tested on its raw text's start (see `textStart`). */
const SUBMITTED = /^\s*Submitted\b/;

/**
 * Reads the results of a search page: one call per `li.arxiv-result` (what the readers work out
 * once a page kept between the calls). `scan` false: by queries (the reference, for the tests).
 */
export function searchResultReader(doc: Document, scan = scannable(doc)): (li: Element, base: string) => Draft | string {
  const memo = pageMemo();
  return (li, base) => parseSearchResult(li, base, scan, memo);
}

/**
 * What the readers of one page work out once: subject lines, class attributes, and the elements
 * found to hold none of `readText`'s hits (read by `plainText`).
 */
interface PageMemo { subjects: SubjectMemo; classes: Map<string, number>; plain: Set<Element> }

function pageMemo(): PageMemo {
  return { subjects: new SubjectMemo(), classes: new Map(), plain: new Set() };
}

/** `rawText(el)`, by `textContent` when a walk found nothing below `el` to read otherwise. */
function textIn(el: Element | null | undefined, plain: Set<Element> | undefined): string {
  return !el ? '' : plain?.has(el) ? plainText(el) : rawText(el);
}

/**
 * One `li.arxiv-result` of a search page. The version comes from the abstract span's id
 * (`2512.03003v1-abstract-full`); dates: see the notes at the top of `arxiv.ts`. Comments and
 * journal refs are both `p.comments`, told apart by their label.
 */
export function parseSearchResult(li: Element, base: string, scan = scannable(li.ownerDocument), memo?: PageMemo): Draft | string {
  const parts = scan ? scanResult(li, memo) : queryResult(li);
  const plain = memo?.plain;
  const absLink = linkOf(parts.idHref, base);
  const absUrl = absLink?.href ?? null;
  const ids = arxivIdOfUrl(absLink) ?? normaliseArxivId(/arXiv:(\S+)/.exec(collapse(textIn(parts.listTitle, plain)))?.[1]);
  if (!ids) return 'no arXiv id';
  const full = parts.full;
  const version = ids.version ?? (Number(/v(\d+)-abstract/.exec(parts.abstractId ?? '')?.[1] ?? 0) || null);
  const { tags, primaryTag } = parts;
  const ordered = primaryTag ? [primaryTag, ...tags.filter((t) => t !== primaryTag)] : tags;
  const { primary, categories } = parseSubjects(ordered.map((t) => collapse(textIn(t, plain))).join(';'), null, memo?.subjects);
  // The dates are the first paragraph whose text starts with "Submitted" (its first characters
  // decide); `p.comments` are told apart by their label.
  const dates = collapse(textIn(parts.ps.find((p) => SUBMITTED.test(textStart(p, 'Submitted'.length + 1))), plain));
  const submitted = parseDayMonthYear(/^Submitted\s+([^;]+)/.exec(dates)?.[1]);
  const v1 = parseDayMonthYear(/\bv1 submitted\s+([^;]+)/.exec(dates)?.[1]);
  const notes = parts.notes.map((el) => ({ el, text: collapse(textIn(el, plain)) }));
  const note = (label: RegExp) => {
    const p = notes.find((n) => label.test(n.text));
    return p ? { el: p.el, text: stripLabel(p.text, label) || null } : null;
  };
  const comments = note(/^Comments:/);
  const abstract = parts.abstract !== undefined ? parts.abstract || null : textOrNull(full, 'a');
  return {
    id: ids.id, version, title: collapse(textIn(parts.title, plain)),
    authors: anchorRefs(parts.anchors, parts.anchorHrefs, base, plain),
    published: v1 ?? (version === 1 || !version ? submitted : null),
    updated: v1 ? submitted : version && version > 1 ? submitted : null,
    primaryCategory: primary, categories, abstract, comments: comments?.text ?? null,
    journalRef: note(/^Journal ref:/)?.text ?? null,
    doi: doiFrom(parts.doiHref) ?? doiFrom(collapse(textIn(parts.doiLink, plain))),
    abs: absUrl, pdf: linkOf(parts.pdfHref, base)?.href ?? null, html: linkOf(parts.htmlHref, base)?.href ?? null,
    code: codeLinks([abstract, comments?.text ?? null], comments ? [...parts.fullHrefs, ...hrefsIn(comments.el)] : parts.fullHrefs),
  };
}
