import { useState } from 'preact/hooks';
import type { Paper } from '@/lib/schema';
import { authorLine, categoryBadge, formatPaperDate, isSafeHttpUrl } from '@/lib/format';

/** A link only for http(s) targets; anything else (javascript:, data:) is shown as plain text. */
function SafeLink({ href, children, label }: { href: string | null; children: preact.ComponentChildren; label?: string }) {
  if (!href || !isSafeHttpUrl(href)) return <span>{children}</span>;
  return <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>{children}</a>;
}

export interface PaperRowProps {
  paper: Paper;
  now?: Date;
  /** Whether the abstract is shown, when the list keeps that state (a virtualised row can be unmounted and mounted again). */
  open?: boolean;
  onToggle?: (open: boolean) => void;
  /** 1-based position and the list's length, announced by screen readers ("3 of 1,000") when not every row is in the DOM. */
  posInSet?: number;
  setSize?: number;
  /** Empty space above the row, standing in for rows that are not rendered. */
  gapBefore?: number;
}

export function PaperRow({ paper, now, open: openProp, onToggle, posInSet, setSize, gapBefore }: PaperRowProps) {
  const [openHere, setOpenHere] = useState(false);
  const open = openProp ?? openHere;
  const setOpen = (next: boolean) => (onToggle ? onToggle(next) : setOpenHere(next));
  const date = paper.published ?? paper.updated;
  const code = paper.links.code.find(isSafeHttpUrl) ?? null;
  return (
    <li class="sl-paper" aria-posinset={posInSet} aria-setsize={setSize} data-index={posInSet === undefined ? undefined : posInSet - 1}
      style={gapBefore ? { marginTop: `${gapBefore}px` } : undefined}>
      <div class="sl-paper-meta">
        <span class="sl-badge" title={paper.primaryCategory ?? 'category unknown'}>{categoryBadge(paper.primaryCategory)}</span>
        <span class="sl-date">{date ? formatPaperDate(date, now) : (paper.year ?? '')}</span>
        {paper.citations !== null && (
          <span class="sl-cites" title={`${paper.citations} citations (${paper.citationsSource ?? 'unknown source'}${paper.citationsFetchedAt ? `, ${paper.citationsFetchedAt.slice(0, 10)}` : ''})`}>
            {paper.citations.toLocaleString('en-US')} cited
          </span>
        )}
        {code && <a class="sl-code" href={code} target="_blank" rel="noopener noreferrer" title={code}>Code</a>}
      </div>
      <h3 class="sl-title"><SafeLink href={paper.links.abs}>{paper.title}</SafeLink></h3>
      <p class="sl-authors" title={paper.authors.join(', ')}>{authorLine(paper.authors)}</p>
      {paper.abstract && (
        <div class="sl-abstract">
          <button type="button" class="sl-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide abstract' : 'Abstract'}
          </button>
          {open && <p class="sl-abstract-text">{paper.abstract}</p>}
        </div>
      )}
    </li>
  );
}
