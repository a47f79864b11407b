/**
 * Runs the enrichment queue: arXiv API metadata (≤ 100 ids a request) and Semantic Scholar citation
 * counts (≤ 500 a request), each kind in its own loop so the slow arXiv queue does not hold up
 * citations. Results are written in transactions; one run at a time; offline stops the run and
 * leaves the jobs for the next one.
 */
import { ARXIV_BATCH_SIZE, fetchArxivMetadata } from '../sources/arxiv-api';
import { type HttpClient, OfflineError } from '../sources/http';
import { citationCounts, S2_BATCH_SIZE } from '../sources/semanticscholar';
import type { Paper } from '../schema';
import type { Settings } from '../settings';
import type { JobKind, JobRow, ScholarDb } from '../store/db';
import { mergePaper } from '../store/merge';
import { dueJobs, markFailed } from './queue';

export interface EnricherDeps {
  db: ScholarDb;
  http: HttpClient;
  settings: () => Promise<Settings>;
  now?: () => Date;
}

export interface RunReport { metadata: number; citations: number; offline: boolean; errors: string[] }

export class Enricher {
  private current: Promise<RunReport> | null = null;
  offline = false;
  lastError: string | null = null;

  constructor(private readonly deps: EnricherDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Start a run unless one is going; either way, the promise of the run in progress. */
  kick(): Promise<RunReport> {
    this.current ??= this.runAll().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async runAll(): Promise<RunReport> {
    const report: RunReport = { metadata: 0, citations: 0, offline: false, errors: [] };
    const settings = await this.deps.settings();
    await Promise.all([
      this.loop('metadata', ARXIV_BATCH_SIZE, (jobs) => this.fetchMetadata(jobs), report),
      this.loop('citations', S2_BATCH_SIZE, (jobs) => this.fetchCitations(jobs, settings), report),
    ]);
    this.offline = report.offline;
    this.lastError = report.errors.at(-1) ?? null;
    return report;
  }

  private async loop(kind: JobKind, size: number, work: (jobs: JobRow[]) => Promise<void>, report: RunReport): Promise<void> {
    for (;;) {
      if (report.offline) return;
      const jobs = await dueJobs(this.deps.db, kind, this.now().getTime(), size);
      if (jobs.length === 0) return;
      try {
        await work(jobs);
        report[kind] += jobs.length;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report.errors.push(message);
        if (err instanceof OfflineError) {
          report.offline = true;
          return;
        }
        await markFailed(this.deps.db, jobs, message, this.now().getTime());
      }
    }
  }

  private async fetchMetadata(jobs: JobRow[]): Promise<void> {
    const { db } = this.deps;
    const stored = (await db.papers.bulkGet(jobs.map((j) => j.paperId))).filter((p): p is Paper => !!p);
    const fetched = await fetchArxivMetadata(this.deps.http, stored.map((p) => p.arxivId ?? p.id), { now: () => this.now() });
    const at = this.now().toISOString();
    const byId = new Map(fetched.map((p) => [p.id, p]));
    await db.transaction('rw', [db.papers, db.jobs], async () => {
      const current = await db.papers.bulkGet(stored.map((p) => p.id));
      // Papers arXiv does not return are marked as asked, so they are not asked again before their TTL.
      const updated = current.filter((p): p is Paper => !!p).map((p) => {
        const fresh = byId.get(p.arxivId ?? p.id);
        return fresh ? mergePaper(p, { ...fresh, metadataFetchedAt: at }) : { ...p, metadataFetchedAt: at };
      });
      await db.papers.bulkPut(updated);
      await db.jobs.bulkDelete(jobs.map((j) => j.key));
    });
  }

  private async fetchCitations(jobs: JobRow[], settings: Settings): Promise<void> {
    const { db } = this.deps;
    const stored = (await db.papers.bulkGet(jobs.map((j) => j.paperId))).filter((p): p is Paper => !!p);
    const counts = await citationCounts(this.deps.http, stored.map((p) => p.arxivId ?? p.id), {
      apiKey: settings.keys.semanticScholar || null,
      now: () => this.now(),
    });
    await db.transaction('rw', [db.papers, db.jobs], async () => {
      const current = await db.papers.bulkGet(stored.map((p) => p.id));
      const updated = current.filter((p): p is Paper => !!p).map((p): Paper => {
        const info = counts.get(p.arxivId ?? p.id);
        if (!info) return p;
        if (info.citations === null) return { ...p, citationsFetchedAt: p.citations === null ? info.fetchedAt : p.citationsFetchedAt };
        return { ...p, citations: info.citations, citationsSource: 'semanticscholar', citationsFetchedAt: info.fetchedAt };
      });
      await db.papers.bulkPut(updated);
      await db.jobs.bulkDelete(jobs.map((j) => j.key));
    });
  }
}
