/**
 * Each workspace folder's team file `.ainews/team.json` (statuses, colours, second review), read
 * through the guarded reader and again when it changes. A file with a mistake is reported once and
 * the defaults apply until it is fixed, so nobody's work stops; a field this version does not know,
 * or a newer file, is reported too, and what this version understands applies.
 */
import * as vscode from 'vscode';
import { inertNotificationText, NOTIFICATION_PROBLEM_LENGTH } from '../core/notificationText';
import { DEFAULT_TEAM, DEFAULT_TEAM_FILE, parseTeamFile, type TeamConfig } from '../core/team/team';
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
    if (parsed.kind === 'invalid') {
      const first = parsed.problems[0];
      this.warn(folder, vscode.l10n.t('line {0}, column {1}: {2} (the defaults apply until it is fixed)', first.line, first.column, inertNotificationText(first.message, NOTIFICATION_PROBLEM_LENGTH)));
    } else if (parsed.newerVersion !== undefined) {
      this.warn(folder, vscode.l10n.t('written by a newer version of AI News Annotator (team file version {0}); what this version understands applies, update the extension for the rest', inertNotificationText(String(parsed.newerVersion))));
    } else if (parsed.warnings.length > 0) {
      const first = parsed.warnings[0];
      this.warn(folder, vscode.l10n.t('line {0}, column {1}: {2} (the rest of the file applies)', first.line, first.column, inertNotificationText(first.message, NOTIFICATION_PROBLEM_LENGTH)));
    }
  }
}
