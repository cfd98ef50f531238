/**
 * What the command line prints that comes from other people (article text, notes, names, file
 * contents in messages): its control characters shown as escapes such as `\u001b`, so that an
 * article or a teammate's file cannot set the terminal's title or clipboard, clear it, plant links
 * or reorder what it shows.
 */
import { printableText } from '../core/export/escape';

/** Text for a person at a terminal (reports, messages): controls as escapes; tabs and line breaks kept. */
export function forTerminal(text: string): string {
  return printableText(text, { keepLines: true });
}

/**
 * A document written to standard output (CSV, markdown, JSON): escaped like {@link forTerminal}
 * when a terminal shows it; a pipe or a redirected file gets its exact bytes, as `--out` does.
 * (JSON stays JSON of the same values: its strings hold no raw C0 controls, and `\u009b` is a
 * JSON escape.)
 */
export function documentForStdout(text: string, stdout: { isTTY?: boolean } = process.stdout): string {
  return stdout.isTTY ? forTerminal(text) : text;
}
