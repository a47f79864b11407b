/**
 * `npm run -s export -- --format <json|csv|bibtex|ris|csljson|md> <profile.json>`: a profile as
 * `npm run -s profile` prints it (or a Scholar Lens JSON export, with one profile or many)
 * exported in one format, written to stdout. Pure: the script (scripts/export.ts) reads the file
 * and writes the output. Bad arguments, an unreadable file or invalid input: exit code 2 and one
 * line saying why.
 *
 * The input is held to the import limits of lib/export/json.ts (20 MB, nesting, string and list
 * sizes) and checked against the schemas: `{ author: Author | null, papers: Paper[],
 * metrics?: Metrics, reported?: ReportedMetric[], title?: string | null }`; other keys of the
 * profile output (site, pageType, authors, total) are ignored.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat, exportProfile, isExportFormat } from '../export/index';
import { describeIssues, exportFromJson, limitError, looksLikeExport, readJsonText } from '../export/json';
import type { ExportableProfile } from '../export/text';
import { Author, Metrics, Paper, ReportedMetric } from '../schema';
import { type CliRun, failed, readInput } from './run';

export const EXPORT_USAGE = `usage: export --format <${EXPORT_FORMATS.join('|')}> <profile.json>`;

/** The part of `npm run -s profile`'s output an export reads. */
export const CliProfileInput = z.object({
  author: Author.nullable(),
  title: z.string().nullable().optional(),
  papers: z.array(Paper),
  metrics: Metrics.optional(),
  reported: z.array(ReportedMetric).optional(),
});

export type ProfilesResult = { ok: true; profiles: ExportableProfile | ExportableProfile[] } | { ok: false; reason: string };
export type ExportArgs = { ok: true; format: ExportFormat; file: string } | { ok: false; reason: string };

/** One profile (profile CLI output) or the profiles of a Scholar Lens export (a list: a watchlist when more than one). */
export function profilesFromText(text: string): ProfilesResult {
  const read = readJsonText(text);
  if (!read.ok) return { ok: false, reason: read.error };
  if (looksLikeExport(read.json)) {
    const parsed = exportFromJson(read.json);
    if (!parsed.ok) return { ok: false, reason: parsed.error };
    const { profiles } = parsed.data;
    return { ok: true, profiles: profiles.length === 1 ? profiles[0]! : profiles };
  }
  if (read.json === null || typeof read.json !== 'object' || Array.isArray(read.json)) {
    return { ok: false, reason: 'expected a JSON object: a profile as `npm run -s profile` prints it, or a Scholar Lens export' };
  }
  const tooBig = limitError(read.json);
  if (tooBig) return { ok: false, reason: tooBig };
  const parsed = CliProfileInput.safeParse(read.json);
  if (!parsed.success) return { ok: false, reason: `invalid profile: ${describeIssues(parsed.error)}` };
  return { ok: true, profiles: parsed.data };
}

export function parseExportArgs(argv: string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } });
  } catch (err) {
    return { ok: false, reason: `${err instanceof Error ? err.message : String(err)}; ${EXPORT_USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.format === undefined) return { ok: false, reason: `missing --format; ${EXPORT_USAGE}` };
  if (!isExportFormat(values.format)) return { ok: false, reason: `unknown format "${values.format}" (expected one of ${EXPORT_FORMATS.join(', ')})` };
  if (positionals.length !== 1) return { ok: false, reason: EXPORT_USAGE };
  return { ok: true, format: values.format, file: positionals[0]! };
}

export type { CliRun } from './run';

/** The whole command, with file reading passed in. */
export function runExportCli(argv: string[], readFile: (path: string) => string, now: Date = new Date()): CliRun {
  const args = parseExportArgs(argv);
  if (!args.ok) return failed(args.reason);
  const file = readInput(args.file, readFile);
  if (!file.ok) return file.run;
  const input = profilesFromText(file.text);
  if (!input.ok) return failed(`${args.file}: ${input.reason}`);
  return { code: 0, stdout: exportProfile(args.format, input.profiles, { now }).text, stderr: '' };
}
