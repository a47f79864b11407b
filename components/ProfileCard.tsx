import type { Profile } from '@/lib/schema';
import { categoryBadge } from '@/lib/format';
import { CARD_METRICS, describeMetric, formatMetric } from '@/lib/metrics/display';
import { MetricTip } from './MetricTip';
import { WatchStar } from './WatchStar';

/** `onWatch`: save/unsave the author (the star is shown only for a profile with an author). */
export function ProfileCard({ profile, compact = false, onWatch }: { profile: Profile; compact?: boolean; onWatch?: (watched: boolean) => Promise<boolean> }) {
  const { metrics, provenance } = profile;
  const name = profile.author?.name ?? profile.title;
  const primaryHint = provenance.find((p) => p.field === 'primaryCategory')?.detail ?? '';
  return (
    <section class={compact ? 'sl-card sl-compact' : 'sl-card'} aria-label={`Profile of ${name}`}>
      <header class="sl-card-head">
        <h2 class="sl-name">{name}</h2>
        {metrics.primaryCategory && (
          <MetricTip class="sl-badge sl-primary" tip={`Primary category ${metrics.primaryCategory}: ${primaryHint}`}>
            {categoryBadge(metrics.primaryCategory)}
          </MetricTip>
        )}
        {onWatch && profile.author && <WatchStar name={name} watched={profile.watched} onToggle={onWatch} small={compact} />}
      </header>
      <div class="sl-stats">
        {CARD_METRICS.map((m) => {
          const d = describeMetric(profile, m);
          return (
            <MetricTip key={m} class="sl-stat" metric={m} tip={`${d.definition} ${d.provenance}.`}>
              <span class="sl-stat-value">{formatMetric(m, d.shown)}</span>
              <span class="sl-stat-label">{d.label}</span>
            </MetricTip>
          );
        })}
      </div>
    </section>
  );
}
