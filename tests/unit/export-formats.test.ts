/**
 * Every export format on a hostile corpus (quotes, commas, braces, TeX specials, non-Latin names,
 * RTL overrides, line breaks, 100 KB titles, HTML and Markdown links, spreadsheet formulas,
 * entry/record "injections"), read back by real parsers: JSON by `parseExport`, CSV by papaparse,
 * BibTeX by @retorquere/bibtex-parser, CSL-JSON by citation-js, RIS by a line parser here.
 */
import { createRequire } from 'node:module';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportProfile, EXPORT_FORMATS, parseExport, type ExportableProfile } from '@/lib/export/index';
import { exportRecord } from '@/lib/export/json';
import { computeMetrics } from '@/lib/metrics/basic';
import { Author, Paper, type ReportedMetric } from '@/lib/schema';

const require = createRequire(import.meta.url);
type CslData = { id: string; type: string; title?: string; author?: ({ family?: string; given?: string; suffix?: string; literal?: string })[]; issued?: { 'date-parts': number[][] }; DOI?: string; URL?: string; number?: string; 'container-title'?: string };
const { Cite } = require('@citation-js/core') as { Cite: new (data: unknown) => { data: unknown[]; format: (f: string, o?: Record<string, unknown>) => unknown } };
require('@citation-js/plugin-csl');

const NOW = new Date('2026-03-04T05:06:07.000Z');

// 100,000 characters. (Kept plain-ish: the BibTeX parser takes seconds on it even so.)
const HUGE = `Huge ${'A long title with {braces} & 50% of it. '.repeat(2600)}`.slice(0, 100_000);
const TITLES = [
  'He said "hi", then left',
  'Braces {unbalanced and } more }{',
  '100% of $5 & #1 a_b ~tilde ^caret \\backslash \\textbf{x} \\input{/etc/passwd}',
  'Trailing backslash \\',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1)) ![img](http://e/x.png) <https://evil.example>',
  'Line one\nLine two\r\nthree\u2028four',
  'RTL \u202Eevil\u202C override \u2067isolate\u2069',
  '=HYPERLINK("http://evil","x")', '+cmd', '-2+3', '@SUM(1)', '\t=tab', '\r=cr', '=1+1\nsecond line',
  "Em--dash --- and ``quotes'' ?` !` ,, << >>",
  '$\\alpha$-stable **bold** _it_ `code` | pipe # hash ~~strike~~',
  'Non-Latin: 张伟的论文 — Łukasz Żółć — محمد',
  '&lt;b&gt; entity &amp; &#x3C;',
  '@misc{evil, title={x}}',
  'ER  - \nTY  - JOUR',
  HUGE,
  'Attention Is All You Need',
  'Attention Is All You Need',
];
const NAMES = [
  '张伟', 'Łukasz Żółć', 'محمد', "Conan O'Brien", 'Smith, John', 'Tom and Jerry', 'A {brace} B', 'Dollar $ Sign', 'Ludwig van Beethoven',
  'A. Del Maestro', 'RTL \u202Eevil', 'Multi\nLine Name', '<img src=x onerror=alert(1)>', '=1+1 Formula', 'others', 'John Smith Jr.', 'A, B, C',
  'Under_score 100%', '[Click](javascript:alert(1))',
];

