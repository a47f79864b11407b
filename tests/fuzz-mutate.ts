/**
 * Mutation helpers for the fuzz tests (`tests/real/fuzz-*.test.ts`, issue "Hardening" → "Bad
 * input"): damaged versions of the real captures in the shared fixtures, and the checks every
 * adapter answer must pass whatever the damage.
 *
 * - HTML: the capture is parsed ONCE with happy-dom's DOMParser. Each run applies a few mutations
 *   to that document IN PLACE and then undoes them (every mutation records its own inverse), so a
 *   run costs a few DOM operations instead of a re-parse or a `cloneNode` (happy-dom clones at
 *   ~30 µs an element: 15–600 ms a capture, too slow for 1,000 runs). The undo restores the very
 *   same nodes, so the candidate lists (elements, text nodes) are computed once.
 * - XML: the text is mutated (elements found by a small tag matcher) and parsed by the adapter.
 * - JSON: the parsed value is mutated (keys, array items, numbers), then serialised; some
 *   mutations then damage the text itself (unclosed brackets, random bytes, truncation).
 *
 * Mutations: elements removed, attributes (or keys) renamed, text truncated, random bytes inserted,
 * an empty page, duplicated elements, swapped elements, numbers replaced by non-numbers, tags
 * unclosed, and the page cut off part-way (a truncated download).
 */
import fc from 'fast-check';
import { beforeAll, type describe, expect, it } from 'vitest';
import { ParseOutcome, type ScrapeResult } from '../lib/schema';
import { checkedOutcome } from '../lib/sites/checked';
import type { ParseDraft } from '../lib/sites/draft';
import { finishRead } from '../lib/sites/finish';
import { isRawRead } from '../lib/sites/page-read';
import { RawRead } from '../lib/sites/raw-schema';
import { adapterFor } from '../lib/sites/registry';
import { htmlDoc, readFixture } from './fixtures';

// ================================================================= shared arbitraries

/** "Random bytes": any code points (lone surrogates, controls, NUL), raw Latin-1 bytes, or markup-ish debris. */
export const randomBytes: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((a) => String.fromCharCode(...a)),
  fc.constantFrom('<', '>', '&', '&amp;', '"', "'", '\u0000', '\uFFFD', '\u202E', '\uD800', '</td>', '<br>', ']]>', '{', '}', '\\', '\n\n'),
);

/** What a number is replaced with: words, symbols, empty, and numerals JavaScript's `Number` would misread. */
export const NON_NUMBERS = [
  '', ' ', 'N/A', 'n/a', '—', '-', '?', 'NaN', 'Infinity', '-Infinity', 'null', 'undefined', 'none', 'many', 'x',
  'one thousand', '1O', 'l7', '0x1F', '1e3', '1,5', '١٧٩٩', '１７', '½', '∞', 'MMXXI', '.', '..', '+',
] as const;

/** A position in a candidate list: `focus` picks among the parts the adapter reads, else among all. */
export interface At { focus: boolean; n: number }
export const at: fc.Arbitrary<At> = fc.record({ focus: fc.boolean(), n: fc.nat() });

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

// ================================================================= DOM (HTML captures)

export type DomOp =
  | { op: 'remove'; at: At }
  | { op: 'renameAttr'; at: At; attr: number; to: string }
  | { op: 'truncateText'; at: At; keep: number }
  | { op: 'insertBytes'; at: At; where: number; bytes: string; inAttr: boolean }
  | { op: 'empty'; part: 'body' | 'head' | 'both' | 'root' }
  | { op: 'duplicate'; at: At }
  | { op: 'swap'; at: At; other: At; sibling: boolean }
  | { op: 'denumber'; at: At; with: string; inAttr: boolean }
  | { op: 'unclose'; at: At }
  | { op: 'cut'; at: At };

const ATTR_NAMES = ['class', 'id', 'href', 'title', 'name', 'content', 'style', 'data-x', 'rel', 'property', 'itemprop', 'x'];

const fraction = fc.integer({ min: 0, max: 999 });

/** One DOM mutation. */
export const domOp: fc.Arbitrary<DomOp> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at }),
  fc.record({ op: fc.constant('renameAttr' as const), at, attr: fc.nat(), to: fc.constantFrom(...ATTR_NAMES, '*mangle') }),
  fc.record({ op: fc.constant('truncateText' as const), at, keep: fraction }),
  fc.record({ op: fc.constant('insertBytes' as const), at, where: fraction, bytes: randomBytes, inAttr: fc.boolean() }),
  fc.record({ op: fc.constant('empty' as const), part: fc.constantFrom('body' as const, 'head' as const, 'both' as const, 'root' as const) }),
  fc.record({ op: fc.constant('duplicate' as const), at }),
  fc.record({ op: fc.constant('swap' as const), at, other: at, sibling: fc.boolean() }),
  fc.record({ op: fc.constant('denumber' as const), at, with: fc.constantFrom(...NON_NUMBERS), inAttr: fc.boolean() }),
  fc.record({ op: fc.constant('unclose' as const), at }),
  fc.record({ op: fc.constant('cut' as const), at }),
);

