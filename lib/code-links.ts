/**
 * Finds links to code repositories (GitHub, GitLab, Bitbucket, Hugging Face) in free text such as
 * an abstract or an arXiv comment. Pure; shared by the arXiv adapters.
 */

const HOSTS = String.raw`(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)`;

/**
 * A code-host URL, with or without `http(s)://` and `www.`, followed by a path. The look-behind
 * keeps out hosts that are only a suffix (`foo.github.com`), e-mail addresses, and URLs with a
 * scheme other than http(s) (`git://github.com/...`: the host is preceded by `/`).
 * Braces and backslashes end a URL so LaTeX (`\url{https://github.com/a/b}`) works.
 */
const CODE_URL = new RegExp(String.raw`(?<![\w.@/:\-])((?:https?://)?(?:www\.)?${HOSTS}/[^\s<>"'\x60{}\\|^]+)`, 'gi');

const TRAILING = /[.,;:!?'"*]$/;

function trimTrailing(url: string): string {
  let u = url;
  for (;;) {
    if (TRAILING.test(u)) {
      u = u.slice(0, -1);
      continue;
    }
    const last = u.at(-1);
    if (last === ')' || last === ']') {
      const open = last === ')' ? '(' : '[';
      const opens = u.split(open).length - 1;
      const closes = u.split(last).length - 1;
      if (closes > opens) {
        u = u.slice(0, -1);
        continue;
      }
    }
    return u;
  }
}

function withScheme(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/** Key for de-duplication: case-insensitive, without scheme, `www.` or trailing slashes. */
function dedupeKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/**
 * Every code-repository URL found in `texts`, in order of first appearance, de-duplicated,
 * trailing punctuation trimmed, always absolute `http(s)://` (a bare `github.com/a/b` gets `https://`).
 * A bare host without a path (`github.com/`) is not a link to code and is skipped.
 */
export function findCodeLinks(...texts: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(CODE_URL)) {
      const raw = m[1];
      if (!raw) continue;
      const url = withScheme(trimTrailing(raw));
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        continue;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') continue;
      if (parsed.pathname.replace(/\/+/g, '/') === '/') continue;
      // A Hugging Face paper page describes the paper; it is not a code repository.
      if (/huggingface\.co$/i.test(parsed.hostname) && /^\/papers(\/|$)/.test(parsed.pathname)) continue;
      const key = dedupeKey(url);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(url);
    }
  }
  return out;
}
