/**
 * Reading the text of page elements as the adapters need it: whitespace collapsed, scripts, styles
 * and skipped parts left out, `<br>` as a space. One `textContent` per subtree that holds nothing to
 * skip, node by node only where it must (SVG/MathML, XML documents, skipped parts): every shortcut
 * gives exactly what the plain walk gives (issue 7's scrape budget).
 */
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
 * Children are read by `firstChild`/`nextSibling` (one call a step), but those of a `<template>`
 * from `childNodes`, as the DOM lists them: a DOM where `firstChild`/`nextSibling` tell otherwise
 * there (happy-dom gives a template's content) reads the same.
 */
function walkAll(node: Node, skip: string | undefined, emit: Sink): boolean {
  if ((node as Element).localName === 'template') return walkList(node, skip, emit);
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      if (emit((child as Text).data)) return true;
    } else if (type === 1) {
      if (walkElement(child as Element, skip, emit)) return true;
    }
  }
  return false;
}

/** `walkAll` over `childNodes` (by index: no array is made). */
function walkList(node: Node, skip: string | undefined, emit: Sink): boolean {
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.nodeType === 3) {
      if (emit(child.textContent ?? '')) return true;
    } else if (child.nodeType === 1) {
      if (walkElement(child as Element, skip, emit)) return true;
    }
  }
  return false;
}

/** One child element as the walk reads it: script and style left out, `<br>` a space, `skip` matches left out. */
function walkElement(e: Element, skip: string | undefined, emit: Sink): boolean {
  const tag = e.tagName.toUpperCase();
  if (tag === 'SCRIPT' || tag === 'STYLE') return false;
  if (tag === 'BR') return emit(' ') === true;
  if (skip && e.matches(skip)) return false;
  return walkAll(e, skip, emit);
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
        if (walkElement(e, skip, emit)) return true;
      } else if (open.has(e)) {
        if (walkOpen(e, skip, hits, open, emit)) return true;
      } else if (emit(e.textContent ?? '')) {
        return true;
      }
    }
  }
  return false;
}

/** The HTML namespace: elements in it are read as HTML (others, SVG and MathML, node by node). */
export const XHTML = 'http://www.w3.org/1999/xhtml';

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

export function isHtmlDocument(doc: Document | null): boolean {
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

/**
 * What `walkAll(el, skip)` reads, in one pass over `el`'s children, when no child element has child
 * elements of its own (most labelled fields: a `<span class="descriptor">` and text, a title with
 * highlighted words): text nodes as they are, a child that `readText` would count as a hit (`br`,
 * script, style, SVG, MathML, a `skip` match) as `walkElement` reads it, any other child by its
 * `textContent` — as `readText` reads such an element, without first looking for the hits. Null
 * for anything else (a child with child elements; a CDATA section, which `textContent` would count
 * and the walk not), which `readText` then reads. `el`: an HTML element of an HTML document, not a
 * `<template>` (whose children some DOMs list apart).
 */
function flatText(el: Element, skip: string | undefined): string | null {
  let out = '';
  for (let c = el.firstChild; c !== null; c = c.nextSibling) {
    const type = c.nodeType;
    if (type === 3) {
      out += (c as Text).data;
    } else if (type === 1) {
      const e = c as Element;
      if (e.firstElementChild !== null) return null;
      const name = e.localName;
      const walked = name === 'br' || name === 'script' || name === 'style' || name === 'svg' || name === 'math';
      if (!walked && !(skip !== undefined && e.matches(skip))) {
        out += e.textContent ?? '';
        continue;
      }
      // A hit, read as `walkElement` reads it.
      const tag = e.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      if (tag === 'BR') {
        out += ' ';
        continue;
      }
      if (!walked || (skip !== undefined && e.matches(skip))) continue;
      walkAll(e, skip, (t) => {
        out += t;
      });
    } else if (type === 4) {
      return null;
    }
  }
  return out;
}

/**
 * `rawText(el)` of an element of an HTML document that a walk over its subtree found no `br`,
 * script, style, SVG or MathML element in: its `textContent`, as `readText` reads such an element,
 * when it is an HTML element.
 */
export function plainText(el: Element): string {
  return el.namespaceURI === XHTML ? el.textContent ?? '' : rawText(el);
}

/**
 * `rawText(el, skip)` of an HTML element of an HTML document whose one hit (see `readText`) is
 * `last`, its last child element (a walk found no other, and no `br`, script, style, SVG or MathML
 * anywhere below `el`): its `textContent` without `last`'s. Undefined when a node after `last` is
 * neither text nor a comment (then `rawText` must read it).
 */
export function rawWithoutLast(el: Element, last: Element): string | undefined {
  let trailing = '';
  for (let n = last.nextSibling; n !== null; n = n.nextSibling) {
    const type = n.nodeType;
    if (type === 3) trailing += (n as Text).data;
    else if (type !== 8) return undefined;
  }
  const all = el.textContent ?? '';
  return all.slice(0, all.length - (last.textContent ?? '').length - trailing.length) + trailing;
}

/** `textOf` before whitespace is collapsed (see `readText`). */
export function rawText(el: Element | null | undefined, skip?: string): string {
  if (!el) return '';
  if (el.namespaceURI === XHTML && isHtmlDocument(el.ownerDocument)) {
    // An HTML element without child elements (most are): its text nodes are its `textContent`.
    if (el.firstElementChild === null) return el.textContent ?? '';
    if (el.localName !== 'template') {
      const flat = flatText(el, skip);
      if (flat !== null) return flat;
    }
  }
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
    // Nothing kept and no `first` in the piece: no match starts in it, and nothing of it is kept.
    if (tail === '' && t.indexOf(first) < 0) return false;
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
  const start: Start = { out: '', lead: -1, n };
  walkStart(el, start);
  return start.out;
}

/** `textStart`'s reading: the text so far, where its first non-whitespace character is (-1: none yet), how many to read past it. */
interface Start { out: string; lead: number; n: number }

/** `walkAll(node)` for `textStart`, without a closure: true once enough is read. */
function walkStart(node: Node, st: Start): boolean {
  if ((node as Element).localName === 'template') {
    let done = false;
    walkList(node, undefined, (t) => (done = startPiece(st, t)));
    return done;
  }
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      if (startPiece(st, (child as Text).data)) return true;
    } else if (type === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      if (tag === 'BR' ? startPiece(st, ' ') : walkStart(child, st)) return true;
    }
  }
  return false;
}

function startPiece(st: Start, t: string): boolean {
  const from = st.out.length;
  st.out += t;
  if (st.lead < 0) {
    // The first non-whitespace character (`\S`), looked for in the new piece only.
    for (let i = 0; i < t.length; i++) {
      if (!isWhiteSpace(t.charCodeAt(i))) {
        st.lead = from + i;
        break;
      }
    }
  }
  return st.lead >= 0 && st.out.length - st.lead >= st.n;
}

/** What `\s` matches (one UTF-16 unit; the same set `trim` removes). */
export function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
