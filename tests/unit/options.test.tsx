import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { OptionsApp, type OptionsDeps } from '@/components/OptionsApp';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '@/lib/settings';
import { ScholarDb } from '@/lib/store/db';
import { clearCache } from '@/lib/store/clear';
import { makePaper } from '../make-paper';
import { root, useDomRoot } from '../dom-root';

useDomRoot();

function fakeDeps() {
  const saved: Settings[] = [];
  let cleared = 0;
  const deps: OptionsDeps = {
    load: async () => DEFAULT_SETTINGS,
    save: async (s) => { saved.push(s); },
    clearCache: async () => { cleared++; return { removed: 7 }; },
  };
  return { deps, saved, cleared: () => cleared };
}

async function change(input: HTMLInputElement, value: string | boolean) {
  await act(async () => {
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('settings', () => {
  it('defaults: arXiv API and Semantic Scholar on, OpenAlex off, 30 days / 24 hours', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      sources: { arxivApi: true, semanticScholar: true, openAlex: false, huggingface: false },
      keys: { semanticScholar: '', openAlex: '' },
      ttl: { metadataDays: 30, citationsHours: 24 },
      watchlist: { checkHours: 24, notify: false },
    });
  });
  it('a damaged stored value falls back to defaults; a partial one is completed', () => {
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ ttl: { citationsHours: -5 } })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ sources: { openAlex: true } }).sources).toEqual({ arxivApi: true, semanticScholar: true, openAlex: true, huggingface: false });
  });
});

describe('OptionsApp', () => {
  it('saves sources, keys and TTLs, and refuses invalid values', async () => {
    const { deps, saved } = fakeDeps();
    await act(async () => render(<OptionsApp deps={deps} />, root));
    await act(async () => {});
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await change(boxes[2]!, true); // OpenAlex
    expect(saved.at(-1)?.sources.openAlex).toBe(true);
    const [s2Key] = [...root.querySelectorAll<HTMLInputElement>('input[type=password]')];
    await change(s2Key!, '  abc123  ');
    expect(saved.at(-1)?.keys.semanticScholar).toBe('abc123');
    const [meta, cites] = [...root.querySelectorAll<HTMLInputElement>('input[type=number]')];
    await change(cites!, '6');
    expect(saved.at(-1)?.ttl.citationsHours).toBe(6);
    const before = saved.length;
    await change(meta!, '0');
    expect(saved).toHaveLength(before);
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Not saved/);
  });
  it('clears the cache on request and says the watchlist is kept', async () => {
    const { deps, cleared } = fakeDeps();
    await act(async () => render(<OptionsApp deps={deps} />, root));
    await act(async () => {});
    await act(async () => root.querySelector<HTMLButtonElement>('button')!.click());
    expect(cleared()).toBe(1);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Cache cleared: 7 records removed. Your watchlist is kept.');
  });
});

describe('clearCache', () => {
  it('empties every cache table in one go', async () => {
    const db = new ScholarDb(`clear-${Math.random()}`);
    await db.papers.bulkPut([makePaper({ id: '1' }), makePaper({ id: '2' })]);
    await db.jobs.put({ key: 'citations:1', kind: 'citations', paperId: '1', state: 'pending', attempts: 0, notBefore: 0, createdAt: '2025-01-01T00:00:00.000Z', lastError: null });
    expect(await clearCache(db)).toBe(3);
    expect(await db.papers.count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
    await db.delete();
  });
});
