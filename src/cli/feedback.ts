/**
 * `ai-news-annotator feedback export [--root DIR] [--out FILE]`: the team's corrections
 * (`.ainews/feedback.json`) as labelled examples in the corpora format, to retrain on.
 */
import { resolve } from 'node:path';
import { defaultLexicon, parseLexiconFile, withEntries, type Lexicon } from '../core/analysis';
import { DEFAULT_FEEDBACK_FILE, examplesOfArticle, readFeedback, type Correction } from '../core/feedback';
import { writeFileAtomic } from '../core/store/fileIo';
import { decodeUtf8, readWorkspaceFile } from '../core/workspace/guardedRead';
import { runCommand, UsageError } from './commandLine';
import { documentForStdout, forTerminal } from './terminal';

const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;
const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

const USAGE = `Usage: ai-news-annotator feedback export [--root DIR] [--out FILE] [--kind ner|claims]

Writes the team's corrections of the detector (DIR/${DEFAULT_FEEDBACK_FILE}, made with the quick
fixes "Not a claim", "Not an entity" and "Wrong entity type...") as labelled examples in the
corpora format (data/corpora/README.md), one JSON record a line, so that a team can retrain on
its own corrections:
  claim records  {id, lang, text, label: 0, source_label}   for "not a claim"
  NER records    {id, lang, text, spans, feedback}          for the entity corrections: the
                 sentence with its entities after the correction ("source": "team" for the
                 corrected span, "detector" for the others)

Options:
  --root DIR        the workspace folder (default: the current directory)
  --out FILE        write the records to FILE (default: standard output)
  --kind KIND       only NER records (ner) or only claim records (claims); default both
  -h, --help        show this help

Exit codes: 0 written (corrections whose article or words are gone are named on stderr),
1 the feedback file cannot be read, 2 a usage error.`;

const FEEDBACK_COMMAND = {
  name: 'feedback',
  usage: USAGE,
  options: {
    root: { type: 'string' },
    out: { type: 'string' },
    kind: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: true,
} as const;

/** The article's text through the guarded reader; null when it is missing, refused or not UTF-8. */
async function readArticle(root: string, article: string): Promise<string | null> {
  const read = await readWorkspaceFile(root, article, MAX_ARTICLE_BYTES);
  if (read.kind !== 'ok') return null;
  const decoded = decodeUtf8(read.bytes);
  return decoded.invalidAt ? null : (decoded.text as string);
}

/** The folder's entity list on top of the shipped one, as the editor and `scan` use it. */
async function folderLexicon(root: string): Promise<Lexicon> {
  const read = await readWorkspaceFile(root, '.ainews/entities.json', MAX_LEXICON_BYTES);
  if (read.kind !== 'ok') return defaultLexicon();
  return withEntries(defaultLexicon(), parseLexiconFile(read.bytes.toString('utf8')).entries);
}

function groupByArticle(corrections: readonly Correction[]): Map<string, Correction[]> {
  const groups = new Map<string, Correction[]>();
  for (const c of corrections) groups.set(c.article, [...(groups.get(c.article) ?? []), c]);
  return groups;
}

/** Runs `feedback`; resolves to the exit code. */
export function runFeedback(args: string[]): Promise<number> {
  return runCommand(FEEDBACK_COMMAND, args, async ({ values, positionals }) => {
    if (positionals[0] !== 'export' || positionals.length > 1) throw new UsageError(positionals.length === 0 ? "name the action: 'export'" : `unknown action '${positionals.join(' ')}'`);
    if (values.kind !== undefined && values.kind !== 'ner' && values.kind !== 'claims') throw new UsageError(`--kind must be ner or claims, got '${values.kind}'`);
    const root = resolve(values.root ?? '.');
    const feedback = await readFeedback(root);
    if (feedback.kind === 'unusable') {
      process.stderr.write(`ai-news-annotator feedback: ${forTerminal(feedback.message)}\n`);
      return 1;
    }
    for (const problem of feedback.problems) process.stderr.write(`ai-news-annotator feedback: ${forTerminal(problem)} (left out)\n`);
    const lexicon = await folderLexicon(root);
    const lines: string[] = [];
    for (const [article, corrections] of groupByArticle(feedback.file.corrections)) {
      const { records, skipped } = examplesOfArticle(await readArticle(root, article), corrections, { lexicon });
      for (const { correction, reason } of skipped) process.stderr.write(`ai-news-annotator feedback: ${forTerminal(`correction ${correction.id} skipped: ${reason}`)}\n`);
      for (const record of records) {
        if (values.kind === undefined || (values.kind === 'ner') === 'spans' in record) lines.push(JSON.stringify(record));
      }
    }
    const output = lines.map((line) => `${line}\n`).join('');
    if (values.out === undefined) process.stdout.write(documentForStdout(output));
    else await writeFileAtomic(resolve(values.out), output);
    if (values.out !== undefined) process.stderr.write(`ai-news-annotator feedback: ${lines.length} examples written to ${values.out}\n`);
    return 0;
  });
}