/** 1–4 mutations per run, at most one of them `empty`. */
export const domOps: fc.Arbitrary<DomOp[]> = fc.array(domOp, { minLength: 1, maxLength: 4 }).filter((ops) => ops.filter((o) => o.op === 'empty').length <= 1);

const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'SOURCE', 'TRACK', 'WBR']);
const DIGITS = /\d+/g;

function textNodesUnder(root: Node, out: Text[] = []): Text[] {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out.push(n as Text);
    else if (n.nodeType === 1) textNodesUnder(n, out);
  }
  return out;
}

function elementsUnder(root: Element, out: Element[] = []): Element[] {
  for (let n = root.firstElementChild; n; n = n.nextElementSibling) {
    out.push(n);
    elementsUnder(n, out);
  }
  return out;
}

function replaceDigitRun(s: string, n: number, by: string): string {
  const runs = [...s.matchAll(DIGITS)];
  const r = pick(runs, n);
  if (!r || r.index === undefined) return s;
  return s.slice(0, r.index) + by + s.slice(r.index + r[0].length);
}

/**
 * A parsed capture to be damaged and restored, run after run. `focus` selects the parts the
 * adapter reads (result items, table rows, number cells); half of the picks land there.
 */
export class DomTarget {
  readonly elements: Element[];
  readonly focusElements: Element[];
  readonly texts: Text[];
  readonly focusTexts: Text[];
  readonly numberTexts: Text[];
  readonly focusNumberTexts: Text[];
  readonly withAttrs: Element[];
  readonly focusWithAttrs: Element[];
  private readonly root: Element;

  constructor(readonly doc: Document, focus: string) {
    const root = doc.documentElement;
    if (!root) throw new Error('DomTarget: document without a root element');
    this.root = root;
    this.elements = [root, ...elementsUnder(root)];
    const f = new Set<Element>();
    for (const el of Array.from(doc.querySelectorAll(focus))) {
      f.add(el);
      for (const d of elementsUnder(el)) f.add(d);
    }
    this.focusElements = this.elements.filter((e) => f.has(e));
    if (this.focusElements.length === 0) throw new Error(`DomTarget: focus selector matches nothing: ${focus}`);
    this.texts = textNodesUnder(root).filter((t) => t.data.trim() !== '');
    const fTexts = new Set(this.focusElements.flatMap((e) => Array.from(e.childNodes).filter((n): n is Text => n.nodeType === 3)));
    this.focusTexts = this.texts.filter((t) => fTexts.has(t));
    this.numberTexts = this.texts.filter((t) => /\d/.test(t.data));
    this.focusNumberTexts = this.focusTexts.filter((t) => /\d/.test(t.data));
    this.withAttrs = this.elements.filter((e) => e.attributes.length > 0);
    this.focusWithAttrs = this.focusElements.filter((e) => e.attributes.length > 0);
  }

  private el(a: At): Element | undefined {
    return pick(a.focus ? this.focusElements : this.elements, a.n);
  }

  private text(a: At, numbers = false): Text | undefined {
    const list = numbers ? (a.focus ? this.focusNumberTexts : this.numberTexts) : a.focus ? this.focusTexts : this.texts;
    return pick(list.length ? list : numbers ? this.numberTexts : this.texts, a.n);
  }

  private attrEl(a: At): Element | undefined {
    return pick(a.focus && this.focusWithAttrs.length ? this.focusWithAttrs : this.withAttrs, a.n);
  }

  /** Apply the mutations; returns the function that undoes them all (in reverse order). */
  apply(ops: readonly DomOp[]): () => void {
    const undo: (() => void)[] = [];
    for (const op of ops) {
      const u = this.one(op);
      if (u) undo.push(u);
    }
    return () => {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
    };
  }

  private setAttrs(el: Element, attrs: [string, string][]): void {
    for (const a of Array.from(el.attributes)) el.removeAttribute(a.name);
    for (const [k, v] of attrs) el.setAttribute(k, v);
  }

