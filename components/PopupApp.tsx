import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Profile } from '@/lib/schema';
import { EnrichmentLine } from './EnrichmentLine';
import { LinkedSources } from './LinkedSources';
import { MetricsDetails } from './MetricsDetails';
import { PaperList } from './PaperList';
import { ProfileCard } from './ProfileCard';
import { useLiveProfile } from './useLiveProfile';

type State = { kind: 'loading' } | { kind: 'empty' } | { kind: 'error'; message: string } | { kind: 'ready'; profile: Profile };

/** `load({ refresh: true })` on open (queues fetches for what is missing); `refresh: false` for progress polls. */
export type ProfileLoader = (opts: { refresh: boolean }) => Promise<Profile | null>;

export type Unlinker = (authorId: string, otherId: string) => Promise<Profile | null>;

export function PopupApp({ load, unlink }: { load: ProfileLoader; unlink?: Unlinker }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    load({ refresh: true }).then(
      (profile) => setState(profile ? { kind: 'ready', profile } : { kind: 'empty' }),
      (err: unknown) => setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [load]);
  if (state.kind === 'loading') return <p class="sl-status" role="status">Loading…</p>;
  if (state.kind === 'error') return <p class="sl-status sl-error" role="alert">Could not load the profile: {state.message}</p>;
  if (state.kind === 'empty') {
    return (
      <div class="sl-empty" role="status">
        <h2>No author yet</h2>
        <p>Open an author's page on arXiv (for example arxiv.org/a/&lt;author id&gt;, or click an author's name on a paper) and Scholar Lens will build their profile here.</p>
      </div>
    );
  }
  const onUnlink = unlink && state.profile.author
    ? (otherId: string) => void unlink(state.profile.author!.id, otherId).then((p) => p && setState({ kind: 'ready', profile: p }))
    : undefined;
  return <ProfileView initial={state.profile} poll={load} onUnlink={onUnlink} />;
}

function ProfileView({ initial, poll, onUnlink }: { initial: Profile; poll: ProfileLoader; onUnlink?: (otherId: string) => void }) {
  const [tab, setTab] = useState<'papers' | 'metrics'>('papers');
  const again = useCallback(() => poll({ refresh: false }), [poll]);
  const profile = useLiveProfile(initial, again) ?? initial;
  return (
    <main class="sl-popup">
      <ProfileCard profile={profile} />
      <LinkedSources profile={profile} onUnlink={onUnlink} />
      <EnrichmentLine enrichment={profile.enrichment} />
      <div class="sl-tabs" role="tablist" aria-label="Profile views">
        {(['papers', 'metrics'] as const).map((t) => (
          <button key={t} type="button" role="tab" id={`sl-tab-${t}`} aria-selected={tab === t} aria-controls={`sl-panel-${t}`} onClick={() => setTab(t)}>
            {t === 'papers' ? 'Papers' : 'All metrics'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sl-panel-${tab}`} aria-labelledby={`sl-tab-${tab}`}>
        {tab === 'papers' ? <PaperList papers={profile.papers} /> : <MetricsDetails profile={profile} />}
      </div>
    </main>
  );
}
