/**
 * Links as the adapters read them: the parts of an http(s) URL `new URL` would give, read off the
 * text for the plain links arXiv pages are made of (a fraction of the cost), and through `new URL`
 * for anything else — the same answers either way.
 */
/**
 * The parts of an http(s) URL the readers look at: what `new URL` gives (`href`, `protocol`,
 * `hostname`, `pathname`, and `param(name)` for `searchParams.get(name)`), for most arXiv links
 * read off their text without parsing (`linkOf`), which costs a fraction of `new URL`.
 */
export interface LinkParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  param(name: string): string | null;
}

/** A parsed URL's parts (a class, not an object with a closure: one allocation a link). */
class UrlLink implements LinkParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;

  constructor(private readonly u: URL) {
    this.href = u.href;
    this.protocol = u.protocol;
    this.hostname = u.hostname;
    this.pathname = u.pathname;
  }

  param(name: string): string | null {
    return this.u.searchParams.get(name);
  }
}

function urlParts(u: URL): LinkParts {
  return new UrlLink(u);
}

/**
 * A decoded `application/x-www-form-urlencoded` name or value, as URLSearchParams decodes it: '+'
 * is a space, then percent-escapes are UTF-8 bytes. ASCII escapes are decoded here; anything else
 * by `decodeURIComponent`, which gives the same for valid UTF-8 and throws otherwise (invalid
 * escapes, bad UTF-8, where URLSearchParams would keep the text or put U+FFFD in): undefined then.
 */
export function formDecode(s: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 /* + */) {
      out += `${s.slice(from, i)} `;
      from = i + 1;
    } else if (c === 37 /* % */) {
      const byte = i + 2 < s.length ? parseHexByte(s.charCodeAt(i + 1), s.charCodeAt(i + 2)) : -1;
      if (byte < 0 || byte >= 0x80) {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return undefined;
        }
      }
      out += s.slice(from, i) + String.fromCharCode(byte);
      from = i + 3;
      i += 2;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function hexDigit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
}

