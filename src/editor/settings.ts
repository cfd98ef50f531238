/** The extension's settings, read in one place; changes apply without a reload. */
import * as vscode from 'vscode';
import { SECTION, settingsFrom, type HighlightKind, type Settings } from '../core/settings/settings';
import { Disposable } from './disposable';

export type { HighlightKind, Settings } from '../core/settings/settings';

/**
 * Reads the settings for a resource (folder-level settings apply to its files). Every setting is
 * resource-scoped: VS Code logs a warning for each window-scoped one read with a resource, and for
 * each resource-scoped one read without (`null` says "no resource" on purpose).
 */
export function readSettings(scope: vscode.ConfigurationScope | null): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return settingsFrom((key) => c.get(key));
}

/**
 * The settings per workspace folder, read once and dropped when the configuration changes: what the
 * hot paths (every keystroke, every paint, every "is this an article?") read. Every setting is
 * resource-scoped, and resource settings can be set per folder at most, so a file's settings are its
 * folder's. Create it before the parts that listen to configuration changes, so that it is cleared first.
 */
export class SettingsCache extends Disposable {
  private readonly byFolder = new Map<string, Settings>();

  constructor() {
    super();
    this.register(onDidChangeSettings([SECTION], () => this.byFolder.clear()));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.byFolder.clear()));
  }

  /** The settings that apply to a file (or folder); without one, the user's and workspace's. */
  for(uri: vscode.Uri | undefined): Settings {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = readSettings(folder ?? null);
      this.byFolder.set(key, settings);
    }
    return settings;
  }
}

/** Calls `listener` when one of the settings (or sections of them) changes, for any resource. */
export function onDidChangeSettings(names: readonly string[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (names.some((name) => e.affectsConfiguration(name))) listener();
  });
}

/** Sets one highlight kind on or off in the user's settings. */
export async function setHighlight(kind: HighlightKind, on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(`highlight.${kind}`, on, vscode.ConfigurationTarget.Global);
}
