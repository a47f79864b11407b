// @vitest-environment node
/**
 * The HTTP client's failure handling against a local scripted server: retries, Retry-After,
 * timeouts, bad bodies, offline, adaptive slow-down, in-flight dedupe, per-host rate limits.
 * Waits go through an injected fake clock (sleep advances `now`), so nothing here waits for a
 * backoff or a Retry-After in real time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ADAPTIVE_MAX_INTERVAL_MS,
  createHttpClient,
  HttpError,
  InvalidResponseError,
  OfflineError,
  parseRetryAfter,
  TimeoutError,
  type HostRule,
  type HttpClientOptions,
  type RequestReport,
} from '../../lib/sources/http';
import { startServer, type TestServer } from '../http-server';

const S2 = 'api.semanticscholar.org';
const OA = 'api.openalex.org';
const Thing = z.looseObject({ ok: z.boolean(), n: z.number().optional() });

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** A client on the local server with a fake clock: `sleep` records the wait and advances `now`. */
function client(hosts: Partial<Record<string, Partial<HostRule>>> = {}, extra: Partial<HttpClientOptions> = {}) {
  let t = Date.UTC(2024, 0, 1, 0, 0, 0);
  const sleeps: number[] = [];
  const reports: RequestReport[] = [];
  const warnings: string[] = [];
  const http = createHttpClient({
    fetch: server.fetch,
    // No real rate limit unless a test sets one; retries as the test needs.
    hosts: { [OA]: { intervalMs: 0, ...hosts[OA] }, [S2]: { intervalMs: 0, ...hosts[S2] }, ...withoutKnown(hosts) },
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    random: () => 0.5,
    onRequest: (r) => reports.push(r),
    logger: { warn: (m) => warnings.push(m) },
    ...extra,
  });
  return { http, sleeps, reports, warnings, now: () => t };
}

function withoutKnown(h: Partial<Record<string, Partial<HostRule>>>) {
  const { [OA]: _a, [S2]: _b, ...rest } = h;
  return rest;
}

const OA_URL = `https://${OA}/things/1`;

