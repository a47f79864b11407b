/**
 * Author names as person ids: every name of every paper replaced by the id of its person (people
 * are told apart by `normaliseName`: case, accents, punctuation and "Last, First" order ignored),
 * so that the metrics count integers instead of hashing strings. This is done once, when a
 * profile's columns are built (paper-columns.ts), not each time its metrics are computed.
 *
 * Cost: this is the one pass that reads every name of every paper (≈6 a paper: on the bench's
 * 100,000 papers ≈590,000 names, ≈89,000 distinct spellings), and what it costs is memory more than
 * arithmetic: most names are rare, so each look-up lands somewhere new in tables of tens of
 * thousands of entries. So:
 *
 * - One hash table of spellings (`Spellings`) holds in one entry the spelling (to confirm a match),
 *   its hash and its person: a name costs its string and one table entry, nothing is allocated per name.
 * - Names are taken a chunk at a time, in passes: read each string's length, hash each name, read
 *   each name's table entry, then look up. The reading passes are short loops, so the CPU has many
 *   misses in flight at once instead of one at a time, and the later passes find them in cache.
 * - The characters are hashed here (FNV-1a). V8 caches a hash in each string, but it is reachable
 *   only through a `Map` or a dictionary object, whose look-ups cost about as much (the same table
 *   misses), an insertion ~600 ns, and growing them re-reads every key.
 * - Each distinct spelling is normalised once, into a reusable buffer (`KeyWriter`, name-key.ts), and
 *   looked up in a second table (normalised name → person) whose keys are kept as UTF-16 code units
 *   in one flat array, which is also how they are stored: no string is made per person.
 */
import { normaliseName } from '../sites/arxiv';
import { KeyWriter } from './name-key';
import { type StringColumn, stringColumn } from './string-column';

export type NameList = readonly string[] | null | undefined;

/** Every paper's authors as person ids, and the people (part of the stored columns: plain typed arrays and strings). */
export interface NameColumns {
  /** Paper i's names are person[start[i] … start[i + 1]), in byline order; N + 1 offsets. */
  start: Int32Array;
  /** Each name's person; −1 for a name that normalises to '' (counted for nobody). */
  person: Int32Array;
  /** Number of people. */
  people: number;
  /** Person p's normalised name: keyChars[keyStart[p] … keyStart[p] + keyLen[p]), as UTF-16 code units. */
  keyChars: Uint16Array;
  keyStart: Int32Array;
  keyLen: Int32Array;
  /** Person p as first written (in paper order); the profile's author as given when no paper names them. */
  name: StringColumn;
  /** The author the columns were built for (person 0), and their normalised name; −1 and '' when none. */
  self: number;
  selfKey: string;
}

/** Names read, hashed, then looked up, this many at a time (more when one paper has more). */
const CHUNK = 512;

/** murmur3's finaliser: spreads every bit of h over the low bits, which pick the slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * FNV-1a over the UTF-16 code units of s, mixed, as a 31-bit integer (a V8 small integer, stored
 * without boxing). Exported for bench/metrics-parts.ts.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return mix(h) >> 1;
}

/** FNV-1a over chars[0 … n), mixed. */
function hashChars(chars: Uint16Array, n: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ chars[k]!, 0x01000193);
  return mix(h);
}

