/**
 * The popup's virtualised paper list: the windowing math (`lib/ui/window.ts`) and the list itself
 * (`components/PaperList.tsx`) in happy-dom, which has no layout — every row measures 0 px, so the
 * list works from its estimate, and the list's position is set by hand to "scroll" it.
 */
import * as fc from 'fast-check';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { OVERSCAN_PX, PaperList, VIRTUALISE_FROM } from '@/components/PaperList';
import type { Paper } from '@/lib/schema';
import { DEFAULT_ROW_ESTIMATE, RowHeights, placement } from '@/lib/ui/window';
import { makePaper } from '../make-paper';
import { mount, root, useDomRoot } from '../dom-root';

describe('RowHeights', () => {
  it('an empty list has no rows, no height and an empty range', () => {
    const rows = new RowHeights(0);
    expect(rows.total).toBe(0);
    expect(rows.indexAt(10)).toBe(-1);
    expect(rows.range(0, 600, 100)).toEqual({ start: 0, end: 0 });
    expect(placement(rows, { start: 0, end: 0 })).toEqual({ rows: [], before: 0, gaps: [], after: 0 });
  });

  it('unmeasured rows count as the estimate', () => {
    const rows = new RowHeights(1000, 100);
    expect(rows.total).toBe(100_000);
    expect(rows.top(0)).toBe(0);
    expect(rows.top(250)).toBe(25_000);
    expect(rows.indexAt(0)).toBe(0);
    expect(rows.indexAt(99.9)).toBe(0);
    expect(rows.indexAt(100)).toBe(1);
    expect(rows.indexAt(-50)).toBe(0);
    expect(rows.indexAt(1e9)).toBe(999);
    expect(new RowHeights(3).total).toBe(3 * DEFAULT_ROW_ESTIMATE);
    expect(new RowHeights(3, Number.NaN).estimate).toBe(DEFAULT_ROW_ESTIMATE);
  });

  it('the range is every row overlapping the visible stretch plus the overscan', () => {
    const rows = new RowHeights(1000, 100);
    expect(rows.range(0, 600)).toEqual({ start: 0, end: 6 }); // row 6 starts at 600: not visible
    expect(rows.range(0, 601)).toEqual({ start: 0, end: 7 });
    expect(rows.range(5_050, 5_650)).toEqual({ start: 50, end: 57 });
    expect(rows.range(5_050, 5_650, 200)).toEqual({ start: 48, end: 59 });
    // Near the ends the overscan is cut off.
    expect(rows.range(0, 600, 400)).toEqual({ start: 0, end: 10 });
    expect(rows.range(99_500, 100_100, 400)).toEqual({ start: 991, end: 1000 });
  });

  it('a list out of view still renders the row at the near end', () => {
    const rows = new RowHeights(1000, 100);
    expect(rows.range(-2_000, -1_400)).toEqual({ start: 0, end: 1 }); // list below the viewport
    expect(rows.range(200_000, 200_600)).toEqual({ start: 999, end: 1000 }); // scrolled past it
    expect(rows.range(300, 300)).toEqual({ start: 3, end: 4 }); // zero-height view
  });

  it('measured heights move the rows below them, and bad measurements are ignored', () => {
    const rows = new RowHeights(10, 100);
    expect(rows.top(5)).toBe(500);
    expect(rows.measure(2, 250)).toBe(true);
    expect(rows.measure(2, 250)).toBe(false); // unchanged
    expect(rows.top(2)).toBe(200);
    expect(rows.top(3)).toBe(450);
    expect(rows.total).toBe(1150);
    expect(rows.indexAt(300)).toBe(2);
    expect(rows.indexAt(449)).toBe(2);
    expect(rows.indexAt(450)).toBe(3);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(rows.measure(4, bad)).toBe(false);
    expect(rows.measure(-1, 50)).toBe(false);
    expect(rows.measure(10, 50)).toBe(false);
    expect(rows.total).toBe(1150);
    // A later change above invalidates what was computed below it.
    rows.measure(0, 10);
    expect(rows.top(3)).toBe(360);
    expect(rows.total).toBe(1060);
  });

  it('takes heights already known (remembered by row key) at construction', () => {
    const known = new Map([[1, 40], [3, 0]]);
    const rows = new RowHeights(4, 100, (i) => known.get(i));
    expect([0, 1, 2, 3].map((i) => rows.height(i))).toEqual([100, 40, 100, 100]);
    expect(rows.total).toBe(340);
  });
});

