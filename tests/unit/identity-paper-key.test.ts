import { arxivKey, doiKey, isWeakTitle, normaliseTitle, paperKeys } from '../../lib/identity/paper-key';
import { makePaper } from '../make-paper';

describe('normaliseTitle', () => {
  it('folds case, trailing punctuation and whitespace', () => {
    expect(normaliseTitle('  Attention Is All You\n Need. ')).toBe('attention is all you need');
  });

  it('strips accents and spells out letters NFKD keeps', () => {
    expect(normaliseTitle('Über die Größe naïver Modelle — Ærø')).toBe('uber die grosse naiver modelle aero');
  });

  it('joins hyphenated words and drops apostrophes', () => {
    expect(normaliseTitle("Pre-training Vision–Language Models: managers' capacity")).toBe('pretraining visionlanguage models managers capacity');
  });

  it('removes LaTeX remnants: accents, formatting commands, math, braces', () => {
    expect(normaliseTitle("{B}ayesian \\emph{Updating} of Erd\\H{o}s--R\\'{e}nyi graphs in $O(n^2)$")).toBe(
      'bayesian updating of erdosrenyi graphs in o n2',
    );
    expect(normaliseTitle('$\\alpha$-Divergence \\& {\\em Friends}')).toBe(normaliseTitle('α-Divergence & Friends'));
    expect(normaliseTitle('α-Divergence & Friends')).toBe('alphadivergence and friends');
  });

  it('removes HTML markup and entities (Crossref, S2)', () => {
    expect(normaliseTitle('Splitting H<sub>2</sub>O with <i>Ti</i>O<sub>2</sub> &amp; light')).toBe('splitting h2o with tio2 and light');
    expect(normaliseTitle('Caf&#233; <scp>Networks</scp>')).toBe('cafe networks');
  });

  it('unfolds ligatures and superscripts', () => {
    expect(normaliseTitle('Eﬃcient O(n²) search')).toBe('efficient o n2 search');
  });

  it('keeps letters of other scripts', () => {
    expect(normaliseTitle('バリウムフェライト 薄膜')).toBe('バリウムフェライト 薄膜');
  });
});

describe('isWeakTitle', () => {
  it('short titles and generic titles are no evidence', () => {
    expect(isWeakTitle(normaliseTitle('Deep Learning'))).toBe(true);
    expect(isWeakTitle(normaliseTitle('Introduction'))).toBe(true);
    expect(isWeakTitle(normaliseTitle('Letter to the Editor'))).toBe(true);
    expect(isWeakTitle(normaliseTitle('Reply to the comments.'))).toBe(true);
    expect(isWeakTitle('')).toBe(true);
    expect(isWeakTitle(normaliseTitle('Attention is all you need'))).toBe(false);
  });
});

describe('paperKeys', () => {
  it('arXiv id from arxivId, id, links, or a DataCite DOI; version and subject class dropped', () => {
    expect(paperKeys(makePaper({ id: 'gscholar:u:k', arxivId: '2007.12255' })).arxiv).toBe('2007.12255');
    expect(paperKeys(makePaper({ id: '2106.09608', source: 'arxiv' })).arxiv).toBe('2106.09608');
    expect(paperKeys(makePaper({ id: 'dblp:x', links: { abs: 'https://arxiv.org/abs/2106.09608v3', pdf: null } })).arxiv).toBe('2106.09608');
    const datacite = paperKeys(makePaper({ id: 'dblp:y', doi: '10.48550/arXiv.2007.12255' }));
    expect(datacite).toMatchObject({ arxiv: '2007.12255', doi: null });
    expect(arxivKey('math.GT/0309136v2')).toBe('math/0309136');
    expect(arxivKey('10.1000/xyz')).toBeNull();
  });

  it('DOI lower-cased, from doi, a DOI id or the doi link', () => {
    expect(paperKeys(makePaper({ doi: '10.1017/CBO9781139105736.019' })).doi).toBe('10.1017/cbo9781139105736.019');
    expect(paperKeys(makePaper({ id: '10.1112/plms/s2-42.1.230' })).doi).toBe('10.1112/plms/s2-42.1.230');
    expect(paperKeys(makePaper({ links: { abs: null, pdf: null, doi: 'https://doi.org/10.1098/RSTB.1952.0012' } })).doi).toBe('10.1098/rstb.1952.0012');
    expect(doiKey('doi:10.5555/ABC')).toBe('10.5555/abc');
  });

  it('titleYear: spaces removed, year appended; null without a year or for a weak title', () => {
    expect(paperKeys(makePaper({ title: 'Attention Is All You Need.', year: 2017 })).titleYear).toBe('attentionisallyouneed|2017');
    expect(paperKeys(makePaper({ title: 'Pre-training is all you need', year: 2020 })).titleYear).toBe(
      paperKeys(makePaper({ title: 'Pre training is all you need', year: 2020 })).titleYear,
    );
    expect(paperKeys(makePaper({ title: 'Attention Is All You Need', year: null })).titleYear).toBeNull();
    expect(paperKeys(makePaper({ title: 'Deep learning', year: 2015 })).titleYear).toBeNull();
    expect(paperKeys(makePaper({ title: 'Preface', year: 2015 })).titleYear).toBeNull();
  });
});
