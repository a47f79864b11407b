import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WatchItem } from '@/lib/protocol';
import { categoryBadge, formatAge } from '@/lib/format';
import { NOTE_MAX } from '@/lib/watchlist/schema';
import { sortWatchlist, type WatchSort } from '@/lib/watchlist/sort';
import type { SavedFile } from './download';
import { ExportMenu } from './ExportMenu';
import type { ExportFormat } from './ExportMenu';

export interface WatchlistData { items: WatchItem[]; newPapers: number; sync: string | null }

export interface WatchlistDeps {
  list: () => Promise<WatchlistData>;
  setNote: (authorId: string, note: string) => Promise<void>;
  unwatch: (authorId: string) => Promise<void>;
  check: () => Promise<{ checked: number; newPapers: number; errors: number }>;
  exportAll: (format: ExportFormat) => Promise<SavedFile>;
  /** Show this author's profile (which marks their new papers seen). */
  open: (authorId: string) => void;
  now?: () => Date;
}

const SORTS: { value: WatchSort; label: string }[] = [
  { value: 'new', label: 'New papers' },
  { value: 'name', label: 'Name' },
  { value: 'h', label: 'h-index' },
];

export function WatchlistView({ deps }: { deps: WatchlistDeps }) {
  const [data, setData] = useState<WatchlistData | null>(null);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<WatchSort>('new');
  const [status, setStatus] = useState('');
  const section = useRef<HTMLElement>(null);
  /** After a removal the focused button is gone: focus goes to the next author's name, or the list. */
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null || !section.current) return;
    const names = section.current.querySelectorAll<HTMLElement>('.sl-watch-name');
    (names[Math.min(refocus.current, names.length - 1)] ?? section.current).focus();
    refocus.current = null;
  }, [data]);
  const reload = useCallback(() => deps.list().then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e))), [deps]);
  useEffect(() => void reload(), [reload]);

  if (error) return <p class="sl-status sl-error" role="alert">Could not load the watchlist: {error}</p>;
  if (!data) return <p class="sl-status" role="status">Loading…</p>;
  const now = deps.now?.() ?? new Date();
  const check = () => {
    setStatus('Checking for new papers…');
    deps.check().then(
      (r) => { setStatus(`Checked ${r.checked} authors: ${r.newPapers} new papers${r.errors ? `, ${r.errors} could not be checked` : ''}.`); void reload(); },
      (e: unknown) => setStatus(`Check failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <section class="sl-watchlist" aria-label="Watchlist" ref={section} tabIndex={-1}>
      {data.items.length === 0 ? (
        <p class="sl-status">Your watchlist is empty. Save an author with the ☆ on their card to be told about their new papers.</p>
      ) : (
        <>
          <div class="sl-watch-tools">
            <label for="sl-watch-sort">Sort by</label>
            <select id="sl-watch-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as WatchSort)}>
              {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </select>
            <button type="button" onClick={check}>Check now</button>
          </div>
          {data.sync && <p class="sl-muted sl-watch-sync" role="note">{data.sync}</p>}
          <ul class="sl-watch-list">
            {sortWatchlist(data.items.map((i) => ({ ...i, row: i.entry })), sort).map((item, at) => (
              <WatchRowView key={item.entry.authorId} item={item} now={now} deps={deps} onRemoved={() => { refocus.current = at; void reload(); }} />
            ))}
          </ul>
          <ExportMenu id="sl-export-watchlist" label="Export watchlist" exporter={deps.exportAll} />
        </>
      )}
      <p class="sl-muted" role="status" aria-live="polite">{status}</p>
    </section>
  );
}

function WatchRowView({ item, now, deps, onRemoved }: { item: WatchItem; now: Date; deps: WatchlistDeps; onRemoved: () => void }) {
  const { entry } = item;
  const [note, setNote] = useState(entry.note);
  const [saved, setSaved] = useState('');
  const fresh = entry.newPaperIds.length;
  const checked = entry.lastCheckedAt ? `checked ${formatAge(now.getTime() - Date.parse(entry.lastCheckedAt))}` : 'not checked yet';
  const cites = item.citations === null ? 'unknown' : item.citations.toLocaleString('en-US');
  const saveNote = () => {
    if (note.trim() === entry.note) return;
    deps.setNote(entry.authorId, note).then(() => setSaved('Note saved'), () => setSaved('Note not saved'));
  };
  return (
    <li class="sl-watch-item" data-testid="sl-watch-item">
      <div class="sl-watch-head">
        {/* A heading per author, for screen readers' heading navigation (styled as before). */}
        <h2 class="sl-watch-title"><button type="button" class="sl-watch-name" onClick={() => deps.open(entry.authorId)}>{entry.name}</button></h2>
        {item.primaryCategory && <span class="sl-badge sl-primary">{categoryBadge(item.primaryCategory)}</span>}
        {fresh > 0 && <span class="sl-new" data-testid="sl-new">{fresh} new</span>}
        <button type="button" class="sl-star sl-star-small" aria-label={`Remove ${entry.name} from your watchlist`} title="Remove from watchlist"
          onClick={() => void deps.unwatch(entry.authorId).then(onRemoved)}>★</button>
      </div>
      <p class="sl-muted sl-watch-stats">
        h-index {item.h ?? 'unknown'} · {item.papers} papers · {cites} citations · {checked}
        {entry.lastCheckError ? ` (${entry.lastCheckError})` : ''}
      </p>
      <label class="sl-note">
        <span class="sl-visually-hidden">Note on {entry.name}</span>
        <textarea rows={1} maxLength={NOTE_MAX} placeholder="Add a note…" value={note}
          onInput={(e) => { setNote(e.currentTarget.value); setSaved(''); }} onBlur={saveNote} />
      </label>
      {saved && <span class="sl-muted" role="status">{saved}</span>}
    </li>
  );
}
