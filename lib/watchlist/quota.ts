/**
 * `storage.sync` quotas, measured before writing so that a full sync area means "these authors stay
 * on this browser" rather than a failed write. Chrome counts an item as its key's UTF-8 bytes plus
 * the bytes of its own JSON serialisation of the value; that serialisation escapes `<`, U+2028 and
 * U+2029 as `\uXXXX` and writes integers beyond 32 bits as doubles (`1748736000000.0`), so we
 * measure the same way. Firefox counts `key + JSON.stringify(value)` in UTF-8 bytes, which is never
 * more, and has the same three limits.
 */

export interface SyncQuota {
  /** QUOTA_BYTES: all items together. */
  bytes: number;
  /** QUOTA_BYTES_PER_ITEM: key plus value. */
  perItem: number;
  /** MAX_ITEMS. */
  items: number;
}

export const SYNC_QUOTA: SyncQuota = { bytes: 102_400, perItem: 8_192, items: 512 };

const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s).length;

const INT32_MAX = 2 ** 31 - 1;

function stringBytes(s: string): number {
  let extra = 0;
  for (const ch of s) {
    if (ch === '<' || ch === '\u007f') extra += 5; // 1 byte raw, 6 escaped
    else if (ch === '\u2028' || ch === '\u2029') extra += 3; // 3 bytes raw, 6 escaped
  }
  return utf8(JSON.stringify(s)) + extra;
}

/** Bytes of a JSON value as Chrome serialises it (an upper bound for Firefox). */
export function jsonBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') {
    const big = Number.isInteger(value) && Math.abs(value) > INT32_MAX;
    return String(value).length + (big ? 2 : 0);
  }
  if (value === null || typeof value === 'boolean') return String(value).length;
  if (Array.isArray(value)) {
    return 2 + Math.max(0, value.length - 1) + value.reduce<number>((n, v) => n + jsonBytes(v === undefined ? null : v), 0);
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return 2 + Math.max(0, fields.length - 1) + fields.reduce((n, [k, v]) => n + stringBytes(k) + 1 + jsonBytes(v), 0);
  }
  return 0; // undefined, functions: not stored
}

export const itemBytes = (key: string, value: unknown) => utf8(key) + jsonBytes(value);

export interface Candidate {
  key: string;
  value: unknown;
}

/**
 * Which candidates fit, taken in the order given, on top of what the area holds (`current`, an
 * item replaced by a candidate counting at its new size). Greedy on purpose: the caller's order is
 * its priority, and an item that does not fit does not stop smaller ones after it.
 */
export function fitInQuota(current: Record<string, unknown>, candidates: readonly Candidate[], quota: SyncQuota = SYNC_QUOTA): boolean[] {
  const sizes = new Map(Object.entries(current).map(([k, v]) => [k, itemBytes(k, v)]));
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let count = sizes.size;
  return candidates.map(({ key, value }) => {
    const size = itemBytes(key, value);
    const old = sizes.get(key);
    const nextTotal = total - (old ?? 0) + size;
    const nextCount = count + (old === undefined ? 1 : 0);
    if (size > quota.perItem || nextTotal > quota.bytes || nextCount > quota.items) return false;
    sizes.set(key, size);
    total = nextTotal;
    count = nextCount;
    return true;
  });
}