  private one(op: DomOp): (() => void) | null {
    const doc = this.doc;
    switch (op.op) {
      case 'remove': {
        const el = this.el(op.at);
        const parent = el?.parentNode;
        if (!el || !parent) return null;
        const next = el.nextSibling;
        parent.removeChild(el);
        return () => void parent.insertBefore(el, next);
      }
      case 'renameAttr': {
        const el = this.attrEl(op.at);
        const attr = el ? pick(Array.from(el.attributes), op.attr) : undefined;
        if (!el || !attr) return null;
        const before: [string, string][] = Array.from(el.attributes).map((a) => [a.name, a.value]);
        const to = op.to === '*mangle' ? `${attr.name}_` : op.to;
        if (to === attr.name) return null;
        el.removeAttribute(attr.name);
        el.setAttribute(to, attr.value);
        return () => this.setAttrs(el, before);
      }
      case 'truncateText': {
        const t = this.text(op.at);
        if (!t) return null;
        const old = t.data;
        t.data = old.slice(0, Math.floor((old.length * op.keep) / 1000));
        return () => void (t.data = old);
      }
      case 'insertBytes': {
        if (op.inAttr) {
          const el = this.attrEl(op.at);
          const attr = el ? pick(Array.from(el.attributes), op.where) : undefined;
          if (!el || !attr) return null;
          const name = attr.name;
          const old = attr.value;
          const i = Math.floor((old.length * op.where) / 1000);
          el.setAttribute(name, old.slice(0, i) + op.bytes + old.slice(i));
          return () => el.setAttribute(name, old);
        }
        const t = this.text(op.at);
        if (!t) return null;
        const old = t.data;
        const i = Math.floor((old.length * op.where) / 1000);
        t.data = old.slice(0, i) + op.bytes + old.slice(i);
        return () => void (t.data = old);
      }
      case 'empty': {
        if (op.part === 'root') {
          const root = this.root;
          if (root.parentNode !== doc) return null;
          doc.removeChild(root);
          return () => void doc.appendChild(root);
        }
        const parts = op.part === 'both' ? [doc.head, doc.body] : [op.part === 'head' ? doc.head : doc.body];
        const moved: [Node, Node[]][] = [];
        for (const p of parts) {
          if (!p) continue;
          const kids = Array.from(p.childNodes);
          for (const k of kids) p.removeChild(k);
          moved.push([p, kids]);
        }
        return () => {
          for (const [p, kids] of moved) for (const k of kids) p.appendChild(k);
        };
      }
      case 'duplicate': {
        const el = this.el(op.at);
        const parent = el?.parentNode;
        if (!el || !parent || parent === doc || el === doc.body || el === doc.head) return null;
        const copy = el.cloneNode(true);
        parent.insertBefore(copy, el.nextSibling);
        return () => void copy.parentNode?.removeChild(copy);
      }
      case 'swap': {
        const a = this.el(op.at);
        let b: Element | undefined;
        if (op.sibling && a?.parentElement) {
          const sibs = Array.from(a.parentElement.children).filter((s) => s !== a);
          b = pick(sibs, op.other.n);
        } else {
          b = this.el(op.other);
        }
        if (!a || !b || a === b || a.contains(b) || b.contains(a)) return null;
        const pa = a.parentNode;
        const pb = b.parentNode;
        if (!pa || !pb || pa === doc || pb === doc) return null;
        const swap = () => {
          const ma = doc.createComment('');
          const mb = doc.createComment('');
          a.parentNode!.replaceChild(ma, a);
          b.parentNode!.replaceChild(mb, b);
          ma.parentNode!.replaceChild(b, ma);
          mb.parentNode!.replaceChild(a, mb);
        };
        swap();
        return swap;
      }
      case 'denumber': {
        if (op.inAttr) {
          const el = this.attrEl(op.at);
          const attrs = el ? Array.from(el.attributes).filter((x) => /\d/.test(x.value)) : [];
          const attr = pick(attrs, op.at.n >>> 3);
          if (!el || !attr) return null;
          const name = attr.name;
          const old = attr.value;
          el.setAttribute(name, replaceDigitRun(old, op.at.n >>> 5, op.with));
          return () => el.setAttribute(name, old);
        }
        const t = this.text(op.at, true);
        if (!t) return null;
        const old = t.data;
        t.data = replaceDigitRun(old, op.at.n >>> 5, op.with);
        return () => void (t.data = old);
      }
      case 'unclose': {
        // An unclosed tag: the parser puts everything that follows it (up to its parent's end) inside it.
        const el = this.el(op.at);
        const parent = el?.parentNode;
        if (!el || !parent || parent === doc || VOID.has(el.tagName.toUpperCase()) || el === doc.head || el === doc.body) return null;
        const moved: Node[] = [];
        while (el.nextSibling) {
          const n = el.nextSibling;
          moved.push(n);
          el.appendChild(n);
        }
        if (moved.length === 0) return null;
        return () => {
          for (const n of moved) parent.appendChild(n);
        };
      }
      case 'cut': {
        // A download that stopped part-way: everything after a point in document order is gone.
        const start = pick(op.at.focus ? this.focusTexts : this.texts, op.at.n) as Node | undefined;
        if (!start) return null;
        const removed: [Node, Node, Node | null][] = [];
        for (let n: Node | null = start; n && n !== this.root && n.parentNode; n = n.parentNode) {
          const parent: Node = n.parentNode;
          while (n.nextSibling) {
            const s: Node = n.nextSibling;
            removed.push([parent, s, s.nextSibling]);
            parent.removeChild(s);
          }
        }
        let oldText: string | null = null;
        if (start.nodeType === 3) {
          const t = start as Text;
          oldText = t.data;
          t.data = t.data.slice(0, Math.floor(t.data.length / 2));
        }
        return () => {
          if (oldText !== null) (start as Text).data = oldText;
          for (let i = removed.length - 1; i >= 0; i--) {
            const [parent, s, next] = removed[i]!;
            parent.insertBefore(s, next);
          }
        };
      }
    }
  }
}

