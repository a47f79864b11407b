/**
 * Every message between content scripts, popup and background, declared once: name → request
 * schema → response schema. Both ends validate with these (see lib/messaging.ts).
 */
import { z } from 'zod';
import { AuthorRef, Profile, ScrapeResult } from './schema';
import { RawRead } from './sites/raw-schema';
import { NOTE_MAX, WatchEntry } from './watchlist/schema';

export const AuthorSummary = z.object({
  authorId: z.string(),
  name: z.string(),
  papers: z.number().int(),
  citations: z.number().int().nullable(),
  h: z.number().int().nullable(),
  primaryCategory: z.string().nullable(),
  /** How the page's author was matched to the cached one. */
  matchedBy: z.enum(['id', 'name']),
  /** On the user's watchlist (the badge's star shows it). */
  watched: z.boolean().default(false),
});
export type AuthorSummary = z.infer<typeof AuthorSummary>;

/** A watchlist row with the headline numbers the Watchlist tab shows. */
export const WatchItem = z.object({
  entry: WatchEntry,
  papers: z.number().int(),
  citations: z.number().int().nullable(),
  h: z.number().int().nullable(),
  primaryCategory: z.string().nullable(),
});
export type WatchItem = z.infer<typeof WatchItem>;

export const ExportFormatName = z.enum(['json', 'csv', 'bibtex', 'ris', 'csljson', 'md']);

/** The largest backup the popup or options page sends in one message (the import limit of lib/export/json.ts). */
export const IMPORT_MAX_CHARS = 20 * 1024 * 1024;

export const protocol = {
  /** A content script hands over what it scraped; the reply is the profile to show on the page. */
  ingest: {
    request: z.object({ scrape: ScrapeResult }),
    response: z.object({ authorId: z.string().nullable(), stored: z.number().int(), profile: Profile.nullable() }),
  },
  /**
   * A content script hands over a page it read raw (lib/sites/raw-schema.ts): the background finishes
   * it into a draft, validates that as `ingest` does, and stores it. `reason` (and no profile): the
   * page was not recognised after all.
   */
  ingestRead: {
    request: z.object({ read: RawRead }),
    response: z.object({ authorId: z.string().nullable(), stored: z.number().int(), profile: Profile.nullable(), reason: z.string().nullable() }),
  },
  /** The popup asks for the profile of a page (by URL) or an author; null when nothing is cached. */
  getProfile: {
    request: z.object({
      url: z.string().optional(),
      authorId: z.string().optional(),
      /** Queue fetches for what is missing or expired (the popup's first load; not its progress polls). */
      refresh: z.boolean().optional(),
      /** The page's own profile (its papers), not the author the popup would pick for it. */
      pageOnly: z.boolean().optional(),
    }),
    response: z.object({ profile: Profile.nullable() }),
  },
  /** An app page (Semantic Scholar, OpenReview profile): the background reads the site's API and stores the profile. */
  fetchProfile: {
    request: z.object({ url: z.string().url() }),
    response: z.object({ authorId: z.string().nullable(), profile: Profile.nullable(), reason: z.string().nullable() }),
  },
  /** Which of these page authors have a cached profile (for the badges on abs and listing pages). */
  lookupAuthors: {
    request: z.object({ refs: z.array(AuthorRef).max(5000) }),
    response: z.object({ found: z.array(AuthorSummary.extend({ index: z.number().int() })) }),
  },
  /** The user says a linked record is another person: undo the link (for good) and answer the new profile. */
  unlinkAuthors: {
    request: z.object({ authorId: z.string(), otherId: z.string() }),
    response: z.object({ profile: Profile.nullable() }),
  },
  /** Save (`watched: true`) or unsave an author; the answer is the new state. */
  watch: {
    request: z.object({ authorId: z.string().min(1), watched: z.boolean() }),
    response: z.object({ watched: z.boolean() }),
  },
  /** The Watchlist tab: every watched author with headline numbers; `sync` says when sync is full or off. */
  getWatchlist: {
    request: z.object({}),
    response: z.object({ items: z.array(WatchItem), newPapers: z.number().int(), sync: z.string().nullable() }),
  },
  setWatchNote: {
    request: z.object({ authorId: z.string().min(1), note: z.string().max(NOTE_MAX) }),
    response: z.object({ entry: WatchEntry.nullable() }),
  },
  /** The user opened this author: their "new" papers are seen (the badge count drops). */
  markSeen: {
    request: z.object({ authorId: z.string().min(1) }),
    response: z.object({ newPapers: z.number().int() }),
  },
  /** "Check now": look for new papers of every watched author (what the alarm does daily). */
  checkWatchlist: {
    request: z.object({}),
    response: z.object({ checked: z.number().int(), newPapers: z.number().int(), errors: z.number().int() }),
  },
  /** A download: one profile (by author or page) or, with `watchlist`, every watched author (JSON: a backup). */
  exportData: {
    request: z.object({
      format: ExportFormatName,
      authorId: z.string().optional(),
      url: z.string().optional(),
      watchlist: z.boolean().optional(),
    }),
    response: z.object({ filename: z.string(), mime: z.string(), text: z.string() }),
  },
  /** Options page: restore a JSON backup (validated whole, then written in one transaction). */
  importBackup: {
    request: z.object({ text: z.string().max(IMPORT_MAX_CHARS) }),
    response: z.object({ ok: z.boolean(), message: z.string() }),
  },
  /** Options page: drop cached papers, profiles and pending fetches (the watchlist and settings stay). */
  clearCache: {
    request: z.object({}),
    response: z.object({ removed: z.number().int() }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

export const ErrorCode = z.enum(['invalid_message', 'unknown_type', 'forbidden_sender', 'internal', 'invalid_response']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Envelope = z.object({ type: z.string(), payload: z.unknown() });

export const ErrorReply = z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) });
export type ErrorReply = z.infer<typeof ErrorReply>;

export const Reply = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), ErrorReply]);
export type Reply<T = unknown> = { ok: true; data: T } | ErrorReply;