const papers: Paper[] = TITLES.map((title, i) => {
  const id = `2401.${String(i).padStart(5, '0')}`;
  return Paper.parse({
    id, arxivId: id, version: 1, title,
    authors: [NAMES[i % NAMES.length]!, NAMES[(i + 5) % NAMES.length]!, NAMES[(i + 11) % NAMES.length]!, ...(i % 2 === 0 ? [NAMES[(i + 3) % NAMES.length]!] : [])],
    published: `2024-0${(i % 9) + 1}-1${i % 10}`, year: 2024, primaryCategory: i % 7 === 0 ? 'cs.LG' : '<b>x</b>', categories: ['cs.LG', 'cs.CL; hostile,'],
    abstract: `Abstract of ${title.slice(0, 200)}\n\nSecond paragraph with {braces} and $math$.`,
    journalRef: i % 3 === 0 ? 'J. {Evil} 1 & 2\n(2024) =SUM' : null,
    doi: i % 4 === 0 ? `10.1000/x_${i}<y>;(z)` : null,
    links: {
      abs: i % 5 === 0 ? 'javascript:alert(1)' : `https://arxiv.org/abs/${id}`,
      pdf: i % 5 === 0 ? 'data:text/html,<script>alert(1)</script>' : `https://arxiv.org/pdf/${id}`,
      code: i % 2 === 0 ? ['https://github.com/a/b_(c)', 'javascript:alert(2)'] : [],
    },
    citations: i % 3 === 1 ? null : i * 7, citationsSource: i % 3 === 1 ? null : 'semanticscholar',
    citationsFetchedAt: i % 3 === 1 ? null : '2025-02-01T00:00:00.000Z',
    source: 'arxiv', fetchedAt: '2025-01-01T00:00:00.000Z',
  });
});

const author = Author.parse({ id: 'arxiv:evil_1', name: 'Łukasz "Bobby" Żółć {\\}\u202E <script>', ids: { arxiv: 'evil_1' }, affiliations: ['Uni & Co.\nLab'] });
const reported: ReportedMetric[] = [{ metric: 'h', value: 3, source: 'gscholar', at: '2025-01-02T00:00:00.000Z' }];
const profile: ExportableProfile = { author, papers, metrics: computeMetrics(papers, { author: author.name, year: 2026 }), reported };
const second: ExportableProfile = {
  author: Author.parse({ id: 'arxiv-query:zhang_w', name: '张伟', ids: { arxivQuery: 'Zhang, W' } }),
  papers: papers.slice(0, 3),
  metrics: computeMetrics(papers.slice(0, 3), { year: 2026 }),
  reported: [],
};

/** What a one-line format keeps of page text: controls and line breaks → one space, trimmed. */
const flat = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/[ \u00a0]{2,}/g, ' ').trim();
/** …and without bidi overrides (BibTeX, Markdown). */
const flatNoBidi = (s: string) => flat(s.replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));

describe('JSON: our own format imports back exactly', () => {
  it('one profile: export → parseExport → deep-equal records, hostile text included', () => {
    const { text } = exportProfile('json', profile, { now: NOW });
    const back = parseExport(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.data.format).toBe('scholar-lens');
    expect(back.data.version).toBe(2);
    expect(back.data.exportedAt).toBe(NOW.toISOString());
    expect(back.data.profiles).toStrictEqual([exportRecord(profile)]);
    expect(back.data.profiles[0]!.papers.map((p) => p.title)).toStrictEqual(TITLES);
    expect(back.data.profiles[0]!.papers[TITLES.indexOf(HUGE)]!.title).toHaveLength(100_000);
  });

  it('a watchlist: every profile back, in order', () => {
    const back = parseExport(exportProfile('json', [profile, second], { now: NOW }).text);
    expect(back).toStrictEqual({ ok: true, data: { format: 'scholar-lens', version: 2, exportedAt: NOW.toISOString(), profiles: [exportRecord(profile), exportRecord(second)] } });
  });

  it('an author-less profile (a search page) and one without metrics', () => {
    const bare: ExportableProfile = { author: null, title: 'Search: "x" & <y>', papers: papers.slice(0, 2) };
    const back = parseExport(exportProfile('json', [bare], { now: NOW }).text);
    expect(back.ok && back.data.profiles).toStrictEqual([{ author: null, title: 'Search: "x" & <y>', papers: papers.slice(0, 2) }]);
  });
});

