/** The watchlist in the UI: the star on card and badge, the Watchlist tab, export downloads, import on the options page. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AuthorBadge } from '@/components/AuthorBadge';
import { OptionsApp } from '@/components/OptionsApp';
import { Overlay } from '@/components/Overlay';
import { PopupApp, type PopupWatchDeps } from '@/components/PopupApp';
import type { WatchItem } from '@/lib/protocol';
import type { Profile } from '@/lib/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { buildProfile } from '@/lib/store/profile';
import { sortWatchlist } from '@/lib/watchlist/sort';
import type { WatchEntry } from '@/lib/watchlist/schema';
import { makePaper } from '../make-paper';
import { mount, root, useDomRoot } from '../dom-root';

const NOW = new Date('2026-11-27T12:00:00Z');

function profile(id = 'arxiv:zhao_y_1', name = 'Yize Zhao', watched = false): Profile {
  const p = buildProfile({ id, name, ids: { arxiv: id.slice(6) }, affiliations: [], url: null }, name, [
    makePaper({ id: '2505.00001', title: 'Geometry of Semantics', published: '2025-05-13', primaryCategory: 'cs.CL', authors: [name, 'C. T.'], citations: 3 }),
  ], NOW.toISOString());
  return { ...p, watched };
}

function entry(authorId: string, name: string, over: Partial<WatchEntry> = {}): WatchEntry {
  const t = NOW.getTime();
  return {
    authorId, name, note: '', addedAt: '2026-11-01T00:00:00.000Z', lastSeenAt: '2026-11-01T00:00:00.000Z',
    lastCheckedAt: '2026-11-27T10:00:00.000Z', lastCheckError: null, newPaperIds: [], edited: { name: t, note: t, lastSeenAt: t }, ...over,
  };
}
const item = (e: WatchEntry, h: number | null, papers = 10): WatchItem => ({ entry: e, papers, citations: 100, h, primaryCategory: 'cs.LG' });

const ITEMS = [
  item(entry('arxiv:b', 'Émile Borel'), 12),
  item(entry('arxiv:a', 'alan Turing', { newPaperIds: ['p1', 'p2'], note: 'reads widely' }), null),
  item(entry('arxiv:c', 'Ada Lovelace', { newPaperIds: ['p3'], lastCheckError: 'offline' }), 30),
];

useDomRoot();

async function click(el: Element | null | undefined) {
  expect(el).toBeTruthy();
  await act(async () => { (el as HTMLElement).click(); });
  await act(async () => {});
}
const names = () => [...root.querySelectorAll('.sl-watch-name')].map((b) => b.textContent);

function deps(over: Partial<PopupWatchDeps> = {}): PopupWatchDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    loadAuthor: async (id) => { calls.push(`load ${id}`); return profile(id, id === 'arxiv:a' ? 'alan Turing' : 'X', true); },
    toggle: async (id, w) => { calls.push(`toggle ${id} ${w}`); return w; },
    markSeen: async (id) => { calls.push(`seen ${id}`); },
    exportProfile: async (f, p) => ({ filename: `scholar-lens-${p.author?.id}.${f}`, mime: 'text/plain', text: 'x' }),
    list: async () => ({ items: ITEMS, newPapers: 3, sync: null }),
    setNote: async (id, note) => { calls.push(`note ${id} ${note}`); },
    unwatch: async (id) => { calls.push(`unwatch ${id}`); },
    check: async () => ({ checked: 3, newPapers: 1, errors: 0 }),
    exportAll: async (f) => ({ filename: `scholar-lens-watchlist.${f}`, mime: 'text/plain', text: 'x' }),
    now: () => NOW,
    newPapers: 0,
    ...over,
  };
}

describe('the star', () => {
  it('on the popup card shows the state and asks the background to save', async () => {
    const d = deps();
    await mount(<PopupApp load={async () => profile()} watch={d} />);
    const star = root.querySelector('.sl-card [data-testid="sl-star"]')!;
    expect(star.getAttribute('aria-pressed')).toBe('false');
    expect(star.getAttribute('aria-label')).toBe('Save Yize Zhao to your watchlist');
    await click(star);
    expect(d.calls).toContain('toggle arxiv:zhao_y_1 true');
    expect(star.getAttribute('aria-pressed')).toBe('true');
    expect(star.textContent).toContain('Saved');
  });
  it('keeps the old state when the background fails', async () => {
    await mount(<PopupApp load={async () => profile()} watch={deps({ toggle: async () => { throw new Error('db closed'); } })} />);
    const star = root.querySelector('[data-testid="sl-star"]')!;
    await click(star);
    expect(star.getAttribute('aria-pressed')).toBe('false');
  });
  it('on the overlay card and after a badge', async () => {
    const seen: string[] = [];
    const onWatch = async (id: string, w: boolean) => { seen.push(`${id} ${w}`); return w; };
    await mount(<div>
      <Overlay profile={profile('arxiv:x', 'X', true)} collapsed={false} onToggle={() => {}} onWatch={onWatch} />
      <AuthorBadge summary={{ authorId: 'arxiv:y', name: 'Y', papers: 1, citations: null, h: null, primaryCategory: null, matchedBy: 'id', watched: false }} onWatch={onWatch} />
    </div>);
    const stars = root.querySelectorAll('[data-testid="sl-star"]');
    expect([...stars].map((s) => s.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    await click(stars[0]);
    await click(stars[1]);
    expect(seen).toEqual(['arxiv:x false', 'arxiv:y true']);
  });
  it('is not shown for a page without an author', async () => {
    await mount(<PopupApp load={async () => ({ ...profile(), author: null })} watch={deps()} />);
    expect(root.querySelector('[data-testid="sl-star"]')).toBeNull();
  });
});

describe('the Watchlist tab', () => {
  it('opens on the tab when there are new papers, lists authors with numbers, sorts three ways', async () => {
    await mount(<PopupApp load={async () => profile()} watch={deps({ newPapers: 3 })} />);
    const tab = root.querySelector('#sl-view-watchlist')!;
    expect(tab.textContent).toBe('Watchlist (3 new)');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(names()).toEqual(['alan Turing', 'Ada Lovelace', 'Émile Borel']);
    const rows = [...root.querySelectorAll('[data-testid="sl-watch-item"]')];
    expect(rows[0]!.querySelector('[data-testid="sl-new"]')!.textContent).toBe('2 new');
    expect(rows[0]!.textContent).toContain('h-index unknown · 10 papers · 100 citations · checked 2 h ago');
    expect(rows[1]!.textContent).toContain('(offline)');
    expect(rows[2]!.querySelector('[data-testid="sl-new"]')).toBeNull();
    const select = root.querySelector<HTMLSelectElement>('#sl-watch-sort')!;
    for (const [by, order] of [['name', ['Ada Lovelace', 'alan Turing', 'Émile Borel']], ['h', ['Ada Lovelace', 'Émile Borel', 'alan Turing']]] as const) {
      await act(async () => { select.value = by; select.dispatchEvent(new Event('change', { bubbles: true })); });
      expect(names()).toEqual(order);
    }
  });
  it('saves a note on blur, unsaves, and opening an author shows their profile and marks it seen', async () => {
    const d = deps();
    await mount(<PopupApp load={async () => profile()} watch={d} />);
    await click(root.querySelector('#sl-view-watchlist'));
    const note = root.querySelector<HTMLTextAreaElement>('[data-testid="sl-watch-item"] textarea')!;
    expect(note.value).toBe('reads widely');
    await act(async () => {
      note.value = 'reads widely; ask about HTT';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => { note.dispatchEvent(new Event('blur')); });
    await act(async () => {});
    expect(d.calls).toContain('note arxiv:a reads widely; ask about HTT');
    expect(root.textContent).toContain('Note saved');
    await click(root.querySelector('[aria-label="Remove Ada Lovelace from your watchlist"]'));
    expect(d.calls).toContain('unwatch arxiv:c');
    await click(root.querySelector('.sl-watch-name'));
    expect(d.calls).toContain('load arxiv:a');
    expect(d.calls).toContain('seen arxiv:a');
    expect(root.querySelector('.sl-name')!.textContent).toBe('alan Turing');
    expect(root.querySelector('#sl-view-profile')!.getAttribute('aria-selected')).toBe('true');
  });
  it('showing the current page\'s watched author does not count as opening them', async () => {
    const d = deps();
    await mount(<PopupApp load={async () => profile('arxiv:a', 'alan Turing', true)} watch={d} />);
    expect(root.querySelector('.sl-name')!.textContent).toBe('alan Turing');
    expect(d.calls.filter((c) => c.startsWith('seen'))).toEqual([]);
  });
  it('says when it is empty, and what sync could not hold', async () => {
    await mount(<PopupApp load={async () => profile()} watch={deps({ list: async () => ({ items: [], newPapers: 0, sync: null }), newPapers: 0 })} />);
    expect(root.querySelector('#sl-view-watchlist')!.textContent).toBe('Watchlist');
    await click(root.querySelector('#sl-view-watchlist'));
    expect(root.textContent).toContain('Your watchlist is empty');
    render(null, root);
    await mount(<PopupApp load={async () => profile()} watch={deps({ list: async () => ({ items: ITEMS, newPapers: 3, sync: 'Sync is full: 12 authors are kept on this browser only.' }) })} />);
    await click(root.querySelector('#sl-view-watchlist'));
    expect(root.querySelector('.sl-watch-sync')!.textContent).toContain('Sync is full');
  });
  it('"Check now" reports what it found', async () => {
    await mount(<PopupApp load={async () => profile()} watch={deps()} />);
    await click(root.querySelector('#sl-view-watchlist'));
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Check now'));
    expect(root.textContent).toContain('Checked 3 authors: 1 new papers.');
  });
  it('renders hostile names and notes as text', async () => {
    const evil = '<img src=x onerror="globalThis.__pwned=1">';
    await mount(<PopupApp load={async () => profile()} watch={deps({ list: async () => ({ items: [item(entry('arxiv:e', evil, { note: evil }), 1)], newPapers: 0, sync: null }) })} />);
    await click(root.querySelector('#sl-view-watchlist'));
    expect(root.querySelector('img')).toBeNull();
    expect(names()).toEqual([evil]);
  });
});

describe('export from the popup', () => {
  it('downloads the chosen format for the profile and for the watchlist', async () => {
    const clicked: string[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this.download); });
    try {
      await mount(<PopupApp load={async () => profile()} watch={deps()} />);
      const select = root.querySelector<HTMLSelectElement>('#sl-export-profile')!;
      await act(async () => { select.value = 'ris'; select.dispatchEvent(new Event('change', { bubbles: true })); });
      await click(root.querySelector('.sl-export button'));
      await click(root.querySelector('#sl-view-watchlist'));
      await click(root.querySelector('.sl-watchlist .sl-export button'));
      expect(clicked).toEqual(['scholar-lens-arxiv:zhao_y_1.ris', 'scholar-lens-watchlist.bibtex']);
      expect(root.textContent).toContain('Saved scholar-lens-watchlist.bibtex');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('sortWatchlist on the tab\'s items', () => {
  it('breaks ties by name, accent- and case-insensitively, and puts unknown h last', () => {
    const rows = ITEMS.map((i) => ({ ...i, row: i.entry }));
    expect(sortWatchlist(rows, 'new').map((i) => i.entry.name)).toEqual(['alan Turing', 'Ada Lovelace', 'Émile Borel']);
    expect(sortWatchlist(rows, 'h').map((i) => i.h)).toEqual([30, 12, null]);
  });
});

describe('options page', () => {
  const base = { load: async () => DEFAULT_SETTINGS, save: async () => {}, clearCache: async () => ({ removed: 0 }) };
  it('imports a chosen file and shows the answer', async () => {
    const texts: string[] = [];
    await mount(<OptionsApp deps={{ ...base, importBackup: async (t) => { texts.push(t); return { ok: false, message: 'Nothing was imported: not JSON' }; } }} />);
    const input = root.querySelector<HTMLInputElement>('[data-testid="sl-import"]')!;
    const file = new File(['{"format":'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
    await vi.waitFor(() => expect(root.textContent).toContain('Nothing was imported: not JSON'));
    expect(texts).toEqual(['{"format":']);
  });
  it('turns notifications on only when the permission is granted', async () => {
    const saved: boolean[] = [];
    let grant = false;
    await mount(<OptionsApp deps={{ ...base, save: async (s) => { saved.push(s.watchlist.notify); }, allowNotifications: async () => grant }} />);
    const box = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((b) => b.parentElement!.textContent!.includes('notification'))!;
    await click(box);
    expect(saved).toEqual([]);
    expect(root.textContent).toContain('Notifications were not allowed');
    grant = true;
    await click(box);
    expect(saved).toEqual([true]);
  });
});
