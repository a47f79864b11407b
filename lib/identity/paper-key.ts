/**
 * Keys that say two paper records (from arXiv, Google Scholar, DBLP, Semantic Scholar, OpenReview…)
 * are the same work: the arXiv id, the DOI, and the normalised title with the year.
 *
 * Decisions (the merge and the author-linking code rely on them):
 * - `arxiv`: `arxivId`, else the record's `id` when it is an arXiv id, else an arxiv.org abs/pdf
 *   link, else an arXiv DataCite DOI (`10.48550/arXiv.2007.12255`). Version dropped; an old-style
 *   id loses its subject class (`math.GT/0309136` and `math/0309136` are the same paper).
 * - `doi`: `doi`, else the record's `id` when it is a DOI, else the `links.doi` URL; lower-cased,
 *   without `https://doi.org/` / `doi:`. An arXiv DataCite DOI is the arXiv key, not a DOI key
 *   (it names the preprint, which the arXiv id already does).
 * - `titleYear`: `normaliseTitle(title)` with its spaces removed (so "Pre-training", "Pre training"
 *   and "Pretraining" agree), `|`, the year. Null when the year is unknown, or when the title is
 *   too weak to be evidence: fewer than {@link MIN_TITLE_WORDS} words ("Deep learning",
 *   "Enigma", "Text processing"), or one of the generic titles in {@link GENERIC_TITLES}
 *   ("Introduction", "Preface", "Editorial", "Reply", "Erratum", "Letter to the editor", …).
 *   The year must be equal: a preprint and its later publication under the same title only meet
 *   through their arXiv id or DOI; two different works with one title in different years never do.
 */
import type { Paper } from '../schema';
import { arxivIdFromUrl, doiFrom, normaliseArxivId } from '../sites/arxiv-html';

export interface PaperKeys {
  arxiv: string | null;
  doi: string | null;
  titleYear: string | null;
}

/** Titles with fewer words than this are no evidence that two records are one work. */
export const MIN_TITLE_WORDS = 4;

/**
 * Titles (normalised) that many unrelated works carry: front and back matter, notices, replies.
 * Most are short and already fail {@link MIN_TITLE_WORDS}; they are listed so the rule reads whole.
 */
export const GENERIC_TITLES: ReadonlySet<string> = new Set([
  'introduction', 'preface', 'foreword', 'editorial', 'guest editorial', 'reply', 'response', 'erratum', 'errata',
  'corrigendum', 'correction', 'retraction', 'addendum', 'comment', 'comments', 'discussion', 'conclusion',
  'conclusions', 'summary', 'overview', 'abstracts', 'index', 'author index', 'subject index', 'contents',
  'table of contents', 'front matter', 'frontmatter', 'back matter', 'backmatter', 'title page', 'cover',
  'bibliography', 'references', 'appendix', 'acknowledgments', 'acknowledgements', 'obituary', 'in memoriam',
  'book review', 'book reviews', 'editorial board', 'keynote', 'keynote address', 'invited talk', 'panel discussion',
  'untitled', 'letter to the editor', 'letters to the editor', 'reply to the comment', 'reply to the comments',
  'reply to comments', 'response to the comments', 'response to comments', 'response to the letter',
  'reply to the letter', 'reply to the discussion', 'authors reply', 'the authors reply', 'message from the chairs',
  'message from the general chair', 'message from the general chairs', 'message from the program chairs',
  'welcome message from the chairs', 'list of reviewers', 'list of contributors', 'notes on contributors',
  'about the authors', 'index of authors', 'acknowledgement of reviewers', 'acknowledgment of reviewers',
  'conference program', 'report of the editor', 'a note from the editor', 'note from the editor',
]);

// ---------------------------------------------------------------- titles

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', hyphen: '-' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ϑ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', µ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma',
  ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'g');

/** Letters NFKD leaves alone. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Formatting commands whose argument is kept and whose name is dropped. */
const LATEX_FORMAT = new Set([
  'emph', 'textbf', 'textit', 'textrm', 'texttt', 'textsc', 'textsf', 'textup', 'textnormal', 'text', 'mathrm', 'mathbf',
  'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathscr', 'mathfrak', 'mathnormal', 'boldsymbol', 'bm', 'it', 'em',
  'bf', 'rm', 'tt', 'sc', 'sf', 'cal', 'frak', 'operatorname', 'mbox', 'hbox', 'url', 'left', 'right', 'big', 'Big',
  'bigg', 'Bigg', 'displaystyle', 'textstyle', 'scriptstyle', 'small', 'large', 'Large', 'footnotesize', 'normalsize',
  'protect', 'relax', 'noindent', 'xspace', 'tiny', 'huge', 'Huge', 'ensuremath',
]);
/** Letter commands: `\ss` → ss, `\o` → o, `\i` → i… */
const LATEX_LETTERS: Record<string, string> = { ss: 'ss', o: 'o', O: 'o', ae: 'ae', AE: 'ae', oe: 'oe', OE: 'oe', aa: 'a', AA: 'a', l: 'l', L: 'l', i: 'i', j: 'j' };