function parseHexByte(a: number, b: number): number {
  const hi = hexDigit(a);
  const lo = hexDigit(b);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** The decoded pairs of a query, or null when one needs URLSearchParams itself (see `formDecode`). */
function formPairs(query: string): [string, string][] | null {
  const out: [string, string][] = [];
  let from = 0;
  while (from <= query.length) {
    let to = query.indexOf('&', from);
    if (to < 0) to = query.length;
    if (to > from) {
      const eq = query.indexOf('=', from);
      const cut = eq >= 0 && eq < to ? eq : to;
      const key = formDecode(query.slice(from, cut));
      const value = cut < to ? formDecode(query.slice(cut + 1, to)) : '';
      if (key === undefined || value === undefined) return null;
      out.push([key, value]);
    }
    from = to + 1;
  }
  return out;
}

/** The parts of a plain link, read off its text (see `LinkParts`). */
class TextLink implements LinkParts {
  /** The query's pairs, decoded on the first `param` call (null: URLSearchParams must decode them). */
  private pairs: [string, string][] | null | undefined;
  private params: URLSearchParams | undefined;

  constructor(
    readonly href: string,
    readonly protocol: string,
    readonly hostname: string,
    readonly pathname: string,
    private readonly query: string | undefined,
  ) {}

  /** `searchParams.get(name)`. */
  param(name: string): string | null {
    const query = this.query;
    if (query === undefined) return null;
    if (this.pairs === undefined) this.pairs = formPairs(query);
    // ('?' first: the constructor drops one leading '?', which a URL's own query keeps.)
    if (this.pairs === null) return (this.params ??= new URLSearchParams(`?${query}`)).get(name);
    for (const [k, v] of this.pairs) if (k === name) return v;
    return null;
  }
}

function textParts(href: string, protocol: string, hostname: string, path: string, query: string | undefined): LinkParts {
  return new TextLink(href, protocol, hostname, path, query);
}

/**
 * Links that `new URL` gives back exactly as written ("plain" links). A path and query of
 * characters it never escapes or changes (in Chromium and Node alike): letters, digits,
 * `-._~!$&()*+,;=:@%/` (and `?` in the query; percent-escapes are kept as they are, valid or not),
 * with no dot segment (`.`, `..`, `%2e`, which it removes: any segment starting with `.` or `%2e`
 * is left to `new URL`), no fragment. Absolute ones: `http`/`https` in lower case, no user, no
 * port, a host name of lower-case labels of letters, digits and single inner hyphens, each label
 * starting with a letter (so no IPv4 address and no punycode `xn--` label: nothing the host
 * parser would rewrite or refuse). Path-absolute ones (`/abs/…`, not `//host`) resolve against the
 * base's origin.
 */
const SAFE_PATH = String.raw`\/[A-Za-z0-9\-._~!$&()*+,;=:@%\/]*`;
const SAFE_QUERY = String.raw`[A-Za-z0-9\-._~!$&()*+,;=:@%\/?]*`;
const PLAIN_LABEL = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
const PLAIN_LINK = new RegExp(String.raw`^(https?):\/\/(${PLAIN_LABEL}(?:\.${PLAIN_LABEL})*)(${SAFE_PATH})(?:\?(${SAFE_QUERY}))?$`);
const PLAIN_PATH_LINK = new RegExp(String.raw`^(?!\/\/)(${SAFE_PATH})(?:\?(${SAFE_QUERY}))?$`);
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * What `new URL(…, base)` takes from a base: whether it parses at all (else it throws, even for an
 * absolute URL) and, for an http(s) base, its origin as `new URL` writes it (user and port
 * included), protocol and host name. The last base asked about is kept.
 */
export interface Base { base: string; valid: boolean; http: { origin: string; protocol: string; hostname: string } | null }
let lastBase: Base | null = null;

/** What `new URL(…, base)` takes from `base` (see `Base`); the last one asked about is kept. */
export function baseOf(base: string): Base {
  if (lastBase?.base === base) return lastBase;
  let out: Base;
  try {
    const u = new URL(base);
    const root = u.protocol === 'http:' || u.protocol === 'https:' ? new URL('/', u.href) : null;
    out = { base, valid: true, http: root && { origin: root.href.slice(0, -1), protocol: root.protocol, hostname: root.hostname } };
  } catch {
    out = { base, valid: false, http: null };
  }
  lastBase = out;
  return out;
}

/** `new URL(url)`'s parts when it is an http(s) URL, else null (see `LinkParts`; plain links without parsing). */
export function httpLink(url: string): LinkParts | null {
  const m = PLAIN_LINK.exec(url);
  if (m && !DOT_SEGMENT.test(m[3]!)) return textParts(url, `${m[1]}:`, m[2]!, m[3]!, m[4]);
  const u = httpUrl(url);
  return u ? urlParts(u) : null;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * False when no URL parsed from `url` can have a host name containing `name` (lower-case ASCII):
 * `url` is printable ASCII without `%` (so `new URL` neither decodes, maps nor drops a character
 * of its host: the host name is a lower-cased piece of it) and does not contain `name` in any case.
 */
export function mayHaveHost(url: string, name: string): boolean {
  return !PRINTABLE_ASCII.test(url) || url.includes('%') || url.toLowerCase().includes(name);
}

/**
 * The parts of `new URL(href.trim(), base)` when `href` is a plain link (see above) and `base`
 * lets it resolve (it parses; an http(s) one for a path-absolute link), read without parsing;
 * undefined for any other link (`new URL` has to tell).
 */
export function plainLink(href: string, base: string): LinkParts | undefined {
  const h = href.trim();
  const abs = PLAIN_LINK.exec(h);
  if (abs) return !DOT_SEGMENT.test(abs[3]!) && baseOf(base).valid ? textParts(h, `${abs[1]}:`, abs[2]!, abs[3]!, abs[4]) : undefined;
  if (h.charCodeAt(0) !== 47 /* / */) return undefined;
  const rel = PLAIN_PATH_LINK.exec(h);
  const b = rel && !DOT_SEGMENT.test(rel[1]!) ? baseOf(base).http : null;
  return rel && b ? textParts(b.origin + h, b.protocol, b.hostname, rel[1]!, rel[2]) : undefined;
}

/** `absoluteUrlOf`'s parts: plain links without parsing (see `LinkParts`). */
export function linkOf(href: string | null | undefined, base: string): LinkParts | null {
  if (!href) return null;
  const plain = plainLink(href, base);
  if (plain) return plain;
  const u = absoluteUrlOf(href, base);
  return u ? urlParts(u) : null;
}

/** `absoluteUrl` as a URL object (parsed once, for the callers that look inside it). */
export function absoluteUrlOf(href: string | null | undefined, base: string): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Resolve an href against a base; null for unparseable or non-http(s) targets (`javascript:`). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  return linkOf(href, base)?.href ?? null;
}

/** `new URL(url)` or null. */
export function toUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `new URL(url)` when it is an http(s) URL, else null (lib/xml.ts re-exports it for the feed parsers). */
export function httpUrl(url: string): URL | null {
  const u = toUrl(url);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u : null;
}
