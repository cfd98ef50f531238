/**
 * A base for the per-folder files under `.ainews/` that configure the editor (the entity list, the
 * team file, the team's corrections): each workspace folder's copy is read at start and again whenever it changes, is
 * created or is deleted on disk, and `onDidChange` fires after such a re-read.
 */
import * as vscode from 'vscode';
import { Disposable } from './disposable';

export abstract class WatchedFolderFile extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after a folder's file was read again. */
  readonly onDidChange = this.changed.event;

  /** @param relativePath the file's path inside each workspace folder, e.g. `.ainews/team.json`. */
  constructor(relativePath: string) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${relativePath}`));
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.load(folder).then((changed) => changed !== false && this.changed.fire());
    };
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidDelete(reload));
  }

  /** Reads every workspace folder's file; call once after construction. */
  async initialize(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)));
  }

  /** Tells the listeners that a folder's file changed otherwise than by a read (a write of its own). */
  protected fireChange(): void {
    this.changed.fire();
  }

  /**
   * Reads one folder's file (again); never throws: a problem is reported and the defaults apply.
   * @returns false when what the file holds did not change (no event then).
   */
  protected abstract load(folder: vscode.WorkspaceFolder): Promise<void | boolean>;
}
