import fc from 'fast-check';
import { htmlDoc, readFixture } from '../fixtures';
import { adapterFor } from '../../lib/sites/registry';
import { DomTarget, checkOutcome, domOps, stripInert } from '../fuzz-mutate';

it('profile search', () => {
  const url = 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200';
  const doc = htmlDoc(readFixture('arxiv/search-abstract-distributed-systems-200-2025-12.html'));
  stripInert(doc);
  Array.from(doc.querySelectorAll('li.arxiv-result')).forEach((li, i) => { if (i >= 10) li.remove(); });
  const adapter = adapterFor(url)!;
  const target = new DomTarget(doc, 'li.arxiv-result, h1.title');
  console.log('elements', target.elements.length, 'texts', target.texts.length, 'focus', target.focusElements.length);
  const t = { apply: 0, parse: 0, check: 0, undo: 0 };
  const reasons = new Map<string, number>();
  const samples = fc.sample(domOps, { numRuns: 300, seed: 42 });
  const byOp = new Map<string, number>();
  for (const ops of samples) {
    let s = performance.now();
    const undo = target.apply(ops);
    t.apply += performance.now() - s; s = performance.now();
    const out = adapter.parse(doc, url);
    const dt = performance.now() - s;
    t.parse += dt; s = performance.now();
    for (const o of ops) byOp.set(o.op, (byOp.get(o.op) ?? 0) + dt / ops.length);
    checkOutcome(out, 'arxiv');
    t.check += performance.now() - s; s = performance.now();
    undo();
    t.undo += performance.now() - s;
    const k = out.ok ? 'ok' : out.reason.replace(/\d+/g, 'N').slice(0, 60);
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  console.log(t, [...byOp.entries()].map(([k, v]) => `${k}:${v.toFixed(0)}`).join(' '));
  console.log([...reasons.entries()].sort((a, b) => b[1] - a[1]));
  let s = performance.now();
  for (let i = 0; i < 20; i++) adapter.parse(doc, url);
  console.log('plain parse', (performance.now() - s) / 20);
  s = performance.now();
  for (let i = 0; i < 20; i++) { const u = target.apply([{ op: 'truncateText', at: { focus: true, n: i }, keep: 10 }]); adapter.parse(doc, url); u(); }
  console.log('parse after text change', (performance.now() - s) / 20);
});
