/**
 * `nameKey(name)` = `normaliseName(name)` (lib/sites/arxiv.ts), computed without its Unicode
 * machinery when the name is plain ASCII. The co-author pass normalises every distinct spelling it
 * meets — tens of thousands on a large set of papers — and `normaliseName` (NFKD, a Unicode-property
 * regular expression and three more replacements, each making a new string) costs 0.5–1 µs a name.
 *
 * `KeyWriter.write(name)` writes the key's UTF-16 code units into a reusable buffer instead of making
 * a string (authorship.ts keeps keys as code units in one flat array, so normalising a spelling
 * allocates nothing); `nameKey` makes the string from that buffer.
 *
 * Why it is the same on ASCII: NFKD leaves ASCII as it is and there is no combining mark to drop;
 * what remains is exactly what `write` does in one loop — "Last, First" swapped at the first comma,
 * ' and ` dropped, . , _ - read as spaces, runs of whitespace (\t \n \v \f \r and space: the ASCII
 * part of \s and of trim) collapsed to one space and trimmed, A–Z lower-cased. A name with any
 * character outside ASCII goes to `normaliseName` itself. tests/unit/metrics-names.test.ts checks the
 * two agree (hand-picked and random names), so a change to `normaliseName` cannot go unnoticed.
 */
import { normaliseName } from '../sites/arxiv';

/** Writes normalised names into `chars` (grown as needed); reused from name to name. */
export class KeyWriter {
  chars = new Uint16Array(64);

  /** Writes `normaliseName(name)` to `chars[0 … length)` and returns its length. */
  write(name: string): number {
    const len = name.length;
    if (this.chars.length < len) this.chars = new Uint16Array(2 * len);
    const comma = name.indexOf(',');
    // "Last, First" is read as `${First} ${Last}`: the part after the comma, a separator, the part before.
    const n = comma < 0 ? this.run(name, 0, len, 0, false) : this.swapped(name, comma, len);
    return n >= 0 ? n : this.copy(normaliseName(name));
  }

  private swapped(name: string, comma: number, len: number): number {
    const n = this.run(name, comma + 1, len, 0, false);
    if (n < 0) return n;
    // The separator between the two parts: pending only when something was written before it.
    return this.run(name, 0, comma, n, n > 0);
  }

  /**
   * Appends the key characters of name[from, to) at `n`; `gap`: a separator is pending. Returns the
   * new length, or −1 when a character is outside ASCII. A separator is written only before a later
   * kept character, so runs collapse and the ends are trimmed.
   */
  private run(name: string, from: number, to: number, n: number, gap: boolean): number {
    const out = this.chars;
    for (let k = from; k < to; k++) {
      const ch = name.charCodeAt(k);
      if (ch > 127) return -1;
      if (ch === 39 || ch === 96) continue; // ' and `: dropped
      // Whitespace (9–13, 32) and , - . _ (44–46, 95): a separator.
      if (ch === 32 || (ch >= 9 && ch <= 13) || (ch >= 44 && ch <= 46) || ch === 95) {
        gap = n > 0;
        continue;
      }
      if (gap) out[n++] = 32;
      gap = false;
      out[n++] = ch >= 65 && ch <= 90 ? ch + 32 : ch;
    }
    return n;
  }

  /** Copies a key made by `normaliseName` (NFKD may make it longer than the name). */
  private copy(key: string): number {
    if (this.chars.length < key.length) this.chars = new Uint16Array(2 * key.length);
    for (let k = 0; k < key.length; k++) this.chars[k] = key.charCodeAt(k);
    return key.length;
  }
}

const writer = new KeyWriter();

/** The string of `chars[0 … n)` (in chunks: a call takes a bounded number of arguments). */
export function keyString(chars: Uint16Array, from: number, n: number): string {
  let out = '';
  for (let k = 0; k < n; k += 4096) {
    out += String.fromCharCode.apply(null, chars.subarray(from + k, from + Math.min(n, k + 4096)) as unknown as number[]);
  }
  return out;
}

export function nameKey(name: string): string {
  return keyString(writer.chars, 0, writer.write(name));
}
