/**
 * Importing a backup or an export (lib/export/json.ts, versions 1 and 2) into the database.
 *
 * The whole text is checked first (`parseExport`: size, nesting, truncation, format, version,
 * limits, schemas); a file with any problem is refused with the message naming where and what, and
 * nothing is written. Then everything is written in ONE read-write transaction over the tables
 * involved: if anything fails midway, the transaction is aborted and nothing is written either.
 *
 * What is already stored is merged with, not overwritten by, the file:
 * - papers by lib/store/merge.ts's rules, the file's copy as the fresh one (as a second visit of a
 *   page would); a paper equal to the stored one is left as it is;
 * - an author row: the ids of both; name, url and affiliations of the row viewed last; reported
 *   metrics per source from the side whose statement is newer; the earliest `firstSeenAt` and the
 *   latest `viewedAt` and check times;
 * - an author's papers: the later `seenAt`;
 * - watchlist rows field by field by their `edited` stamps, as the sync mirror merges them
 *   (lib/watchlist/merge.ts: the newer name, note and lastSeenAt win, each on its own),
 *   `newPaperIds` the union, the earliest `addedAt`, the latest check;
 * - links: once the user told two records apart (`unlinked`), they stay apart.
 * A version 1 file has no time stamps: its rows take `now` (when this database first saw them), and
 * it never moves an existing row's stamps.
 */
import { parseExport, type ExportFile, type ExportLink, type ExportProfile } from '../export/json';
import type { AuthorIds, Paper, ReportedMetric } from '../schema';
import { normaliseName } from '../sites/arxiv';
import { entryOfRow, isRemoved, mergeEntries } from '../watchlist/merge';
import type { WatchEntry } from '../watchlist/schema';
import type { AuthorPaperRow, AuthorRow, LinkRow, ScholarDb } from './db';
import { pairKey } from './links';
import { mergePaper } from './merge';

export type ImportResult =
  | { ok: true; profiles: number; papers: number; watchlist: number }
  | { ok: false; error: string };

/** `newPaperIds` holds at most this many (the schema's limit). */
const NEW_PAPERS_MAX = 10_000;

function earliest(a: string, b: string): string {
  return a <= b ? a : b;
}
function latest(a: string, b: string): string {
  return a >= b ? a : b;
}
function latestOptional(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : latest(a, b);
}

/** Structural equality of JSON-like records; keys holding `undefined` count as absent. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function mergeIds(older: AuthorIds, newer: AuthorIds): AuthorIds {
  const ids: Record<string, string> = {};
  for (const source of [older, newer]) {
    for (const [k, v] of Object.entries(source)) if (typeof v === 'string') ids[k] = v;
  }
  return ids as AuthorIds;
}

/** Per source, the statements of whichever side stated it last (ties: the stored side). */
export function mergeReported(stored: readonly ReportedMetric[] | undefined, fresh: readonly ReportedMetric[] | undefined): ReportedMetric[] | undefined {
  if (stored === undefined) return fresh && [...fresh];
  if (fresh === undefined) return [...stored];
  const newest = (rows: readonly ReportedMetric[], source: string) => rows.filter((r) => r.source === source).reduce((m, r) => (r.at > m ? r.at : m), '');
  const sources = [...new Set([...stored, ...fresh].map((r) => r.source))];
  return sources.flatMap((s) => {
    const from = newest(fresh, s) > newest(stored, s) ? fresh : stored;
    return from.filter((r) => r.source === s);
  });
}

/** The author row a profile of the file describes (`now` for the stamps a version 1 file lacks). */
function authorRowOf(p: ExportProfile & { author: NonNullable<ExportProfile['author']> }, at: string): AuthorRow {
  const s = p.stored;
  return {
    ...p.author,
    nameKey: normaliseName(p.author.name),
    ...(p.reported !== undefined ? { reported: p.reported } : {}),
    ...(s?.identityCheckedAt !== undefined ? { identityCheckedAt: s.identityCheckedAt } : {}),
    ...(s?.openAlexCheckedAt !== undefined ? { openAlexCheckedAt: s.openAlexCheckedAt } : {}),
    firstSeenAt: s?.firstSeenAt ?? at,
    viewedAt: s?.viewedAt ?? at,
  };
}