describe('retries', () => {
  it('429 with Retry-After in seconds: waits exactly that long, then succeeds', async () => {
    server.route('/things/1', [{ status: 429, headers: { 'retry-after': '7' } }, { body: { ok: true } }]);
    const { http, sleeps, reports } = client();
    await expect(http.getJson(OA_URL, Thing)).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([7000]);
    expect(reports.map((r) => r.status)).toEqual([429, 200]);
    expect(reports.map((r) => r.attempt)).toEqual([1, 2]);
    expect(http.stats()).toEqual({ [OA]: 2 });
    expect(server.requests.map((r) => r.host)).toEqual([OA, OA]);
  });

  it('429 with Retry-After as an HTTP date: waits until that date', async () => {
    const { http, sleeps, now } = client();
    const at = new Date(now() + 5000).toUTCString();
    server.route('/things/1', [{ status: 429, headers: { 'retry-after': at } }, { body: { ok: true } }]);
    await http.getJson(OA_URL, Thing);
    expect(sleeps).toEqual([5000]);
  });

  it('429 without Retry-After: full-jitter exponential backoff (random × base × 2^k)', async () => {
    server.route('/things/1', [{ status: 429 }, { status: 429 }, { status: 429 }, { body: { ok: true } }]);
    const { http, sleeps } = client();
    await http.getJson(OA_URL, Thing);
    // random() = 0.5, base 1000 ms: 0.5 × 1000, 0.5 × 2000, 0.5 × 4000
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(http.stats()[OA]).toBe(4);
  });

  it('backoff is capped', async () => {
    server.route('/things/1', { status: 503 });
    const { http, sleeps } = client({ [OA]: { retries: 6 } }, { backoff: { baseMs: 1000, capMs: 4000 } });
    await expect(http.getJson(OA_URL, Thing)).rejects.toBeInstanceOf(HttpError);
    expect(sleeps).toEqual([500, 1000, 2000, 2000, 2000, 2000]);
  });

  it('500 then success', async () => {
    server.route('/things/1', [{ status: 500, body: 'oops' }, { body: { ok: true, n: 3 } }]);
    const { http, reports } = client();
    await expect(http.getJson(OA_URL, Thing)).resolves.toEqual({ ok: true, n: 3 });
    expect(reports.map((r) => r.status)).toEqual([500, 200]);
  });

  it('gives up after `retries` with a typed HttpError carrying the status', async () => {
    server.route('/things/1', { status: 503, body: 'unavailable' });
    const { http } = client({ [OA]: { retries: 2 } });
    const err = await http.getJson(OA_URL, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).bodySnippet).toBe('unavailable');
    expect(server.requests).toHaveLength(3);
    expect(http.stats()[OA]).toBe(3);
  });

  it('does not retry 4xx other than 408/429', async () => {
    server.route('/things/1', { status: 404, body: { error: 'not found' } });
    const { http, sleeps } = client();
    await expect(http.getJson(OA_URL, Thing)).rejects.toMatchObject({ name: 'HttpError', status: 404 });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a Retry-After beyond maxRetryAfterMs fails at once instead of waiting', async () => {
    server.route('/things/1', { status: 429, headers: { 'retry-after': '3600' } });
    const { http, sleeps } = client({}, { backoff: { maxRetryAfterMs: 60_000 } });
    const err = await http.getJson(OA_URL, Thing).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'HttpError', status: 429, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a Retry-After pauses the whole host, not just the request that got it', async () => {
    server.route('/things/1', [{ status: 429, headers: { 'retry-after': '10' } }, { body: { ok: true } }]);
    server.route('/things/2', { body: { ok: true } });
    let t = Date.UTC(2024, 0, 1);
    const sleeps: number[] = [];
    let release: (() => void) | undefined;
    const sleep = (ms: number): Promise<void> => {
      sleeps.push(ms);
      if (sleeps.length === 1) return new Promise<void>((r) => (release = r)); // the 429'd request's own wait, held
      t += ms;
      return Promise.resolve();
    };
    const { http } = client({}, { now: () => t, sleep });
    const first = http.getJson(OA_URL, Thing);
    await vi.waitFor(() => expect(release).toBeDefined());
    // While /things/1 waits out its Retry-After, /things/2 waits at the host gate for the same 10 s.
    await http.getJson(`https://${OA}/things/2`, Thing);
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(server.requests.map((r) => r.path)).toEqual(['/things/1', '/things/2']);
    release?.();
    await first;
    expect(server.requests.map((r) => r.path)).toEqual(['/things/1', '/things/2', '/things/1']);
    expect(sleeps).toEqual([10_000, 10_000]); // the retry itself found the pause over
  });
});

describe('timeouts', () => {
  it('times out every attempt, retries, then throws a typed TimeoutError', async () => {
    server.route('/things/1', { delayMs: 1500, body: { ok: true } });
    const { http, reports } = client({ [OA]: { timeoutMs: 150, retries: 1 } });
    const err = await http.getJson(OA_URL, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).timeoutMs).toBe(150);
    expect(reports.map((r) => r.status)).toEqual(['timeout', 'timeout']);
    expect(http.stats()[OA]).toBe(2);
    expect(http.isOffline()).toBe(false);
  });

  it('a slow first answer then a fast one succeeds', async () => {
    server.route('/things/1', [{ delayMs: 1500, body: { ok: false } }, { body: { ok: true } }]);
    const { http } = client({ [OA]: { timeoutMs: 150, retries: 3 } });
    await expect(http.getJson(OA_URL, Thing)).resolves.toEqual({ ok: true });
  });
});

describe('invalid bodies', () => {
  it('malformed JSON → InvalidResponseError (json), logged, not retried', async () => {
    server.route('/things/1', { body: '{"ok": tru', headers: { 'content-type': 'application/json' } });
    const { http, warnings } = client();
    const err = await http.getJson(OA_URL, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as InvalidResponseError).reason).toBe('json');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(OA_URL);
    expect(server.requests).toHaveLength(1);
  });

  it('a body failing the schema → InvalidResponseError (schema) with the issues, logged', async () => {
    server.route('/things/1', { body: { ok: 'yes', extra: 1 } });
    const { http, warnings } = client();
    const err = await http.getJson(OA_URL, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as InvalidResponseError).reason).toBe('schema');
    expect((err as InvalidResponseError).issues.length).toBeGreaterThan(0);
    expect((err as Error).message).toContain('ok');
    expect(warnings).toHaveLength(1);
  });

  it('unknown fields are tolerated and kept', async () => {
    server.route('/things/1', { body: { ok: true, somethingNew: [1, 2] } });
    const { http } = client();
    await expect(http.getJson(OA_URL, Thing)).resolves.toEqual({ ok: true, somethingNew: [1, 2] });
  });
});

