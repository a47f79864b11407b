/**
 * The entries of arXiv listings and author pages (`dl > dt` + `dd`), read raw (search results:
 * arxiv-results.ts, the same way): the texts and link targets of each entry's fields, copied out of
 * the page by the content script; the background makes drafts of them (./arxiv-finish.ts, and
 * ./raw-schema.ts for why). Each entry is read in two steps: its parts (the elements and link
 * targets the fields come from) are found, then their texts read.
 *
 * Finding the parts (issue 7's scrape budget, `npx tsx bench/browser.ts scrape`): by one walk over
 * the entry's elements (`scanEntry`), each element's name, class and a few attributes telling which
 * of the selectors it matches, in place of a query per field; and, in a document the walk cannot
 * read as the selectors would (not HTML, or in quirks mode: `scannable`), by the queries themselves
 * (`queryEntry`, the reference the walk gives the same as). So the raw reads are the same either way.
 *
 * Reading the fields: the walk also tells what is below each element whose text is read, so most
 * are read by one `textContent` (what `rawText` gives for an element with nothing below it to read
 * otherwise), a labelled field (`<span class="descriptor">Title:</span> …`) by its `textContent`
 * without the label's (`fieldText`); anything else the usual way.
 */
import { hrefsIn } from './arxiv-html';
import { classBits, scannable, walkedName } from './html-scan';
import { XHTML, rawText } from './html-text';
import type { ArxivRawEntry } from './page-read';

// ---------------------------------------------------------------- listings and author pages

/** Where a listing entry's fields are (null / undefined: no such element). */
interface EntryParts {
  dt: Element;
  /** The `href` of `a[title="Abstract"]`, else of `a[href*="/abs/"]`, in the dt (undefined: neither). */
  idHref: string | null | undefined;
  /** The `href`s of the first `a[title="View HTML"]` and the first `a[href*="/html/"]` in the dt. */
  htmlHrefs: [string | null | undefined, string | null | undefined];
  /** The same for `a[title="Download PDF"]` and `a[href*="/pdf/"]`. */
  pdfHrefs: [string | null | undefined, string | null | undefined];
  /** In the dd's `div.meta` (or the dd when it has none): the first of each. */
  subjects: Element | null;
  /** The first `.primary-subject` in `subjects`. */
  primary: Element | null;
  authors: Element | null;
  /** The `a` elements in `authors`, with their `href`s. */
  anchors: Element[];
  anchorHrefs: (string | null)[];
  comments: Element | null;
  /** `p.mathjax, p.abstract`, else the first `p`. */
  abstract: Element | null;
  title: Element | null;
  journalRef: Element | null;
  doi: Element | null;
  /** The `href`s of the `a[href]` in `abstract`, then in `comments` (`hrefsIn(abstract, comments)`). */
  codeHrefs: string[];
  /** What a walk found below the fields (see `fieldText`); undefined for the query path. */
  known?: Map<Element, number>;
}

/** The parts of one entry, by queries (the reference reading). */
function queryEntry(dt: Element, dd: Element): EntryParts {
  const idLink = dt.querySelector('a[title="Abstract"]') ?? dt.querySelector('a[href*="/abs/"]');
  const href = (sel: string) => dt.querySelector(sel)?.getAttribute('href');
  const meta = dd.querySelector('div.meta') ?? dd;
  const subjects = meta.querySelector('.list-subjects');
  const authors = meta.querySelector('.list-authors');
  const anchors = authors ? Array.from(authors.querySelectorAll('a')) : [];
  const comments = meta.querySelector('.list-comments');
  const abstract = meta.querySelector('p.mathjax, p.abstract') ?? meta.querySelector('p');
  return {
    dt, idHref: idLink?.getAttribute('href'),
    htmlHrefs: [href('a[title="View HTML"]'), href('a[href*="/html/"]')],
    pdfHrefs: [href('a[title="Download PDF"]'), href('a[href*="/pdf/"]')],
    subjects, primary: subjects?.querySelector('.primary-subject') ?? null,
    authors, anchors, anchorHrefs: anchors.map((a) => a.getAttribute('href')),
    comments, abstract,
    title: meta.querySelector('.list-title'), journalRef: meta.querySelector('.list-journal-ref'), doi: meta.querySelector('.list-doi'),
    codeHrefs: hrefsIn(abstract, comments),
  };
}