function grown(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * People by id, in the order first met (the author, when given, is person 0): their normalised
 * names as code units in `chars` (person p's from start[p], len[p] long) found through an
 * open-addressing table (`slots`: hash, id + 1; 0 is empty), and the first spelling met (`name`).
 */
class People {
  private slots = new Int32Array(2 << 10);
  private mask = (2 << 10) - 2;
  chars = new Uint16Array(1024);
  used = 0;
  start: Int32Array = new Int32Array(1024);
  len: Int32Array = new Int32Array(1024);
  readonly name: string[] = [];
  /** Person 0 is the author, named as the profile spells them until a paper names them. */
  selfUnmet = false;

  /** The person whose normalised name is key[0 … n) (n > 0), made (named `spelling`) if new. */
  find(key: Uint16Array, n: number, spelling: string): number {
    const h = hashChars(key, n);
    const { slots, mask } = this;
    let at = (h << 1) & mask;
    for (let v = slots[at + 1]!; v !== 0; v = slots[at + 1]!) {
      if (slots[at] === h && this.equals(v - 1, key, n)) return v - 1;
      at = (at + 2) & mask;
    }
    const id = this.name.length;
    this.name.push(spelling);
    if (this.chars.length < this.used + n) {
      const chars = new Uint16Array(2 * (this.used + n));
      chars.set(this.chars);
      this.chars = chars;
    }
    const { chars, used } = this;
    for (let k = 0; k < n; k++) chars[used + k] = key[k]!;
    if (this.start.length <= id) {
      this.start = grown(this.start, id + 1);
      this.len = grown(this.len, id + 1);
    }
    this.start[id] = used;
    this.len[id] = n;
    this.used = used + n;
    slots[at] = h;
    slots[at + 1] = id + 1;
    if (4 * this.name.length > 3 * ((mask + 2) >> 1)) this.grow(); // more than ¾ of the slots used
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = slots.length - 2;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let at = (old[s]! << 1) & mask;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = old[s]!;
      slots[at + 1] = old[s + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private equals(id: number, key: Uint16Array, n: number): boolean {
    if (this.len[id] !== n) return false;
    const { chars } = this;
    const s = this.start[id]!;
    for (let k = 0; k < n; k++) if (chars[s + k] !== key[k]) return false;
    return true;
  }
}

/** Fields of an entry of the spelling table (`Spellings.t`), ENTRY values long. */
const SPELLING = 0; // the string
const HASH = 1; // hashString(spelling)
const WHO = 2; // 0: empty slot; p + 1: person p; −1: normalises to ''
const ENTRY = 3;

/**
 * The spellings met, in an open-addressing hash table (linear probing) held in one plain array,
 * an entry of ENTRY values a slot. A plain array, not typed ones, because the entry holds the
 * string next to the numbers (small integers, stored unboxed), so that a look-up reads one place.
 */
class Spellings {
  t: (string | number)[];
  /** Number of slots − 1. */
  mask: number;
  private size = 0;
  private readonly keys = new KeyWriter();

  constructor(
    private readonly people: People,
    bits: number,
  ) {
    this.t = new Array<string | number>(ENTRY << bits).fill(0);
    this.mask = (1 << bits) - 1;
  }

  /** Grows the table, if need be, so that `more` spellings fit (without moving entries while a chunk is looked up). */
  reserve(more: number): void {
    let slots = this.mask + 1;
    while (4 * (this.size + more) > 3 * slots) slots *= 2; // at most ¾ full
    if (slots === this.mask + 1) return;
    const old = this.t;
    const t = new Array<string | number>(ENTRY * slots).fill(0);
    const mask = slots - 1;
    for (let e = 0; e < old.length; e += ENTRY) {
      if (old[e + WHO] === 0) continue;
      let s = (old[e + HASH] as number) & mask;
      while (t[s * ENTRY + WHO] !== 0) s = (s + 1) & mask;
      const to = s * ENTRY;
      for (let f = 0; f < ENTRY; f++) t[to + f] = old[e + f]!;
    }
    this.t = t;
    this.mask = mask;
  }

  /** A spelling met for the first time, into the empty entry `e` its probe ended on: normalise it, find or make its person. */
  add(spelling: string, hash: number, e: number): number {
    const n = this.keys.write(spelling);
    const who = n > 0 ? this.people.find(this.keys.chars, n, spelling) + 1 : -1;
    // The author is named as first written in the papers, like everyone else: the name does not
    // then depend on how the profile spells it (co-authors of another author's query may list them).
    if (who === 1 && this.people.selfUnmet) {
      this.people.name[0] = spelling;
      this.people.selfUnmet = false;
    }
    const { t } = this;
    t[e + SPELLING] = spelling;
    t[e + HASH] = hash;
    t[e + WHO] = who;
    this.size++;
    return who;
  }
}

/** Where the read-ahead passes over a chunk leave their sum, so that they are not optimised away. */
export let touched = 0;

/**
 * `lists[i]`: paper i's author names in byline order (null/undefined when not given). `author`: the
 * profile's author (person 0 when their name normalises to something), or null.
 */
export function internNames(lists: ArrayLike<NameList>, author: string | null | undefined): NameColumns {
  const people = new People();
  const spellings = new Spellings(people, 8);
  const selfKey = author ? normaliseName(author) : '';
  let self = -1;
  if (selfKey) {
    const chars = new Uint16Array(selfKey.length);
    for (let k = 0; k < selfKey.length; k++) chars[k] = selfKey.charCodeAt(k);
    self = people.find(chars, selfKey.length, author!); // person 0
    people.selfUnmet = true;
  }

  const N = lists.length;
  const start = new Int32Array(N + 1);
  let total = 0;
  for (let i = 0; i < N; i++) total += lists[i]?.length ?? 0;
  const person = new Int32Array(total);
  let hashes = new Int32Array(CHUNK);
  let q0 = 0; // names before the chunk
  for (let i0 = 0; i0 < N; ) {
    // A chunk: papers i0 … i1 − 1, with q names.
    let i1 = i0;
    let q = 0;
    while (i1 < N && q < CHUNK) q += lists[i1++]?.length ?? 0;
    if (q > hashes.length) hashes = new Int32Array(q);
    // 1. Read each name's length: a short loop, so that many of these cache misses are in flight at
    //    once, rather than one at a time inside the hash loop.
    let sum = 0;
    for (let i = i0; i < i1; i++) {
      const names = lists[i];
      if (names) for (let j = 0; j < names.length; j++) sum += names[j]!.length;
    }
    // 2. Hash each name (its string is in cache now).
    q = 0;
    for (let i = i0; i < i1; i++) {
      const names = lists[i];
      if (names) for (let j = 0; j < names.length; j++) hashes[q++] = hashString(names[j]!);
    }
    // 3. Read each name's first table entry, for the same reason as 1. (The table grows here, if it
    //    must, so that no entry moves while the chunk is looked up.)
    spellings.reserve(q);
    const { t, mask } = spellings;
    for (let k = 0; k < q; k++) sum += t[(hashes[k]! & mask) * ENTRY + WHO] as number;
    touched = sum;
    // 4. Look each name up, adding the spellings met for the first time.
    q = 0;
    for (let i = i0; i < i1; i++) {
      start[i] = q0 + q;
      const names = lists[i];
      if (!names) continue;
      for (let j = 0; j < names.length; j++) {
        const spelling = names[j]!;
        const h = hashes[q]!;
        let e = (h & mask) * ENTRY;
        let who: number;
        for (;;) {
          who = t[e + WHO] as number;
          if (who === 0) {
            who = spellings.add(spelling, h, e);
            break;
          }
          // Object.is rather than ===: the same test on two strings, without first checking that both are.
          if (t[e + HASH] === h && Object.is(t[e + SPELLING], spelling)) break;
          e = e === mask * ENTRY ? 0 : e + ENTRY;
        }
        person[q0 + q++] = who > 0 ? who - 1 : -1;
      }
    }
    q0 += q;
    i0 = i1;
  }
  start[N] = q0;

  const P = people.name.length;
  return {
    start,
    person,
    people: P,
    keyChars: people.chars.slice(0, people.used),
    keyStart: people.start.slice(0, P),
    keyLen: people.len.slice(0, P),
    name: stringColumn(people.name),
    self,
    selfKey,
  };
}
