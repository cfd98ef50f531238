/**
 * The git side of sharing annotations: a merge driver that merges the annotation file (and the
 * feedback file) by id, and the set-up that tells a repository to use it.
 *
 * `.gitattributes` (committed, shared):   .ainews/annotations.json merge=ainews
 *                                         .ainews/feedback.json merge=ainews
 *                                         .ainews/evidence/** binary
 * `.git/config` (per clone, each teammate): merge.ainews.driver = ai-news-annotator merge-driver %O %A %B
 *
 * Where a clone lacks the config, git falls back to its text merge; conflict markers it leaves are
 * then resolved by the extension.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { AnnotationFile } from '../store/annotation';
import { serializeAnnotationFilePieces, type ParseResult } from '../store/file';
import { parseAnnotationFileBytes } from '../store/lazyRead';
import { invalidUtf8At, MAX_ANNOTATION_FILE_BYTES, writeFileAtomic } from '../store/fileIo';
import { readRegularFile } from '../workspace/guardedRead';
import { mergeAnnotationFiles } from '../store/merge';
import { DEFAULT_FEEDBACK_FILE, parseFeedbackFile, serializeFeedbackFile, type FeedbackFile } from '../feedback/feedback';
import { mergeFeedbackFiles } from '../feedback/merge';
import { ARCHIVE_FOLDER } from '../evidence/archive';

const run = promisify(execFile);

/** The name of the merge driver in `.gitattributes` and `git config`. */
export const MERGE_DRIVER_NAME = 'ainews';
/** The driver command written by default; `%O %A %B` are git's base, ours (result) and theirs files. */
export const DEFAULT_DRIVER_COMMAND = 'ai-news-annotator merge-driver %O %A %B';
const DRIVER_DESCRIPTION = 'AI News Annotator: merge annotation files by id';
const MAX_GIT_TEXT_FILE_BYTES = 1024 * 1024;

