/**
 * Papers as BibTeX, one entry per paper (a paper on several profiles of a watchlist once).
 *
 * - Type: `@article` with `journal` when the paper has a journal reference or a DOI; otherwise
 *   `@misc`. arXiv papers also carry `eprint`, `archivePrefix = {arXiv}` and `primaryClass`.
 * - Keys: first author's family name (`splitName`) + year + first word of the title (skipping a, an, the, on, …),
 *   ASCII-folded and lower-cased (`vaswani2017attention`); `anon` / `nd` stand in for a missing
 *   name / year; a key already used gets a, b, c, … (`…attentiona`). `citationKeys` is shared
 *   with CSL-JSON so both exports name a paper alike.
 * - Values are page text, not trusted TeX: `\ { } % & $ # _ ^ ~ < > |` become TeX's escapes or
 *   text commands, TeX ligatures (`--`, `''`, ``` `` ```, `?``, `!``, `,,`) are broken with `{}`,
 *   so the braces of a value are always balanced and the text comes back as it was (a title with
 *   `$\alpha$` shows those characters, not a Greek letter). Line breaks and other controls
 *   collapse to a space, bidirectional-override controls are dropped, everything else is kept as
 *   UTF-8 (non-Latin names as they are). Titles are wrapped in a second pair of braces so styles
 *   keep their capitals.
 * - URL-like fields (`url`, `doi`, `eprint`) are verbatim in BibTeX: they are written as they are
 *   with `{`, `}`, `\` and spaces percent-encoded; `url` only for http(s) links.
 * - Authors joined with ` and `, each name as the source gives it (`First Last`, or `Last, First`
 *   when it is written split that way). A name BibTeX would misread (more than one comma, an empty
 *   side of a comma, the word `and`, or just `others`) is braced whole so it stays one name.
 */
import { isSafeHttpUrl } from '../format';
import type { Paper } from '../schema';
import { asciiFold, oneLine, paperYear, splitName, stripBidi } from './text';

const TEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Page text as the value of a BibTeX field: TeX specials escaped, ligatures broken, one line.
 * The result has no unescaped brace, so it can be wrapped in `{…}` safely.
 */
export function texEscape(text: string): string {
  return stripBidi(oneLine(text))
    .replace(/[\\{}%&$#_^~<>|]/g, (c) => TEX[c]!)
    // Ligatures: -- ---, `` '' (quotes), ?` !` (inverted marks), ,, (low quotes).
    .replace(/-(?=-)|`(?=`)|'(?=')|[?!](?=`)|,(?=,)/g, '$&{}');
}

/** A URL-like value as it is, made safe for a verbatim field. */
export function verbatim(text: string): string {
  return oneLine(text).replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One author name for the `author` field. */
export function bibtexName(raw: string): string {
  const name = stripBidi(oneLine(raw));
  const parts = name.split(',');
  const misread = parts.length > 2
    || (parts.length === 2 && (parts[0]!.trim() === '' || parts[1]!.trim() === ''))
    || /(^|\s)and(\s|$)/i.test(name)
    || /^others$/i.test(name);
  const escaped = texEscape(name);
  return misread ? `{${escaped}}` : escaped;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'at', 'by', 'from', 'is', 'are']);

/** The family name for a key (`splitName`'s; a literal name whole). */
function lastName(name: string): string {
  const split = splitName(name);
  return 'family' in split ? split.family : split.literal;
}

const keyPart = (text: string) => asciiFold(text).toLowerCase().replace(/[^a-z0-9]/g, '');

/** The key before collisions: `vaswani2017attention`. */
export function baseKey(paper: Paper): string {
  const first = paper.authors[0];
  const last = (first !== undefined ? keyPart(lastName(first)) : '').slice(0, 30) || 'anon';
  const year = paperYear(paper);
  const word = oneLine(paper.title).split(/[\s\-–—/:]+/).map(keyPart).find((w) => w !== '' && !STOP_WORDS.has(w)) ?? '';
  return `${last}${year ?? 'nd'}${word.slice(0, 20)}`;
}

function suffix(n: number): string {
  // 0 → a, 25 → z, 26 → aa, …
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/** A unique key for each paper, in order: the first of a base keeps it, later ones get a, b, c, … */
export function citationKeys(papers: readonly Paper[]): string[] {
  const used = new Set<string>();
  const next = new Map<string, number>(); // the next suffix to try for a base: keeps this linear
  return papers.map((paper) => {
    const base = baseKey(paper);
    let key = base;
    let n = next.get(base) ?? 0;
    while (used.has(key)) key = `${base}${suffix(n++)}`;
    next.set(base, n);
    used.add(key);
    return key;
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9.\-/]*$/;

function entry(paper: Paper, key: string): string {
  const doi = paper.doi ?? paper.links.doi;
  const journal = paper.journalRef && oneLine(paper.journalRef) !== '' ? paper.journalRef : null;
  const isArticle = journal !== null || doi !== null;
  const fields: [string, string][] = [];
  const authors = paper.authors.filter((a) => oneLine(a) !== '');
  if (authors.length > 0) fields.push(['author', `{${authors.map(bibtexName).join(' and ')}}`]);
  fields.push(['title', `{{${texEscape(paper.title)}}}`]);
  if (journal !== null) fields.push(['journal', `{${texEscape(journal)}}`]);
  const year = paperYear(paper);
  if (year !== null) fields.push(['year', `{${year}}`]);
  const month = paper.published ? MONTHS[Number(paper.published.slice(5, 7)) - 1] : undefined;
  if (month) fields.push(['month', month]);
  if (doi !== null && oneLine(doi) !== '') fields.push(['doi', `{${verbatim(doi)}}`]);
  if (paper.arxivId !== null && SAFE_ID.test(paper.arxivId)) {
    fields.push(['eprint', `{${paper.arxivId}}`], ['archivePrefix', '{arXiv}']);
    if (paper.primaryCategory) fields.push(['primaryClass', `{${texEscape(paper.primaryCategory)}}`]);
  }
  if (isSafeHttpUrl(paper.links.abs)) fields.push(['url', `{${verbatim(paper.links.abs)}}`]);
  if (paper.abstract && oneLine(paper.abstract) !== '') fields.push(['abstract', `{${texEscape(paper.abstract)}}`]);
  const type = isArticle ? 'article' : 'misc';
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

/** Every paper as a BibTeX entry, entries separated by a blank line. */
export function exportBibtex(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  return papers.map((p, i) => entry(p, keys[i]!)).join('\n');
}
