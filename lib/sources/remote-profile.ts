/**
 * Profile pages that are apps (Semantic Scholar, OpenReview): the page carries no data, so the
 * background reads the site's API for the person the URL names and turns the answer into the same
 * ScrapeResult an HTML page would give.
 */
import { openReviewIdFromUrl, profileFromOpenReview } from '../sites/openreview';
import { profileFromS2, reportedFromS2, s2AuthorIdFromUrl } from '../sites/semanticscholar-page';
import type { ParseOutcome } from '../schema';
import type { HttpClient } from './http';
import { S2_API } from './semanticscholar';

export const OPENREVIEW_API = 'https://api2.openreview.net';
const S2_AUTHOR_FIELDS = 'name,url,affiliations,paperCount,citationCount,hIndex,externalIds,'
  + 'papers.title,papers.externalIds,papers.citationCount,papers.year,papers.authors,papers.venue,papers.publicationDate';

/** Whether this page's data comes from an API through the background. */
export function isRemoteProfileUrl(url: string): boolean {
  return s2AuthorIdFromUrl(url) !== null || openReviewIdFromUrl(url) !== null;
}

export async function fetchRemoteProfile(http: HttpClient, url: string, opts: { s2ApiKey?: string | null; now?: Date } = {}): Promise<ParseOutcome> {
  const now = opts.now ?? new Date();
  const s2 = s2AuthorIdFromUrl(url);
  if (s2) {
    const api = `${S2_API}/author/${encodeURIComponent(s2)}?fields=${S2_AUTHOR_FIELDS}`;
    const json = await http.getText(api, opts.s2ApiKey ? { headers: { 'x-api-key': opts.s2ApiKey } } : undefined);
    const outcome = profileFromS2(json, [], url, now);
    return outcome.ok ? { ...outcome, reported: reportedFromS2(json, now) } : outcome;
  }
  const or = openReviewIdFromUrl(url);
  if (or) {
    const api = `${OPENREVIEW_API}/notes?content.authorids=${encodeURIComponent(or)}&limit=1000`;
    return profileFromOpenReview(await http.getText(api), url, { profileId: or, now });
  }
  return { ok: false, site: 'unknown', url, reason: 'not a profile page whose data comes from an API' };
}
