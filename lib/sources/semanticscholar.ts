/**
 * Semantic Scholar Graph API (https://api.semanticscholar.org/graph/v1): citation counts for arXiv
 * ids, a paper's linked authors, an author's profile and papers.
 *
 * Schemas follow the recorded replies in the shared fixtures (author, author/papers pages, batch
 * with a null entry, paper with authors); unknown fields are kept (`z.looseObject`) and fields the
 * caller did not ask for may be missing, so nearly everything is optional.
 */
import { z } from 'zod';
import { Paper, type PaperInput } from '../schema';
import { HttpError, InvalidResponseError, type HttpClient, type RequestOptions } from './http';

export const S2_API = 'https://api.semanticscholar.org/graph/v1';
/** The batch endpoint accepts at most 500 ids per call. */
export const S2_BATCH_SIZE = 500;
/** `offset + limit` must stay below 10 000 on author/papers; a guard against a `next` that never ends. */
const MAX_AUTHOR_PAGES = 100;

export interface S2Options {
  apiKey?: string | null;
  /** Clock for `fetchedAt` stamps. */
  now?: () => Date;
}

// ---------------------------------------------------------------- schemas

/** `externalIds`: values are strings (DOI, ArXiv, DBLP key), numbers (CorpusId) or, on authors, string arrays. */
export const S2ExternalIds = z.record(z.string(), z.unknown());

export const S2AuthorRef = z.looseObject({
  authorId: z.string().nullish(),
  name: z.string().nullish(),
});
export type S2AuthorRef = z.infer<typeof S2AuthorRef>;

export const S2Paper = z.looseObject({
  paperId: z.string(),
  title: z.string().nullish(),
  externalIds: S2ExternalIds.nullish(),
  citationCount: z.number().int().nonnegative().nullish(),
  year: z.number().int().nullish(),
  publicationDate: z.string().nullish(),
  venue: z.string().nullish(),
  url: z.string().nullish(),
  abstract: z.string().nullish(),
  openAccessPdf: z.looseObject({ url: z.string().nullish() }).nullish(),
  authors: z.array(S2AuthorRef).nullish(),
});
export type S2Paper = z.infer<typeof S2Paper>;

/** POST /paper/batch: an array aligned with the ids sent, `null` for ids S2 does not know. */
export const S2PaperBatch = z.array(S2Paper.nullable());

export const S2PaperAuthors = z.looseObject({
  paperId: z.string().nullish(),
  authors: z.array(S2AuthorRef),
});

export const S2Author = z.looseObject({
  authorId: z.string(),
  name: z.string().nullish(),
  url: z.string().nullish(),
  homepage: z.string().nullish(),
  affiliations: z.array(z.string()).nullish(),
  paperCount: z.number().int().nonnegative().nullish(),
  citationCount: z.number().int().nonnegative().nullish(),
  hIndex: z.number().int().nonnegative().nullish(),
  externalIds: S2ExternalIds.nullish(),
});
export type S2Author = z.infer<typeof S2Author>;

/** GET /author/{id}/papers: one page; `next` is absent on the last page. */
export const S2AuthorPapersPage = z.looseObject({
  offset: z.number().int().nonnegative().nullish(),
  next: z.number().int().nonnegative().nullish(),
  data: z.array(S2Paper),
});
export type S2AuthorPapersPage = z.infer<typeof S2AuthorPapersPage>;

// ---------------------------------------------------------------- helpers

function headers(opts: S2Options | undefined): RequestOptions | undefined {
  return opts?.apiKey ? { headers: { 'x-api-key': opts.apiKey } } : undefined;
}

function fetchTime(opts: S2Options | undefined): string {
  return (opts?.now?.() ?? new Date()).toISOString();
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** `ARXIV:`-less, version-less arXiv id (`2106.09608v2` → `2106.09608`). */
export function normaliseArxivId(id: string): string {
  return id
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/i, '');
}

