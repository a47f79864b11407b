/**
 * A profile as Markdown (CommonMark / GitHub): the card (name, primary category, h-index,
 * papers, citations, Novelty, AI Score — the card's values, a source's reported value where there
 * is one) as a table, then the papers, one list item each: category · date · title (linked to the
 * abs page) — first three authors (et al.) · Code links.
 *
 * Page text is escaped, never trusted as Markdown: it goes on one line (line breaks and controls
 * collapse, bidirectional overrides are dropped), never starts a line, and every character
 * Markdown or HTML gives a meaning inline — `\ ` * _ { } [ ] ( ) # ! | < > ~ $ & ^` — gets a
 * backslash, so a title cannot open a link, an image, an HTML tag, an entity, emphasis, math,
 * a superscript or a table cell. Links are written only for absolute http(s) URLs (normalised, with `(` `)`
 * percent-encoded); anything else (`javascript:`, `data:`) is shown as plain text or left out.
 */
import { authorLine, isSafeHttpUrl } from '../format';
import { computeMetrics } from '../metrics/basic';
import { CARD_METRICS, describeMetric, formatMetric } from '../metrics/display';
import type { Paper } from '../schema';
import { type ExportableProfile, oneLine, profileName, stripBidi } from './text';

/** Page text as inline Markdown that renders as exactly that text. */
export function mdEscape(text: string): string {
  return stripBidi(oneLine(text)).replace(/[\\`*_{}[\]()#!|<>~$&^]/g, '\\$&');
}

/** An http(s) URL fit for a link destination, or null. */
export function mdUrl(url: string | null | undefined): string | null {
  if (!isSafeHttpUrl(url)) return null;
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function paperLine(paper: Paper): string {
  const parts: string[] = [];
  parts.push(paper.primaryCategory ? `**${mdEscape(paper.primaryCategory)}**` : '**?**');
  const date = paper.published ?? (paper.year !== null ? String(paper.year) : null);
  if (date) parts.push(mdEscape(date));
  const title = mdEscape(paper.title) || '(untitled)';
  const abs = mdUrl(paper.links.abs);
  let line = parts.join(' · ');
  line += ` · ${abs ? `[${title}](${abs})` : title}`;
  const authors = authorLine(paper.authors.map(mdEscape).filter((a) => a !== ''), 3);
  if (authors) line += ` — ${authors}`;
  const code = paper.links.code.map(mdUrl).filter((u): u is string => u !== null);
  if (code.length > 0) line += ` · ${code.map((u, i) => `[Code${code.length > 1 ? ` ${i + 1}` : ''}](${u})`).join(' ')}`;
  return `- ${line}`;
}

function card(profile: ExportableProfile, level: number): string[] {
  const h = '#'.repeat(level);
  const papers = [...profile.papers];
  const metrics = profile.metrics ?? computeMetrics(papers, { author: profile.author?.name ?? null });
  const shown = { metrics, papers, reported: [...(profile.reported ?? [])] };
  const stats = CARD_METRICS.map((m) => describeMetric(shown, m));
  const name = mdEscape(profileName(profile)) || 'Profile';
  const labels = ['Primary category', ...stats.map((s) => s.label)];
  const values = [metrics.primaryCategory ? mdEscape(metrics.primaryCategory) : '—', ...stats.map((s) => formatMetric(s.name, s.shown))];
  return [
    `${h} ${name}`,
    '',
    `| ${labels.join(' | ')} |`,
    `| ${labels.map(() => '---').join(' | ')} |`,
    `| ${values.join(' | ')} |`,
    '',
    `${h}# Papers (${papers.length})`,
    '',
    ...(papers.length > 0 ? papers.map(paperLine) : ['No papers.']),
    '',
  ];
}

export function exportMarkdown(profiles: readonly ExportableProfile[], now: Date = new Date(), watchlist = profiles.length !== 1): string {
  const date = now.toISOString().slice(0, 10);
  const lines: string[] = [];
  if (!watchlist && profiles.length === 1) {
    lines.push(...card(profiles[0]!, 1));
  } else {
    lines.push(`# Scholar Lens watchlist (${profiles.length} profile${profiles.length === 1 ? '' : 's'})`, '');
    for (const profile of profiles) lines.push(...card(profile, 2));
  }
  lines.push(`Exported from Scholar Lens on ${date}.`, '');
  return lines.join('\n');
}
