/**
 * The user's settings (options page): API keys, which sources are on, how long cached data is
 * trusted. Kept in storage.local, validated on every read so a damaged value falls back to defaults.
 */
import { z } from 'zod';

export const Settings = z.object({
  sources: z.object({
    arxivApi: z.boolean().default(true),
    semanticScholar: z.boolean().default(true),
    openAlex: z.boolean().default(false),
    huggingface: z.boolean().default(false),
  }).prefault({}),
  keys: z.object({
    semanticScholar: z.string().max(200).default(''),
    openAlex: z.string().max(200).default(''),
  }).prefault({}),
  ttl: z.object({
    /** Paper metadata rarely changes. */
    metadataDays: z.number().min(1).max(3650).default(30),
    /** Citation counts move daily. */
    citationsHours: z.number().min(1).max(24 * 365).default(24),
  }).prefault({}),
  watchlist: z.object({
    /** How often watched authors are checked for new papers (the `alarms` period). */
    checkHours: z.number().min(1).max(24 * 30).default(24),
    /** Also show a browser notification (asks for the optional `notifications` permission). */
    notify: z.boolean().default(false),
  }).prefault({}),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Stored value → settings; anything unreadable gives the defaults rather than an error. */
export function readSettings(stored: unknown): Settings {
  const r = Settings.safeParse(stored ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}

export const ttlMs = (s: Settings) => ({
  metadata: s.ttl.metadataDays * 86_400_000,
  citations: s.ttl.citationsHours * 3_600_000,
});
