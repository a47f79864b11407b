/** Test helper: a valid `Paper` with the required fields filled in. */
import { Paper, type PaperInput } from '../lib/schema';

let n = 0;

export function makePaper(over: Partial<PaperInput> = {}): Paper {
  n++;
  return Paper.parse({
    id: `test-${n}`,
    title: `Paper ${n}`,
    authors: ['A. Author'],
    links: { abs: null, pdf: null },
    source: 'arxiv',
    fetchedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  });
}
