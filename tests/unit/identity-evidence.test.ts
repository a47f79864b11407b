import {
  type AuthorRecord, authorSource, findLinks, groupAuthors, linkEvidence, namesFit, sharedWorks,
} from '../../lib/identity/evidence';
import type { Author, AuthorIds, Paper } from '../../lib/schema';
import { makePaper } from '../make-paper';

function author(id: string, name: string, ids: AuthorIds = {}): Author {
  return { id, name, ids, affiliations: [], url: null };
}

function rec(id: string, name: string, papers: Paper[] = [], ids: AuthorIds = {}): AuthorRecord {
  return { author: author(id, name, ids), papers };
}

// Two works both people below wrote together, as each source lists them.
const W1 = 'Measuring citation dynamics in open archives';
const W2 = 'Linking author identities across scholarly sites';
const arxivW1 = () => makePaper({ id: '2301.00001', arxivId: '2301.00001', title: W1, year: 2023, source: 'arxiv', authors: ['Maria Silva', 'Jun Wang'] });
const dblpW1 = () => makePaper({ id: '2301.00001', arxivId: '2301.00001', title: `${W1}.`, year: 2023, source: 'dblp', authors: ['Maria Silva', 'Jun Wang'] });
const scholarW1 = () => makePaper({ id: 'gscholar:U:w1', arxivId: '2301.00001', title: W1, year: 2023, source: 'gscholar', authors: ['M Silva', 'J Wang'] });
const dblpW2 = () => makePaper({ id: '10.1145/3555555', doi: '10.1145/3555555', title: W2, year: 2024, source: 'dblp', authors: ['Maria Silva', 'Jun Wang'] });
const scholarW2 = () => makePaper({ id: 'gscholar:U:w2', title: W2.toUpperCase(), year: 2024, source: 'gscholar', authors: ['M Silva', 'J Wang'] });
const only = (title: string, source: Paper['source'] = 'dblp') => makePaper({ id: `${source}:${title}`, title, year: 2020, source });

describe('namesFit', () => {
  it.each([
    ['J. Turing', 'John F. Turing'],
    ['A. M. Turing', 'Alan Mathison Turing'],
    ['AM Turing', 'Alan M. Turing'],
    ['Turing, Alan', 'A. Turing'],
    ['José Müller', 'Jose Muller'],
    ['C Denner dos Santos', 'Carlos Denner dos Santos'],
    ['CD Santos', 'Carlos Denner dos Santos'],
    ['Carlos Denner', 'Carlos Denner dos Santos'],
    ['Turing', 'A. Turing'],
    // Suffixes after the surname: the surname is found as a later word.
    ['CD dos Santos Júnior', 'Carlos Denner dos Santos'],
    ['John Smith Jr.', 'J. Smith'],
  ])('%s ~ %s', (a, b) => {
    expect(namesFit(a, b)).toBe(true);
    expect(namesFit(b, a)).toBe(true);
  });

  it.each([
    ['Dermot Turing', 'John F. Turing'],
    ['A. Smith', 'B. Smith'],
    ['Maria Silva', 'Jun Wang'],
    ['Thomas James', 'James Thomas'],
    ['Wei Zhang', 'Zhang Wei'],
    ['', 'A. Smith'],
  ])('%s ≁ %s', (a, b) => {
    expect(namesFit(a, b)).toBe(false);
  });
});

describe('authorSource', () => {
  it('reads the id prefix; both arXiv forms are arXiv, s2 is Semantic Scholar', () => {
    expect(authorSource({ id: 'arxiv:silva_m_1' })).toBe('arxiv');
    expect(authorSource({ id: 'arxiv-query:m silva' })).toBe('arxiv');
    expect(authorSource({ id: 's2:123' })).toBe('semanticscholar');
    expect(authorSource({ id: 'gscholar:AoKJ_g4AAAAJ' })).toBe('gscholar');
    expect(authorSource({ id: 'nocolon' })).toBeNull();
  });
});

