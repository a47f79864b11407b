/**
 * What a page adapter's `scrape` gives before validation. Types only, and kept that way: the
 * `*-scrape.ts` modules (the code content scripts run) import this file, and a value import of
 * `../schema` here would put Zod back into every content-script bundle (bench/bundle.ts measures them).
 *
 * Each adapter comes in two layers: `<site>-scrape.ts` reads the page into a `ParseDraft` (Zod-free);
 * `<site>.ts` re-exports it and adds `parse`, which validates the draft with `ParseOutcome`
 * (`./checked.ts`). Content scripts send the draft as it is: the background validates every `ingest`
 * with `ScrapeResult` (lib/messaging.ts `dispatch`), which is the same schema and fills the same
 * defaults, so the profile stored is what `parse` would have given. Pages that list many papers are
 * sent as raw reads instead, and finished into drafts by the background (./raw-schema.ts).
 */
import type { z } from 'zod';
import type { ParseOutcome, ScrapeResult } from '../schema';

/** A `ParseOutcome` before validation: the schema's input (defaults not yet filled in). */
export type ParseDraft = z.input<typeof ParseOutcome>;

/** A page read successfully, before validation: what a content script hands to the background. */
export type ScrapeDraft = z.input<typeof ScrapeResult>;

/** A draft's page-specific part (the adapter's helpers build it; `scrape` adds the rest). */
export type DraftBody = Omit<ScrapeDraft, 'ok' | 'site' | 'url' | 'pageType' | 'scrapedAt'>;