/** Scripts, styles, iframes and noscript blocks: inert for every adapter, but costly for happy-dom to re-insert. */
export function stripInert(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('script, style, iframe, noscript'))) el.remove();
}

// ================================================================= XML (text)

export type XmlOp =
  | { op: 'remove'; n: number }
  | { op: 'renameAttr'; n: number; to: string }
  | { op: 'truncateText'; n: number; keep: number }
  | { op: 'truncateDoc'; keep: number }
  | { op: 'insertBytes'; where: number; bytes: string; escaped: boolean }
  | { op: 'empty'; kind: number }
  | { op: 'duplicate'; n: number }
  | { op: 'swap'; n: number; other: number; sibling: boolean }
  | { op: 'denumber'; n: number; with: string }
  | { op: 'unclose'; n: number };

export const xmlOp: fc.Arbitrary<XmlOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), n: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameAttr' as const), n: fc.nat(), to: fc.constantFrom(...ATTR_NAMES, 'term', 'rel', 'type', 'key', 'pid', 'xmlns', 'xmlns:x', '*mangle') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncateText' as const), n: fc.nat(), keep: fraction }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateDoc' as const), keep: fraction }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertBytes' as const), where: fc.nat(), bytes: randomBytes, escaped: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), kind: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), n: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), n: fc.nat(), other: fc.nat(), sibling: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('denumber' as const), n: fc.nat(), with: fc.constantFrom(...NON_NUMBERS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unclose' as const), n: fc.nat() }) },
);

export const xmlOps: fc.Arbitrary<XmlOp[]> = fc.array(xmlOp, { minLength: 1, maxLength: 4 });

interface XmlSpan { name: string; start: number; openEnd: number; closeStart: number; end: number; parent: number }
interface XmlAttr { nameStart: number; nameEnd: number }

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;
const ATTR = /\s([A-Za-z_][\w:.-]*)\s*=\s*(?:"[^"]*"|'[^']*')/g;

/** Elements (start to end of their close tag), attributes and text runs of an XML text, best effort (the text may already be damaged). */
export function xmlParts(xml: string): { spans: XmlSpan[]; attrs: XmlAttr[]; texts: [number, number][] } {
  const spans: XmlSpan[] = [];
  const attrs: XmlAttr[] = [];
  const texts: [number, number][] = [];
  const stack: number[] = [];
  let last = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const i = m.index ?? 0;
    if (i > last && xml.slice(last, i).trim() !== '') texts.push([last, i]);
    last = i + m[0].length;
    const name = m[2];
    if (!name) continue;
    if (m[1] === '/') {
      for (let s = stack.length - 1; s >= 0; s--) {
        const span = spans[stack[s]!]!;
        if (span.name === name) {
          span.closeStart = i;
          span.end = last;
          stack.length = s;
          break;
        }
      }
      continue;
    }
    const attrText = m[3] ?? '';
    const attrBase = i + 1 + name.length;
    for (const a of attrText.matchAll(ATTR)) {
      const s = attrBase + (a.index ?? 0) + a[0].indexOf(a[1]!);
      attrs.push({ nameStart: s, nameEnd: s + a[1]!.length });
    }
    const selfClosing = m[4] === '/';
    spans.push({ name, start: i, openEnd: last, closeStart: selfClosing ? last : -1, end: selfClosing ? last : -1, parent: stack.at(-1) ?? -1 });
    if (!selfClosing) stack.push(spans.length - 1);
  }
  return { spans: spans.filter((s) => s.end >= 0), attrs, texts };
}

