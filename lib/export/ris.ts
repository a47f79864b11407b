/**
 * Papers as RIS, one record per paper: `TAG  - value` lines (CRLF), each record from `TY` to
 * `ER  - `, a blank line between records.
 *
 * Tags: TY (JOUR when the paper has a journal reference or a DOI, else UNPB, "unpublished work",
 * for a preprint), AU (one per author, `Family, Given` where the name splits, else as given),
 * TI, PY (year), DA (YYYY/MM/DD), JO (journal reference), AB (abstract), UR (abs page, http(s)
 * only), DO, ER. A value is one line: line breaks (CR, LF, U+2028, …) and other controls become
 * spaces, so no value can start a tag of its own. Empty values are left out.
 */
import { isSafeHttpUrl } from '../format';
import type { Paper } from '../schema';
import { dateParts, oneLine, paperYear, splitName } from './text';

/** An author for AU: `Family, Given` (with `, Jr.`), or the name as given. */
export function risName(name: string): string {
  const split = splitName(name);
  if ('literal' in split) return split.literal;
  return `${split.family}, ${split.given}${split.suffix ? `, ${split.suffix}` : ''}`;
}

function record(paper: Paper): string {
  const lines: string[] = [];
  const tag = (name: string, value: string | number | null | undefined) => {
    const v = value === null || value === undefined ? '' : oneLine(String(value));
    if (v !== '') lines.push(`${name}  - ${v}`);
  };
  const doi = paper.doi ?? paper.links.doi;
  const journal = paper.journalRef && oneLine(paper.journalRef) !== '' ? paper.journalRef : null;
  tag('TY', journal !== null || doi !== null ? 'JOUR' : 'UNPB');
  for (const author of paper.authors) tag('AU', risName(author));
  tag('TI', paper.title);
  tag('PY', paperYear(paper));
  const parts = dateParts(paper);
  if (parts && parts.length === 3) tag('DA', parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('/'));
  tag('JO', journal);
  tag('AB', paper.abstract);
  if (isSafeHttpUrl(paper.links.abs)) tag('UR', paper.links.abs);
  tag('DO', doi);
  lines.push('ER  - ');
  return lines.join('\r\n');
}

export function exportRis(papers: readonly Paper[]): string {
  return papers.map((p) => `${record(p)}\r\n`).join('\r\n');
}
