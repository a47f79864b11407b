import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers, isTrustedSender, MessageError, request } from '@/lib/messaging';

const handlers: Handlers = {
  async ingest() { return { authorId: null, stored: 0, profile: null }; },
  async ingestRead() { return { authorId: null, stored: 0, profile: null, reason: 'not recognised' }; },
  async getProfile({ url }) {
    if (url === 'boom') throw new Error('database closed');
    return { profile: null };
  },
  async lookupAuthors() {
    return { found: [{ index: 'zero' }] } as never; // a handler bug: reply fails its own schema
  },
  async clearCache() { return { removed: 0 }; },
  async unlinkAuthors() { return { profile: null }; },
  async fetchProfile() { return { authorId: null, profile: null, reason: 'none' }; },
  async watch({ watched }) { return { watched }; },
  async getWatchlist() { return { items: [], newPapers: 0, sync: null }; },
  async setWatchNote() { return { entry: null }; },
  async markSeen() { return { newPapers: 0 }; },
  async checkWatchlist() { return { checked: 0, newPapers: 0, errors: 0 }; },
  async exportData() { return { filename: 'x.bib', mime: 'text/plain', text: '' }; },
  async importBackup() { return { ok: false, message: 'no' }; },
};

describe('dispatch', () => {
  it('answers a valid message', async () => {
    expect(await dispatch({ type: 'getProfile', payload: { url: 'https://arxiv.org/a/x' } }, handlers)).toEqual({ ok: true, data: { profile: null } });
  });
  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { payload: {} }],
    ['payload of the wrong shape', { type: 'getProfile', payload: { url: 42 } }],
    ['ingest without a scrape', { type: 'ingest', payload: {} }],
    ['a scrape that is not valid', { type: 'ingest', payload: { scrape: { ok: true, site: 'arxiv', papers: 'many' } } }],
  ])('gives a typed error for %s, never throws', async (_label, raw) => {
    const reply = await dispatch(raw, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });
  it('rejects unknown types, including prototype names', async () => {
    for (const type of ['dropDatabase', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch({ type, payload: {} }, handlers)).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    }
  });
  it('turns a failing handler into an internal error reply', async () => {
    expect(await dispatch({ type: 'getProfile', payload: { url: 'boom' } }, handlers)).toEqual({ ok: false, error: { code: 'internal', message: 'database closed' } });
  });
  it('never sends a reply that breaks the protocol', async () => {
    expect(await dispatch({ type: 'lookupAuthors', payload: { refs: [] } }, handlers)).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });
});

describe('request', () => {
  const loopback = (m: unknown) => dispatch(m, handlers);
  it('round-trips through dispatch', async () => {
    expect(await request(loopback, 'getProfile', {})).toEqual({ profile: null });
  });
  it('refuses to send an invalid request', async () => {
    await expect(request(loopback, 'getProfile', { url: 7 } as never)).rejects.toBeInstanceOf(MessageError);
  });
  it('surfaces typed error replies', async () => {
    await expect(request(loopback, 'getProfile', { url: 'boom' })).rejects.toMatchObject({ code: 'internal' });
  });
  it('rejects malformed replies', async () => {
    await expect(request(async () => ({ weird: true }), 'getProfile', {})).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(request(async () => ({ ok: true, data: { profile: 'x' } }), 'getProfile', {})).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('isTrustedSender', () => {
  it('accepts only this extension', () => {
    expect(isTrustedSender({ id: 'abc', url: 'https://arxiv.org/a/x' }, 'abc')).toBe(true);
    expect(isTrustedSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example' }, 'abc')).toBe(false);
    expect(isTrustedSender(undefined, 'abc')).toBe(false);
  });
});
