import { useEffect, useId, useState } from 'preact/hooks';
import type { AuthorSummary } from '@/lib/protocol';
import { categoryBadge } from '@/lib/format';
import { WatchStar } from './WatchStar';

/**
 * A small mark after an author's name whose profile is cached, with a hover card that also opens on
 * keyboard focus (and on click, for touch), describes the mark to screen readers, and closes with
 * Escape wherever focus is (WCAG 1.4.13).
 * `onWatch`: save/unsave this author from the page (a small star after the mark).
 */
export function AuthorBadge({ summary, onWatch }: { summary: AuthorSummary; onWatch?: (authorId: string, watched: boolean) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const cardId = useId();
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const cites = summary.citations === null ? 'unknown' : summary.citations.toLocaleString('en-US');
  return (
    <span class="sl-root sl-author-badge" data-testid="sl-author-badge" lang="en" onMouseEnter={show} onMouseLeave={hide}
      style={{ display: 'inline-block', background: 'transparent' }}>
      {/* The name contains the visible "SL" as a word (WCAG 2.5.3, label in name: speech input can say it). */}
      <button type="button" aria-expanded={open} aria-describedby={open ? cardId : undefined} aria-label={`Scholar Lens profile of ${summary.name}: SL`}
        onFocus={show} onBlur={hide} onClick={show}
        onKeyDown={(e) => { if (e.key === 'Escape') hide(); }}>SL</button>
      {onWatch && <WatchStar name={summary.name} watched={summary.watched} small onToggle={(w) => onWatch(summary.authorId, w)} />}
      {open && (
        <span class="sl-root sl-hovercard sl-card" role="tooltip" id={cardId}>
          <strong class="sl-name" style={{ fontSize: '15px' }}>{summary.name}</strong>{' '}
          {summary.primaryCategory && <span class="sl-badge sl-primary">{categoryBadge(summary.primaryCategory)}</span>}
          <span style={{ display: 'block', marginTop: '6px' }}>
            h-index {summary.h ?? 'unknown'} · {summary.papers} papers · {cites} citations
          </span>
          {summary.matchedBy === 'name' && <span class="sl-more" style={{ display: 'block' }}>matched by name</span>}
        </span>
      )}
    </span>
  );
}
