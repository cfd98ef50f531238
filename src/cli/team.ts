/** Reading `.ainews/team.json` for the command line: the defaults when there is none, problems named with file, line and column. */
import { join } from 'node:path';
import { readTextIfExists } from '../core/store';
import type { FileProblem } from '../core/store/file';
import { DEFAULT_TEAM, DEFAULT_TEAM_FILE, parseTeamFile, type TeamConfig } from '../core/team/team';

export interface LoadedTeam {
  team: TeamConfig;
  /** `PATH:LINE:COLUMN: problem` lines; the defaults are used when there are any. */
  problems: string[];
  /** `PATH:LINE:COLUMN: warning` lines: what was ignored (an unknown field, a newer file's part); the rest applies. */
  warnings: string[];
}

/**
 * Reads the team file of a workspace folder.
 * @param root The workspace folder.
 */
export async function loadTeam(root: string): Promise<LoadedTeam> {
  const path = join(root, ...DEFAULT_TEAM_FILE.split('/'));
  let text: string | null;
  try {
    text = await readTextIfExists(path);
  } catch (error) {
    return { team: DEFAULT_TEAM, problems: [`${path}:1:1: cannot be read: ${error instanceof Error ? error.message : String(error)}`], warnings: [] };
  }
  if (text === null) return { team: DEFAULT_TEAM, problems: [], warnings: [] };
  const parsed = parseTeamFile(text);
  const located = (p: FileProblem) => `${path}:${p.line}:${p.column}: ${p.message}`;
  if (parsed.kind === 'ok') return { team: parsed.team, problems: [], warnings: parsed.warnings.map(located) };
  return { team: parsed.team, problems: parsed.problems.map(located), warnings: [] };
}
