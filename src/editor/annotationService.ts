/**
 * Connects each workspace folder's annotation store to the editor: one store per folder, and a
 * watcher on its file (git pull, checkout, a teammate's window) that merges disk changes into
 * memory. Where annotations sit in open articles is the ArticleSessions' business.
 */
import * as vscode from 'vscode';
import { anchorAt, giveVerdict } from '../core/session/anchorAt';
import { Authors } from '../core/session/authors';
import { AnnotationStore, toArticlePath, type AnnotationPatch } from '../core/store';
import type { Annotation, Status } from '../core/store/annotation';
import type { Version2Patch } from '../core/store/patchVersion2';
import { Disposable } from './disposable';
import { gitAuthor } from '../core/git/gitAuthor';
import type { Span } from './ranges';
import { onDidChangeSettings, type SettingsCache } from './settings';

/** One workspace folder's store and the listeners that keep it in step with the disk. */
interface FolderEntry {
  folder: vscode.WorkspaceFolder;
  store: AnnotationStore;
  disposables: vscode.Disposable[];
}

/** The article path an annotation file uses: relative to the folder, `/` separators. */
export function articlePathOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return toArticlePath(folder.uri.fsPath, uri.fsPath) ?? '';
}

export class AnnotationService extends Disposable {
  private readonly folders = new Map<string, FolderEntry>();
  private readonly authors = new Authors();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires once per real change of any folder's annotations (or of the set of folders). */
  readonly onDidChange = this.changed.event;
  private readonly problems = this.register(new vscode.EventEmitter<{ folder: vscode.WorkspaceFolder; message: string }>());
  /** Fires when a folder's annotation file cannot be used (invalid, newer, conflicted). */
  readonly onDidReportProblem = this.problems.event;

  constructor(private readonly settings: SettingsCache) {
    super();
    this.register(vscode.workspace.onDidChangeWorkspaceFolders((e) => void this.updateFolders(e)));
    this.register(onDidChangeSettings(['aiNews.annotationFile'], () => void this.reopenAll()));
  }

