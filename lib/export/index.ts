/**
 * Export one profile or several (the watchlist) in one of six formats. Each writer documents its
 * format and how it treats hostile page text:
 * - json: Scholar Lens's own versioned file, imports back exactly (json.ts, `parseExport`);
 * - csv: the papers, RFC 4180, formula-injection safe (csv.ts);
 * - bibtex, ris, csljson: the papers for reference managers (bibtex.ts, ris.ts, csljson.ts);
 *   a paper on several profiles appears once;
 * - md: the card and the paper list as Markdown (markdown.ts).
 * An array, even of one profile, is a watchlist export: a `profile` column in CSV, a watchlist
 * heading in Markdown, `scholar-lens-watchlist-<date>` as the file name.
 */
import { exportBibtex } from './bibtex';
import { exportCsv } from './csv';
import { exportCslJson } from './csljson';
import { exportFilename } from './filename';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import { exportRis } from './ris';
import { type ExportInput, isProfileList, profileList, uniquePapers } from './text';

export type { ExportableProfile, ExportInput } from './text';
export { parseExport, ExportFile, LIMITS } from './json';

export const EXPORT_FORMATS = ['json', 'csv', 'bibtex', 'ris', 'csljson', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** MIME type and file extension of each format. */
export const FORMAT_INFO: Record<ExportFormat, { mime: string; ext: string; label: string }> = {
  json: { mime: 'application/json', ext: 'json', label: 'Scholar Lens JSON' },
  csv: { mime: 'text/csv;charset=utf-8', ext: 'csv', label: 'CSV' },
  bibtex: { mime: 'application/x-bibtex;charset=utf-8', ext: 'bib', label: 'BibTeX' },
  ris: { mime: 'application/x-research-info-systems;charset=utf-8', ext: 'ris', label: 'RIS' },
  csljson: { mime: 'application/vnd.citationstyles.csl+json', ext: 'csl.json', label: 'CSL-JSON' },
  md: { mime: 'text/markdown;charset=utf-8', ext: 'md', label: 'Markdown' },
};

export interface ExportOptions {
  /** The export time (JSON's `exportedAt`, Markdown's footer, the file name's date). */
  now?: Date;
  /** CSV only: start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
}

export interface ExportResult {
  text: string;
  mime: string;
  ext: string;
  /** A download name: `scholar-lens-<author>-<date>.<ext>` or `scholar-lens-watchlist-<date>.<ext>`. */
  filename: string;
}

export function exportProfile(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): ExportResult {
  const now = options.now ?? new Date();
  const profiles = profileList(input);
  const watchlist = isProfileList(input);
  const text = (() => {
    switch (format) {
      case 'json': return exportJson(profiles, now);
      case 'csv': return exportCsv(profiles, { profileColumn: watchlist, bom: options.bom ?? false });
      case 'bibtex': return exportBibtex(uniquePapers(profiles));
      case 'ris': return exportRis(uniquePapers(profiles));
      case 'csljson': return exportCslJson(uniquePapers(profiles));
      case 'md': return exportMarkdown(profiles, now, watchlist);
    }
  })();
  const { mime, ext } = FORMAT_INFO[format];
  return { text, mime, ext, filename: exportFilename(profiles, ext, now, watchlist) };
}
