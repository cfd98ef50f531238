/** The author name for new annotations when the setting is empty: git's user.name of the folder. */
import { execFile } from 'node:child_process';

/** Reads `git config user.name` in a folder without blocking; undefined when git or the setting is missing. */
export function gitAuthor(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}
