/** `npm run -s export`: the pure command (runExportCli) and the script, on profiles made from real captures. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Window } from 'happy-dom';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_USAGE, parseExportArgs, profilesFromText, runExportCli } from '@/lib/cli/export';
import { profileFromText, type CliProfile } from '@/lib/cli/profile';
import { exportProfile, parseExport } from '@/lib/export/index';
import { OFFLINE_DOM_SETTINGS } from '@/lib/node/happy-dom-settings';
import { makePaper } from '../make-paper';
import { describeFixtures, readFixture } from '../fixtures';

const toDoc = (html: string, url: string) =>
  new new Window({ url, settings: OFFLINE_DOM_SETTINGS }).DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const readFile = (path: string) => readFileSync(path, 'utf8');
const NOW = new Date('2026-02-03T04:05:06.000Z');

describe('parseExportArgs', () => {
  it('takes --format and one file', () => {
    expect(parseExportArgs(['--format', 'bibtex', 'p.json'])).toEqual({ ok: true, format: 'bibtex', file: 'p.json' });
    expect(parseExportArgs(['p.json', '--format=md'])).toEqual({ ok: true, format: 'md', file: 'p.json' });
    expect(parseExportArgs(['-f', 'csljson', 'p.json'])).toEqual({ ok: true, format: 'csljson', file: 'p.json' });
  });
  it('refuses what it does not know, in one line', () => {
    expect(parseExportArgs(['--format', 'docx', 'p.json'])).toEqual({ ok: false, reason: 'unknown format "docx" (expected one of json, csv, bibtex, ris, csljson, md)' });
    expect(parseExportArgs(['p.json'])).toEqual({ ok: false, reason: `missing --format; ${EXPORT_USAGE}` });
    expect(parseExportArgs(['--format', 'csv'])).toEqual({ ok: false, reason: EXPORT_USAGE });
    expect(parseExportArgs(['--format', 'csv', 'a', 'b'])).toEqual({ ok: false, reason: EXPORT_USAGE });
    expect(parseExportArgs(['--format', 'csv', '--bogus', 'a'])).toMatchObject({ ok: false, reason: expect.stringMatching(/--bogus/) });
  });
});

describe('runExportCli', () => {
  const profile = { site: 'arxiv', pageType: 'author', author: null, authors: [], papers: [makePaper({ title: 'T {1}', authors: ['Ann Lee'], year: 2020 })], reported: [], total: null, title: 'x' };
  const file = writeTemp('small.json', JSON.stringify(profile));

  it('writes the export to stdout', () => {
    const run = runExportCli(['--format', 'bibtex', file], readFile, NOW);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(parseBibtex(run.stdout).entries.map((e) => e.key)).toEqual(['lee2020t']);
  });

  it('reads a Scholar Lens export too (a watchlist of two)', () => {
    const wl = writeTemp('wl.json', exportProfile('json', [{ author: null, papers: profile.papers }, { author: null, papers: [makePaper({ title: 'U' })] }], { now: NOW }).text);
    const run = runExportCli(['--format', 'csv', wl], readFile, NOW);
    expect(run.code).toBe(0);
    expect(Papa.parse<string[]>(run.stdout, { skipEmptyLines: true }).data.map((r) => r[0])).toEqual(['profile', '', '']);
  });

  it('exits 2 with one line on an unreadable file or invalid input', () => {
    const fails = (argv: string[]) => {
      const run = runExportCli(argv, readFile, NOW);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      return run.stderr.trim();
    };
    expect(fails(['--format', 'csv', join(dir, 'missing.json')])).toMatch(/^cannot read .*missing\.json: ENOENT/);
    expect(fails(['--format', 'csv', writeTemp('bad.json', '{"papers": [')])).toMatch(/bad\.json: the file ends with 2 brackets left open: it is truncated$/);
    expect(fails(['--format', 'csv', writeTemp('arr.json', '[]')])).toMatch(/arr\.json: expected a JSON object/);
    const negative = { ...profile, papers: [{ ...profile.papers[0], citations: -5 }] };
    expect(fails(['--format', 'csv', writeTemp('neg.json', JSON.stringify(negative))])).toMatch(/neg\.json: invalid profile: papers\[0\]\.citations: Too small/);
    expect(fails(['--format', 'csv', writeTemp('v3.json', JSON.stringify({ format: 'scholar-lens', version: 3 }))])).toMatch(/v3\.json: version: unsupported version 3/);
    expect(fails(['--format', 'nope', file])).toMatch(/^unknown format "nope"/);
  });

  it('profilesFromText ignores the other keys of the profile output', () => {
    const r = profilesFromText(JSON.stringify(profile));
    expect(r.ok && Object.keys(r.profiles)).toEqual(['author', 'title', 'papers', 'reported']);
  });
});

describeFixtures('npm run -s export on profiles from the real captures', () => {
  const made = (url: string, fixture: string): CliProfile => {
    const r = profileFromText(readFixture(fixture), url, toDoc);
    if (!r.ok) throw new Error(r.reason);
    return r.profile;
  };
  const search = made('https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200', 'arxiv/search-abstract-distributed-systems-200-2025-12.html');
  const feed = made('http://export.arxiv.org/api/query?search_query=au:del_maestro&start=0&max_results=10', 'arxiv-api/query-au-del_maestro-2016.xml');
  const searchFile = writeTemp('search.json', `${JSON.stringify(search, null, 2)}\n`);
  const feedFile = writeTemp('feed.json', `${JSON.stringify(feed, null, 2)}\n`);
  const script = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/export.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('bibtex: exit 0, and every paper of the page parses back', () => {
    expect(search.papers).toHaveLength(200);
    const run = script('--format', 'bibtex', searchFile);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lib = parseBibtex(run.stdout, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(200);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(200);
    expect(lib.entries.map((e) => e.fields.eprint)).toEqual(search.papers.map((p) => p.arxivId));
    lib.entries.forEach((e, i) => expect(e.fields.title).toBe(search.papers[i]!.title.replace(/\s+/g, ' ').trim()));
  });

  it('a bad format: exit 2 and one line', () => {
    const run = script('--format', 'docx', feedFile);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('unknown format "docx" (expected one of json, csv, bibtex, ris, csljson, md)\n');
  });

  it('a missing file: exit 2', () => {
    const run = script('--format', 'ris', join(dir, 'nope.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cannot read /);
  });

  it('every format of the API feed profile, in process', () => {
    for (const format of ['json', 'csv', 'bibtex', 'ris', 'csljson', 'md'] as const) {
      const run = runExportCli(['--format', format, feedFile], readFile, NOW);
      expect(run.code).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(100);
    }
    const json = parseExport(runExportCli(['--format', 'json', feedFile], readFile, NOW).stdout);
    expect(json.ok && json.data.profiles[0]!.papers).toEqual(feed.papers);
    const bib = parseBibtex(runExportCli(['--format', 'bibtex', feedFile], readFile, NOW).stdout, { sentenceCase: false });
    expect(bib.entries.map((e) => e.type)).toContain('article'); // journal refs and DOIs in the feed
    expect(bib.entries.find((e) => e.fields.eprint === 'cond-mat/0412498')).toBeDefined();
    const csv = Papa.parse<string[]>(runExportCli(['--format', 'csv', feedFile], readFile, NOW).stdout, { skipEmptyLines: true }).data;
    expect(csv).toHaveLength(11);
  });
});
