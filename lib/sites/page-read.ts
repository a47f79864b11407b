/**
 * What a content script's reader gives: a finished draft (./draft.ts), or, for the pages that list
 * many papers, a raw read that the background finishes (./raw-schema.ts says why). Types only, as
 * in ./draft.ts: content scripts import this file, and Zod must stay out of their bundles.
 */
import type { z } from 'zod';
import type {
  ArxivRawEntry, ArxivRawResult, RawAnchor, RawBody, RawRead as RawReadSchema, ScholarRawRow, ScholarRawStats,
} from './raw-schema';
import type { ParseDraft } from './draft';

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
