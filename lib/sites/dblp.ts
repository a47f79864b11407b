/**
 * DBLP adapter (dblp.org and its mirrors dblp.uni-trier.de, dblp.dagstuhl.de): everything in
 * `./dblp-scrape.ts` (URLs, the HTML page reader; Zod- and xmldom-free, so the content script can
 * use it) plus `parse`, the validated reading, and the text feeds: {@link parseDblpXml} (person and
 * record XML exports; works in a service worker) and {@link parseDblpSearchJson} (publication search
 * API). The pages and decisions are documented in `./dblp-scrape.ts`; ids, names, titles, venues in
 * `./dblp-record.ts`. Pure: no network, no storage; never throws.
 */
import type { ParseOutcome } from '../schema';
import { checkedOutcome } from './checked';
import { isDblpPublSearchApiUrl, parseDblpSearchJson } from './dblp-api';
import { isDblpXmlUrl, isXmlExport, scrape, type XmlTabReader } from './dblp-scrape';
import { parseDblpXml } from './dblp-xml';

export * from './dblp-scrape';
export { dblpCoauthors, dblpPersonInfo, parseDblpXml, type DblpCoauthor, type DblpHomonym, type DblpPersonInfo } from './dblp-xml';
export { DblpPublSearch, isDblpPublSearchApiUrl, parseDblpSearchJson } from './dblp-api';
export { displayName as dblpDisplayName, draftIds as dblpDraftIds, pidUrl as dblpPidUrl } from './dblp-record';

/** The DBLP text feeds (XML exports, publication search API) with their parsers, for the registry. */
export const dblpFeeds = [
  { matches: isDblpXmlUrl, parse: (text: string, url: string): ParseOutcome => parseDblpXml(text, url) },
  { matches: isDblpPublSearchApiUrl, parse: (text: string, url: string): ParseOutcome => parseDblpSearchJson(text, url) },
] as const;

/**
 * The XML export shown in a tab, serialised and read by {@link parseDblpXml} (which validates it;
 * `parse` validating its answer again changes nothing). Null when the document is not an export or
 * cannot be serialised here.
 */
const serialisedXml: XmlTabReader = (doc, url) => {
  if (!isXmlExport(doc) || typeof XMLSerializer === 'undefined') return null;
  return parseDblpXml(new XMLSerializer().serializeToString(doc), url);
};

/** Read a DBLP page and validate it with `ParseOutcome`. Never throws; anything unexpected is `{ ok: false, reason }`. */
export function parse(doc: Document, url: string): ParseOutcome {
  return checkedOutcome(scrape(doc, url, serialisedXml), url);
}
