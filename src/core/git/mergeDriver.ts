/**
 * The git side of sharing annotations: a merge driver that merges the annotation file by id, and the
 * set-up that tells a repository to use it.
 *
 * `.gitattributes` (committed, shared):   .ainews/annotations.json merge=ainews
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
import { parseAnnotationFile, serializeAnnotationFile, type ParseResult } from '../store/file';
import { readTextIfExists } from '../store/fileIo';
import { mergeAnnotationFiles } from '../store/merge';

const run = promisify(execFile);

/** The name of the merge driver in `.gitattributes` and `git config`. */
export const MERGE_DRIVER_NAME = 'ainews';
/** The driver command written by default; `%O %A %B` are git's base, ours (result) and theirs files. */
export const DEFAULT_DRIVER_COMMAND = 'ai-news-annotator merge-driver %O %A %B';
const DRIVER_DESCRIPTION = 'AI News Annotator: merge annotation files by id';

/** A `.gitattributes` pattern for a path: quoted (C style) when it contains spaces or quotes. */
function attributePattern(path: string): string {
  return /[\s"\\]/.test(path) ? `"${path.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t')}"` : path;
}

/** The `.gitattributes` line that selects the driver for an annotation file (path relative to the repository root). */
export function gitAttributesLine(annotationFile: string): string {
  return `${attributePattern(annotationFile)} merge=${MERGE_DRIVER_NAME}`;
}

export interface MergeDriverSetup {
  /** The line `.gitattributes` now contains. */
  attributesLine: string;
  /** Whether the line had to be added. */
  attributesAdded: boolean;
  /** The command configured as `merge.ainews.driver`. */
  driverCommand: string;
  /** The repository that was set up. */
  repoRoot: string;
  /** One sentence for the user: what was written where. */
  summary: string;
}

/**
 * Sets a repository up to merge an annotation file with the driver: appends the `.gitattributes` line
 * (once; running it again changes nothing) and writes `merge.ainews.name` and `merge.ainews.driver`
 * into the repository's own git config.
 * @param repoRoot The repository's top-level folder.
 * @param annotationFile The annotation file relative to `repoRoot`, `/` separators.
 * @param options.driverCommand Overrides the command (e.g. `node /path/to/dist/cli.js merge-driver %O %A %B`).
 * @throws Error with git's message when git cannot write the config.
 */
export async function configureMergeDriver(repoRoot: string, annotationFile: string, options: { driverCommand?: string } = {}): Promise<MergeDriverSetup> {
  const attributesLine = gitAttributesLine(annotationFile);
  const attributesPath = join(repoRoot, '.gitattributes');
  const existing = (await readTextIfExists(attributesPath)) ?? '';
  const present = existing.split(/\r?\n/).some((line) => line.trim() === attributesLine);
  if (!present) {
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await fs.writeFile(attributesPath, `${existing}${separator}${attributesLine}\n`, 'utf8');
  }
  const driverCommand = options.driverCommand ?? DEFAULT_DRIVER_COMMAND;
  await git(repoRoot, ['config', `merge.${MERGE_DRIVER_NAME}.name`, DRIVER_DESCRIPTION]);
  await git(repoRoot, ['config', `merge.${MERGE_DRIVER_NAME}.driver`, driverCommand]);
  const summary = `${present ? '.gitattributes already had' : 'added to .gitattributes:'} "${attributesLine}"; git config merge.${MERGE_DRIVER_NAME}.driver is "${driverCommand}"`;
  return { attributesLine, attributesAdded: !present, driverCommand, repoRoot, summary };
}

/**
 * {@link configureMergeDriver} for a workspace folder, which need not be the repository's top level:
 * finds the repository and the annotation file's path in it.
 * @param folderPath The workspace folder (absolute).
 * @param annotationFile The annotation file relative to the folder, `/` separators.
 * @throws Error naming the folder when it is not inside a git repository.
 */
export async function configureMergeDriverForFolder(folderPath: string, annotationFile: string, options: { driverCommand?: string } = {}): Promise<MergeDriverSetup> {
  const repoRoot = await findRepositoryRoot(folderPath);
  const [realRoot, realFolder] = await Promise.all([fs.realpath(repoRoot), fs.realpath(folderPath)]);
  const inRepo = relative(realRoot, join(realFolder, ...annotationFile.split('/'))).split(sep).join('/');
  return configureMergeDriver(repoRoot, inRepo, options);
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
  /** The merge was written to the ours file. */
  | { kind: 'merged'; annotations: number }
  /** A side could not be merged by id; git's text merge was written instead (`conflicts` > 0: markers left). */
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

/**
 * What the merge driver does: reads git's three versions, merges them by id and writes the result
 * over the ours file. A missing or empty base (both branches added the file) merges without one.
 * When ours or theirs cannot be read as a version-1 annotation file, falls back to `git merge-file`
 * so the user still sees both sides.
 * @param basePath git's %O, @param oursPath git's %A (receives the result), @param theirsPath git's %B.
 */
export async function runMergeDriverOnFiles(basePath: string, oursPath: string, theirsPath: string): Promise<DriverOutcome> {
  const [baseText, oursText, theirsText] = await Promise.all([readTextIfExists(basePath), fs.readFile(oursPath, 'utf8'), fs.readFile(theirsPath, 'utf8')]);
  const ours = parseAnnotationFile(oursText);
  const theirs = parseAnnotationFile(theirsText);
  const problem = ours.kind !== 'ok' ? unreadable('our version', oursPath, ours) : theirs.kind !== 'ok' ? unreadable('their version', theirsPath, theirs) : undefined;
  if (problem !== undefined || ours.kind !== 'ok' || theirs.kind !== 'ok') {
    const conflicts = await textMerge(basePath, oursPath, theirsPath);
    return { kind: 'text-merge', conflicts, reason: problem ?? 'unreadable side' };
  }
  const base = baseText === null ? undefined : parseAnnotationFile(baseText);
  const baseFile: AnnotationFile | null = base?.kind === 'ok' && baseText?.trim() !== '' ? base.file : null;
  const merged = mergeAnnotationFiles(baseFile, ours.file, theirs.file);
  await fs.writeFile(oursPath, serializeAnnotationFile(merged), 'utf8');
  return { kind: 'merged', annotations: merged.annotations.length };
}

/** git's own line merge into the ours file; resolves to the number of conflicts left. */
async function textMerge(basePath: string, oursPath: string, theirsPath: string): Promise<number> {
  try {
    await run('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath]);
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && code > 0 && code < 128) return code;
    throw new Error(`git merge-file failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
