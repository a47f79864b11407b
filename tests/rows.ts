/**
 * Reading the database in tests as data: paper rows without their `rev` (a stamp every write puts
 * on a paper, lib/store/revisions.ts — random, so two equal stores differ in it), and whole-table
 * dumps without the metric-columns cache (derived from the other tables, keyed by those stamps).
 */
import type { ScholarDb } from '../lib/store/db';

export function withoutRev<T extends object>(rows: readonly T[]): T[] {
  return rows.map((row) => {
    if (!('rev' in row)) return row;
    const { rev: _rev, ...rest } = row as T & { rev?: number };
    return rest as T;
  });
}

/** Every table's rows (papers without `rev`), the metric-columns cache left out. */
export async function dumpTables(db: ScholarDb): Promise<Record<string, unknown[]>> {
  const tables = db.tables.filter((t) => t.name !== 'metricColumns');
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t.name, withoutRev(await t.toArray())] as const)));
}
