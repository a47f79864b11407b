import type { Paper } from '@/lib/schema';
import { PaperRow } from './PaperRow';

export function PaperList({ papers, limit, now }: { papers: Paper[]; limit?: number; now?: Date }) {
  const shown = limit === undefined ? papers : papers.slice(0, limit);
  return (
    <section class="sl-papers" aria-label="Papers">
      <h2 class="sl-papers-head">{papers.length} {papers.length === 1 ? 'Paper' : 'Papers'}</h2>
      <ul class="sl-paper-list">
        {shown.map((p) => <PaperRow key={p.id} paper={p} now={now} />)}
      </ul>
      {shown.length < papers.length && <p class="sl-more">and {papers.length - shown.length} more in the popup</p>}
    </section>
  );
}
