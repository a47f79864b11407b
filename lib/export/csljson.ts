/**
 * Papers as CSL-JSON (the citation-style-language data format Zotero, Mendeley, Pandoc and
 * citation-js read), one item per paper.
 *
 * - `type`: `article-journal` with `container-title` (the journal reference) when the paper has a
 *   journal reference or a DOI; otherwise `article` (CSL's type for a preprint) with
 *   `publisher: "arXiv"` for arXiv papers (Zotero's preprint "Repository").
 * - `id`: the same citation key as the BibTeX export.
 * - `author`: `{ family, given[, suffix] }` where the name splits, else `{ literal }` (one-word
 *   names, East Asian scripts) — see `splitName`.
 * - `issued`: `{ "date-parts": [[y, m, d]] }` from the publication date, else `[[year]]`.
 * - `number`: `arXiv:<id>` (what Zotero reads as a preprint's archive id), `DOI`, `URL` (abs page,
 *   http(s) only), `abstract`.
 * Text is kept exactly (JSON escapes it); only names lose line breaks.
 */
import { isSafeHttpUrl } from '../format';
import type { Paper } from '../schema';
import { citationKeys } from './bibtex';
import { dateParts, oneLine, splitName } from './text';

export type CslName = { family: string; given: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: 'article' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
}

export function cslItem(paper: Paper, id: string): CslItem {
  const doi = paper.doi ?? paper.links.doi;
  const journal = paper.journalRef && oneLine(paper.journalRef) !== '' ? paper.journalRef : null;
  const isArticle = journal !== null || doi !== null;
  const item: CslItem = { id, type: isArticle ? 'article-journal' : 'article', title: paper.title };
  const authors = paper.authors.filter((a) => oneLine(a) !== '').map(splitName);
  if (authors.length > 0) item.author = authors;
  const parts = dateParts(paper);
  if (parts) item.issued = { 'date-parts': [parts] };
  if (journal !== null) item['container-title'] = journal;
  if (paper.arxivId !== null) {
    if (!isArticle) item.publisher = 'arXiv';
    item.number = `arXiv:${paper.arxivId}`;
  }
  if (doi !== null) item.DOI = doi;
  if (isSafeHttpUrl(paper.links.abs)) item.URL = paper.links.abs;
  if (paper.abstract !== null && paper.abstract !== '') item.abstract = paper.abstract;
  return item;
}

export function cslItems(papers: readonly Paper[]): CslItem[] {
  const keys = citationKeys(papers);
  return papers.map((p, i) => cslItem(p, keys[i]!));
}

export function exportCslJson(papers: readonly Paper[]): string {
  return `${JSON.stringify(cslItems(papers), null, 2)}\n`;
}
