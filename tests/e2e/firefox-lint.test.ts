/**
 * Mozilla's add-on linter (web-ext lint: the checks addons.mozilla.org runs on upload) on the Firefox
 * build: no errors, and only the warnings listed here, each with its reason (the README has the same
 * list). Needs `npx wxt build -b firefox` first; `npm test` does that.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error web-ext ships no type declarations
import webExt from 'web-ext';

const EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');

interface LintMessage { code: string; message: string; description?: string; file?: string; line?: number; column?: number }
interface LintOutput { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] }

/** The bundled code the linter points at (line and column are 1-based). */
function sourceAt(m: LintMessage): string {
  if (!m.file || !m.line || !m.column) return '';
  const line = readFileSync(join(EXTENSION_DIR, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  return line.slice(m.column - 1, m.column - 1 + 80);
}

/** Warning code → why it stays, and (where it can be narrowed) which instances are the known one. */
const ALLOWED_WARNINGS: Record<string, { reason: string; only?: (m: LintMessage) => boolean }> = {
  UNSAFE_VAR_ASSIGNMENT: {
    reason: "Preact's renderer (diffElementNodes in preact/src/diff/index.js) does `dom.innerHTML = newHtml.__html` to support the "
      + 'dangerouslySetInnerHTML prop, in every bundle with Preact in it (the content scripts and the popup/options chunk). None of our '
      + 'components uses dangerouslySetInnerHTML, so it never runs; WXT\'s shadow-root UI helper sets no innerHTML.',
    // Only that assignment (minified: `e.innerHTML=f.__html`); an innerHTML of our own would fail here.
    only: (m) => /^\w+\.innerHTML=\w+\.__html\b/.test(sourceAt(m)),
  },
  KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION: {
    reason: '`gecko.data_collection_permissions` is new in Firefox 140 and strict_min_version is 115.0: older versions ignore the key '
      + '(a warning in the browser console at install), which is harmless as the key only declares that nothing is collected.',
  },
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: {
    reason: 'The same key on Firefox for Android, where it is new in 142; older versions ignore it.',
  },
};

function show(m: LintMessage): string {
  return `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? ''}` : ''} ${m.message}${m.file && m.line ? ` at \`${sourceAt(m)}\`` : ''}`;
}

it('web-ext lint: no errors in the Firefox build, and only the warnings explained here', { timeout: 120_000 }, async () => {
  expect(existsSync(join(EXTENSION_DIR, 'manifest.json')), `no built extension at ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first`).toBe(true);
  const result = (await webExt.cmd.lint(
    { sourceDir: EXTENSION_DIR, artifactsDir: join(EXTENSION_DIR, 'web-ext-artifacts'), output: 'none', boring: true },
    { shouldExitProgram: false },
  )) as LintOutput;
  expect(result.errors.map(show)).toEqual([]);
  const unexplained = result.warnings.filter((w) => {
    const allowed = ALLOWED_WARNINGS[w.code];
    return !allowed || (allowed.only && !allowed.only(w));
  });
  expect(unexplained.map(show), 'fix these, or add them with a reason to ALLOWED_WARNINGS and the README').toEqual([]);
  // A stale entry would let a new warning of that code through unexplained: drop entries that no longer occur.
  const seen = new Set(result.warnings.map((w) => w.code));
  expect(Object.keys(ALLOWED_WARNINGS).filter((code) => !seen.has(code)), 'allowed warnings that no longer occur').toEqual([]);
});
