import { useState } from 'preact/hooks';

/** Tells the user the cache was trimmed to make room (storage was full); dismissed for good. */
export function StorageNotice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div class="sl-notice" role="alert">
      <span>{text}</span>
      <button type="button" onClick={() => { setShown(false); onDismiss(); }}>Dismiss</button>
    </div>
  );
}