function encodeArxiv(id: string): string {
  // `ARXIV:2106.09608`, colon unencoded as in S2's documentation; an old-style id keeps its slash.
  return `ARXIV:${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** The ids of one S2 paper as this project keys them. */
export function s2PaperIds(p: Pick<S2Paper, 'paperId' | 'externalIds'>): { id: string; arxivId: string | null; doi: string | null } {
  const arxivRaw = str(p.externalIds?.['ArXiv']);
  const arxivId = arxivRaw ? normaliseArxivId(arxivRaw) : null;
  const doi = str(p.externalIds?.['DOI']);
  return { id: arxivId ?? doi?.toLowerCase() ?? `s2:${p.paperId}`, arxivId, doi };
}

/** An S2 paper as a {@link Paper} (source `semanticscholar`). */
export function s2ToPaper(p: S2Paper, fetchedAt: string): Paper {
  const { id, arxivId, doi } = s2PaperIds(p);
  const authors = (p.authors ?? []).filter((a) => str(a.name) !== null);
  const date = p.publicationDate && /^\d{4}-\d{2}-\d{2}$/.test(p.publicationDate) ? p.publicationDate : null;
  const citations = typeof p.citationCount === 'number' ? p.citationCount : null;
  const input: PaperInput = {
    id,
    arxivId,
    doi,
    title: (p.title ?? '').replace(/\s+/g, ' ').trim(),
    authors: authors.map((a) => str(a.name) ?? ''),
    authorUrls: authors.map((a) => (a.authorId ? `https://www.semanticscholar.org/author/${a.authorId}` : null)),
    published: date,
    year: p.year ?? (date ? Number(date.slice(0, 4)) : null),
    abstract: p.abstract ?? null,
    links: {
      abs: arxivId ? `https://arxiv.org/abs/${arxivId}` : (p.url ?? null),
      pdf: arxivId ? `https://arxiv.org/pdf/${arxivId}` : (p.openAccessPdf?.url ?? null),
      doi: doi ? `https://doi.org/${doi}` : null,
    },
    citations,
    citationsSource: citations === null ? null : 'semanticscholar',
    citationsFetchedAt: citations === null ? null : fetchedAt,
    source: 'semanticscholar',
    fetchedAt,
  };
  return Paper.parse(input);
}

function misaligned(http: HttpClient, url: string, got: number, sent: number): InvalidResponseError {
  const err = new InvalidResponseError(url, 'content', `batch reply has ${got} entries for ${sent} ids`);
  http.logger.warn(`[sources] ${err.message}`, { url });
  return err;
}

// ---------------------------------------------------------------- endpoints

export interface CitationInfo {
  citations: number | null;
  s2PaperId: string | null;
  title: string | null;
  doi: string | null;
  fetchedAt: string;
}

/**
 * Citation counts for arXiv ids, ⌈N/500⌉ POSTs to /paper/batch. Every requested id is in the map
 * (keyed as given, duplicates once); ids S2 does not know have `citations: null`.
 */
export async function citationCounts(http: HttpClient, arxivIds: string[], opts?: S2Options): Promise<Map<string, CitationInfo>> {
  const ids = [...new Set(arxivIds.map((s) => s.trim()).filter((s) => s !== ''))];
  const out = new Map<string, CitationInfo>();
  const url = `${S2_API}/paper/batch?fields=citationCount,externalIds,title`;
  for (let i = 0; i < ids.length; i += S2_BATCH_SIZE) {
    const chunk = ids.slice(i, i + S2_BATCH_SIZE);
    const reply = await http.postJson(url, { ids: chunk.map((id) => `ARXIV:${normaliseArxivId(id)}`) }, S2PaperBatch, headers(opts));
    if (reply.length !== chunk.length) throw misaligned(http, url, reply.length, chunk.length);
    const fetchedAt = fetchTime(opts);
    chunk.forEach((id, k) => {
      const p = reply[k] ?? null;
      out.set(id, {
        citations: typeof p?.citationCount === 'number' ? p.citationCount : null,
        s2PaperId: p?.paperId ?? null,
        title: p?.title ?? null,
        doi: p ? s2PaperIds(p).doi : null,
        fetchedAt,
      });
    });
  }
  return out;
}

export interface S2AuthorLink {
  authorId: string | null;
  name: string;
}

