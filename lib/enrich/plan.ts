/**
 * Which papers need which fetch, given what the cache holds and how long each kind is trusted.
 * Pure: the runner turns the plan into jobs.
 */
import type { Paper } from '../schema';
import { type Settings, ttlMs } from '../settings';
import type { JobKind } from '../store/db';

export interface PlannedJob { kind: JobKind; paperId: string }

/** The settings switch of the source each kind of job asks. */
const SOURCE_OF: Record<JobKind, keyof Settings['sources']> = {
  metadata: 'arxivApi', citations: 'semanticScholar', identity: 'semanticScholar', code: 'huggingface', openalex: 'openAlex',
};

/** Whether jobs of this kind may run (and count as waiting) under these settings. */
export function sourceOn(kind: JobKind, settings: Settings): boolean {
  return settings.sources[SOURCE_OF[kind]];
}

function olderThan(iso: string | null | undefined, ms: number, now: number): boolean {
  return !iso || now - Date.parse(iso) > ms;
}

/** A page's record lacks what only the API gives (listings and author pages carry no abstract or dates). */
function metadataIncomplete(p: Paper): boolean {
  return !p.abstract || !p.published;
}

export function needsMetadata(p: Paper, settings: Settings, now: number): boolean {
  return settings.sources.arxivApi && !!p.arxivId && metadataIncomplete(p) && olderThan(p.metadataFetchedAt, ttlMs(settings).metadata, now);
}

export function needsCitations(p: Paper, settings: Settings, now: number): boolean {
  return settings.sources.semanticScholar && !!p.arxivId && olderThan(p.citationsFetchedAt, ttlMs(settings).citations, now);
}

export function needsCode(p: Paper, settings: Settings, now: number): boolean {
  return settings.sources.huggingface && !!p.arxivId && olderThan(p.codeFetchedAt, ttlMs(settings).metadata, now);
}

export function planJobs(papers: Paper[], settings: Settings, now: number): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const p of papers) {
    if (needsMetadata(p, settings, now)) jobs.push({ kind: 'metadata', paperId: p.id });
    if (needsCitations(p, settings, now)) jobs.push({ kind: 'citations', paperId: p.id });
    if (needsCode(p, settings, now)) jobs.push({ kind: 'code', paperId: p.id });
  }
  return jobs;
}

/** Ask Semantic Scholar who an arXiv author is, unless we know or asked within the metadata TTL. */
export function needsIdentity(author: { ids: { semanticScholar?: string }; identityCheckedAt?: string }, settings: Settings, now: number): boolean {
  return settings.sources.semanticScholar && !author.ids.semanticScholar && olderThan(author.identityCheckedAt, ttlMs(settings).metadata, now);
}

/** OpenAlex's second opinion needs the user's key and the author's ORCID (which S2 gives). */
export function needsOpenAlex(author: { ids: { orcid?: string }; openAlexCheckedAt?: string }, settings: Settings, now: number): boolean {
  return settings.sources.openAlex && settings.keys.openAlex !== '' && !!author.ids.orcid && olderThan(author.openAlexCheckedAt, ttlMs(settings).metadata, now);
}
