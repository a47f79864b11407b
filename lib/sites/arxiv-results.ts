/**
 * The results of arXiv search pages (`li.arxiv-result`), read raw, as arxiv-entries.ts reads listing
 * entries: their parts found for all results at once by one query per part (`bulkResults`), or
 * result by result by queries (`queryResult`, the reference, and the reading of results that hold
 * other results), then their texts and links copied out.
 */
import { hrefsIn } from './arxiv-html';
import { classBits, scannable } from './html-scan';
import { XHTML, isHtmlDocument, plainText, rawText, rawWithoutLast, textStart } from './html-text';
import type { ArxivRawResult } from './page-read';

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
  /** `rawText(full, 'a')`, when the bulk reading could tell it cheaply (see `bulkResults`). */
  abstract?: string;
  /** The hrefs of the `a[href]` in each of `notes` (`hrefsIn`), when the bulk reading found them. */
  noteHrefs?: string[][];
  /** The id of the first `.abstract-full` whose id is an abstract id (`2512.03003v1-abstract-full`), else of the first such `.abstract-short`. */
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
    abstractId: abstractIdOf(li.querySelectorAll('.abstract-full')) ?? abstractIdOf(li.querySelectorAll('.abstract-short')),
  };
}

/** An abstract span's id, which names the version shown: `2512.03003v1-abstract-full`. */
function isAbstractId(id: string): boolean {
  return id.endsWith('-abstract-full') || id.endsWith('-abstract-short');
}

/** The id of the first of these abstract spans whose id is an abstract id (undefined: none). */
function abstractIdOf(spans: ArrayLike<Element>): string | undefined {
  for (let i = 0; i < spans.length; i++) {
    const id = spans[i]!.id;
    if (isAbstractId(id)) return id;
  }
  return undefined;
}

const RESULT = 'li.arxiv-result';
const P_TITLE = 1;
const P_AUTHORS = 2;
const P_COMMENTS = 4;
const P_CLASSES: readonly [string, number][] = [['title', P_TITLE], ['authors', P_AUTHORS], ['comments', P_COMMENTS]];
/** What `readText` reads node by node (`br`, script, style, SVG, MathML). */
const WALKED = ['br', 'script', 'style', 'svg', 'math'];

function emptyParts(): ResultParts {
  return {
    idHref: undefined, listTitle: null, full: null, fullHrefs: [], tags: [], primaryTag: undefined, ps: [], title: null, anchors: [], anchorHrefs: [],
    notes: [], doiLink: null, doiHref: undefined, pdfHref: undefined, htmlHref: undefined, abstractId: undefined,
  };
}

/** The parts of every result and, per result, whether nothing in it is read node by node (see `bulkResults`). */
interface BulkRead { parts: ResultParts[]; plain: boolean[] }

/**
 * The parts of every result of a page at once (the same as `queryResult` of each): a query per
 * part over the results' list, each hit given to the result it is in (its parent, or the nearest
 * above it), in place of a dozen queries per result (issue 7's scrape budget: those, or a walk
 * over every element of every result, were most of the page's time). Each
 * query is one selector with no attribute test on its last part: a selector list, or `[href*=…]`
 * tested on every link of the page, costs several times as much (the links' hrefs are tested here).
 * Null when a result holds another (a hit would then belong to both): those are read one by one.
 *
 * `plain[i]`: result i holds no element that `readText` reads node by node, so in an HTML document
 * the `textContent` of any element in it is its raw text. The abstract's raw text without its links
 * (`rawText(full, 'a')`) is then its `textContent`, or that without its one link when that is its
 * last child element (the "△ Less" toggle; `rawWithoutLast`).
 */