describe('placement', () => {
  it('a contiguous window: space above and below, no gaps', () => {
    const rows = new RowHeights(100, 50);
    expect(placement(rows, { start: 10, end: 14 })).toEqual({ rows: [10, 11, 12, 13], before: 500, gaps: [0, 0, 0, 0], after: 4300 });
  });

  it('keeps the focused row outside the window, with the space between them', () => {
    const rows = new RowHeights(100, 50);
    expect(placement(rows, { start: 10, end: 12 }, 2)).toEqual({ rows: [2, 10, 11], before: 100, gaps: [0, 350, 0], after: 4400 });
    expect(placement(rows, { start: 10, end: 12 }, 50)).toEqual({ rows: [10, 11, 50], before: 500, gaps: [0, 0, 1900], after: 2450 });
    // Inside the window, or not a row: nothing added.
    expect(placement(rows, { start: 10, end: 12 }, 11).rows).toEqual([10, 11]);
    expect(placement(rows, { start: 10, end: 12 }, 100).rows).toEqual([10, 11]);
  });

  it('a range beyond the rows (the list got shorter) is clamped', () => {
    const rows = new RowHeights(5, 10);
    expect(placement(rows, { start: 3, end: 40 })).toEqual({ rows: [3, 4], before: 30, gaps: [0, 0], after: 0 });
  });

  it('space + rendered rows always add up to the whole list', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }),
      fc.nat(), fc.nat(), fc.option(fc.nat()), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2000 }),
      (hs, a, b, keep, from, span) => {
        const rows = new RowHeights(hs.length, 77);
        hs.forEach((px, i) => { if (i % 3 !== 0) rows.measure(i, px); });
        const r = rows.range(from, from + span, OVERSCAN_PX);
        expect(r.start).toBeLessThan(r.end);
        expect(r.end).toBeLessThanOrEqual(hs.length);
        const p = placement(rows, { start: Math.min(a, b) % hs.length, end: Math.max(a, b) % (hs.length + 1) }, keep === null ? null : keep % hs.length);
        expect([...new Set(p.rows)].sort((x, y) => x - y)).toEqual(p.rows);
        const sum = p.before + p.after + p.gaps.reduce((s, g) => s + g, 0) + p.rows.reduce((s, i) => s + rows.height(i), 0);
        if (p.rows.length > 0) expect(sum).toBeCloseTo(rows.total, 6);
        expect(p.gaps.every((g) => g >= 0)).toBe(true);
      },
    ));
  });
});

