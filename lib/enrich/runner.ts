/**
 * Runs the enrichment queue: arXiv API metadata (≤ 100 ids a request) and Semantic Scholar citation
 * counts (≤ 500 a request), each kind in its own loop so the slow arXiv queue does not hold up
 * citations. Results are written in transactions; one run at a time; offline stops the run and
 * leaves the jobs for the next one.
 */
import { ARXIV_BATCH_SIZE, fetchArxivMetadata } from '../sources/arxiv-api';
import { type HttpClient, OfflineError } from '../sources/http';
import { author, citationCounts, paperAuthors, S2_BATCH_SIZE, type S2AuthorProfile } from '../sources/semanticscholar';
import type { AuthorRow } from '../store/db';
import { papersOfAuthor, sortNewestFirst } from '../store/profile';
import { agreeOn, matchS2Author } from './identity';
import { fetchCodeLinks, fetchOpenAlex } from './second-sources';
import type { Paper } from '../schema';
import type { Settings } from '../settings';
import type { JobKind, JobRow, ScholarDb } from '../store/db';
import { mergePaper } from '../store/merge';
import { replaceReported } from '../store/reported';
import { sourceOn } from './plan';
import { dueJobs, markFailed } from './queue';

export interface EnricherDeps {
  db: ScholarDb;
  http: HttpClient;
  settings: () => Promise<Settings>;
  now?: () => Date;
}

export interface RunReport { metadata: number; citations: number; identity: number; code: number; openalex: number; offline: boolean; errors: string[] }

/** Papers asked about per author: two answers that agree (or one) decide; at most 3 S2 requests an author. */
const IDENTITY_PAPERS = 2;

export class Enricher {
  private current: Promise<RunReport> | null = null;
  private next: Promise<RunReport> | null = null;
  offline = false;
  lastError: string | null = null;

  constructor(private readonly deps: EnricherDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /**
   * Start a run unless one is going. During a run, book one more to follow it (a loop that already
   * found its queue empty would not see jobs queued now) and return that: the promise settles once
   * the jobs queued before this call have had their run.
   */
  kick(): Promise<RunReport> {
    if (!this.current) {
      this.current = this.runAll().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    this.next ??= this.current.catch(() => undefined).then(() => {
      this.next = null;
      return this.kick();
    });
    return this.next;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async runAll(): Promise<RunReport> {
    const report: RunReport = { metadata: 0, citations: 0, identity: 0, code: 0, openalex: 0, offline: false, errors: [] };
    const at = () => this.now().toISOString();
    const settings = await this.deps.settings();
    await Promise.all([
      this.loop('metadata', ARXIV_BATCH_SIZE, (jobs) => this.fetchMetadata(jobs), report),
      (async () => {
        await this.loop('citations', S2_BATCH_SIZE, (jobs) => this.fetchCitations(jobs, settings), report);
        // Same host as citations: after them, so the headline numbers come first.
        await this.loop('identity', 1, (jobs) => this.resolveIdentity(jobs[0]!, settings), report);
      })(),
      this.loop('code', 10, (jobs) => fetchCodeLinks(this.deps.db, this.deps.http, jobs, at()), report),
      this.loop('openalex', 1, (jobs) => fetchOpenAlex(this.deps.db, this.deps.http, jobs[0]!, settings.keys.openAlex, at()), report),
    ]);
    this.offline = report.offline;
    this.lastError = report.errors.at(-1) ?? null;
    return report;
  }

  private async loop(kind: JobKind, size: number, work: (jobs: JobRow[]) => Promise<void>, report: RunReport): Promise<void> {
    // A source switched off after its jobs were queued is not asked; the jobs wait until it is on again.
    if (!sourceOn(kind, await this.deps.settings())) return;
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
          // Said at once, not when the other loops end: the popup asking now must see it.
          this.offline = true;
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

  private async resolveIdentity(job: JobRow, settings: Settings): Promise<void> {
    const { db, http } = this.deps;
    const opts = { apiKey: settings.keys.semanticScholar || null, now: () => this.now() };
    const row = await db.authors.get(job.paperId);
    let s2: S2AuthorProfile | null = null;
    if (row) {
      const papers = sortNewestFirst((await papersOfAuthor(db, row.id)).filter((p) => p.arxivId)).slice(0, IDENTITY_PAPERS);
      const answers: (string | null)[] = [];
      for (const p of papers) {
        const listed = await paperAuthors(http, p.arxivId!, opts);
        answers.push(listed ? matchS2Author(row.name, listed) : null);
        if (answers[0] && answers[0] === answers[1]) break;
      }
      const id = agreeOn(answers);
      if (id) s2 = await author(http, id, opts);
    }
    const at = this.now().toISOString();
    await db.transaction('rw', [db.authors, db.jobs], async () => {
      const current = await db.authors.get(job.paperId);
      if (current) await db.authors.put(withIdentity(current, s2, at));
      await db.jobs.delete(job.key);
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

/** The author row with what S2 said of them: its id, ORCID, affiliations, and its numbers as reported values. */
export function withIdentity(row: AuthorRow, s2: S2AuthorProfile | null, at: string): AuthorRow {
  if (!s2) return { ...row, identityCheckedAt: at };
  const stated: [string, number | null][] = [['h', s2.hIndex], ['citations', s2.citationCount], ['papers', s2.paperCount]];
  const reported = replaceReported(
    row.reported,
    stated.flatMap(([metric, value]) => (value === null ? [] : [{ metric, value, source: 'semanticscholar' as const, at: s2.fetchedAt }])),
  );
  const orcid = s2.externalIds.ORCID?.[0];
  return {
    ...row,
    ids: { ...row.ids, semanticScholar: s2.authorId, ...(orcid ? { orcid } : {}) },
    affiliations: row.affiliations.length ? row.affiliations : s2.affiliations,
    reported,
    identityCheckedAt: at,
  };
}
