/**
 * Accessibility of the built extension in Chromium: axe-core on the popup (Papers, All metrics,
 * Watchlist), the options page, the in-page overlay and an author badge's hover card, in the light
 * and the dark colour scheme; and the keyboard alone (Tab order, visible focus, tooltips on focus,
 * Escape closes). No serious or critical axe violation is allowed; moderate and minor ones are
 * printed. Needs `npx wxt build` first; `npm test` does that.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup, type PageSource } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const AUTHOR_SEARCH_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const ABS_URL = 'https://arxiv.org/abs/2106.09608';
const NAME = 'Prithviraj Ammanabrolu';
const FEED = readFileSync('tests/pages/arxiv-api-au-ammanabrolu.xml', 'utf8')
  .replace(/<entry>\s*<id>http:\/\/arxiv.org\/abs\/2611\.01234v1[\s\S]*?<\/entry>/, '');

const pages: PageSource = (url) => {
  if (url.href === AUTHOR_SEARCH_URL) return { body: readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8') };
  if (url.href === ABS_URL && hasFixtures) return { body: readFileSync(fixturePath('arxiv/abs-2106.09608v2-2021.html'), 'utf8') };
  if (url.hostname === 'export.arxiv.org') return { body: FEED, contentType: 'application/atom+xml' };
  if (url.hostname === 'api.semanticscholar.org') return { status: 404, body: '{"error":"not found"}', contentType: 'application/json' };
  return null;
};

type Scheme = 'light' | 'dark';
type Impact = 'minor' | 'moderate' | 'serious' | 'critical' | null;
interface Violation { id: string; impact: Impact; help: string; nodes: { target: string; summary: string }[] }
interface Audit { violations: Violation[]; incomplete: string[]; checkedInShadow: number }

/** Everything axe found below serious, and what it could not decide, for the summary printed at the end. */
const lesser: string[] = [];
const review: string[] = [];

/**
 * Run axe-core in the page (evaluated over DevTools, so the extension pages' CSP does not apply).
 * `shadowHost`: audit only what is inside these hosts' open shadow roots (the overlay, badges).
 */
async function audit(page: Page, where: string, shadowHost?: string): Promise<Audit> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (host) => {
    type AxeNode = { target: unknown[]; failureSummary?: string };
    type AxeRule = { id: string; impact: Impact; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeRule[]; incomplete: AxeRule[]; passes: AxeRule[] }> } }).axe;
    const context = host ? { include: [{ fromShadowDom: [host, '.sl-root'] }] } : document;
    const r = await axe.run(context, { resultTypes: ['violations', 'incomplete', 'passes'] });
    const flat = (t: unknown): string => (Array.isArray(t) ? t.map(flat).join(' >> ') : String(t));
    return {
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(flat).join(' | '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
      })),
      incomplete: r.incomplete.map((v) => `${v.id} (${v.nodes.map((n) => n.target.map(flat).join(' | ')).join(', ')})`),
      // Nodes axe checked whose selector goes through a shadow root: proof it looked inside.
      checkedInShadow: r.passes.flatMap((p) => p.nodes).filter((n) => n.target.some(Array.isArray)).length,
    };
  }, shadowHost ?? null) as Audit;
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') lesser.push(`${where}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  }
  if (result.incomplete.length) review.push(`${where}: ${result.incomplete.join(', ')}`);
  return result;
}

function expectNoSerious(a: Audit): void {
  const bad = a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target}: ${n.summary}`).join('\n')}`).join('\n');
  expect(text).toBe('');
}

/** The focused element, through shadow roots, as a plain description. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    const hosts: string[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.tagName.toLowerCase());
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body || el === document.documentElement) return null;
    const h = el as HTMLElement;
    const cs = getComputedStyle(h);
    const root = h.getRootNode() as Document | ShadowRoot;
    const tipId = h.getAttribute('aria-describedby');
    const tip = tipId ? root.getElementById(tipId) : null;
    const tipBox = tip?.getBoundingClientRect();
    return {
      host: hosts.join(' > '),
      tag: h.tagName.toLowerCase(),
      role: h.getAttribute('role'),
      name: (h.getAttribute('aria-label') ?? (h as HTMLSelectElement).labels?.[0]?.textContent ?? h.textContent ?? '').replace(/\s+/g, ' ').trim(),
      cls: typeof h.className === 'string' ? h.className : '',
      id: h.id,
      selected: h.getAttribute('aria-selected'),
      focusRing: (cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
      ring: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}${cs.boxShadow !== 'none' ? ` / ${cs.boxShadow}` : ''}`,
      tipShown: tip ? getComputedStyle(tip).display !== 'none' && (tipBox?.width ?? 0) > 0 : null,
    };
  });
}
type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Press Tab (or Shift+Tab) until `until` holds for the focused element, at most `max` times; returns every stop. */
async function tabUntil(page: Page, until: (f: Focused) => boolean, { max = 120, back = false } = {}): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (!f) continue;
    stops.push(f);
    if (until(f)) return stops;
  }
  throw new Error(`not reached in ${max} presses; stops: ${stops.map((s) => `${s.tag}.${s.cls}「${s.name.slice(0, 30)}」`).join(', ')}`);
}

