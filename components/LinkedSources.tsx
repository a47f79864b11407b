import type { Profile } from '@/lib/schema';

const LABELS: Record<string, string> = {
  arxiv: 'arXiv', 'arxiv-query': 'arXiv search', gscholar: 'Google Scholar', dblp: 'DBLP', s2: 'Semantic Scholar', openreview: 'OpenReview',
};

/** Which other sites' records make up this profile, why, and a way to undo a wrong match. */
export function LinkedSources({ profile, onUnlink }: { profile: Profile; onUnlink?: (otherId: string) => void }) {
  if (profile.linked.length === 0) return null;
  return (
    <section class="sl-linked" aria-label="Linked records">
      <span class="sl-muted">Also on:</span>
      <ul>
        {profile.linked.map((l) => (
          <li key={l.authorId} data-linked={l.authorId}>
            <span title={`${l.name}: linked on ${l.evidence}`}>{LABELS[l.source] ?? l.source}</span>
            {onUnlink && (
              <button type="button" class="sl-unlink" aria-label={`Not the same person: unlink ${LABELS[l.source] ?? l.source} record of ${l.name}`} onClick={() => onUnlink(l.authorId)}>
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
