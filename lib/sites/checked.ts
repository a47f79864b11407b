/**
 * The validating half of a page adapter: a `ParseDraft` (from `<site>-scrape.ts`) checked with
 * `ParseOutcome`. Not for content scripts (this imports the schemas, and with them Zod); see ./draft.ts.
 */
import { ParseOutcome } from '../schema';
import type { ParseDraft } from './draft';

/**
 * An `Unrecognised` draft as it is; a successful one validated (defaults filled in), or, when it
 * fails its schema, `Unrecognised` with "output failed validation: <issues>" (the first
 * `maxIssues` of them, all when not given). Never throws.
 */
export function checkedOutcome(draft: ParseDraft, url: string, maxIssues?: number): ParseOutcome {
  if (!draft.ok) return draft;
  const checked = ParseOutcome.safeParse(draft);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.slice(0, maxIssues).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { ok: false, site: draft.site, url: String(url), reason: `output failed validation: ${issues}` };
}
