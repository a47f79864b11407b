/**
 * Each profile's metric columns (`PaperColumns`, lib/metrics/paper-columns.ts), kept in the cache so
 * that showing a profile again computes its metrics from typed columns (`metricsOfColumns`)
 * instead of reading every paper's fields and interning every author name again — the part of the
 * metric set that costs the most on a large profile (bench/README.md).
 *
 * A row is valid while nothing it was built from has changed: its fingerprint hashes the profile's
 * records (ids, in order), the author's name, the columns' layout, and the revision of every paper
 * read, in the order read (every write of a paper gives it a new revision: revisions.ts). So an
 * enriched citation count, a paper added or removed, a link made or undone, a renamed author, a
 * restored backup — any change, by any code path — makes the fingerprint differ, and the columns
 * are built again and replace the row. A row is only ever a copy: losing it (eviction, "clear
 * cache", a failed write) costs time, never a wrong number.
 */
import Dexie from 'dexie';
import { columnsOfPapers, type PaperColumns } from '../metrics/index';
import { COLUMNS_LAYOUT } from '../metrics/paper-columns';
import type { ScholarDb } from './db';
import type { StoredPaper } from './revisions';

export interface MetricColumnsRow {
  /** `profileKey(…)`: whose profile, and which kind. */
  key: string;
  fingerprint: string;
  cols: PaperColumns;
}

/** The row of a person's profile (their records merged, as the popup shows it), or of one record's own papers. */
export const profileKey = (authorId: string, kind: 'group' | 'own'): string => `${kind}:${authorId}`;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * Two independent 32-bit hash lanes over `parts` (strings) then each paper's revision (53 bits, as
 * two words); null when a paper has none (then nothing is cached: it cannot be told apart).
 */
export function fingerprintOf(parts: readonly string[], papers: readonly StoredPaper[]): string | null {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  const word = (x: number) => {
    h1 = Math.imul(rotl(h1 ^ x, 13), 0x85ebca6b);
    h2 = Math.imul(rotl(h2 ^ x, 17), 0xcc9e2d51) ^ (h1 >>> 11);
  };
  for (const s of parts) {
    for (let k = 0; k < s.length; k++) word(s.charCodeAt(k));
    word(-1);
  }
  for (let i = 0; i < papers.length; i++) {
    const rev = papers[i]!.rev;
    if (rev === undefined) return null;
    word(rev >>> 0);
    word(Math.floor(rev / 4294967296));
  }
  return `${COLUMNS_LAYOUT}:${papers.length}:${(h1 ^ (h1 >>> 16)) >>> 0}:${(h2 ^ (h2 >>> 15)) >>> 0}`;
}

/**
 * The columns of `sorted` — the profile's papers as its metrics read them, derived from `read` (the
 * paper rows as loaded, in the order loaded) and nothing else but `parts` and `author` — from the
 * cache when its row is still valid, else built and stored.
 */
export async function profileColumns(
  db: ScholarDb,
  key: string,
  parts: readonly string[],
  author: string | null,
  read: readonly StoredPaper[],
  sorted: readonly StoredPaper[],
): Promise<PaperColumns> {
  // Inside a caller's transaction the table may be out of its scope: compute, cache nothing.
  const fingerprint = Dexie.currentTransaction ? null : fingerprintOf([...parts, author ?? ''], read);
  if (fingerprint) {
    const row = await db.metricColumns.get(key).catch(() => undefined);
    if (row?.fingerprint === fingerprint) return row.cols;
  }
  const cols = columnsOfPapers(sorted as StoredPaper[], author);
  // A cache: a failed write (a full disk) costs the next view the time to build them again, nothing more.
  if (fingerprint) await db.metricColumns.put({ key, fingerprint, cols }).catch(() => undefined);
  return cols;
}