function bulkResults(doc: Document, items: ArrayLike<Element>): BulkRead | null {
  const n = items.length;
  if (n === 0) return { parts: [], plain: [] };
  // The queries look only below the results' parent when they share one (a page's results are one
  // list): what lies outside it is no part of a result, and is not walked through again and again.
  // Results with one parent cannot hold each other.
  let root: ParentNode = items[0]!.parentElement ?? doc;
  for (let i = 1; i < n && root !== doc; i++) if (items[i]!.parentElement !== root) root = doc;
  if (root === doc && doc.querySelector(`${RESULT} ${RESULT}`) !== null) return null;
  const at = new Map<Element, number>();
  for (let i = 0; i < n; i++) at.set(items[i]!, i);
  const parts = Array.from({ length: n }, emptyParts);
  const each = (sel: string, see: (el: Element, p: ResultParts, i: number) => void): void => {
    const hits = root.querySelectorAll(sel);
    for (let k = 0; k < hits.length; k++) {
      const el = hits[k]!;
      // The result the hit is in: its parent (most are a result's children), else the nearest above.
      const parent = el.parentElement;
      if (parent === null) continue;
      let i = at.get(parent);
      if (i === undefined) {
        const li = parent.closest(RESULT);
        if (li !== null) i = at.get(li);
      }
      if (i !== undefined) see(el, parts[i]!, i);
    }
  };
  each(`${RESULT} .list-title`, (el, p) => {
    p.listTitle ??= el;
  });
  // The links below a .list-title (anywhere above, as a selector sees it): the first /abs/ one is the
  // id link; the PDF and HTML links are the first below the result's own first .list-title.
  each('.list-title a', (a, p) => {
    const href = a.getAttribute('href');
    if (href === null) return;
    if (p.idHref === undefined && href.includes('/abs/')) p.idHref = href;
    const title = p.listTitle;
    if (title === null || (p.pdfHref !== undefined && p.htmlHref !== undefined) || a === title || !title.contains(a)) return;
    if (p.pdfHref === undefined && href.includes('/pdf/')) p.pdfHref = href;
    if (p.htmlHref === undefined && href.includes('/html/')) p.htmlHref = href;
  });
  // The abstract id: of the first full abstract that has one, else of the first short one.
  const seeSpan = (el: Element, p: ResultParts) => {
    if (p.abstractId !== undefined) return;
    const id = el.id;
    if (isAbstractId(id)) p.abstractId = id;
  };
  each(`${RESULT} .abstract-full`, (el, p) => {
    p.full ??= el;
    seeSpan(el, p);
  });
  if (parts.some((p) => p.abstractId === undefined)) each(`${RESULT} .abstract-short`, seeSpan);
  const html = isHtmlDocument(doc);
  const plain = new Array<boolean>(n).fill(html);
  for (const name of WALKED) {
    if (!html) break;
    each(`${RESULT} ${name}`, (_el, _p, i) => {
      plain[i] = false;
    });
  }
  // The abstract's links: their hrefs (code links), and whether the one link is its last child.
  const links = new Array<number>(n).fill(0);
  const lastLink: (Element | null)[] = new Array<Element | null>(n).fill(null);
  each(`${RESULT} .abstract-full a`, (a, p, i) => {
    const full = p.full;
    if (full === null || a === full || !full.contains(a)) return;
    links[i]!++;
    lastLink[i] = a;
    const href = a.getAttribute('href');
    if (href !== null) p.fullHrefs.push(href);
  });
  each('.tags .tag[data-tooltip]', (el, p) => {
    p.tags.push(el);
    if (p.primaryTag === undefined && el.classList.contains('is-link')) p.primaryTag = el;
  });
  // The paragraphs; which are the title, the author list, comments: by their class attribute where
  // it tells what the selectors would (./html-scan.ts `scannable`), else by the selectors.
  const authors: (Element | null)[] = new Array<Element | null>(n).fill(null);
  const seeTitle = (el: Element, p: ResultParts) => {
    p.title ??= el;
  };
  const seeAuthors = (el: Element, _p: ResultParts, i: number) => {
    authors[i] ??= el;
  };
  const seeNote = (el: Element, p: ResultParts) => {
    p.notes.push(el);
    (p.noteHrefs ??= []).push([]);
  };
  const byClass = scannable(doc);
  const classes = new Map<string, number>();
  each(`${RESULT} p`, (el, p, i) => {
    p.ps.push(el);
    const cls = byClass ? el.getAttribute('class') : null;
    if (cls === null) return;
    const bits = classBits(cls, P_CLASSES, classes);
    if (bits & P_TITLE) seeTitle(el, p);
    if (bits & P_AUTHORS) seeAuthors(el, p, i);
    if (bits & P_COMMENTS) seeNote(el, p);
  });
  if (!byClass) {
    each(`${RESULT} p.title`, seeTitle);
    each(`${RESULT} p.authors`, seeAuthors);
    each(`${RESULT} p.comments`, seeNote);
  }
  // The links in the first author list, and in each comments paragraph (its hrefs: code links).
  each(`${RESULT} p.authors a`, (a, p, i) => {
    const list = authors[i];
    if (!list || a === list || !list.contains(a)) return;
    p.anchors.push(a);
    p.anchorHrefs.push(a.getAttribute('href'));
  });
  each(`${RESULT} p.comments a`, (a, p) => {
    const href = a.getAttribute('href');
    if (href === null) return;
    for (let k = 0; k < p.notes.length; k++) {
      const note = p.notes[k]!;
      if (a !== note && note.contains(a)) p.noteHrefs![k]!.push(href);
    }
  });
  each('.tags a[href*="doi.org/"]', (a, p) => {
    if (p.doiLink !== null) return;
    p.doiLink = a;
    p.doiHref = a.getAttribute('href');
  });
  for (let i = 0; i < n; i++) {
    const p = parts[i]!;
    const li = items[i]!;
    p.primaryTag ??= p.tags[0];
    if (p.idHref === undefined) p.idHref = li.querySelector('a[href*="/abs/"]')?.getAttribute('href');
    if (p.listTitle === null) {
      p.pdfHref = li.querySelector('a[href*="/pdf/"]')?.getAttribute('href');
      p.htmlHref = li.querySelector('a[href*="/html/"]')?.getAttribute('href');
    }
    const full = p.full;
    if (plain[i] && full !== null && full.namespaceURI === XHTML) {
      const last = lastLink[i]!;
      if (links[i] === 0) p.abstract = full.textContent ?? '';
      else if (links[i] === 1 && last === full.lastElementChild) p.abstract = rawWithoutLast(full, last);
    }
  }
  return { parts, plain };
}

