/**
 * Scholar Lens's own export format: every record as the extension keeps it, so an export imports
 * back exactly (export → `parseExport` → deep-equal records).
 *
 *     { "format": "scholar-lens", "version": 1, "exportedAt": ISO time,
 *       "profiles": [{ "author": Author | null, "title"?: string | null, "papers": Paper[],
 *                      "metrics"?: Metrics, "reported"?: ReportedMetric[] }] }
 *
 * `parseExport` treats the text as hostile. It refuses, with the JSON path and the problem:
 * - text over `LIMITS.bytes` (20 MiB of UTF-8), before parsing it;
 * - nesting deeper than `LIMITS.depth` (32; the format itself needs 7), and text that ends inside
 *   a string or with brackets left open (a truncated file), before parsing it;
 * - malformed JSON; a top level that is not an object; a `format` other than `scholar-lens`; a
 *   `version` other than 1 (files of a later version name the version they need);
 * - more than `LIMITS.profiles` (10,000) profiles, `LIMITS.papers` (100,000) papers in a profile,
 *   `LIMITS.array` (100,000) items in any other list, strings over `LIMITS.string` (100 KiB =
 *   102,400 UTF-16 code units; a key counts as a string);
 * - anything the schemas (lib/schema.ts) refuse, such as a negative citation count.
 * Unknown keys are dropped (never copied onto the result), so `__proto__` and the like do nothing.
 */
import { z } from 'zod';
import { Author, IsoTime, Metrics, Paper, ReportedMetric } from '../schema';
import type { ExportableProfile } from './text';

export const FORMAT = 'scholar-lens';
export const VERSION = 1;

export const LIMITS = {
  /** Size of the whole text, in bytes of UTF-8. */
  bytes: 20 * 1024 * 1024,
  /** Nesting of arrays and objects. */
  depth: 32,
  profiles: 10_000,
  /** Papers in one profile. */
  papers: 100_000,
  /** Items in any other list (authors of a paper, categories, metrics rows). */
  array: 100_000,
  /** Characters (UTF-16 code units) in any string or key. */
  string: 100 * 1024,
} as const;

export const ExportProfile = z.object({
  author: Author.nullable(),
  title: z.string().nullable().optional(),
  papers: z.array(Paper).max(LIMITS.papers),
  metrics: Metrics.optional(),
  reported: z.array(ReportedMetric).optional(),
});
export type ExportProfile = z.infer<typeof ExportProfile>;

export const ExportFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: IsoTime,
  profiles: z.array(ExportProfile).max(LIMITS.profiles),
});
export type ExportFile = z.infer<typeof ExportFile>;

export type ParseExportResult = { ok: true; data: ExportFile } | { ok: false; error: string };

/** The record of one profile as the file keeps it (only the fields the format names). */
export function exportRecord(profile: ExportableProfile): ExportProfile {
  return {
    author: profile.author,
    ...(profile.title !== undefined ? { title: profile.title } : {}),
    papers: [...profile.papers],
    ...(profile.metrics !== undefined ? { metrics: profile.metrics } : {}),
    ...(profile.reported !== undefined ? { reported: [...profile.reported] } : {}),
  };
}

export function buildExport(profiles: readonly ExportableProfile[], now: Date = new Date()): ExportFile {
  return { format: FORMAT, version: VERSION, exportedAt: now.toISOString(), profiles: profiles.map(exportRecord) };
}

/** The file's text: indented JSON with a final newline. */
export function exportJson(profiles: readonly ExportableProfile[], now: Date = new Date()): string {
  return `${JSON.stringify(buildExport(profiles, now), null, 2)}\n`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** `profiles[0].papers[3].title`-style path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  const s = path.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `.${String(k)}` : `[${JSON.stringify(String(k))}]`)).join('');
  return s.replace(/^\./, '') || '(top level)';
}

/** UTF-8 length of a string, stopping early once it passes `max`. */
function utf8Over(text: string, max: number): number | null {
  if (text.length * 3 <= max) return null;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > max ? bytes : null;
}

/**
 * One pass over the text before `JSON.parse`: nesting depth outside strings, and whether the text
 * ends inside a string or with brackets open. Null when neither is wrong.
 */
