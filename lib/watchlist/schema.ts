/**
 * One watched author, as the database keeps it (`watchlist` table, Dexie v4) and as backups and the
 * `storage.sync` mirror carry it. Validated with Zod wherever it crosses a boundary (sync storage,
 * backup files); the table itself holds only values that passed through here.
 */
import { z } from 'zod';
import { IsoTime } from '../schema';

/** Notes are short by design: they travel in `storage.sync`, whose items are 8 KB at most. */
export const NOTE_MAX = 500;

export const WatchEntry = z.object({
  /** The author's id in our database (`arxiv:…`, `gscholar:…`, `dblp:…`, `s2:…`, `openreview:…`). */
  authorId: z.string().min(1).max(300),
  name: z.string().max(300),
  note: z.string().max(NOTE_MAX),
  addedAt: IsoTime,
  /** When the user last opened this author: papers found after it count as "new". */
  lastSeenAt: IsoTime,
  /** When the background last looked for new papers; null before the first check. */
  lastCheckedAt: IsoTime.nullable(),
  /** Why the last check found nothing to say (offline, source not fetchable…); null when it worked. */
  lastCheckError: z.string().max(500).nullable(),
  /** Papers found by checks since `lastSeenAt` (ids in `papers`): "N new" and the action badge. */
  newPaperIds: z.array(z.string().max(300)).max(10_000),
  /** ms since epoch of the last edit of each synced field: concurrent edits merge field by field. */
  edited: z.object({ name: z.number(), note: z.number(), lastSeenAt: z.number() }),
});
export type WatchEntry = z.infer<typeof WatchEntry>;
export type WatchRow = WatchEntry;
