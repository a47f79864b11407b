import { execFileSync, spawnSync } from 'node:child_process';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { profileFromText } from '@/lib/cli/profile';
import { OFFLINE_DOM_SETTINGS } from '@/lib/node/happy-dom-settings';
import { describeFixtures, fixturePath, readFixture } from '../fixtures';

const toDoc = (html: string, url: string) =>
  new new Window({ url, settings: OFFLINE_DOM_SETTINGS }).DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('profileFromText', () => {
  it('explains an unrecognised page', () => {
    expect(profileFromText('<html></html>', 'https://example.org/', toDoc)).toEqual({ ok: false, reason: 'unknown: no adapter for example.org' });
    expect(profileFromText('<html></html>', 'not a url', toDoc)).toMatchObject({ ok: false });
  });
});

describeFixtures('npm run -s profile on the real captures', () => {
  const run = (url: string, file: string) => execFileSync('npx', ['tsx', 'scripts/profile.ts', '--url', url, '--html', file], { encoding: 'utf8' });

  it('prints one JSON object for an abs page', () => {
    const out = JSON.parse(run('https://arxiv.org/abs/2106.09608v2', fixturePath('arxiv/abs-2106.09608v2-2021.html')));
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['site', 'pageType', 'author', 'authors', 'papers', 'metrics']));
    expect(out).toMatchObject({ site: 'arxiv', pageType: 'abs', author: null, metrics: { papers: 1, citations: null, h: null, primaryCategory: 'cs.LG' } });
    expect(out.papers[0]).toMatchObject({ id: '2106.09608', published: '2021-06-17', primaryCategory: 'cs.LG', citations: null });
  });

  it('reads a saved arXiv API feed given the query URL', () => {
    const url = 'http://export.arxiv.org/api/query?search_query=au:del_maestro&start=0&max_results=10';
    const out = JSON.parse(run(url, fixturePath('arxiv-api/query-au-del_maestro-2016.xml')));
    expect(out.pageType).toBe('feed');
    expect(out.papers).toHaveLength(10);
    expect(out.metrics.papers).toBe(10);
  });

  it('matches the in-process result', () => {
    const html = readFixture('arxiv/list-math-ph-new-2024-08-09.html');
    const inProcess = profileFromText(html, 'https://arxiv.org/list/math-ph/new', toDoc);
    expect(inProcess.ok && inProcess.profile.papers.length).toBe(23);
  });

  it('works on every site\'s captures, with the same JSON shape', () => {
    const cases: [string, string, (out: Record<string, any>) => void][] = [
      ['https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ', 'gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html', (o) => {
        expect(o.author).toMatchObject({ id: 'gscholar:AoKJ_g4AAAAJ', name: 'Carlos Denner dos Santos' });
        expect(o.papers).toHaveLength(176);
        // The page's own table, as source-reported values beside ours.
        expect(o.reported.map((r: { metric: string; value: number }) => [r.metric, r.value])).toEqual([
          ['citations', 1799], ['h', 17], ['i10', 31], ['citationsSince', 1134], ['hSince', 14], ['i10Since', 19]]);
        expect([o.metrics.citations, o.metrics.h, o.metrics.i10]).toEqual([1799, 17, 31]);
      }],
      ['https://dblp.org/pid/95/7448-1.xml', 'dblp/person-95-7448-1.xml', (o) => {
        expect(o.author).toMatchObject({ id: 'dblp:95/7448-1' });
        expect(o.papers).toHaveLength(8);
      }],
      ['https://api.semanticscholar.org/graph/v1/author/2262347', 'semanticscholar/author-2262347.json', (o) => {
        expect(o.author).toMatchObject({ id: 's2:2262347', name: 'A. Turing' });
        expect(o.papers).toHaveLength(60);
      }],
    ];
    for (const [url, file, check] of cases) {
      const out = JSON.parse(run(url, fixturePath(file)));
      expect(Object.keys(out)).toEqual(expect.arrayContaining(['site', 'pageType', 'author', 'authors', 'papers', 'metrics']));
      check(out);
    }
  });

  it('exits 2 with a one-line reason for an unrecognised page or a missing file', () => {
    const bad = spawnSync('npx', ['tsx', 'scripts/profile.ts', '--url', 'https://arxiv.org/help/api', '--html', fixturePath('arxiv/abs-2106.09608v2-2021.html')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const missing = spawnSync('npx', ['tsx', 'scripts/profile.ts', '--url', 'https://arxiv.org/abs/1', '--html', '/nonexistent/file.html'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cannot read \/nonexistent\/file.html/);
  });
});
