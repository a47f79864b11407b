/**
 * `npm run -s metrics -- <file.json> [--year YYYY] [--author NAME]`: every metric of a list of
 * papers given as JSON, printed as one JSON object (unrounded; null for unknown). Pure: the script
 * (scripts/metrics.ts) reads the file and writes the output.
 *
 * Input: a JSON array of `{ "citations": n | null, "year": yyyy | null, "authors": n | [names],
 * "primaryCategory"?, "categories"?, "title"?, "abstract"?, "date"?, "codeLinks"? }`. Other keys
 * are ignored, so the `papers` of `npm run -s profile` can be fed in as they are.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { computeMetricSet } from '../metrics/index';
import type { MetricPaper } from '../metrics/input';
import { Metrics } from '../schema';
import { type CliRun, failed, readInput } from './run';

export const USAGE = 'usage: metrics <file.json> [--year YYYY] [--author NAME]';

export const MetricsInputPaper = z.object({
  citations: z.number().int().nonnegative().nullable(),
  year: z.number().int().nullable(),
  /** The number of authors, or their names in byline order. */
  authors: z.union([z.number().int().nonnegative(), z.array(z.string())]),
  primaryCategory: z.string().nullable().optional(),
  categories: z.array(z.string()).optional(),
  title: z.string().nullable().optional(),
  abstract: z.string().nullable().optional(),
  /** ISO date, for ordering papers within a year (novelty). */
  date: z.string().nullable().optional(),
  /** Code repositories the paper links: their number or their URLs. */
  codeLinks: z.union([z.number().int().nonnegative(), z.array(z.string())]).optional(),
});
export const MetricsInput = z.array(MetricsInputPaper);
export type MetricsInputPaper = z.infer<typeof MetricsInputPaper>;

export interface MetricsCliOptions {
  year?: number;
  author?: string | null;
}

export type MetricsResult = { ok: true; metrics: Metrics } | { ok: false; reason: string };
export type ArgsResult = { ok: true; file: string; options: MetricsCliOptions } | { ok: false; reason: string };

/** `[3].citations`-style path of a Zod issue. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

/** The first problem with the input, in one line (with how many more there are). */
function describeIssues(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'invalid input';
  const where = first.path.length > 0 ? `${pathOf(first.path)}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  const what = first.path.length === 0 && first.code === 'invalid_type' ? 'expected a JSON array of papers' : first.message;
  return `invalid input: ${where}${what}${more}`.replace(/\s+/g, ' ');
}

export function toMetricPaper(p: MetricsInputPaper): MetricPaper {
  const names = Array.isArray(p.authors) ? p.authors : undefined;
  return {
    citations: p.citations,
    year: p.year,
    authors: names ? names.length : p.authors as number,
    ...(names ? { authorNames: names } : {}),
    primaryCategory: p.primaryCategory ?? null,
    categories: p.categories ?? [],
    title: p.title ?? null,
    abstract: p.abstract ?? null,
    date: p.date ?? null,
    ...(p.codeLinks !== undefined ? { codeLinks: Array.isArray(p.codeLinks) ? p.codeLinks.length : p.codeLinks } : {}),
  };
}

/** Parse and validate the JSON text, then compute every metric. */
export function metricsFromText(text: string, options: MetricsCliOptions = {}): MetricsResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `invalid JSON: ${err instanceof Error ? err.message : String(err)}`.replace(/\s+/g, ' ') };
  }
  const parsed = MetricsInput.safeParse(json);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const year = options.year ?? new Date().getUTCFullYear();
  // Parsing the result checks it against the schema and puts the keys in the schema's order.
  return { ok: true, metrics: Metrics.parse(computeMetricSet(parsed.data.map(toMetricPaper), { year, author: options.author ?? null })) };
}

/** The command line after the script name. */
export function parseMetricsArgs(argv: string[]): ArgsResult {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { year: { type: 'string' }, author: { type: 'string' } } });
  } catch (err) {
    return { ok: false, reason: `${err instanceof Error ? err.message : String(err)}; ${USAGE}`.replace(/\s+/g, ' ') };
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return { ok: false, reason: USAGE };
  const options: MetricsCliOptions = {};
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) return { ok: false, reason: `--year must be a four-digit year, not "${values.year}"` };
    options.year = Number(values.year);
  }
  if (values.author !== undefined) options.author = values.author;
  return { ok: true, file: positionals[0]!, options };
}

export type { CliRun } from './run';

/** The whole command, with file reading passed in: exit code 2 and a one-line reason on any failure. */
export function runMetricsCli(argv: string[], readFile: (path: string) => string): CliRun {
  const args = parseMetricsArgs(argv);
  if (!args.ok) return failed(args.reason);
  const file = readInput(args.file, readFile);
  if (!file.ok) return file.run;
  const result = metricsFromText(file.text, args.options);
  if (!result.ok) return failed(`${args.file}: ${result.reason}`);
  return { code: 0, stdout: `${JSON.stringify(result.metrics, null, 2)}\n`, stderr: '' };
}