describe('CSV: papaparse reads back every cell; formulas are defused', () => {
  const { text, mime, ext } = exportProfile('csv', profile, { now: NOW });
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

  it('is RFC 4180: a header, one CRLF-ended row per paper, all rows as wide as the header', () => {
    expect(mime).toBe('text/csv;charset=utf-8');
    expect(ext).toBe('csv');
    expect(rows[0]).toEqual(['id', 'arxivId', 'doi', 'title', 'authors', 'year', 'published', 'primaryCategory', 'categories', 'citations', 'citationsSource', 'venue', 'abs', 'pdf', 'code']);
    expect(rows).toHaveLength(papers.length + 1);
    for (const row of rows) expect(row).toHaveLength(15);
    expect(Papa.parse(text, { skipEmptyLines: true }).errors).toEqual([]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('gives back titles, authors and links exactly (plus the quote before a formula)', () => {
    papers.forEach((p, i) => {
      const row = rows[i + 1]!;
      expect(row[0]).toBe(p.id);
      expect(row[3]).toBe(defused(p.title));
      expect(row[4]).toBe(defused(p.authors.join('; ')));
      expect(row[5]).toBe('2024');
      expect(row[9]).toBe(p.citations === null ? '' : String(p.citations));
      expect(row[11]).toBe(p.journalRef ?? '');
      expect(row[12]).toBe(p.links.abs ?? '');
      expect(row[14]).toBe(p.links.code.join(' '));
    });
  });

  it('defuses every cell a spreadsheet would run (= + - @ tab CR), multi-line ones too', () => {
    const formulaTitles = rows.slice(1).map((r) => r[3]!).filter((t) => /^'[=+\-@\t\r]/.test(t));
    expect(formulaTitles).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'+cmd", "'-2+3", "'@SUM(1)", "'\t=tab", "'\r=cr", "'=1+1\nsecond line", "'@misc{evil, title={x}}"]);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('a watchlist adds a profile column', () => {
    const wl = Papa.parse<string[]>(exportProfile('csv', [profile, second], { now: NOW }).text, { skipEmptyLines: true }).data;
    expect(wl[0]![0]).toBe('profile');
    expect(wl).toHaveLength(papers.length + 3 + 1);
    expect(wl[1]![0]).toBe(author.name);
    expect(wl[papers.length + 1]![0]).toBe('张伟');
  });
});

/** A creator as the parser gives it, back to one string. */
function creatorName(c: Creator): string {
  if (c.name !== undefined) return c.name;
  return [c.firstName, c.prefix, c.lastName, c.suffix].filter((x) => x).join(' ');
}
/** The name as BibTeX should understand it: `Last, First` turned round. */
function expectedName(raw: string): string {
  const n = flatNoBidi(raw);
  const m = /^([^,]+),\s*([^,]+)$/.exec(n);
  return m ? `${m[2]} ${m[1]}` : n;
}

// The parser sentence-cases English titles by default (a Zotero convention, and slow: minutes on a
// 100 KB title); with that off, titles come back as written. Parsed once for all tests below.
const bibtex = exportProfile('bibtex', profile, { now: NOW });
const bibLib = parseBibtex(bibtex.text, { sentenceCase: false });

describe('BibTeX: @retorquere/bibtex-parser reads every entry back', () => {
  const { text, mime, ext } = bibtex;
  const lib = bibLib;

  it('one entry per paper, no errors, unique ASCII keys', () => {
    expect(mime).toMatch(/bibtex/);
    expect(ext).toBe('bib');
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(papers.length);
    const keys = lib.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+$/);
    expect(keys.slice(-2)).toEqual(['obrien2024attention', 'smith2024attention']);
    expect(keys[0]).toBe('anon2024he'); // 张伟 folds to nothing
  });

  it('titles and authors come back equal to the originals after LaTeX decoding', () => {
    lib.entries.forEach((e, i) => {
      const p = papers[i]!;
      expect(e.fields.title).toBe(flatNoBidi(p.title));
      expect((e.fields.author ?? []).map(creatorName)).toEqual(p.authors.map(expectedName));
      expect(e.fields.abstract).toBe(flatNoBidi(p.abstract!));
      expect(e.fields.year).toBe('2024');
    });
  });

  it('@misc with eprint for arXiv-only papers, @article with journal/doi for published ones', () => {
    lib.entries.forEach((e, i) => {
      const p = papers[i]!;
      const published = p.journalRef !== null || p.doi !== null;
      expect(e.type).toBe(published ? 'article' : 'misc');
      expect(e.fields.eprint).toBe(p.arxivId);
      expect(e.fields.archiveprefix).toBe('arXiv');
      if (p.journalRef) expect(e.fields.journal).toBe(flat(p.journalRef));
      if (p.doi) expect(e.fields.doi).toBe(p.doi);
      expect(e.fields.url).toBe(p.links.abs?.startsWith('https:') ? p.links.abs : undefined);
    });
  });

  it('page text cannot open an entry, a comment or a macro of its own', () => {
    expect(text.match(/^@/gm)).toHaveLength(papers.length);
    expect(text).not.toContain('\\input{');
    expect(text).not.toContain('\u202E');
    // Outside our own `{…}` every brace is escaped: strip escapes and the braces must balance per entry.
    for (const entry of text.split(/\n(?=@)/)) {
      let depth = 0;
      let min = 0;
      for (const c of entry.replace(/\\[{}]/g, '')) {
        if (c === '{') depth++;
        if (c === '}') depth--;
        min = Math.min(min, depth);
      }
      expect([min, depth]).toEqual([0, 0]);
    }
  });

  it('a paper on two watchlist profiles is one entry', () => {
    const small: ExportableProfile = { author, papers: papers.filter((p) => p.title !== HUGE) };
    const both = parseBibtex(exportProfile('bibtex', [small, second]).text, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    expect(both.entries.map((e) => e.fields.eprint)).toEqual(small.papers.map((p) => p.arxivId));
  });
});

/** RIS records as tag → values, read line by line. */
function parseRis(text: string): Record<string, string[]>[] {
  const records: Record<string, string[]>[] = [];
  let current: Record<string, string[]> | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line.slice(0, 80))}`);
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') {
      if (current) throw new Error('TY inside a record');
      current = {};
    }
    if (!current) throw new Error(`${tag} outside a record`);
    (current[tag] ??= []).push(value);
    if (tag === 'ER') {
      records.push(current);
      current = null;
    }
  }
  if (current) throw new Error('record without ER');
  return records;
}

describe('RIS: one tag per line, one record per paper', () => {
  const { text, ext } = exportProfile('ris', profile, { now: NOW });
  const records = parseRis(text);

  it('every line is a tag; every record opens with TY and closes with ER', () => {
    expect(ext).toBe('ris');
    expect(records).toHaveLength(papers.length);
    expect(text.split('\r\n').filter((l) => l.startsWith('TY  - '))).toHaveLength(papers.length);
    expect(text).not.toMatch(/[\n\u2028\u2029](?<!\r\n)/);
  });

  it('gives back titles, authors, dates, journals, DOIs and http(s) links', () => {
    records.forEach((r, i) => {
      const p = papers[i]!;
      expect(r.TY).toEqual([p.journalRef !== null || p.doi !== null ? 'JOUR' : 'UNPB']);
      expect(r.TI).toEqual([flat(p.title)]);
      expect(r.AU).toHaveLength(p.authors.length);
      r.AU!.forEach((au, j) => {
        const m = /^([^,]+), ([^,]+)(?:, (Jr\.))?$/.exec(au);
        expect(m ? [m[2], m[1], m[3]].filter(Boolean).join(' ') : au).toBe(flat(p.authors[j]!).replace(/^([^,]+), ([^,]+)$/, '$2 $1'));
      });
      expect(r.PY).toEqual(['2024']);
      expect(r.DA).toEqual([p.published!.replace(/-/g, '/')]);
      expect(r.JO).toEqual(p.journalRef ? [flat(p.journalRef)] : undefined);
      expect(r.DO).toEqual(p.doi ? [p.doi] : undefined);
      expect(r.UR).toEqual(p.links.abs?.startsWith('https:') ? [p.links.abs] : undefined);
      expect(r.AB).toEqual([flat(p.abstract!)]);
    });
  });
});

describe('CSL-JSON: citation-js accepts the items and gives them back', () => {
  const { text, mime, ext } = exportProfile('csljson', profile, { now: NOW });
  const items = JSON.parse(text) as CslData[];

  it('one item per paper, typed, keyed like BibTeX', () => {
    expect(mime).toBe('application/vnd.citationstyles.csl+json');
    expect(ext).toBe('csl.json');
    expect(items).toHaveLength(papers.length);
    const bibKeys = bibLib.entries.map((e) => e.key);
    expect(items.map((i) => i.id)).toEqual(bibKeys);
    items.forEach((item, i) => {
      const p = papers[i]!;
      expect(item.type).toBe(p.journalRef !== null || p.doi !== null ? 'article-journal' : 'article');
      expect(item.number).toBe(`arXiv:${p.arxivId}`);
      expect(item.issued).toEqual({ 'date-parts': [p.published!.split('-').map(Number)] });
    });
  });

  it("round-trips titles and authors through citation-js's data output", () => {
    const cite = new Cite(items);
    const data = cite.format('data', { format: 'object' }) as CslData[];
    expect(data).toHaveLength(papers.length);
    data.forEach((item, i) => {
      const p = papers[i]!;
      expect(item.title).toBe(p.title);
      const names = (item.author ?? []).map((a) => a.literal ?? [a.given, a.family, a.suffix].filter(Boolean).join(' '));
      expect(names).toEqual(p.authors.map((a) => flat(a).replace(/^([^,]+), ([^,]+)$/, '$2 $1')));
      expect(item.DOI).toBe(p.doi ?? undefined);
      expect(item.URL).toBe(p.links.abs?.startsWith('https:') ? p.links.abs : undefined);
    });
    // …and it can cite them.
    const bib = cite.format('bibliography', { format: 'text', template: 'apa' }) as string;
    expect(bib).toContain('Attention Is All You Need');
  });

  it('splits names as Zotero imports them', () => {
    const byName = new Map(papers.flatMap((p, i) => p.authors.map((a, j) => [a, items[i]!.author![j]] as const)));
    expect(byName.get('Łukasz Żółć')).toEqual({ family: 'Żółć', given: 'Łukasz' });
    expect(byName.get('张伟')).toEqual({ literal: '张伟' });
    expect(byName.get('محمد')).toEqual({ literal: 'محمد' });
    expect(byName.get('Smith, John')).toEqual({ family: 'Smith', given: 'John' });
    expect(byName.get('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(byName.get('A. Del Maestro')).toEqual({ family: 'Del Maestro', given: 'A.' });
    expect(byName.get('John Smith Jr.')).toEqual({ family: 'Smith', given: 'John', suffix: 'Jr.' });
    expect(byName.get('A, B, C')).toEqual({ literal: 'A, B, C' });
  });
});

/** The link constructs a CommonMark renderer would see: `[text](dest)` with unescaped brackets. */
function markdownLinks(md: string): { text: string; dest: string }[] {
  const links: { text: string; dest: string }[] = [];
  const re = /(?<!\\)(?:\\\\)*\[((?:\\.|[^\\\]])*)\]\(([^)\s]*)\)/g;
  for (const m of md.matchAll(re)) links.push({ text: m[1]!, dest: m[2]! });
  return links;
}
const mdUnescape = (s: string) => s.replace(/\\(.)/g, '$1');

describe('Markdown: the card and the list, with page text that cannot inject', () => {
  const { text, mime, ext } = exportProfile('md', profile, { now: NOW });
  const lines = text.split('\n');

  it('has the card: name, primary category, h-index, papers, citations, Novelty, AI Score', () => {
    expect(mime).toBe('text/markdown;charset=utf-8');
    expect(ext).toBe('md');
    expect(lines[0]).toBe('# Łukasz "Bobby" Żółć \\{\\\\\\} \\<script\\>');
    expect(lines[2]).toBe('| Primary category | h-index | Papers | Citations | Novelty | AI Score |');
    const cells = lines[4]!.split(' | ');
    expect(cells[1]).toBe('3'); // the reported h-index, as the card shows it
    expect(cells[2]).toBe(String(papers.length));
    expect(text).toContain(`## Papers (${papers.length})`);
    expect(text).toContain('Exported from Scholar Lens on 2026-03-04.');
  });

  it('one line per paper; titles linked only to http(s) abs pages; three authors then et al.', () => {
    const items = lines.filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(papers.length);
    items.forEach((line, i) => {
      const p = papers[i]!;
      const links = markdownLinks(line);
      const abs = p.links.abs!.startsWith('https:');
      const code = p.links.code.filter((c) => c.startsWith('https:'));
      expect(links.map((l) => l.dest)).toEqual([...(abs ? [p.links.abs!] : []), ...code.map((c) => c.replace(/\(/g, '%28').replace(/\)/g, '%29'))]);
      if (abs) expect(mdUnescape(links[0]!.text)).toBe(flatNoBidi(p.title));
      else expect(line).toContain(` · ${flatNoBidi(p.title).replace(/[\\`*_{}[\]()#!|<>~$&^]/g, '\\$&')}`);
      if (p.authors.length > 3) expect(line).toMatch(/ et al\./);
      if (code.length > 0) expect(line).toContain('[Code](https://github.com/a/b_%28c%29)');
    });
  });

  it('no HTML, no foreign links, no javascript:, no bidi overrides, no raw newline in page text', () => {
    for (const l of markdownLinks(text)) expect(l.dest).toMatch(/^https:\/\//);
    expect(text).not.toMatch(/(?<!\\)</);
    expect(text).not.toMatch(/(?<!\\)&/);
    expect(text).not.toMatch(/\]\(javascript:/);
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).not.toContain('\r');
    // Every markup character of page text is escaped: remove escapes and our own markup, none is left.
    const stripped = text.replace(/\\./g, '').replace(/\[Code(?: \d)?\]\(https:[^)\s]*\)/g, '').replace(/\]\(https:[^)\s]*\)/g, '');
    const body = stripped.split('\n').filter((l) => l.startsWith('- ')).join('\n').replace(/^- \*\*|\*\* · /gm, '');
    expect(body).not.toMatch(/[<>`_{}()!|~$&^]/);
  });

  it('a watchlist has one card per profile under one heading', () => {
    const md = exportProfile('md', [profile, second], { now: NOW }).text;
    expect(md.split('\n')[0]).toBe('# Scholar Lens watchlist (2 profiles)');
    expect(md).toContain('\n## 张伟\n');
    expect(md.match(/^### Papers/gm)).toHaveLength(2);
  });
});

describe('exportProfile', () => {
  it('names the download after the author (or the watchlist) and the date', () => {
    for (const format of EXPORT_FORMATS) {
      const one = exportProfile(format, profile, { now: NOW });
      expect(one.filename).toBe(`scholar-lens-lukasz-bobby-zolc-script-2026-03-04.${one.ext}`);
      expect(exportProfile(format, [profile, second], { now: NOW }).filename).toBe(`scholar-lens-watchlist-2026-03-04.${one.ext}`);
      expect(one.text.length).toBeGreaterThan(0);
    }
  });

  it('exports an empty profile in every format without throwing', () => {
    const empty: ExportableProfile = { author: null, title: '', papers: [] };
    for (const format of EXPORT_FORMATS) expect(() => exportProfile(format, empty, { now: NOW })).not.toThrow();
    expect(exportProfile('bibtex', empty).text).toBe('');
    expect(exportProfile('csljson', empty).text).toBe('[]\n');
  });
});
