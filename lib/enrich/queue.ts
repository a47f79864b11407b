/**
 * The enrichment queue in Dexie. A job is keyed by kind and paper, so asking twice (two tabs, a
 * reload) queues once, and a stopped service worker finds its pending work on the next start.
 */
import type { JobKind, JobRow, ScholarDb } from '../store/db';
import type { PlannedJob } from './plan';

export const MAX_ATTEMPTS = 5;
export const jobKey = (kind: JobKind, paperId: string) => `${kind}:${paperId}`;

/** Queue what is not queued yet; a job that failed for good is given a fresh start when asked for again. */
export async function enqueue(db: ScholarDb, planned: PlannedJob[], now: Date): Promise<number> {
  if (planned.length === 0) return 0;
  return db.transaction('rw', db.jobs, async () => {
    const keys = planned.map((j) => jobKey(j.kind, j.paperId));
    const existing = await db.jobs.bulkGet(keys);
    const fresh: JobRow[] = [];
    const seen = new Set<string>();
    planned.forEach((j, i) => {
      const old = existing[i];
      // A plan naming a paper twice still makes (and counts) one job.
      if ((old && old.state === 'pending') || seen.has(keys[i]!)) return;
      seen.add(keys[i]!);
      fresh.push({ key: keys[i]!, kind: j.kind, paperId: j.paperId, state: 'pending', attempts: 0, notBefore: 0, createdAt: now.toISOString(), lastError: null });
    });
    await db.jobs.bulkPut(fresh);
    return fresh.length;
  });
}

/** Pending jobs of one kind that are due, oldest first. */
export async function dueJobs(db: ScholarDb, kind: JobKind, now: number, limit: number): Promise<JobRow[]> {
  const rows = (await db.jobs.where('kind').equals(kind).toArray()).filter((j) => j.state === 'pending' && j.notBefore <= now);
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, limit);
}

/**
 * Whether any pending job's backoff has ended: the `alarms` retry (background.ts) kicks the runner
 * only then, so jobs that failed while nobody had the popup open are not left until the next visit.
 */
export async function hasDueJobs(db: ScholarDb, now: number): Promise<boolean> {
  return (await db.jobs.where('notBefore').belowOrEqual(now).filter((j) => j.state === 'pending').count()) > 0;
}

/** After a failed batch: back off exponentially (1 min, 2 min, …), give up after MAX_ATTEMPTS. */
export async function markFailed(db: ScholarDb, jobs: JobRow[], error: string, now: number): Promise<void> {
  await db.jobs.bulkPut(jobs.map((j) => {
    const attempts = j.attempts + 1;
    return { ...j, attempts, lastError: error, state: attempts >= MAX_ATTEMPTS ? 'failed' as const : 'pending' as const, notBefore: now + 60_000 * 2 ** (attempts - 1) };
  }));
}
