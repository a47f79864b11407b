/**
 * arXiv metadata by id through the arXiv API (`export.arxiv.org/api/query?id_list=…`), ≤ 100 ids
 * per request, parsed with the Atom parser the site adapter uses. The host rule (1 request / 3 s,
 * one connection) comes from the HTTP client.
 */
import type { Paper } from '../schema';
import { parseAtom } from '../sites/arxiv-atom';
import { InvalidResponseError, type HttpClient } from './http';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
export const ARXIV_BATCH_SIZE = 100;

/** New-style (`2106.09608`, optional `v2`) and old-style (`hep-th/9901001`) arXiv ids. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i;

export function isArxivId(id: string): boolean {
  return ARXIV_ID.test(id);
}

/**
 * Papers for the given ids, in the order arXiv returns them (ids arXiv does not know are simply
 * absent). Malformed ids are dropped before the request — one bad id makes arXiv answer the whole
 * query with an error entry. ⌈N/100⌉ requests for N distinct valid ids.
 */
export async function fetchArxivMetadata(http: HttpClient, ids: string[], opts?: { now?: () => Date }): Promise<Paper[]> {
  const valid = [...new Set(ids.map((s) => s.trim().replace(/^arxiv:/i, '')).filter(isArxivId))];
  const papers: Paper[] = [];
  for (let i = 0; i < valid.length; i += ARXIV_BATCH_SIZE) {
    const batch = valid.slice(i, i + ARXIV_BATCH_SIZE);
    const url = `${ARXIV_API}?id_list=${batch.join(',')}&max_results=${batch.length}`;
    const xml = await http.getText(url);
    const outcome = parseAtom(xml, url, opts?.now?.() ?? new Date());
    if (!outcome.ok) {
      const err = new InvalidResponseError(url, 'content', outcome.reason);
      http.logger.warn(`[sources] ${err.message}`, { url, body: xml.slice(0, 200) });
      throw err;
    }
    papers.push(...outcome.papers);
  }
  return papers;
}
