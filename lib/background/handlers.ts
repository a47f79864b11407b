/** The background worker's answers to each protocol message. */
import type { Handlers } from '../messaging';
import type { ScholarDb } from '../store/db';
import { ingestScrape } from '../store/ingest';
import { lookupAuthors, profileForUrl } from '../store/lookup';
import { loadAuthorProfile, loadPageProfile } from '../store/profile';

export function createHandlers(db: ScholarDb): Handlers {
  return {
    async ingest({ scrape }) {
      const { authorId, stored } = await ingestScrape(db, scrape);
      const profile = authorId ? await loadAuthorProfile(db, authorId) : await loadPageProfile(db, scrape.url);
      return { authorId, stored, profile };
    },
    async getProfile({ url, authorId }) {
      if (authorId) return { profile: await loadAuthorProfile(db, authorId) };
      return { profile: await profileForUrl(db, url) };
    },
    async lookupAuthors({ refs }) {
      return { found: await lookupAuthors(db, refs) };
    },
  };
}
