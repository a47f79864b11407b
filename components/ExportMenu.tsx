import { useState } from 'preact/hooks';
import type { ExportFormatName } from '@/lib/protocol';
import type { z } from 'zod';
import { saveFile, type SavedFile } from './download';

export type ExportFormat = z.infer<typeof ExportFormatName>;
type Format = ExportFormat;

const FORMATS: { value: Format; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX' },
  { value: 'ris', label: 'RIS' },
  { value: 'csljson', label: 'CSL-JSON (Zotero)' },
  { value: 'csv', label: 'CSV (papers)' },
  { value: 'md', label: 'Markdown' },
  { value: 'json', label: 'Scholar Lens JSON' },
];

/** A format picker and a button; the background writes the file, the page downloads it. */
export function ExportMenu({ label, exporter, id }: { label: string; exporter: (format: Format) => Promise<SavedFile>; id: string }) {
  const [format, setFormat] = useState<Format>('bibtex');
  const [message, setMessage] = useState('');
  const run = () => {
    setMessage('Exporting…');
    exporter(format).then(
      (file) => { saveFile(file); setMessage(`Saved ${file.filename}`); },
      (err: unknown) => setMessage(`Export failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  return (
    <div class="sl-export">
      <label for={id}>{label}</label>
      <select id={id} value={format} onChange={(e) => setFormat(e.currentTarget.value as Format)}>
        {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
      </select>
      <button type="button" onClick={run}>Export</button>
      <span class="sl-muted" role="status" aria-live="polite">{message}</span>
    </div>
  );
}
