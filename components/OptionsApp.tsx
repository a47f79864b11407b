import { useEffect, useState } from 'preact/hooks';
import { type Settings, Settings as SettingsSchema } from '@/lib/settings';

export interface OptionsDeps {
  load: () => Promise<Settings>;
  save: (s: Settings) => Promise<void>;
  clearCache: () => Promise<{ removed: number }>;
  /** Restore a JSON backup; the message says what was imported or why nothing was. */
  importBackup?: (text: string) => Promise<{ ok: boolean; message: string }>;
  /** Ask for the optional `notifications` permission (from the click: browsers want a user gesture). */
  allowNotifications?: () => Promise<boolean>;
}

type SourceKey = keyof Settings['sources'];
const SOURCES: { key: SourceKey; label: string; hint: string }[] = [
  { key: 'arxivApi', label: 'arXiv API', hint: 'abstracts, dates and categories for papers seen on listings and author pages' },
  { key: 'semanticScholar', label: 'Semantic Scholar', hint: 'citation counts and author identities (works without a key, slower)' },
  { key: 'openAlex', label: 'OpenAlex', hint: 'a second opinion on author metrics (needs your own API key)' },
  { key: 'huggingface', label: 'Hugging Face papers', hint: 'code links from the Hugging Face papers API' },
];

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void deps.load().then(setSettings);
  }, [deps]);
  if (!settings) return <p role="status">Loading…</p>;

  const update = (next: Settings) => {
    const checked = SettingsSchema.safeParse(next);
    if (!checked.success) {
      setMessage(`Not saved: ${checked.error.issues[0]?.message ?? 'invalid value'}`);
      return;
    }
    setSettings(checked.data);
    void deps.save(checked.data).then(() => setMessage('Saved.'));
  };
  const num = (v: string) => Number.parseFloat(v);

  return (
    <main class="sl-options">
      <h1>Scholar Lens settings</h1>
      <fieldset>
        <legend>Sources</legend>
        {SOURCES.map((s) => (
          <label key={s.key} class="sl-opt-row">
            <input type="checkbox" checked={settings.sources[s.key]} onChange={(e) => update({ ...settings, sources: { ...settings.sources, [s.key]: e.currentTarget.checked } })} />
            <span><strong>{s.label}</strong> — {s.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>API keys (stored only in this browser)</legend>
        <label class="sl-opt-row">Semantic Scholar key
          <input type="password" autocomplete="off" value={settings.keys.semanticScholar}
            onChange={(e) => update({ ...settings, keys: { ...settings.keys, semanticScholar: e.currentTarget.value.trim() } })} />
        </label>
        <label class="sl-opt-row">OpenAlex key
          <input type="password" autocomplete="off" value={settings.keys.openAlex}
            onChange={(e) => update({ ...settings, keys: { ...settings.keys, openAlex: e.currentTarget.value.trim() } })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>How long cached data is trusted</legend>
        <label class="sl-opt-row">Paper metadata (days)
          <input type="number" min={1} max={3650} value={settings.ttl.metadataDays}
            onChange={(e) => update({ ...settings, ttl: { ...settings.ttl, metadataDays: num(e.currentTarget.value) } })} />
        </label>
        <label class="sl-opt-row">Citation counts (hours)
          <input type="number" min={1} max={8760} value={settings.ttl.citationsHours}
            onChange={(e) => update({ ...settings, ttl: { ...settings.ttl, citationsHours: num(e.currentTarget.value) } })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Watchlist</legend>
        <label class="sl-opt-row">Check watched authors for new papers every (hours)
          <input type="number" min={1} max={720} value={settings.watchlist.checkHours}
            onChange={(e) => update({ ...settings, watchlist: { ...settings.watchlist, checkHours: num(e.currentTarget.value) } })} />
        </label>
        <label class="sl-opt-row">
          <input type="checkbox" checked={settings.watchlist.notify} onChange={(e) => {
            const on = e.currentTarget.checked;
            const ask = on && deps.allowNotifications ? deps.allowNotifications() : Promise.resolve(true);
            void ask.then((granted) => {
              if (granted) update({ ...settings, watchlist: { ...settings.watchlist, notify: on } });
              else setMessage('Notifications were not allowed; the toolbar badge still counts new papers.');
            });
          }} />
          <span>Show a browser notification when watched authors have new papers (the toolbar badge always counts them)</span>
        </label>
      </fieldset>
      {deps.importBackup && (
        <fieldset>
          <legend>Import a backup</legend>
          <label class="sl-opt-row">Scholar Lens JSON file (profiles and watchlist)
            <input type="file" accept=".json,application/json" data-testid="sl-import" onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file || !deps.importBackup) return;
              setMessage(`Importing ${file.name}…`);
              void file.text().then(deps.importBackup).then((r) => setMessage(r.message), (err: unknown) => setMessage(`Import failed: ${err instanceof Error ? err.message : String(err)}`));
            }} />
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Cache</legend>
        <button type="button" onClick={() => void deps.clearCache().then((r) => setMessage(`Cache cleared: ${r.removed} records removed. Your watchlist is kept.`))}>
          Clear cached papers and profiles
        </button>
      </fieldset>
      <p role="status" aria-live="polite">{message}</p>
    </main>
  );
}
