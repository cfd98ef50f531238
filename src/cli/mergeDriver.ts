/**
 * `ai-news-annotator merge-driver %O %A %B`: git's merge driver for the annotation file.
 * Writes the merge by id to %A and exits 0; exits 1 whenever it cannot merge by id (git then records
 * a conflict), with git's line merge in %A, or %A untouched when nothing could be written.
 */
import { runMergeDriverOnFiles } from '../core/git/mergeDriver';

const HELP = `Usage: ai-news-annotator merge-driver BASE OURS THEIRS

git merge driver for the annotation file: merges the three versions by annotation id and writes
the result to OURS (git's %O %A %B). Set it up with 'ai-news-annotator setup-git'.

OURS is replaced atomically (a temporary file renamed over it): on any failure, a full disk
included, it is left as it was.

Exit status: 0 merged, 1 not merged by id, so that git records a conflict: a version could not be
read as an annotation file (git's line merge was written instead, with conflict markers where lines
conflict), or nothing could be written; 2 usage error.`;

/** Runs `merge-driver`; resolves to the exit code git reads. */
export async function runMergeDriver(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  // An optional fourth argument (git's %P) only names the file in messages.
  if (args.length < 3 || args.length > 4) {
    process.stderr.write(`ai-news-annotator merge-driver: expected 3 files (git's %O %A %B), got ${args.length}\n\n${HELP}\n`);
    return 2;
  }
  const [base, ours, theirs, name = ours] = args;
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
