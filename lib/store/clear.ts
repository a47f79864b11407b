/** Clearing the cache: every cached table, in one transaction; user data (watchlist, notes, settings) is not here. */
import type { ScholarDb } from './db';

export async function clearCache(db: ScholarDb): Promise<number> {
  const tables = [db.papers, db.authors, db.authorPapers, db.views, db.jobs, db.links];
  return db.transaction('rw', [...tables, db.metricColumns], async () => {
    let removed = 0;
    for (const t of tables) {
      removed += await t.count();
      await t.clear();
    }
    // Derived from the tables above (not counted as entries removed).
    await db.metricColumns.clear();
    return removed;
  });
}
