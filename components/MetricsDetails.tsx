import type { Profile } from '@/lib/schema';
import { describeMetric, formatMetric, METRIC_GROUPS } from '@/lib/metrics/display';
import { Coauthors } from './Coauthors';
import { MetricTip } from './MetricTip';
import { YearChart } from './YearChart';

/** Every metric, grouped, each with its definition and where it came from; both values where a source disagrees. */
export function MetricsDetails({ profile }: { profile: Profile }) {
  return (
    <section class="sl-details" aria-label="All metrics">
      <YearChart years={profile.metrics.papersPerYear} />
      {METRIC_GROUPS.map((g) => (
        <div key={g.title} class="sl-metric-group">
          <h3>{g.title}</h3>
          <dl class="sl-metric-list">
            {g.metrics.map((m) => {
              const d = describeMetric(profile, m);
              return (
                <div key={m} class="sl-metric-row" data-metric={m}>
                  <dt><MetricTip tip={`${d.definition} ${d.provenance}.`}>{d.label}</MetricTip></dt>
                  <dd>
                    <span class="sl-metric-value">{formatMetric(m, d.shown)}</span>
                    {d.differs && d.reported && (
                      <span class="sl-metric-both"> ({d.reported.source}; ours {formatMetric(m, d.computed)})</span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
      <Coauthors coauthors={profile.metrics.topCoauthors} />
    </section>
  );
}