function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; markup characters escaped.
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Apply text mutations to an XML document. */
export function mutateXml(xml: string, ops: readonly XmlOp[]): string {
  let s = xml;
  for (const op of ops) {
    const { spans, attrs, texts } = xmlParts(s);
    const root = spans.find((x) => x.parent === -1);
    const inner = spans.filter((x) => x !== root);
    switch (op.op) {
      case 'remove': {
        const x = pick(inner, op.n);
        if (x) s = s.slice(0, x.start) + s.slice(x.end);
        break;
      }
      case 'renameAttr': {
        const a = pick(attrs, op.n);
        if (a) {
          const old = s.slice(a.nameStart, a.nameEnd);
          s = s.slice(0, a.nameStart) + (op.to === '*mangle' ? `${old}_` : op.to) + s.slice(a.nameEnd);
        }
        break;
      }
      case 'truncateText': {
        const t = pick(texts, op.n);
        if (t) s = s.slice(0, t[0] + Math.floor(((t[1] - t[0]) * op.keep) / 1000)) + s.slice(t[1]);
        break;
      }
      case 'truncateDoc':
        s = s.slice(0, Math.floor((s.length * op.keep) / 1000));
        break;
      case 'insertBytes': {
        if (op.escaped) {
          const t = pick(texts, op.where);
          if (t) {
            const i = t[0] + ((op.where >>> 4) % (t[1] - t[0] + 1));
            s = s.slice(0, i) + escapeXml(op.bytes) + s.slice(i);
          }
        } else {
          const i = op.where % (s.length + 1);
          s = s.slice(0, i) + op.bytes + s.slice(i);
        }
        break;
      }
      case 'empty': {
        const decl = /^\s*<\?xml[^>]*\?>/.exec(s)?.[0] ?? '';
        const rootOpen = root ? s.slice(root.start, root.openEnd) : '';
        const choices = ['', ' ', '\n', decl, rootOpen ? `${decl}${rootOpen.replace(/\/?>$/, '/>')}` : '<x/>', '<html><body></body></html>', '{}'];
        s = choices[op.kind % choices.length]!;
        break;
      }
      case 'duplicate': {
        const x = pick(inner, op.n);
        if (x) s = s.slice(0, x.end) + s.slice(x.start, x.end) + s.slice(x.end);
        break;
      }
      case 'swap': {
        const a = pick(inner, op.n);
        if (!a) break;
        const pool = op.sibling ? inner.filter((x) => x.parent === a.parent && x !== a) : inner;
        const b = pick(pool, op.other);
        if (!b || b === a || (b.start < a.end && a.start < b.end)) break;
        const [x, y] = a.start < b.start ? [a, b] : [b, a];
        s = s.slice(0, x.start) + s.slice(y.start, y.end) + s.slice(x.end, y.start) + s.slice(x.start, x.end) + s.slice(y.end);
        break;
      }
      case 'denumber': {
        const runs = [...s.matchAll(DIGITS)].filter((m) => {
          // Digits in text or attribute values, not in tag or attribute names.
          const i = m.index ?? 0;
          const lt = s.lastIndexOf('<', i);
          const gt = s.lastIndexOf('>', i);
          if (gt > lt) return true;
          const before = s.slice(lt, i);
          return ((before.match(/"/g)?.length ?? 0) % 2 === 1) || ((before.match(/'/g)?.length ?? 0) % 2 === 1);
        });
        const r = pick(runs, op.n);
        if (r && r.index !== undefined) s = s.slice(0, r.index) + escapeXml(op.with) + s.slice(r.index + r[0].length);
        break;
      }
      case 'unclose': {
        const x = pick(inner, op.n);
        if (!x) break;
        if (x.closeStart === x.openEnd && x.end === x.openEnd) s = s.slice(0, x.openEnd - 2) + '>' + s.slice(x.openEnd); // <a/> → <a>
        else s = s.slice(0, x.closeStart) + s.slice(x.end);
        break;
      }
    }
  }
  return s;
}

// ================================================================= JSON (structure, then text)

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export type JsonOp =
  | { op: 'remove'; n: number }
  | { op: 'renameKey'; n: number; to: number }
  | { op: 'truncateString'; n: number; keep: number }
  | { op: 'insertBytes'; n: number; where: number; bytes: string }
  | { op: 'empty'; kind: number }
  | { op: 'duplicate'; n: number }
  | { op: 'swap'; n: number; other: number; sibling: boolean }
  | { op: 'denumber'; n: number; with: Json }
  | { op: 'retype'; n: number; to: number }
  | { op: 'unclose'; n: number }
  | { op: 'rawBytes'; where: number; bytes: string }
  | { op: 'truncateText'; keep: number };

/** Values a number (or a number written as a string) is replaced with. */
export const NON_NUMBER_VALUES: Json[] = [
  ...NON_NUMBERS, null, true, false, {}, [], [1], { value: 1 },
  // Numbers no count or year can be: negative, fractional, huge, beyond the safe range.
  -1, -2021, 0.5, 1799.5, 1e21, 2 ** 53 + 2, -0,
];

export const jsonOp: fc.Arbitrary<JsonOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), n: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameKey' as const), n: fc.nat(), to: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncateString' as const), n: fc.nat(), keep: fraction }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertBytes' as const), n: fc.nat(), where: fraction, bytes: randomBytes }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), kind: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), n: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), n: fc.nat(), other: fc.nat(), sibling: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('denumber' as const), n: fc.nat(), with: fc.constantFrom(...NON_NUMBER_VALUES) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retype' as const), n: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unclose' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rawBytes' as const), where: fc.nat(), bytes: randomBytes }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateText' as const), keep: fraction }) },
);

export const jsonOps: fc.Arbitrary<JsonOp[]> = fc.array(jsonOp, { minLength: 1, maxLength: 4 });

interface JsonSlot { parent: Json[] | { [k: string]: Json }; key: string | number; value: Json }

