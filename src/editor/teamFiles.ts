/**
 * Each workspace folder's team file `.ainews/team.json` (statuses, colours, second review), read
 * through the guarded reader and again when it changes. A file with a mistake is reported once and
 * the defaults apply until it is fixed, so nobody's work stops.
 */
import * as vscode from 'vscode';
import { DEFAULT_TEAM, DEFAULT_TEAM_FILE, parseTeamFile, type TeamConfig } from '../core/team/team';
import { readWorkspaceFile } from '../core/workspace/guardedRead';
import { WatchedFolderFile } from './watchedFolderFile';

/** A team file is a few statuses; anything this large is refused before reading. */
const MAX_TEAM_FILE_BYTES = 1024 * 1024;

export class TeamFiles extends WatchedFolderFile {
  private readonly teams = new Map<string, TeamConfig>();

  constructor() {
    super(DEFAULT_TEAM_FILE);
  }

  /** The team rules that apply to a file (or folder): its folder's, else the defaults. */
  teamFor(uri: vscode.Uri): TeamConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.teams.get(folder.uri.toString())) ?? DEFAULT_TEAM;
  }

  protected async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    this.teams.delete(key);
    if (folder.uri.scheme !== 'file') return;
    const read = await readWorkspaceFile(folder.uri.fsPath, DEFAULT_TEAM_FILE, MAX_TEAM_FILE_BYTES).catch(() => undefined);
    if (read?.kind === 'refused') this.warn(folder, read.message);
    if (read?.kind !== 'ok') return;
    const parsed = parseTeamFile(new TextDecoder().decode(read.bytes));
    this.teams.set(key, parsed.team);
    if (parsed.kind === 'invalid') {
      const first = parsed.problems[0];
      this.warn(folder, vscode.l10n.t('line {0}, column {1}: {2} (the defaults apply until it is fixed)', first.line, first.column, first.message));
    }
  }

  private warn(folder: vscode.WorkspaceFolder, message: string): void {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} in {1}: {2}', DEFAULT_TEAM_FILE, folder.name, message));
  }
}
