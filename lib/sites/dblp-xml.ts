/**
 * DBLP XML: the person export `dblp.org/pid/<pid>.xml` (`<dblpperson>`) and the record export
 * `dblp.org/rec/<key>.xml` (`<dblp>` with one record). Parsed with `@xmldom/xmldom`, so it runs in an
 * MV3 service worker (no DOMParser there). Pure; never throws.
 *
 * `<dblpperson name pid n>` holds `<person>` (the profile: names, `<note type="affiliation">`,
 * `<url>` links incl. ORCID), optional `<homonyms>` (other people of the same name, each `<h>` with a
 * `<person>`, `publtype="disambiguation"` for DBLP's catch-all page of that name), one `<r>` per
 * record (article, inproceedings, proceedings, …; key, mdate, authors with `@pid`, title, year,
 * journal|booktitle, volume, number, pages, `ee` links) and `<coauthors>`.
 *
 * Records an author only edited (proceedings) list their editors as authors, as DBLP counts them in
 * the person's `n`. Paper ids, names, titles, venues: see `./dblp-record.ts`. The reading itself is in
 * `./dblp-xml-read.ts` (it works on any element tree; the DBLP content script reads an export shown
 * in a tab from the browser's DOM with it); this module parses text and validates.
 */
import { parseXmlRoot } from '../xml';
import type { ParseOutcome } from '../schema';
import { checkedOutcome } from './checked';
import { type DblpCoauthor, type DblpPersonInfo, type Element, coauthorsOf, dblpXmlDraft, personInfo, unrecognised } from './dblp-xml-read';

export { recordDraft, type DblpCoauthor, type DblpHomonym, type DblpPersonInfo } from './dblp-xml-read';

// ---------------------------------------------------------------- XML helpers

class XmlError extends Error {}

function parseXml(xml: string): Element {
  const parsed = parseXmlRoot(xml);
  if ('error' in parsed) throw new XmlError(parsed.error);
  return parsed.root;
}

// ---------------------------------------------------------------- the person

/** The profile part of a person export (affiliations, ORCID, homonyms), or null when it is not one. */
export function dblpPersonInfo(xml: string): DblpPersonInfo | null {
  try {
    const info = personInfo(parseXml(xml));
    return typeof info === 'string' ? null : info;
  } catch {
    return null;
  }
}

/** The `<coauthors>` of a person export, in DBLP's order; [] when there are none or it is not one. */
export function dblpCoauthors(xml: string): DblpCoauthor[] {
  try {
    return coauthorsOf(parseXml(xml));
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- entry point

/**
 * A DBLP XML export as a ScrapeResult: a person export (`pageType` 'author', `author` the person,
 * `total` DBLP's record count `n`) or a record export (`<dblp>`, 'abs'). Never throws.
 */
export function parseDblpXml(xml: string, url: string, now: Date = new Date()): ParseOutcome {
  try {
    return checkedOutcome(dblpXmlDraft(parseXml(xml), url, now), url);
  } catch (e) {
    return unrecognised(url, e instanceof XmlError ? e.message : `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
