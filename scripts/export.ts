// Usage: npm run -s export -- --format <json|csv|bibtex|ris|csljson|md> <profile.json>
// The profile (as `npm run -s profile` prints it, or a Scholar Lens export) in that format on
// stdout; exit 2 and a one-line reason on bad arguments or input.
import { readFileSync } from 'node:fs';
import { runExportCli } from '../lib/cli/export';

const run = runExportCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exitCode = run.code;
