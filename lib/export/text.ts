/**
 * What every export format shares: the profile shape an export reads, page text made safe for
 * one-line formats, ASCII folding for keys and file names, and name splitting.
 *
 * Page text (titles, names, abstracts) is hostile input: every writer escapes it for its own
 * format. Data formats (JSON, CSL-JSON, CSV) keep the text exactly; line formats (RIS, BibTeX,
 * Markdown) collapse line breaks; formats read by people or TeX (BibTeX, Markdown) also drop
 * bidirectional-override controls, which can make text display in another order than it is read.
 */
import type { Author, Metrics, Paper, ReportedMetric } from '../schema';

/** What an export needs of a profile: the extension's `Profile` and the CLI's profile both fit. */
export interface ExportableProfile {
  author: Author | null;
  /** A human title for an author-less profile (a search, a listing). */
  title?: string | null;
  papers: readonly Paper[];
  metrics?: Metrics;
  reported?: readonly ReportedMetric[];
}

/** One profile or a list of them (the watchlist). */
export type ExportInput = ExportableProfile | readonly ExportableProfile[];

export function profileList(input: ExportInput): readonly ExportableProfile[] {
  return isProfileList(input) ? input : [input];
}

export function isProfileList(input: ExportInput): input is readonly ExportableProfile[] {
  return Array.isArray(input);
}

/** Every paper of the profiles once (the first record of each id wins), in order. */
export function uniquePapers(profiles: readonly ExportableProfile[]): Paper[] {
  const seen = new Set<string>();
  const out: Paper[] = [];
  for (const profile of profiles) {
    for (const paper of profile.papers) {
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      out.push(paper);
    }
  }
  return out;
}

/** The name a profile goes by: its author's, else its title. */
export function profileName(profile: ExportableProfile): string {
  return profile.author?.name ?? profile.title ?? '';
}

// Line breaks of every kind (CR, LF, VT, FF, NEL, LS, PS), other C0/C1 controls and DEL.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** One line: every line break or control character becomes a space, runs of spaces one, trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/[ \u00a0]{2,}/g, ' ').trim();
}

/** Without bidirectional embedding/override/isolate controls. */
export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}

const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N',
};

/** Latin letters without their accents (`Żółć` → `Zolc`, `Ø` → `O`); other scripts are dropped. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (c) => FOLD[c] ?? '');
}

/** A name split for reference managers: `{ family, given }` where it can be told, else `{ literal }`. */
export type SplitName = { family: string; given: string; suffix?: string } | { literal: string };

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Family-name particles, also when capitalised (`A. Del Maestro`, `Maria De La Cruz`). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'dal', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'bin', 'ibn', 'al', 'el']);
// Scripts whose names are not "given family" in Latin order: CJK, Hangul, kana.
const EAST_ASIAN = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/;

/**
 * `Last, First` (as arXiv author searches write names) is split at the comma; `First [particles]
 * Last [Jr.]` before its last word (particles such as `van der`, `Del` go with the family name);
 * one word, East Asian scripts, and anything with more than one comma are kept as one literal name.
 */
export function splitName(raw: string): SplitName {
  const name = oneLine(raw);
  const commas = name.split(',').length - 1;
  if (commas === 1) {
    const [family = '', given = ''] = name.split(',').map((s) => s.trim());
    if (family && given && !SUFFIX.test(given)) return { family, given };
    if (family && given && SUFFIX.test(given)) {
      const inner = splitName(family);
      if ('family' in inner) return { ...inner, suffix: given };
    }
    return { literal: name };
  }
  if (commas > 1 || EAST_ASIAN.test(name)) return { literal: name };
  const words = name.split(' ').filter((w) => w !== '');
  let suffix: string | undefined;
  if (words.length >= 3 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  if (words.length < 2) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && (/^\p{Ll}/u.test(words[start - 1]!) || PARTICLES.has(words[start - 1]!.toLowerCase()))) start--;
  const split = { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
  return suffix ? { ...split, suffix } : split;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` parts of a paper's date (published, else its year). */
export function dateParts(paper: Paper): number[] | null {
  const m = paper.published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(paper.published) : null;
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return paper.year !== null ? [paper.year] : null;
}

/** The paper's year: its `year`, else its publication date's. */
export function paperYear(paper: Paper): number | null {
  return paper.year ?? dateParts(paper)?.[0] ?? null;
}
