/**
 * Typed, validated messaging over `browser.runtime`. The sender validates what it sends and what
 * comes back; the receiver validates what arrives and answers anything invalid with a typed error
 * instead of throwing. `dispatch` (the background) is the trust boundary: every message is
 * validated there. Content scripts send through lib/content/client.ts instead of `request`: the
 * same protocol and error replies, without Zod on their side (see there for why that is safe).
 */
import { z } from 'zod';
import { MessageError, type Transport } from './content/client';
import {
  Envelope, type ErrorCode, type ErrorReply, type MessageType, protocol, Reply, type RequestOf, type ResponseOf,
} from './protocol';

export { MessageError, type Transport };

function errorReply(code: ErrorCode, message: string): ErrorReply {
  return { ok: false, error: { code, message } };
}

function describeZod(err: z.ZodError): string {
  return err.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export type Handlers = { [T in MessageType]: (req: RequestOf<T>) => Promise<ResponseOf<T>> };

/** Minimal view of `runtime.MessageSender` so the dispatcher stays testable in Node. */
export interface SenderInfo { id?: string; url?: string }

/**
 * Accept messages only from this extension's own pages and content scripts: `sender.id` is the
 * extension's id for both; web pages and other extensions have another id or none.
 */
export function isTrustedSender(sender: SenderInfo | undefined, ownId: string): boolean {
  return !!sender && sender.id === ownId;
}

export async function dispatch(raw: unknown, handlers: Handlers): Promise<Reply> {
  const env = Envelope.safeParse(raw);
  if (!env.success) return errorReply('invalid_message', `not a message envelope: ${describeZod(env.error)}`);
  const type = env.data.type;
  if (!Object.hasOwn(protocol, type)) return errorReply('unknown_type', `unknown message type "${type.slice(0, 60)}"`);
  const spec = protocol[type as MessageType];
  const req = spec.request.safeParse(env.data.payload);
  if (!req.success) return errorReply('invalid_message', `${type}: ${describeZod(req.error)}`);
  try {
    const handler = handlers[type as MessageType] as (r: unknown) => Promise<unknown>;
    const data = await handler(req.data);
    const res = spec.response.safeParse(data);
    if (!res.success) return errorReply('invalid_response', `${type}: ${describeZod(res.error)}`);
    return { ok: true, data: res.data };
  } catch (err) {
    return errorReply('internal', err instanceof Error ? err.message : String(err));
  }
}

/** Send a typed message through `transport` (normally `browser.runtime.sendMessage`). */
export async function request<T extends MessageType>(transport: Transport, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const spec = protocol[type];
  const checked = spec.request.safeParse(payload);
  if (!checked.success) throw new MessageError('invalid_message', `${type}: ${describeZod(checked.error)}`);
  const raw = await transport({ type, payload: checked.data });
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new MessageError('invalid_response', `${type}: malformed reply`);
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const data = spec.response.safeParse(reply.data.data);
  if (!data.success) throw new MessageError('invalid_response', `${type}: ${describeZod(data.error)}`);
  return data.data as ResponseOf<T>;
}