describe('offline', () => {
  it('fetch rejecting with a TypeError → OfflineError at once, no retries; isOffline until the next answer', async () => {
    let calls = 0;
    let online = false;
    const fetchImpl: typeof fetch = (input, init) => {
      calls++;
      return online ? server.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
    };
    server.route('/things/1', { body: { ok: true } });
    const { http, sleeps, reports } = client({ [OA]: { retries: 5 } }, { fetch: fetchImpl });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => http.getJson(`${OA_URL}?i=${i}`, Thing)));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof OfflineError)).toBe(true);
    expect(calls).toBe(5); // one attempt per request: no retry storm
    expect(sleeps).toEqual([]);
    expect(reports.every((r) => r.status === 'network-error')).toBe(true);
    expect(http.isOffline()).toBe(true);

    online = true;
    await expect(http.getJson(OA_URL, Thing)).resolves.toEqual({ ok: true });
    expect(http.isOffline()).toBe(false);
  });

  it('a connection dropped by the server (real socket) is an OfflineError too', async () => {
    server.route('/things/1', { hangUp: true });
    const { http } = client({ [OA]: { retries: 3 } });
    await expect(http.getJson(OA_URL, Thing)).rejects.toBeInstanceOf(OfflineError);
    expect(server.requests).toHaveLength(1);
    expect(http.isOffline()).toBe(true);
  });
});

describe('adaptive slow-down (Semantic Scholar)', () => {
  const S2_URL = `https://${S2}/graph/v1/paper/x`;

  it('each 429 doubles the interval', async () => {
    server.route('/graph/v1/paper/x', [{ status: 429 }, { status: 429 }, { body: { ok: true } }]);
    const { http } = client({ [S2]: { intervalMs: 50 } });
    expect(http.intervalMs(S2)).toBe(50);
    await http.getJson(S2_URL, Thing);
    expect(http.intervalMs(S2)).toBe(200);
  });

  it('the slowed interval spaces the following requests (gate waits on the fake clock)', async () => {
    server.route('/graph/v1/paper/x', [{ status: 429 }, { body: { ok: true } }]);
    server.route('*', { body: { ok: true } });
    const { http, sleeps } = client({ [S2]: { intervalMs: 50 } });
    await http.getJson(S2_URL, Thing); // 429 (→ 100 ms), backoff 500, then 200
    expect(http.intervalMs(S2)).toBe(100);
    sleeps.length = 0;
    await Promise.all(['a', 'b', 'c'].map((p) => http.getJson(`https://${S2}/graph/v1/${p}`, Thing)));
    expect(sleeps).toEqual([100, 100, 100]);
  });

  it('is capped at 60 s', async () => {
    server.route('/graph/v1/paper/x', { status: 429 });
    const { http } = client({ [S2]: { intervalMs: 10, retries: 14 } });
    await expect(http.getJson(S2_URL, Thing)).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(15);
    expect(http.intervalMs(S2)).toBe(ADAPTIVE_MAX_INTERVAL_MS);
  });

  it('20 consecutive successes halve it back toward the base', async () => {
    server.route('/graph/v1/paper/x', [{ status: 429 }, { status: 429 }, { body: { ok: true } }]);
    server.route('*', { body: { ok: true } });
    const { http } = client({ [S2]: { intervalMs: 5 } });
    await http.getJson(S2_URL, Thing); // 2 × 429 → 20, then success #1
    expect(http.intervalMs(S2)).toBe(20);
    for (let i = 0; i < 18; i++) await http.getJson(`https://${S2}/graph/v1/p${i}`, Thing);
    expect(http.intervalMs(S2)).toBe(20); // 19 successes
    await http.getJson(`https://${S2}/graph/v1/p18`, Thing);
    expect(http.intervalMs(S2)).toBe(10); // 20th
    for (let i = 0; i < 40; i++) await http.getJson(`https://${S2}/graph/v1/q${i}`, Thing);
    expect(http.intervalMs(S2)).toBe(5); // never below the base
  });

  it('non-adaptive hosts keep their interval on 429', async () => {
    server.route('/things/1', [{ status: 429 }, { body: { ok: true } }]);
    const { http } = client({ [OA]: { intervalMs: 50, intervalCap: 1 } });
    await http.getJson(OA_URL, Thing);
    expect(http.intervalMs(OA)).toBe(50);
  });
});

