/**
 * The arXiv adapter against the real captures in the shared fixtures folder (see its MANIFEST.tsv).
 * Every expected value here was read off the capture itself.
 */
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { findAuthorAnchors, parse } from '../../lib/sites/arxiv';
import { ParseOutcome, type Paper, type ScrapeResult } from '../../lib/schema';

function scrape(file: string, url: string): ScrapeResult {
  const out = parse(htmlDoc(readFixture(`arxiv/${file}`)), url);
  if (!out.ok) throw new Error(`${file}: ${out.reason}`);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function paper(r: ScrapeResult, id: string): Paper {
  const p = r.papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
}

/** Invariants every scraped page must meet. */
function wellFormed(r: ScrapeResult): void {
  const ids = r.papers.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const p of r.papers) {
    expect(p.arxivId).toBe(p.id);
    expect(p.source).toBe('arxiv');
    expect(p.citations).toBeNull();
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.title).not.toMatch(/^Title:/);
    expect(p.authors.length).toBeGreaterThan(0);
    expect(p.authorUrls).toHaveLength(p.authors.length);
    expect(p.primaryCategory).not.toBeNull();
    expect(p.categories[0]).toBe(p.primaryCategory);
    expect(new Set(p.categories).size).toBe(p.categories.length);
    expect(p.links.abs).toBe(`https://arxiv.org/abs/${p.id}`);
    expect(p.links.pdf).toMatch(new RegExp(`^https://arxiv\\.org/pdf/${p.id.replace('.', '\\.')}`));
    expect(p.year).not.toBeNull();
    for (const text of [p.title, p.abstract ?? '', p.comments ?? '']) expect(text).not.toMatch(/\s{2}|^\s|\s$/);
  }
}

