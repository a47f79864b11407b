/**
 * The one HTTP client every remote source goes through. Runs in the MV3 service worker: global
 * `fetch` only, no Node APIs.
 *
 * - One p-queue per host (concurrency + sliding-window rate limit from that host's {@link HostRule}).
 *   Every attempt, retries included, is its own queue task, so retries obey the rate limit too.
 * - Retries with full-jitter exponential backoff for 408/429/5xx and timeouts; `Retry-After`
 *   (seconds or HTTP date) is honoured instead of the backoff and pauses the whole host.
 * - Adaptive hosts (Semantic Scholar, whose 429s come below its nominal limit): each 429 doubles
 *   the host's interval (cap 60 s); 20 consecutive successes halve it back toward the base.
 * - Identical in-flight requests (method + URL + body) share one call.
 * - Offline (fetch rejects): no retries, a typed {@link OfflineError}, `isOffline()` until the
 *   next response.
 * - Every JSON body is validated with the caller's Zod schema; failures become a logged
 *   {@link InvalidResponseError}, never a crash.
 *
 * Why not ky's retry: its waits use real timers and `Date.now()` (no injectable clock, so the
 * Retry-After / backoff behaviour could only be tested in wall-clock seconds), its retries would
 * bypass the per-host queue (or, when routed through it via `fetch`, its timeout would count time
 * spent waiting in the queue), and the adaptive 429 handling and per-attempt counting need
 * per-attempt hooks anyway. The loop here is small; the queueing is p-queue's.
 */
import PQueue from 'p-queue';
import type { ZodType } from 'zod';
import { HttpError, InvalidResponseError, OfflineError, SourceError, TimeoutError } from './errors';

// ---------------------------------------------------------------- rules

export interface HostRule {
  /** Requests in flight at once. */
  concurrency: number;
  /** At most `intervalCap` requests start in any window of `intervalMs` (0 = no rate limit). */
  intervalMs: number;
  intervalCap: number;
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Retries after the first attempt (for 408/429/5xx and timeouts). */
  retries: number;
  /** Slow down on 429 (double the interval, cap 60 s) and speed up again after 20 successes. */
  adaptive?: boolean;
}

const ARXIV_RULE: HostRule = { concurrency: 1, intervalMs: 3000, intervalCap: 1, timeoutMs: 30_000, retries: 3 };

/** Per-host defaults. arXiv asks for one request every 3 s on one connection. */
export const DEFAULT_HOST_RULES: Readonly<Record<string, HostRule>> = {
  'export.arxiv.org': ARXIV_RULE,
  'arxiv.org': ARXIV_RULE,
  'api.semanticscholar.org': { concurrency: 1, intervalMs: 1000, intervalCap: 1, timeoutMs: 20_000, retries: 4, adaptive: true },
  'api.openalex.org': { concurrency: 5, intervalMs: 1000, intervalCap: 10, timeoutMs: 20_000, retries: 3 },
  'huggingface.co': { concurrency: 2, intervalMs: 1000, intervalCap: 2, timeoutMs: 15_000, retries: 2 },
};

/** Hosts not listed above: one request per second. */
export const DEFAULT_RULE: HostRule = { concurrency: 1, intervalMs: 1000, intervalCap: 1, timeoutMs: 20_000, retries: 2 };

/** Adaptive slow-down cap and the number of consecutive successes that halves the interval. */
export const ADAPTIVE_MAX_INTERVAL_MS = 60_000;
export const ADAPTIVE_RECOVERY_SUCCESSES = 20;

export { HttpError, InvalidResponseError, OfflineError, SourceError, TimeoutError } from './errors';

// ---------------------------------------------------------------- client

export interface RequestReport {
  host: string;
  url: string;
  method: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  status: number | 'network-error' | 'timeout';
}

export interface Logger {
  warn(message: string, details?: unknown): void;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Per-host overrides, merged over the defaults for that host. */
  hosts?: Partial<Record<string, Partial<HostRule>>>;
  /** Clock (ms since epoch) for Retry-After dates and the adaptive/Retry-After gate. */
  now?: () => number;
  /** Waits between retries and at the gate (not the per-attempt timeout, which uses real timers). */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): full jitter. */
  random?: () => number;
  onRequest?: (info: RequestReport) => void;
  logger?: Logger;
  backoff?: {
    /** First retry waits up to this (then doubles). Default 1000. */
    baseMs?: number;
    /** Cap of the exponential part. Default 30 000. */
    capMs?: number;
    /** A `Retry-After` longer than this is not waited for: the request fails at once. Default 120 000. */
    maxRetryAfterMs?: number;
  };
}

