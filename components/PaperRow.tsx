import { useState } from 'preact/hooks';
import type { Paper } from '@/lib/schema';
import { authorLine, categoryBadge, formatPaperDate, isSafeHttpUrl } from '@/lib/format';

/** A link only for http(s) targets; anything else (javascript:, data:) is shown as plain text. */
function SafeLink({ href, children, label }: { href: string | null; children: preact.ComponentChildren; label?: string }) {
  if (!href || !isSafeHttpUrl(href)) return <span>{children}</span>;
  return <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>{children}</a>;
}

export function PaperRow({ paper, now }: { paper: Paper; now?: Date }) {
  const [open, setOpen] = useState(false);
  const date = paper.published ?? paper.updated;
  const code = paper.links.code.find(isSafeHttpUrl) ?? null;
  return (
    <li class="sl-paper">
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