describeFixtures('arXiv abs page 2106.09608v2 (2021 layout)', () => {
  let r: ScrapeResult;
  let p: Paper;
  beforeAll(() => {
    r = scrape('abs-2106.09608v2-2021.html', 'https://arxiv.org/abs/2106.09608');
    p = r.papers[0]!;
  });

  it('is one paper, about no single author', () => {
    expect(r.pageType).toBe('abs');
    expect(r.site).toBe('arxiv');
    expect(r.papers).toHaveLength(1);
    expect(r.author).toBeNull();
    expect(r.total).toBeNull();
    expect(r.title).toBe('Learning Knowledge Graph-based World Models of Textual Environments');
    wellFormed(r);
  });

  it('id, version, title, authors in order', () => {
    expect(p.id).toBe('2106.09608');
    expect(p.version).toBe(2);
    expect(p.title).toBe('Learning Knowledge Graph-based World Models of Textual Environments');
    expect(p.authors).toEqual(['Prithviraj Ammanabrolu', 'Mark O. Riedl']);
    expect(p.authorUrls).toEqual([
      'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P',
      'https://arxiv.org/search/cs?searchtype=author&query=Riedl%2C+M+O',
    ]);
  });

  it('dates: v1 17 Jun 2021, v2 20 Oct 2021', () => {
    expect(p.published).toBe('2021-06-17');
    expect(p.updated).toBe('2021-10-20');
    expect(p.year).toBe(2021);
  });

  it('categories, primary first', () => {
    expect(p.primaryCategory).toBe('cs.LG');
    expect(p.categories).toEqual(['cs.LG', 'cs.AI', 'cs.CL']);
  });

  it('full abstract, comments, links', () => {
    expect(p.abstract).toMatch(/^World models improve a learning agent's ability to efficiently operate in interactive and situated environments\./);
    expect(p.abstract).toMatch(/as well as the importance of each of our contributions\.$/);
    expect(p.abstract).not.toContain('Abstract:');
    expect(p.comments).toBe('Camera read, in Proceedings of NeurIPS 2021 Main Conference');
    expect(p.journalRef).toBeNull();
    expect(p.doi).toBeNull();
    expect(p.links).toEqual({ abs: 'https://arxiv.org/abs/2106.09608', pdf: 'https://arxiv.org/pdf/2106.09608', html: null, doi: null, code: [] });
  });

  it('page authors are the author links', () => {
    expect(r.authors).toEqual([
      { name: 'Prithviraj Ammanabrolu', url: 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P', arxivId: null, query: 'Ammanabrolu, P' },
      { name: 'Mark O. Riedl', url: 'https://arxiv.org/search/cs?searchtype=author&query=Riedl%2C+M+O', arxivId: null, query: 'Riedl, M O' },
    ]);
  });

  it('finds the two author anchors (not the DBLP ones)', () => {
    const doc = htmlDoc(readFixture('arxiv/abs-2106.09608v2-2021.html'));
    const found = findAuthorAnchors(doc);
    expect(found.map((f) => f.ref.name)).toEqual(['Prithviraj Ammanabrolu', 'Mark O. Riedl']);
    expect(found[0]!.anchor.textContent).toBe('Prithviraj Ammanabrolu');
  });

  it('the versioned URL gives the same paper', () => {
    const v = scrape('abs-2106.09608v2-2021.html', 'https://arxiv.org/abs/2106.09608v2');
    expect(v.papers[0]!.version).toBe(2);
    expect(v.papers[0]!.id).toBe('2106.09608');
  });
});

describeFixtures('arXiv listing hep-th/new, 9 August 2024 (2024 layout)', () => {
  let r: ScrapeResult;
  beforeAll(() => {
    r = scrape('list-hep-th-new-2024-08-09.html', 'https://arxiv.org/list/hep-th/new');
  });

  it('49 entries: 14 new + 22 cross-lists + 13 replacements, in page order', () => {
    expect(r.pageType).toBe('listing');
    expect(r.papers).toHaveLength(14 + 22 + 13);
    expect(r.total).toBe(49);
    expect(r.title).toBe('hep-th new');
    expect(r.author).toBeNull();
    expect(r.papers[0]!.id).toBe('2408.04000');
    expect(r.papers[13]!.id).toBe('2408.04626'); // last new submission
    expect(r.papers[14]!.id).toBe('2408.03773'); // first cross-list
    expect(r.papers[35]!.id).toBe('2408.04621'); // last cross-list
    expect(r.papers[36]!.id).toBe('2309.07440'); // first replacement
    expect(r.papers[48]!.id).toBe('2407.15919');
    wellFormed(r);
  });

  it('counts of optional parts match the markup', () => {
    expect(r.papers.filter((p) => p.abstract !== null)).toHaveLength(49);
    expect(r.papers.filter((p) => p.comments !== null)).toHaveLength(41);
    expect(r.papers.filter((p) => p.journalRef !== null)).toHaveLength(4);
    expect(r.papers.filter((p) => p.links.html !== null)).toHaveLength(42);
    expect(r.papers.every((p) => p.published === null && p.updated === null && p.doi === null)).toBe(true);
  });

  it('first new submission', () => {
    const p = r.papers[0]!;
    expect(p.title).toBe('Quantisation of type IIB superstring theory and the matrix model');
    expect(p.authors).toEqual(['Yuhma Asano']);
    expect(p.authorUrls).toEqual(['https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y']);
    expect(p.primaryCategory).toBe('hep-th');
    expect(p.categories).toEqual(['hep-th']);
    expect(p.comments).toBe('27 pages');
    expect(p.abstract).toMatch(/^We discuss the path-integral quantisation of perturbative string theory/);
    expect(p.abstract).toMatch(/depending on how the matrix regularisation is applied\.$/);
    expect(p.version).toBe(1);
    expect(p.year).toBe(2024);
    expect(p.links).toEqual({
      abs: 'https://arxiv.org/abs/2408.04000', pdf: 'https://arxiv.org/pdf/2408.04000',
      html: 'https://arxiv.org/html/2408.04000v1', doi: null, code: [],
    });
  });

  it('an entry without an HTML link has no version; <br> in the abstract is a space', () => {
    const p = paper(r, '2408.04001');
    expect(p.title).toBe('Holographic Gubser flow: A combined analytic and numerical study');
    expect(p.authors).toEqual(['Toshali Mitra', 'Sukrut Mondkar', 'Ayan Mukhopadhyay', 'Alexander Soloviev']);
    expect(p.categories).toEqual(['hep-th', 'gr-qc', 'hep-ph']);
    expect(p.comments).toBe('59 pages, 16 figures');
    expect(p.version).toBeNull();
    expect(p.links.html).toBeNull();
    expect(p.abstract).toContain('in a holographic conformal field theory. Remarkably, the leading generic behavior');
  });

  it('a cross-list keeps its own primary category', () => {
    const p = r.papers[14]!;
    expect(p.title).toBe('Fundamental physical constants set the observability and operation of phase and other transitions and increase entropy');
    expect(p.authors).toEqual(['K. Trachenko']);
    expect(p.authorUrls).toEqual(['https://arxiv.org/search/cond-mat?searchtype=author&query=Trachenko,+K']);
    expect(p.primaryCategory).toBe('cond-mat.stat-mech');
    expect(p.categories).toEqual(['cond-mat.stat-mech', 'hep-th', 'nucl-th']);
    expect(p.comments).toBeNull();
  });

  it('journal reference', () => {
    const p = paper(r, '2408.04495');
    expect(p.title).toBe('Black Holes, Warp Drives, and Energy Conditions');
    expect(p.authors).toEqual(['Remo Garattini', 'Kirill Zatrimaylov']);
    expect(p.journalRef).toBe('Physics Letters B, Volume 856, September 2024, 138910');
    expect(p.categories).toEqual(['gr-qc', 'astro-ph.CO', 'hep-th']);
    expect(paper(r, '2405.03459').journalRef).toBe('J. Phys. A: Math. Theor. 57 335401 (2024)');
  });

  it('replacements: version from the HTML link, year from the id', () => {
    const p = paper(r, '2309.07440');
    expect(p.title).toBe('Stochastic tunneling in de Sitter spacetime');
    expect(p.authors).toEqual(['Taiga Miyachi', 'Jiro Soda', 'Junsei Tokuda']);
    expect(p.version).toBe(3);
    expect(p.year).toBe(2023);
    expect(p.categories).toEqual(['hep-th', 'gr-qc']);
    expect(p.comments).toBe('39 pages, 10 figures');
    const last = r.papers[48]!;
    expect(last.title).toBe('Lectures on the quantum phase transitions of metals');
    expect(last.authors).toEqual(['Subir Sachdev']);
    expect(last.version).toBe(3);
    expect(last.primaryCategory).toBe('cond-mat.str-el');
    expect(last.categories).toEqual(['cond-mat.str-el', 'hep-th']);
    expect(last.comments).toMatch(/^52 pages and 168 slides; Lecture notes and slides for `Prospects in Theoretical Physics 2024'/);
    expect(last.comments).toMatch(/Lecture videos at this https URL$/);
    expect(last.links.code).toEqual([]); // the linked URL is a YouTube playlist
  });

  it('page authors are distinct and linked', () => {
    expect(r.authors.length).toBeGreaterThan(49);
    const keys = r.authors.map((a) => `${a.name}|${a.url}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.authors.every((a) => a.query !== null && a.url?.startsWith('https://arxiv.org/search/'))).toBe(true);
    expect(r.authors[0]).toEqual({ name: 'Yuhma Asano', url: 'https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y', arxivId: null, query: 'Asano, Y' });
  });

  it('findAuthorAnchors sees every author link of every entry', () => {
    const doc = htmlDoc(readFixture('arxiv/list-hep-th-new-2024-08-09.html'));
    const found = findAuthorAnchors(doc);
    expect(found).toHaveLength(r.papers.reduce((n, p) => n + p.authors.length, 0));
    expect(found[0]!.ref).toMatchObject({ name: 'Yuhma Asano', query: 'Asano, Y' });
  });
});

describeFixtures('arXiv listing math-ph/new, 9 August 2024 (2024 layout)', () => {
  let r: ScrapeResult;
  beforeAll(() => {
    r = scrape('list-math-ph-new-2024-08-09.html', 'https://arxiv.org/list/math-ph/new');
  });

  it('23 entries: 6 new + 10 cross-lists + 7 replacements', () => {
    expect(r.papers).toHaveLength(6 + 10 + 7);
    expect(r.total).toBe(23);
    expect(r.title).toBe('math-ph new');
    expect(r.papers[0]!.id).toBe('2408.03981');
    expect(r.papers[6]!.id).toBe('2408.03991');
    expect(r.papers[16]!.id).toBe('2402.05646');
    wellFormed(r);
  });

  it('first entry, with a non-ASCII author name', () => {
    const p = r.papers[0]!;
    expect(p.title).toBe('A Higher Spin Statistics Theorem for Invertible Quantum Field Theories');
    expect(p.authors).toEqual(['Cameron Krulewski', 'Lukas Müller', 'Luuk Stehouwer']);
    expect(p.authorUrls[1]).toBe('https://arxiv.org/search/math-ph?searchtype=author&query=M%C3%BCller,+L');
    expect(p.primaryCategory).toBe('math-ph');
    expect(p.categories).toEqual(['math-ph', 'hep-th', 'math.AT']);
    expect(p.comments).toBe('6 pages, no figures');
    expect(p.abstract).toMatch(/^We prove that every unitary invertible quantum field theory satisfies a generalization/);
    expect(p.abstract).toContain("we define a `higher spin' action");
  });

  it('replacements with and without an HTML link', () => {
    const a = paper(r, '2402.05646');
    expect(a.title).toBe('Ground state energy of the low density Bose gas with two-body and three-body interactions');
    expect(a.authors).toEqual(['François L. A. Visconti']);
    expect(a.version).toBeNull();
    expect(a.comments).toBeNull();
    expect(a.categories).toEqual(['math-ph']);
    const b = paper(r, '2103.08919');
    expect(b.authors).toEqual(['Marica Minucci', 'Juan Antonio Valiente Kroon']);
    expect(b.journalRef).toBe('Class. Quantum Grav. 38 145026 (2021)');
    expect(b.comments).toBe('Updated to agree with the peer-reviewed article published in Classical and Quantum Gravity');
    expect(b.primaryCategory).toBe('gr-qc');
    expect(b.categories).toEqual(['gr-qc', 'math-ph']);
    expect(b.version).toBe(2);
    expect(b.year).toBe(2021);
  });

  it('papers listed on both pages are read the same way', async () => {
    const hep = scrape('list-hep-th-new-2024-08-09.html', 'https://arxiv.org/list/hep-th/new');
    const shared = r.papers.filter((p) => hep.papers.some((q) => q.id === p.id)).map((p) => p.id);
    expect(shared.sort()).toEqual(['2406.15860', '2408.03981', '2408.03991', '2408.04006', '2408.04201', '2408.04282', '2408.04451', '2408.04502']);
    for (const id of shared) {
      const { fetchedAt: _a, ...x } = paper(r, id);
      const { fetchedAt: _b, ...y } = paper(hep, id);
      expect(x).toEqual(y);
    }
  });
});

describeFixtures('arXiv search results: abstract "distributed systems", 200 per page', () => {
  const url = 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200';
  let r: ScrapeResult;
  beforeAll(() => {
    r = scrape('search-abstract-distributed-systems-200-2025-12.html', url);
  });

  it('200 results of 77,800; titled by the query; not an author search', () => {
    expect(r.pageType).toBe('search');
    expect(r.papers).toHaveLength(200);
    expect(r.total).toBe(77800);
    expect(r.title).toBe('distributed systems');
    expect(r.author).toBeNull();
    expect(r.papers[0]!.id).toBe('2512.03003');
    expect(r.papers[199]!.id).toBe(r.papers.at(-1)!.id);
    wellFormed(r);
  });

  it('counts of optional parts match the markup', () => {
    expect(r.papers.filter((p) => p.abstract !== null)).toHaveLength(200);
    expect(r.papers.filter((p) => p.doi !== null)).toHaveLength(9);
    expect(r.papers.filter((p) => p.journalRef !== null)).toHaveLength(7);
    // p.comments also holds 12 "ACM Class:" and 14 "MSC Class:" lines, which the schema has no field for.
    expect(r.papers.filter((p) => p.comments !== null)).toHaveLength(112);
    const versions = r.papers.map((p) => p.version);
    expect(versions.filter((v) => v === 1)).toHaveLength(185);
    expect(versions.filter((v) => v === 2)).toHaveLength(13);
    expect(versions.filter((v) => v === 3)).toHaveLength(1);
    expect(versions.filter((v) => v === 4)).toHaveLength(1);
    expect(r.papers.filter((p) => p.updated !== null)).toHaveLength(15);
    expect(r.papers.every((p) => p.published !== null && p.year === 2025)).toBe(true);
  });

  it('first result', () => {
    const p = r.papers[0]!;
    expect(p.title).toBe('The role of the top Yukawa coupling in triple Higgs production at the LHC');
    expect(p.authors).toEqual(['Luca Panizzi']);
    expect(p.authorUrls).toEqual(['https://arxiv.org/search/?searchtype=author&query=Panizzi%2C+L']);
    expect(p.primaryCategory).toBe('hep-ph');
    expect(p.categories).toEqual(['hep-ph']);
    expect(p.version).toBe(1);
    expect(p.published).toBe('2025-12-02');
    expect(p.updated).toBeNull();
    expect(p.comments).toBe('6 pages, 4 figures, 1 table');
    expect(p.abstract).toMatch(/^In this letter I quantify the effects of varying the top Yukawa coupling/);
    expect(p.abstract).toMatch(/of the three-Higgs system and other global observables\.$/);
    expect(p.links).toEqual({ abs: 'https://arxiv.org/abs/2512.03003', pdf: 'https://arxiv.org/pdf/2512.03003', html: null, doi: null, code: [] });
  });

  it('several categories: the is-link tag is primary', () => {
    const p = paper(r, '2512.02934');
    expect(p.title).toBe('Stability of quantum chaos against weak non-unitarity');
    expect(p.authors).toEqual(['Yi-Cheng Wang', 'Ehud Altman', 'Samuel J. Garratt']);
    expect(p.categories).toEqual(['quant-ph', 'cond-mat.stat-mech']);
    expect(p.comments).toBe('13+7 pages, 9+2 figures');
  });

  it('DOI and journal reference', () => {
    const p = paper(r, '2512.02894');
    expect(p.title).toBe('Exploring the Electronic Nature of Spinel Oxides: A Review of Their Electron Interactions and Prospects');
    expect(p.authors).toEqual(['Jagadis Prasad Nayak', 'Raju Saini', 'Sourav Dash', 'Gopi Nath Daptary']);
    expect(p.doi).toBe('10.1016/j.physb.2025.417533');
    expect(p.links.doi).toBe('https://doi.org/10.1016/j.physb.2025.417533');
    expect(p.journalRef).toBe('Physica B: Condensed Matter, 417533 (2025)');
    expect(p.comments).toBeNull();
    expect(p.categories).toEqual(['cond-mat.mtrl-sci', 'cond-mat.supr-con']);
    expect(p.links.pdf).toBe('https://arxiv.org/pdf/2512.02894');
    const q = paper(r, '2512.11298');
    expect(q.doi).toBe('10.1109/TIFS.2025.3634027');
    expect(q.journalRef).toBe('in IEEE Transactions on Information Forensics and Security, vol. 20, pp. 12491-12506, 2025');
  });

  it('later versions: published = v1 date, updated = latest date', () => {
    const p = paper(r, '2512.07321');
    expect(p.version).toBe(2);
    expect(p.published).toBe('2025-12-08');
    expect(p.updated).toBe('2025-12-11');
    const q = paper(r, '2512.13478');
    expect(q.version).toBe(4);
    expect(q.published).toBe('2025-12-15');
    expect(q.updated).toBe('2025-12-19');
  });

  it('code links from abstracts and comments, trailing punctuation dropped', () => {
    const a = paper(r, '2512.01119');
    expect(a.links.code).toEqual(['https://github.com/Bluefin-Tuna/WISER']);
    expect(a.authors).toEqual(['Geigh Zollicoffer', 'Tanush Chopra', 'Mingkuan Yan', 'Xiaoxu Ma', 'Kenneth Eaton', 'Mark Riedl']);
    expect(a.abstract).toContain('out-of-distribution (OOD) noise');
    expect(a.published).toBe('2025-11-30');
    expect(paper(r, '2512.07785').links.code).toEqual(['https://huggingface.co/HWresearch/LLM4HEP']);
    const c = paper(r, '2512.16752');
    expect(c.links.code).toEqual(['https://github.com/QuantumSavory/QuantumSavory.jl']);
    expect(c.comments).toBe('QuantumSavory Repository at: https://github.com/QuantumSavory/QuantumSavory.jl 17 pages, 9 figures');
    expect(r.papers.filter((p) => p.links.code.length > 0)).toHaveLength(3);
  });

  it('the full abstract, without the "△ Less" toggle', () => {
    for (const p of r.papers) {
      expect(p.abstract).not.toMatch(/Less$|More$|△|▽|…$/);
    }
  });

  it('long author lists', () => {
    const p = paper(r, '2512.10675');
    expect(p.authors).toHaveLength(21);
    expect(p.authors[0]).toBe('Gemini Robotics Team');
    expect(p.authors[20]).toBe('Allan Zhou');
  });
});
