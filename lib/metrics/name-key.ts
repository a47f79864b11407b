/**
 * `nameKey(name)` = `normaliseName(name)` (lib/sites/arxiv.ts), computed without its Unicode
 * machinery when the name is plain ASCII. The co-author pass normalises every distinct spelling it
 * meets — tens of thousands on a large set of papers — and `normaliseName` (NFKD, a Unicode-property
 * regular expression and three more replacements) costs 0.5–1 µs a name; this is 2–5× cheaper on ASCII.
 *
 * Why it is the same on ASCII: NFKD leaves ASCII as it is and there is no combining mark to drop;
 * what remains is exactly what `asciiKey` does in one loop — "Last, First" swapped at the first
 * comma, ' and ` dropped, . , _ - read as spaces, runs of whitespace (\t \n \v \f \r and space: the
 * ASCII part of \s and of trim) collapsed to one space and trimmed, A–Z lower-cased. Anything
 * outside ASCII goes to `normaliseName` itself. tests/unit/metrics-names.test.ts checks the two
 * agree (hand-picked and random names), so a change to `normaliseName` cannot go unnoticed.
 */
import { normaliseName } from '../sites/arxiv';

/** ' (39) and ` (96): dropped. */
function dropped(ch: number): boolean {
  return ch === 39 || ch === 96;
}

/** Read as a space: whitespace (9–13, 32) and , (44) - (45) . (46) _ (95). */
function separator(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13) || ch === 44 || ch === 45 || ch === 46 || ch === 95;
}

/** Scratch for `asciiKey`'s output characters (grown when a longer name comes). */
let scratch = new Uint8Array(256);

/**
 * `normaliseName` of an ASCII string, in one loop writing character codes to a scratch buffer and
 * making one string at the end (adding characters to a string one by one made a short-lived string
 * per character: on 100,000 papers that garbage set the collector off several times a call).
 */
function asciiKey(name: string): string {
  const comma = name.indexOf(',');
  const s = comma >= 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  if (scratch.length < s.length) scratch = new Uint8Array(2 * s.length);
  let n = 0;
  let gap = false; // a separator is pending: written only before a later kept character
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (dropped(ch)) continue;
    if (separator(ch)) {
      gap = n > 0;
      continue;
    }
    if (gap) scratch[n++] = 32;
    gap = false;
    scratch[n++] = ch >= 65 && ch <= 90 ? ch + 32 : ch;
  }
  // In chunks: a call takes a bounded number of arguments.
  let out = '';
  for (let k = 0; k < n; k += 4096) out += String.fromCharCode.apply(null, scratch.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

/**
 * Plain: words of printable ASCII (! to ~) without ' , - . _ ` (characters 39, 44–46, 95, 96),
 * separated by single spaces. Such a name is its own normal form but for case. (A regular
 * expression: it beat a character loop by ~30% here.)
 */
const PLAIN = /^[\x21-\x26\x28-\x2B\x2F-\x5E\x61-\x7E]+(?: [\x21-\x26\x28-\x2B\x2F-\x5E\x61-\x7E]+)*$/;
const ASCII = /^[\x00-\x7F]*$/;

export function nameKey(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase();
  return ASCII.test(name) ? asciiKey(name) : normaliseName(name);
}