/** `dated`: the fresh row's stamps are real (version 2), not the import time. */
export function mergeAuthor(stored: AuthorRow | undefined, fresh: AuthorRow, dated = true): AuthorRow {
  if (!stored) return fresh;
  const freshNewer = dated && fresh.viewedAt > stored.viewedAt;
  const [newer, older] = freshNewer ? [fresh, stored] : [stored, fresh];
  const reported = mergeReported(stored.reported, fresh.reported);
  const identityCheckedAt = latestOptional(stored.identityCheckedAt, fresh.identityCheckedAt);
  const openAlexCheckedAt = latestOptional(stored.openAlexCheckedAt, fresh.openAlexCheckedAt);
  return {
    id: stored.id,
    name: newer.name,
    ids: mergeIds(older.ids, newer.ids),
    affiliations: newer.affiliations.length ? newer.affiliations : older.affiliations,
    url: newer.url ?? older.url,
    nameKey: normaliseName(newer.name),
    ...(reported !== undefined ? { reported } : {}),
    ...(identityCheckedAt !== undefined ? { identityCheckedAt } : {}),
    ...(openAlexCheckedAt !== undefined ? { openAlexCheckedAt } : {}),
    firstSeenAt: dated ? earliest(stored.firstSeenAt, fresh.firstSeenAt) : stored.firstSeenAt,
    viewedAt: dated ? latest(stored.viewedAt, fresh.viewedAt) : stored.viewedAt,
  };
}

/**
 * Field by field by the `edited` stamps, by the same rules as the `storage.sync` mirror
 * (lib/watchlist/merge.ts: the later edit of name, note and lastSeenAt wins, each on its own; an
 * untouched empty note never wipes a written one; ties are settled the same way whichever side is
 * stored); `newPaperIds` the union; the earliest `addedAt`; the latest check with its error.
 */
export function mergeWatchEntry(stored: WatchEntry | undefined, fresh: WatchEntry): WatchEntry {
  if (!stored) return fresh;
  const merged = mergeEntries(entryOfRow(stored), entryOfRow(fresh));
  if (isRemoved(merged)) return stored; // not reached: neither side is a removal
  // The merge works in ms; keep the stored text of whichever time won.
  const text = (ms: number, ...candidates: string[]) => candidates.find((c) => Date.parse(c) === ms) ?? new Date(ms).toISOString();
  const checked = (fresh.lastCheckedAt ?? '') > (stored.lastCheckedAt ?? '') ? fresh : stored;
  return {
    authorId: stored.authorId,
    name: merged.name,
    note: merged.note,
    addedAt: text(merged.addedAt, stored.addedAt, fresh.addedAt),
    lastSeenAt: text(merged.lastSeenAt, stored.lastSeenAt, fresh.lastSeenAt),
    lastCheckedAt: checked.lastCheckedAt,
    lastCheckError: checked.lastCheckError,
    newPaperIds: [...new Set([...stored.newPaperIds, ...fresh.newPaperIds])].slice(0, NEW_PAPERS_MAX),
    edited: merged.edited,
  };
}

export function mergeLink(stored: LinkRow | undefined, fresh: LinkRow): LinkRow {
  if (!stored) return fresh;
  // The user's "different people" is kept whichever side says it.
  const unlinked = stored.unlinked || fresh.unlinked;
  return { ...stored, evidence: !stored.unlinked && fresh.unlinked ? fresh.evidence : stored.evidence, createdAt: earliest(stored.createdAt, fresh.createdAt), unlinked };
}

