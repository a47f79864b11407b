/**
 * What a content script does on a page, independent of the browser APIs (which are passed in):
 * scrape with the site's adapter, hand the result to the background, then show the overlay card
 * (pages about an author or a search) or badges after cached authors' names (abs and listing pages).
 *
 * Content scripts pass the adapter's Zod-free reader (lib/sites/<site>-scrape.ts): its draft is
 * validated by the background when it arrives (lib/sites/draft.ts); a raw read (the pages that list
 * many papers, lib/sites/raw-schema.ts) is finished there first. A validated `parse` fits too.
 */
import type { AuthorSummary } from '../protocol';
import type { AuthorRef, Profile } from '../schema';
import type { ScrapeDraft } from '../sites/draft';
import { type PageRead, type RawRead, isRawRead } from '../sites/page-read';
import { MessageError } from './client';

export interface PageDeps {
  read: (doc: Document, url: string) => PageRead;
  findAuthorAnchors: (doc: Document) => { anchor: HTMLAnchorElement; ref: AuthorRef }[];
  ingest: (scrape: ScrapeDraft) => Promise<Profile | null>;
  /** A raw read, finished by the background; `reason`: it did not recognise the page after all. */
  ingestRead: (read: RawRead) => Promise<{ profile: Profile | null; reason: string | null }>;
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
  const unrecognised = async (reason: string): Promise<PageOutcome> => {
    const remote = deps.fetchRemote ? await deps.fetchRemote(url) : null;
    if (remote) {
      await deps.showOverlay(remote);
      return { kind: 'overlay', papers: remote.papers.length };
    }
    deps.log?.(`Scholar Lens: page not recognised (${reason})`);
    return { kind: 'unrecognised', reason };
  };
  const outcome = deps.read(doc, url);
  if (!outcome.ok) return unrecognised(outcome.reason);
  let profile: Profile | null;
  try {
    if (isRawRead(outcome)) {
      const answer = await deps.ingestRead(outcome);
      if (answer.reason !== null) return unrecognised(answer.reason);
      profile = answer.profile;
    } else {
      profile = await deps.ingest(outcome);
    }
  } catch (err) {
    // The background validates the draft: one it rejects is a page not recognised, as it was when
    // the adapter validated its own output here.
    if (err instanceof MessageError && err.code === 'invalid_message') return unrecognised(`output failed validation: ${err.message}`);
    throw err;
  }
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
