/**
 * Who the author writes with, and where they stand in the byline: first- and last-author shares
 * and the top co-authors. Names are compared by `normaliseName` (case, accents, punctuation and
 * "Last, First" order ignored).
 *
 * Cost: this is the one pass that reads every name of every paper (≈6 a paper in the bench), so it
 * does one look-up per name — spelling → person id, a small integer — and keeps the counters in
 * flat arrays. Each distinct spelling is normalised once (`nameKey`, name-key.ts: `normaliseName`
 * without its Unicode machinery for ASCII names), and people are merged by normalised name then.
 * The spelling table is a prototype-less object used as a dictionary, not a Map: in V8 a keyed
 * load internalises the name once and later loads of the same string skip hashing, which made this
 * pass 10–30% faster on 100,000 papers (any string is a valid key there: no prototype, no `__proto__`).
 *
 * What is left is memory-bound: with tens of thousands of distinct names the tables outgrow the
 * caches, and each name costs a few cache misses (its string, its table slot, its counters), plus
 * the normalisation and insertion of each new spelling. bench/README.md has the figures.
 */
import type { Metrics } from '../schema';
import { normaliseName } from '../sites/arxiv';
import type { NameList } from './columns';
import type { MetricPaper } from './input';
import { nameKey } from './name-key';

export type Authorship = Pick<Metrics, 'firstAuthorShare' | 'lastAuthorShare' | 'topCoauthors'>;

export const TOP_COAUTHORS = 10;

/** People by id: the first spelling met, the normalised name, papers counted, last paper counted. */
class People {
  readonly name: string[] = [];
  readonly key: string[] = [];
  readonly papers: number[] = [];
  /** Index of the last paper counted, so a name listed twice on one paper counts once. */
  readonly last: number[] = [];

  add(name: string, key: string): number {
    this.name.push(name);
    this.key.push(key);
    this.papers.push(0);
    this.last.push(-1);
    return this.name.length - 1;
  }

  /** Whether x ranks before y: more shared papers first, then by normalised name, then by spelling. */
  before(x: number, y: number): boolean {
    const px = this.papers[x]!;
    const py = this.papers[y]!;
    if (px !== py) return px > py;
    const kx = this.key[x]!;
    const ky = this.key[y]!;
    if (kx !== ky) return kx < ky;
    return this.name[x]! < this.name[y]!;
  }

  /** The best `k` ids from `from` on, best first, in one pass (insertion into a short list; no full sort). */
  top(k: number, from: number): number[] {
    const top: number[] = [];
    for (let id = from; id < this.name.length; id++) {
      if (top.length === k && !this.before(id, top[k - 1]!)) continue;
      if (top.length === k) top.pop();
      let at = top.length;
      while (at > 0 && this.before(id, top[at - 1]!)) at--;
      top.splice(at, 0, id);
    }
    return top;
  }
}

/**
 * `author`: the profile's author (null or '' when the papers are not one person's). Shares are over
 * the papers that list their authors by name, and null when there is no author or no such paper;
 * a single-author paper counts as both first- and last-authored. Co-authors exclude the author.
 * `lists[i]`: paper i's author names in byline order (null/undefined when not given).
 */
export function coauthorship(lists: ArrayLike<NameList>, author: string | null | undefined): Authorship {
  const people = new People();
  const byKey = new Map<string, number>(); // normalised name → person id
  const bySpelling: Record<string, number | undefined> = Object.create(null); // → person id; −1: normalises to ''
  const meKey = author ? normaliseName(author) : '';
  const me = meKey ? people.add(author!, meKey) : -1; // person 0 when there is an author
  if (me >= 0) byKey.set(meKey, me);

  /** A spelling met for the first time: normalise it and find or make its person. */
  const person = (spelling: string): number => {
    const key = nameKey(spelling);
    let id = key ? byKey.get(key) : -1;
    if (id === undefined) {
      id = people.add(spelling, key);
      byKey.set(key, id);
    }
    bySpelling[spelling] = id;
    return id;
  };

  const { papers, last } = people;
  let named = 0;
  let first = 0;
  let lastAuthor = 0;
  for (let i = 0; i < lists.length; i++) {
    const names = lists[i];
    if (!names || names.length === 0) continue;
    named++;
    const end = names.length - 1;
    for (let j = 0; j <= end; j++) {
      const spelling = names[j]!;
      let id = bySpelling[spelling];
      if (id === undefined) id = person(spelling);
      if (id < 0) continue;
      if (id === me) {
        if (j === 0) first++;
        if (j === end) lastAuthor++;
      }
      if (last[id] === i) continue;
      papers[id]!++;
      last[id] = i;
    }
  }

  return {
    firstAuthorShare: me >= 0 && named > 0 ? first / named : null,
    lastAuthorShare: me >= 0 && named > 0 ? lastAuthor / named : null,
    topCoauthors: people.top(TOP_COAUTHORS, me + 1).map((id) => ({ name: people.name[id]!, papers: people.papers[id]! })),
  };
}

/** `coauthorship` of `MetricPaper`s (their `authorNames`). */
export function authorship(papers: MetricPaper[], author: string | null | undefined): Authorship {
  return coauthorship(
    papers.map((p) => p.authorNames),
    author,
  );
}
