/**
 * `ai-news-annotator setup-git [--root DIR] [--file PATH] [--driver COMMAND]`: configures the
 * repository containing DIR to merge the annotation file with the merge driver.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DRIVER_COMMAND, configureMergeDriverForFolder } from '../core/git/mergeDriver';
import { DEFAULT_ANNOTATION_FILE } from '../core/store';
import { parseCommonOptions } from './check';

const HELP = `Usage: ai-news-annotator setup-git [--root DIR] [--file PATH] [--driver COMMAND]

Makes git merge the annotation file by annotation id (and .ainews/feedback.json by correction
id) instead of line by line: adds '<file> merge=ainews' and '.ainews/feedback.json merge=ainews'
to the repository's .gitattributes, with '.ainews/evidence/** binary' (archived evidence is
checked out byte for byte, so that its sha256 still matches), the files' save locks
('<file>.lock') to its .gitignore (commit both), and sets merge.ainews.driver in this clone's git
config (every teammate runs this once).

Options:
  --root DIR        the workspace folder (default: the current directory)
  --file PATH       the annotation file inside DIR (default: ${DEFAULT_ANNOTATION_FILE})
  --driver COMMAND  the driver command (default: '${DEFAULT_DRIVER_COMMAND}')
  --help            show this help`;

/** Runs `setup-git`; resolves to the exit code. */
export async function runSetupGit(args: string[]): Promise<number> {
  const options = parseCommonOptions(args, ['--root', '--file', '--driver', '--help', '-h']);
  const driverCommand = 'error' in options ? undefined : options.driver;
  if ('error' in options || (driverCommand !== undefined && !/%A/.test(driverCommand))) {
    const error = 'error' in options ? options.error : "--driver needs a command that contains git's %O %A %B";
    process.stderr.write(`ai-news-annotator setup-git: ${error}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = resolve(options.root);
  if (!(await fs.stat(root).catch(() => undefined))?.isDirectory()) {
    process.stderr.write(`ai-news-annotator setup-git: --root ${options.root}: no such directory\n`);
    return 2;
  }
  try {
    const setup = await configureMergeDriverForFolder(root, options.file, { driverCommand });
    process.stdout.write(
      [
        `${setup.attributesAdded ? 'added to' : 'already in'} ${join(setup.repoRoot, '.gitattributes')}: ${setup.attributesLine}${[setup.feedbackAttributesLine, setup.evidenceAttributesLine].filter(Boolean).map((line) => `, ${line}`).join('')}`,
        `${setup.ignoreAdded ? 'added to' : 'already in'} ${join(setup.repoRoot, '.gitignore')}: ${setup.ignoreLines.join(', ')}`,
        `git config merge.ainews.driver "${setup.driverCommand}"`,
        setup.attributesAdded || setup.ignoreAdded ? 'Commit .gitattributes and .gitignore so that teammates share them; each teammate runs setup-git once in their clone.' : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
    return 0;
  } catch (error) {
    process.stderr.write(`ai-news-annotator setup-git: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
