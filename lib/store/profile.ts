/**
 * Assembling a Profile from the cache: the author, their papers (newest first), the metrics and
 * where each number came from.
 */
import { columnsOfPapers, metricsOfColumns, type PaperColumns } from '../metrics/index';
import { paperYear } from '../metrics/basic';
import type { Author, Metrics, Paper, Profile, Provenance, ReportedMetric } from '../schema';
import type { AuthorRow, ScholarDb } from './db';
import { type StoredPaper, withoutRevisions } from './revisions';

function dateKey(p: Paper): string {
  return p.published ?? p.updated ?? (paperYear(p) !== null ? `${paperYear(p)}` : '');
}

export function sortNewestFirst(papers: Paper[]): Paper[] {
  return [...papers].sort((a, b) => dateKey(b).localeCompare(dateKey(a)));
}

export function provenanceFor(metrics: Metrics, papers: Paper[], pageSource: string): Provenance[] {
  const fetched = papers.map((p) => p.fetchedAt).sort();
  const lastSeen = fetched[fetched.length - 1] ?? null;
  const n = metrics.papers;
  const m = metrics.papersWithCitations;
  const citeSources = [...new Set(papers.filter((p) => p.citations !== null).map((p) => p.citationsSource ?? 'unknown'))].sort();
  const citeAt = papers.map((p) => p.citationsFetchedAt).filter((t): t is string => !!t).sort().pop() ?? null;
  const counted = m === 0
    ? `unknown: none of the ${n} papers has a citation count yet`
    : `computed from ${n} papers, of which ${m} have citation counts (${citeSources.join(', ')})`;
  return [
    { field: 'papers', source: pageSource, at: lastSeen, detail: `${n} papers seen on ${pageSource} pages` },
    { field: 'citations', source: m ? citeSources.join(', ') : 'none', at: citeAt, detail: counted },
    { field: 'h', source: m ? 'computed' : 'none', at: citeAt, detail: counted },
    {
      field: 'primaryCategory', source: 'computed', at: lastSeen,
      detail: `most frequent primary category of ${n} papers (ties: the most recent paper's)`,
    },
  ];
}

/** The profile of papers sorted newest first (`sortNewestFirst`), from their metric columns. */
export function profileFromColumns(
  author: Author | null, title: string, sorted: Paper[], cols: PaperColumns, viewedAt: string | null, reported: ReportedMetric[] = [],
): Profile {
  const metrics = metricsOfColumns(cols, { author: author?.name ?? null });
  return { author, title, papers: sorted, metrics, reported, provenance: provenanceFor(metrics, sorted, 'arXiv'), viewedAt, enrichment: null, linked: [], watched: false };
}

export function buildProfile(author: Author | null, title: string, papers: Paper[], viewedAt: string | null, reported: ReportedMetric[] = []): Profile {
  const sorted = sortNewestFirst(papers);
  return profileFromColumns(author, title, sorted, columnsOfPapers(sorted, author?.name ?? null), viewedAt, reported);
}

function toAuthor(row: AuthorRow): Author {
  return { id: row.id, name: row.name, ids: row.ids, affiliations: row.affiliations, url: row.url };
}

export async function papersOfAuthor(db: ScholarDb, authorId: string): Promise<StoredPaper[]> {
  const links = await db.authorPapers.where('authorId').equals(authorId).toArray();
  const papers = await db.papers.bulkGet(links.map((l) => l.paperId));
  return papers.filter((p): p is StoredPaper => !!p);
}

export async function loadAuthorProfile(db: ScholarDb, authorId: string): Promise<Profile | null> {
  const row = await db.authors.get(authorId);
  if (!row) return null;
  const profile = buildProfile(toAuthor(row), row.name, withoutRevisions(await papersOfAuthor(db, authorId)), row.viewedAt, row.reported ?? []);
  return { ...profile, watched: (await db.watchlist.get(authorId)) !== undefined };
}

/** The profile of a page that is not about one person: its own papers, with what the cache knows. */
export async function loadPageProfile(db: ScholarDb, url: string): Promise<Profile | null> {
  const view = await db.views.get(url);
  if (!view) return null;
  const papers = withoutRevisions((await db.papers.bulkGet(view.paperIds)).filter((p): p is StoredPaper => !!p));
  return buildProfile(null, view.title ?? 'This page', papers, view.at);
}
