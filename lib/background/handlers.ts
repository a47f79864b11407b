/** The background worker's answers to each protocol message. */
import type { Enricher } from '../enrich/runner';
import { needsIdentity, needsOpenAlex, planJobs } from '../enrich/plan';
import { enqueue } from '../enrich/queue';
import { enrichmentStatus } from '../enrich/status';
import type { Handlers } from '../messaging';
import type { Profile, ScrapeResult } from '../schema';
import { checkedOutcome } from '../sites/checked';
import { finishRead } from '../sites/finish';
import type { HttpClient } from '../sources/http';
import { fetchRemoteProfile, isRemoteProfileUrl } from '../sources/remote-profile';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { ScholarDb } from '../store/db';
import { clearCache } from '../store/clear';
import { ingestScrape } from '../store/ingest';
import { lookupAuthors, profileForUrl } from '../store/lookup';
import { loadGroupProfile } from '../store/group-profile';
import { detectLinks, unlinkAuthors } from '../store/links';
import { loadPageProfile } from '../store/profile';
import { type EvictionNotice, withQuotaRetry } from '../store/evict';
import { markSeen } from '../watchlist/store';
import { createWatchlist, type WatchEffects } from './watch-handlers';

/** Enrichment is optional so the cache-only behaviour stays testable on its own. */
export interface EnrichmentDeps {
  enricher: Enricher;
  settings: () => Promise<Settings>;
  now?: () => Date;
  /** For app pages whose data comes from an API (Semantic Scholar, OpenReview). */
  http?: HttpClient;
}

export interface BrowserEffects extends WatchEffects {
  /** Storage was full and cached profiles were evicted to make room: keep the notice for the popup. */
  recordEviction?: (notice: EvictionNotice) => Promise<void>;
}

/** Without browser effects (unit tests), the badge, notifications and sync do nothing. */
const NO_EFFECTS: BrowserEffects = { setBadge: async () => {}, notify: async () => {}, sync: async () => null };

export function createHandlers(db: ScholarDb, enrichment?: EnrichmentDeps, effects: BrowserEffects = NO_EFFECTS): Handlers {
  const now = () => enrichment?.now?.() ?? new Date();
  const settings = async () => (enrichment ? enrichment.settings() : DEFAULT_SETTINGS);
  const watchlist = createWatchlist({
    db, settings, effects, http: enrichment?.http, now,
    onNewPapers: async (ids) => {
      for (const id of ids) await refresh(await loadGroupProfile(db, id));
    },
  });
  /** Writes of page data: when storage is full, the least-recently-viewed profiles make room (never the watchlist). */
  const retry = <T>(write: () => Promise<T>) => withQuotaRetry(db, write, effects.recordEviction, { now });

  /** Queue what the profile's papers lack (within each kind's TTL) and start the runner without waiting. */
  async function refresh(profile: Profile | null): Promise<void> {
    if (!enrichment || !profile) return;
    const settings = await enrichment.settings();
    const planned = planJobs(profile.papers, settings, now().getTime());
    const row = profile.author ? await db.authors.get(profile.author.id) : undefined;
    if (row && needsIdentity(row, settings, now().getTime())) planned.push({ kind: 'identity', paperId: row.id });
    if (row && needsOpenAlex(row, settings, now().getTime())) planned.push({ kind: 'openalex', paperId: row.id });
    await retry(() => enqueue(db, planned, now()));
    void enrichment.enricher.kick();
  }

  async function withStatus(profile: Profile | null): Promise<Profile | null> {
    if (!enrichment || !profile) return profile;
    const { enricher } = enrichment;
    const status = await enrichmentStatus(db, profile.papers, await enrichment.settings(), enricher, now().getTime());
    // Jobs whose backoff has ended are picked up by the next progress poll; offline, only a refresh tries again.
    if (status.pending > 0 && !enricher.running && !enricher.offline) void enricher.kick();
    return { ...profile, enrichment: status };
  }

  async function store(scrape: ScrapeResult) {
    const { authorId, stored } = await retry(() => ingestScrape(db, scrape));
    if (authorId) await retry(() => detectLinks(db, authorId));
    // Visiting a watched author's page is seeing their new papers.
    if (authorId && (await db.watchlist.get(authorId))?.newPaperIds.length) {
      await markSeen(db, authorId, now());
      await watchlist.updateBadge();
    }
    const profile = authorId ? await loadGroupProfile(db, authorId) : await loadPageProfile(db, scrape.url);
    await refresh(profile);
    return { authorId, stored, profile: await withStatus(profile) };
  }

  return {
    ...watchlist.handlers,
    ingest: ({ scrape }) => store(scrape),
    async ingestRead({ read }) {
      // Finished here, then validated as an `ingest` is: a draft that fails is a page not recognised.
      const outcome = checkedOutcome(finishRead(read), read.url, 3);
      if (!outcome.ok) return { authorId: null, stored: 0, profile: null, reason: outcome.reason };
      return { ...(await store(outcome)), reason: null };
    },
    async fetchProfile({ url }) {
      if (!enrichment?.http || !isRemoteProfileUrl(url)) return { authorId: null, profile: null, reason: 'no API for this page' };
      const settings = await enrichment.settings();
      const outcome = await fetchRemoteProfile(enrichment.http, url, { s2ApiKey: settings.keys.semanticScholar || null, now: now() });
      if (!outcome.ok) return { authorId: null, profile: null, reason: outcome.reason };
      const { authorId, profile } = await store(outcome);
      return { authorId, profile, reason: null };
    },
    async getProfile({ url, authorId, refresh: wantsRefresh, pageOnly }) {
      const profile = authorId
        ? await loadGroupProfile(db, authorId)
        : pageOnly && url ? await loadPageProfile(db, url) : await profileForUrl(db, url);
      if (wantsRefresh) await refresh(profile);
      return { profile: await withStatus(profile) };
    },
    async lookupAuthors({ refs }) {
      return { found: await lookupAuthors(db, refs) };
    },
    async unlinkAuthors({ authorId, otherId }) {
      await unlinkAuthors(db, authorId, otherId);
      return { profile: await withStatus(await loadGroupProfile(db, authorId)) };
    },
    async clearCache() {
      return { removed: await clearCache(db) };
    },
  };
}
