import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/schema';
import { DEFAULT_ROW_ESTIMATE, RowHeights, type RowRange, placement, sameRange } from '@/lib/ui/window';
import { PaperRow } from './PaperRow';

/**
 * Lists with at least this many rows keep only the rows near the viewport in the DOM (a profile can
 * hold thousands of papers; rendering them all made the popup's first render slow). Shorter lists
 * (the overlay's five, most profiles) render every row.
 */
export const VIRTUALISE_FROM = 50;
/** Rows are rendered this far (pixels) above and below the visible part, so Tab and short scrolls find them ready. */
export const OVERSCAN_PX = 400;

type Toggle = (id: string, open: boolean) => void;

export function PaperList({ papers, limit, now }: { papers: Paper[]; limit?: number; now?: Date }) {
  const shown = limit === undefined ? papers : papers.slice(0, limit);
  // Open abstracts are kept here, not in the rows: a windowed row is unmounted when scrolled away.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle: Toggle = (id, on) => setOpen((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  return (
    <section class="sl-papers" aria-label="Papers">
      <h2 class="sl-papers-head">{papers.length} {papers.length === 1 ? 'Paper' : 'Papers'}</h2>
      {shown.length >= VIRTUALISE_FROM
        ? <WindowedRows papers={shown} now={now} open={open} toggle={toggle} />
        : (
          <ul class="sl-paper-list" role="list">
            {shown.map((p, i) => (
              <PaperRow key={p.id} paper={p} now={now} open={open.has(p.id)} onToggle={(o) => toggle(p.id, o)} posInSet={i + 1} setSize={shown.length} />
            ))}
          </ul>
        )}
      {shown.length < papers.length && <p class="sl-more">and {papers.length - shown.length} more in the popup</p>}
    </section>
  );
}

const CLIPS = /^(auto|scroll|hidden|clip|overlay)$/;

/** Elements between `el` and the document that clip it (overflow other than visible), across shadow roots. */
function clippingAncestors(el: Element): Element[] {
  const out: Element[] = [];
  const doc = el.ownerDocument;
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n.nodeType !== Node.ELEMENT_NODE || n === doc.documentElement || n === doc.body) continue;
    const style = getComputedStyle(n as Element);
    if (CLIPS.test(style.overflowY) || CLIPS.test(style.overflowX)) out.push(n as Element);
  }
  return out;
}

function viewportHeight(): number {
  return typeof window === 'undefined' ? 600 : window.innerHeight || document.documentElement.clientHeight || 600;
}