/** A `.gitattributes` pattern for a path: quoted (C style) when it contains spaces or quotes. */
function attributePattern(path: string): string {
  return /[\s"\\]/.test(path) ? `"${path.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t')}"` : path;
}

/** The `.gitattributes` line that selects the driver for an annotation file (path relative to the repository root). */
export function gitAttributesLine(annotationFile: string): string {
  return `${attributePattern(annotationFile)} merge=${MERGE_DRIVER_NAME}`;
}

/** A `.gitignore` pattern matching exactly one path from the repository root (wildcards and a trailing space escaped). */
function ignorePattern(path: string): string {
  return `/${path.replace(/[\\*?[]/g, (c) => `\\${c}`).replace(/ $/, '\\ ')}`;
}

/**
 * The `.gitignore` lines for a file's save lock (`<file>.lock`, see store/fileLock.ts) and the
 * aside copy a stale lock is moved to: a lock left behind by a crash must never be committed.
 */
export function lockIgnoreLines(file: string): string[] {
  return [ignorePattern(`${file}.lock`), `${ignorePattern(`${file}.lock.stale.`)}*`];
}

/**
 * The `.gitattributes` line that keeps archived evidence byte for byte: `binary` (no end-of-line
 * conversion, no text diff or merge). Without it, a clone with `core.autocrlf` (Git for Windows'
 * default) or `* text=auto` checks a saved page out with CRLF, and its sha256 no longer matches.
 * @param evidenceFolder The folder relative to the repository root, `/` separators.
 */
export function evidenceAttributesLine(evidenceFolder: string): string {
  return `${attributePattern(`${evidenceFolder}/**`)} binary`;
}

export interface MergeDriverSetup {
  /** The line `.gitattributes` now contains for the annotation file. */
  attributesLine: string;
  /** The line for the feedback file (`.ainews/feedback.json`), when it was set up too. */
  feedbackAttributesLine?: string;
  /** The line for archived evidence (`.ainews/evidence/** binary`), when it was set up too. */
  evidenceAttributesLine?: string;
  /** Whether a line had to be added. */
  attributesAdded: boolean;
  /** The `.gitignore` lines that keep the files' save locks out of commits. */
  ignoreLines: string[];
  /** Whether a `.gitignore` line had to be added. */
  ignoreAdded: boolean;
  /** The command configured as `merge.ainews.driver`. */
  driverCommand: string;
  /** The repository that was set up. */
  repoRoot: string;
  /** One sentence for the user: what was written where. */
  summary: string;
}

/**
 * Sets a repository up to merge an annotation file (and the feedback file next to it) with the
 * driver: appends the `.gitattributes` lines and the `.gitignore` lines for the save locks (once;
 * running it again changes nothing) and writes `merge.ainews.name` and `merge.ainews.driver` into
 * the repository's own git config.
 * @param repoRoot The repository's top-level folder.
 * @param annotationFile The annotation file relative to `repoRoot`, `/` separators.
 * @param options.driverCommand Overrides the command (e.g. `node /path/to/dist/cli.js merge-driver %O %A %B`).
 * @param options.feedbackFile The feedback file relative to `repoRoot`, merged by the same driver.
 * @param options.evidenceFolder The folder of archived evidence relative to `repoRoot`, kept byte for byte.
 * @throws Error with git's message when git cannot write the config.
 */
export async function configureMergeDriver(repoRoot: string, annotationFile: string, options: { driverCommand?: string; feedbackFile?: string; evidenceFolder?: string } = {}): Promise<MergeDriverSetup> {
  const attributesLine = gitAttributesLine(annotationFile);
  const feedbackAttributesLine = options.feedbackFile === undefined ? undefined : gitAttributesLine(options.feedbackFile);
  const evidenceLine = options.evidenceFolder === undefined ? undefined : evidenceAttributesLine(options.evidenceFolder);
  const wanted = [attributesLine, feedbackAttributesLine, evidenceLine].filter((line): line is string => line !== undefined);
  const attributesAdded = await appendMissingLines(join(repoRoot, '.gitattributes'), wanted);
  const ignoreLines = [annotationFile, ...(options.feedbackFile === undefined ? [] : [options.feedbackFile])].flatMap(lockIgnoreLines);
  const ignoreAdded = await appendMissingLines(join(repoRoot, '.gitignore'), ignoreLines);
  const driverCommand = options.driverCommand ?? DEFAULT_DRIVER_COMMAND;
  await git(repoRoot, ['config', `merge.${MERGE_DRIVER_NAME}.name`, DRIVER_DESCRIPTION]);
  await git(repoRoot, ['config', `merge.${MERGE_DRIVER_NAME}.driver`, driverCommand]);
  const lines = wanted.map((line) => `"${line}"`).join(' and ');
  const summary =
    `${attributesAdded ? 'added to .gitattributes:' : '.gitattributes already had'} ${lines}; ` +
    `${ignoreAdded ? 'added the save locks to .gitignore' : '.gitignore already ignores the save locks'}; git config merge.${MERGE_DRIVER_NAME}.driver is "${driverCommand}"`;
  return { attributesLine, feedbackAttributesLine, evidenceAttributesLine: evidenceLine, attributesAdded, ignoreLines, ignoreAdded, driverCommand, repoRoot, summary };
}

/** Appends the lines a text file (`.gitattributes`, `.gitignore`) lacks; resolves to whether any was added. */
async function appendMissingLines(path: string, wanted: string[]): Promise<boolean> {
  const existing = await readGitTextFile(path);
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = wanted.filter((line) => !present.has(line));
  if (missing.length === 0) return false;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await fs.writeFile(path, `${existing}${separator}${missing.map((line) => `${line}\n`).join('')}`, 'utf8');
  return true;
}

/** A small git text file (`.gitattributes`, `.gitignore`) as text ('' when missing), through the guarded reader: a FIFO or device is refused, not waited on. */
async function readGitTextFile(path: string): Promise<string> {
  const read = await readRegularFile(path, MAX_GIT_TEXT_FILE_BYTES);
  if (read.kind === 'missing') return '';
  if (read.kind === 'refused') throw new Error(read.message);
  return read.bytes.toString('utf8');
}

/**
 * {@link configureMergeDriver} for a workspace folder, which need not be the repository's top level:
 * finds the repository and the paths of the annotation file and of the folder's feedback file in it.
 * @param folderPath The workspace folder (absolute).
 * @param annotationFile The annotation file relative to the folder, `/` separators.
 * @throws Error naming the folder when it is not inside a git repository.
 */
export async function configureMergeDriverForFolder(folderPath: string, annotationFile: string, options: { driverCommand?: string } = {}): Promise<MergeDriverSetup> {
  const repoRoot = await findRepositoryRoot(folderPath);
  const [realRoot, realFolder] = await Promise.all([fs.realpath(repoRoot), fs.realpath(folderPath)]);
  const inRepo = (file: string): string => relative(realRoot, join(realFolder, ...file.split('/'))).split(sep).join('/');
  return configureMergeDriver(repoRoot, inRepo(annotationFile), { ...options, feedbackFile: inRepo(DEFAULT_FEEDBACK_FILE), evidenceFolder: inRepo(ARCHIVE_FOLDER) });
}

/** The top-level folder of the git repository containing `dir`. @throws Error when `dir` is not in a repository. */
export async function findRepositoryRoot(dir: string): Promise<string> {
  return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    return (await run('git', args, { cwd, encoding: 'utf8' })).stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

export type DriverOutcome =
  /** The merge was written to the ours file: how many annotations (or corrections, for the feedback file) it holds. */
  | { kind: 'merged'; annotations: number }
  /**
   * A side could not be merged by id; git's line merge was written to the ours file instead
   * (`conflicts` > 0: with conflict markers). The driver then exits 1 so that git records a conflict
   * and never commits the result unseen.
   */
  | { kind: 'text-merge'; conflicts: number; reason: string };

function unreadable(name: string, path: string, result: Exclude<ParseResult, { kind: 'ok' }>): string {
  switch (result.kind) {
    case 'invalid':
      return `${name} (${path}) line ${result.problems[0].line}, column ${result.problems[0].column}: ${result.problems[0].message}`;
    case 'newer':
      return `${name} (${path}) was written by a newer version (file version ${result.version})`;
    case 'conflicted':
      return `${name} (${path}) already contains conflict markers`;
  }
}

/** One of git's versions as UTF-8 bytes (not decoded: lazyRead.ts reads them), or why it cannot be read. */
async function readVersionBytes(name: string, path: string): Promise<VersionBytes> {
  const read = await readRegularFile(path, MAX_ANNOTATION_FILE_BYTES);
  if (read.kind === 'missing') return { problem: `${name} (${path}) does not exist` };
  if (read.kind === 'refused') return { problem: `${name} (${read.message})` };
  const invalidAt = invalidUtf8At(read.bytes);
  if (invalidAt) return { problem: `${name} (${path}) line ${invalidAt.line}, column ${invalidAt.column}: not valid UTF-8` };
  return { bytes: read.bytes };
}

type VersionBytes = { bytes: Buffer } | { problem: string };

/** Our or their version: the file, or why it cannot be merged by id. */
function parseVersion(name: string, path: string, read: VersionBytes): { file: AnnotationFile } | { problem: string } {
  if ('problem' in read) return read;
  const parsed = parseAnnotationFileBytes(read.bytes);
  return parsed.kind === 'ok' ? { file: parsed.file } : { problem: unreadable(name, path, parsed) };
}

/** A version as a feedback file, or why it cannot be merged by id (any correction it would lose counts). */
function parseFeedbackVersion(name: string, path: string, read: VersionBytes): { file: FeedbackFile } | { problem: string } {
  if ('problem' in read) return read;
  const parsed = parseFeedbackFile(read.bytes.toString('utf8'));
  if (parsed.kind === 'invalid') return { problem: `${name} (${path}): ${parsed.message}` };
  return parsed.problems.length > 0 ? { problem: `${name} (${path}): ${parsed.problems[0]}` } : { file: parsed.file };
}

/** Where an annotation file names its list (`"annotations":`): within its first bytes, as every writer of the file puts it. */
const ANNOTATIONS_KEY_WITHIN = 256;

/** Whether a version is a feedback file (`{version, corrections}`) rather than an annotation file. */
function isFeedbackText(read: VersionBytes): boolean {
  if (!('bytes' in read)) return false;
  // `"annotations":` near the start is what the last test below refuses anyway; looked for there first, because
  // a search of all the bytes for `"corrections"` (a name starting with a quote) took 15 ms in a 23 MB file.
  if (read.bytes.subarray(0, ANNOTATIONS_KEY_WITHIN).indexOf('"annotations":') !== -1) return false;
  // Decoded only when the name is there at all (searched in the bytes: it is ASCII).
  if (read.bytes.indexOf('"corrections"') === -1) return false;
  const text = read.bytes.toString('utf8');
  // Two searches rather than one `^\s*\{[\s\S]*"corrections"`, which backtracks over the whole file.
  return /^\s*\{/.test(text) && /"corrections"\s*:/.test(text) && !/"annotations"\s*:/.test(text) && parseFeedbackFile(text).kind === 'ok';
}

/**
 * What the merge driver does: reads git's three versions, merges them by id and writes the result
 * over the ours file, atomically (a temporary file renamed over it: on any failure, a full disk
 * included, the ours file is left as it was). Annotation files merge by annotation id, feedback
 * files (`.ainews/feedback.json`, told apart by their content) by correction id. When a version
 * cannot be read as such a file, writes git's line merge instead (also atomically) and says why.
 * @param basePath git's %O, @param oursPath git's %A (receives the result), @param theirsPath git's %B.
 * @throws Error when nothing could be written; the ours file is then untouched.
 */
export async function runMergeDriverOnFiles(basePath: string, oursPath: string, theirsPath: string): Promise<DriverOutcome> {
  const [baseRead, oursRead, theirsRead] = await Promise.all([
    readVersionBytes('the base', basePath),
    readVersionBytes('our version', oursPath),
    readVersionBytes('their version', theirsPath),
  ]);
  if (isFeedbackText(oursRead) || isFeedbackText(theirsRead)) {
    return mergeFeedbackVersions(basePath, oursPath, theirsPath, [baseRead, oursRead, theirsRead]);
  }
  const ours = parseVersion('our version', oursPath, oursRead);
  const theirs = parseVersion('their version', theirsPath, theirsRead);
  if ('problem' in ours || 'problem' in theirs) return writeTextMerge(basePath, oursPath, theirsPath, 'problem' in ours ? ours.problem : (theirs as { problem: string }).problem);
  // git's base: null when missing, empty (both branches added the file) or unreadable: then nothing counts as deleted.
  const base = parseVersion('the base', basePath, baseRead);
  const merged = mergeAnnotationFiles('file' in base && base.file.annotations.length > 0 ? base.file : null, ours.file, theirs.file);
  await writeFileAtomic(oursPath, serializeAnnotationFilePieces(merged));
  return { kind: 'merged', annotations: merged.annotations.length };
}

type VersionReads = [base: VersionBytes, ours: VersionBytes, theirs: VersionBytes];

/** The driver's work on the feedback file: merged by correction id, else git's line merge. */
async function mergeFeedbackVersions(basePath: string, oursPath: string, theirsPath: string, [baseRead, oursRead, theirsRead]: VersionReads): Promise<DriverOutcome> {
  const ours = parseFeedbackVersion('our version', oursPath, oursRead);
  const theirs = parseFeedbackVersion('their version', theirsPath, theirsRead);
  if ('problem' in ours || 'problem' in theirs) return writeTextMerge(basePath, oursPath, theirsPath, 'problem' in ours ? ours.problem : (theirs as { problem: string }).problem);
  const base = parseFeedbackVersion('the base', basePath, baseRead);
  const merged = mergeFeedbackFiles('file' in base ? base.file : null, ours.file, theirs.file);
  await writeFileAtomic(oursPath, serializeFeedbackFile(merged));
  return { kind: 'merged', annotations: merged.corrections.length };
}

/** Writes git's line merge over the ours file, for a version that cannot be merged by id. */
async function writeTextMerge(basePath: string, oursPath: string, theirsPath: string, reason: string): Promise<DriverOutcome> {
  const { merged, conflicts } = await textMerge(basePath, oursPath, theirsPath);
  await writeFileAtomic(oursPath, merged);
  return { kind: 'text-merge', conflicts, reason };
}

/** git's own line merge of the three files, as bytes, and the number of conflicts in it. */
async function textMerge(basePath: string, oursPath: string, theirsPath: string): Promise<{ merged: Buffer; conflicts: number }> {
  const args = ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath];
  try {
    const { stdout } = await run('git', args, { encoding: 'buffer', maxBuffer: 2 * MAX_ANNOTATION_FILE_BYTES });
    return { merged: stdout, conflicts: 0 };
  } catch (error) {
    const { code, stdout } = error as { code?: unknown; stdout?: Buffer };
    if (typeof code === 'number' && code > 0 && code < 128 && stdout) return { merged: stdout, conflicts: code };
    throw new Error(`git merge-file failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
