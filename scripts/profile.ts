// Usage: npm run -s profile -- --url <page-url> --html <file>
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { profileFromText } from '../lib/cli/profile';
import { OFFLINE_DOM_SETTINGS } from '../lib/node/happy-dom-settings';

function fail(reason: string): never {
  process.stderr.write(`${reason.replace(/\s+/g, ' ')}\n`);
  process.exit(2);
}

function toDoc(html: string, url: string): Document {
  const window = new Window({ url, settings: OFFLINE_DOM_SETTINGS });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

let args;
try {
  args = parseArgs({ options: { url: { type: 'string' }, html: { type: 'string' } } }).values;
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (!args.url || !args.html) fail('usage: profile --url <page-url> --html <file>');
let text: string;
try {
  text = readFileSync(args.html, 'utf8');
} catch (err) {
  fail(`cannot read ${args.html}: ${err instanceof Error ? err.message : String(err)}`);
}
const result = profileFromText(text, args.url, toDoc);
if (!result.ok) fail(result.reason);
process.stdout.write(`${JSON.stringify(result.profile, null, 2)}\n`);
