/**
 * `ai-news-annotator scan [--json] FILE...`: the analysis engine on the command line.
 *
 * The JSON output is a contract other scripts rely on: one array, one object per readable file,
 * `{file, language, date, findings}`, offsets into `fs.readFileSync(FILE, 'utf8')` (a byte-order
 * mark, if any, is kept and counted). Unreadable, binary and oversized files get one line on
 * stderr each, the others are still scanned, and the exit code is 1.
 */
import { realpath } from 'node:fs/promises';
import { parseCommandLine, printUsage, usageFailure, UsageError } from './commandLine';
import { correctionsForFile, findNearest, loadFeedback, type LoadedFeedback } from './feedbackFile';
import { forTerminal } from './terminal';
import { readRegularFile } from '../core/workspace/guardedRead';
import { analyze, defaultLexicon, parseLexiconFile, withEntries, type Analysis, type Finding, type Lexicon } from '../core/analysis';

const DEFAULT_MAX_KB = 2048;
const LEXICON_IN_WORKSPACE = '.ainews/entities.json';
const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

const SCAN_USAGE = `Usage: ai-news-annotator scan [options] FILE...

Finds the claims, numbers and entities in articles (Markdown or plain text, German or English).

Options:
  --json               print one JSON array: {file, language, date, findings} per file
  --lexicon FILE       extra entities (.ainews/entities.json format); default: the nearest
                       .ainews/entities.json above the current folder, if any
  --feedback FILE      the team's corrections (.ainews/feedback.json format): claims and
                       entities marked wrong are left out or retyped; default: the nearest
                       .ainews/feedback.json above the current folder, if any
  --threshold N        minimum claim score, 0..1 (default: the engine's)
  --max-size KB        refuse files larger than this (default ${DEFAULT_MAX_KB})
  -h, --help           show this help

Offsets are UTF-16 code units into the file read as UTF-8, end exclusive.
Exit codes: 0 all files scanned, 1 some file could not be read (the others are still scanned),
2 a usage error.`;

type ScanRead = { kind: 'ok'; text: string } | { kind: 'error'; reason: string };

/**
 * Reads a file for scanning through the guarded reader (a regular file, the size checked before
 * reading: a FIFO or /dev/zero is refused at once), refusing what is not an article.
 */
async function readForScan(path: string, maxBytes: number): Promise<ScanRead> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'error', reason: 'no such file' };
    if (code === 'EACCES') return { kind: 'error', reason: 'permission denied' };
    return { kind: 'error', reason: error instanceof Error ? error.message : String(error) };
  }
  const read = await readRegularFile(real, maxBytes);
  if (read.kind === 'missing') return { kind: 'error', reason: 'no such file' };
  if (read.kind === 'refused') return { kind: 'error', reason: read.reason.replace(/limit$/, 'limit (--max-size)') };
  if (read.bytes.includes(0)) return { kind: 'error', reason: 'looks binary (contains NUL bytes); articles must be UTF-8 text' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return { kind: 'error', reason: 'is not valid UTF-8 text' };
  }
  // The same decoding as fs.readFileSync(FILE, 'utf8'), which keeps a byte-order mark.
  return { kind: 'ok', text: read.bytes.toString('utf8') };
}

async function loadLexicon(explicit: string | undefined): Promise<Lexicon> {
  const path = explicit ?? findNearest(process.cwd(), LEXICON_IN_WORKSPACE);
  if (!path) return defaultLexicon();
  const read = await readForScan(path, MAX_LEXICON_BYTES);
  if (read.kind === 'error') throw new UsageError(`${path}: ${read.reason}`);
  const text = read.text;
  const { entries, errors } = parseLexiconFile(text);
  for (const message of errors) process.stderr.write(`${path}: ${forTerminal(message)}\n`);
  return withEntries(defaultLexicon(), entries);
}

function parseNumberOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, got '${value}'`);
  return n;
}

/** The JSON shape of a finding: the contract's keys first, then what the engine adds. */
function findingToJson(finding: Finding): Record<string, unknown> {
  const { kind, type, start, end, text, ...rest } = finding;
  return { kind, type, start, end, text, ...rest };
}

function lineAndColumn(offset: number, lineStarts: number[]): string {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return `${lo + 1}:${offset - lineStarts[lo] + 1}`;
}

function describe(finding: Finding): string {
  const quoted = JSON.stringify(finding.text.length > 100 ? `${finding.text.slice(0, 97)}...` : finding.text);
  switch (finding.kind) {
    case 'number':
      return `number  ${finding.type.padEnd(8)} ${quoted}${finding.value === null ? '' : ` = ${finding.value}${finding.unit ? ` ${finding.unit}` : ''}`}`;
    case 'entity':
      return `entity  ${finding.type.padEnd(8)} ${quoted}${finding.canonical !== finding.text ? ` (${finding.canonical})` : ''}${finding.reasons?.length ? `  because: ${finding.reasons.join('; ')}` : ''}`;
    case 'claim':
      return `claim   ${finding.score.toFixed(2).padEnd(8)} ${quoted}\n${' '.repeat(26)}because: ${finding.reasons.join('; ')}${
        finding.timeSensitive.length ? `; time-sensitive: ${finding.timeSensitive.join(', ')}` : ''
      }`;
  }
}

function readableReport(file: string, text: string, analysis: Analysis): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const counts = { claim: 0, number: 0, entity: 0 };
  for (const f of analysis.findings) counts[f.kind]++;
  const header = `${file}: ${analysis.language === 'de' ? 'German' : 'English'}, date ${analysis.date ?? 'unknown'}, ` +
    `${counts.claim} claims, ${counts.number} numbers, ${counts.entity} entities`;
  const lines = analysis.findings.map((f) => `  ${lineAndColumn(f.start, lineStarts).padEnd(8)} ${describe(f)}`);
  return [header, ...lines].join('\n');
}

const SCAN_COMMAND = {
  name: 'scan',
  usage: SCAN_USAGE,
  options: {
    json: { type: 'boolean' },
    lexicon: { type: 'string' },
    feedback: { type: 'string' },
    threshold: { type: 'string' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: true,
} as const;

/**
 * Runs `scan`.
 * @param args The arguments after the subcommand's name.
 * @returns The exit code.
 */
export async function runScan(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(SCAN_COMMAND, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(SCAN_COMMAND, error);
  }
  const { values, positionals: files } = parsed;
  if (values.help) return printUsage(SCAN_COMMAND);
  if (files.length === 0) return usageFailure(SCAN_COMMAND, 'name at least one file');
  let lexicon: Lexicon;
  let feedback: LoadedFeedback | null;
  let claimThreshold: number | undefined;
  let maxKb: number;
  try {
    claimThreshold = parseNumberOption(values.threshold, 'threshold', 0, 1);
    maxKb = parseNumberOption(values['max-size'], 'max-size', 1, 1024 * 1024) ?? DEFAULT_MAX_KB;
    lexicon = await loadLexicon(values.lexicon);
    feedback = await loadFeedback(values.feedback, process.cwd(), 'scan');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ai-news-annotator scan: ${forTerminal(error.message)}\n`);
    return 2;
  }

  let failed = 0;
  const results: Record<string, unknown>[] = [];
  const reports: string[] = [];
  for (const file of files) {
    const read = await readForScan(file, maxKb * 1024);
    if (read.kind === 'error') {
      process.stderr.write(`ai-news-annotator scan: ${file}: ${read.reason}\n`);
      failed++;
      continue;
    }
    const corrections = await correctionsForFile(feedback, file);
    const analysis = analyze(read.text, { lexicon, feedback: corrections, ...(claimThreshold === undefined ? {} : { claimThreshold }) });
    if (values.json) {
      results.push({ file, language: analysis.language, date: analysis.date, findings: analysis.findings.map(findingToJson) });
    } else {
      reports.push(readableReport(file, read.text, analysis));
    }
  }
  process.stdout.write(values.json ? JSON.stringify(results, null, 2) + '\n' : forTerminal(reports.join('\n\n') + (reports.length ? '\n' : '')));
  return failed ? 1 : 0;
}