function linkRowOf(l: ExportLink): LinkRow {
  const key = pairKey(l.a, l.b);
  const [a, b] = key.split('|') as [string, string];
  return { key, a, b, evidence: l.evidence, createdAt: l.createdAt, unlinked: l.unlinked };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Import `text` (a Scholar Lens export or backup). Refused, with nothing written, when the file
 * has any problem or the database fails midway.
 */
export async function importBackup(db: ScholarDb, text: unknown, now: Date = new Date()): Promise<ImportResult> {
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  const file: ExportFile = parsed.data;
  const at = now.toISOString();
  const dated = file.version >= 2;
  // A version 1 profile is a version 2 profile without `stored`.
  const profiles: ExportProfile[] = file.profiles;
  const watchlist = file.version === 2 ? file.watchlist ?? [] : [];
  const links = file.version === 2 ? (file.links ?? []).map(linkRowOf) : [];

  try {
    return await db.transaction('rw', [db.papers, db.authors, db.authorPapers, db.links, db.watchlist], async () => {
      // Papers: the stored copy, merged with every copy the file holds (a paper in two profiles is one row).
      const paperIds = [...new Set(profiles.flatMap((p) => p.papers.map((x) => x.id)))];
      const storedPapers = await db.papers.bulkGet(paperIds);
      const papers = new Map<string, Paper | undefined>(paperIds.map((id, i) => [id, storedPapers[i]]));
      for (const p of profiles) {
        for (const fresh of p.papers) {
          const old = papers.get(fresh.id);
          if (!old || !sameRecord(old, fresh)) papers.set(fresh.id, mergePaper(old, fresh));
        }
      }

      // Authors and which papers are theirs.
      const withAuthor = profiles.filter((p): p is ExportProfile & { author: NonNullable<ExportProfile['author']> } => p.author !== null);
      const authorIds = [...new Set(withAuthor.map((p) => p.author.id))];
      const storedAuthors = await db.authors.bulkGet(authorIds);
      const authors = new Map<string, AuthorRow | undefined>(authorIds.map((id, i) => [id, storedAuthors[i]]));
      const seenKey = (authorId: string, paperId: string) => `${authorId}\u0000${paperId}`;
      const pairs = withAuthor.flatMap((p) => p.papers.map((x, i) => ({ authorId: p.author.id, paperId: x.id, seenAt: p.stored?.seenAt[i] ?? at })));
      const storedPairs = await db.authorPapers.bulkGet(pairs.map((r) => [r.authorId, r.paperId] as [string, string]));
      const authorPapers = new Map<string, AuthorPaperRow>();
      storedPairs.forEach((r) => r && authorPapers.set(seenKey(r.authorId, r.paperId), r));
      for (const p of withAuthor) authors.set(p.author.id, mergeAuthor(authors.get(p.author.id), authorRowOf(p, at), dated));
      for (const fresh of pairs) {
        const key = seenKey(fresh.authorId, fresh.paperId);
        const old = authorPapers.get(key);
        authorPapers.set(key, old ? { ...old, seenAt: dated ? latest(old.seenAt, fresh.seenAt) : old.seenAt } : fresh);
      }

      // Links and the watchlist.
      const storedLinks = await db.links.bulkGet(links.map((l) => l.key));
      const linkRows = new Map<string, LinkRow | undefined>(links.map((l, i) => [l.key, storedLinks[i]]));
      for (const l of links) linkRows.set(l.key, mergeLink(linkRows.get(l.key), l));
      const watchIds = [...new Set(watchlist.map((w) => w.authorId))];
      const storedWatch = await db.watchlist.bulkGet(watchIds);
      const watchRows = new Map<string, WatchEntry | undefined>(watchIds.map((id, i) => [id, storedWatch[i]]));
      for (const w of watchlist) watchRows.set(w.authorId, mergeWatchEntry(watchRows.get(w.authorId), w));

      const defined = <T>(m: Map<string, T | undefined>) => [...m.values()].filter((v): v is T => v !== undefined);
      const paperRows = defined(papers);
      const watchRowList = defined(watchRows);
      await db.papers.bulkPut(paperRows);
      await db.authors.bulkPut(defined(authors));
      await db.authorPapers.bulkPut([...authorPapers.values()]);
      await db.links.bulkPut(defined(linkRows));
      await db.watchlist.bulkPut(watchRowList);
      return { ok: true as const, profiles: profiles.length, papers: paperRows.length, watchlist: watchRowList.length };
    });
  } catch (err) {
    // Dexie wraps what the database threw (`inner`): say the database's own words.
    const cause = (err as { inner?: unknown } | null)?.inner instanceof Error ? (err as { inner: Error }).inner : err;
    const why = cause instanceof Error ? cause.message || cause.name : String(cause);
    return { ok: false, error: oneLine(`the database refused the import, so nothing was imported: ${why}`) };
  }
}
