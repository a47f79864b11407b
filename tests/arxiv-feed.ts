/**
 * Answers of the arXiv API (`/api/query?id_list=…`) generated for the ids asked for, in the shape of
 * the real 2025+ feed (the capture arxiv-api/idlist-1706.03762-2026.xml): for the fake networks of
 * the enrichment tests and of the request-count bench.
 */
export interface EntryShape {
  title: (id: string) => string;
  summary: (id: string) => string;
  /** The primary category first. */
  categories: readonly string[];
  authors: readonly string[];
}

/** One `<entry>`; the date is the id's year and month (new-style ids), else 1999-01-01. */
export function atomEntry(id: string, shape: EntryShape): string {
  const yymm = /^(\d{2})(\d{2})\./.exec(id);
  const date = yymm ? `20${yymm[1]}-${yymm[2]}-15` : '1999-01-01';
  const categories = shape.categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>\n`).join('');
  const authors = shape.authors.map((a) => `    <author>\n      <name>${a}</name>\n    </author>\n`).join('');
  return `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>${shape.title(id)}</title>
    <updated>${date}T09:00:00Z</updated>
    <link href="https://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf" title="pdf"/>
    <summary>${shape.summary(id)}</summary>
${categories}    <published>${date}T09:00:00Z</published>
    <arxiv:primary_category term="${shape.categories[0]}"/>
${authors}  </entry>
`;
}

/** The feed for `requested`, with an entry for each id arXiv `known`s (an unknown id is simply absent, as arXiv does). */
export function atomFeed(requested: readonly string[], shape: EntryShape, known: (id: string) => boolean = () => true): string {
  const ids = requested.filter(known);
  const q = `search_query=&amp;id_list=${requested.join(',')}&amp;start=0&amp;max_results=${requested.length}`;
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query: ${q}</title>
  <updated>2026-07-01T12:00:00Z</updated>
  <link href="https://arxiv.org/api/query?${q}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>${requested.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${ids.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${ids.map((id) => atomEntry(id, shape)).join('')}</feed>
`;
}