/** The stretch of the list `el` that is on screen, as offsets from its top. */
function visibleStretch(el: Element, clips: readonly Element[]): { from: number; to: number } {
  const list = el.getBoundingClientRect();
  let top = 0;
  let bottom = viewportHeight();
  for (const c of clips) {
    const r = c.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  return { from: top - list.top, to: Math.max(top, bottom) - list.top };
}

/**
 * The rows near the viewport of whatever scrolls the list (the popup's document, the overlay's box),
 * with padding standing in for the rest so the scrollbar is right. Every row says its position and
 * the list's length (`aria-posinset` / `aria-setsize`), so screen readers announce "12 of 1,000";
 * the row holding keyboard focus stays rendered while the list scrolls away from it.
 */
function WindowedRows({ papers, now, open, toggle }: { papers: Paper[]; now?: Date; open: ReadonlySet<string>; toggle: Toggle }) {
  const ul = useRef<HTMLUListElement>(null);
  /** Measured heights by paper id: they survive a new `papers` array (the profile is polled while it fills in). */
  const measured = useRef(new Map<string, number>());
  /** The estimate for rows never rendered: the mean of the first rows measured, learned once. */
  const estimate = useRef<number | null>(null);
  const width = useRef(0);
  const clips = useRef<Element[]>([]);
  const keep = useRef<number | null>(null);
  const state = useRef<{ papers: Paper[]; heights: RowHeights } | null>(null);
  const heightsFor = (list: Paper[], rebuild = false): RowHeights => {
    if (rebuild || !state.current || state.current.papers !== list) {
      const known = measured.current;
      state.current = { papers: list, heights: new RowHeights(list.length, estimate.current ?? DEFAULT_ROW_ESTIMATE, (i) => known.get(list[i]!.id)) };
    }
    return state.current.heights;
  };
  const heights = heightsFor(papers);
  const [range, setRange] = useState<RowRange>(() => heights.range(0, viewportHeight(), OVERSCAN_PX));
  const rangeRef = useRef(range);
  rangeRef.current = range;
  const [, setVersion] = useState(0);

  const update = useRef(() => {
    const el = ul.current;
    if (!el || !state.current) return;
    const { from, to } = visibleStretch(el, clips.current);
    const next = state.current.heights.range(from, to, OVERSCAN_PX);
    if (!sameRange(next, rangeRef.current)) {
      rangeRef.current = next;
      setRange(next);
    }
  }).current;

  // After every render: measure the rendered rows, then check the window still covers the viewport.
  useLayoutEffect(() => {
    const el = ul.current;
    if (!el || !state.current) return;
    const list = state.current.papers;
    let h = state.current.heights;
    let changed = false;
    const w = el.clientWidth;
    if (w !== width.current) {
      // Rows wrap differently at another width: what was measured before no longer holds.
      if (width.current > 0) {
        measured.current.clear();
        h = heightsFor(list, true);
        changed = true;
      }
      width.current = w;
    }
    let sum = 0;
    let n = 0;
    for (const child of el.children) {
      const i = Number((child as HTMLElement).dataset.index);
      const px = (child as HTMLElement).offsetHeight;
      if (!Number.isInteger(i) || i >= list.length || !(px > 0)) continue;
      measured.current.set(list[i]!.id, px);
      sum += px;
      n++;
      if (h.measure(i, px)) changed = true;
    }
    if (estimate.current === null && n > 0) {
      estimate.current = sum / n;
      heightsFor(list, true);
      changed = true;
    }
    update();
    if (changed) setVersion((v) => v + 1);
  });

  useLayoutEffect(() => {
    const el = ul.current;
    if (!el) return;
    clips.current = clippingAncestors(el);
    const onResize = () => {
      clips.current = clippingAncestors(el);
      setVersion((v) => v + 1);
    };
    // Scroll events do not bubble, but they can be caught on the way down: the document's own and
    // any scrolling box's; a list inside a shadow root (the overlay) hears its boxes from there.
    const targets = new Set<EventTarget>([el.ownerDocument, el.getRootNode()]);
    const opts = { capture: true, passive: true } as const;
    for (const t of targets) t.addEventListener('scroll', update, opts);
    window.addEventListener('resize', onResize);
    return () => {
      for (const t of targets) t.removeEventListener('scroll', update, opts);
      window.removeEventListener('resize', onResize);
    };
  }, []);

  const onFocusIn = (e: FocusEvent) => {
    const row = (e.target as Element | null)?.closest?.('li[data-index]') as HTMLElement | null;
    keep.current = row ? Number(row.dataset.index) : null;
  };
  const onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && ul.current?.contains(to)) return;
    const was = keep.current;
    keep.current = null;
    // A row kept only for focus, now scrolled away, can go.
    if (was !== null && (was < rangeRef.current.start || was >= rangeRef.current.end)) setVersion((v) => v + 1);
  };

  const place = placement(heights, range, keep.current);
  return (
    <ul ref={ul} class="sl-paper-list" role="list" style={{ paddingTop: `${place.before}px`, paddingBottom: `${place.after}px` }}
      onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
      {place.rows.map((i, k) => {
        const p = papers[i]!;
        return (
          <PaperRow key={p.id} paper={p} now={now} open={open.has(p.id)} onToggle={(o) => toggle(p.id, o)}
            posInSet={i + 1} setSize={papers.length} gapBefore={place.gaps[k]} />
        );
      })}
    </ul>
  );
}
