/**
 * A person's profile across sites: their record plus every record linked to it, papers merged so
 * the same work seen on arXiv and on Scholar is one paper (each source's citation count kept; the
 * highest shown, with its source).
 */
import { mergeAcrossSources } from '../identity/merge-papers';
import type { Author, AuthorIds, Profile, ReportedMetric } from '../schema';
import type { AuthorRow, ScholarDb } from './db';
import { linkedGroup, sourceOf } from './links';
import { profileColumns, profileKey } from './metric-columns';
import { papersOfAuthor, profileFromColumns, sortNewestFirst } from './profile';

export async function loadGroupProfile(db: ScholarDb, authorId: string): Promise<Profile | null> {
  const row = await db.authors.get(authorId);
  if (!row) return null;
  const group = await linkedGroup(db, authorId);
  const others = (await db.authors.bulkGet(group.map((g) => g.id))).filter((r): r is AuthorRow => !!r);
  const rows = [row, ...others];
  const read = (await Promise.all(rows.map((r) => papersOfAuthor(db, r.id)))).flat();
  const ids: AuthorIds = Object.assign({}, ...[...rows].reverse().map((r) => r.ids));
  const author: Author = {
    id: row.id, name: row.name, ids, url: row.url,
    affiliations: [...new Set(rows.flatMap((r) => r.affiliations))],
  };
  const reported: ReportedMetric[] = rows.flatMap((r) => r.reported ?? []);
  const sorted = sortNewestFirst(mergeAcrossSources(read));
  const cols = await profileColumns(db, profileKey(authorId, 'group'), rows.map((r) => r.id), row.name, read, sorted);
  const profile = profileFromColumns(author, row.name, sorted, cols, row.viewedAt, reported);
  return {
    ...profile,
    watched: (await db.watchlist.get(authorId)) !== undefined,
    linked: others.map((o) => ({ authorId: o.id, name: o.name, source: sourceOf(o.id), evidence: group.find((g) => g.id === o.id)?.evidence ?? '' })),
  };
}
