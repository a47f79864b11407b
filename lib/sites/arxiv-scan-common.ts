/**
 * What the readers of arXiv entries (arxiv-entries.ts: listings and author pages) and search
 * results (arxiv-results.ts) share.
 */
import { linkOf } from './arxiv-html';

export const XHTML = 'http://www.w3.org/1999/xhtml';

/** The link parts of the first `href` in `hrefs` that gives any (see `firstLink` in ./arxiv-html.ts). */
export function firstLinkOf(hrefs: readonly (string | null | undefined)[], base: string) {
  for (const h of hrefs) {
    const link = linkOf(h, base);
    if (link) return link;
  }
  return null;
}