function stripLatex(s: string): string {
  return s
    // Escaped specials keep their character.
    .replace(/\\([&%$#_{}])/g, (_, c: string) => (c === '&' ? '&' : ' '))
    // Accents: \'e \'{e} \"{o} \^o \~n \=a \.z, and \c{c} \v{s} \u{g} \H{o} \k{a} \r{a}.
    .replace(/\\[`'^"~=.]\s*\{?\s*\\?([A-Za-z])\s*\}?/g, '$1')
    .replace(/\\[cvuHkrdbt]\s*\{\s*\\?([A-Za-z])\s*\}/g, '$1')
    // Commands: formatting ones vanish (their argument stays), letter ones become letters, others
    // become their name as a word (\alpha → alpha, so "$\alpha$" meets "α").
    .replace(/\\([A-Za-z]+)\s*/g, (all: string, name: string, at: number, text: string) => {
      if (LATEX_FORMAT.has(name)) return '';
      const letter = LATEX_LETTERS[name];
      if (letter !== undefined) return letter;
      // A word of its own: spaces only where a letter or digit touches it.
      const before = /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') ? ' ' : '';
      const after = /[\p{L}\p{N}]/u.test(text[at + all.length] ?? '') ? ' ' : '';
      return `${before}${name.toLowerCase()}${after}`;
    })
    // `{\em x}` groups, math shifts and sub/superscripts: the characters go, the text stays.
    .replace(/[{}$^_]/g, '')
    // `~` is a non-breaking space.
    .replace(/~/g, ' ');
}

/**
 * A title for comparing, not for showing:
 * 1. HTML entities decoded (`&amp;`, `&#233;`), markup tags removed (`H<sub>2</sub>O` → "H2O",
 *    Crossref's `<i>`/`<scp>`/MathML);
 * 2. LaTeX remnants: accents (`\'e` → e), formatting commands dropped with their argument kept
 *    (`\emph{x}` → x), other commands as words (`$\alpha$` → alpha), braces, `$`, `^`, `_` removed;
 * 3. accents stripped (NFKD, combining diacritics removed; ß → ss, æ → ae, ø → o, ł → l…), ligatures and superscripts unfolded
 *    (ﬁ → fi, ² → 2), Greek letters spelled out (α → alpha), lower case;
 * 4. `&` → "and"; apostrophes and hyphens/dashes between letters or digits are dropped, joining the
 *    parts ("managers'" → managers, "pre-training" → pretraining, "Navier–Stokes" → navierstokes);
 * 5. every other character that is not a letter or digit (any script) becomes a space; whitespace
 *    collapsed and trimmed.
 * "Attention Is All You Need." → "attention is all you need".
 */
export function normaliseTitle(title: string | null | undefined): string {
  let s = decodeEntities(title ?? '');
  s = s.replace(/<\/?(?:br|p|div|li|title)\b[^>]*>/gi, ' ').replace(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g, '');
  s = stripLatex(s);
  // Diacritics (the combining-mark blocks) go; other marks (kana voicing, Indic vowel signs) are
  // part of their letter and are recomposed.
  s = s.normalize('NFKD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '').normalize('NFC').toLowerCase();
  s = s.replace(GREEK_RE, (c) => GREEK[c] ?? c).replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c);
  s = s.replace(/&/g, ' and ');
  s = s.replace(/['’‘`´ʼ]/g, '');
  s = s.replace(/([\p{L}\p{N}])[\p{Pd}\u00ad]+(?=[\p{L}\p{N}])/gu, '$1');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return s.trim();
}

/** True when a normalised title says too little to identify a work (see the module comment). */
export function isWeakTitle(normalised: string): boolean {
  if (normalised === '') return true;
  if (normalised.split(' ').length < MIN_TITLE_WORDS) return true;
  return GENERIC_TITLES.has(normalised);
}

// ---------------------------------------------------------------- ids

/** `2007.12255v2` → `2007.12255`; `math.GT/0309136` → `math/0309136`; not an arXiv id → null. */
export function arxivKey(raw: string | null | undefined): string | null {
  const n = normaliseArxivId(raw);
  if (!n) return null;
  const old = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\/(\d{7})$/.exec(n.id);
  return old ? `${old[1]}/${old[2]}` : n.id;
}

/** A DOI as a key: extracted from a URL or `doi:` text, lower-cased; null when there is none. */
export function doiKey(raw: string | null | undefined): string | null {
  const d = doiFrom(raw);
  return d ? d.toLowerCase() : null;
}

const DATACITE_ARXIV = /^10\.48550\/arxiv\.(.+)$/;

function arxivOf(p: Paper, doi: string | null): string | null {
  const fromDoi = doi ? DATACITE_ARXIV.exec(doi)?.[1] : undefined;
  const fromUrl = (u: string | null) => (u ? arxivIdFromUrl(u)?.id ?? null : null);
  return arxivKey(p.arxivId) ?? arxivKey(p.id) ?? arxivKey(fromUrl(p.links.abs)) ?? arxivKey(fromUrl(p.links.pdf)) ?? arxivKey(fromDoi);
}

/** The keys of one paper record (see the module comment). */
export function paperKeys(p: Paper): PaperKeys {
  const anyDoi = doiKey(p.doi) ?? (/^10\.\d{4,9}\//.test(p.id) ? doiKey(p.id) : null) ?? doiKey(p.links.doi);
  const arxiv = arxivOf(p, anyDoi);
  const doi = anyDoi && !DATACITE_ARXIV.test(anyDoi) ? anyDoi : null;
  const t = normaliseTitle(p.title);
  const titleYear = p.year !== null && !isWeakTitle(t) ? `${t.replace(/ /g, '')}|${p.year}` : null;
  return { arxiv, doi, titleYear };
}