describe('PaperList, virtualised', () => {
  useDomRoot();

  const papers = (n: number): Paper[] => Array.from({ length: n }, (_, i) =>
    makePaper({ id: `2501.${String(i).padStart(5, '0')}`, title: `Paper number ${i + 1}`, abstract: `Abstract ${i + 1}.`, published: '2025-01-02' }));
  const rows = () => [...root.querySelectorAll<HTMLElement>('.sl-paper')];
  const positions = () => rows().map((r) => Number(r.getAttribute('aria-posinset')));
  const list = () => root.querySelector<HTMLUListElement>('.sl-paper-list')!;
  /** Put the list's top `y` pixels above the viewport's top (happy-dom has no layout) and fire a scroll. */
  async function scrollTo(y: number) {
    const ul = list();
    ul.getBoundingClientRect = () => ({ top: -y, bottom: -y + 1e6, left: 0, right: 400, width: 400, height: 1e6, x: 0, y: -y, toJSON: () => ({}) });
    await act(async () => {
      document.dispatchEvent(new Event('scroll'));
    });
  }

  it('renders only the rows near the viewport, and announces the whole count', async () => {
    await mount(h(PaperList, { papers: papers(1000) }));
    expect(root.querySelector('.sl-papers-head')?.textContent).toBe('1000 Papers');
    const visible = Math.ceil((window.innerHeight + OVERSCAN_PX) / DEFAULT_ROW_ESTIMATE);
    expect(rows()).toHaveLength(visible);
    expect(positions()).toEqual(Array.from({ length: visible }, (_, i) => i + 1));
    expect(rows().every((r) => r.getAttribute('aria-setsize') === '1000')).toBe(true);
    expect(list().getAttribute('role')).toBe('list');
    expect(list().style.paddingTop).toBe('0px');
    expect(list().style.paddingBottom).toBe(`${(1000 - visible) * DEFAULT_ROW_ESTIMATE}px`);
    expect(rows()[0]?.querySelector('.sl-title')?.textContent).toBe('Paper number 1');
  });

  it('scrolling moves the window, with space above standing in for the rows left out', async () => {
    await mount(h(PaperList, { papers: papers(1000) }));
    await scrollTo(50_000);
    const first = Math.floor((50_000 - OVERSCAN_PX) / DEFAULT_ROW_ESTIMATE);
    const end = Math.ceil((50_000 + window.innerHeight + OVERSCAN_PX) / DEFAULT_ROW_ESTIMATE);
    expect(positions()).toEqual(Array.from({ length: end - first }, (_, i) => first + i + 1));
    expect(list().style.paddingTop).toBe(`${first * DEFAULT_ROW_ESTIMATE}px`);
    expect(rows()[0]?.querySelector('.sl-title')?.textContent).toBe(`Paper number ${first + 1}`);
    await scrollTo(1e7); // past the end: the last rows
    expect(positions().at(-1)).toBe(1000);
    expect(list().style.paddingBottom).toBe('0px');
    await scrollTo(0);
    expect(positions()[0]).toBe(1);
  });

  it('an open abstract stays open when its row is scrolled away and back', async () => {
    await mount(h(PaperList, { papers: papers(200) }));
    const toggle = rows()[1]!.querySelector<HTMLButtonElement>('.sl-toggle')!;
    await act(async () => toggle.click());
    expect(rows()[1]?.querySelector('.sl-abstract-text')?.textContent).toBe('Abstract 2.');
    await scrollTo(10_000);
    expect(positions()).not.toContain(2);
    await scrollTo(0);
    expect(rows()[1]?.querySelector('.sl-abstract-text')?.textContent).toBe('Abstract 2.');
    expect(rows()[1]?.querySelector('.sl-toggle')?.getAttribute('aria-expanded')).toBe('true');
    expect(rows()[0]?.querySelector('.sl-abstract-text')).toBeNull();
  });

  it('keeps the focused row in the DOM while the list scrolls away from it', async () => {
    await mount(h(PaperList, { papers: papers(1000) }));
    const button = rows()[2]!.querySelector<HTMLButtonElement>('.sl-toggle')!;
    await act(async () => button.focus());
    expect(document.activeElement).toBe(button);
    await scrollTo(40_000);
    expect(positions()[0]).toBe(3);
    expect(positions()[1]).toBeGreaterThan(400);
    expect(document.activeElement).toBe(button);
    // Space before row 3, then the gap up to the window.
    expect(list().style.paddingTop).toBe(`${2 * DEFAULT_ROW_ESTIMATE}px`);
    expect(rows()[1]!.style.marginTop).toBe(`${(positions()[1]! - 1 - 3) * DEFAULT_ROW_ESTIMATE}px`);
    // Focus leaves the list: the row is let go.
    await act(async () => button.blur());
    expect(positions()).not.toContain(3);
  });

  it('below the threshold every row is rendered; the overlay\'s limit still applies', async () => {
    await mount(h(PaperList, { papers: papers(VIRTUALISE_FROM - 1) }));
    expect(rows()).toHaveLength(VIRTUALISE_FROM - 1);
    expect(rows().at(-1)?.getAttribute('aria-setsize')).toBe(String(VIRTUALISE_FROM - 1));
    await mount(h(PaperList, { papers: papers(1000), limit: 5 }));
    expect(rows()).toHaveLength(5);
    expect(positions()).toEqual([1, 2, 3, 4, 5]);
    expect(root.querySelector('.sl-more')?.textContent).toBe('and 995 more in the popup');
    expect(list().style.paddingTop).toBe('');
  });
});
