/**
 * Semantic Scholar website adapter (www.semanticscholar.org).
 *
 * - Author pages `/author/<name-slug>/<numeric id>` (also `/author/<id>`, the form the Graph API's
 *   `url` gives) → 'author'; paper pages `/paper/<slug>/<40-hex id>` (also `/paper/<id>`) → 'abs';
 *   anything else → null.
 * - The site is a client-side app: an author page's HTML has no usable list of papers, so `parse`
 *   answers `Unrecognised` ("data comes from the Graph API") and the background fetches the author
 *   from the Graph API (`/author/{id}?fields=…,papers.…`, then `/author/{id}/papers` pages), whose
 *   replies {@link profileFromS2} turns into the page's ScrapeResult. A paper page is read from its
 *   `citation_*` meta tags when the server rendered them, else it is `Unrecognised` too.
 * - Papers go through `s2ToPaper` (`lib/sources/semanticscholar.ts`): id = arXiv id, else DOI
 *   lower-cased, else `s2:<paperId>`; citation counts with source 'semanticscholar'.
 *
 * URLs and the page reader are in `./semanticscholar-scrape.ts` (Zod-free: what the content script runs).
 * Pure: no network, no storage; never throws.
 */
import { z } from 'zod';
import { type AuthorRef, type Paper, ParseOutcome, type ReportedMetric } from '../schema';
import { S2Author, S2AuthorPapersPage, S2Paper, s2ToPaper } from '../sources/semanticscholar';
import { collapse, httpUrl as toUrl } from './arxiv-html';
import { checkedOutcome } from './checked';
import { s2AuthorIdFromUrl, s2AuthorUrl, scrape, site, unrecognised as fail } from './semanticscholar-scrape';

export {
  GRAPH_API_REASON, S2_WEB, matches, pageType, read, s2AuthorIdFromUrl, s2AuthorUrl, s2PaperIdFromUrl, site,
} from './semanticscholar-scrape';