describe('linkEvidence', () => {
  it('a shared external id links, names not compared', () => {
    const a = rec('gscholar:U1', 'M. Silva', [], { googleScholar: 'U1', orcid: 'https://orcid.org/0000-0002-1825-009x' });
    const b = rec('dblp:s/MariaSilva', 'Silva, Maria Teresa', [], { dblp: 's/MariaSilva', orcid: '0000-0002-1825-009X' });
    expect(linkEvidence(a, b)).toEqual({ kind: 'external-id', key: 'orcid', value: '0000-0002-1825-009X' });
    // Even with unrelated names: an id is an id.
    const c = rec('s2:42', 'Maria T. Souza-Silva', [], { semanticScholar: '42' });
    const d = rec('gscholar:U9', 'Tete Silva', [], { googleScholar: 'U9', semanticScholar: 'https://www.semanticscholar.org/author/42' });
    expect(linkEvidence(c, d)).toEqual({ kind: 'external-id', key: 'semanticScholar', value: '42' });
  });

  it('the same key with different values: different people, whatever else they share', () => {
    const a = rec('gscholar:U1', 'Maria Silva', [scholarW1(), scholarW2()], { googleScholar: 'U1', dblp: 's/MariaSilva' });
    const b = rec('dblp:s/MariaSilva2', 'Maria Silva', [dblpW1(), dblpW2()], { dblp: 's/MariaSilva2', orcid: '0000-0001-0000-0001' });
    expect(linkEvidence(a, b)).toBeNull();
  });

  it('two records of the same source are never linked (two Scholar users, two S2 authors)', () => {
    const u1 = rec('gscholar:U1', 'Maria Silva', [scholarW1(), scholarW2()], { googleScholar: 'U1', orcid: '0000-0001-0000-0001' });
    const u2 = rec('gscholar:U2', 'Maria Silva', [scholarW1(), scholarW2()], { googleScholar: 'U2', orcid: '0000-0001-0000-0001' });
    expect(linkEvidence(u1, u2)).toBeNull();
    const s1 = rec('s2:1', 'Maria Silva', [dblpW1(), dblpW2()], { semanticScholar: '1', dblp: 's/MariaSilva' });
    const s2 = rec('s2:2', 'Maria Silva', [dblpW1(), dblpW2()], { semanticScholar: '2', dblp: 's/MariaSilva' });
    expect(linkEvidence(s1, s2)).toBeNull();
    expect(linkEvidence(rec('arxiv:silva_m_1', 'Maria Silva', [arxivW1()]), rec('arxiv-query:m silva', 'M Silva', [arxivW1()]))).toBeNull();
  });

  it('two shared works with fitting names link; the works are counted once each', () => {
    const scholar = rec('gscholar:U1', 'M Silva', [scholarW1(), scholarW1(), scholarW2(), only('Something else entirely here', 'gscholar')], { googleScholar: 'U1' });
    const dblp = rec('dblp:s/MariaSilva', 'Maria Silva', [dblpW1(), dblpW2(), only('And yet another paper by her')], { dblp: 's/MariaSilva' });
    expect(linkEvidence(scholar, dblp)).toEqual({ kind: 'shared-papers', count: 2, examples: ['2301.00001', '10.1145/3555555'] });
    expect(linkEvidence(dblp, scholar)).toEqual({ kind: 'shared-papers', count: 2, examples: ['2301.00001', '10.1145/3555555'] });
  });

  it('one shared work is not enough', () => {
    const a = rec('gscholar:U1', 'Maria Silva', [scholarW1(), only('Her own paper on something', 'gscholar')]);
    const b = rec('dblp:s/MariaSilva', 'Maria Silva', [dblpW1(), only('His own paper on something else')]);
    expect(linkEvidence(a, b)).toBeNull();
  });

  it('a co-author of the same two papers is refused: the names do not fit', () => {
    const silva = rec('gscholar:U1', 'Maria Silva', [scholarW1(), scholarW2()], { googleScholar: 'U1' });
    const wang = rec('dblp:w/JunWang', 'Jun Wang', [dblpW1(), dblpW2()], { dblp: 'w/JunWang' });
    expect(sharedWorks(silva.papers, wang.papers)).toHaveLength(2);
    expect(linkEvidence(silva, wang)).toBeNull();
    // Same surname, different given name (a relative co-authoring both papers): refused too.
    const joao = rec('dblp:s/JoaoSilva', 'João Silva', [dblpW1(), dblpW2()]);
    expect(linkEvidence(silva, joao)).toBeNull();
  });

  it('never by name alone: same name, no shared id, no shared works', () => {
    const a = rec('gscholar:U1', 'Maria Silva', [only('Soil chemistry of the Amazon basin', 'gscholar')]);
    const b = rec('dblp:s/MariaSilva', 'Maria Silva', [only('Compilers for quantum circuits')]);
    expect(linkEvidence(a, b)).toBeNull();
  });

  it('same title in different years is not a shared work', () => {
    const a = rec('gscholar:U1', 'Maria Silva', [
      makePaper({ id: 'gscholar:U1:a', title: W1, year: 2019, source: 'gscholar' }),
      makePaper({ id: 'gscholar:U1:b', title: W2, year: 2019, source: 'gscholar' }),
    ]);
    const b = rec('dblp:s/MariaSilva', 'Maria Silva', [makePaper({ id: 'dblp:a', title: W1, year: 2023, source: 'dblp' }), makePaper({ id: 'dblp:b', title: W2, year: 2024, source: 'dblp' })]);
    expect(linkEvidence(a, b)).toBeNull();
  });
});