function structureProblem(text: string): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > LIMITS.depth) return `nested deeper than ${LIMITS.depth} levels (at character ${fmt(i)}); not a Scholar Lens export`;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  if (inString) return 'the file ends inside a string: it is truncated';
  if (depth > 0) return `the file ends with ${depth} bracket${depth > 1 ? 's' : ''} left open: it is truncated`;
  return null;
}

type Walk = { path: PropertyKey[]; problem: string } | null;

/** The first string, key or list over the limits, depth-first. */
function limitProblem(value: unknown, path: PropertyKey[]): Walk {
  if (typeof value === 'string') {
    return value.length > LIMITS.string ? { path, problem: `text of ${fmt(value.length)} characters (the limit is ${fmt(LIMITS.string)})` } : null;
  }
  if (Array.isArray(value)) {
    const last = path[path.length - 1];
    const [limit, what] = path.length === 1 && last === 'profiles' ? [LIMITS.profiles, 'profiles']
      : path.length === 3 && last === 'papers' ? [LIMITS.papers, 'papers'] : [LIMITS.array, 'items'];
    if (value.length > limit) return { path, problem: `${fmt(value.length)} ${what} (the limit is ${fmt(limit)})` };
    for (let i = 0; i < value.length; i++) {
      const found = limitProblem(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.length > LIMITS.string) return { path, problem: `a key of ${fmt(key.length)} characters (the limit is ${fmt(LIMITS.string)})` };
      const found = limitProblem(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The first problem Zod found, with its path, and how many more there are. */
export function describeIssues(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'invalid file';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${jsonPath(first.path)}: ${first.message}${more}`;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error: error.replace(/\s+/g, ' ').trim() });

export type JsonTextResult = { ok: true; json: unknown } | { ok: false; error: string };

/**
 * The checks before any schema: size, emptiness, nesting, truncation, JSON syntax. Shared with
 * the export CLI, which reads profiles from files too.
 */
export function readJsonText(text: unknown): JsonTextResult {
  if (typeof text !== 'string') return fail('expected the text of a file');
  const size = utf8Over(text, LIMITS.bytes);
  if (size !== null) return fail(`the file is too large: ${fmt(size)} bytes (the limit is ${fmt(LIMITS.bytes)} bytes, 20 MB)`);
  if (text.trim() === '') return fail('the file is empty');
  const structure = structureProblem(text);
  if (structure) return fail(structure);
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (err) {
    return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The first string, key or list of a parsed file over `LIMITS`, as `path: problem`. */
export function limitError(json: unknown): string | null {
  const found = limitProblem(json, []);
  return found ? `${jsonPath(found.path)}: ${found.problem}` : null;
}

/** True when the JSON says it is a Scholar Lens export (of whatever version). */
export function looksLikeExport(json: unknown): boolean {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && (json as Record<string, unknown>).format === FORMAT;
}

/** An already parsed file checked as an export: format, version, limits, schema. */
export function exportFromJson(json: unknown): ParseExportResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return fail('(top level): expected a JSON object; not a Scholar Lens export');
  const root = json as Record<string, unknown>;
  if (root.format !== FORMAT) {
    return fail(`format: expected "${FORMAT}", found ${root.format === undefined ? 'none' : JSON.stringify(root.format).slice(0, 80)}; not a Scholar Lens export`);
  }
  if (root.version !== VERSION) {
    const v = typeof root.version === 'number' ? String(root.version) : root.version === undefined ? 'none' : JSON.stringify(root.version).slice(0, 80);
    const later = typeof root.version === 'number' && root.version > VERSION ? ' (written by a later Scholar Lens; update to import it)' : '';
    return fail(`version: unsupported version ${v}; this Scholar Lens reads version ${VERSION}${later}`);
  }
  const tooBig = limitError(json);
  if (tooBig) return fail(tooBig);
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  return { ok: true, data: parsed.data };
}

/** Read an export back; on any problem, one line naming where and what. */
export function parseExport(text: unknown): ParseExportResult {
  const read = readJsonText(text);
  return read.ok ? exportFromJson(read.json) : read;
}