/** What a walk over a dt finds: the first `a` of each kind (see `EntryParts`); `null` when none. */
interface DtScan {
  abstract: string | null | undefined;
  abs: string | null | undefined;
  viewHtml: string | null | undefined;
  html: string | null | undefined;
  downloadPdf: string | null | undefined;
  pdf: string | null | undefined;
}

function scanDt(parent: Element, s: DtScan): void {
  for (let e = parent.firstElementChild; e !== null; e = e.nextElementSibling) {
    if (e.localName === 'a') {
      const title = e.getAttribute('title');
      const href = e.getAttribute('href');
      if (title === 'Abstract' && s.abstract === undefined) s.abstract = href;
      else if (title === 'View HTML' && s.viewHtml === undefined) s.viewHtml = href;
      else if (title === 'Download PDF' && s.downloadPdf === undefined) s.downloadPdf = href;
      if (href !== null) {
        if (s.abs === undefined && href.includes('/abs/')) s.abs = href;
        if (s.html === undefined && href.includes('/html/')) s.html = href;
        if (s.pdf === undefined && href.includes('/pdf/')) s.pdf = href;
      }
    }
    scanDt(e, s);
  }
}

/** The first element of each field in one scope (the dd, or its first `div.meta`), and what is inside them. */
class MetaScan {
  subjects: Element | null = null;
  primary: Element | null = null;
  authors: Element | null = null;
  anchors: Element[] = [];
  anchorHrefs: (string | null)[] = [];
  comments: Element | null = null;
  /** The first `p.mathjax, p.abstract`, and the first `p`. */
  pAbstract: Element | null = null;
  p: Element | null = null;
  title: Element | null = null;
  journalRef: Element | null = null;
  doi: Element | null = null;
  /** The `href`s of the `a[href]` in `subjects`… : in `pAbstract`, in `p`, in `comments`. */
  pAbstractHrefs: string[] = [];
  pHrefs: string[] = [];
  commentsHrefs: string[] = [];
}

// Where an element is, for a walk in a dd: bits of `flags`, for the dd's scope and the meta's.
const IN_SUBJECTS = 1;
const IN_AUTHORS = 2;
const IN_COMMENTS = 4;
const IN_P_ABSTRACT = 8;
const IN_P = 16;
/** The bits of the meta scope: those above, shifted. */
const META = 5;
const IN_META = 1 << 10;

// The class names the walk over a dd looks for: bits of a class attribute's `classBits`.
const E_SUBJECTS = 1;
const E_AUTHORS = 2;
const E_COMMENTS = 4;
const E_TITLE = 8;
const E_JOURNAL_REF = 16;
const E_DOI = 32;
const E_PRIMARY = 64;
const E_P_ABSTRACT = 128;
const E_META = 256;
const E_DESCRIPTOR = 512;
/** The fields read with `skip` `.descriptor` (and the primary subject, read whole). */
const E_FIELDS = E_SUBJECTS | E_AUTHORS | E_COMMENTS | E_TITLE | E_JOURNAL_REF | E_DOI | E_PRIMARY;
const ENTRY_CLASSES: readonly [string, number][] = [
  ['list-subjects', E_SUBJECTS], ['list-authors', E_AUTHORS], ['list-comments', E_COMMENTS], ['list-title', E_TITLE],
  ['list-journal-ref', E_JOURNAL_REF], ['list-doi', E_DOI], ['primary-subject', E_PRIMARY],
  ['mathjax', E_P_ABSTRACT], ['abstract', E_P_ABSTRACT], ['meta', E_META], ['descriptor', E_DESCRIPTOR],
];

// What `scanDd` tells of the elements below an element: bits of its answer.
/** One of `readText`'s own hits (`br`, script, style, SVG, MathML). */
const D_WALKED = 1;
/** How many `.descriptor` elements (0, 1, 2 for more): the count times `D_ONE`. */
const D_ONE = 2;
const D_COUNT = 6;
/** The first child element is a `.descriptor`. */
const D_FIRST = 8;

