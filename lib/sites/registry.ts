/**
 * The site adapters, one entry per site. Each adapter is pure: `matches(url)`, `pageType(url)`,
 * `parse(doc, url)`. API feeds that are not HTML (the arXiv Atom API) have text parsers.
 */
import type { ParseOutcome, PageType } from '../schema';
import * as arxiv from './arxiv';
import { isAtomUrl, parseAtom } from './arxiv-atom';
import * as dblp from './dblp';
import * as gscholar from './gscholar';
import * as openreview from './openreview';
import type { PageRead } from './page-read';
import * as semanticscholar from './semanticscholar-page';

export interface SiteAdapter {
  site: string;
  matches(url: string): boolean;
  pageType(url: string): PageType | null;
  parse(doc: Document, url: string): ParseOutcome;
  /** What the site's content script runs (./page-read.ts): a draft, or a raw read the background finishes. */
  read(doc: Document, url: string): PageRead;
}

export const adapters: readonly SiteAdapter[] = [arxiv, gscholar, dblp, semanticscholar, openreview];

export function adapterFor(url: string): SiteAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}

export interface FeedParser {
  matches(url: string): boolean;
  parse(text: string, url: string): ParseOutcome;
}

export const feeds: readonly FeedParser[] = [
  { matches: isAtomUrl, parse: parseAtom },
  ...dblp.dblpFeeds,
  { matches: openreview.isOpenReviewApiUrl, parse: (text, url) => openreview.profileFromOpenReview(text, url) },
  { matches: semanticscholar.isS2AuthorApiUrl, parse: (text, url) => semanticscholar.profileFromS2(text, [], url) },
];

/**
 * Parse a saved page or API answer. `toDoc` turns HTML into a Document (DOMParser in a browser,
 * happy-dom in Node), so this runs the same everywhere.
 */
export function parseAny(text: string, url: string, toDoc: (html: string, url: string) => Document): ParseOutcome {
  const feed = feeds.find((f) => f.matches(url));
  if (feed) return feed.parse(text, url);
  const adapter = adapterFor(url);
  if (!adapter) return { ok: false, site: 'unknown', url, reason: `no adapter for ${safeHost(url)}` };
  return adapter.parse(toDoc(text, url), url);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return `an invalid URL (${url.slice(0, 80)})`;
  }
}
