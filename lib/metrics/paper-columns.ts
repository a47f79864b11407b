/**
 * A profile's papers as the metrics read them: `PaperColumns`, one typed array per field, in the
 * profile's paper order, with author names as person ids (intern.ts). It is built once from the
 * papers — `columnsOfPapers` (stored.ts) from stored `Paper`s, `columnsOfMetricPapers` here from
 * `MetricPaper`s — and is what the cache keeps per profile (lib/store/metric-columns.ts): plain
 * typed arrays, strings and numbers, so IndexedDB stores it by structured clone as it is.
 * Computing the metrics from it (index.ts) then never walks paper objects or hashes a name.
 *
 * Why: over 100,000 papers a walk over the paper objects costs a cache miss per object (and one
 * more per array or string it follows) — merely reading the fields the metrics need costs more than
 * a whole sort of the citation counts, and reading plus hashing every author name ~7 sorts — whereas
 * a pass over a typed column is 10–20× cheaper (bench/README.md).
 *
 * What counts as known (docs/metrics.md): a citation count is a finite number ≥ 0; a year a finite
 * integer; an author count below 1 (0 = unknown), or not finite, is read as 1. The checks are
 * comparisons written inline (`ColumnBuilder.put`): Number.isFinite / Number.isInteger and calls
 * into other modules made the read several times slower.
 *
 * Novelty is the one metric that needs the papers' text, which the columns do not hold: it depends
 * on nothing else (not on the year or the author), so it is computed from the text while the
 * columns are built and kept with them.
 */
import { CategoryIds } from './category-tally';
import type { MetricPaper } from './input';
import { internNames, type NameColumns, type NameList } from './intern';
import { novelty, type NoveltyPaper } from './novelty';
import { type StringColumn, stringColumn } from './string-column';

/** Bumped when the layout changes: stored columns of another layout are rebuilt from the papers. */
export const COLUMNS_LAYOUT = 1;

export interface PaperColumns {
  layout: typeof COLUMNS_LAYOUT;
  /** Number of papers. */
  N: number;
  /** c_i; NaN when unknown. */
  c: Float64Array;
  /** a_i, at least 1. */
  a: Float64Array;
  /** Publication year; NaN when unknown. */
  year: Float64Array;
  /** 1 when the paper links code, 0 when it links none, −1 when unknown. */
  code: Int8Array;
  /** Paper i's primary category as an index into `categories`; −1 when it has none. */
  primary: Int32Array;
  /** Paper i's AI Score weight, doubled (2, 1, 0), or −1 when it has no category at all (category-tally.ts). */
  aiWeight: Int8Array;
  /** Distinct primary categories, by id. */
  categories: string[];
  /** Paper i's ISO date (published, else updated), '' when none; read only to break a primary-category tie. */
  date: StringColumn;
  /** Author names as person ids. */
  names: NameColumns;
  /** Novelty of the papers' text (null when fewer than 3 papers have text). */
  novelty: number | null;
}

/** Fills the columns paper by paper; each reader calls `put` and `categories.add` from its one loop. */
export class ColumnBuilder {
  readonly c: Float64Array;
  readonly a: Float64Array;
  readonly year: Float64Array;
  readonly code: Int8Array;
  readonly categories: CategoryIds;
  readonly date: (string | null)[];
  readonly names: NameList[];

  constructor(readonly N: number) {
    this.c = new Float64Array(N);
    this.a = new Float64Array(N);
    this.year = new Float64Array(N);
    this.code = new Int8Array(N);
    this.categories = new CategoryIds(new Int32Array(N), new Int8Array(N));
    this.date = new Array<string | null>(N);
    this.names = new Array<NameList>(N);
  }

  /** `y`: the year, NaN or null when unknown; `links`: number of code links, undefined when unknown. */
  put(i: number, ci: number | null, ai: number, y: number | null, links: number | undefined): void {
    this.c[i] = ci != null && ci >= 0 && ci < Infinity ? ci : Number.NaN;
    this.a[i] = ai >= 1 && ai < Infinity ? ai : 1;
    this.year[i] = y != null && y - Math.floor(y) === 0 ? y : Number.NaN;
    this.code[i] = links === undefined || !(links >= 0) ? -1 : links > 0 ? 1 : 0;
  }

  /** `author`: the profile's author (person 0 of the names); `texts`: the papers with text, for Novelty. */
  done(author: string | null | undefined, withText: number, texts: () => NoveltyPaper[]): PaperColumns {
    const { N, c, a, year, code, categories, date } = this;
    return {
      layout: COLUMNS_LAYOUT, N, c, a, year, code,
      primary: categories.primary,
      aiWeight: categories.weight,
      categories: categories.names,
      date: stringColumn(date),
      names: internNames(this.names, author),
      // Novelty is null below 3 papers with text, without being set up.
      novelty: withText < 3 ? null : novelty(texts()),
    };
  }
}

export function columnsOfMetricPapers(papers: MetricPaper[], author: string | null | undefined): PaperColumns {
  const b = new ColumnBuilder(papers.length);
  let withText = 0;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    b.put(i, p.citations, p.authors, p.year, p.codeLinks);
    b.categories.add(i, p.primaryCategory, p.categories);
    b.date[i] = p.date ?? null;
    b.names[i] = p.authorNames;
    if (p.title || p.abstract) withText++;
  }
  return b.done(author, withText, () => papers.filter((p) => p.title || p.abstract));
}
