/**
 * A backup: the database's records as a Scholar Lens export of the newest version (format in
 * lib/export/json.ts), read in one transaction so the file is one consistent moment.
 *
 * - every cached author, or only `authorIds` (e.g. the watchlist's; ids not cached are skipped),
 *   each as a profile: the author, their papers (with when each was last seen on their pages), the
 *   metrics sources reported and the row's time stamps; no computed metrics (an import recomputes
 *   them when it shows the profile);
 * - the watchlist rows: all, or those of `authorIds`;
 * - the links between author records: all, or those with an end among `authorIds`.
 * Not in a backup: papers no author's page listed (the cache of listings and abs pages), the views
 * (which page showed what: browsing history) and the enrichment queue. Rows are in key order and
 * their fields in the format's order (only the fields it names), so backing up the same records
 * twice gives the same text but for `exportedAt`, however the rows were written.
 */
import { z } from 'zod';
import type { Paper } from '../schema';
import { buildExport, ExportFileV2, exportFileText, type ExportLink, type ExportProfile } from '../export/json';
import type { WatchEntry } from '../watchlist/schema';
import type { AuthorRow, LinkRow, ScholarDb } from './db';

export interface BackupOptions {
  /** The backup time (`exportedAt`). */
  now: Date;
  /** Only these authors (and their watchlist rows and links); every author when absent. */
  authorIds?: readonly string[];
}

const byKey = <T>(key: (row: T) => string) => (x: T, y: T) => {
  const a = key(x);
  const b = key(y);
  return a < b ? -1 : a > b ? 1 : 0;
};

async function profileOf(db: ScholarDb, row: AuthorRow): Promise<ExportProfile> {
  // The index orders an author's rows by their primary key, [authorId+paperId]: by paper id.
  const links = await db.authorPapers.where('authorId').equals(row.id).toArray();
  const found = await db.papers.bulkGet(links.map((l) => l.paperId));
  const papers: Paper[] = [];
  const seenAt: string[] = [];
  found.forEach((p, i) => {
    if (!p) return;
    papers.push(p);
    seenAt.push(links[i]!.seenAt);
  });
  return {
    author: { id: row.id, name: row.name, ids: row.ids, affiliations: row.affiliations, url: row.url },
    papers,
    ...(row.reported !== undefined ? { reported: row.reported } : {}),
    stored: {
      firstSeenAt: row.firstSeenAt,
      viewedAt: row.viewedAt,
      ...(row.identityCheckedAt !== undefined ? { identityCheckedAt: row.identityCheckedAt } : {}),
      ...(row.openAlexCheckedAt !== undefined ? { openAlexCheckedAt: row.openAlexCheckedAt } : {}),
      seenAt,
    },
  };
}

const linkOf = (r: LinkRow): ExportLink => ({ a: r.a, b: r.b, evidence: r.evidence, createdAt: r.createdAt, unlinked: r.unlinked });

/**
 * `value` with the fields of every object in the order `schema` declares them, and only those
 * (fields holding `undefined` dropped). Not a validation: values are kept as they are.
 */
export function inSchemaOrder(value: unknown, schema: z.ZodType): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return inSchemaOrder(value, schema.unwrap() as z.ZodType);
  if (Array.isArray(value)) return schema instanceof z.ZodArray ? value.map((v) => inSchemaOrder(v, schema.element as z.ZodType)) : value;
  if (value === null || typeof value !== 'object' || !(schema instanceof z.ZodObject)) return value;
  const row = value as Record<string, unknown>;
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(Object.keys(shape).filter((k) => Object.prototype.hasOwnProperty.call(row, k) && row[k] !== undefined).map((k) => [k, inSchemaOrder(row[k], shape[k]!)]));
}

/** The backup as an export file (version 2). */
export async function buildBackup(db: ScholarDb, opts: BackupOptions): Promise<ExportFileV2> {
  const only = opts.authorIds ? [...new Set(opts.authorIds)].sort() : null;
  return db.transaction('r', [db.papers, db.authors, db.authorPapers, db.links, db.watchlist], async () => {
    const authors = only
      ? (await db.authors.bulkGet(only)).filter((r): r is AuthorRow => !!r)
      : await db.authors.toArray();
    const profiles: ExportProfile[] = [];
    for (const row of authors) profiles.push(await profileOf(db, row));
    const watchlist = only
      ? (await db.watchlist.bulkGet(only)).filter((r): r is WatchEntry => !!r)
      : await db.watchlist.toArray();
    const links = only
      ? [...new Map([...await db.links.where('a').anyOf(only).toArray(), ...await db.links.where('b').anyOf(only).toArray()].map((r) => [r.key, r])).values()]
        .sort(byKey((r) => r.key))
      : await db.links.toArray();
    return inSchemaOrder({ ...buildExport([], opts.now), profiles, watchlist, links: links.map(linkOf) }, ExportFileV2) as ExportFileV2;
  });
}

/** The backup file's text. */
export async function backupText(db: ScholarDb, opts: BackupOptions): Promise<string> {
  return exportFileText(await buildBackup(db, opts));
}
