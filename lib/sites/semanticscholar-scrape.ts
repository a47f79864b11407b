/**
 * Semantic Scholar website adapter (www.semanticscholar.org), the Zod-free half: URLs and the page
 * reader, what the Semantic Scholar content script runs (`./semanticscholar-page.ts` re-exports it
 * and adds the validating `parse` and the Graph API readers; see ./draft.ts). Author pages
 * `/author/<name-slug>/<numeric id>` (also `/author/<id>`) → 'author'; paper pages
 * `/paper/<slug>/<40-hex id>` (also `/paper/<id>`) → 'abs'; anything else → null.
 * Pure: no network, no storage; never throws.
 */
import type { PageType, Unrecognised } from '../schema';
import { httpUrl as toUrl } from './arxiv-html';
import type { ParseDraft } from './draft';
import type { PageRead } from './page-read';
import { citationMeta, paperFromCitationMeta } from './semanticscholar-page-meta';

export const site = 'semanticscholar';
export const S2_WEB = 'https://www.semanticscholar.org';

// ---------------------------------------------------------------- URLs

function isS2Web(u: URL | null): u is URL {
  return !!u && /^(?:www\.)?semanticscholar\.org$/i.test(u.hostname);
}

const AUTHOR_PATH = /^\/author\/(?:[^/]+\/)?(\d+)\/?$/;
const PAPER_PATH = /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i;

/** A page on semanticscholar.org (not the API host). */
export function matches(url: string): boolean {
  return isS2Web(toUrl(url));
}

/** `https://www.semanticscholar.org/author/Alan-Turing/2262347` → `2262347`, else null. */
export function s2AuthorIdFromUrl(url: string): string | null {
  const u = toUrl(url);
  return isS2Web(u) ? (AUTHOR_PATH.exec(u.pathname)?.[1] ?? null) : null;
}

/** `https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073…` → the 40-hex id (lower case), else null. */
export function s2PaperIdFromUrl(url: string): string | null {
  const u = toUrl(url);
  return isS2Web(u) ? (PAPER_PATH.exec(u.pathname)?.[1]?.toLowerCase() ?? null) : null;
}

export function pageType(url: string): PageType | null {
  if (s2AuthorIdFromUrl(url)) return 'author';
  if (s2PaperIdFromUrl(url)) return 'abs';
  return null;
}

/** The canonical author page URL for an S2 author id. */
export function s2AuthorUrl(authorId: string): string {
  return `${S2_WEB}/author/${authorId}`;
}

// ---------------------------------------------------------------- the page

export const GRAPH_API_REASON = 'data comes from the Graph API';

/** `Unrecognised` for this site. */
export function unrecognised(url: string, reason: string): Unrecognised {
  return { ok: false, site, url: String(url), reason };
}

/** A paper page from its `citation_*` meta tags. */
function parsePaperPage(doc: Document, url: string, now: string): ParseDraft {
  const paperId = s2PaperIdFromUrl(url);
  const meta = citationMeta(doc, url);
  if (!paperId || !meta) return unrecognised(url, `${GRAPH_API_REASON} (paper page without citation meta tags)`);
  const canonical = `${S2_WEB}/paper/${paperId}`;
  const { paper, authors } = paperFromCitationMeta(meta, { fallbackId: `s2:${paperId}`, canonical: canonical, source: 'semanticscholar', fetchedAt: now });
  return { ok: true, site, pageType: 'abs', url: String(url), author: null, authors, papers: [paper], total: null, title: meta.title, scrapedAt: now };
}

/**
 * Read a Semantic Scholar page into a draft (not validated: `parse` in ./semanticscholar-page.ts
 * validates it, the background validates what the content script sends). Author pages (and paper
 * pages without `citation_*` tags) are `Unrecognised` with reason {@link GRAPH_API_REASON}: their
 * data comes from the Graph API (`profileFromS2`). Never throws.
 */
export function scrape(doc: Document, url: string): ParseDraft {
  try {
    const type = pageType(url);
    if (!type) return unrecognised(url, matches(url) ? 'not a supported Semantic Scholar page' : 'not a Semantic Scholar URL');
    if (type === 'author') return unrecognised(url, `${GRAPH_API_REASON} (author ${s2AuthorIdFromUrl(url)})`);
    if (!doc?.documentElement) return unrecognised(url, 'empty document');
    return parsePaperPage(doc, url, new Date().toISOString());
  } catch (e) {
    return unrecognised(url, `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * What the content script runs. These pages are small, so they are read into drafts in the page
 * (the long ones are read raw: ./raw-schema.ts).
 */
export function read(doc: Document, url: string): PageRead {
  return scrape(doc, url);
}
