/**
 * Who the author writes with, and where they stand in the byline: first- and last-author shares
 * and the top co-authors. Names are compared by `normaliseName` (case, accents, punctuation and
 * "Last, First" order ignored).
 *
 * Cost: this is the one pass that reads every name of every paper (≈6 a paper: on the bench's
 * 100,000 papers ≈590,000 names, ≈89,000 distinct spellings), and what it costs is memory more than
 * arithmetic: most names are rare, so each look-up lands somewhere new in tables of tens of
 * thousands of entries, and each cache or TLB miss costs more than hashing a short name. So:
 *
 * - One hash table of spellings (`Spellings`) holds in one entry all a name needs: the spelling (to
 *   confirm a match), its hash, its person, and — while the person has this one spelling — that
 *   person's paper count and last paper counted. A name costs its string and one table entry, and
 *   nothing is allocated per name. A person met under a second spelling is counted apart from then
 *   on (`People`; rare), from what the first spelling had counted.
 * - Names are taken a chunk at a time, in passes: read each string's length, hash each name, read
 *   each name's table entry, then look up and count. The reading passes are short loops, so the CPU
 *   has many misses in flight at once instead of one at a time, and the later passes find the
 *   strings and entries in cache.
 * - The characters are hashed here (FNV-1a). V8 caches a hash in each string, but it is reachable
 *   only through a `Map` or a dictionary object: their look-ups cost about as much (~100–200 ns on
 *   this data: the same table misses), an insertion ~600 ns, and growing them re-reads every key.
 * - Each distinct spelling is normalised once, into a reusable buffer (`KeyWriter`, name-key.ts),
 *   and looked up in a second table (normalised name → person) whose keys are kept as UTF-16 code
 *   units in one flat array: no string is made per spelling. People are ranked by those code units
 *   (the same order as comparing the key strings); strings are made for the ten names returned only.
 *
 * bench/README.md has the figures.
 */
import type { Metrics } from '../schema';
import { normaliseName } from '../sites/arxiv';
import type { NameList } from './columns';
import type { MetricPaper } from './input';
import { KeyWriter } from './name-key';

export type Authorship = Pick<Metrics, 'firstAuthorShare' | 'lastAuthorShare' | 'topCoauthors'>;

export const TOP_COAUTHORS = 10;

/** Names read, hashed, then looked up and counted, this many at a time (more when one paper has more). */
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

/** Where a person is counted: `People.where[p]` is the entry of its one spelling (≥ 0), or one of these. */
const NO_SPELLING = -1; // none met yet (the author, before their name is met)
const SPELLINGS = -2; // several: counted in People.papers / People.last

/**
 * People by id, in the order first met (the author, when given, is person 0): their normalised
 * names as code units in `chars` (person p's from start[p], len[p] long) found through an
 * open-addressing table (`slots`: hash, id + 1; 0 is empty), the first spelling met (`name`), and
 * where they are counted (`where`).
 */
class People {
  private slots = new Int32Array(2 << 10);
  private mask = (2 << 10) - 2;
  chars = new Uint16Array(1024);
  private used = 0;
  start: Int32Array = new Int32Array(1024);
  len: Int32Array = new Int32Array(1024);
  where: Int32Array = new Int32Array(1024);
  /** For people counted apart (`where` = SPELLINGS): papers counted, and the last paper counted. */
  papers: Int32Array = new Int32Array(1024);
  last: Int32Array = new Int32Array(1024);
  readonly name: string[] = [];

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
      this.where = grown(this.where, id + 1);
      this.papers = grown(this.papers, id + 1);
      this.last = grown(this.last, id + 1);
    }
    this.start[id] = used;
    this.len[id] = n;
    this.where[id] = NO_SPELLING;
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

  /** x's normalised name compared with y's, code unit by code unit (as `<` compares strings): < 0, 0, > 0. */
  private compareKeys(x: number, y: number): number {
    const { chars, start, len } = this;
    const sx = start[x]!;
    const sy = start[y]!;
    const n = Math.min(len[x]!, len[y]!);
    for (let k = 0; k < n; k++) {
      const d = chars[sx + k]! - chars[sy + k]!;
      if (d !== 0) return d;
    }
    return len[x]! - len[y]!;
  }

  /** Whether person x, with cx papers, ranks before y, with cy: more papers first, then by normalised name, then by spelling. */
  before(x: number, cx: number, y: number, cy: number): boolean {
    if (cx !== cy) return cx > cy;
    const d = this.compareKeys(x, y);
    return d !== 0 ? d < 0 : this.name[x]! < this.name[y]!;
  }
}