/** The authors S2 links to an arXiv paper, in order; null when S2 does not know the paper (404). */
export async function paperAuthors(http: HttpClient, arxivId: string, opts?: S2Options): Promise<S2AuthorLink[] | null> {
  const url = `${S2_API}/paper/${encodeArxiv(normaliseArxivId(arxivId))}?fields=authors`;
  try {
    const reply = await http.getJson(url, S2PaperAuthors, headers(opts));
    return reply.authors.flatMap((a) => {
      const name = str(a.name);
      return name ? [{ authorId: a.authorId ?? null, name }] : [];
    });
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
}

export interface S2AuthorProfile {
  authorId: string;
  name: string | null;
  url: string;
  affiliations: string[];
  paperCount: number | null;
  citationCount: number | null;
  hIndex: number | null;
  /** DBLP names, ORCID, … as S2 gives them (strings; arrays joined by the caller if needed). */
  externalIds: Record<string, string[]>;
  fetchedAt: string;
}

/** An S2 author profile; null on 404. */
export async function author(http: HttpClient, id: string, opts?: S2Options): Promise<S2AuthorProfile | null> {
  const url = `${S2_API}/author/${encodeURIComponent(id)}?fields=name,affiliations,paperCount,citationCount,hIndex,externalIds`;
  let a: S2Author;
  try {
    a = await http.getJson(url, S2Author, headers(opts));
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
  const externalIds: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(a.externalIds ?? {})) {
    const vals = (Array.isArray(v) ? v : [v]).map(str).filter((s): s is string => s !== null);
    if (vals.length) externalIds[k] = vals;
  }
  return {
    authorId: a.authorId,
    name: str(a.name),
    url: a.url ?? `https://www.semanticscholar.org/author/${a.authorId}`,
    affiliations: (a.affiliations ?? []).filter((s) => s.trim() !== ''),
    paperCount: a.paperCount ?? null,
    citationCount: a.citationCount ?? null,
    hIndex: a.hIndex ?? null,
    externalIds,
    fetchedAt: fetchTime(opts),
  };
}

export const AUTHOR_PAPERS_FIELDS = 'title,externalIds,citationCount,year,authors';

/** Every paper of an S2 author (100 per request, following `next` until absent), as {@link Paper}s. */
export async function authorPapers(http: HttpClient, id: string, opts?: S2Options): Promise<Paper[]> {
  const papers: Paper[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_AUTHOR_PAGES; page++) {
    const url = `${S2_API}/author/${encodeURIComponent(id)}/papers?fields=${AUTHOR_PAPERS_FIELDS}&limit=100&offset=${offset}`;
    const reply = await http.getJson(url, S2AuthorPapersPage, headers(opts));
    const fetchedAt = fetchTime(opts);
    for (const p of reply.data) papers.push(s2ToPaper(p, fetchedAt));
    const next = reply.next;
    if (next == null || next <= offset) break;
    offset = next;
  }
  return papers;
}

/** The author batch endpoint accepts at most 1000 ids per call. */
export const S2_AUTHOR_BATCH_SIZE = 1000;

/** POST /author/batch: aligned with the ids sent, `null` for unknown ids. */
export const S2AuthorBatch = z.array(S2AuthorRef.nullable());

/**
 * Several authors at once (⌈N/1000⌉ POSTs to /author/batch), keyed by the ids as given; `null` for
 * ids S2 does not know. `fields` defaults to `name`; the values keep whatever fields S2 returns.
 */
export async function authorsBatch(
  http: HttpClient,
  authorIds: string[],
  opts?: S2Options & { fields?: string },
): Promise<Map<string, S2AuthorRef | null>> {
  const ids = [...new Set(authorIds.map((s) => s.trim()).filter((s) => s !== ''))];
  const out = new Map<string, S2AuthorRef | null>();
  const url = `${S2_API}/author/batch?fields=${opts?.fields ?? 'name'}`;
  for (let i = 0; i < ids.length; i += S2_AUTHOR_BATCH_SIZE) {
    const chunk = ids.slice(i, i + S2_AUTHOR_BATCH_SIZE);
    const reply = await http.postJson(url, { ids: chunk }, S2AuthorBatch, headers(opts));
    if (reply.length !== chunk.length) throw misaligned(http, url, reply.length, chunk.length);
    chunk.forEach((id, k) => out.set(id, reply[k] ?? null));
  }
  return out;
}
