import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Profile } from '@/lib/schema';
import type { SavedFile } from './download';
import { EnrichmentLine } from './EnrichmentLine';
import { ExportMenu, type ExportFormat } from './ExportMenu';
import { LinkedSources } from './LinkedSources';
import { MetricsDetails } from './MetricsDetails';
import { PaperList } from './PaperList';
import { ProfileCard } from './ProfileCard';
import { useLiveProfile } from './useLiveProfile';
import { type WatchlistDeps, WatchlistView } from './WatchlistView';

/**
 * Arrow keys, Home and End move focus between a tablist's tabs and select the tab they land on
 * (the WAI-ARIA tabs pattern, automatic activation). Every tab also stays in the Tab order.
 */
function tabKeys<T extends string>(tabs: readonly T[], select: (tab: T) => void) {
  return (e: KeyboardEvent) => {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]')];
    const at = buttons.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const last = buttons.length - 1;
    const moves: Record<string, number> = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last };
    const to = moves[e.key];
    if (to === undefined || tabs[to] === undefined) return;
    e.preventDefault();
    select(tabs[to]);
    buttons[to]?.focus();
  };
}

const VIEWS = ['profile', 'watchlist'] as const;
const PROFILE_TABS = ['papers', 'metrics'] as const;

type State = { kind: 'loading' } | { kind: 'empty' } | { kind: 'error'; message: string } | { kind: 'ready'; profile: Profile };

/** `load({ refresh: true })` on open (queues fetches for what is missing); `refresh: false` for progress polls. */
export type ProfileLoader = (opts: { refresh: boolean }) => Promise<Profile | null>;

export type Unlinker = (authorId: string, otherId: string) => Promise<Profile | null>;

/** What the watchlist features need from the background; without it the popup shows the profile alone. */
export interface PopupWatchDeps extends Omit<WatchlistDeps, 'open'> {
  /** A watched author's profile, opened from the Watchlist tab. */
  loadAuthor: (authorId: string, opts: { refresh: boolean }) => Promise<Profile | null>;
  toggle: (authorId: string, watched: boolean) => Promise<boolean>;
  markSeen: (authorId: string) => Promise<void>;
  exportProfile: (format: ExportFormat, profile: Profile) => Promise<SavedFile>;
  /** Total new papers over the watchlist, for the tab's label. */
  newPapers?: number;
}

export function PopupApp({ load, unlink, watch }: { load: ProfileLoader; unlink?: Unlinker; watch?: PopupWatchDeps }) {
  // The badge counts new papers: a click on it should show them, not the current tab's author.
  const [view, setView] = useState<'profile' | 'watchlist'>(watch?.newPapers ? 'watchlist' : 'profile');
  const [chosen, setChosen] = useState<string | null>(null);
  const loader = useCallback<ProfileLoader>((opts) => (chosen && watch ? watch.loadAuthor(chosen, opts) : load(opts)), [chosen, load, watch]);
  // The page's one h1 (the popup's entry HTML makes its root the main landmark); the author's name is an h2.
  const title = <h1 class="sl-visually-hidden">Scholar Lens</h1>;
  if (!watch) return <div class="sl-popup-root">{title}<ProfileScreen load={load} unlink={unlink} /></div>;
  const deps: WatchlistDeps = { ...watch, open: (id) => { setChosen(id); setView('profile'); } };
  const fresh = watch.newPapers ?? 0;
  return (
    <div class="sl-popup-root">
      {title}
      <div class="sl-tabs sl-views" role="tablist" aria-label="Scholar Lens views" onKeyDown={tabKeys(VIEWS, setView)}>
        <button type="button" role="tab" id="sl-view-profile" aria-selected={view === 'profile'} aria-controls="sl-view-panel" onClick={() => setView('profile')}>Profile</button>
        <button type="button" role="tab" id="sl-view-watchlist" aria-selected={view === 'watchlist'} aria-controls="sl-view-panel" onClick={() => setView('watchlist')}>
          Watchlist{fresh > 0 ? ` (${fresh} new)` : ''}
        </button>
      </div>
      <div role="tabpanel" id="sl-view-panel" aria-labelledby={`sl-view-${view}`}>
        {view === 'watchlist' ? <WatchlistView deps={deps} /> : <ProfileScreen key={chosen ?? 'page'} load={loader} unlink={unlink} watch={watch} opened={chosen !== null} />}
      </div>
    </div>
  );
}

/** `opened`: the user picked this author in the Watchlist tab, which is seeing their new papers. */
function ProfileScreen({ load, unlink, watch, opened = false }: { load: ProfileLoader; unlink?: Unlinker; watch?: PopupWatchDeps; opened?: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    load({ refresh: true }).then(
      (profile) => {
        setState(profile ? { kind: 'ready', profile } : { kind: 'empty' });
        if (opened && profile?.author && watch) void watch.markSeen(profile.author.id);
      },
      (err: unknown) => setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [load, watch, opened]);
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
  return <ProfileView initial={state.profile} poll={load} onUnlink={onUnlink} watch={watch} />;
}

function ProfileView({ initial, poll, onUnlink, watch }: { initial: Profile; poll: ProfileLoader; onUnlink?: (otherId: string) => void; watch?: PopupWatchDeps }) {
  const [tab, setTab] = useState<'papers' | 'metrics'>('papers');
  const again = useCallback(() => poll({ refresh: false }), [poll]);
  const profile = useLiveProfile(initial, again) ?? initial;
  const author = profile.author;
  const onWatch = watch && author ? (w: boolean) => watch.toggle(author.id, w) : undefined;
  return (
    <div class="sl-popup">
      <ProfileCard profile={profile} onWatch={onWatch} />
      <LinkedSources profile={profile} onUnlink={onUnlink} />
      <EnrichmentLine enrichment={profile.enrichment} />
      <div class="sl-tabs" role="tablist" aria-label="Profile views" onKeyDown={tabKeys(PROFILE_TABS, setTab)}>
        {PROFILE_TABS.map((t) => (
          <button key={t} type="button" role="tab" id={`sl-tab-${t}`} aria-selected={tab === t} aria-controls="sl-profile-panel" onClick={() => setTab(t)}>
            {t === 'papers' ? 'Papers' : 'All metrics'}
          </button>
        ))}
      </div>
      {/* One panel whose content follows the selected tab, so every tab's aria-controls names an element that exists. */}
      <div role="tabpanel" id="sl-profile-panel" aria-labelledby={`sl-tab-${tab}`}>
        {tab === 'papers' ? <PaperList papers={profile.papers} /> : <MetricsDetails profile={profile} />}
      </div>
      {watch && <ExportMenu id="sl-export-profile" label="Export this profile" exporter={(f) => watch.exportProfile(f, profile)} />}
    </div>
  );
}
