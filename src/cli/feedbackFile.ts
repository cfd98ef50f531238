/**
 * The team's corrections for the command line (`scan`, `eval`, `feedback export`): the nearest
 * `.ainews/feedback.json` above the current folder (like the entity list), or a file named with
 * `--feedback FILE`. Article paths in it are relative to the workspace folder: the folder that
 * holds its `.ainews` folder.
 */
import { statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { correctionsOf, DEFAULT_FEEDBACK_FILE, parseFeedbackFile, type Correction, type FeedbackFile } from '../core/feedback';
import { toArticlePath } from '../core/store/paths';
import { readRegularFile, decodeUtf8 } from '../core/workspace/guardedRead';
import { MAX_ANNOTATION_FILE_BYTES } from '../core/store/fileIo';
import { UsageError } from './commandLine';
import { forTerminal } from './terminal';

/** A feedback file read for the command line, and the folder its article paths are relative to. */
export interface LoadedFeedback {
  path: string;
  folder: string;
  file: FeedbackFile;
}

/** The nearest file at `relativePath` in `from` or a folder above it; null when there is none. */
export function findNearest(from: string, relativePath: string): string | null {
  let folder = resolve(from);
  for (;;) {
    const candidate = join(folder, relativePath);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; look further up
    }
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** The workspace folder of a feedback file: above its `.ainews` folder, else its own folder. */
function workspaceFolderOf(path: string): string {
  const folder = dirname(resolve(path));
  return basename(folder) === '.ainews' ? dirname(folder) : folder;
}

/**
 * Reads the feedback file named by `--feedback`, else the nearest one above `cwd` (null when none).
 * Corrections that are not valid are reported on stderr and left out. A file found by the default
 * lookup that cannot be used is named on stderr and nothing is corrected (as for the entity list):
 * the command goes on.
 * @throws UsageError naming the file when the file named by `--feedback` cannot be read or is not a feedback file.
 */
export async function loadFeedback(explicit: string | undefined, cwd: string, command: string): Promise<LoadedFeedback | null> {
  if (explicit !== undefined) return loadFeedbackAt(explicit, command);
  const nearest = findNearest(cwd, DEFAULT_FEEDBACK_FILE);
  if (!nearest) return null;
  try {
    return await loadFeedbackAt(nearest, command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ai-news-annotator ${command}: ${forTerminal(error.message)}; going on without the team's corrections\n`);
    return null;
  }
}

/** Reads one feedback file; @throws UsageError naming it when it cannot be read or is not a feedback file. */
async function loadFeedbackAt(path: string, command: string): Promise<LoadedFeedback> {
  const read = await readRegularFile(resolve(path), MAX_ANNOTATION_FILE_BYTES);
  if (read.kind === 'missing') throw new UsageError(`${path}: no such file`);
  if (read.kind === 'refused') throw new UsageError(`${path}: ${read.message}`);
  const decoded = decodeUtf8(read.bytes);
  if (decoded.invalidAt) throw new UsageError(`${path} line ${decoded.invalidAt.line}, column ${decoded.invalidAt.column}: not valid UTF-8`);
  const parsed = parseFeedbackFile(decoded.text as string);
  if (parsed.kind === 'invalid') throw new UsageError(`${path}: ${parsed.message}`);
  for (const problem of parsed.problems) process.stderr.write(`ai-news-annotator ${command}: ${path}: ${forTerminal(problem)} (left out)\n`);
  return { path, folder: await realpath(workspaceFolderOf(path)), file: parsed.file };
}

/** The corrections that apply to an article file (none for a file outside the feedback's folder). */
export async function correctionsForFile(feedback: LoadedFeedback | null, articlePath: string): Promise<Correction[]> {
  if (!feedback || feedback.file.corrections.length === 0) return [];
  const article = toArticlePath(feedback.folder, await realpath(articlePath).catch(() => resolve(articlePath)));
  return article === undefined ? [] : correctionsOf(feedback.file, article);
}
