/**
 * Starting Debian Chromium with the built extension loaded, and serving arXiv pages from files by
 * routing (no network). Shared by the e2e tests and `npm run demo`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');

export function missingChromiumMessage(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`;
}

/** What to answer a request with: a body (status 200 unless given), null for "not here", or 'abort' for no network. */
export type Served = { body: string | Buffer; contentType?: string; status?: number } | null | 'abort';
/** Answers for requests to any host; `null` gives arXiv's 404 page on arxiv.org and no network elsewhere. */
export type PageSource = (url: URL, request: { method: string; postData: string | null }) => Served;

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl(pageUrl?: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(pages: PageSource, opts: { headed?: boolean } = {}): Promise<ExtensionBrowser> {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  const profileDir = mkdtempSync(join(tmpdir(), 'scholar-lens-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: !opts.headed,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  // Nothing leaves the machine: every request is answered here or refused as if offline.
  await context.route(/^https?:\/\//, (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const page = pages(url, { method: req.method(), postData: req.postData() });
    if (page === 'abort' || (page === null && !/^(www\.)?arxiv\.org$/.test(url.hostname))) return route.abort('internetdisconnected');
    if (page === null) return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>Not found</h1>' });
    return route.fulfill({ status: page.status ?? 200, contentType: page.contentType ?? 'text/html; charset=utf-8', body: page.body });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    popupUrl: (pageUrl) => `chrome-extension://${extensionId}/popup.html${pageUrl ? `?url=${encodeURIComponent(pageUrl)}` : ''}`,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Open a popup page at the popup's real size. */
export async function openPopup(b: ExtensionBrowser, pageUrl?: string): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(b.popupUrl(pageUrl));
  return popup;
}

/** Count rows of a table in the extension's database, from inside the service worker. */
export async function countRows(worker: Worker, table: string): Promise<number> {
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('scholar-lens');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    try {
      return await new Promise<number>((ok, fail) => {
        const req = db.transaction(name, 'readonly').objectStore(name).count();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    } finally {
      db.close();
    }
  }, table);
}
