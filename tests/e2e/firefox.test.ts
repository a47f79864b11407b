/**
 * Smoke test of the Firefox build (.output/firefox-mv3) in Debian's firefox-esr, headless, driven by
 * puppeteer-core over WebDriver BiDi. Needs `npx wxt build -b firefox` first; `npm test` does that.
 *
 * - The real arXiv search capture is served for its https://arxiv.org/... URL by BiDi request
 *   interception on the page (other arxiv.org paths get a 404 page, other hosts are aborted).
 * - Everything else Firefox sends (the background's enrichment fetches, Firefox's own services) goes
 *   to a "proxy" on 127.0.0.1 that hangs up at once: the extension sees itself offline, nothing leaves
 *   the machine.
 * - The popup is opened as a page at moz-extension://<uuid>/popup.html: the UUID is fixed with the
 *   `extensions.webextensions.uuids` pref, and Firefox's WebDriver only navigates to moz-extension://
 *   with `-remote-allow-system-access`. Firefox's BiDi reports no navigation events for extension
 *   documents, so `goto()` would never resolve there; `openExtensionPage` waits for the document instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, hasFixtures } from '../fixtures';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
/** Any fixed UUID: the extension's moz-extension:// host in this profile. */
const UUID = '5c401a75-0e2e-4f1f-9a3b-7e57f12ef0c5';

const SEARCH_URL = 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200';
const SEARCH_FIXTURE = 'arxiv/search-abstract-distributed-systems-200-2025-12.html';
const OVERLAY = 'scholar-lens-overlay >>> [data-testid="sl-overlay"]';

const skipReason = !existsSync(FIREFOX)
  ? `Firefox not found at ${FIREFOX}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`
  : hasFixtures ? null : 'no shared fixtures';
if (skipReason) console.warn(`Firefox e2e test skipped: ${skipReason}`);

/** A proxy that accepts and hangs up: every request Firefox sends through it fails like a dead network. */
async function deadProxy(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port };
}

async function innerText(page: Page, selector: string): Promise<string> {
  const el = (await page.waitForSelector(selector, { timeout: 10_000 })) as ElementHandle<HTMLElement>;
  try {
    return await el.evaluate((e) => e.innerText);
  } finally {
    await el.dispose();
  }
}

describe.skipIf(!!skipReason)('extension in Firefox on arXiv', () => {
  let browser: Browser;
  let proxy: Server;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    const manifestPath = join(EXTENSION_DIR, 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error(`no built extension at ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first`);
    const geckoId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
    pages[SEARCH_URL] = readFileSync(fixturePath(SEARCH_FIXTURE), 'utf8');
    const dead = await deadProxy();
    proxy = dead.server;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': dead.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': dead.port,
      },
    });
    // Installed here rather than with `enableExtensions`, whose install puppeteer 24 does not await.
    expect(await browser.installExtension(EXTENSION_DIR)).toBe(geckoId);
  });

  afterAll(async () => {
    await browser?.close();
    proxy?.close();
  });

  /** A tab in which https://arxiv.org/... answers from `pages`, other arxiv.org paths 404 and other hosts fail. */
  async function openArxiv(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      const u = new URL(req.url());
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return void req.continue(); // data: fonts and the like
      const body = pages[u.href];
      if (body !== undefined) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      if (/^(www\.)?arxiv\.org$/.test(u.hostname)) {
        return void req.respond({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>Not found</h1>' });
      }
      return void req.abort('internetdisconnected');
    });
    await page.goto(url);
    return page;
  }

  /** Open one of the extension's pages (moz-extension://<UUID>/<path>) in a new tab and wait until it has loaded. */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = `moz-extension://${UUID}/${path}`;
    // goto() rejects at once if the navigation is refused; otherwise it may never settle (see above).
    const refused = page.goto(url, { timeout: 0 }).then(() => new Promise<never>(() => {}));
    await Promise.race([
      refused,
      page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 10_000 }, url),
    ]);
    return page;
  }

  it('scrapes a real search page: the overlay shows its 200 papers, styled in its shadow root', async () => {
    expect(pages[SEARCH_URL]!.match(/<li class="arxiv-result">/g)).toHaveLength(200);
    const page = await openArxiv(SEARCH_URL);
    await expect.poll(() => innerText(page, `${OVERLAY} .sl-papers-head`), { timeout: 20_000 }).toBe('200 Papers');
    expect(await innerText(page, `${OVERLAY} .sl-stat[data-metric="papers"] .sl-stat-value`)).toBe('200');
    expect(await innerText(page, `${OVERLAY} .sl-name`)).toBe('distributed systems');
    // The card's CSS (a web-accessible resource, fetched by the content script) reached the shadow root.
    const name = (await page.waitForSelector(`${OVERLAY} .sl-name`))!;
    expect(await name.evaluate((e) => getComputedStyle(e).fontSize)).toBe('18px');
    await page.close();
  });

  it('the background stored the page: the popup shows its profile', async () => {
    const popup = await openExtensionPage(`popup.html?url=${encodeURIComponent(SEARCH_URL)}`);
    expect(await innerText(popup, '.sl-popup .sl-name')).toBe('distributed systems');
    expect(await innerText(popup, '.sl-stat[data-metric="papers"] .sl-stat-value')).toBe('200');
    expect(await innerText(popup, '.sl-papers-head')).toBe('200 Papers');
    // The list is virtualised: a few rows in the DOM, each announcing its place in the 200; scrolled
    // top to bottom, every one of the 200 shows up.
    expect(await popup.$eval('.sl-paper', (row) => row.getAttribute('aria-setsize'))).toBe('200');
    const seen = await popup.evaluate(async () => {
      const at = new Set<string>();
      const root = document.scrollingElement ?? document.documentElement;
      for (let y = 0, i = 0; i < 500; y += Math.max(100, innerHeight - 100), i++) {
        root.scrollTop = y;
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        for (const row of document.querySelectorAll('.sl-paper')) at.add(row.getAttribute('aria-posinset') ?? '');
        if (root.scrollTop + innerHeight >= root.scrollHeight) break;
      }
      root.scrollTop = 0;
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return at.size;
    });
    expect(seen).toBe(200);
    const first = await popup.$eval('.sl-paper', (row) => ({
      title: (row.querySelector('.sl-title') as HTMLElement).innerText,
      href: row.querySelector('.sl-title a')?.getAttribute('href'),
      authors: (row.querySelector('.sl-authors') as HTMLElement).innerText,
    }));
    expect(first).toEqual({
      title: 'WOC: Dual-Path Weighted Object Consensus Made Efficient',
      href: 'https://arxiv.org/abs/2512.20485',
      authors: 'Tanisha Fonseca, Gengrui Zhang',
    });
    await popup.close();
  });
});
