import { parse } from '@retorquere/bibtex-parser';
import { it } from 'vitest';
import { exportBibtex } from '/work/main/lib/export/bibtex';
import { papers } from '/tmp/exp/corpus';
it('scratch', () => {
const text = exportBibtex(papers);
for (const opts of [undefined, { sentenceCase: false as const }, { english: false }]) {
  const lib = parse(text, opts);
  console.log('errors', JSON.stringify(lib.errors).slice(0, 300), 'entries', lib.entries.length);
  lib.entries.forEach((e, i) => {
    const want = papers[i]!.title.replace(/[\u0000-\u001f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').replace(/[\u202a-\u202e]/g, '').trim();
    if (e.fields.title !== want) console.log('T', JSON.stringify(want), '\n  ->', JSON.stringify(e.fields.title), e.fields.title?.length);
    console.log(e.key, JSON.stringify(e.fields.author), e.fields.month, e.fields.journal, e.fields.doi);
  });
  break;
}

});
