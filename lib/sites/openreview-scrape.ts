/**
 * OpenReview adapter (openreview.net), the Zod-free half: URLs and the page reader, what the
 * OpenReview content script runs (`./openreview.ts` re-exports it and adds the validating `parse`
 * and the API reader, `profileFromOpenReview`; see ./draft.ts). Profile pages
 * `/profile?id=~First_Last1` → 'author'; forum pages `/forum?id=<note id>` → 'abs'; anything else → null.
 * Pure: no network, no storage; never throws.
 */
import type { PageType } from '../schema';
import { collapse, httpUrl as toUrl } from './arxiv-html';
import type { ParseDraft } from './draft';
import type { PageRead } from './page-read';
import { citationMeta, paperFromCitationMeta } from './semanticscholar-page-meta';

export const site = 'openreview';
export const OPENREVIEW = 'https://openreview.net';

// ---------------------------------------------------------------- URLs

function isWeb(u: URL | null): u is URL {
  return !!u && /^(?:www\.)?openreview\.net$/i.test(u.hostname);
}

/** An OpenReview profile id (`~First_Last1`). */
export const PROFILE_ID = /^~[^\s~/?#&]+$/;
const NOTE_ID = /^[A-Za-z0-9_-]{5,}$/;

/** A page on openreview.net (not the API hosts). */
export function matches(url: string): boolean {
  return isWeb(toUrl(url));
}

/** `https://openreview.net/profile?id=~Jaeseong_You1` → `~Jaeseong_You1`, else null. */
export function openReviewIdFromUrl(url: string): string | null {
  const u = toUrl(url);
  if (!isWeb(u) || !/^\/profile\/?$/.test(u.pathname)) return null;
  const id = collapse(u.searchParams.get('id'));
  return PROFILE_ID.test(id) ? id : null;
}

/** `https://openreview.net/forum?id=k7l7p1yVZj` → `k7l7p1yVZj`, else null. */
export function openReviewForumIdFromUrl(url: string): string | null {
  const u = toUrl(url);
  if (!isWeb(u) || !/^\/forum\/?$/.test(u.pathname)) return null;
  const id = collapse(u.searchParams.get('id'));
  return NOTE_ID.test(id) ? id : null;
}

export function pageType(url: string): PageType | null {
  if (openReviewIdFromUrl(url)) return 'author';
  if (openReviewForumIdFromUrl(url)) return 'abs';
  return null;
}

/** The notes endpoints of the API (v2 `api2.openreview.net`, v1 `api.openreview.net`): `/notes`, `/notes/search`. */
export function isOpenReviewApiUrl(url: string): boolean {
  const u = toUrl(url);
  return !!u && /^api2?\.openreview\.net$/i.test(u.hostname) && /^\/notes(?:\/search)?\/?$/.test(u.pathname);
}

export function profileUrl(id: string): string {
  return `${OPENREVIEW}/profile?id=${encodeURIComponent(id)}`;
}

/** `~Jaeseong_You1` → `Jaeseong You` (the name a profile id is made of). */
export function nameFromProfileId(id: string): string {
  return collapse(id.replace(/^~/, '').replace(/\d+$/, '').replace(/_/g, ' '));
}

// ---------------------------------------------------------------- pages

export const API_REASON = 'data comes from the OpenReview API';

function fail(url: string, reason: string): ParseDraft {
  return { ok: false, site, url: String(url), reason };
}

/**
 * Read an OpenReview page into a draft (not validated: `parse` in ./openreview.ts validates it, the
 * background validates what the content script sends). Profile pages are `Unrecognised`
 * ({@link API_REASON}: the API reply is read by `profileFromOpenReview`); forum pages are read from
 * their `citation_*` meta tags. Never throws.
 */
export function scrape(doc: Document, url: string): ParseDraft {
  try {
    const type = pageType(url);
    if (!type) return fail(url, matches(url) ? 'not a supported OpenReview page' : 'not an OpenReview URL');
    if (type === 'author') return fail(url, `${API_REASON} (profile ${openReviewIdFromUrl(url)})`);
    const forumId = openReviewForumIdFromUrl(url);
    if (!doc?.documentElement || !forumId) return fail(url, 'empty document');
    const meta = citationMeta(doc, url);
    if (!meta) return fail(url, `${API_REASON} (forum page without citation meta tags)`);
    const now = new Date().toISOString();
    const { paper, authors } = paperFromCitationMeta(meta, { fallbackId: `openreview:${forumId}`, canonical: `${OPENREVIEW}/forum?id=${forumId}`, source: 'openreview', fetchedAt: now });
    return { ok: true, site, pageType: 'abs', url: String(url), author: null, authors, papers: [paper], total: null, title: meta.title, scrapedAt: now };
  } catch (e) {
    return fail(url, `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * What the content script runs. These pages are small, so they are read into drafts in the page
 * (the long ones are read raw: ./raw-schema.ts).
 */
export function read(doc: Document, url: string): PageRead {
  return scrape(doc, url);
}
