/**
 * Primary categories and AI Score weights. When the columns are built (paper-columns.ts), each
 * paper gets the id of its primary category and its AI weight class (`CategoryIds.add`); when the
 * metrics are computed, one pass over those two typed columns counts the papers per category and
 * sums the AI Score (`tallyCategories`), so neither walks the papers.
 *
 * Each distinct primary category gets an id (first seen, first numbered) and its AI-ness is looked
 * up once; a paper then costs one map look-up, or none when its primary category is the same
 * string as the previous paper's (common: profiles cluster in a few categories). The cross-lists
 * are only read when the primary category is not an AI one, as `aiWeight` (ai-score.ts) does.
 */
import { AI_CATEGORIES } from './ai-score';

/** 2·w of a paper whose primary category is not an AI one: 1 when a cross-list is (w = 0.5), else 0. */
function crossListed(categories: readonly string[] | null | undefined): number {
  if (categories == null) return 0;
  for (let k = 0; k < categories.length; k++) if (AI_CATEGORIES.has(categories[k]!)) return 1;
  return 0;
}

/** AI weight class of a paper with no category at all: left out of the AI Score. */
export const NO_CATEGORY = -1;

export class CategoryIds {
  /** Distinct primary categories, by id. */
  readonly names: string[] = [];
  /** Whether each primary category is an AI category, by id. */
  private readonly ai: boolean[] = [];
  private readonly ids = new Map<string, number>();
  private lastName: string | null = null;
  private lastId = -1;

  constructor(
    /** Paper i's primary category id; −1 when it has none. */
    readonly primary: Int32Array,
    /** Paper i's AI weight w, doubled (2, 1, 0: integers), or NO_CATEGORY. */
    readonly weight: Int8Array,
  ) {}

  /** Reads paper i's categories. */
  add(i: number, primary: string | null | undefined, categories: readonly string[] | null | undefined): void {
    let id = -1;
    if (primary) {
      if (primary === this.lastName) id = this.lastId;
      else {
        id = this.ids.get(primary) ?? this.register(primary);
        this.lastName = primary;
        this.lastId = id;
      }
    }
    this.primary[i] = id;
    // The cross-lists are only read when they can matter: every read is a cache miss on a large profile.
    if (id >= 0) this.weight[i] = this.ai[id] ? 2 : crossListed(categories);
    else this.weight[i] = categories != null && categories.length > 0 ? crossListed(categories) : NO_CATEGORY;
  }

  private register(name: string): number {
    const id = this.names.length;
    this.ids.set(name, id);
    this.names.push(name);
    this.ai.push(AI_CATEGORIES.has(name));
    return id;
  }
}

export interface CategoryCounts {
  /** Distinct primary categories, by id. */
  names: readonly string[];
  /** Papers with each primary category, by id. */
  counts: number[];
  /** 100 × the mean weight over the papers that carry a category; null when none does. */
  aiScore: number | null;
}

export function tallyCategories(names: readonly string[], primary: Int32Array, weight: Int8Array): CategoryCounts {
  const counts = new Array<number>(names.length).fill(0);
  let aiPapers = 0;
  let twiceSum = 0;
  for (let i = 0; i < primary.length; i++) {
    const id = primary[i]!;
    if (id >= 0) counts[id]!++;
    const w = weight[i]!;
    if (w >= 0) {
      aiPapers++;
      twiceSum += w;
    }
  }
  // twiceSum / 2 is Σ w exactly (w ∈ {0, 0.5, 1}).
  return { names, counts, aiScore: aiPapers > 0 ? (100 * (twiceSum / 2)) / aiPapers : null };
}
