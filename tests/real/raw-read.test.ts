/**
 * Pages read raw in the page and finished in the background (lib/sites/raw-schema.ts): on the real
 * arXiv captures, what the content script sends passes the message schema, survives the trip as
 * JSON (as Chrome sends it), and the background's finishing gives exactly the draft the adapter
 * gives when it reads the page in one go; through the handlers, the profile stored is the same.
 */
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import * as arxiv from '@/lib/sites/arxiv';
import { finishRead } from '@/lib/sites/finish';
import { isRawRead } from '@/lib/sites/page-read';
import { RawRead } from '@/lib/sites/raw-schema';
import { ScholarDb } from '@/lib/store/db';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { keepSearchResults, stripInert, timeless } from '../fuzz-mutate';

const CAPTURES = [
  { file: 'arxiv/list-hep-th-new-2024-08-09.html', url: 'https://arxiv.org/list/hep-th/new', kind: 'arxiv-listing', papers: 49 },
  { file: 'arxiv/list-math-ph-new-2024-08-09.html', url: 'https://arxiv.org/list/math-ph/new', kind: 'arxiv-listing', papers: 23 },
  {
    file: 'arxiv/search-abstract-distributed-systems-200-2025-12.html',
    url: 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200',
    kind: 'arxiv-search', papers: 20, reduce: keepSearchResults(20, []),
  },
] as const;

function docOf(c: (typeof CAPTURES)[number]): Document {
  const doc = htmlDoc(readFixture(c.file));
  stripInert(doc);
  if ('reduce' in c) c.reduce(doc);
  return doc;
}

describeFixtures('raw reads of the real arXiv captures', () => {
  for (const c of CAPTURES) {
    describe(c.file, () => {
      let doc: Document;
      beforeAll(() => {
        doc = docOf(c);
      });

      it('are raw reads that pass the message schema after a JSON trip, and finish into the one-go draft', () => {
        const read = arxiv.read(doc, c.url);
        expect(isRawRead(read)).toBe(true);
        if (!isRawRead(read)) return;
        expect(read.raw.kind).toBe(c.kind);
        const sent = RawRead.parse(JSON.parse(JSON.stringify(read)));
        const draft = finishRead(sent);
        expect(draft.ok && draft.papers.length).toBe(c.papers);
        expect(timeless(draft)).toEqual(timeless(arxiv.scrape(doc, c.url)));
      });

      it('leave the string work to the background: texts come as the page has them', () => {
        const read = arxiv.read(doc, c.url);
        if (!isRawRead(read)) throw new Error('not a raw read');
        const texts = read.raw.kind === 'arxiv-search'
          ? read.raw.results.flatMap((r) => [r.title, r.abstract ?? ''])
          : read.raw.kind === 'arxiv-listing' ? read.raw.entries.flatMap((e) => [e.title ?? '', e.abstract ?? '']) : [];
        // Raw: the markup's line breaks and indentation are still in them; the drafts have none.
        expect(texts.filter((t) => /\n\s/.test(t)).length).toBeGreaterThan(texts.length / 4);
        const draft = finishRead(read);
        if (!draft.ok) throw new Error(draft.reason);
        expect(draft.papers.every((p) => !/\s\s|\n/.test(p.title) && !/\s\s|\n/.test(p.abstract ?? ''))).toBe(true);
      });

      it('store the same profile through ingestRead as the one-go draft through ingest', async () => {
        const viaRead = new ScholarDb(`raw-${Math.random()}`);
        const viaDraft = new ScholarDb(`draft-${Math.random()}`);
        try {
          const read = arxiv.read(doc, c.url);
          const a = await dispatch({ type: 'ingestRead', payload: { read: JSON.parse(JSON.stringify(read)) } }, createHandlers(viaRead));
          const b = await dispatch({ type: 'ingest', payload: { scrape: JSON.parse(JSON.stringify(arxiv.scrape(doc, c.url))) } }, createHandlers(viaDraft));
          expect(a.ok && b.ok).toBe(true);
          if (!a.ok || !b.ok) return;
          expect(a.data).toMatchObject({ reason: null, stored: c.papers });
          const { reason, ...rest } = a.data as { reason: null };
          // The same but for the clock: when each was read and viewed.
          const clockless = (o: unknown) => JSON.parse(JSON.stringify(timeless(o)), (k, v) => (k === 'viewedAt' ? 0 : v));
          expect(clockless(rest)).toEqual(clockless(b.data));
        } finally {
          await viaRead.delete();
          await viaDraft.delete();
        }
      });
    });
  }
});
