/** What the command-line tools share: the outcome of a run, and how they fail (exit 2, one line). */
export interface CliRun {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

/** Exit code 2 with the reason on one line (whitespace runs folded). */
export function failed(reason: string): CliRun {
  return { code: 2, stdout: '', stderr: `${reason.replace(/\s+/g, ' ').trim()}\n` };
}

/** The text of the input file, or the failed run that says why it cannot be read. */
export function readInput(file: string, readFile: (path: string) => string): { ok: true; text: string } | { ok: false; run: CliRun } {
  try {
    return { ok: true, text: readFile(file) };
  } catch (err) {
    return { ok: false, run: failed(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`) };
  }
}