/** The best `k` people, best first (`People.before`), offered one by one: an insertion into a short list, no full sort. */
class Top {
  readonly ids: number[] = [];
  readonly papers: number[] = [];

  constructor(
    private readonly people: People,
    private readonly k: number,
  ) {}

  offer(id: number, papers: number): void {
    const { ids, people, k } = this;
    const n = ids.length;
    if (n === k && !people.before(id, papers, ids[k - 1]!, this.papers[k - 1]!)) return;
    if (n === k) {
      ids.pop();
      this.papers.pop();
    }
    let at = ids.length;
    while (at > 0 && people.before(id, papers, ids[at - 1]!, this.papers[at - 1]!)) at--;
    ids.splice(at, 0, id);
    this.papers.splice(at, 0, papers);
  }
}

/** Fields of an entry of the spelling table (`Spellings.t`), ENTRY values long. */
const SPELLING = 0; // the string
const HASH = 1; // hashString(spelling)
const WHO = 2; // 0: empty slot; p + 1: person p, counted here; −1: normalises to '' (not counted); −2 − p: person p, counted in People
const PAPERS = 3; // while WHO = p + 1: the person's papers counted …
const LAST = 4; // … and the last paper counted (so a name listed twice on one paper counts once)
const ENTRY = 5;

/**
 * The spellings met, in an open-addressing hash table (linear probing) held in one plain array,
 * an entry of ENTRY values a slot: see SPELLING … LAST. A plain array, not typed ones, because the
 * entry holds the string next to the numbers (all small integers, stored unboxed), so that a
 * look-up reads one place in memory.
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
    const { where } = this.people;
    for (let e = 0; e < old.length; e += ENTRY) {
      const who = old[e + WHO] as number;
      if (who === 0) continue;
      let s = (old[e + HASH] as number) & mask;
      while (t[s * ENTRY + WHO] !== 0) s = (s + 1) & mask;
      const to = s * ENTRY;
      for (let f = 0; f < ENTRY; f++) t[to + f] = old[e + f]!;
      if (who > 0) where[who - 1] = to;
    }
    this.t = t;
    this.mask = mask;
  }

  /** A spelling met for the first time, into the empty entry `e` its probe ended on: normalise it, find or make its person. */
  add(spelling: string, hash: number, e: number): void {
    const { t, people } = this;
    const n = this.keys.write(spelling);
    let who = -1;
    if (n > 0) {
      const p = people.find(this.keys.chars, n, spelling);
      const at = people.where[p]!;
      if (at === NO_SPELLING) {
        people.where[p] = e; // its first spelling: counted in this entry
        who = p + 1;
      } else {
        if (at >= 0) {
          // A second spelling: from now on the person is counted in People, from what the first had counted.
          people.papers[p] = t[at + PAPERS] as number;
          people.last[p] = t[at + LAST] as number;
          t[at + WHO] = -2 - p;
          people.where[p] = SPELLINGS;
        }
        who = -2 - p;
      }
    }
    t[e + SPELLING] = spelling;
    t[e + HASH] = hash;
    t[e + WHO] = who;
    t[e + PAPERS] = 0;
    t[e + LAST] = -1;
    this.size++;
  }

  /**
   * The top `k` people but `me`. Each person is offered once: one with a single spelling from its
   * entry (a pass through the table, in memory order), one with several from People. The order of
   * the offers does not matter: `People.before` orders any two people (their normalised names differ).
   */
  top(k: number, me: number): Top {
    const { t, people } = this;
    const top = new Top(people, k);
    for (let e = 0; e < t.length; e += ENTRY) {
      const who = t[e + WHO] as number;
      if (who > 0 && who !== me + 1) top.offer(who - 1, t[e + PAPERS] as number);
    }
    const { where, papers } = people;
    for (let p = 0; p < people.name.length; p++) if (where[p] === SPELLINGS && p !== me) top.offer(p, papers[p]!);
    return top;
  }
}

