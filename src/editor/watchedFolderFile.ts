/**
 * A base for the per-folder files under `.ainews/` that configure the editor (the entity list, the
 * team file, the team's corrections): each workspace folder's copy is read at start and again whenever it changes, is
 * created or is deleted on disk, and `onDidChange` fires after such a re-read.
 */
import * as vscode from 'vscode';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../core/notificationText';
import { readWorkspaceFile } from '../core/workspace/guardedRead';
import { Disposable } from './disposable';

export abstract class WatchedFolderFile<T = unknown> extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after a folder's file was read again. */
  readonly onDidChange = this.changed.event;
  /** What each folder's file gave, by folder URI (see `setValue`). */
  private readonly values = new Map<string, T>();

  /** @param relativePath the file's path inside each workspace folder, e.g. `.ainews/team.json`. */
  constructor(private readonly relativePath: string) {
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

  /** What the file of the folder that holds `uri` gave; undefined outside a folder, or without a usable file. */
  protected valueFor(uri: vscode.Uri): T | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.values.get(folder.uri.toString());
  }

  /** Keeps what a folder's file gave; undefined forgets it (the defaults apply). */
  protected setValue(folder: vscode.WorkspaceFolder, value: T | undefined): void {
    if (value === undefined) this.values.delete(folder.uri.toString());
    else this.values.set(folder.uri.toString(), value);
  }

  /**
   * A folder's file as text: on disk through the guarded reader (the file arrives through git), so
   * that a link out of the workspace or a file over `maxBytes` is refused with a warning.
   * Undefined when it is missing, refused or unreadable.
   */
  protected async readText(folder: vscode.WorkspaceFolder, maxBytes: number): Promise<string | undefined> {
    if (folder.uri.scheme !== 'file') {
      return vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, this.relativePath)).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    }
    const read = await readWorkspaceFile(folder.uri.fsPath, this.relativePath, maxBytes).catch(() => undefined);
    if (read?.kind === 'refused') this.warn(folder, read.message);
    return read?.kind === 'ok' ? new TextDecoder().decode(read.bytes) : undefined;
  }

  /** Says what is wrong with a folder's file: "`.ainews/team.json` in news: …". */
  protected warn(folder: vscode.WorkspaceFolder, message: string): void {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} in {1}: {2}', this.relativePath, inertNotificationText(folder.name), inertNotificationText(message, NOTIFICATION_MESSAGE_LENGTH)));
  }

  /**
   * Reads one folder's file (again); never throws: a problem is reported and the defaults apply.
   * @returns false when what the file holds did not change (no event then).
   */
  protected abstract load(folder: vscode.WorkspaceFolder): Promise<void | boolean>;
}