describe('findLinks and groupAuthors', () => {
  const scholar = rec('gscholar:U1', 'M Silva', [scholarW1(), scholarW2()], { googleScholar: 'U1' });
  const dblp = rec('dblp:s/MariaSilva', 'Maria Silva', [dblpW1(), dblpW2()], { dblp: 's/MariaSilva', orcid: '0000-0001-0000-0001' });
  const s2 = rec('s2:77', 'Maria Silva', [], { semanticScholar: '77', orcid: '0000-0001-0000-0001' });
  const arxiv = rec('arxiv:silva_m_1', 'Maria Silva', [arxivW1()]);
  const wang = rec('dblp:w/JunWang', 'Jun Wang', [dblpW1(), dblpW2()], { dblp: 'w/JunWang' });
  const scholar2 = rec('gscholar:U2', 'Maria Silva', [scholarW1(), scholarW2()], { googleScholar: 'U2' });

  it('findLinks finds the evidence pairs only', () => {
    const links = findLinks([scholar, dblp, s2, arxiv, wang]);
    expect(links).toEqual([
      { a: 'gscholar:U1', b: 'dblp:s/MariaSilva', evidence: { kind: 'shared-papers', count: 2, examples: ['2301.00001', '10.1145/3555555'] } },
      { a: 'dblp:s/MariaSilva', b: 's2:77', evidence: { kind: 'external-id', key: 'orcid', value: '0000-0001-0000-0001' } },
    ]);
  });

  it('connected components are transitive', () => {
    const records = [scholar, dblp, s2, arxiv, wang];
    const groups = groupAuthors(records, findLinks(records), []);
    expect(groups.map((g) => g.map((r) => r.author.id))).toEqual([
      ['gscholar:U1', 'dblp:s/MariaSilva', 's2:77'],
      ['arxiv:silva_m_1'],
      ['dblp:w/JunWang'],
    ]);
  });

  it('unlinked pairs are respected, also through a third record', () => {
    const records = [scholar, dblp, s2];
    const links = findLinks(records);
    expect(groupAuthors(records, links, [['s2:77', 'dblp:s/MariaSilva']]).map((g) => g.map((r) => r.author.id))).toEqual([
      ['gscholar:U1', 'dblp:s/MariaSilva'],
      ['s2:77'],
    ]);
    // A user link-breaking between Scholar and S2 (linked only through DBLP): the stronger
    // (external-id) DBLP~S2 link is applied first, and Scholar then stays out.
    expect(groupAuthors(records, links, [['gscholar:U1', 's2:77']]).map((g) => g.map((r) => r.author.id))).toEqual([
      ['gscholar:U1'],
      ['dblp:s/MariaSilva', 's2:77'],
    ]);
  });

  it('a chain never puts two records of one source together', () => {
    const records = [scholar, dblp, scholar2];
    const links = findLinks(records);
    expect(links.map((l) => [l.a, l.b])).toEqual([['gscholar:U1', 'dblp:s/MariaSilva'], ['dblp:s/MariaSilva', 'gscholar:U2']]);
    expect(groupAuthors(records, links, []).map((g) => g.map((r) => r.author.id))).toEqual([
      ['gscholar:U1', 'dblp:s/MariaSilva'],
      ['gscholar:U2'],
    ]);
  });

  it('links to unknown records are ignored', () => {
    const groups = groupAuthors([scholar], [{ a: 'gscholar:U1', b: 'dblp:nobody', evidence: { kind: 'external-id', key: 'dblp', value: 'x' } }], []);
    expect(groups).toEqual([[scholar]]);
  });
});
