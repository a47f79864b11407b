/**
 * Who an arXiv author is at Semantic Scholar. arXiv names people by a query ("Zhao, Y") or an id
 * of its own; S2 lists each paper's authors with S2 ids, which tells homonyms apart. We take the
 * author's most recent arXiv papers, find the one listed author whose name fits, and read that
 * S2 author's record: its h-index, citation and paper counts become source-reported values.
 */
import { namesFit } from '../identity/evidence';
import { normaliseName } from '../sites/arxiv';
import type { S2AuthorLink } from '../sources/semanticscholar';

export { namesFit };

/** The S2 id of the one listed author whose name fits ours; null when none or several fit (no guessing). */
export function matchS2Author(ourName: string, listed: S2AuthorLink[]): string | null {
  const exact = listed.filter((a) => a.authorId && normaliseName(a.name) === normaliseName(ourName));
  const fits = exact.length > 0 ? exact : listed.filter((a) => a.authorId && namesFit(a.name, ourName));
  const ids = [...new Set(fits.map((a) => a.authorId!))];
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * Across several papers, the S2 id most of them agree on (a majority of the papers that gave an
 * answer), so one paper with a homonym co-author cannot decide alone.
 */
export function agreeOn(ids: (string | null)[]): string | null {
  const known = ids.filter((x): x is string => x !== null);
  const counts = new Map<string, number>();
  for (const id of known) counts.set(id, (counts.get(id) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] * 2 > known.length ? best[0] : null;
}