function expectRings(stops: Focused[]): void {
  expect(stops.filter((s) => !s.focusRing).map((s) => `${s.tag}.${s.cls} 「${s.name.slice(0, 40)}」 ${s.ring}`)).toEqual([]);
}

const skipReason = missingChromiumMessage();

describe.skipIf(!!skipReason)('accessibility in Chromium', () => {
  let b: ExtensionBrowser;
  const started = Date.now();

  async function searchPage(scheme: Scheme): Promise<Page> {
    const page = await b.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(AUTHOR_SEARCH_URL);
    await page.getByTestId('sl-overlay').locator('.sl-papers-head', { hasText: /^3 Papers$/ }).waitFor({ timeout: 20_000 });
    return page;
  }
  async function popup(scheme: Scheme): Promise<Page> {
    const p = await openPopup(b, AUTHOR_SEARCH_URL);
    await p.emulateMedia({ colorScheme: scheme });
    await p.locator('.sl-name').waitFor({ timeout: 10_000 });
    await p.locator('.sl-paper').nth(2).waitFor({ timeout: 10_000 });
    return p;
  }

  beforeAll(async () => {
    b = await launchWithExtension(pages);
    // Cache the author (the overlay page) and save them to the watchlist from the overlay's star.
    const page = await searchPage('light');
    const star = page.getByTestId('sl-overlay').getByRole('button', { name: `Save ${NAME} to your watchlist` });
    await star.click();
    await page.getByTestId('sl-overlay').locator('[data-testid="sl-star"][aria-pressed="true"]').waitFor();
    await page.close();
  });
  afterAll(async () => {
    await b?.close();
    const list = (xs: string[]) => (xs.length ? `:\n  ${xs.join('\n  ')}` : '');
    console.log([
      `a11y: ${lesser.length} moderate/minor axe violations${list(lesser)}`,
      `a11y: axe could not decide (needs review)${list(review)}`,
      `a11y: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ].join('\n'));
  });

  describe.each(['light', 'dark'] as const)('axe, %s scheme', (scheme) => {
    it('popup: Papers and All metrics tabs', async () => {
      const p = await popup(scheme);
      // One main landmark, one h1, the author's name an h2.
      expect(await p.getByRole('main').count()).toBe(1);
      expect(await p.getByRole('heading', { level: 1 }).innerText()).toBe('Scholar Lens');
      expect(await p.getByRole('heading', { level: 2, name: NAME }).count()).toBe(1);
      expectNoSerious(await audit(p, `popup papers (${scheme})`));
      await p.getByRole('tab', { name: 'All metrics' }).click();
      await expect.poll(() => p.locator('.sl-metric-row').count()).toBeGreaterThan(30);
      expectNoSerious(await audit(p, `popup all metrics (${scheme})`));
      await p.close();
    });

    it('popup: Watchlist tab with an entry', async () => {
      const p = await popup(scheme);
      await p.getByRole('tab', { name: /^Watchlist/ }).click();
      await expect.poll(() => p.getByTestId('sl-watch-item').count(), { timeout: 10_000 }).toBe(1);
      expectNoSerious(await audit(p, `popup watchlist (${scheme})`));
      await p.close();
    });

    it('options page', async () => {
      const p = await b.context.newPage();
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(`chrome-extension://${b.extensionId}/options.html`);
      await p.getByRole('heading', { level: 1 }).waitFor();
      expectNoSerious(await audit(p, `options (${scheme})`));
      await p.close();
    });

    it('overlay on an arXiv page (inside its shadow root)', async () => {
      const page = await searchPage(scheme);
      expect(await page.locator('scholar-lens-overlay').evaluate((host) => host.shadowRoot?.mode)).toBe('open');
      const a = await audit(page, `overlay (${scheme})`, 'scholar-lens-overlay');
      expect(a.checkedInShadow).toBeGreaterThan(20);
      expectNoSerious(a);
      await page.close();
    });

    it.skipIf(!hasFixtures)('author badge and its hover card on an abs page', async () => {
      const page = await b.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(ABS_URL);
      const badge = page.getByTestId('sl-author-badge');
      await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
      await badge.getByRole('button', { name: `Scholar Lens profile of ${NAME}: SL` }).hover();
      await expect.poll(() => page.getByRole('tooltip').count()).toBe(1);
      const a = await audit(page, `badge + hover card (${scheme})`, 'scholar-lens-badge');
      expect(a.checkedInShadow).toBeGreaterThan(2);
      expectNoSerious(a);
      await page.close();
    });
  });

  it('dark mode follows the system: popup, options and overlay backgrounds change', async () => {
    const bg = (p: Page, sel: string) => p.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const seen: Record<string, Record<Scheme, string>> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const p = await popup(scheme);
      (seen.popupPage ??= {} as Record<Scheme, string>)[scheme] = await bg(p, 'html');
      (seen.popupCard ??= {} as Record<Scheme, string>)[scheme] = await bg(p, '.sl-root');
      await p.close();
      const o = await b.context.newPage();
      await o.emulateMedia({ colorScheme: scheme });
      await o.goto(`chrome-extension://${b.extensionId}/options.html`);
      await o.getByRole('heading', { level: 1 }).waitFor();
      (seen.optionsPage ??= {} as Record<Scheme, string>)[scheme] = await bg(o, 'html');
      await o.close();
      const page = await searchPage(scheme);
      (seen.overlay ??= {} as Record<Scheme, string>)[scheme] = await bg(page, '[data-testid="sl-overlay"]');
      await page.close();
    }
    for (const [where, s] of Object.entries(seen)) expect(s.dark, `${where}: ${s.light} vs ${s.dark}`).not.toBe(s.light);
    expect(seen.popupCard!.light).toBe('rgb(255, 255, 255)');
  });

  describe('keyboard', () => {
    it('popup: Tab reaches the view tabs, the star, the metric tips (shown on focus), the profile tabs, an Abstract toggle and export', async () => {
      const p = await popup('light');
      const stops = await tabUntil(p, (f) => f.tag === 'button' && f.name === 'Export' && f.cls === '');
      const names = stops.map((s) => s.name);
      expect(stops[0]).toMatchObject({ role: 'tab', name: 'Profile', selected: 'true' });
      expect(stops[1]).toMatchObject({ role: 'tab', name: 'Watchlist' });
      expect(stops.find((s) => s.name === `Saved: ${NAME} is on your watchlist`)).toMatchObject({ tag: 'button', cls: 'sl-star' });
      const tips = stops.filter((s) => s.cls.includes('sl-tip-host'));
      expect(tips.length).toBeGreaterThanOrEqual(5); // the primary category and the card's stats
      expect(tips.every((t) => t.tipShown)).toBe(true);
      expect(stops.filter((s) => s.role === 'tab').map((s) => s.name)).toEqual(['Profile', 'Watchlist', 'Papers', 'All metrics']);
      expect(names).toContain('Abstract');
      expect(stops.some((s) => s.tag === 'select' && s.id === 'sl-export-profile')).toBe(true);
      expectRings(stops);

      // Enter opens the focused Abstract toggle; Shift+Tab back to "All metrics", Enter, and Tab walks its tips.
      await p.keyboard.press('Shift+Tab');
      const toggle = await tabUntil(p, (f) => f.name === 'Abstract', { back: true });
      await p.keyboard.press('Enter');
      expect(await focused(p)).toMatchObject({ name: 'Hide abstract' });
      expect(await p.locator('.sl-abstract-text').count()).toBe(1);
      expect(toggle.length).toBeGreaterThan(0);
      await tabUntil(p, (f) => f.name === 'All metrics', { back: true });
      await p.keyboard.press('Enter');
      expect(await focused(p)).toMatchObject({ name: 'All metrics', selected: 'true' });
      const metricStops = await tabUntil(p, (f) => f.tag === 'select' && f.id === 'sl-export-profile', { max: 80 });
      const metricTips = metricStops.filter((s) => s.cls.includes('sl-tip-host'));
      expect(metricTips.length).toBeGreaterThan(30);
      expect(metricTips.every((t) => t.tipShown)).toBe(true);
      expectRings(metricStops);

      // Escape hides a focused tip (WCAG 1.4.13), and it shows again on the next focus.
      await tabUntil(p, (f) => f.cls.includes('sl-tip-host'), { back: true });
      expect((await focused(p))?.tipShown).toBe(true);
      await p.keyboard.press('Escape');
      expect((await focused(p))?.tipShown).toBe(false);

      // Arrow keys move between tabs too (WAI-ARIA tabs pattern).
      await tabUntil(p, (f) => f.role === 'tab' && f.name === 'All metrics', { back: true });
      await p.keyboard.press('ArrowLeft');
      expect(await focused(p)).toMatchObject({ role: 'tab', name: 'Papers', selected: 'true' });
      await p.keyboard.press('End');
      expect(await focused(p)).toMatchObject({ role: 'tab', name: 'All metrics', selected: 'true' });
      await p.close();
    });

    it('popup: the Watchlist tab by keyboard', async () => {
      const p = await popup('light');
      await tabUntil(p, (f) => f.role === 'tab' && f.name === 'Watchlist');
      await p.keyboard.press('Enter');
      await expect.poll(() => p.getByTestId('sl-watch-item').count(), { timeout: 10_000 }).toBe(1);
      const stops = await tabUntil(p, (f) => f.tag === 'button' && f.name === 'Export');
      const names = stops.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['Check now', NAME, `Remove ${NAME} from your watchlist`, `Note on ${NAME}`, 'Export watchlist']));
      expect(stops.some((s) => s.tag === 'select' && s.id === 'sl-watch-sort')).toBe(true);
      expectRings(stops);
      await p.close();
    });

    it('options: every control is reachable with a visible focus ring', async () => {
      const p = await b.context.newPage();
      await p.goto(`chrome-extension://${b.extensionId}/options.html`);
      await p.getByRole('heading', { level: 1 }).waitFor();
      const stops = await tabUntil(p, (f) => f.tag === 'button' && /Clear cached/.test(f.name));
      expect(stops.filter((s) => s.tag === 'input').length).toBeGreaterThanOrEqual(9);
      expectRings(stops);
      await p.close();
    });

    it('overlay: reachable from the page, visible focus, Escape collapses it and keeps focus on its toggle', async () => {
      const page = await searchPage('light');
      // The overlay is the last thing in the page: Shift+Tab from the top lands in it.
      const stops = await tabUntil(page, (f) => f.host === 'scholar-lens-overlay' && f.name === 'Hide', { back: true, max: 60 });
      const inside = stops.filter((s) => s.host === 'scholar-lens-overlay');
      expect(inside.some((s) => s.cls.includes('sl-tip-host') && s.tipShown)).toBe(true);
      expect(inside.some((s) => s.name === `Saved: ${NAME} is on your watchlist`)).toBe(true);
      expectRings(inside);
      // Escape from inside the list (not just from the toggle) collapses it.
      await tabUntil(page, (f) => f.host === 'scholar-lens-overlay' && f.name === 'Abstract', { max: 30 });
      await page.keyboard.press('Escape');
      const overlay = page.getByTestId('sl-overlay');
      await expect.poll(() => overlay.locator('.sl-paper').count()).toBe(0);
      expect(await focused(page)).toMatchObject({ host: 'scholar-lens-overlay', name: 'Show' });
      await page.keyboard.press('Enter');
      await expect.poll(() => overlay.locator('.sl-paper').count()).toBe(3);
      await page.close();
    });

    it.skipIf(!hasFixtures)('author badge: Tab shows the hover card, Escape closes it (also when opened by hover)', async () => {
      const page = await b.context.newPage();
      await page.goto(ABS_URL);
      await expect.poll(() => page.getByTestId('sl-author-badge').count(), { timeout: 20_000 }).toBe(1);
      const stops = await tabUntil(page, (f) => f.host === 'scholar-lens-badge' && f.name === `Scholar Lens profile of ${NAME}: SL`, { max: 200 });
      const badge = stops.at(-1)!;
      expect(badge.focusRing).toBe(true);
      const card = page.getByRole('tooltip');
      await expect.poll(() => card.count()).toBe(1);
      expect(await card.innerText()).toContain('3 papers');
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
      // The star after the badge is the next stop.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ host: 'scholar-lens-badge', name: `Saved: ${NAME} is on your watchlist`, focusRing: true });
      // Opened by the pointer, closed by Escape without moving it.
      await page.getByTestId('sl-author-badge').getByRole('button', { name: `Scholar Lens profile of ${NAME}: SL` }).hover();
      await expect.poll(() => card.count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
      await page.close();
    });
  });
});
