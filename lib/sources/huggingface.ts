/**
 * Hugging Face paper pages API (`https://huggingface.co/api/papers/<arxiv id>`): the code
 * repository and project page the paper page links. The reply carries many fields that change
 * often (authors, upvotes, ai_summary, …); the schema reads only the links and tolerates anything
 * else, including wrong types for them (treated as absent).
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from './http';
import { normaliseArxivId } from './semanticscholar';

export const HF_API = 'https://huggingface.co/api/papers';

const optionalString = z.string().nullish().catch(null);

export const HfPaperSchema = z.looseObject({
  id: optionalString,
  title: optionalString,
  githubRepo: optionalString,
  githubStars: z.number().nullish().catch(null),
  projectPage: optionalString,
});
export type HfPaper = z.infer<typeof HfPaperSchema>;

export interface HfLink {
  kind: 'code' | 'project';
  url: string;
  /** GitHub stars as Hugging Face reports them (code links only). */
  stars: number | null;
}

function httpUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.replace(/\/$/, '') : null;
  } catch {
    return null;
  }
}

/** Code and project links of an arXiv paper on Hugging Face; [] when HF has no page for it (404). */
export async function hfPaper(http: HttpClient, arxivId: string): Promise<HfLink[]> {
  const id = normaliseArxivId(arxivId);
  const url = `${HF_API}/${id.split('/').map(encodeURIComponent).join('/')}`;
  let p: HfPaper;
  try {
    p = await http.getJson(url, HfPaperSchema);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return [];
    throw e;
  }
  const links: HfLink[] = [];
  const code = httpUrl(p.githubRepo);
  if (code) links.push({ kind: 'code', url: code, stars: typeof p.githubStars === 'number' ? p.githubStars : null });
  const project = httpUrl(p.projectPage);
  if (project && project !== code) links.push({ kind: 'project', url: project, stars: null });
  return links;
}
