/**
 * Reading the text of page elements as the adapters need it: whitespace collapsed, scripts, styles
 * and skipped parts left out, `<br>` as a space. One `textContent` per subtree that holds nothing to
 * skip, node by node only where it must (SVG/MathML, XML documents, skipped parts: ./html-walk.ts):
 * every shortcut gives exactly what the plain walk gives (issue 7's scrape budget).
 */
import { XHTML, flatText, isHtmlDocument, readText, walkAll, walkList } from './html-walk';

export { XHTML, isHtmlDocument } from './html-walk';

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
