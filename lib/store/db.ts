/**
 * The one IndexedDB database, owned by the background worker. Versions are append-only: add a
 * new `this.version(n)` below the last one (with an upgrade if data moves) and a test that opens
 * the previous version first.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Author, ReportedMetric } from '../schema';
import type { MetricColumnsRow } from './metric-columns';
import { newRev, paperRevisions, type StoredPaper } from './revisions';
import type { WatchRow } from '../watchlist/schema';

export interface AuthorRow extends Author {
  /** normaliseName(name), for badge look-ups by name. */
  nameKey: string;
  /** Metrics sources stated for this author (S2's hIndex, Scholar's table). */
  reported?: ReportedMetric[];
  /** When we last asked Semantic Scholar who this author is (asked again after the metadata TTL). */
  identityCheckedAt?: string;
  /** When we last asked OpenAlex for this author's numbers (by ORCID). */
  openAlexCheckedAt?: string;
  firstSeenAt: string;
  viewedAt: string;
}

export interface AuthorPaperRow { authorId: string; paperId: string; seenAt: string }

/** Which page showed what, so the popup can show the author of the active tab's page. */
export interface ViewRow { url: string; authorId: string | null; paperIds: string[]; title: string | null; at: string }

/** Background work that survives the service worker being stopped: one row per paper and kind. */
export interface JobRow {
  /** `${kind}:${paperId}`: a paper is queued once per kind, however often it is asked for. */
  key: string;
  kind: JobKind;
  paperId: string;
  state: 'pending' | 'failed';
  attempts: number;
  /** Not before this time (ms since epoch): backoff after a failure. */
  notBefore: number;
  createdAt: string;
  lastError: string | null;
}
/** For the per-author kinds ('identity', 'openalex') `paperId` holds the author's id: one job per author. */
export type JobKind = 'metadata' | 'citations' | 'code' | 'identity' | 'openalex';

/** Two author records (different sources) found to be one person, or told apart by the user. */
export interface LinkRow {
  /** `${a}|${b}` with a < b. */
  key: string;
  a: string;
  b: string;
  /** Why: "shared ORCID 0000-…", "3 shared papers (2007.12255, …)". */
  evidence: string;
  createdAt: string;
  /** The user said these are different people: the link is kept (so it is not found again) but not used. */
  unlinked: boolean;
}

export const DB_NAME = 'scholar-lens';

export class ScholarDb extends Dexie {
  papers!: EntityTable<StoredPaper, 'id'>;
  authors!: EntityTable<AuthorRow, 'id'>;
  authorPapers!: Dexie.Table<AuthorPaperRow, [string, string]>;
  views!: EntityTable<ViewRow, 'url'>;
  jobs!: EntityTable<JobRow, 'key'>;
  links!: EntityTable<LinkRow, 'key'>;
  watchlist!: EntityTable<WatchRow, 'authorId'>;
  metricColumns!: EntityTable<MetricColumnsRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      papers: 'id, fetchedAt',
      authors: 'id, nameKey, viewedAt',
      authorPapers: '[authorId+paperId], authorId, paperId',
      views: 'url, authorId, at',
    });
    // v2: the enrichment queue. Existing rows need no change (papers gain optional fields).
    this.version(2).stores({
      jobs: 'key, kind, state, notBefore, paperId',
    });
    // v3: links between one person's records on different sites.
    this.version(3).stores({
      links: 'key, a, b',
    });
    // v4: the user's watchlist (lib/watchlist/schema.ts). Never touched by "clear cache" or eviction.
    this.version(4).stores({
      watchlist: 'authorId, addedAt',
    });
    // v5: each profile's metric columns (lib/store/metric-columns.ts), a cache checked against the
    // revisions of the papers it was built from; papers stored before get their first revision.
    this.version(5)
      .stores({ metricColumns: 'key' })
      .upgrade((tx) =>
        tx.table('papers').toCollection().modify((p: StoredPaper) => {
          p.rev = newRev();
        }),
      );
    this.use(paperRevisions);
  }
}
