/** Reading `.ainews/team.json` for the command line: the defaults when there is none, problems named with file, line and column. */
import { join } from 'node:path';
import { readTextIfExists } from '../core/store';
import { DEFAULT_TEAM, DEFAULT_TEAM_FILE, parseTeamFile, type TeamConfig } from '../core/team/team';

export interface LoadedTeam {
  team: TeamConfig;
  /** `PATH:LINE:COLUMN: problem` lines; the defaults are used when there are any. */
  problems: string[];
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
    return { team: DEFAULT_TEAM, problems: [`${path}:1:1: cannot be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (text === null) return { team: DEFAULT_TEAM, problems: [] };
  const parsed = parseTeamFile(text);
  if (parsed.kind === 'ok') return { team: parsed.team, problems: [] };
  return { team: parsed.team, problems: parsed.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`) };
}
