/** Naming the person a page is about. */
import { authorKey } from './sites/arxiv';
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

/** The Author record for the subject of an arXiv page (an `/a/<id>` page or an author search). */
export function authorFromRef(subject: AuthorRef, pageAuthors: AuthorRef[] = []): Author {
  return {
    id: authorKey(subject),
    name: displayName(subject, pageAuthors),
    ids: subject.arxivId ? { arxiv: subject.arxivId } : { arxivQuery: subject.query ?? subject.name },
    affiliations: [],
    url: subject.url,
  };
}
