/**
 * arXiv page adapter: everything in `./arxiv-scrape.ts` (URLs, names, the page readers; Zod-free, so
 * the content script can use it without the schemas) plus `parse`, the validated reading. The
 * decisions the readers take are documented there.
 */
import type { ParseOutcome } from '../schema';
import { scrape } from './arxiv-scrape';
import { checkedOutcome } from './checked';

export * from './arxiv-scrape';

/** Read a page and validate it with `ParseOutcome`. Never throws; anything unexpected is `{ ok: false, reason }`. */
export function parse(doc: Document, url: string): ParseOutcome {
  return checkedOutcome(scrape(doc, url), url);
}
