import type { Enrichment } from '@/lib/schema';
import { formatAge } from '@/lib/format';

/** "citations 120/480" while fetching; "offline: cached data from 3 d ago" when it cannot. */
export function EnrichmentLine({ enrichment, now = Date.now() }: { enrichment: Enrichment | null; now?: number }) {
  if (!enrichment) return null;
  const { citations, metadata, pending, offline, stale, oldestCitationsAt } = enrichment;
  const age = oldestCitationsAt ? formatAge(now - Date.parse(oldestCitationsAt)) : null;
  const parts: string[] = [];
  if (pending > 0 && !offline) {
    if (citations.total) parts.push(`citations ${citations.done}/${citations.total}`);
    if (metadata.total && metadata.done < metadata.total) parts.push(`metadata ${metadata.done}/${metadata.total}`);
  }
  if (offline) parts.push(age ? `offline: cached data from ${age}` : 'offline: showing what is cached');
  else if (stale && age) parts.push(`stale: citations from ${age}, refreshing`);
  if (parts.length === 0) return null;
  return (
    <p class={offline || stale ? 'sl-enrich sl-stale' : 'sl-enrich'} role="status" aria-live="polite" data-testid="sl-enrichment">
      {parts.join(' · ')}
    </p>
  );
}
