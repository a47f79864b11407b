import type { Metrics } from '@/lib/schema';

export function Coauthors({ coauthors }: { coauthors: Metrics['topCoauthors'] }) {
  if (coauthors.length === 0) return null;
  return (
    <div class="sl-metric-group">
      <h3>Top co-authors</h3>
      <ol class="sl-coauthors">
        {coauthors.map((c) => (
          <li key={c.name}><span>{c.name}</span> <span class="sl-muted">{c.papers} shared {c.papers === 1 ? 'paper' : 'papers'}</span></li>
        ))}
      </ol>
    </div>
  );
}
