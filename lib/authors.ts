/** Naming the person a page is about. */
import { authorKey } from './sites/arxiv';
import { dblpPidFromUrl } from './sites/dblp';
import { scholarUserId } from './sites/gscholar';
import { openReviewIdFromUrl } from './sites/openreview';
import { s2AuthorIdFromUrl } from './sites/semanticscholar-page';
import type { Author, AuthorRef } from './schema';

/** arXiv author searches name people "Last, First"; cards say "First Last". */
export function flipName(name: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : name.trim();
}

/**
 * The best display name for the page's subject. An author search only knows the query
 * ("Ammanabrolu, P"); the results usually link the full name ("Prithviraj Ammanabrolu") with that
 * very query, so the most frequent such name is used.
 */
export function displayName(subject: AuthorRef, pageAuthors: AuthorRef[] = []): string {
  if (subject.query) {
    const counts = new Map<string, number>();
    for (const a of pageAuthors) {
      if (a.query !== null && a.query.toLowerCase() === subject.query.toLowerCase()) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0];
    if (best) return best[0];
  }
  return flipName(subject.name);
}

/**
 * Each site's own id for the person a page is about, read off the subject's link: one record per
 * person per source (linking records across sources needs evidence, not a shared name).
 */
const SITE_IDS: { site: string; id: (url: string) => string | null; key: keyof Author['ids']; prefix: string }[] = [
  { site: 'gscholar', id: scholarUserId, key: 'googleScholar', prefix: 'gscholar' },
  { site: 'dblp', id: dblpPidFromUrl, key: 'dblp', prefix: 'dblp' },
  { site: 'semanticscholar', id: s2AuthorIdFromUrl, key: 'semanticScholar', prefix: 's2' },
  { site: 'openreview', id: openReviewIdFromUrl, key: 'openreview', prefix: 'openreview' },
];

/** The Author record for the subject of a page: an arXiv `/a/<id>` page or author search, a Scholar, DBLP, S2 or OpenReview profile. */
export function authorFromRef(subject: AuthorRef, pageAuthors: AuthorRef[] = [], site = 'arxiv', affiliations: string[] = []): Author {
  const own = SITE_IDS.find((s) => s.site === site);
  const ownId = own && subject.url ? own.id(subject.url) : null;
  if (own && ownId) {
    return { id: `${own.prefix}:${ownId}`, name: subject.name.trim(), ids: { [own.key]: ownId }, affiliations, url: subject.url };
  }
  return {
    id: authorKey(subject),
    name: displayName(subject, pageAuthors),
    ids: subject.arxivId ? { arxiv: subject.arxivId } : { arxivQuery: subject.query ?? subject.name },
    affiliations,
    url: subject.url,
  };
}