function slots(v: Json, out: JsonSlot[] = []): JsonSlot[] {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push({ parent: v, key: i, value: x });
      slots(x, out);
    });
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push({ parent: v, key: k, value: x });
      slots(x, out);
    }
  }
  return out;
}

function put(slot: JsonSlot, value: Json): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else slot.parent[slot.key as string] = value;
}

const RETYPE: Json[] = [null, 0, '', 'x', true, [], {}, [{}], { value: null }];
const JSON_EMPTY = ['', ' ', '{}', '[]', 'null', '""', '0', 'true', '{"notes":[]}', '{"result":{}}', '<html></html>'];

/** Apply mutations to a JSON text: structural ones on the parsed value, then textual ones on its serialisation. */
export function mutateJson(text: string, ops: readonly JsonOp[]): string {
  const value = JSON.parse(text) as Json;
  const textual: JsonOp[] = [];
  let emptied: string | null = null;
  for (const op of ops) {
    const all = slots(value);
    switch (op.op) {
      case 'remove': {
        const s = pick(all, op.n);
        if (!s) break;
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete s.parent[s.key as string];
        break;
      }
      case 'renameKey': {
        const keyed = all.filter((s) => !Array.isArray(s.parent));
        const s = pick(keyed, op.n);
        if (!s || Array.isArray(s.parent)) break;
        // Another key of the same reply (type confusion: `citationCount` → `year`), or the key mangled.
        const names = [...new Set(keyed.map((k) => String(k.key)))];
        const to = op.to % 3 === 0 ? `${String(s.key)}_` : (pick(names, op.to) ?? 'x');
        if (to === s.key) break;
        const obj = s.parent;
        const entries = Object.entries(obj).map(([k, v]): [string, Json] => (k === s.key ? [to, v] : [k, v]));
        for (const k of Object.keys(obj)) delete obj[k];
        for (const [k, v] of entries) obj[k] = v;
        break;
      }
      case 'truncateString': {
        const s = pick(all.filter((x) => typeof x.value === 'string'), op.n);
        if (s && typeof s.value === 'string') put(s, s.value.slice(0, Math.floor((s.value.length * op.keep) / 1000)));
        break;
      }
      case 'insertBytes': {
        const s = pick(all.filter((x) => typeof x.value === 'string'), op.n);
        if (s && typeof s.value === 'string') {
          const i = Math.floor((s.value.length * op.where) / 1000);
          put(s, s.value.slice(0, i) + op.bytes + s.value.slice(i));
        }
        break;
      }
      case 'empty':
        emptied = JSON_EMPTY[op.kind % JSON_EMPTY.length]!;
        break;
      case 'duplicate': {
        const s = pick(all.filter((x) => Array.isArray(x.parent)), op.n);
        if (s && Array.isArray(s.parent)) s.parent.splice((s.key as number) + 1, 0, structuredClone(s.value));
        break;
      }
      case 'swap': {
        const a = pick(all, op.n);
        if (!a) break;
        const pool = op.sibling ? all.filter((x) => x.parent === a.parent && x !== a) : all;
        const b = pick(pool, op.other);
        if (!b || b === a || contains(a.value, b.value) || contains(b.value, a.value)) break;
        put(a, b.value);
        put(b, a.value);
        break;
      }
      case 'denumber': {
        const nums = all.filter((x) => typeof x.value === 'number' || (typeof x.value === 'string' && /\d/.test(x.value)));
        const s = pick(nums, op.n);
        if (!s) break;
        // A number written as a string (DBLP's `"year": "2021"`) has a digit run replaced.
        const v = s.value;
        const w = op.with;
        if (typeof v === 'string' && typeof w === 'string') put(s, replaceDigitRun(v, op.n >>> 7, w));
        else put(s, structuredClone(w));
        break;
      }
      case 'retype': {
        const s = pick(all, op.n);
        if (s) put(s, structuredClone(RETYPE[op.to % RETYPE.length]!));
        break;
      }
      case 'unclose':
      case 'rawBytes':
      case 'truncateText':
        textual.push(op);
        break;
    }
  }
  let out = emptied ?? JSON.stringify(value);
  for (const op of textual) {
    if (op.op === 'unclose') {
      const closers = [...out.matchAll(/[}\]"]/g)];
      const c = pick(closers, op.n);
      if (c && c.index !== undefined) out = out.slice(0, c.index) + out.slice(c.index + 1);
    } else if (op.op === 'rawBytes') {
      const i = op.where % (out.length + 1);
      out = out.slice(0, i) + op.bytes + out.slice(i);
    } else if (op.op === 'truncateText') {
      out = out.slice(0, Math.floor((out.length * op.keep) / 1000));
    }
  }
  return out;
}

function contains(outer: Json, inner: Json): boolean {
  if (outer === inner && typeof outer === 'object' && outer !== null) return true;
  if (outer === null || typeof outer !== 'object') return false;
  return Object.values(outer).some((v) => v === inner || contains(v, inner));
}

// ================================================================= what every answer must be

/** Years a paper can have: the issue's "plausible" range. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

function fail(msg: string, out: unknown): never {
  const s = JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  throw new Error(`${msg}\n  outcome: ${s.length > 1500 ? `${s.slice(0, 1500)}…` : s}`);
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && !Object.is(v, -0);
}

function walkNumbers(v: unknown, path: string, out: unknown): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`non-finite number at ${path}: ${v}`, out);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walkNumbers(x, `${path}[${i}]`, out));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) walkNumbers(x, `${path}.${k}`, out);
  }
}

/**
 * The properties of the issue: the answer is a valid `ParseOutcome`; a refusal has a non-empty
 * reason; a result has no NaN/∞ anywhere, every paper a non-empty id, `citations` null or a
 * non-negative integer, `year` null or plausible, dates that are real dates in plausible years,
 * and `reported` metrics that are non-negative integers. Returns the outcome, typed.
 */
export function checkOutcome(out: unknown, site: string): ParseOutcome {
  if (out === null || typeof out !== 'object') fail('not an object', out);
  const checked = ParseOutcome.safeParse(out);
  if (!checked.success) fail(`not a ParseOutcome: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, out);
  const o = out as ParseOutcome;
  if (o.site !== site) fail(`site ${o.site}, expected ${site}`, out);
  if (!o.ok) {
    if (typeof o.reason !== 'string' || o.reason.trim() === '') fail('refusal without a reason', out);
    return o;
  }
  walkNumbers(o, '$', out);
  if (o.total !== null && !isCount(o.total)) fail(`total ${o.total}`, out);
  for (const [i, p] of o.papers.entries()) {
    const at = `papers[${i}] (${p.id})`;
    if (p.id.trim() === '') fail(`${at}: empty id`, out);
    if (p.arxivId !== null && p.arxivId.trim() === '') fail(`${at}: empty arxivId`, out);
    if (p.doi !== null && p.doi.trim() === '') fail(`${at}: empty doi`, out);
    if (p.citations !== null && !isCount(p.citations)) fail(`${at}: citations ${p.citations}`, out);
    if (p.citations !== null && p.citationsSource === null) fail(`${at}: a citation count without a source`, out);
    if (p.year !== null && !(Number.isInteger(p.year) && p.year >= MIN_YEAR && p.year <= MAX_YEAR)) fail(`${at}: implausible year ${p.year}`, out);
    if (p.version !== null && !(Number.isSafeInteger(p.version) && p.version > 0)) fail(`${at}: version ${p.version}`, out);
    for (const [k, d] of [['published', p.published], ['updated', p.updated]] as const) {
      if (d === null) continue;
      const t = new Date(`${d}T00:00:00Z`);
      if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) fail(`${at}: ${k} ${d} is not a calendar date`, out);
      const y = Number(d.slice(0, 4));
      if (y < MIN_YEAR || y > MAX_YEAR) fail(`${at}: ${k} ${d} in an implausible year`, out);
    }
    if (p.authorUrls.length !== 0 && p.authorUrls.length !== p.authors.length) fail(`${at}: ${p.authors.length} authors, ${p.authorUrls.length} author URLs`, out);
    for (const c of p.citationsBySource ?? []) if (!isCount(c.count)) fail(`${at}: count ${c.count} from ${c.source}`, out);
  }
  for (const r of o.reported ?? []) {
    if (!isCount(r.value)) fail(`reported ${r.metric} = ${r.value}`, out);
  }
  return o;
}

/**
 * What the background makes of a page as the content script sends it: the reader's answer after
 * the message's trip as JSON (Chrome's), then validated, a raw read finished first. Throws when the
 * background would refuse what the reader sent (a raw read failing its schema): the page would then
 * be "not recognised" for a reason that is ours, not the page's.
 */
export function throughMessage(doc: Document, url: string): ParseOutcome {
  const read = adapterFor(url)!.read(doc, url);
  const sent: unknown = JSON.parse(JSON.stringify(read));
  if (!isRawRead(read)) return checkedOutcome(sent as ParseDraft, url);
  const checked = RawRead.safeParse(sent);
  if (!checked.success) throw new Error(`the background refuses the raw read: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return checkedOutcome(finishRead(checked.data), url);
}

/** An outcome without its clock readings, for comparing two runs. */
export function timeless(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o), (k, v) => (['scrapedAt', 'fetchedAt', 'citationsFetchedAt', 'metadataFetchedAt', 'at'].includes(k) ? 0 : v));
}

