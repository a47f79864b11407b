/** A file the background wrote, downloaded by the extension page (no `downloads` permission needed). */
export interface SavedFile { filename: string; mime: string; text: string }

export function saveFile({ filename, mime, text }: SavedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
