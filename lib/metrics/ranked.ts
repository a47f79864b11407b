/**
 * The one sort every rank-based metric shares: the papers with a known citation count, by
 * citations descending, ties kept in input order (a stable sort), as typed columns c and a.
 *
 * Citation counts are integers, so this is an LSD radix sort on the key max − c_i: one counting
 * sort (a stable pass) when max < 2^16, else two passes of up to 16 bits each. O(n + 2^16), no
 * comparisons. Non-integer counts, or counts of 2^32 and more, fall back to
 * `Array.prototype.sort` (also stable).
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

export function rankByCitations(cols: Columns): Ranked {
  const { N, known: n, maxCitations: max } = cols;
  // The known papers, compacted in input order.
  const cKnown = new Float64Array(n);
  const aKnown = new Float64Array(n);
  for (let i = 0, j = 0; i < N; i++) {
    const ci = cols.c[i]!;
    if (Number.isNaN(ci)) continue;
    cKnown[j] = ci;
    aKnown[j] = cols.a[i]!;
    j++;
  }

  let order: ArrayLike<number>;
  if (cols.integral && max < 2 ** 32) {
    const key = new Uint32Array(n);
    for (let j = 0; j < n; j++) key[j] = max - cKnown[j]!;
    order = radixOrder(key, max);
  } else {
    order = Array.from({ length: n }, (_, j) => j).sort((x, y) => cKnown[y]! - cKnown[x]!);
  }

  const c = new Float64Array(n);
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    c[k] = cKnown[j]!;
    a[k] = aKnown[j]!;
  }
  return { n, c, a };
}