// ================================================================= one HTML capture, fuzzed

export interface HtmlCapture {
  /** Path in the shared fixtures folder. */
  file: string;
  /** The URL the capture was taken from (MANIFEST.tsv); the registry picks the adapter by it. */
  url: string;
  /** The adapter the registry must pick. */
  site: string;
  /** Selector of the parts the adapter reads; half of the mutations land there. */
  focus: string;
  seed: number;
  runs: number;
  /** Cut the parsed capture down to a sample (after scripts, styles, iframes, noscript are gone). */
  reduce?: (doc: Document) => void;
  /** Checks of this site beyond `checkOutcome`. */
  extra?: (out: ScrapeResult) => void;
}

/**
 * A `describe` block fuzzing one HTML capture: the capture is parsed once, reduced, checked to read
 * as the full capture does for what was kept, then damaged and restored `runs` times. Both kinds
 * of answers must occur, and the document must be back to what it was at the end.
 */
export function describeHtmlFuzz(describeFn: typeof describe, c: HtmlCapture): void {
  describeFn(c.file, () => {
    const adapter = adapterFor(c.url);
    let doc: Document;
    let baseline: ScrapeResult;

    beforeAll(() => {
      doc = htmlDoc(readFixture(c.file));
      const full = adapter!.parse(doc, c.url);
      if (!full.ok) throw new Error(`${c.file}: ${full.reason}`);
      stripInert(doc);
      c.reduce?.(doc);
      const out = adapter!.parse(doc, c.url);
      if (!out.ok) throw new Error(`${c.file} (reduced): ${out.reason}`);
      baseline = out;
      // The reduced copy reads exactly as the full capture does, for what it kept.
      const kept = new Set(out.papers.map((p) => p.id));
      expect(timeless({ ...out, papers: [], authors: [] })).toEqual(timeless({ ...full, papers: [], authors: [] }));
      expect(timeless(out.papers)).toEqual(timeless(full.papers.filter((p) => kept.has(p.id))));
      const names = new Set(full.authors.map((a) => `${a.name}|${a.url}`));
      expect(out.authors.every((a) => names.has(`${a.name}|${a.url}`))).toBe(true);
      if (c.reduce) expect(out.papers.length).toBeLessThan(full.papers.length);
      else expect(out.papers.length).toBe(full.papers.length);
    });

    it(`the registry sends the URL to the ${c.site} adapter`, () => {
      expect(adapter?.site).toBe(c.site);
    });

    it(`${c.runs} damaged versions: no exception, a valid outcome or a reason, no wrong numbers`, () => {
      const target = new DomTarget(doc, c.focus);
      const before = doc.documentElement.outerHTML;
      let ok = 0;
      fc.assert(
        fc.property(domOps, (ops) => {
          const undo = target.apply(ops);
          try {
            const parsed = adapter!.parse(doc, c.url);
            const out = checkOutcome(parsed, c.site);
            if (out.ok) {
              ok++;
              c.extra?.(out);
            }
            // The same through the message the content script sends (a raw read: validated, finished).
            expect(timeless(throughMessage(doc, c.url))).toEqual(timeless(parsed));
          } finally {
            undo();
          }
        }),
        { numRuns: c.runs, seed: c.seed },
      );
      expect(ok).toBeGreaterThan(c.runs / 10);
      expect(ok).toBeLessThan(c.runs);
      expect(doc.documentElement.outerHTML).toBe(before);
      expect(timeless(adapter!.parse(doc, c.url))).toEqual(timeless(baseline));
    });
  });
}

