// @vitest-environment node
/**
 * The default per-host rules, checked on fake timers (p-queue's windows run on setTimeout and
 * Date.now, both faked) with an in-memory fetch: counts of requests sent after each step of fake
 * time, never wall-clock timing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHttpClient, DEFAULT_HOST_RULES, DEFAULT_RULE } from '../../lib/sources/http';

const Any = z.unknown();

function memoryFetch() {
  const sent: string[] = [];
  const fetchImpl: typeof fetch = (input) => {
    const url = String(input);
    sent.push(new URL(url).hostname);
    return Promise.resolve(new Response(url.includes('arxiv') ? '<feed/>' : '{}', { status: 200 }));
  };
  const count = (host: string) => sent.filter((h) => h === host).length;
  return { fetchImpl, count };
}

describe('default host rules (fake time)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are the documented ones', () => {
    expect(DEFAULT_HOST_RULES['export.arxiv.org']).toMatchObject({ concurrency: 1, intervalMs: 3000, intervalCap: 1 });
    expect(DEFAULT_HOST_RULES['arxiv.org']).toMatchObject({ concurrency: 1, intervalMs: 3000, intervalCap: 1 });
    expect(DEFAULT_HOST_RULES['api.semanticscholar.org']).toMatchObject({ concurrency: 1, intervalMs: 1000, intervalCap: 1, adaptive: true });
    expect(DEFAULT_HOST_RULES['api.openalex.org']).toMatchObject({ intervalMs: 1000, intervalCap: 10 });
    expect(DEFAULT_HOST_RULES['huggingface.co']).toMatchObject({ intervalMs: 1000, intervalCap: 2 });
    expect(DEFAULT_RULE).toMatchObject({ intervalMs: 1000, intervalCap: 1 });
  });

  it('arXiv 1 per 3 s, S2 1 per s, OpenAlex 10 per s, Hugging Face 2 per s, others 1 per s — each host on its own queue', async () => {
    const { fetchImpl, count } = memoryFetch();
    const http = createHttpClient({ fetch: fetchImpl });
    const all = [
      ...Array.from({ length: 3 }, (_, i) => http.getText(`https://export.arxiv.org/api/query?id_list=${i}`)),
      ...Array.from({ length: 4 }, (_, i) => http.getJson(`https://api.semanticscholar.org/graph/v1/paper/${i}`, Any)),
      ...Array.from({ length: 25 }, (_, i) => http.getJson(`https://api.openalex.org/works/W${i}`, Any)),
      ...Array.from({ length: 5 }, (_, i) => http.getJson(`https://huggingface.co/api/papers/${i}`, Any)),
      ...Array.from({ length: 3 }, (_, i) => http.getJson(`https://example.org/${i}`, Any)),
    ];

    await vi.advanceTimersByTimeAsync(0);
    expect([count('export.arxiv.org'), count('api.semanticscholar.org'), count('api.openalex.org'), count('huggingface.co'), count('example.org')]).toEqual([1, 1, 10, 2, 1]);

    await vi.advanceTimersByTimeAsync(999);
    expect([count('export.arxiv.org'), count('api.semanticscholar.org'), count('api.openalex.org'), count('huggingface.co'), count('example.org')]).toEqual([1, 1, 10, 2, 1]);

    await vi.advanceTimersByTimeAsync(1); // t = 1000
    expect([count('export.arxiv.org'), count('api.semanticscholar.org'), count('api.openalex.org'), count('huggingface.co'), count('example.org')]).toEqual([1, 2, 20, 4, 2]);

    await vi.advanceTimersByTimeAsync(1000); // t = 2000
    expect([count('export.arxiv.org'), count('api.semanticscholar.org'), count('api.openalex.org'), count('huggingface.co'), count('example.org')]).toEqual([1, 3, 25, 5, 3]);

    await vi.advanceTimersByTimeAsync(1000); // t = 3000
    expect(count('export.arxiv.org')).toBe(2);
    expect(count('api.semanticscholar.org')).toBe(4);

    await vi.advanceTimersByTimeAsync(3000); // t = 6000
    expect(count('export.arxiv.org')).toBe(3);
    await Promise.all(all);
    expect(http.stats()).toEqual({ 'export.arxiv.org': 3, 'api.semanticscholar.org': 4, 'api.openalex.org': 25, 'huggingface.co': 5, 'example.org': 3 });
  });

  it('retries go through the queue too: a 500 on arXiv waits for the next 3 s window', async () => {
    let n = 0;
    const fetchImpl: typeof fetch = () => Promise.resolve(new Response(n++ === 0 ? 'down' : '<feed/>', { status: n === 1 ? 500 : 200 }));
    const http = createHttpClient({ fetch: fetchImpl, random: () => 0 }); // zero backoff: only the rate limit holds it
    const p = http.getText('https://export.arxiv.org/api/query?id_list=1');
    await vi.advanceTimersByTimeAsync(0);
    expect(n).toBe(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(n).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(n).toBe(2);
    await expect(p).resolves.toBe('<feed/>');
  });
});
