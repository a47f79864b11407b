/**
 * What a content script does on a page, independent of the browser APIs (which are passed in):
 * scrape with the site's adapter, hand the result to the background, then show the overlay card
 * (pages about an author or a search) or badges after cached authors' names (abs and listing pages).
 */
import type { AuthorSummary } from '../protocol';
import type { AuthorRef, ParseOutcome, Profile, ScrapeResult } from '../schema';

export interface PageDeps {
  parse: (doc: Document, url: string) => ParseOutcome;
  findAuthorAnchors: (doc: Document) => { anchor: HTMLAnchorElement; ref: AuthorRef }[];
  ingest: (scrape: ScrapeResult) => Promise<Profile | null>;
  /** App pages (no data in the page): ask the background to read the site's API instead. */
  fetchRemote?: (url: string) => Promise<Profile | null>;
  lookup: (refs: AuthorRef[]) => Promise<(AuthorSummary & { index: number })[]>;
  showOverlay: (profile: Profile) => Promise<void>;
  showBadge: (anchor: HTMLAnchorElement, summary: AuthorSummary) => Promise<void>;
  log?: (message: string) => void;
}

export type PageOutcome =
  | { kind: 'unrecognised'; reason: string }
  | { kind: 'overlay'; papers: number }
  | { kind: 'badges'; badges: number };

export async function runPage(doc: Document, url: string, deps: PageDeps): Promise<PageOutcome> {
  const outcome = deps.parse(doc, url);
  if (!outcome.ok) {
    const remote = deps.fetchRemote ? await deps.fetchRemote(url) : null;
    if (remote) {
      await deps.showOverlay(remote);
      return { kind: 'overlay', papers: remote.papers.length };
    }
    deps.log?.(`Scholar Lens: page not recognised (${outcome.reason})`);
    return { kind: 'unrecognised', reason: outcome.reason };
  }
  const profile = await deps.ingest(outcome);
  if ((outcome.pageType === 'author' || outcome.pageType === 'search') && profile) {
    await deps.showOverlay(profile);
    return { kind: 'overlay', papers: profile.papers.length };
  }
  const anchors = deps.findAuthorAnchors(doc);
  if (anchors.length === 0) return { kind: 'badges', badges: 0 };
  const found = await deps.lookup(anchors.map((a) => a.ref));
  for (const hit of found) {
    const target = anchors[hit.index];
    if (target) await deps.showBadge(target.anchor, hit);
  }
  return { kind: 'badges', badges: found.length };
}
