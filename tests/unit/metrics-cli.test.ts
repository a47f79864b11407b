/** `npm run -s metrics`: parsing, validation, the printed object, and exit code 2 for bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsFromText, parseMetricsArgs, runMetricsCli, USAGE } from '../../lib/cli/metrics';
import { Metrics } from '../../lib/schema';

const papers = [
  { citations: 10, year: 2020, authors: ['Ada Lovelace', 'Charles Babbage'], primaryCategory: 'cs.LG', categories: ['cs.LG'] },
  { citations: 4, year: 2023, authors: 1, primaryCategory: 'math.ST', categories: ['math.ST', 'stat.ML'], codeLinks: ['https://github.com/a/b'] },
  { citations: null, year: null, authors: 3, title: 'A title', abstract: null, id: 'ignored', extra: { also: 'ignored' } },
];

describe('metricsFromText', () => {
  it('computes every metric from a valid array', () => {
    const r = metricsFromText(JSON.stringify(papers), { year: 2025, author: 'Ada Lovelace' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.metrics;
    expect(Metrics.safeParse(m).success).toBe(true);
    expect(Object.keys(m)).toEqual(Object.keys(Metrics.shape)); // every metric, in the schema's order
    // ranking 10 (a=2), 4 (a=1); the third paper has no count
    expect(m).toMatchObject({ papers: 3, papersWithCitations: 2, citations: 14, h: 2, g: 2, i10: 1, years: 5, firstYear: 2020, lastYear: 2023 });
    expect(m.citationsPerAuthor).toBe(9); // 10/2 + 4/1
    expect(m.authorsPerPaper).toBe(2); // (2 + 1 + 3) / 3
    expect(m.AWCR).toBeCloseTo(10 / 6 + 4 / 3, 12); // ages 6 and 3
    expect(m.firstAuthorShare).toBe(1); // the only paper with names
    expect(m.topCoauthors).toEqual([{ name: 'Charles Babbage', papers: 1 }]);
    expect(m.aiScore).toBe(75); // (1 + 0.5) / 2
    expect(m.codeShare).toBe(1); // only the second paper says
    expect(m.sinceYear).toBe(2020);
  });

  it('an empty array is valid: unknown citation metrics are null', () => {
    const r = metricsFromText('[]', { year: 2025 });
    expect(r.ok && r.metrics.h).toBeNull();
    expect(r.ok && r.metrics.papers).toBe(0);
  });

  it('explains invalid input in one line', () => {
    const bad = (text: string) => {
      const r = metricsFromText(text, { year: 2025 });
      expect(r.ok).toBe(false);
      const reason = r.ok ? '' : r.reason;
      expect(reason).not.toMatch(/\n/);
      return reason;
    };
    expect(bad('[1,')).toMatch(/^invalid JSON: /);
    expect(bad('{"papers": []}')).toBe('invalid input: expected a JSON array of papers');
    expect(bad('[{"citations": "5", "year": 2020, "authors": 1}]')).toMatch(/^invalid input: \[0\]\.citations: .*expected number/);
    expect(bad('[{"citations": 5, "year": 2020}]')).toMatch(/^invalid input: \[0\]\.authors: /);
    expect(bad('[{"citations": -1, "year": 2020, "authors": 1}]')).toMatch(/^invalid input: \[0\]\.citations: /);
    expect(bad('[{"citations": 1.5, "year": 2020, "authors": 1}]')).toMatch(/^invalid input: \[0\]\.citations: /);
    expect(bad('[{"citations": 1, "year": 2020, "authors": 1}, {"year": "x", "authors": {}}]')).toMatch(/^invalid input: \[1\]\.citations: .* \(and 2 more problems\)$/);
  });
});

describe('parseMetricsArgs', () => {
  it('reads the file, --year and --author', () => {
    expect(parseMetricsArgs(['p.json'])).toEqual({ ok: true, file: 'p.json', options: {} });
    expect(parseMetricsArgs(['p.json', '--year', '2024', '--author', 'Ada Lovelace'])).toEqual({ ok: true, file: 'p.json', options: { year: 2024, author: 'Ada Lovelace' } });
    expect(parseMetricsArgs(['--year=2024', 'p.json'])).toEqual({ ok: true, file: 'p.json', options: { year: 2024 } });
  });
  it('rejects what it cannot use', () => {
    expect(parseMetricsArgs([])).toEqual({ ok: false, reason: USAGE });
    expect(parseMetricsArgs(['a.json', 'b.json'])).toEqual({ ok: false, reason: USAGE });
    expect(parseMetricsArgs(['p.json', '--year', '24'])).toMatchObject({ ok: false, reason: expect.stringMatching(/four-digit year/) });
    expect(parseMetricsArgs(['p.json', '--since', '2020'])).toMatchObject({ ok: false, reason: expect.stringMatching(/--since/) });
  });
});

describe('runMetricsCli', () => {
  const files: Record<string, string> = { 'good.json': JSON.stringify(papers), 'bad.json': '[{"citations": "many"}]' };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };
  it('prints one JSON object, unrounded', () => {
    const run = runMetricsCli(['good.json', '--year', '2025'], read);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.AWCR).toBe(10 / 6 + 4 / 3);
    expect(out.firstAuthorShare).toBeNull(); // no --author
  });
  it('exit 2 and a one-line reason', () => {
    for (const [argv, pattern] of [
      [['missing.json'], /^cannot read missing\.json: ENOENT/],
      [['bad.json'], /^bad\.json: invalid input: \[0\]\.citations: /],
      [[], /^usage: /],
    ] as const) {
      const run = runMetricsCli([...argv], read);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('npx tsx scripts/metrics.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-cli-'));
  const good = join(dir, 'papers.json');
  const bad = join(dir, 'bad.json');
  writeFileSync(good, JSON.stringify(papers));
  writeFileSync(bad, '[{"citations": 1, "year": 2020}]');
  const spawn = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/metrics.ts', ...args], { encoding: 'utf8' });

  it('prints the metrics and exits 0; exits 2 with one line on invalid input', () => {
    const ok = spawn(good, '--year', '2025', '--author', 'Ada Lovelace');
    expect(ok.status).toBe(0);
    const m = Metrics.parse(JSON.parse(ok.stdout));
    expect(m).toMatchObject({ papers: 3, citations: 14, h: 2, firstAuthorShare: 1, sinceYear: 2020 });
    const inProcess = runMetricsCli([good, '--year', '2025', '--author', 'Ada Lovelace'], () => JSON.stringify(papers));
    expect(ok.stdout).toBe(inProcess.stdout);

    const no = spawn(bad);
    expect(no.status).toBe(2);
    expect(no.stdout).toBe('');
    expect(no.stderr.trim().split('\n')).toHaveLength(1);
    expect(no.stderr).toContain('invalid input: [0].authors: ');
  });
});