export interface RequestOptions {
  headers?: Record<string, string>;
}

export interface HttpClient {
  getJson<T>(url: string, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  getText(url: string, init?: RequestOptions): Promise<string>;
  postJson<T>(url: string, body: unknown, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  /** Requests sent per host (every attempt counts, whatever its outcome). */
  stats(): Record<string, number>;
  /** True after fetch rejected, until the next answer from any host. */
  isOffline(): boolean;
  /** The host's current spacing between requests (adaptive hosts change it). */
  intervalMs(host: string): number;
  /** The client's logger, for sources that find a 2xx body unusable after parsing. */
  readonly logger: Logger;
}

interface RawResponse {
  status: number;
  text: string;
  headers: Headers;
}

type AttemptOutcome =
  | { kind: 'response'; response: RawResponse }
  | { kind: 'timeout' }
  | { kind: 'network'; error: unknown };

interface HostState {
  rule: HostRule;
  queue: PQueue;
  sent: number;
  /** Current spacing (adaptive hosts: base × 2^k, capped). */
  intervalMs: number;
  successStreak: number;
  /** Start time reserved by the last attempt (for the adaptive gate). */
  lastStartAt: number;
  /** No attempt before this time (set by Retry-After). */
  blockedUntil: number;
}

const RETRYABLE = (status: number): boolean => status === 408 || status === 429 || (status >= 500 && status <= 599);

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent/unparseable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  // Never call an unbound `fetch` (browsers throw "Illegal invocation").
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  const logger: Logger = opts.logger ?? { warn: (m, d) => console.warn(m, d) };
  const baseMs = opts.backoff?.baseMs ?? 1000;
  const capMs = opts.backoff?.capMs ?? 30_000;
  const maxRetryAfterMs = opts.backoff?.maxRetryAfterMs ?? 120_000;

  const hosts = new Map<string, HostState>();
  const inFlight = new Map<string, Promise<RawResponse>>();
  let offline = false;

  function ruleFor(host: string): HostRule {
    const base = DEFAULT_HOST_RULES[host] ?? DEFAULT_RULE;
    const override = opts.hosts?.[host];
    return { ...base, ...override };
  }

  function hostState(host: string): HostState {
    let h = hosts.get(host);
    if (!h) {
      const rule = ruleFor(host);
      const limited = rule.intervalMs > 0 && Number.isFinite(rule.intervalCap);
      const queue = new PQueue({
        concurrency: Math.max(1, rule.concurrency),
        ...(limited ? { interval: rule.intervalMs, intervalCap: Math.max(1, rule.intervalCap), strict: true } : {}),
      });
      h = { rule, queue, sent: 0, intervalMs: rule.intervalMs, successStreak: 0, lastStartAt: -Infinity, blockedUntil: -Infinity };
      hosts.set(host, h);
    }
    return h;
  }

  /** Waits (inside the queue slot) for a Retry-After pause and for an adaptive slow-down. */
  async function gate(h: HostState): Promise<void> {
    const t = now();
    let start = Math.max(t, h.blockedUntil);
    if (h.rule.adaptive && h.intervalMs > h.rule.intervalMs) {
      start = Math.max(start, h.lastStartAt + h.intervalMs / Math.max(1, h.rule.intervalCap));
    }
    h.lastStartAt = start;
    if (start > t) await sleep(start - t);
  }

  function onStatus(h: HostState, status: number): void {
    if (!h.rule.adaptive) return;
    if (status === 429) {
      h.successStreak = 0;
      h.intervalMs = Math.min(ADAPTIVE_MAX_INTERVAL_MS, Math.max(h.intervalMs, 1) * 2);
    } else if (status >= 200 && status < 300) {
      h.successStreak++;
      if (h.successStreak >= ADAPTIVE_RECOVERY_SUCCESSES) {
        h.successStreak = 0;
        h.intervalMs = Math.max(h.rule.intervalMs, h.intervalMs / 2);
      }
    }
  }

  async function attemptOnce(h: HostState, host: string, url: string, init: RequestInit, attempt: number): Promise<AttemptOutcome> {
    await gate(h);
    const method = init.method ?? 'GET';
    h.sent++;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, h.rule.timeoutMs);
    let outcome: AttemptOutcome;
    try {
      const res = await doFetch(url, { ...init, signal: controller.signal });
      const text = await res.text();
      outcome = { kind: 'response', response: { status: res.status, text, headers: res.headers } };
    } catch (error) {
      outcome = timedOut ? { kind: 'timeout' } : { kind: 'network', error };
    } finally {
      clearTimeout(timer);
    }
    const status = outcome.kind === 'response' ? outcome.response.status : outcome.kind === 'timeout' ? 'timeout' : 'network-error';
    try {
      opts.onRequest?.({ host, url, method, attempt, status });
    } catch {
      // a reporting hook must never break a request
    }
    return outcome;
  }

