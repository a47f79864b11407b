import { useEffect, useState } from 'preact/hooks';

/**
 * Saves or unsaves an author; the star shows the state, `aria-pressed` says it to screen readers.
 * The accessible name contains the visible word ("Save" / "Saved"), so speech input can say it;
 * the title says what a click does. While the background answers the button stays focusable
 * (aria-disabled rather than disabled, which would drop keyboard focus).
 */
export function WatchStar({ name, watched: initial, onToggle, small = false }: {
  name: string;
  watched: boolean;
  /** Asks the background; resolves to the state it now holds. */
  onToggle: (watched: boolean) => Promise<boolean>;
  small?: boolean;
}) {
  const [watched, setWatched] = useState(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => setWatched(initial), [initial]);
  const toggle = () => {
    if (busy) return;
    setBusy(true);
    onToggle(!watched).then(setWatched, () => {}).finally(() => setBusy(false));
  };
  const label = watched ? `Saved: ${name} is on your watchlist` : `Save ${name} to your watchlist`;
  const action = watched ? `Remove ${name} from your watchlist` : label;
  return (
    <button type="button" class={small ? 'sl-star sl-star-small' : 'sl-star'} aria-pressed={watched} aria-label={label} title={action}
      data-testid="sl-star" aria-disabled={busy || undefined} onClick={toggle}>
      <span aria-hidden="true">{watched ? '★' : '☆'}</span>
      {!small && <span class="sl-star-text">{watched ? 'Saved' : 'Save'}</span>}
    </button>
  );
}
