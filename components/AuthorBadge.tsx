import { useState } from 'preact/hooks';
import type { AuthorSummary } from '@/lib/protocol';
import { categoryBadge } from '@/lib/format';
import { WatchStar } from './WatchStar';

/** A small mark after an author's name whose profile is cached, with a hover card. */
/** `onWatch`: save/unsave this author from the page (a small star after the mark). */
export function AuthorBadge({ summary, onWatch }: { summary: AuthorSummary; onWatch?: (authorId: string, watched: boolean) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  const cites = summary.citations === null ? 'unknown' : summary.citations.toLocaleString('en-US');
  return (
    <span class="sl-root sl-author-badge" data-testid="sl-author-badge" onMouseEnter={show} onMouseLeave={hide}
      style={{ display: 'inline-block', background: 'transparent' }}>
      <button type="button" aria-expanded={open} aria-label={`Scholar Lens profile of ${summary.name}`} onFocus={show} onBlur={hide}
        onKeyDown={(e) => { if (e.key === 'Escape') hide(); }}>SL</button>
      {onWatch && <WatchStar name={summary.name} watched={summary.watched} small onToggle={(w) => onWatch(summary.authorId, w)} />}
      {open && (
        <span class="sl-root sl-hovercard sl-card" role="tooltip">
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