  function backoffMs(attempt: number): number {
    const exp = Math.min(capMs, baseMs * 2 ** (attempt - 1));
    return Math.floor(random() * exp); // full jitter
  }

  async function execute(url: string, init: RequestInit): Promise<RawResponse> {
    const host = hostOf(url);
    if (!host) throw new SourceError(`not an absolute URL: ${url}`, url);
    const h = hostState(host);
    for (let attempt = 1; ; attempt++) {
      const outcome = await h.queue.add(() => attemptOnce(h, host, url, init, attempt));
      const canRetry = attempt <= h.rule.retries;

      if (outcome.kind === 'network') {
        offline = true;
        throw new OfflineError(url, outcome.error);
      }
      if (outcome.kind === 'timeout') {
        if (!canRetry) throw new TimeoutError(url, h.rule.timeoutMs);
        await sleep(backoffMs(attempt));
        continue;
      }

      const { response } = outcome;
      offline = false;
      onStatus(h, response.status);
      if (response.status >= 200 && response.status < 300) return response;

      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      const error = new HttpError(url, response.status, retryAfter, response.text.slice(0, 200));
      if (!RETRYABLE(response.status) || !canRetry) throw error;
      if (retryAfter != null) {
        if (retryAfter > maxRetryAfterMs) throw error;
        h.blockedUntil = Math.max(h.blockedUntil, now() + retryAfter);
        await sleep(retryAfter);
      } else {
        await sleep(backoffMs(attempt));
      }
    }
  }

  function shared(method: string, url: string, body: string | undefined, init: RequestOptions | undefined): Promise<RawResponse> {
    const key = `${method} ${url}\n${body ?? ''}`;
    const existing = inFlight.get(key);
    if (existing) return existing;
    const headers: Record<string, string> = { accept: 'application/json, application/atom+xml;q=0.9, */*;q=0.8', ...init?.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const p = execute(url, { method, headers, ...(body !== undefined ? { body } : {}) }).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  }

  function parseJson<T>(url: string, raw: RawResponse, schema: ZodType<T>): T {
    let data: unknown;
    try {
      data = JSON.parse(raw.text);
    } catch (e) {
      const err = new InvalidResponseError(url, 'json', e instanceof Error ? e.message : String(e));
      logger.warn(`[sources] ${err.message}`, { url, body: raw.text.slice(0, 200) });
      throw err;
    }
    const checked = schema.safeParse(data);
    if (!checked.success) {
      const first = checked.error.issues[0];
      const detail = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'schema mismatch';
      const err = new InvalidResponseError(url, 'schema', detail, checked.error.issues);
      logger.warn(`[sources] ${err.message}`, { url, issues: checked.error.issues.slice(0, 5) });
      throw err;
    }
    return checked.data;
  }

  return {
    async getJson(url, schema, init) {
      return parseJson(url, await shared('GET', url, undefined, init), schema);
    },
    async getText(url, init) {
      return (await shared('GET', url, undefined, init)).text;
    },
    async postJson(url, body, schema, init) {
      return parseJson(url, await shared('POST', url, JSON.stringify(body), init), schema);
    },
    stats() {
      const out: Record<string, number> = {};
      for (const [host, h] of hosts) out[host] = h.sent;
      return out;
    },
    isOffline: () => offline,
    intervalMs: (host) => hosts.get(host)?.intervalMs ?? ruleFor(host).intervalMs,
    logger,
  };
}
