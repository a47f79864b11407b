import type { Metrics } from '@/lib/schema';

const W = 360;
const H = 90;
const PAD = 14;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Papers per year as bars, citations per year (where known) as a line; years without papers stay empty. */
export function YearChart({ years }: { years: Metrics['papersPerYear'] }) {
  if (years.length === 0) return null;
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  const span = last - first + 1;
  const slot = (W - PAD) / span;
  const maxPapers = Math.max(...years.map((y) => y.papers), 1);
  const cited = years.filter((y) => y.citations !== null);
  const maxCites = Math.max(...cited.map((y) => y.citations ?? 0), 1);
  const x = (year: number) => PAD + (year - first) * slot;
  const summary = years.map((y) => `${y.year}: ${plural(y.papers, 'paper')}${y.citations === null ? '' : `, ${plural(y.citations, 'citation')}`}`).join('; ');
  const line = cited.map((y) => `${x(y.year) + slot / 2},${H - PAD - ((y.citations ?? 0) / maxCites) * (H - 2 * PAD)}`).join(' ');
  return (
    <figure class="sl-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Papers and citations per year. ${summary}`}>
        {years.map((y) => {
          const h = (y.papers / maxPapers) * (H - 2 * PAD);
          return <rect key={y.year} class="sl-bar" x={x(y.year) + 1} y={H - PAD - h} width={Math.max(slot - 2, 1)} height={h}><title>{`${y.year}: ${plural(y.papers, 'paper')}`}</title></rect>;
        })}
        {cited.length > 1 && <polyline class="sl-line" points={line} fill="none" />}
        <text x={PAD} y={H - 2} class="sl-axis">{first}</text>
        <text x={W} y={H - 2} class="sl-axis" text-anchor="end">{last}</text>
      </svg>
      <figcaption class="sl-muted">Papers per year{cited.length ? ' (bars) and citations (line)' : ''}</figcaption>
    </figure>
  );
}
