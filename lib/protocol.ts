/**
 * Every message between content scripts, popup and background, declared once: name → request
 * schema → response schema. Both ends validate with these (see lib/messaging.ts).
 */
import { z } from 'zod';
import { AuthorRef, Profile, ScrapeResult } from './schema';

export const AuthorSummary = z.object({
  authorId: z.string(),
  name: z.string(),
  papers: z.number().int(),
  citations: z.number().int().nullable(),
  h: z.number().int().nullable(),
  primaryCategory: z.string().nullable(),
  /** How the page's author was matched to the cached one. */
  matchedBy: z.enum(['id', 'name']),
});
export type AuthorSummary = z.infer<typeof AuthorSummary>;

export const protocol = {
  /** A content script hands over what it scraped; the reply is the profile to show on the page. */
  ingest: {
    request: z.object({ scrape: ScrapeResult }),
    response: z.object({ authorId: z.string().nullable(), stored: z.number().int(), profile: Profile.nullable() }),
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
