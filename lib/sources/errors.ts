/** The typed errors the HTTP client throws: callers tell offline from HTTP failures from bad bodies. */

/** Base class of every error this client throws. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** A non-2xx answer (after retries, for retryable statuses). */
export class HttpError extends SourceError {
  constructor(
    url: string,
    readonly status: number,
    /** The wait the server asked for, when it sent `Retry-After`. */
    readonly retryAfterMs: number | null = null,
    /** The first 200 characters of the body, for diagnostics. */
    readonly bodySnippet = '',
  ) {
    super(`HTTP ${status} from ${url}`, url);
    this.name = 'HttpError';
  }
}

/** No answer within the host's `timeoutMs` (after retries). */
export class TimeoutError extends SourceError {
  constructor(
    url: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer from ${url} within ${timeoutMs} ms`, url);
    this.name = 'TimeoutError';
  }
}

/** fetch itself rejected (no network, DNS failure, connection refused, CORS): not retried. */
export class OfflineError extends SourceError {
  constructor(url: string, cause: unknown) {
    super(`network unreachable for ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, url, { cause });
    this.name = 'OfflineError';
  }
}

/** A 2xx body that is not JSON or does not match the expected shape. */
export class InvalidResponseError extends SourceError {
  constructor(
    url: string,
    readonly reason: 'json' | 'schema' | 'content',
    detail: string,
    readonly issues: readonly unknown[] = [],
  ) {
    super(`invalid response from ${url} (${reason}): ${detail}`, url);
    this.name = 'InvalidResponseError';
  }
}
