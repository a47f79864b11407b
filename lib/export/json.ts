/**
 * Scholar Lens's own export format: every record as the extension keeps it, so an export imports
 * back exactly (export → `parseExport` → deep-equal records).
 *
 *     { "format": "scholar-lens", "version": 2, "exportedAt": ISO time,
 *       "profiles": [{ "author": Author | null, "title"?: string | null, "papers": Paper[],
 *                      "metrics"?: Metrics, "reported"?: ReportedMetric[],
 *                      "stored"?: { "firstSeenAt": ISO time, "viewedAt": ISO time,
 *                                   "identityCheckedAt"?: ISO time, "openAlexCheckedAt"?: ISO time,
 *                                   "seenAt": ISO time[] } }],
 *       "watchlist"?: WatchEntry[],
 *       "links"?: [{ "a": author id, "b": author id, "evidence": string, "createdAt": ISO time,
 *                    "unlinked": boolean }] }
 *
 * Version 2 adds what a backup (lib/store/backup.ts) needs so that an import (lib/store/import.ts)
 * restores the database's records exactly; a plain export of a profile carries none of it:
 * - `stored`, on an author's profile only: the author row's time stamps (first seen, last viewed,
 *   last asked Semantic Scholar / OpenAlex about) and `seenAt[i]`, when `papers[i]` was last seen
 *   on the author's pages (one per paper, in the same order). The row's `nameKey` is not kept: it
 *   is `normaliseName(name)`. The row's `reported` is the profile's `reported`.
 * - `watchlist`: watchlist rows, validated as lib/watchlist/schema.ts's `WatchEntry` (so a note
 *   over 500 characters is refused like any other schema problem).
 * - `links`: links between two author records (one person on two sites, or two records the user
 *   told apart: `unlinked`); the row key is derived (`a|b`, ordered).
 * Version 1 (the same without those three fields) is still read, as version 1: keys a version
 * does not define are dropped like any unknown key. Writers produce `VERSION`, the newest.
 *
 * `parseExport` treats the text as hostile. It refuses, with the JSON path and the problem:
 * - text over `LIMITS.bytes` (20 MiB of UTF-8), before parsing it;
 * - nesting deeper than `LIMITS.depth` (32; the format itself needs 7), and text that ends inside
 *   a string or with brackets left open (a truncated file), before parsing it;
 * - malformed JSON; a top level that is not an object; a `format` other than `scholar-lens`; a
 *   `version` other than 1 or 2 (files of a later version name the version they need);
 * - more than `LIMITS.profiles` (10,000) profiles, `LIMITS.papers` (100,000) papers in a profile,
 *   `LIMITS.array` (100,000) items in any other list, strings over `LIMITS.string` (100 KiB =
 *   102,400 UTF-16 code units; a key counts as a string);
 * - anything the schemas (lib/schema.ts, lib/watchlist/schema.ts) refuse, such as a negative
 *   citation count, or a `seenAt` list that does not match the papers.
 * Unknown keys are dropped (never copied onto the result), so `__proto__` and the like do nothing.
 */
import { z } from 'zod';
import { Author, IsoTime, Metrics, Paper, ReportedMetric } from '../schema';
import { WatchEntry } from '../watchlist/schema';
import type { ExportableProfile } from './text';

export const FORMAT = 'scholar-lens';
/** The version this Scholar Lens writes. */
export const VERSION = 2;
/** Every version it reads. */
export const VERSIONS: readonly number[] = [1, 2];

const fmt = (n: number) => n.toLocaleString('en-US');

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

/** A profile of a version 1 file. */
export const ExportProfileV1 = z.object({
  author: Author.nullable(),
  title: z.string().nullable().optional(),
  papers: z.array(Paper).max(LIMITS.papers),
  metrics: Metrics.optional(),
  reported: z.array(ReportedMetric).optional(),
});
export type ExportProfileV1 = z.infer<typeof ExportProfileV1>;

/** What the database keeps about an author beyond the profile (version 2, backups). */
export const StoredAuthor = z.object({
  firstSeenAt: IsoTime,
  viewedAt: IsoTime,
  identityCheckedAt: IsoTime.optional(),
  openAlexCheckedAt: IsoTime.optional(),
  /** When each of the profile's papers was last seen on the author's pages, index-aligned with `papers`. */
  seenAt: z.array(IsoTime).max(LIMITS.papers),
});
export type StoredAuthor = z.infer<typeof StoredAuthor>;

export const ExportProfile = ExportProfileV1.extend({ stored: StoredAuthor.optional() }).superRefine((p, ctx) => {
  if (!p.stored) return;
  if (!p.author) ctx.addIssue({ code: 'custom', path: ['stored'], message: 'only the profile of an author has stored records' });
  if (p.stored.seenAt.length !== p.papers.length) {
    ctx.addIssue({ code: 'custom', path: ['stored', 'seenAt'], message: `expected one time per paper (${fmt(p.papers.length)}), found ${fmt(p.stored.seenAt.length)}` });
  }
});
export type ExportProfile = z.infer<typeof ExportProfile>;

/** A link between two author records (lib/store/db.ts `LinkRow` without its derived key). */
export const ExportLink = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  evidence: z.string(),
  createdAt: IsoTime,
  unlinked: z.boolean(),
}).refine((l) => l.a !== l.b, { path: ['b'], message: 'a link joins two different authors' });
export type ExportLink = z.infer<typeof ExportLink>;

export const ExportFileV1 = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: IsoTime,
  profiles: z.array(ExportProfileV1).max(LIMITS.profiles),
});
export type ExportFileV1 = z.infer<typeof ExportFileV1>;

export const ExportFileV2 = z.object({
  format: z.literal(FORMAT),
  version: z.literal(2),
  exportedAt: IsoTime,
  profiles: z.array(ExportProfile).max(LIMITS.profiles),
  watchlist: z.array(WatchEntry).max(LIMITS.array).optional(),
  links: z.array(ExportLink).max(LIMITS.array).optional(),
});
export type ExportFileV2 = z.infer<typeof ExportFileV2>;

/** A file of any version this Scholar Lens reads (tell them apart by `version`). */
export const ExportFile = z.discriminatedUnion('version', [ExportFileV1, ExportFileV2]);
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

export function buildExport(profiles: readonly ExportableProfile[], now: Date = new Date()): ExportFileV2 {
  return { format: FORMAT, version: VERSION, exportedAt: now.toISOString(), profiles: profiles.map(exportRecord) };
}

/** A file's text: indented JSON with a final newline. */
export function exportFileText(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The export's text (the newest version). */
export function exportJson(profiles: readonly ExportableProfile[], now: Date = new Date()): string {
  return exportFileText(buildExport(profiles, now));
}

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
  if (typeof root.version !== 'number' || !VERSIONS.includes(root.version)) {
    const v = typeof root.version === 'number' ? String(root.version) : root.version === undefined ? 'none' : JSON.stringify(root.version).slice(0, 80);
    const later = typeof root.version === 'number' && root.version > VERSION ? ' (written by a later Scholar Lens; update to import it)' : '';
    const reads = VERSIONS.length === 1 ? `version ${VERSIONS[0]}` : `versions ${VERSIONS.slice(0, -1).join(', ')} and ${VERSIONS[VERSIONS.length - 1]}`;
    return fail(`version: unsupported version ${v}; this Scholar Lens reads ${reads}${later}`);
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
