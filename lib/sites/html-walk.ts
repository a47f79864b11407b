/**
 * Reading an element's text node by node where `textContent` would get it wrong (./html-text.ts is
 * the API): script and style left out, `<br>` a space, SVG/MathML and XML documents read node by
 * node, the parts matching a `skip` selector left out; every subtree that holds none of these read
 * with one `textContent` call. The walks give exactly what the plain node-by-node walk gives.
 */
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
export type Sink = (text: string) => boolean | void;

/**
 * The text of `node`'s children, read node by node (the reference reading; see `readText`).
 * Children are read by `firstChild`/`nextSibling` (one call a step), but those of a `<template>`
 * from `childNodes`, as the DOM lists them: a DOM where `firstChild`/`nextSibling` tell otherwise
 * there (happy-dom gives a template's content) reads the same.
 */
export function walkAll(node: Node, skip: string | undefined, emit: Sink): boolean {
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

/** `walkAll` over `childNodes` (by index: no array is made): `walkOpen` with every element a hit. */
export function walkList(node: Node, skip: string | undefined, emit: Sink): boolean {
  return walkOpen(node, skip, EVERY, NONE, emit);
}

/** One child element as the walk reads it: script and style left out, `<br>` a space, `skip` matches left out. */
function walkElement(e: Element, skip: string | undefined, emit: Sink): boolean {
  const tag = e.tagName.toUpperCase();
  if (tag === 'SCRIPT' || tag === 'STYLE') return false;
  if (tag === 'BR') return emit(' ') === true;
  if (skip && e.matches(skip)) return false;
  return walkAll(e, skip, emit);
}

/** Some elements, as `walkOpen` asks of them. */
interface ElementSet {
  has(e: Element): boolean;
}

const EVERY: ElementSet = { has: () => true };
const NONE: ElementSet = { has: () => false };

/** A set of elements: a few in an array, more in a `Set`. */
class Marks implements ElementSet {
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
function walkOpen(node: Node, skip: string | undefined, hits: ElementSet, open: ElementSet, emit: Sink): boolean {
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
export function readText(el: Element, skip: string | undefined, emit: Sink): void {
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
export function flatText(el: Element, skip: string | undefined): string | null {
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
