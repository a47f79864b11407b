/**
 * The one sort every rank-based metric shares: the papers with a known citation count, by
 * citations descending, ties kept in input order (a stable sort), as typed columns c and a.
 *
 * Citation counts are integers and heavy-tailed, so this is one stable counting sort of the counts
 * below a range of at most 2^16 (`rankByCitations`: a pass to count, a pass to place), with the few
 * counts above it ranked first by an LSD radix sort on max − c_i (`radixOrder`: 16 bits a pass).
 * O(n + range), no comparisons; it replaced a radix sort of every count, which took a compaction,
 * two passes per 16 bits and a gather (~3× the time on 100,000 papers). Non-integer counts, or
 * counts of 2^32 and more, fall back to `Array.prototype.sort` (also stable).
 */
import type { Columns } from './columns';

export interface Ranked {
  /** Number of papers with a known citation count. */
  n: number;
  /** c_i, descending; ties in input order. */
  c: Float64Array;
  /** a_i in the same order. */
  a: Float64Array;
}

/** Positions 0..n−1 ordered by `key` ascending, ties in position order (LSD radix sort; keys ≤ maxKey < 2^32). */
export function radixOrder(key: Uint32Array, maxKey: number): Int32Array {
  const n = key.length;
  const width = Math.max(1, Math.ceil(Math.log2(maxKey + 1)));
  const passes = Math.ceil(width / 16);
  const bits = Math.ceil(width / passes);
  const mask = 2 ** bits - 1;
  const start = new Int32Array(2 ** bits);
  let idx = new Int32Array(n);
  for (let j = 0; j < n; j++) idx[j] = j;
  let keys: Uint32Array = key;
  let nextIdx = new Int32Array(n);
  let nextKeys: Uint32Array = new Uint32Array(n);
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * bits;
    start.fill(0);
    for (let j = 0; j < n; j++) start[(keys[j]! >>> shift) & mask]!++;
    let sum = 0;
    for (let b = 0; b < start.length; b++) {
      const count = start[b]!;
      start[b] = sum;
      sum += count;
    }
    for (let j = 0; j < n; j++) {
      const k = keys[j]!;
      const to = start[(k >>> shift) & mask]!++;
      nextIdx[to] = idx[j]!;
      nextKeys[to] = k;
    }
    [idx, nextIdx] = [nextIdx, idx];
    [keys, nextKeys] = [nextKeys, keys];
  }
  return idx;
}

/**
 * Counts below the counting range are placed by one counting sort; larger ones (rare: counts are
 * heavy-tailed) are radix-sorted apart. The range is at most 2^16, and about 2n so that the array
 * of counts stays small next to the papers (a small profile must not pay for 2^16 slots).
 */
const MAX_RANGE = 2 ** 16;
const rangeFor = (n: number, max: number) => Math.min(max + 1, MAX_RANGE, Math.max(1024, 2 * n));

export function rankByCitations(cols: Columns): Ranked {
  const { N, known: n, maxCitations: max } = cols;
  const c = new Float64Array(n);
  const a = new Float64Array(n);
  if (!cols.integral || max >= 2 ** 32) {
    // Not integer counts: a comparison sort (stable), over the known papers compacted in input order.
    const known: number[] = [];
    for (let i = 0; i < N; i++) if (!Number.isNaN(cols.c[i]!)) known.push(i);
    known.sort((x, y) => cols.c[y]! - cols.c[x]!);
    for (let k = 0; k < n; k++) {
      c[k] = cols.c[known[k]!]!;
      a[k] = cols.a[known[k]!]!;
    }
    return { n, c, a };
  }

  // One stable counting sort, descending, of the counts below `range` (with heavy-tailed counts,
  // nearly all of them); the few above go first, in their own order (`rankTail`). Two passes over
  // the columns in all, where the LSD radix sort needed a compaction, two passes per 16 bits and a gather.
  const range = rangeFor(n, max);
  const start = new Int32Array(range);
  for (let i = 0; i < N; i++) {
    const ci = cols.c[i]!;
    if (ci < range) start[ci]!++; // NaN (unknown) fails the comparison
  }
  let next = n; // positions are handed out from the end, smallest count first
  for (let v = 0; v < range; v++) {
    next -= start[v]!;
    start[v] = next;
  }
  const tail: number[] = []; // input positions of the counts ≥ range
  for (let i = 0; i < N; i++) {
    const ci = cols.c[i]!;
    if (ci < range) {
      const k = start[ci]!++;
      c[k] = ci;
      a[k] = cols.a[i]!;
    } else if (ci >= range) tail.push(i);
  }
  if (tail.length > 0) rankTail(cols, tail, max, c, a);
  return { n, c, a };
}

/** Writes the papers at `tail` (counts ≥ the counting range) to the first positions, by count descending, ties in input order. */
function rankTail(cols: Columns, tail: number[], max: number, c: Float64Array, a: Float64Array): void {
  const key = new Uint32Array(tail.length);
  for (let j = 0; j < tail.length; j++) key[j] = max - cols.c[tail[j]!]!;
  const order = radixOrder(key, max);
  for (let k = 0; k < tail.length; k++) {
    const i = tail[order[k]!]!;
    c[k] = cols.c[i]!;
    a[k] = cols.a[i]!;
  }
}