/** One element's part in a scope: records it where it is the first of its kind, and returns the bits for below it. */
function seeIn(m: MetaScan, e: Element, isP: boolean, bits: number, within: number): number {
  let below = 0;
  if (isP) {
    if (m.p === null) {
      m.p = e;
      below |= IN_P;
    }
    if (m.pAbstract === null && bits & E_P_ABSTRACT) {
      m.pAbstract = e;
      below |= IN_P_ABSTRACT;
    }
  }
  if (bits !== 0) {
    if (m.subjects === null && bits & E_SUBJECTS) {
      m.subjects = e;
      below |= IN_SUBJECTS;
    }
    if (m.authors === null && bits & E_AUTHORS) {
      m.authors = e;
      below |= IN_AUTHORS;
    }
    if (m.comments === null && bits & E_COMMENTS) {
      m.comments = e;
      below |= IN_COMMENTS;
    }
    if (m.title === null && bits & E_TITLE) m.title = e;
    if (m.journalRef === null && bits & E_JOURNAL_REF) m.journalRef = e;
    if (m.doi === null && bits & E_DOI) m.doi = e;
    if (within & IN_SUBJECTS && m.primary === null && bits & E_PRIMARY) m.primary = e;
  }
  return below;
}

/** An `a` in a scope: in the author list, and its `href` where code links are looked for. */
function anchorIn(m: MetaScan, e: Element, href: string | null, within: number): void {
  if (within & IN_AUTHORS) {
    m.anchors.push(e);
    m.anchorHrefs.push(href);
  }
  if (href === null) return;
  if (within & IN_P_ABSTRACT) m.pAbstractHrefs.push(href);
  if (within & IN_P) m.pHrefs.push(href);
  if (within & IN_COMMENTS) m.commentsHrefs.push(href);
}

/**
 * The walk over a dd: both scopes' parts, the classes seen, and for the field elements what is
 * below them (`scanDd`'s answer for them, see `fieldText`).
 */
interface DdWalk { dd: MetaScan; meta: MetaScan; found: Element | null; classes: Map<string, number>; below: Map<Element, number> }

/** One walk over the elements below `parent` (see `DdWalk`); returns what is below `parent` (`D_…` bits). */
function scanDd(parent: Element, flags: number, w: DdWalk): number {
  const mask = (1 << META) - 1;
  let sub = 0;
  let first = true;
  for (let e = parent.firstElementChild; e !== null; e = e.nextElementSibling, first = false) {
    const name = e.localName;
    const cls = e.getAttribute('class');
    const bits = cls === null ? 0 : classBits(cls, ENTRY_CLASSES, w.classes);
    const isP = name === 'p';
    let below = flags | seeIn(w.dd, e, isP, bits, flags & mask);
    if (flags & IN_META) below |= seeIn(w.meta, e, isP, bits, (flags >> META) & mask) << META;
    if (name === 'a') {
      const href = e.getAttribute('href');
      anchorIn(w.dd, e, href, flags & mask);
      if (flags & IN_META) anchorIn(w.meta, e, href, (flags >> META) & mask);
    }
    if (w.found === null && bits & E_META && name === 'div') {
      w.found = e;
      below |= IN_META;
    }
    const inside = scanDd(e, below, w);
    if (bits & E_FIELDS) w.below.set(e, inside);
    // e itself, as its parent sees it: a hit, a descriptor (more than two count as two), the first child.
    let count = (sub & D_COUNT) + (inside & D_COUNT);
    if (bits & E_DESCRIPTOR) {
      count += D_ONE;
      if (first) sub |= D_FIRST;
    }
    sub = (sub & D_FIRST) | ((sub | inside) & D_WALKED) | Math.min(count, 2 * D_ONE) | (walkedName(name) ? D_WALKED : 0);
  }
  return sub;
}

/**
 * `rawText(el, skip)` of an element `scanDd` walked, `skip` being `.descriptor` or none, when the
 * walk tells it cheaply (else undefined): with nothing below it to leave out, its `textContent`;
 * with one `.descriptor` (and `skip`) and nothing else, that descriptor its first child node, its
 * `textContent` without the descriptor's.
 */
