// Usage: npm run -s metrics -- <file.json> [--year YYYY] [--author NAME]
// Every metric of the papers in <file.json> as one JSON object; exit 2 and a one-line reason on bad input.
import { readFileSync } from 'node:fs';
import { runMetricsCli } from '../lib/cli/metrics';

const run = runMetricsCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exitCode = run.code;
