/**
 * `ai-news-annotator merge-driver %O %A %B`: git's merge driver for the annotation file.
 * Writes the merge by id to %A and exits 0; exits 1 whenever it cannot merge by id (git then records
 * a conflict), with git's line merge in %A, or %A untouched when nothing could be written.
 */
import { runMergeDriverOnFiles } from '../core/git/mergeDriver';
import { parseCommandLine, printUsage, usageFailure, UsageError } from './commandLine';

const HELP = `Usage: ai-news-annotator merge-driver BASE OURS THEIRS

git merge driver for the annotation file and the feedback file (.ainews/feedback.json): merges
the three versions by annotation or correction id and writes the result to OURS (git's %O %A %B). Set it up with 'ai-news-annotator setup-git'.

OURS is replaced atomically (a temporary file renamed over it): on any failure, a full disk
included, it is left as it was.

Exit status: 0 merged, 1 not merged by id, so that git records a conflict: a version could not be
read as an annotation file (git's line merge was written instead, with conflict markers where lines
conflict), or nothing could be written; 2 usage error.`;

const MERGE_DRIVER_COMMAND = { name: 'merge-driver', usage: HELP, options: { help: { type: 'boolean', short: 'h' } }, positionals: true } as const;

/** Runs `merge-driver`; resolves to the exit code git reads. */
export async function runMergeDriver(args: string[]): Promise<number> {
  let files: string[];
  try {
    const parsed = parseCommandLine(MERGE_DRIVER_COMMAND, args);
    if (parsed.values.help) return printUsage(MERGE_DRIVER_COMMAND);
    files = parsed.positionals;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(MERGE_DRIVER_COMMAND, error);
  }
  // An optional fourth argument (git's %P) only names the file in messages.
  if (files.length < 3 || files.length > 4) {
    return usageFailure(MERGE_DRIVER_COMMAND, `expected 3 files (git's %O %A %B), got ${files.length}`);
  }
  const [base, ours, theirs, name = ours] = files;
  try {
    const outcome = await runMergeDriverOnFiles(base, ours, theirs);
    if (outcome.kind === 'merged') return 0;
    process.stderr.write(`ai-news-annotator merge-driver: ${name}: cannot merge by id: ${outcome.reason}; wrote git's line merge${outcome.conflicts > 0 ? ` (${outcome.conflicts} conflicts left)` : ''} for you to check\n`);
    return 1;
  } catch (error) {
    process.stderr.write(`ai-news-annotator merge-driver: ${name}: ${error instanceof Error ? error.message : String(error)}; ${name} was left as it was\n`);
    return 1;
  }
}
