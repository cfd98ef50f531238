/** The author name for new annotations when the setting is empty: git's user.name of the folder. */
import { execFileSync } from 'node:child_process';

/** Reads `git config user.name` in a folder; undefined when git or the setting is missing. */
export function gitAuthor(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
