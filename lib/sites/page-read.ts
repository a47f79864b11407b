/**
 * What a content script's reader gives: a finished draft (./draft.ts), or, for the pages that list
 * many papers, a raw read that the background finishes (./raw-schema.ts says why). Types only, as
 * in ./draft.ts: content scripts import this file, and Zod must stay out of their bundles.
 */
import type { z } from 'zod';
import type {
  ArxivRawEntry, ArxivRawResult, RawAnchor, RawBody, RawRead as RawReadSchema, ScholarRawRow, ScholarRawStats,
} from './raw-schema';
import type { DraftBody, ParseDraft } from './draft';

/** A raw read before validation (the schema's input). */
export type RawRead = z.input<typeof RawReadSchema>;
export type RawBody = z.input<typeof RawBody>;
export type RawAnchor = z.input<typeof RawAnchor>;
export type ArxivRawEntry = z.input<typeof ArxivRawEntry>;
export type ArxivRawResult = z.input<typeof ArxivRawResult>;
export type ScholarRawRow = z.input<typeof ScholarRawRow>;
export type ScholarRawStats = z.input<typeof ScholarRawStats>;

export type PageRead = ParseDraft | RawRead;

export function isRawRead(read: PageRead): read is RawRead {
  return read.ok && 'raw' in read;
}

/**
 * The draft of a raw read whose page-specific part its site's finisher gives (a string: the reason
 * the page is not recognised). Never throws; anything unexpected is `{ ok: false, reason }`.
 */
export function finished<R extends RawRead>(read: R, body: (read: R) => DraftBody | string): ParseDraft {
  const { site, url, pageType, scrapedAt } = read;
  try {
    const b = body(read);
    if (typeof b === 'string') return { ok: false, site, url, reason: b };
    return { ok: true, site, url, pageType, scrapedAt, ...b };
  } catch (e) {
    return { ok: false, site, url, reason: `parser error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