/** A search result's dates paragraph, tested on its raw text's start (see `textStart`). */
const SUBMITTED = /^\s*Submitted\b/;

/**
 * The results of a search page, raw, in page order. `bulk` false: result by result, by queries
 * (the reference, for the tests).
 */
export function readSearchResults(doc: Document, items: ArrayLike<Element>, bulk = true): ArxivRawResult[] {
  const read = bulk ? bulkResults(doc, items) : null;
  const out: ArxivRawResult[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(read ? readSearchResult(read.parts[i]!, read.plain[i]!) : readSearchResult(queryResult(items[i]!), false));
  }
  return out;
}

/** `rawText(el)` ('' for none), by `textContent` where nothing in the result is read otherwise. */
function textIn(el: Element | null | undefined, plain: boolean): string {
  return !el ? '' : plain ? plainText(el) : rawText(el);
}

/**
 * One `li.arxiv-result` of a search page, raw (./raw-schema.ts `ArxivRawResult`; ./arxiv-finish.ts
 * makes the draft). The dates are the first paragraph whose text starts with "Submitted" (its first
 * characters decide); comments and journal refs are both `p.comments`.
 */
function readSearchResult(parts: ResultParts, plain: boolean): ArxivRawResult {
  const idHref = parts.idHref ?? null;
  const { tags, primaryTag, full } = parts;
  const ordered = primaryTag ? [primaryTag, ...tags.filter((t) => t !== primaryTag)] : tags;
  return {
    idHref, listTitle: textIn(parts.listTitle, plain),
    abstractId: parts.abstractId ?? null,
    tags: ordered.map((t) => textIn(t, plain)),
    dates: textIn(parts.ps.find((p) => SUBMITTED.test(textStart(p, 'Submitted'.length + 1))), plain),
    notes: parts.notes.map((el, k) => ({ text: textIn(el, plain), hrefs: parts.noteHrefs?.[k] ?? hrefsIn(el) })),
    title: textIn(parts.title, plain),
    anchors: parts.anchors.map((a, i) => ({ text: textIn(a, plain), href: parts.anchorHrefs[i] ?? null })),
    abstract: full === null ? null : parts.abstract !== undefined ? parts.abstract : rawText(full, 'a'),
    fullHrefs: parts.fullHrefs,
    doiHref: parts.doiHref ?? null, doiText: textIn(parts.doiLink, plain),
    pdfHref: parts.pdfHref ?? null, htmlHref: parts.htmlHref ?? null,
  };
}
