/**
 * Windowing math for long lists (the popup's paper list): which rows to put in the DOM for the part
 * of the list that is on screen, and how much empty space stands in for the rows left out.
 *
 * Rows have different heights (titles wrap, an abstract can be open). Heights of rows that were
 * rendered are measured; every other row counts as `estimate` pixels. Offsets are prefix sums,
 * recomputed lazily from the first row whose height changed, so a scroll costs a binary search.
 * Pure: no DOM here (`components/PaperList.tsx` measures and listens).
 */

/** Pixels per row before anything was measured (a paper row with a one- or two-line title). */
export const DEFAULT_ROW_ESTIMATE = 96;

/** Rows `[start, end)`. */
export interface RowRange {
  start: number;
  end: number;
}

export class RowHeights {
  readonly count: number;
  readonly estimate: number;
  private readonly heights: Float64Array;
  /** tops[i] = sum of heights[0..i); tops[count] = total. Valid below `dirtyFrom`. */
  private readonly tops: Float64Array;
  private dirtyFrom = 0;

  /** `known(i)`: a height already measured for row i (e.g. remembered by the row's key), if any. */
  constructor(count: number, estimate = DEFAULT_ROW_ESTIMATE, known?: (i: number) => number | undefined) {
    this.count = Math.max(0, Math.floor(count));
    this.estimate = estimate > 0 && Number.isFinite(estimate) ? estimate : DEFAULT_ROW_ESTIMATE;
    this.heights = new Float64Array(this.count).fill(this.estimate);
    this.tops = new Float64Array(this.count + 1);
    if (known) {
      for (let i = 0; i < this.count; i++) {
        const h = known(i);
        if (h !== undefined && h > 0 && Number.isFinite(h)) this.heights[i] = h;
      }
    }
  }

  height(i: number): number {
    return this.heights[i] ?? 0;
  }

  /**
   * Record row i's measured height. Zero, negative or non-finite heights are ignored (a row that is
   * not laid out, e.g. in a hidden tab or a DOM without layout). True when the height changed.
   */
  measure(i: number, h: number): boolean {
    if (i < 0 || i >= this.count || !(h > 0) || !Number.isFinite(h) || this.heights[i] === h) return false;
    this.heights[i] = h;
    if (i < this.dirtyFrom) this.dirtyFrom = i;
    return true;
  }

  /** Offset of row i's top from the list's top; `top(count)` is the whole list's height. */
  top(i: number): number {
    const k = Math.min(Math.max(0, i), this.count);
    if (k >= this.dirtyFrom) {
      for (let j = this.dirtyFrom; j < this.count; j++) this.tops[j + 1] = this.tops[j]! + this.heights[j]!;
      this.dirtyFrom = this.count + 1;
    }
    return this.tops[k]!;
  }

  get total(): number {
    return this.top(this.count);
  }

  /** The row at offset y (clamped: the first row above the list, the last below it); −1 when empty. */
  indexAt(y: number): number {
    if (this.count === 0) return -1;
    this.top(this.count);
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first row whose top is at or below offset y (`count` when none is). */
  firstFrom(y: number): number {
    this.top(this.count);
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tops[mid]! < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The rows to render for the visible stretch `[from, to)` of the list (offsets from its top), plus
   * `overscan` pixels either side: every row that overlaps it. Always at least one row of a non-empty
   * list, even when the list is scrolled out of view (then the row at the near end).
   */
  range(from: number, to: number, overscan = 0): RowRange {
    if (this.count === 0) return { start: 0, end: 0 };
    const a = from - Math.max(0, overscan);
    const b = Math.max(a, to + Math.max(0, overscan));
    const start = this.indexAt(a);
    const end = Math.max(start + 1, this.firstFrom(b));
    return { start, end };
  }
}

/** Where the rendered rows go: empty space before the first, between rows that are not adjacent, after the last. */
export interface Placement {
  /** The sorted row indices to render. */
  rows: number[];
  /** Space above the first rendered row. */
  before: number;
  /** gaps[k]: space between rows[k − 1] and rows[k] (0 for k = 0 and for adjacent rows). */
  gaps: number[];
  /** Space below the last rendered row. */
  after: number;
}

/**
 * The rows of `range`, plus `keep` if it lies outside it (the row holding keyboard focus stays in
 * the DOM while the user scrolls away, so focus is not lost), with the space standing in for the rest.
 */
export function placement(heights: RowHeights, range: RowRange, keep: number | null = null): Placement {
  const start = Math.max(0, Math.min(range.start, heights.count));
  const end = Math.max(start, Math.min(range.end, heights.count));
  const rows: number[] = [];
  for (let i = start; i < end; i++) rows.push(i);
  if (keep !== null && keep >= 0 && keep < heights.count && (keep < start || keep >= end)) {
    if (keep < start) rows.unshift(keep);
    else rows.push(keep);
  }
  if (rows.length === 0) return { rows, before: 0, gaps: [], after: heights.total };
  const gaps = rows.map((r, k) => (k === 0 ? 0 : heights.top(r) - heights.top(rows[k - 1]! + 1)));
  return { rows, before: heights.top(rows[0]!), gaps, after: heights.total - heights.top(rows[rows.length - 1]! + 1) };
}

/** Two ranges with the same rows. */
export function sameRange(a: RowRange, b: RowRange): boolean {
  return a.start === b.start && a.end === b.end;
}
