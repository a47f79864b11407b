import { useRef, useState } from 'preact/hooks';
import type { Profile } from '@/lib/schema';
import { PaperList } from './PaperList';
import { EnrichmentLine } from './EnrichmentLine';
import { ProfileCard } from './ProfileCard';
import { useLiveProfile } from './useLiveProfile';

/** The in-page card. Escape with focus anywhere inside collapses it and leaves focus on its Show button. */
export function Overlay({ profile: first, collapsed: initial, onToggle, poll, onWatch }: {
  profile: Profile; collapsed: boolean; onToggle: (collapsed: boolean) => void; poll?: () => Promise<Profile | null>;
  /** Save/unsave the profile's author (the card's star). */
  onWatch?: (authorId: string, watched: boolean) => Promise<boolean>;
}) {
  const [collapsed, setCollapsed] = useState(initial);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const profile = useLiveProfile(first, poll) ?? first;
  const toggle = () => {
    setCollapsed(!collapsed);
    onToggle(!collapsed);
  };
  return (
    // lang: the card's words are English on any page (Scholar in German, say), for screen readers' pronunciation.
    <aside class={collapsed ? 'sl-root sl-overlay sl-collapsed' : 'sl-root sl-overlay'} aria-label="Scholar Lens" data-testid="sl-overlay" lang="en"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || collapsed) return;
        toggle();
        // The focused link or button may be about to go with the list: keep focus in the overlay.
        toggleButton.current?.focus();
      }}>
      <div class="sl-overlay-bar">
        <span>Scholar Lens</span>
        <button type="button" ref={toggleButton} aria-expanded={!collapsed} onClick={toggle}>{collapsed ? 'Show' : 'Hide'}</button>
      </div>
      {!collapsed && (
        <>
          <ProfileCard profile={profile} compact onWatch={onWatch && profile.author ? (w) => onWatch(profile.author!.id, w) : undefined} />
          <EnrichmentLine enrichment={profile.enrichment} />
          <PaperList papers={profile.papers} limit={5} />
        </>
      )}
    </aside>
  );
}
