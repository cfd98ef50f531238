/**
 * Each workspace folder's team file `.ainews/team.json` (statuses, colours, second review), read
 * through the guarded reader and again when it changes. A file with a mistake is reported once and
 * the defaults apply until it is fixed, so nobody's work stops; a field this version does not know,
 * or a newer file, is reported too, and what this version understands applies.
 */
import * as vscode from 'vscode';
import { DEFAULT_TEAM, DEFAULT_TEAM_FILE, parseTeamFile, type TeamConfig } from '../core/team/team';
import { teamFileWarning } from '../core/team/teamFileWarning';
import { WatchedFolderFile } from './watchedFolderFile';

/** A team file is a few statuses; anything this large is refused before reading. */
const MAX_TEAM_FILE_BYTES = 1024 * 1024;

export class TeamFiles extends WatchedFolderFile<TeamConfig> {
  constructor() {
    super(DEFAULT_TEAM_FILE);
  }

  /** The team rules that apply to a file (or folder): its folder's, else the defaults. */
  teamFor(uri: vscode.Uri): TeamConfig {
    return this.valueFor(uri) ?? DEFAULT_TEAM;
  }

  protected async load(folder: vscode.WorkspaceFolder): Promise<void> {
    this.setValue(folder, undefined);
    if (folder.uri.scheme !== 'file') return;
    const text = await this.readText(folder, MAX_TEAM_FILE_BYTES);
    if (text === undefined) return;
    const parsed = parseTeamFile(text);
    this.setValue(folder, parsed.team);
    const warning = teamFileWarning(vscode.l10n, parsed);
    if (warning !== undefined) this.warn(folder, warning);
  }
}
