/**
 * Reading and writing a workspace folder's feedback file: read through the guarded reader (inside
 * the folder, a regular file, a size limit, strict UTF-8), written atomically under the same kind of
 * cross-process lock as the annotation file, merging with what is on disk by id.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { L10n } from '../labels/l10n';
import { inertNotificationText, inertProblems, NOTIFICATION_MESSAGE_LENGTH } from '../notificationText';
import { readAnnotationFileText, writeFileAtomic } from '../store/fileIo';
import { withFileLock, type LockOptions } from '../store/fileLock';
import { DEFAULT_FEEDBACK_FILE, FEEDBACK_FILE_VERSION, parseFeedbackFile, serializeFeedbackFile, type Correction, type FeedbackFile } from './feedback';
import { mergeFeedbackFiles } from './merge';

export type FeedbackRead =
  /** The file's valid corrections (none when there is no file) and a message per correction left out. */
  | { kind: 'ok'; file: FeedbackFile; problems: string[]; realPath: string }
  /** Not read or not usable: why, in words for the user. */
  | { kind: 'unusable'; message: string };

const EMPTY: FeedbackFile = { version: FEEDBACK_FILE_VERSION, corrections: [] };

/**
 * Reads a folder's feedback file.
 * @param folderPath The workspace folder.
 * @param relativePath The feedback file inside it, `/` separators.
 */
export async function readFeedback(folderPath: string, relativePath = DEFAULT_FEEDBACK_FILE): Promise<FeedbackRead> {
  const read = await readAnnotationFileText(folderPath, relativePath);
  if (read.kind === 'refused') return { kind: 'unusable', message: `${relativePath}: ${read.reason}` };
  if (read.kind === 'undecodable') return { kind: 'unusable', message: `${relativePath} line ${read.line}, column ${read.column}: not valid UTF-8` };
  if (read.text === null) return { kind: 'ok', file: EMPTY, problems: [], realPath: read.realPath };
  const parsed = parseFeedbackFile(read.text);
  if (parsed.kind === 'invalid') return { kind: 'unusable', message: `${relativePath}: ${parsed.message}` };
  return { kind: 'ok', file: parsed.file, problems: parsed.problems.map((p) => `${relativePath}: ${p}`), realPath: read.realPath };
}

/**
 * Adds corrections to a folder's feedback file (merged by id with what is there), under the
 * file's lock, reading what is on disk first so that a teammate's or another window's corrections
 * are kept. Nothing is written when the file on disk cannot be read whole.
 * @returns The file as written.
 * @throws Error in words for the user when the file is unusable or holds invalid corrections, or
 *   LockTimeoutError when another process keeps the lock.
 */
export async function addCorrections(folderPath: string, corrections: readonly Correction[], options: { relativePath?: string; lock?: LockOptions } = {}): Promise<FeedbackFile> {
  const relativePath = options.relativePath ?? DEFAULT_FEEDBACK_FILE;
  const located = await readFeedback(folderPath, relativePath);
  if (located.kind === 'unusable') throw new Error(`${located.message}; the correction was not saved`);
  await fs.mkdir(dirname(located.realPath), { recursive: true });
  return withFileLock(`${located.realPath}.lock`, async () => {
    const current = await readFeedback(folderPath, relativePath);
    if (current.kind === 'unusable') throw new Error(`${current.message}; the correction was not saved`);
    if (current.problems.length > 0) throw new Error(`${current.problems[0]}; fix the file first, the correction was not saved`);
    const merged = mergeFeedbackFiles(null, current.file, { version: FEEDBACK_FILE_VERSION, corrections: [...corrections] });
    await writeFileAtomic(current.realPath, serializeFeedbackFile(merged));
    return merged;
  }, options.lock);
}

/** What the editor says about a folder's feedback file: why it is not used, or the corrections left out; undefined when all is well. */
export function feedbackFileWarning(l10n: L10n, folderName: string, read: FeedbackRead): string | undefined {
  if (read.kind === 'unusable') return l10n.t('{0} in {1}: {2}', DEFAULT_FEEDBACK_FILE, inertNotificationText(folderName), inertNotificationText(read.message, NOTIFICATION_MESSAGE_LENGTH));
  if (read.problems.length > 0) return l10n.t('{0} in {1}: {2}', DEFAULT_FEEDBACK_FILE, inertNotificationText(folderName), inertProblems(read.problems));
  return undefined;
}
