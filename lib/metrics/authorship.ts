/**
 * Who the author writes with, and where they stand in the byline: first- and last-author shares
 * and the top co-authors. Names are compared by `normaliseName` (case, accents, punctuation and
 * "Last, First" order ignored); each distinct spelling is normalised once.
 */
import type { Metrics } from '../schema';
import { normaliseName } from '../sites/arxiv';
import type { MetricPaper } from './input';

export type Authorship = Pick<Metrics, 'firstAuthorShare' | 'lastAuthorShare' | 'topCoauthors'>;

export const TOP_COAUTHORS = 10;

interface Coauthor {
  /** The first spelling met (papers in input order). */
  name: string;
  key: string;
  papers: number;
  /** Index of the last paper counted, so a name listed twice on one paper counts once. */
  last: number;
}

/** Whether x ranks before y: more shared papers first, then by normalised name, then by spelling. */
function before(x: Coauthor, y: Coauthor): boolean {
  if (x.papers !== y.papers) return x.papers > y.papers;
  if (x.key !== y.key) return x.key < y.key;
  return x.name < y.name;
}

/** The `k` best of `items` by `before`, best first, in one pass (no full sort). */
function topK(items: Iterable<Coauthor>, k: number): Coauthor[] {
  const top: Coauthor[] = [];
  for (const it of items) {
    if (top.length === k && !before(it, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    if (top.length === k) top.pop();
    while (i > 0 && before(it, top[i - 1]!)) i--;
    top.splice(i, 0, it);
  }
  return top;
}

/**
 * `author`: the profile's author (null or '' when the papers are not one person's). Shares are over
 * the papers that list their authors by name, and null when there is no author or no such paper;
 * a single-author paper counts as both first- and last-authored. Co-authors exclude the author.
 */
export function authorship(papers: MetricPaper[], author: string | null | undefined): Authorship {
  const meKey = author ? normaliseName(author) : '';
  // One record per person (normalised name), reached from each spelling with one map look-up.
  const byKey = new Map<string, Coauthor>();
  const bySpelling = new Map<string, Coauthor | null>();
  const me: Coauthor | null = meKey ? { name: author!, key: meKey, papers: 0, last: -1 } : null;
  if (me) byKey.set(meKey, me);
  /** A spelling met for the first time: normalise it and find or make its person. */
  const person = (name: string): Coauthor | null => {
    const key = normaliseName(name);
    let rec = key ? (byKey.get(key) ?? null) : null;
    if (rec === null && key) {
      rec = { name, key, papers: 0, last: -1 };
      byKey.set(key, rec);
    }
    bySpelling.set(name, rec);
    return rec;
  };

  let named = 0;
  let first = 0;
  let last = 0;
  for (let i = 0; i < papers.length; i++) {
    const names = papers[i]!.authorNames;
    if (!names || names.length === 0) continue;
    named++;
    const end = names.length - 1;
    for (let j = 0; j <= end; j++) {
      const name = names[j]!;
      let rec = bySpelling.get(name);
      if (rec === undefined) rec = person(name);
      if (rec === null) continue;
      if (rec === me) {
        if (j === 0) first++;
        if (j === end) last++;
      }
      if (rec.last === i) continue;
      rec.papers++;
      rec.last = i;
    }
  }
  if (me) byKey.delete(meKey);

  return {
    firstAuthorShare: me !== null && named > 0 ? first / named : null,
    lastAuthorShare: me !== null && named > 0 ? last / named : null,
    topCoauthors: topK(byKey.values(), TOP_COAUTHORS).map(({ name, papers: n }) => ({ name, papers: n })),
  };
}
