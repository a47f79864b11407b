// `npm run demo [-- --headed]`: build, start Debian Chromium with the extension on our own offline
// arXiv pages (built from the seed card), and write screenshots of the overlay and popup.
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension, missingChromiumMessage, openPopup } from './browser';

const { values } = parseArgs({ options: { headed: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } } });
const OUT = 'demo-output';
const PAGES = 'scripts/demo-pages';
const AUTHOR_URL = 'https://arxiv.org/a/zhao_y_1.html';
const ABS_IDS = readdirSync(PAGES).flatMap((f) => /^abs-(.+)\.html$/.exec(f)?.[1] ?? []);
const absUrl = (id: string) => `https://arxiv.org/abs/${id}`;
// The seed paper whose abs page names Yize Zhao with her arXiv author link: the badge shows there.
const ABS_URL = absUrl('2505.10007');

const routes: Record<string, string> = {
  [AUTHOR_URL]: 'author-zhao_y_1.html',
  'https://arxiv.org/a/zhao_y_1': 'author-zhao_y_1.html',
  ...Object.fromEntries(ABS_IDS.map((id) => [absUrl(id), `abs-${id}.html`])),
};

const missing = missingChromiumMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}
const headed = values.headed && !!process.env.DISPLAY;
if (values.headed && !headed) console.warn('--headed: no display here (DISPLAY is unset), running headless');
if (!values['no-build']) {
  console.log('building the extension (wxt build)…');
  execSync('npx wxt build', { stdio: 'inherit' });
}
mkdirSync(OUT, { recursive: true });

const b = await launchWithExtension((url) => {
  const file = routes[url.href];
  return file ? { body: readFileSync(join(PAGES, file)) } : null;
}, { headed });
try {
  const page = await b.context.newPage();
  await page.goto(AUTHOR_URL);
  const overlay = page.getByTestId('sl-overlay');
  await overlay.waitFor({ timeout: 20_000 });
  await page.screenshot({ path: join(OUT, 'overlay-author-page.png') });
  console.log(`author page ${AUTHOR_URL}\n  overlay: ${(await overlay.locator('.sl-card').innerText()).replace(/\s+/g, ' ')}`);

  // Reading each paper's abs page adds its date and abstract to the cached profile.
  for (const id of ABS_IDS) await page.goto(absUrl(id));
  await page.goto(ABS_URL);
  const badge = page.getByTestId('sl-author-badge').first();
  await badge.waitFor({ timeout: 20_000 });
  await badge.getByRole('button', { name: /^Scholar Lens profile of/ }).hover();
  await page.getByRole('tooltip').waitFor();
  await page.screenshot({ path: join(OUT, 'badge-abs-page.png') });
  console.log(`abs page ${ABS_URL}\n  badge: ${(await page.getByRole('tooltip').innerText()).replace(/\s+/g, ' ')}`);

  const popup = await openPopup(b, ABS_URL);
  await popup.locator('.sl-card').waitFor({ timeout: 10_000 });
  await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });
  const titles = await popup.locator('.sl-paper .sl-title').allInnerTexts();
  console.log(`popup\n  card: ${(await popup.locator('.sl-card').innerText()).replace(/\s+/g, ' ')}\n  papers:`);
  for (const t of titles) console.log(`   - ${t}`);
  console.log(`screenshots in ${OUT}/: overlay-author-page.png, badge-abs-page.png, popup.png`);
  if (headed) {
    console.log('window open; press Ctrl+C to close');
    await new Promise(() => {});
  }
} finally {
  if (!headed) await b.close();
}
