/**
 * Download names: `scholar-lens-<author-slug>-<YYYY-MM-DD>.<ext>` for one profile,
 * `scholar-lens-watchlist-<YYYY-MM-DD>.<ext>` for several. The slug is the name ASCII-folded and
 * lower-cased, with runs of anything but `a-z 0-9` turned into one `-`, at most 60 characters;
 * a name with no Latin letters (`张伟`) falls back to the author id's slug, then to `profile`.
 * The date is the UTC date of `now`.
 */
import { asciiFold, type ExportableProfile } from './text';

export const SLUG_MAX = 60;

export function slugify(text: string, max = SLUG_MAX): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

export function profileSlug(profile: ExportableProfile): string {
  const candidates = [profile.author?.name, profile.title, profile.author?.id];
  for (const c of candidates) {
    const slug = c ? slugify(c) : '';
    if (slug) return slug;
  }
  return 'profile';
}

export function exportFilename(profiles: readonly ExportableProfile[] | ExportableProfile, ext: string, now: Date = new Date(), watchlist?: boolean): string {
  const list = Array.isArray(profiles) ? (profiles as readonly ExportableProfile[]) : [profiles as ExportableProfile];
  const date = now.toISOString().slice(0, 10);
  const many = watchlist ?? list.length !== 1;
  const who = many || !list[0] ? 'watchlist' : profileSlug(list[0]);
  return `scholar-lens-${who}-${date}.${ext.replace(/[^a-z0-9.]/gi, '')}`;
}