function validated(result: unknown, url: string): ParseOutcome {
  const checked = ParseOutcome.safeParse(result);
  if (!checked.success) return fail(url, `output failed validation: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return checked.data;
}

/**
 * Read a Semantic Scholar page (`scrape`) and validate it with `ParseOutcome`. Author pages (and
 * paper pages without `citation_*` tags) are `Unrecognised` with reason {@link GRAPH_API_REASON}:
 * their data comes from the Graph API ({@link profileFromS2}). Never throws.
 */
export function parse(doc: Document, url: string): ParseOutcome {
  return checkedOutcome(scrape(doc, url), url, 3);
}

// ---------------------------------------------------------------- Graph API answers

/** GET /author/{id}?fields=…,papers,papers.…: the author record, papers embedded when asked for. */
export const S2AuthorWithPapers = S2Author.extend({ papers: z.array(S2Paper).nullish() });
export type S2AuthorWithPapers = z.infer<typeof S2AuthorWithPapers>;

/** One more reply with papers: an `/author/{id}/papers` page (`{offset, next, data}`) or a bare array of papers. */
const S2PapersReply = z.union([S2AuthorPapersPage, z.array(S2Paper)]);

function issues(e: z.ZodError): string {
  return e.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function asJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * A paper's year as S2 states it when it is plausible (1900–2100), else null: a reply whose fields
 * got mixed up (`"year": 2`, a count where the year should be) gives no year rather than a wrong one.
 */
function plausibleYear(y: number | null | undefined): number | null {
  return typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2100 ? y : null;
}

/** The author id an API URL (`…/graph/v1/author/2262347?fields=…`, `…/author/2262347/papers`) names. */
function apiAuthorId(url: string): string | null {
  const u = toUrl(url);
  if (!u || !/^api\.semanticscholar\.org$/i.test(u.hostname)) return null;
  return /^\/graph\/v1\/author\/(\d+)(?:\/papers)?\/?$/.exec(u.pathname)?.[1] ?? null;
}

/** `https://api.semanticscholar.org/graph/v1/author/<id>?fields=…` (the author record, not its /papers pages): a feed for {@link profileFromS2}. */
export function isS2AuthorApiUrl(url: string): boolean {
  const id = apiAuthorId(url);
  return id !== null && !/\/papers\/?$/.test(toUrl(url)?.pathname ?? '');
}

/**
 * Graph API answers about one author as the author page's ScrapeResult: `author` is the S2 author
 * (url `https://www.semanticscholar.org/author/<id>`), `papers` the embedded papers followed by
 * those of `papersJson` (each an `/author/{id}/papers` page or an array of papers), one per paper
 * id (first kept), `total` S2's `paperCount`; a paper year (or publication date) outside 1900–2100
 * is taken as unknown. JSON may be given parsed or as text. When `url` names
 * an author (a web page or an API URL) it must be the same author. Never throws.
 */
export function profileFromS2(authorJson: unknown, papersJson: readonly unknown[], url: string, now: Date = new Date()): ParseOutcome {
  try {
    let raw: unknown;
    try {
      raw = asJson(authorJson);
    } catch (e) {
      return fail(url, `author reply is not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const a = S2AuthorWithPapers.safeParse(raw);
    if (!a.success) return fail(url, `not a Semantic Scholar author record: ${issues(a.error)}`);
    const author = a.data;
    const named = s2AuthorIdFromUrl(url) ?? apiAuthorId(url);
    if (named && named !== author.authorId) return fail(url, `the URL names author ${named}, the reply is author ${author.authorId}`);

    const s2Papers: S2Paper[] = [...(author.papers ?? [])];
    for (const [i, reply] of (papersJson ?? []).entries()) {
      let value: unknown;
      try {
        value = asJson(reply);
      } catch (e) {
        return fail(url, `papers reply ${i + 1} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      const page = S2PapersReply.safeParse(value);
      if (!page.success) return fail(url, `papers reply ${i + 1} is not a list of papers: ${issues(page.error)}`);
      s2Papers.push(...(Array.isArray(page.data) ? page.data : page.data.data));
    }

    const fetchedAt = now.toISOString();
    const byId = new Map<string, Paper>();
    const seenS2 = new Set<string>();
    for (const p of s2Papers) {
      if (seenS2.has(p.paperId)) continue;
      seenS2.add(p.paperId);
      const paper = s2ToPaper({ ...p, year: plausibleYear(p.year), publicationDate: plausibleYear(Number(p.publicationDate?.slice(0, 4))) ? p.publicationDate : null }, fetchedAt);
      if (!byId.has(paper.id)) byId.set(paper.id, paper);
    }
    const papers = [...byId.values()];
    const refs = new Map<string, AuthorRef>();
    for (const p of papers) {
      p.authors.forEach((name, i) => {
        const aurl = p.authorUrls[i] ?? null;
        const k = aurl ?? `name:${name}`;
        if (!refs.has(k)) refs.set(k, { name, url: aurl, arxivId: null, query: null });
      });
    }
    const name = collapse(author.name) || author.authorId;
    return validated({
      ok: true, site, pageType: 'author', url: String(url),
      author: { name, url: s2AuthorUrl(author.authorId), arxivId: null, query: null },
      authors: [...refs.values()], papers, total: author.paperCount ?? null, title: name, scrapedAt: fetchedAt,
    }, url);
  } catch (e) {
    return fail(url, `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The numbers S2 states for the author: h = hIndex, citations = citationCount, papers = paperCount (absent ones left out); [] when the record is not valid. */
export function reportedFromS2(authorJson: unknown, now: Date = new Date()): ReportedMetric[] {
  let raw: unknown;
  try {
    raw = asJson(authorJson);
  } catch {
    return [];
  }
  const a = S2Author.safeParse(raw);
  if (!a.success) return [];
  const at = now.toISOString();
  const stated: [string, number | null | undefined][] = [['h', a.data.hIndex], ['citations', a.data.citationCount], ['papers', a.data.paperCount]];
  return stated.flatMap(([metric, value]) => (typeof value === 'number' ? [{ metric, value, source: 'semanticscholar' as const, at }] : []));
}
