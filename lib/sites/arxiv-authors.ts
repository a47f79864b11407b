/**
 * arXiv authors as the adapters compare them: `normaliseName` (the name key everything matches on),
 * de-duplication of a page's author links (`distinctByName`, `DistinctRefs`) and `authorKey` (the id
 * of a cached author record). Part of the Zod-free arXiv adapter (arxiv-scrape.ts re-exports it).
 */
import type { AuthorRef } from '../schema';
import { collapse, isWhiteSpace } from './arxiv-html';

/**
 * A name for matching: diacritics stripped (NFKD), "Last, First" turned into "First Last",
 * periods/hyphens/underscores as spaces, apostrophes dropped, lower case, whitespace collapsed.
 * "Zhao, Yize" and "Yize Zhao" → "yize zhao"; "Riedl, M O" → "m o riedl"; "Müller" → "muller".
 */
export function normaliseName(name: string): string {
  let s = name ?? '';
  // NFKD leaves ASCII as it is; combining marks are all at U+0300 or above (astral ones as
  // surrogates): with none, there is nothing to drop.
  if (!isAscii(s)) {
    s = s.normalize('NFKD');
    if (/[^\0-\u02ff]/.test(s)) s = s.replace(/\p{M}/gu, '');
  }
  const comma = s.indexOf(',');
  if (comma >= 0) s = `${s.slice(comma + 1)} ${s.slice(0, comma)}`;
  return (plainWords(s) ? s : nameWords(s)).toLowerCase();
}

/**
 * Whether `nameWords(s)` is `s` itself (most names: "Yi Wang"): no apostrophe, no character that
 * becomes a space other than single plain spaces between words.
 */
function plainWords(s: string): boolean {
  let space = true; // the last character was a space (or there is none yet)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 0x7f ? c <= 0x2e || c === 0x5f || c === 0x60 : c === 0x2019 || (c >= 0x2010 && c <= 0x2015) || isWhiteSpace(c)) {
      // (ASCII: controls and tab…CR, space-like punctuation `!"#$%&'()*+,-.`, `_` and backtick: the
      // dropped and gap characters are among them, and the rest only end the fast case.)
      return false;
    } else {
      space = false;
    }
  }
  return !space || s.length === 0;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}


/**
 * `collapse(s.replace(/['’`]/g, '').replace(/[.,_\-‐-―]/g, ' '))` in one pass: apostrophes
 * dropped, those punctuation marks and whitespace runs (as they stand once the apostrophes are
 * gone) one space between words, none at the ends.
 */
function nameWords(s: string): string {
  let out = '';
  let start = -1; // start of the current run of kept characters
  let space = false; // a space is due before the next kept character
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const drop = c === 0x27 || c === 0x2019 || c === 0x60;
    const gap = !drop && (c === 0x2e || c === 0x2c || c === 0x5f || c === 0x2d || (c >= 0x2010 && c <= 0x2015) || isWhiteSpace(c));
    if (!drop && !gap) {
      if (start < 0) {
        if (space && out !== '') out += ' ';
        space = false;
        start = i;
      }
      continue;
    }
    if (start >= 0) {
      out += s.slice(start, i);
      start = -1;
    }
    if (gap) space = true;
  }
  if (start >= 0) {
    if (space && out !== '') out += ' ';
    out += s.slice(start);
  }
  return out;
}

/**
 * Refs without duplicates by normalised name and URL, the first kept (as the arXiv readers and the
 * Scholar reader dedupe them): each distinct name normalised once, within this one call.
 */
export function distinctByName(refs: AuthorRef[]): AuthorRef[] {
  const out = new DistinctRefs();
  for (const r of refs) out.add(r);
  return out.refs();
}

/**
 * `distinctByName`, fed one ref (or bare name) at a time. Two refs are the same when
 * `${normaliseName(name)}|${url ?? ''}` is. For a name and URL without `|` that is the same URL
 * and normalised name: refs with a URL are looked up by it, and names are normalised only where a
 * URL comes again (most never do); refs without one by their normalised name. The rare pairs with
 * a `|` (which such strings can confuse) are keyed by the string itself.
 */
export class DistinctRefs {
  private readonly normalised = new Map<string, string>();
  /** URL → the names seen with it (pairs without `|`). */
  private readonly byUrl = new Map<string, string[]>();
  /** The normalised names seen without a URL (without `|`). */
  private readonly noUrl = new Set<string>();
  /** `${normalised}|${url}` of the pairs with a `|`. */
  private readonly byKey = new Set<string>();
  private readonly out: AuthorRef[] = [];

  private norm(name: string): string {
    let n = this.normalised.get(name);
    if (n === undefined) this.normalised.set(name, (n = normaliseName(name)));
    return n;
  }

  /** Whether the pair is new (and from now on seen). */
  private fresh(name: string, url: string | null): boolean {
    const u = url ?? '';
    let n: string | undefined;
    // Only an ASCII name without `|` is sure to normalise without one (NFKD makes `|` of `｜`).
    if (u === '' || u.includes('|') || !asciiWithoutBar(name)) {
      n = this.norm(name);
      if (n.includes('|') || u.includes('|')) {
        const k = `${n}|${u}`;
        if (this.byKey.has(k)) return false;
        this.byKey.add(k);
        return true;
      }
      if (u === '') {
        if (this.noUrl.has(n)) return false;
        this.noUrl.add(n);
        return true;
      }
    }
    const names = this.byUrl.get(u);
    if (names === undefined) {
      this.byUrl.set(u, [name]);
      return true;
    }
    n ??= this.norm(name);
    for (const other of names) if (this.norm(other) === n) return false;
    names.push(name);
    return true;
  }

  add(ref: AuthorRef): void {
    if (this.fresh(ref.name, ref.url)) this.out.push(ref);
  }

  /** A name without a URL (`{ name, url: null, arxivId: null, query: null }`, made only when new). */
  addName(name: string): void {
    if (this.fresh(name, null)) this.out.push({ name, url: null, arxivId: null, query: null });
  }

  refs(): AuthorRef[] {
    return this.out.slice();
  }
}

function asciiWithoutBar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || c === 0x7c) return false;
  }
  return true;
}

/**
 * Stable id of an author: `arxiv:<author id>` for `/a/` refs; else `arxiv-query:<normalised name>`
 * of the author-search query when there is one (the query is what both the author link on a paper
 * and the search page it leads to carry, e.g. "Zhao, Y" → "y zhao"), else of the name.
 */
export function authorKey(ref: { name: string; arxivId?: string | null; query?: string | null }): string {
  if (ref.arxivId) return `arxiv:${ref.arxivId.trim().toLowerCase()}`;
  return `arxiv-query:${normaliseName(ref.query ?? ref.name)}`;
}
