/**
 * For the one-pass readers (./arxiv-entries.ts, ./gscholar-scrape.ts): instead of a query per field,
 * they walk an entry's elements once and tell which selector each element matches from its name
 * and attributes. These helpers make that telling give what the selectors give.
 */
import { isHtmlDocument } from './html-text';

/** The characters a class attribute is split on into class names (ASCII whitespace, as the DOM splits it). */
function isClassSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * Whether a `class` attribute value (null: none) holds the class name `name`: what `.name`
 * matches in a document not in quirks mode (where class selectors are case-sensitive).
 */
export function hasClass(cls: string | null, name: string): boolean {
  if (cls === null) return false;
  for (let i = cls.indexOf(name); i >= 0; i = cls.indexOf(name, i + 1)) {
    const end = i + name.length;
    if ((i === 0 || isClassSpace(cls.charCodeAt(i - 1))) && (end === cls.length || isClassSpace(cls.charCodeAt(end)))) return true;
  }
  return false;
}

/**
 * Whether the one-pass readers may read `doc`: an HTML document (element names as `localName` gives
 * them, what type selectors match) not in quirks mode (`compatMode` "BackCompat", where class
 * selectors ignore case, which `hasClass` does not). Any other document is read with queries.
 */
export function scannable(doc: Document | null): boolean {
  return !!doc && isHtmlDocument(doc) && doc.compatMode !== 'BackCompat';
}

/**
 * Which of `names` (class name, bit) a class attribute value holds, as bits; each distinct value
 * worked out once (`memo`, kept while one page is read: a page repeats a few class attributes).
 */
export function classBits(cls: string, names: readonly (readonly [string, number])[], memo: Map<string, number>): number {
  let bits = memo.get(cls);
  if (bits === undefined) {
    bits = 0;
    for (const [name, bit] of names) if (hasClass(cls, name)) bits |= bit;
    memo.set(cls, bits);
  }
  return bits;
}

/** The elements `readText` reads node by node (`br`, script, style, SVG, MathML), by `localName`, as the type selectors match them. */
export function walkedName(name: string): boolean {
  return name === 'br' || name === 'script' || name === 'style' || name === 'svg' || name === 'math';
}
