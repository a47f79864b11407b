import type { Profile, Provenance } from '@/lib/schema';
import { categoryBadge } from '@/lib/format';

function provenanceText(provenance: Provenance[], field: string): string {
  const p = provenance.find((x) => x.field === field);
  if (!p) return '';
  return p.at ? `${p.detail} (as of ${p.at.slice(0, 10)})` : p.detail;
}

function Stat({ label, value, hint }: { label: string; value: number | null; hint: string }) {
  return (
    <div class="sl-stat" title={hint} tabIndex={0} aria-label={`${label}: ${value ?? 'unknown'}. ${hint}`}>
      <span class="sl-stat-value">{value === null ? '—' : value.toLocaleString('en-US')}</span>
      <span class="sl-stat-label">{label}</span>
    </div>
  );
}

export function ProfileCard({ profile, compact = false }: { profile: Profile; compact?: boolean }) {
  const { metrics, provenance } = profile;
  const name = profile.author?.name ?? profile.title;
  return (
    <section class={compact ? 'sl-card sl-compact' : 'sl-card'} aria-label={`Profile of ${name}`}>
      <header class="sl-card-head">
        <h2 class="sl-name">{name}</h2>
        {metrics.primaryCategory && (
          <span class="sl-badge sl-primary" title={`Primary category ${metrics.primaryCategory}: ${provenanceText(provenance, 'primaryCategory')}`}>
            {categoryBadge(metrics.primaryCategory)}
          </span>
        )}
      </header>
      <div class="sl-stats">
        <Stat label="h-index" value={metrics.h} hint={provenanceText(provenance, 'h')} />
        <Stat label="papers" value={metrics.papers} hint={provenanceText(provenance, 'papers')} />
        <Stat label="citations" value={metrics.citations} hint={provenanceText(provenance, 'citations')} />
      </div>
    </section>
  );
}
