/**
 * Google Scholar URLs: which hosts are Scholar, which URLs are profiles, and the canonical forms
 * the adapter writes into its output (always on scholar.google.com, without `hl`, so the same
 * profile or article read in two languages or from two country domains gets the same URL).
 */
import { toUrl } from './arxiv-html';

export const SCHOLAR_ORIGIN = 'https://scholar.google.com';

/**
 * `scholar.google.<Google domain>`: `com`, a country code (`de`, `pt`), `co.<cc>` (`co.uk`),
 * `com.<cc>` (`com.br`), or a three-letter one (`cat`). Anchored, so `scholar.google.com.evil.net`
 * and `notscholar.google.com` are not Scholar.
 */
const HOST = /^scholar\.google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;

/** A Scholar user id as it appears in `user=` (12 characters such as `AoKJ_g4AAAAJ`; we accept any URL-safe token). */
const USER_ID = /^[A-Za-z0-9_-]{4,64}$/;

/** http(s) on a Scholar host. */
export function isScholarUrl(u: URL | null): u is URL {
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && HOST.test(u.hostname.toLowerCase());
}

function citationsUrl(url: string): URL | null {
  const u = toUrl(url);
  return isScholarUrl(u) && /^\/citations\/?$/.test(u.pathname) ? u : null;
}

/**
 * The Scholar user id of a `/citations?…user=<id>…` URL on any Scholar host (a profile, or a
 * citation view of one of its articles), else null.
 */
export function scholarUserId(url: string): string | null {
  const user = citationsUrl(url)?.searchParams.get('user')?.trim() ?? '';
  return USER_ID.test(user) ? user : null;
}

/**
 * A profile: `/citations?user=<id>` with any `hl`, sorting or paging params, with no `view_op` or
 * `view_op=list_works`. Citation views (`view_op=view_citation`), author searches, co-author
 * lists and other `view_op`s are not profiles.
 */
export function isProfileUrl(url: string): boolean {
  const u = citationsUrl(url);
  if (!u || !scholarUserId(url)) return false;
  const op = u.searchParams.get('view_op');
  return op === null || op === '' || op === 'list_works';
}

/** `https://scholar.google.com/citations?user=<id>`. */
export function profileUrl(user: string): string {
  return `${SCHOLAR_ORIGIN}/citations?user=${encodeURIComponent(user)}`;
}

/** The citation view of one article: `https://scholar.google.com/citations?view_op=view_citation&user=<id>&citation_for_view=<key>`. */
export function citationViewUrl(user: string, citationForView: string): string {
  // (Letters, digits, `_`, `-` and `:` — every id Scholar uses — come out as they are.)
  const q = (v: string) => (/^[\w:-]*$/.test(v) ? v : encodeURIComponent(v).replace(/%3A/gi, ':'));
  return `${SCHOLAR_ORIGIN}/citations?view_op=view_citation&user=${q(user)}&citation_for_view=${q(citationForView)}`;
}

/** A link's target resolved against `base`; null for `javascript:`, empty or unparsable links. */
export function resolveHref(href: string | null | undefined, base: string): URL | null {
  const h = (href ?? '').trim();
  if (!h || /^javascript:/i.test(h)) return null;
  try {
    return new URL(h, base);
  } catch {
    return null;
  }
}