describe('in-flight dedupe', () => {
  it('identical concurrent GETs share one request; different URLs do not', async () => {
    server.route('/things/1', { delayMs: 80, body: { ok: true, n: 1 } });
    server.route('/things/2', { delayMs: 80, body: { ok: true, n: 2 } });
    const { http } = client({ [OA]: { concurrency: 4 } });
    const [a, b, c, d] = await Promise.all([
      http.getJson(OA_URL, Thing),
      http.getJson(OA_URL, Thing),
      http.getJson(OA_URL, Thing),
      http.getJson(`https://${OA}/things/2`, Thing),
    ]);
    expect([a, b, c, d].map((x) => x.n)).toEqual([1, 1, 1, 2]);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/things/1', '/things/2']);
    expect(http.stats()[OA]).toBe(2);
    // Once settled, the next call is a new request (dedupe, not a cache).
    await http.getJson(OA_URL, Thing);
    expect(server.requests).toHaveLength(3);
  });

  it('POSTs share only when the body is the same', async () => {
    server.route('/batch', (req) => ({ delayMs: 50, body: { ok: true, n: (JSON.parse(req.body) as { ids: unknown[] }).ids.length } }));
    const { http } = client({ [OA]: { concurrency: 4 } });
    const url = `https://${OA}/batch`;
    const res = await Promise.all([
      http.postJson(url, { ids: [1] }, Thing),
      http.postJson(url, { ids: [1] }, Thing),
      http.postJson(url, { ids: [1, 2] }, Thing),
    ]);
    expect(res.map((r) => r.n)).toEqual([1, 1, 2]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('callers sharing a request each validate with their own schema', async () => {
    server.route('/things/1', { delayMs: 50, body: { ok: true } });
    const { http } = client();
    const strict = z.object({ ok: z.boolean(), n: z.number() });
    const [good, bad] = await Promise.allSettled([http.getJson(OA_URL, Thing), http.getJson(OA_URL, strict)]);
    expect(good.status).toBe('fulfilled');
    expect(bad.status === 'rejected' && bad.reason instanceof InvalidResponseError).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('per-host rate limit (real timers, local server)', () => {
  it('never starts more than intervalCap requests per interval, per host', async () => {
    server.route('*', { body: { ok: true } });
    const http = createHttpClient({
      fetch: server.fetch,
      hosts: { 'slow.example': { concurrency: 4, intervalMs: 200, intervalCap: 1 }, 'fast.example': { concurrency: 4, intervalMs: 0 } },
    });
    const slow = [0, 1, 2, 3].map((i) => http.getJson(`https://slow.example/s${i}`, Thing));
    const fast = [0, 1, 2, 3, 4, 5].map((i) => http.getJson(`https://fast.example/f${i}`, Thing));
    await Promise.all(fast);
    // (That the fast host is not held up behind the slow one is checked on fake time in
    // sources-ratelimit.test.ts; here only lower bounds, which load cannot break.)
    await Promise.all(slow);
    const at = server.requests.filter((r) => r.host === 'slow.example').map((r) => r.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(150); // generous lower bound
    expect(http.stats()).toEqual({ 'slow.example': 4, 'fast.example': 6 });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 0, 1);
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1500],
    [new Date(now + 30_000).toUTCString(), 30_000],
    [new Date(now - 30_000).toUTCString(), 0],
    ['soon', null],
    ['', null],
  ])('%s → %s', (v, ms) => {
    expect(parseRetryAfter(v, now)).toBe(ms);
  });
  it('absent → null', () => expect(parseRetryAfter(null, now)).toBeNull());
});
