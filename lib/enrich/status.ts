/** How far enrichment has got for the papers of one profile, for the progress line and the stale mark. */
import type { Enrichment, Paper } from '../schema';
import { type Settings, ttlMs } from '../settings';
import type { ScholarDb } from '../store/db';
import { sourceOn } from './plan';

export async function enrichmentStatus(
  db: ScholarDb, papers: Paper[], settings: Settings, state: { offline: boolean; lastError: string | null }, now: number,
): Promise<Enrichment> {
  const arxiv = papers.filter((p) => p.arxivId);
  const ids = new Set(papers.map((p) => p.id));
  // Jobs of a source switched off do not run, so they are not shown as waiting (nor polled for).
  const pending = await db.jobs.where('state').equals('pending').filter((j) => ids.has(j.paperId) && sourceOn(j.kind, settings)).count();
  const cited = arxiv.filter((p) => p.citationsFetchedAt);
  const metaTotal = arxiv.filter((p) => !p.abstract || !p.published || p.metadataFetchedAt);
  const ttl = ttlMs(settings).citations;
  const oldest = cited.map((p) => p.citationsFetchedAt!).sort()[0] ?? null;
  const expired = oldest !== null && now - Date.parse(oldest) > ttl;
  return {
    citations: { done: settings.sources.semanticScholar ? cited.length : 0, total: settings.sources.semanticScholar ? arxiv.length : 0 },
    metadata: { done: settings.sources.arxivApi ? metaTotal.filter((p) => p.metadataFetchedAt).length : 0, total: settings.sources.arxivApi ? metaTotal.length : 0 },
    pending,
    offline: state.offline,
    // Offline: whatever is shown is the cache, however recent.
    stale: expired || state.offline,
    oldestCitationsAt: oldest,
    lastError: state.lastError,
  };
}
