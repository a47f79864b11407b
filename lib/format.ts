/** Display helpers (pure). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Short category badge: `cs.CL` → `CL`, `q-bio.NC` → `NC`, `hep-th` → `hep-th`, null → `?`. */
export function categoryBadge(cat: string | null | undefined): string {
  const c = (cat ?? '').trim();
  if (!c) return '?';
  const dot = c.lastIndexOf('.');
  const sub = dot >= 0 ? c.slice(dot + 1) : c;
  return sub || c;
}

/**
 * `May 25` for a date in the current (UTC) year, `Aug 27, 2024` otherwise, '' for null or
 * an unreadable date. Takes `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
 */
export function formatPaperDate(iso: string | null | undefined, now: Date = new Date()): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim()) : null;
  if (!m) return '';
  const year = Number(m[1]);
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return '';
  return year === now.getUTCFullYear() ? `${month} ${day}` : `${month} ${day}, ${year}`;
}

/** `A, B, C et al.` when there are more than `shown` authors, else all joined with ', '. */
export function authorLine(authors: readonly string[], shown = 3): string {
  const n = Math.max(1, Math.floor(shown));
  if (authors.length > n) return `${authors.slice(0, n).join(', ')} et al.`;
  return authors.join(', ');
}

/** True only for an absolute http(s) URL (safe to put in an `href`). */
export function isSafeHttpUrl(url: unknown): url is string {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/?#]/i.test(url) || /[\s\u0000-\u001f]/.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** An age (a duration in milliseconds) as `just now`, `3 min ago`, `2 h ago`, `5 d ago`. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}
