/**
 * The content scripts' side of the messaging (lib/messaging.ts), without Zod: content scripts run on
 * every matching page, and the schemas with Zod are most of what they would otherwise carry.
 *
 * What is not checked here, and why that is safe:
 * - The request is not validated before it is sent. The background validates every message it
 *   receives (`dispatch` in lib/messaging.ts, the trust boundary) with the same schema, and fills the
 *   same defaults, before any handler sees it; an invalid one comes back as an `invalid_message`
 *   error reply and `request` throws it as a `MessageError`, as the validating sender did. The
 *   payload's type is the request schema's *input* (`RequestInputOf`), so what the compiler accepts
 *   is what the schema may receive: a page adapter's draft (lib/sites/draft.ts) included.
 * - The reply's data is not validated. `dispatch` sends nothing that has not passed the response
 *   schema (a handler's bad answer becomes an `invalid_response` error reply), and the reply comes
 *   from this extension's own background (`runtime.sendMessage` is answered by its pages only), as
 *   JSON-serialisable data that survives the trip unchanged. Only the reply's envelope is checked, so
 *   that a missing or garbled reply is a `MessageError`, never a crash further on.
 *
 * What is checked before sending: that the payload survives the trip. Chrome sends messages as
 * JSON, which turns NaN and ±Infinity (and `undefined` in an array) into null, a value the schemas
 * accept; Firefox's structured clone keeps them, and the schemas reject them. Such a payload is
 * refused here as `invalid_message`, in every browser, as the validating sender refused it.
 *
 * The popup and the options page keep using `request` from lib/messaging.ts, which validates both ways.
 */
import type { z } from 'zod';
import type { ErrorCode, MessageType, Protocol, ResponseOf } from '../protocol';

export class MessageError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'MessageError';
  }
}

export type Transport = (message: unknown) => Promise<unknown>;

/** What a request schema accepts (its input: fields with defaults may be left out). */
export type RequestInputOf<T extends MessageType> = z.input<Protocol[T]['request']>;

/** Every error code, once (the type makes the compiler check the list against the protocol's enum). */
const ERROR_CODES: Record<ErrorCode, true> = {
  invalid_message: true, unknown_type: true, forbidden_sender: true, internal: true, invalid_response: true,
};

function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && Object.hasOwn(ERROR_CODES, x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Where `value` holds something JSON would turn into null (NaN, ±Infinity, `undefined` in an array), else null. */
function lossyPath(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path || '(root)'}: ${value} is not a finite number`;
  if (typeof value !== 'object' || value === null) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    if (v === undefined && Array.isArray(value)) return `${at}: undefined in an array`;
    const bad = lossyPath(v, at);
    if (bad) return bad;
  }
  return null;
}

/**
 * Send a typed message through `transport` (normally `browser.runtime.sendMessage`) to the
 * background, which validates it; answer its data, or throw the error reply as a `MessageError`.
 */
export async function request<T extends MessageType>(transport: Transport, type: T, payload: RequestInputOf<T>): Promise<ResponseOf<T>> {
  const lossy = lossyPath(payload, '');
  if (lossy) throw new MessageError('invalid_message', `${type}: ${lossy}`);
  const reply = await transport({ type, payload });
  if (isRecord(reply) && reply.ok === true && 'data' in reply) return reply.data as ResponseOf<T>;
  const error = isRecord(reply) && reply.ok === false ? reply.error : undefined;
  if (isRecord(error) && isErrorCode(error.code) && typeof error.message === 'string') throw new MessageError(error.code, error.message);
  throw new MessageError('invalid_response', `${type}: malformed reply`);
}