  /** Opens the stores of all workspace folders. */
  async initialize(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.openFolder(f)));
  }

  /** The store of a folder, if its file could be opened. */
  storeFor(folder: vscode.WorkspaceFolder): AnnotationStore | undefined {
    return this.folders.get(folder.uri.toString())?.store;
  }

  /** All folders with a store, in workspace order. */
  entries(): { folder: vscode.WorkspaceFolder; store: AnnotationStore }[] {
    return (vscode.workspace.workspaceFolders ?? [])
      .map((f) => this.folders.get(f.uri.toString()))
      .filter((e): e is FolderEntry => e !== undefined)
      .map(({ folder, store }) => ({ folder, store }));
  }

  /** The annotation file of a folder. */
  fileUri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, this.settings.for(folder.uri).annotationFile);
  }

  /** The annotations of a document's article as the store has them (the same objects until they change). */
  annotationsOf(document: vscode.TextDocument): readonly Annotation[] {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    return folder && entry ? entry.store.annotationsOf(articlePathOf(folder, document.uri)) : [];
  }

  /** Finds an annotation by folder URI and id (the arguments of command links and tree items). */
  find(folderUri: string, id: string): { folder: vscode.WorkspaceFolder; annotation: Annotation } | undefined {
    const entry = this.folders.get(folderUri);
    const annotation = entry?.store.get(id);
    return entry && annotation ? { folder: entry.folder, annotation } : undefined;
  }

  /** Sets a verdict on a span of an article (see giveVerdict: an annotation already on that span is updated). */
  async setVerdict(document: vscode.TextDocument, span: Span, status: Status, note: string | undefined, existingId?: string, extra: Version2Patch = {}): Promise<Annotation> {
    const folder = this.requireFolder(document.uri);
    const verdict = { status, note, existingId, extra };
    return this.change(folder, (store, author) => giveVerdict(store, { article: articlePathOf(folder, document.uri), text: document.getText(), span }, verdict, author));
  }

  /** Changes fields of an annotation (status with history, note, evidence, reviewBy). */
  update(folder: vscode.WorkspaceFolder, id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.change(folder, (store, me) => store.update(id, patch, me));
  }

  /**
   * Changes an annotation with a patch computed from its current state and "my" name in the same
   * turn as the change (a reply is appended to the comments as they are now, never to a copy a
   * watcher reload replaced in between).
   */
  updateWith(folder: vscode.WorkspaceFolder, id: string, patchFor: (current: Annotation, me: string) => AnnotationPatch): Promise<Annotation> {
    return this.change(folder, (store, me) => {
      const current = store.get(id);
      if (!current) throw new Error(vscode.l10n.t('This annotation no longer exists: it was removed, perhaps by a teammate.'));
      return store.update(id, patchFor(current, me), me);
    });
  }

  /** Deletes an annotation. */
  async remove(folder: vscode.WorkspaceFolder, id: string): Promise<void> {
    await this.change(folder, (store) => store.remove(id));
  }

  /** Moves an annotation (typically a fuzzy or orphaned one) onto a new span of the document. */
  reanchor(document: vscode.TextDocument, id: string, span: Span): Promise<Annotation> {
    const folder = this.requireFolder(document.uri);
    return this.change(folder, (store, author) => store.update(id, anchorAt(articlePathOf(folder, document.uri), document.getText(), span), author));
  }

  /** Re-reads every folder's file from disk (the watcher does this by itself; for "Rescan"). */
  async reloadAll(): Promise<void> {
    await Promise.all([...this.folders.values()].map((entry) => this.reload(entry)));
  }

  override dispose(): void {
    for (const entry of this.folders.values()) this.closeEntry(entry);
    this.folders.clear();
    super.dispose();
  }

  /**
   * Writes where an article's annotations now are (after it was saved): one store change, one save.
   * @param positions New positions by annotation id.
   */
  async movePositions(document: vscode.TextDocument, positions: ReadonlyMap<string, Span>): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    if (entry && entry.store.movePositions(positions) > 0) await this.save(entry);
  }

  /**
   * Who "I" am in a folder: the aiNews.author setting, else git's user.name (read once, without
   * blocking the extension host), else "unknown". What new verdicts and reviews are signed with.
   */
  authorFor(folder: vscode.WorkspaceFolder): Promise<string> {
    return this.authors.of(folder.uri.toString(), this.settings.for(folder.uri).author, () => gitAuthor(folder.uri.fsPath));
  }

  /** {@link authorFor} without waiting, for the views: undefined until git's user.name was read. */
  knownAuthor(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.authors.known(folder.uri.toString(), this.settings.for(folder.uri).author);
  }

  private requireEntry(folder: vscode.WorkspaceFolder): FolderEntry {
    const entry = this.folders.get(folder.uri.toString());
    if (!entry) throw new Error(vscode.l10n.t('The annotation file of {0} is not open.', folder.name));
    return entry;
  }

  private requireFolder(uri: vscode.Uri): vscode.WorkspaceFolder {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) throw new Error(vscode.l10n.t('Annotations are stored in a workspace folder: open the folder that holds this article.'));
    return folder;
  }

  /** Changes a folder's store as "me" and saves it: the one way every change goes (a failed save says why). */
  private async change<T>(folder: vscode.WorkspaceFolder, apply: (store: AnnotationStore, me: string) => T): Promise<T> {
    const entry = this.requireEntry(folder);
    const result = apply(entry.store, await this.authorFor(folder));
    await this.save(entry);
    return result;
  }

  private async save(entry: FolderEntry): Promise<void> {
    const result = await entry.store.save();
    if (!result.saved) this.problems.fire({ folder: entry.folder, message: result.reason });
  }

  private async reload(entry: FolderEntry): Promise<void> {
    await entry.store.reloadFromDisk();
    if (entry.store.readOnlyReason) this.problems.fire({ folder: entry.folder, message: entry.store.readOnlyReason });
  }

  private async openFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const relative = this.settings.for(folder.uri).annotationFile;
    const [store] = await Promise.all([AnnotationStore.open(folder.uri.fsPath, relative), this.authorFor(folder)]);
    const entry: FolderEntry = { folder, store, disposables: [] };
    entry.disposables.push(store.onDidChange(() => this.changed.fire()));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relative));
    const onDisk = (): void => void this.reload(entry);
    entry.disposables.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));
    this.folders.set(folder.uri.toString(), entry);
    if (store.readOnlyReason) this.problems.fire({ folder, message: store.readOnlyReason });
    this.changed.fire();
  }

  private closeEntry(entry: FolderEntry): void {
    for (const d of entry.disposables) d.dispose();
    entry.store.dispose?.();
  }

  private async updateFolders(event: vscode.WorkspaceFoldersChangeEvent): Promise<void> {
    for (const removed of event.removed) {
      const entry = this.folders.get(removed.uri.toString());
      if (entry) this.closeEntry(entry);
      this.folders.delete(removed.uri.toString());
    }
    await Promise.all(event.added.map((f) => this.openFolder(f)));
    this.changed.fire();
  }

  private async reopenAll(): Promise<void> {
    for (const entry of this.folders.values()) this.closeEntry(entry);
    this.folders.clear();
    await this.initialize();
  }
}
