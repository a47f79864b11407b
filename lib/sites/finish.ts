/**
 * The background's half of a raw read (./raw-schema.ts): each kind made into a draft by its site's
 * finisher. Never throws; anything unexpected is `{ ok: false, reason }`.
 */
import { finishArxiv } from './arxiv-finish';
import type { ParseDraft } from './draft';
import { finishScholar } from './gscholar-finish';
import type { RawRead } from './page-read';

export function finishRead(read: RawRead): ParseDraft {
  switch (read.raw.kind) {
    case 'arxiv-listing':
    case 'arxiv-author':
    case 'arxiv-search':
      return finishArxiv({ ...read, raw: read.raw });
    case 'gscholar-profile':
      return finishScholar({ ...read, raw: read.raw });
  }
}
