/**
 * Primary-category counts and the AI Score sums, one `add` per paper during the read of the
 * papers (columns.ts), so neither the category mix nor the AI Score walks the papers again.
 *
 * Each distinct primary category gets an id (first seen, first numbered) and its AI-ness is looked
 * up once; a paper then costs one map look-up, or none when its primary category is the same
 * string as the previous paper's (common: profiles cluster in a few categories). The cross-lists
 * are only read when the primary category is not an AI one, as `aiWeight` (ai-score.ts) does.
 */
import { AI_CATEGORIES } from './ai-score';

/** w of a paper whose primary category is not an AI one: 0.5 when a cross-list is, else 0. */
function crossListed(categories: readonly string[] | null | undefined): number {
  if (categories == null) return 0;
  for (let k = 0; k < categories.length; k++) if (AI_CATEGORIES.has(categories[k]!)) return 0.5;
  return 0;
}

export class CategoryTally {
  /** Distinct primary categories, by id. */
  readonly names: string[] = [];
  /** Papers with each primary category, by id. */
  readonly counts: number[] = [];
  /** Whether each primary category is an AI category, by id. */
  private readonly ai: boolean[] = [];
  private readonly ids = new Map<string, number>();
  private lastName: string | null = null;
  private lastId = -1;
  /** AI Score: papers that carry any category, and Σ w over them (w = 1, 0.5 or 0: exact sums). */
  aiPapers = 0;
  aiSum = 0;

  /** Counts one paper; returns the id of its primary category, −1 when it has none. */
  add(primary: string | null | undefined, categories: readonly string[] | null | undefined): number {
    let id = -1;
    if (primary) {
      if (primary === this.lastName) id = this.lastId;
      else {
        id = this.ids.get(primary) ?? this.register(primary);
        this.lastName = primary;
        this.lastId = id;
      }
      this.counts[id]!++;
    }
    // The cross-lists are only read when they can matter: every read is a cache miss on a large profile.
    if (id >= 0 && this.ai[id]) this.aiSum += 1;
    else if (id >= 0) this.aiSum += crossListed(categories);
    else if (categories != null && categories.length > 0) this.aiSum += crossListed(categories);
    else return id; // no category at all: left out of the AI Score
    this.aiPapers++;
    return id;
  }

  private register(name: string): number {
    const id = this.names.length;
    this.ids.set(name, id);
    this.names.push(name);
    this.counts.push(0);
    this.ai.push(AI_CATEGORIES.has(name));
    return id;
  }

  /** 100 × the mean weight; null when no paper carries a category. */
  aiScore(): number | null {
    return this.aiPapers > 0 ? (100 * this.aiSum) / this.aiPapers : null;
  }
}
