/**
 * Simulating a transaction aborted at commit (as a browser does when the disk quota is hit) in
 * fake-indexeddb, for the eviction and concurrency tests. Relies on fake-indexeddb internals
 * (`_start`, `_requests`, `_abort`) and says so clearly if they change.
 */
import type { DBCoreTransaction } from 'dexie';

export interface AbortableTransaction {
  _start(): void;
  _requests: unknown[];
  _state: string;
  _abort(name: string | null): void;
  __hooked?: boolean;
  /** Set after a request: the commit is turned into an abort with this error name. */
  __abortAtCommit?: string;
}

/** Wrap the transaction's `_start` (queued, bound, after every request) so its commit can be turned into an abort. */
export function hookCommit(trans: DBCoreTransaction): AbortableTransaction {
  const tx = trans as unknown as AbortableTransaction;
  if (typeof tx._start !== 'function' || typeof tx._abort !== 'function' || !Array.isArray(tx._requests)) {
    throw new Error('fake-indexeddb internals changed: cannot simulate an abort at commit');
  }
  if (!tx.__hooked) {
    tx.__hooked = true;
    const start = tx._start;
    tx._start = function (this: AbortableTransaction) {
      if (this.__abortAtCommit && this._requests.length === 0 && this._state !== 'finished') return this._abort(this.__abortAtCommit);
      return start.call(this);
    };
  }
  return tx;
}
