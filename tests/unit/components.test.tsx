import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Overlay } from '@/components/Overlay';
import { PopupApp } from '@/components/PopupApp';
import { buildProfile } from '@/lib/store/profile';
import type { Profile } from '@/lib/schema';
import { makePaper } from '../make-paper';
import { mount, root, useDomRoot } from '../dom-root';

const NOW = new Date('2025-06-01T00:00:00Z');
const HOSTILE = '<img src=x onerror="globalThis.__pwned=1">';

function profile(): Profile {
  return buildProfile({ id: 'arxiv:zhao_y_1', name: 'Yize Zhao', ids: { arxiv: 'zhao_y_1' }, affiliations: [], url: null }, 'Yize Zhao', [
    makePaper({ id: '2505.00001', title: 'Geometry of Semantics', published: '2025-05-13', primaryCategory: 'cs.CL', authors: ['Yize Zhao', 'Christos Thrampoulidis'], abstract: 'We study NTP.', links: { abs: 'https://arxiv.org/abs/2505.00001', pdf: null } }),
    makePaper({ id: '2408.00001', title: HOSTILE, published: '2024-08-27', primaryCategory: 'cs.LG', authors: ['A', 'B', 'C', 'D'], links: { abs: 'javascript:alert(1)', pdf: null, code: ['https://github.com/x/y', 'javascript:alert(2)'] } }),
    makePaper({ id: '2410.00001', title: 'DARE the Extreme', published: '2024-10-12', primaryCategory: 'cs.CL', citations: 4, links: { abs: null, pdf: null, code: ['data:text/html,hi'] } }),
  ], '2025-05-01T00:00:00.000Z');
}

useDomRoot();

describe('PopupApp', () => {
  it('shows the card and the list, newest first', async () => {
    await mount(<PopupApp load={async () => profile()} />);
    expect(root.querySelector('.sl-name')?.textContent).toBe('Yize Zhao');
    expect(root.querySelector('.sl-primary')?.firstChild?.textContent).toBe('CL');
    const stats = [...root.querySelectorAll('.sl-stat')].map((s) => [s.querySelector('.sl-stat-label')?.textContent, s.querySelector('.sl-stat-value')?.textContent]);
    expect(stats).toEqual([['h-index', '1'], ['Papers', '3'], ['Citations', '4'], ['Novelty', '100%'], ['AI Score', '100']]);
    expect(root.querySelector('.sl-papers-head')?.textContent).toBe('3 Papers');
    const rows = [...root.querySelectorAll('.sl-paper')];
    expect(rows.map((r) => r.querySelector('.sl-title')?.textContent)).toEqual(['Geometry of Semantics', 'DARE the Extreme', HOSTILE]);
    expect(rows[0]?.querySelector('.sl-badge')?.textContent).toBe('CL');
  });

  it('says where each number comes from on hover', async () => {
    await mount(<PopupApp load={async () => profile()} />);
    const cites = root.querySelector('.sl-stat[data-metric="citations"]');
    const tip = document.getElementById(cites?.getAttribute('aria-describedby') ?? '');
    expect(tip?.textContent).toBe('Total citations of the papers with a known count. computed from 3 papers, of which 1 have citation counts.');
    expect(cites?.getAttribute('tabindex')).toBe('0');
  });

  it('renders hostile text as text and links only http(s)', async () => {
    await mount(<PopupApp load={async () => profile()} />);
    expect(root.querySelector('img')).toBeNull();
    const hostileRow = [...root.querySelectorAll('.sl-paper')].find((r) => r.textContent?.includes('onerror'));
    expect(hostileRow?.querySelector('.sl-title a')).toBeNull();
    expect(hostileRow?.querySelector('.sl-code')?.getAttribute('href')).toBe('https://github.com/x/y');
    expect(hostileRow?.querySelector('.sl-authors')?.textContent).toBe('A, B, C et al.');
    const dataRow = [...root.querySelectorAll('.sl-paper')].find((r) => r.textContent?.includes('DARE'));
    expect(dataRow?.querySelector('.sl-code')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('expands the abstract on demand', async () => {
    await mount(<PopupApp load={async () => profile()} />);
    const first = root.querySelector('.sl-paper')!;
    expect(first.querySelector('.sl-abstract-text')).toBeNull();
    await act(async () => (first.querySelector('.sl-toggle') as HTMLButtonElement).click());
    expect(first.querySelector('.sl-abstract-text')?.textContent).toBe('We study NTP.');
    expect(first.querySelector('.sl-toggle')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('has an empty state that says what to do, and an error state', async () => {
    await mount(<PopupApp load={async () => null} />);
    expect(root.textContent).toMatch(/Open an author's page on arXiv/);
    await mount(<PopupApp load={async () => { throw new Error('no background'); }} />);
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/no background/);
  });
});

describe('Overlay', () => {
  it('collapses and reports the new state', async () => {
    const states: boolean[] = [];
    await mount(<Overlay profile={profile()} collapsed={false} onToggle={(c) => states.push(c)} />);
    expect(root.querySelectorAll('.sl-paper')).toHaveLength(3);
    await act(async () => (root.querySelector('.sl-overlay-bar button') as HTMLButtonElement).click());
    expect(root.querySelectorAll('.sl-paper')).toHaveLength(0);
    expect(states).toEqual([true]);
  });
  it('starts collapsed when it was left collapsed', async () => {
    await mount(<Overlay profile={profile()} collapsed onToggle={() => {}} />);
    expect(root.querySelector('.sl-overlay-bar button')?.textContent).toBe('Show');
  });
});

describe('MetricsDetails', () => {
  it('lists every metric with its definition, and both values where a source disagrees', async () => {
    const p = { ...profile(), reported: [{ metric: 'h', value: 7, source: 'semanticscholar' as const, at: '2025-05-02T00:00:00.000Z' }] };
    await mount(<PopupApp load={async () => p} />);
    // The card shows the source's value…
    expect(root.querySelector('.sl-stat[data-metric="h"] .sl-stat-value')?.textContent).toBe('7');
    await act(async () => (root.querySelector('#sl-tab-metrics') as HTMLButtonElement).click());
    const rows = [...root.querySelectorAll('.sl-metric-row')];
    expect(rows.length).toBeGreaterThanOrEqual(38);
    const h = root.querySelector('.sl-metric-row[data-metric="h"]');
    // …and the details view shows both.
    expect(h?.querySelector('dd')?.textContent).toBe('7 (semanticscholar; ours 1)');
    const tip = h?.querySelector('[role=tooltip]')?.textContent ?? '';
    expect(tip).toMatch(/^The largest h such that h papers have at least h citations each\. reported by semanticscholar on 2025-05-02; ours: 1/);
    expect(root.querySelector('.sl-metric-row[data-metric="g"] .sl-metric-value')?.textContent).toBe('1');
    expect(root.querySelector('.sl-chart svg')?.getAttribute('aria-label')).toMatch(/2024: 2 papers, 4 citations; 2025: 1 paper\b/);
  });
});
