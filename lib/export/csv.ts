/**
 * Papers as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled), written by papaparse's `unparse`, one row per paper. A watchlist
 * export (several profiles) adds a first column, `profile`, naming the profile of each row (a paper
 * on two profiles gets a row for each).
 *
 * Columns: id, arxivId, doi, title, authors (joined with '; '), year, published (YYYY-MM-DD),
 * primaryCategory, categories (joined with '; '), citations, citationsSource, venue (the journal
 * reference), abs, pdf, code (the code links, joined with a space). Unknown values are empty.
 *
 * Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula, and page text is hostile. Every text cell that
 * starts with one of those gets a single quote in front (`=HYPERLINK(…)` → `'=HYPERLINK(…)`), which
 * spreadsheets show as text; the cell is also quoted. Numbers (year, citations) are never prefixed.
 * This is papaparse's `escapeFormulae` with our own pattern: papaparse's default pattern
 * (`/^[=+\-@\t\r].*$/`) misses a cell whose first line starts a formula and that has a second line.
 * Text is otherwise kept exactly (line breaks included, quoted).
 */
import Papa from 'papaparse';
import type { Paper } from '../schema';
import { type ExportableProfile, paperYear, profileName } from './text';

export const CSV_COLUMNS = [
  'id', 'arxivId', 'doi', 'title', 'authors', 'year', 'published', 'primaryCategory', 'categories',
  'citations', 'citationsSource', 'venue', 'abs', 'pdf', 'code',
] as const;

/** A cell a spreadsheet would run as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | null;

function paperRow(paper: Paper): Cell[] {
  return [
    paper.id,
    paper.arxivId,
    paper.doi ?? paper.links.doi,
    paper.title,
    paper.authors.join('; '),
    paperYear(paper),
    paper.published,
    paper.primaryCategory,
    paper.categories.join('; '),
    paper.citations,
    paper.citationsSource,
    paper.journalRef,
    paper.links.abs,
    paper.links.pdf,
    paper.links.code.join(' '),
  ];
}

export interface CsvOptions {
  /** Add the `profile` column (a watchlist export). */
  profileColumn?: boolean;
  /** Start with a UTF-8 byte order mark, so that Excel reads non-Latin names right. */
  bom?: boolean;
}

export function exportCsv(profiles: readonly ExportableProfile[], options: CsvOptions = {}): string {
  const withProfile = options.profileColumn ?? profiles.length > 1;
  const fields: string[] = withProfile ? ['profile', ...CSV_COLUMNS] : [...CSV_COLUMNS];
  const data: Cell[][] = [];
  for (const profile of profiles) {
    for (const paper of profile.papers) data.push(withProfile ? [profileName(profile), ...paperRow(paper)] : paperRow(paper));
  }
  const csv = Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA_START, header: true });
  return `${options.bom ? '\ufeff' : ''}${csv}\r\n`;
}
