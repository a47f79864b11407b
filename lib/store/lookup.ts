/**
 * Finding cached profiles: for the popup (which author does this tab show?) and for the badges
 * after author names on abs and listing pages.
 */
import { metricsOfColumns } from '../metrics/index';
import type { AuthorSummary } from '../protocol';
import { authorKey, normaliseName } from '../sites/arxiv';
import type { AuthorRef, Profile } from '../schema';
import type { AuthorRow, ScholarDb } from './db';
import { loadGroupProfile } from './group-profile';
import { profileColumns, profileKey } from './metric-columns';
import { loadPageProfile, papersOfAuthor } from './profile';

async function summarise(db: ScholarDb, row: AuthorRow, matchedBy: AuthorSummary['matchedBy']): Promise<AuthorSummary> {
  const papers = await papersOfAuthor(db, row.id);
  const m = metricsOfColumns(await profileColumns(db, profileKey(row.id, 'own'), [row.id], row.name, papers, papers), { author: row.name });
  return { authorId: row.id, name: row.name, papers: m.papers, citations: m.citations, h: m.h, primaryCategory: m.primaryCategory, matchedBy, watched: (await db.watchlist.get(row.id)) !== undefined };
}

/** The cached author a page's author link points to: by id first, then by exact normalised name. */
export async function findCachedAuthor(db: ScholarDb, ref: AuthorRef): Promise<{ row: AuthorRow; matchedBy: AuthorSummary['matchedBy'] } | null> {
  const byId = await db.authors.get(authorKey(ref));
  if (byId) return { row: byId, matchedBy: 'id' };
  const byName = await db.authors.where('nameKey').equals(normaliseName(ref.name)).sortBy('viewedAt');
  const row = byName.pop();
  return row ? { row, matchedBy: 'name' } : null;
}

export async function lookupAuthors(db: ScholarDb, refs: AuthorRef[]): Promise<(AuthorSummary & { index: number })[]> {
  const found: (AuthorSummary & { index: number })[] = [];
  const cache = new Map<string, AuthorSummary | null>();
  for (const [index, ref] of refs.entries()) {
    const key = `${authorKey(ref)}|${normaliseName(ref.name)}`;
    if (!cache.has(key)) {
      const hit = await findCachedAuthor(db, ref);
      cache.set(key, hit ? await summarise(db, hit.row, hit.matchedBy) : null);
    }
    const summary = cache.get(key);
    if (summary) found.push({ ...summary, index });
  }
  return found;
}

/**
 * The profile the popup shows for a tab: the author the page is about; on a page about papers,
 * the first of their authors with a cached profile; otherwise the most recently viewed author.
 */
export async function profileForUrl(db: ScholarDb, url: string | undefined): Promise<Profile | null> {
  const view = url ? await db.views.get(url) : undefined;
  if (view?.authorId) return loadGroupProfile(db, view.authorId);
  if (view) {
    for (const paper of await db.papers.bulkGet(view.paperIds.slice(0, 50))) {
      for (const [i, name] of (paper?.authors ?? []).entries()) {
        const hit = await findCachedAuthor(db, { name, url: paper?.authorUrls[i] ?? null, arxivId: null, query: null });
        if (hit) return loadGroupProfile(db, hit.row.id);
      }
    }
  }
  const recent = await db.authors.orderBy('viewedAt').last();
  if (recent) return loadGroupProfile(db, recent.id);
  return view ? loadPageProfile(db, view.url) : null;
}
