"""Writes the demo's abs pages (abs-<id>.html) in arXiv's abs-page markup from the seed profile card.

Run from the repository root: python3 scripts/demo-pages/make-abs-pages.py ../shared/seed/000_abc01eb716ea5ac6.txt
The ids are the placeholders of author-zhao_y_1.html; authors are the ones the card names.
"""
import html, re, sys

IDS = ['2605.10001', '2408.10002', '2410.10003', '2512.10004', '2403.10005', '2510.10006', '2505.10007', '2003.10008']
NAMES = {'cs.SE': 'Software Engineering', 'cs.CL': 'Computation and Language', 'cs.LG': 'Machine Learning',
         'cs.CV': 'Computer Vision and Pattern Recognition', 'q-bio.NC': 'Neurons and Cognition', 'stat.ME': 'Methodology'}
CATS = {'SE': 'cs.SE', 'CL': 'cs.CL', 'LG': 'cs.LG', 'CV': 'cs.CV', 'NC': 'q-bio.NC', 'ME': 'stat.ME'}
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
start = next(i for i, l in enumerate(lines) if re.fullmatch(r'\d+ Papers', l)) + 1
entries, i = [], start
while i + 3 < len(lines) + 1 and len(entries) < len(IDS):
    m = re.fullmatch(r'([A-Z]{2})([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(Code)?', lines[i])
    assert m, lines[i]
    cat, mon, day, year, code = m.groups()
    entries.append(dict(cat=CATS[cat], date=(int(year or 2026), MONTHS.index(mon) + 1, int(day)), code=bool(code),
                        title=lines[i + 1], authors=lines[i + 2].replace(' et al.', '').split(', '), abstract=lines[i + 3]))
    i += 4

def author_link(name):
    if name == 'Yize Zhao':
        return 'https://arxiv.org/a/zhao_y_1'
    parts = name.split(' ')
    return 'https://arxiv.org/search/?searchtype=author&amp;query=' + html.escape(parts[-1] + '%2C+' + parts[0][0])

for aid, e in zip(IDS, entries):
    y, mo, d = e['date']
    e_ = html.escape
    metas = '\n'.join(f'<meta name="citation_author" content="{e_(a.split(" ")[-1] + ", " + " ".join(a.split(" ")[:-1]))}" />' for a in e['authors'])
    authors = ', '.join(f'<a href="{author_link(a)}">{e_(a)}</a>' for a in e['authors'])
    comment = 'Demo page; code: <a href="https://github.com/example/placeholder-code">https://github.com/example/placeholder-code</a>' if e['code'] else 'Demo page built from the seed card'
    page = f'''<!DOCTYPE html>
<!-- Demo page for Scholar Lens, in arXiv's abs-page markup. Title, authors (as far as the seed card names them),
     date, category and abstract come from the seed profile card; the arXiv id is a placeholder. -->
<html lang="en">
<head>
<meta charset="utf-8" />
<title>[{aid}] {e_(e['title'])}</title>
<meta name="citation_title" content="{e_(e['title'])}" />
{metas}
<meta name="citation_date" content="{y:04d}/{mo:02d}/{d:02d}" />
<meta name="citation_online_date" content="{y:04d}/{mo:02d}/{d:02d}" />
<meta name="citation_pdf_url" content="https://arxiv.org/pdf/{aid}" />
<meta name="citation_arxiv_id" content="{aid}" />
<meta name="citation_abstract" content="{e_(e['abstract'])}" />
</head>
<body>
<div id="content-inner"><div id="abs">
<div class="dateline">[Submitted on {d} {MONTHS[mo - 1]} {y}]</div>
<h1 class="title mathjax"><span class="descriptor">Title:</span>{e_(e['title'])}</h1>
<div class="authors"><span class="descriptor">Authors:</span>{authors}</div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> {e_(e['abstract'])}</blockquote>
<div class="metatable"><table summary="Additional metadata">
<tr><td class="tablecell label">Comments:</td><td class="tablecell comments mathjax">{comment}</td></tr>
<tr><td class="tablecell label">Subjects:</td><td class="tablecell subjects"><span class="primary-subject">{NAMES[e['cat']]} ({e['cat']})</span></td></tr>
<tr><td class="tablecell label">Cite as:</td><td class="tablecell arxivid"><span class="arxivid"><a href="https://arxiv.org/abs/{aid}">arXiv:{aid}</a> [{e['cat']}]</span></td></tr>
</table></div>
</div></div>
<div class="submission-history"><h2>Submission history</h2><strong>[v1]</strong> {d:02d} {MONTHS[mo - 1]} {y} 12:00:00 UTC (1 KB)<br/></div>
</body>
</html>
'''
    open(f'scripts/demo-pages/abs-{aid}.html', 'w', encoding='utf-8').write(page)
print(f'wrote {len(entries)} abs pages')