// ================================================================= arXiv page samples

function absIdIn(el: Element): string | null {
  const href = el.querySelector('a[href*="/abs/"]')?.getAttribute('href') ?? '';
  return /\/abs\/([^?#]+?)(?:v\d+)?$/.exec(href)?.[1] ?? null;
}

/** Keep the first `first` entries of every arXiv listing section (`dl`), and the ones named. */
export function keepListingEntries(first: number, also: readonly string[]): (doc: Document) => void {
  return (doc) => {
    for (const dl of Array.from(doc.querySelectorAll('dl'))) {
      Array.from(dl.querySelectorAll(':scope > dt')).forEach((dt, i) => {
        const id = absIdIn(dt);
        if (i < first || (id && also.includes(id))) return;
        const dd = dt.nextElementSibling;
        if (dd?.tagName.toUpperCase() === 'DD') dd.remove();
        dt.remove();
      });
    }
  };
}

/** Keep the first `first` results of an arXiv search page, and the ones named. */
export function keepSearchResults(first: number, also: readonly string[]): (doc: Document) => void {
  return (doc) => {
    Array.from(doc.querySelectorAll('li.arxiv-result')).forEach((li, i) => {
      const id = absIdIn(li.querySelector('.list-title') ?? li);
      if (i >= first && !(id && also.includes(id))) li.remove();
    });
  };
}

/** On arXiv pages ids are arXiv ids and there are no citation counts; a damaged page invents neither. */
export function arxivPaperIds(out: ScrapeResult): void {
  for (const p of out.papers) {
    if (p.arxivId !== p.id || p.citations !== null || p.source !== 'arxiv') throw new Error(`paper ${p.id}: arxivId ${p.arxivId}, citations ${p.citations}, source ${p.source}`);
  }
}
