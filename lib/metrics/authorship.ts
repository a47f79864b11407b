/**
 * Who the author writes with, and where they stand in the byline: first- and last-author shares
 * and the top co-authors, counted over the person ids the columns hold (intern.ts: people told
 * apart by `normaliseName`). One pass over the ids — a typed array read in order, with counts in
 * two arrays of one integer per person — then one pass over the people for the top ten.
 */
import type { Metrics } from '../schema';
import { normaliseName } from '../sites/arxiv';
import type { MetricPaper } from './input';
import { internNames, type NameColumns, type NameList } from './intern';
import { stringAt } from './string-column';

export type Authorship = Pick<Metrics, 'firstAuthorShare' | 'lastAuthorShare' | 'topCoauthors'>;

export const TOP_COAUTHORS = 10;

/** x's normalised name compared with y's, code unit by code unit (as `<` compares strings): < 0, 0, > 0. */
function compareKeys(nc: NameColumns, x: number, y: number): number {
  const { keyChars, keyStart, keyLen } = nc;
  const sx = keyStart[x]!;
  const sy = keyStart[y]!;
  const n = Math.min(keyLen[x]!, keyLen[y]!);
  for (let k = 0; k < n; k++) {
    const d = keyChars[sx + k]! - keyChars[sy + k]!;
    if (d !== 0) return d;
  }
  return keyLen[x]! - keyLen[y]!;
}

/** Whether person x, with cx papers, ranks before y, with cy: more papers first, then by normalised name, then by spelling. */
function before(nc: NameColumns, x: number, cx: number, y: number, cy: number): boolean {
  if (cx !== cy) return cx > cy;
  const d = compareKeys(nc, x, y);
  return d !== 0 ? d < 0 : stringAt(nc.name, x) < stringAt(nc.name, y);
}

/** The person whose normalised name is `key`; −1 when nobody's is. */
function personOf(nc: NameColumns, key: string): number {
  if (key === nc.selfKey) return nc.self;
  const { keyChars, keyStart, keyLen } = nc;
  outer: for (let p = 0; p < nc.people; p++) {
    if (keyLen[p] !== key.length) continue;
    const s = keyStart[p]!;
    for (let k = 0; k < key.length; k++) if (keyChars[s + k] !== key.charCodeAt(k)) continue outer;
    return p;
  }
  return -1;
}

/** The best `k` people but `me`, best first: an insertion into a short list per person offered, no full sort. */
function top(nc: NameColumns, papers: Int32Array, me: number, k: number): number[] {
  const ids: number[] = [];
  for (let p = 0; p < nc.people; p++) {
    const cp = papers[p]!;
    if (cp === 0 || p === me) continue;
    if (ids.length === k && !before(nc, p, cp, ids[k - 1]!, papers[ids[k - 1]!]!)) continue;
    if (ids.length === k) ids.pop();
    let at = ids.length;
    while (at > 0 && before(nc, p, cp, ids[at - 1]!, papers[ids[at - 1]!]!)) at--;
    ids.splice(at, 0, p);
  }
  return ids;
}

/**
 * `author`: the profile's author (null or '' when the papers are not one person's). Shares are over
 * the papers that list their authors by name, and null when there is no author or no such paper;
 * a single-author paper counts as both first- and last-authored. A person counts once a paper
 * (a name listed twice counts once). Co-authors exclude the author.
 */
export function authorshipOf(nc: NameColumns, author: string | null | undefined): Authorship {
  const key = author ? normaliseName(author) : '';
  const found = key ? personOf(nc, key) : -1;
  const me = found >= 0 ? found : -2; // −2 matches no name (−1 is a name that normalises to '')
  const { start, person } = nc;
  const N = start.length - 1;
  const papers = new Int32Array(nc.people);
  const last = new Int32Array(nc.people).fill(-1);
  let named = 0;
  let first = 0;
  let lastAuthor = 0;
  for (let i = 0; i < N; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (from === to) continue;
    named++;
    if (person[from] === me) first++;
    if (person[to - 1] === me) lastAuthor++;
    for (let k = from; k < to; k++) {
      const p = person[k]!;
      if (p < 0 || last[p] === i) continue;
      last[p] = i;
      papers[p]!++;
    }
  }
  const best = top(nc, papers, me, TOP_COAUTHORS);
  return {
    firstAuthorShare: key && named > 0 ? first / named : null,
    lastAuthorShare: key && named > 0 ? lastAuthor / named : null,
    topCoauthors: best.map((p) => ({ name: stringAt(nc.name, p), papers: papers[p]! })),
  };
}

/** The same straight from name lists (`lists[i]`: paper i's author names in byline order, or null). */
export function coauthorship(lists: ArrayLike<NameList>, author: string | null | undefined): Authorship {
  return authorshipOf(internNames(lists, author), author);
}

/** `coauthorship` of `MetricPaper`s (their `authorNames`). */
export function authorship(papers: MetricPaper[], author: string | null | undefined): Authorship {
  return coauthorship(
    papers.map((p) => p.authorNames),
    author,
  );
}
