/** Writing bench figures: merged into bench/results.json (other benches' keys kept), printed as a table, misses flagged. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

export function report(results: Record<string, number>, rows: string[][], targets: Record<string, number>): void {
  let old: Record<string, unknown> = {};
  if (existsSync(RESULTS)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(RESULTS, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) old = parsed as Record<string, unknown>;
    } catch {
      console.warn(`bench: ${RESULTS} is not valid JSON; rewriting it`);
    }
  }
  writeFileSync(RESULTS, `${JSON.stringify({ ...old, ...results }, null, 2)}\n`);
  const width = Math.max(...rows.map((r) => r[0]!.length));
  const valueWidth = Math.max(...rows.map((r) => r[1]!.length));
  for (const [key, value, note] of rows) console.log(`${key!.padEnd(width)}  ${value!.padStart(valueWidth)}  ${note}`);
  for (const [key, max] of Object.entries(targets)) {
    const v = results[key];
    if (v !== undefined && v > max) console.log(`MISS ${key} = ${v} (target ≤ ${max})`);
  }
  console.log(`wrote ${RESULTS}`);
}
