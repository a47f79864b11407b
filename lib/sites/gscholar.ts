/**
 * Google Scholar profile adapter: everything in `./gscholar-scrape.ts` (URLs, the profile reader;
 * Zod-free, so the content script can use it without the schemas) plus the validated `parse` and
 * `parseReported`, `scholarAuthor`, and the sidebar and URL helpers. The decisions the reader takes
 * are documented there.
 */
import { type Author, type ParseOutcome, ReportedMetric } from '../schema';
import { checkedOutcome } from './checked';
import { pageType, reportedDraft, scrape } from './gscholar-scrape';
import { scholarProfileInfo } from './gscholar-sidebar';
import { profileUrl, scholarUserId } from './gscholar-url';

export * from './gscholar-scrape';
export { scholarCoauthors, scholarHistogram, scholarInt, scholarProfileInfo, scholarStats } from './gscholar-sidebar';
export type { ScholarCoauthor, ScholarProfileInfo, ScholarStats, YearCitations } from './gscholar-sidebar';
export { citationViewUrl, isProfileUrl, profileUrl, scholarUserId } from './gscholar-url';

/** Read a profile page and validate it with `ParseOutcome`. Never throws; anything unexpected is `{ ok: false, reason }`. */
export function parse(doc: Document, url: string): ParseOutcome {
  return checkedOutcome(scrape(doc, url), url);
}

// ---------------------------------------------------------------- what the lead wires in

/**
 * The "Cited by" table as source-reported metrics (the schema's ScrapeResult has no field for
 * them): citations, h, i10 (all time) and citationsSince, hSince, i10Since (the since-year is in
 * `scholarStats(doc).since.year`). [] for a non-profile URL or an unreadable table. Never throws.
 */
export function parseReported(doc: Document, url: string, now: Date = new Date()): ReportedMetric[] {
  try {
    return reportedDraft(doc, url, now).map((m) => ReportedMetric.parse(m));
  } catch {
    return [];
  }
}

/**
 * The profile's author as an `Author` record (`gscholar:<user>`, `ids.googleScholar`, the
 * affiliation line) for the lead to store; null when the page is not a readable profile.
 */
export function scholarAuthor(doc: Document, url: string): Author | null {
  try {
    const user = scholarUserId(url);
    const info = pageType(url) === 'author' ? scholarProfileInfo(doc, url) : null;
    if (!user || !info) return null;
    return { id: `gscholar:${user}`, name: info.name, ids: { googleScholar: user }, affiliations: info.affiliation ? [info.affiliation] : [], url: profileUrl(user) };
  } catch {
    return null;
  }
}
