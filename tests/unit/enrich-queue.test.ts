/**
 * The enrichment queue in Dexie (fake-indexeddb): one job per kind and paper however often it is
 * asked for, due jobs oldest first, exponential backoff after a failure and a give-up after
 * MAX_ATTEMPTS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedJob } from '../../lib/enrich/plan';
import { dueJobs, enqueue, hasDueJobs, jobKey, markFailed, MAX_ATTEMPTS } from '../../lib/enrich/queue';
import { ScholarDb } from '../../lib/store/db';

const T0 = new Date('2026-07-01T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const cites = (paperId: string): PlannedJob => ({ kind: 'citations', paperId });
const meta = (paperId: string): PlannedJob => ({ kind: 'metadata', paperId });

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`enrich-queue-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('enqueue', () => {
  it('queues one pending job per kind and paper, keyed `${kind}:${paperId}`', async () => {
    expect(await enqueue(db, [meta('2401.00001'), cites('2401.00001'), cites('hep-th/9901001')], T0)).toBe(3);
    expect(jobKey('citations', 'hep-th/9901001')).toBe('citations:hep-th/9901001');
    expect(await db.jobs.get('metadata:2401.00001')).toEqual({
      key: 'metadata:2401.00001', kind: 'metadata', paperId: '2401.00001', state: 'pending',
      attempts: 0, notBefore: 0, createdAt: T0.toISOString(), lastError: null,
    });
    expect((await db.jobs.toCollection().primaryKeys()).sort()).toEqual(['citations:2401.00001', 'citations:hep-th/9901001', 'metadata:2401.00001']);
  });

  it('nothing planned → nothing written', async () => {
    expect(await enqueue(db, [], T0)).toBe(0);
    expect(await db.jobs.count()).toBe(0);
  });

  it('the same paper asked for twice (a reload, a second tab) is queued once', async () => {
    expect(await enqueue(db, [cites('2401.00001')], T0)).toBe(1);
    expect(await enqueue(db, [cites('2401.00001')], at(MINUTE))).toBe(0);
    expect(await db.jobs.count()).toBe(1);
    // The first request's time stays: the job keeps its place in the queue.
    expect((await db.jobs.get('citations:2401.00001'))?.createdAt).toBe(T0.toISOString());
  });

  it('the same paper twice in one plan is one job, counted once', async () => {
    expect(await enqueue(db, [cites('2401.00001'), cites('2401.00001')], T0)).toBe(1);
    expect(await db.jobs.count()).toBe(1);
  });

  it('two concurrent enqueues of the same papers make one job each (transactions)', async () => {
    const plan = [meta('2401.00001'), cites('2401.00001'), cites('2401.00002')];
    const counts = await Promise.all([enqueue(db, plan, T0), enqueue(db, plan, T0), enqueue(db, [...plan].reverse(), T0)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await db.jobs.count()).toBe(3);
  });

  it('a pending job keeps its attempts, backoff and last error when asked for again', async () => {
    await enqueue(db, [cites('2401.00001')], T0);
    const [job] = await db.jobs.toArray();
    await markFailed(db, [job!], 'HTTP 500 from https://api.semanticscholar.org/graph/v1/paper/batch', T0.getTime());
    const failedOnce = await db.jobs.get('citations:2401.00001');
    expect(await enqueue(db, [cites('2401.00001')], at(MINUTE / 2))).toBe(0);
    expect(await db.jobs.get('citations:2401.00001')).toEqual(failedOnce);
    expect(failedOnce).toMatchObject({ attempts: 1, state: 'pending', notBefore: T0.getTime() + MINUTE });
  });

  it('a job that failed for good is restarted from scratch when asked for again', async () => {
    await enqueue(db, [cites('2401.00001'), cites('2401.00002')], T0);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const job = await db.jobs.get('citations:2401.00001');
      await markFailed(db, [job!], 'HTTP 503', T0.getTime());
    }
    expect(await db.jobs.get('citations:2401.00001')).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    const later = at(60 * MINUTE);
    expect(await enqueue(db, [cites('2401.00001'), cites('2401.00002')], later)).toBe(1);
    expect(await db.jobs.get('citations:2401.00001')).toEqual({
      key: 'citations:2401.00001', kind: 'citations', paperId: '2401.00001', state: 'pending',
      attempts: 0, notBefore: 0, createdAt: later.toISOString(), lastError: null,
    });
    expect(await dueJobs(db, 'citations', later.getTime(), 10)).toHaveLength(2);
  });
});

describe('dueJobs', () => {
  it('returns pending jobs of one kind, oldest first, at most `limit`', async () => {
    // Queued at different times, not in id order.
    await enqueue(db, [cites('c'), meta('c')], at(3 * MINUTE));
    await enqueue(db, [cites('a')], at(1 * MINUTE));
    await enqueue(db, [cites('b'), meta('b')], at(2 * MINUTE));
    const now = at(10 * MINUTE).getTime();
    expect((await dueJobs(db, 'citations', now, 10)).map((j) => j.paperId)).toEqual(['a', 'b', 'c']);
    expect((await dueJobs(db, 'citations', now, 2)).map((j) => j.paperId)).toEqual(['a', 'b']);
    expect((await dueJobs(db, 'metadata', now, 10)).map((j) => j.paperId)).toEqual(['b', 'c']);
  });

  it('skips jobs whose backoff has not run out, and failed jobs', async () => {
    await enqueue(db, [cites('a'), cites('b'), cites('c')], T0);
    const [a, b] = (await dueJobs(db, 'citations', T0.getTime(), 2));
    await markFailed(db, [a!], 'timeout', T0.getTime());
    await db.jobs.update(b!.key, { state: 'failed' });
    expect((await dueJobs(db, 'citations', T0.getTime(), 10)).map((j) => j.paperId)).toEqual(['c']);
    // notBefore is inclusive: due exactly when the backoff ends.
    expect((await dueJobs(db, 'citations', T0.getTime() + MINUTE - 1, 10)).map((j) => j.paperId)).toEqual(['c']);
    expect((await dueJobs(db, 'citations', T0.getTime() + MINUTE, 10)).map((j) => j.paperId)).toEqual(['a', 'c']);
  });

  it('nothing queued → nothing due', async () => {
    expect(await dueJobs(db, 'metadata', T0.getTime(), 100)).toEqual([]);
  });
});

describe('markFailed', () => {
  it('backs off 1, 2, 4, 8 minutes and gives up at MAX_ATTEMPTS', async () => {
    expect(MAX_ATTEMPTS).toBe(5);
    await enqueue(db, [cites('2401.00001')], T0);
    let now = T0.getTime();
    const seen: { attempts: number; state: string; wait: number }[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const job = (await db.jobs.get('citations:2401.00001'))!;
      await markFailed(db, [job], `HTTP 500 (try ${i + 1})`, now);
      const after = (await db.jobs.get('citations:2401.00001'))!;
      seen.push({ attempts: after.attempts, state: after.state, wait: after.notBefore - now });
      expect(after.lastError).toBe(`HTTP 500 (try ${i + 1})`);
      now = after.notBefore;
    }
    expect(seen).toEqual([
      { attempts: 1, state: 'pending', wait: 1 * MINUTE },
      { attempts: 2, state: 'pending', wait: 2 * MINUTE },
      { attempts: 3, state: 'pending', wait: 4 * MINUTE },
      { attempts: 4, state: 'pending', wait: 8 * MINUTE },
      { attempts: 5, state: 'failed', wait: 16 * MINUTE },
    ]);
    // Given up: never due again, but kept (not lost) until asked for again.
    expect(await dueJobs(db, 'citations', now + 365 * 24 * 60 * MINUTE, 10)).toEqual([]);
    expect(await db.jobs.count()).toBe(1);
  });

  it('marks a whole batch, each job from its own attempt count', async () => {
    await enqueue(db, [cites('a'), cites('b')], T0);
    const a = (await db.jobs.get('citations:a'))!;
    await markFailed(db, [a], 'x', T0.getTime());
    const batch = await db.jobs.bulkGet(['citations:a', 'citations:b']);
    await markFailed(db, batch.map((j) => j!), 'HTTP 502', T0.getTime());
    expect((await db.jobs.bulkGet(['citations:a', 'citations:b'])).map((j) => [j?.attempts, j?.notBefore])).toEqual([
      [2, T0.getTime() + 2 * MINUTE],
      [1, T0.getTime() + MINUTE],
    ]);
  });
});

describe('hasDueJobs', () => {
  it('is true only when a pending job\'s backoff has ended', async () => {
    const db = new ScholarDb(`due-${Math.random()}`);
    try {
      const now = Date.parse('2026-11-27T10:00:00Z');
      expect(await hasDueJobs(db, now)).toBe(false);
      await db.jobs.bulkPut([
        { key: 'citations:a', kind: 'citations', paperId: 'a', state: 'pending', attempts: 1, notBefore: now + 60_000, createdAt: '2026-11-27T09:00:00.000Z', lastError: 'offline' },
        { key: 'citations:b', kind: 'citations', paperId: 'b', state: 'failed', attempts: 5, notBefore: now - 60_000, createdAt: '2026-11-27T09:00:00.000Z', lastError: 'gave up' },
      ]);
      expect(await hasDueJobs(db, now)).toBe(false);
      expect(await hasDueJobs(db, now + 60_000)).toBe(true);
    } finally {
      await db.delete();
    }
  });
});