/** Where the read-ahead passes over a chunk leave their sum, so that they are not optimised away (see `coauthorship`). */
export let touched = 0;

/**
 * `author`: the profile's author (null or '' when the papers are not one person's). Shares are over
 * the papers that list their authors by name, and null when there is no author or no such paper;
 * a single-author paper counts as both first- and last-authored. Co-authors exclude the author.
 * `lists[i]`: paper i's author names in byline order (null/undefined when not given).
 */
export function coauthorship(lists: ArrayLike<NameList>, author: string | null | undefined): Authorship {
  const people = new People();
  const spellings = new Spellings(people, 8);
  let me = -1;
  if (author) {
    const key = normaliseName(author);
    if (key) {
      const chars = new Uint16Array(key.length);
      for (let k = 0; k < key.length; k++) chars[k] = key.charCodeAt(k);
      me = people.find(chars, key.length, author); // person 0
    }
  }

  let named = 0;
  let first = 0;
  let lastAuthor = 0;
  let hashes = new Int32Array(CHUNK);
  for (let i0 = 0; i0 < lists.length; ) {
    // A chunk: papers i0 … i1 − 1, with q names.
    let i1 = i0;
    let q = 0;
    while (i1 < lists.length && q < CHUNK) q += lists[i1++]?.length ?? 0;
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
    // 4. Look each name up (adding the spellings met for the first time) and count it: a person once a paper.
    q = 0;
    for (let i = i0; i < i1; i++) {
      const names = lists[i];
      if (!names || names.length === 0) continue;
      named++;
      const end = names.length - 1;
      for (let j = 0; j <= end; j++) {
        const spelling = names[j]!;
        const h = hashes[q++]!;
        let e = (h & mask) * ENTRY;
        for (;;) {
          if (t[e + WHO] === 0) {
            spellings.add(spelling, h, e);
            break;
          }
          // Object.is rather than ===: the same test on two strings, without first checking that both are.
          if (t[e + HASH] === h && Object.is(t[e + SPELLING], spelling)) break;
          e = e === mask * ENTRY ? 0 : e + ENTRY;
        }
        const who = t[e + WHO] as number;
        if (who > 0) {
          // A person with one spelling so far: counted in the entry.
          if (who === me + 1) {
            if (j === 0) first++;
            if (j === end) lastAuthor++;
          }
          if (t[e + LAST] === i) continue;
          t[e + PAPERS] = (t[e + PAPERS] as number) + 1;
          t[e + LAST] = i;
        } else if (who < -1) {
          // A person with several spellings: counted in People (whose arrays may have grown since
          // the chunk began, so they are not held in locals).
          const p = -2 - who;
          if (p === me) {
            if (j === 0) first++;
            if (j === end) lastAuthor++;
          }
          if (people.last[p] === i) continue;
          people.papers[p]!++;
          people.last[p] = i;
        }
      }
    }
    i0 = i1;
  }

  const top = spellings.top(TOP_COAUTHORS, me);
  return {
    firstAuthorShare: me >= 0 && named > 0 ? first / named : null,
    lastAuthorShare: me >= 0 && named > 0 ? lastAuthor / named : null,
    topCoauthors: top.ids.map((id, k) => ({ name: people.name[id]!, papers: top.papers[k]! })),
  };
}

/** `coauthorship` of `MetricPaper`s (their `authorNames`). */
export function authorship(papers: MetricPaper[], author: string | null | undefined): Authorship {
  return coauthorship(
    papers.map((p) => p.authorNames),
    author,
  );
}