function fieldText(el: Element | null, known: Map<Element, number> | undefined, skip: '.descriptor' | undefined): string | undefined {
  const below = el ? known?.get(el) : undefined;
  if (below === undefined || below & D_WALKED || el!.namespaceURI !== XHTML) return undefined;
  const count = skip ? below & D_COUNT : 0;
  if (count === 0) return el!.textContent ?? '';
  if (count !== D_ONE || !(below & D_FIRST)) return undefined;
  const first = el!.firstChild;
  if (first === null || first.nodeType !== 1) return undefined;
  return (el!.textContent ?? '').slice((first.textContent ?? '').length);
}

/** The parts of one entry, by one walk over the dt and one over the dd (the same as `queryEntry`). */
function scanEntry(dt: Element, dd: Element, classes: Map<string, number>, known: Map<Element, number>): EntryParts {
  const d: DtScan = { abstract: undefined, abs: undefined, viewHtml: undefined, html: undefined, downloadPdf: undefined, pdf: undefined };
  scanDt(dt, d);
  const w: DdWalk = { dd: new MetaScan(), meta: new MetaScan(), found: null, classes, below: known };
  scanDd(dd, 0, w);
  const m = w.found ? w.meta : w.dd;
  const abstract = m.pAbstract ?? m.p;
  return {
    dt, idHref: d.abstract !== undefined ? d.abstract : d.abs,
    htmlHrefs: [d.viewHtml, d.html], pdfHrefs: [d.downloadPdf, d.pdf],
    subjects: m.subjects, primary: m.primary, authors: m.authors, anchors: m.anchors, anchorHrefs: m.anchorHrefs,
    comments: m.comments, abstract, title: m.title, journalRef: m.journalRef, doi: m.doi,
    codeHrefs: [...(m.pAbstract ? m.pAbstractHrefs : m.pHrefs), ...m.commentsHrefs], known,
  };
}

/** `rawText(el, skip)` of a field element (null: none), through `fieldText` where it can. */
function fieldRaw(el: Element | null, known: Map<Element, number> | undefined, skip?: '.descriptor'): string | null {
  if (el === null) return null;
  const t = fieldText(el, known, skip);
  return t === undefined ? rawText(el, skip) : t;
}

/**
 * The dt/dd entries of a listing or author page, in page order, read raw (./raw-schema.ts
 * `ArxivRawEntry`; ./arxiv-finish.ts makes drafts of them). Both layouts: the id comes from the
 * `title="Abstract"` link (2024) or the link inside `span.list-identifier` (older), both `/abs/<id>`
 * hrefs; the `dd > div.meta` part is the same `list-*` markup. `scan` false: by queries (the
 * reference, for the tests).
 */
export function readEntries(doc: Document, scan = scannable(doc)): ArxivRawEntry[] | string {
  const out: ArxivRawEntry[] = [];
  const dts = doc.querySelectorAll('dl > dt');
  const classes = new Map<string, number>();
  const known = new Map<Element, number>();
  for (let i = 0; i < dts.length; i++) {
    const dt = dts[i]!;
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName.toUpperCase() !== 'DD') return `entry ${i + 1}: no <dd> after <dt>`;
    const parts = scan ? scanEntry(dt, dd, classes, known) : queryEntry(dt, dd);
    const k = parts.known;
    const idHref = parts.idHref ?? null;
    out.push({
      dt: rawText(dt),
      idHref, htmlHrefs: parts.htmlHrefs.map((h) => h ?? null), pdfHrefs: parts.pdfHrefs.map((h) => h ?? null),
      subjects: fieldRaw(parts.subjects, k, '.descriptor'), primary: fieldRaw(parts.primary, k),
      authors: fieldRaw(parts.authors, k, '.descriptor'),
      anchors: parts.anchors.map((a, j) => ({ text: rawText(a), href: parts.anchorHrefs[j] ?? null })),
      comments: fieldRaw(parts.comments, k, '.descriptor'), abstract: parts.abstract ? rawText(parts.abstract) : null,
      title: fieldRaw(parts.title, k, '.descriptor'), journalRef: fieldRaw(parts.journalRef, k, '.descriptor'), doi: fieldRaw(parts.doi, k, '.descriptor'),
      codeHrefs: parts.codeHrefs,
    });
  }
  return out;
}
