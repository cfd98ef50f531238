/**
 * Connects each workspace folder's annotation store to the editor: one store per folder, a watcher
 * on its file (git pull, checkout, a teammate's window) that merges disk changes into memory, live
 * anchoring while an article is edited, and re-anchoring when an article changes outside the editor.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { contentHash } from '../core/review/contentHash';
import { reviewFlags } from '../core/review/reviewState';
import {
  AnnotationStore,
  makeQuote,
  mapPositionThroughEdit,
  resolveAll,
  resolveAnchor,
} from '../core/store';
import type { AnchorState, Annotation, Status } from '../core/store/annotation';
import { Disposable } from './disposable';
import { gitAuthor } from './gitAuthor';
import type { AnnotationSource, PlacedAnnotation } from './placedAnnotation';
import type { Span } from './ranges';
import { readSettings } from './settings';

/** Where an annotation sits in an open document, kept current through every edit. */
interface Placement {
  state: AnchorState;
  span?: Span;
}

interface DocumentPlacements {
  storeRevision: number;
  version: number;
  byId: Map<string, Placement>;
}

/** One workspace folder's store and the listeners that keep it in step with the disk. */
interface FolderEntry {
  folder: vscode.WorkspaceFolder;
  store: AnnotationStore;
  /** Bumped on every store change, so cached placements know when they are stale. */
  revision: number;
  disposables: vscode.Disposable[];
}

/** The article path an annotation file uses: relative to the folder, `/` separators. */
export function articlePathOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
}

export class AnnotationService extends Disposable implements AnnotationSource {
  private readonly folders = new Map<string, FolderEntry>();
  private readonly placements = new Map<string, DocumentPlacements>();
  private readonly gitAuthors = new Map<string, string | undefined>();
  /** The content hash of each open article at its current version ("article changed since review"). */
  private readonly hashes = new Map<string, { version: number; hash: string }>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when any folder's annotations or any placement changed. */
  readonly onDidChange = this.changed.event;
  private readonly problems = this.register(new vscode.EventEmitter<{ folder: vscode.WorkspaceFolder; message: string }>());
  /** Fires when a folder's annotation file cannot be used (invalid, newer, conflicted). */
  readonly onDidReportProblem = this.problems.event;

  constructor(private readonly now: () => Date = () => new Date()) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.followEdits(e)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.persistPlacements(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.placements.delete(d.uri.toString());
      this.hashes.delete(d.uri.toString());
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders((e) => void this.updateFolders(e)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('aiNews.annotationFile')) void this.reopenAll();
      }),
    );
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
    return vscode.Uri.joinPath(folder.uri, readSettings(folder).annotationFile);
  }

  /** Every annotation of a document's article, placed in the document's current text. */
  placedAnnotations(document: vscode.TextDocument): PlacedAnnotation[] {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    if (!folder || !entry) return [];
    const article = articlePathOf(folder, document.uri);
    const annotations = entry.store.annotations.filter((a) => a.article === article);
    if (annotations.length === 0) return [];
    const placements = this.placementsFor(document, entry, annotations);
    const context = { now: this.now(), articleTextHash: this.hashOf(document), maxVerifiedAgeDays: readSettings(folder).maxVerifiedAgeDays };
    return annotations.map((annotation) => {
      const placement = placements.byId.get(annotation.id) ?? { state: 'orphaned' as const };
      return { annotation, folder, state: placement.state, span: placement.span, flags: reviewFlags(annotation, context) };
    });
  }

  /** Finds an annotation by folder URI and id (the arguments of command links and tree items). */
  find(folderUri: string, id: string): { folder: vscode.WorkspaceFolder; annotation: Annotation } | undefined {
    const entry = this.folders.get(folderUri);
    const annotation = entry?.store.annotations.find((a) => a.id === id);
    return entry && annotation ? { folder: entry.folder, annotation } : undefined;
  }

  /**
   * Sets a verdict on a span of an article. An annotation already on exactly that span is updated
   * (its history records the change) instead of stacking a duplicate.
   */
  async setVerdict(document: vscode.TextDocument, span: Span, status: Status, note: string | undefined): Promise<Annotation> {
    const { folder, entry } = this.requireFolder(document.uri);
    const existing = this.placedAnnotations(document).find((p) => p.span && p.span.start === span.start && p.span.end === span.end);
    if (existing) {
      const patch: Partial<Annotation> = { status };
      if (note !== undefined && note !== '') patch.note = note;
      const updated = entry.store.update(existing.annotation.id, patch, this.author(folder));
      await this.save(entry);
      return updated;
    }
    const text = document.getText();
    const created = entry.store.add({
      article: articlePathOf(folder, document.uri),
      status,
      quote: makeQuote(text, span.start, span.end),
      position: { start: span.start, end: span.end },
      note: note ?? '',
      articleHash: contentHash(text),
    }, this.author(folder));
    this.cachedPlacements(document)?.byId.set(created.id, { state: 'exact', span });
    await this.save(entry);
    return created;
  }

  /** Changes fields of an annotation (status with history, note, evidence, reviewBy). */
  async update(folder: vscode.WorkspaceFolder, id: string, patch: Partial<Annotation>): Promise<Annotation> {
    const entry = this.requireEntry(folder);
    const updated = entry.store.update(id, patch, this.author(folder));
    await this.save(entry);
    return updated;
  }

  /** Deletes an annotation. */
  async remove(folder: vscode.WorkspaceFolder, id: string): Promise<void> {
    const entry = this.requireEntry(folder);
    entry.store.remove(id);
    await this.save(entry);
  }

  /** Moves an annotation (typically a fuzzy or orphaned one) onto a new span of the document. */
  async reanchor(document: vscode.TextDocument, id: string, span: Span): Promise<Annotation> {
    const { folder, entry } = this.requireFolder(document.uri);
    const text = document.getText();
    const updated = entry.store.update(id, {
      article: articlePathOf(folder, document.uri),
      quote: makeQuote(text, span.start, span.end),
      position: { start: span.start, end: span.end },
      articleHash: contentHash(text),
    }, this.author(folder));
    this.cachedPlacements(document)?.byId.set(id, { state: 'exact', span });
    await this.save(entry);
    return updated;
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

  private hashOf(document: vscode.TextDocument): string {
    const key = document.uri.toString();
    const cached = this.hashes.get(key);
    if (cached?.version === document.version) return cached.hash;
    const hash = contentHash(document.getText());
    this.hashes.set(key, { version: document.version, hash });
    return hash;
  }

  private author(folder: vscode.WorkspaceFolder): string {
    const configured = readSettings(folder).author;
    if (configured) return configured;
    const key = folder.uri.toString();
    if (!this.gitAuthors.has(key)) this.gitAuthors.set(key, gitAuthor(folder.uri.fsPath));
    return this.gitAuthors.get(key) ?? 'unknown';
  }

  private requireEntry(folder: vscode.WorkspaceFolder): FolderEntry {
    const entry = this.folders.get(folder.uri.toString());
    if (!entry) throw new Error(vscode.l10n.t('The annotation file of {0} is not open.', folder.name));
    return entry;
  }

  private requireFolder(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; entry: FolderEntry } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) throw new Error(vscode.l10n.t('Annotations are stored in a workspace folder: open the folder that holds this article.'));
    return { folder, entry: this.requireEntry(folder) };
  }

  private async save(entry: FolderEntry): Promise<void> {
    const result = await entry.store.save();
    if (!result.saved) this.problems.fire({ folder: entry.folder, message: result.reason });
  }

  private async reload(entry: FolderEntry): Promise<void> {
    await entry.store.reloadFromDisk();
    if (entry.store.readOnlyReason) this.problems.fire({ folder: entry.folder, message: entry.store.readOnlyReason });
  }

  private cachedPlacements(document: vscode.TextDocument): DocumentPlacements | undefined {
    return this.placements.get(document.uri.toString());
  }

  /** Placements of a document's annotations, resolved once per store revision and then kept by edits. */
  private placementsFor(document: vscode.TextDocument, entry: FolderEntry, annotations: Annotation[]): DocumentPlacements {
    const cached = this.cachedPlacements(document);
    if (cached && cached.storeRevision === entry.revision && cached.version === document.version && annotations.every((a) => cached.byId.has(a.id))) {
      return cached;
    }
    const resolved = resolveAll(document.getText(), annotations);
    const byId = new Map<string, Placement>();
    annotations.forEach((a, i) => {
      const r = resolved[i];
      byId.set(a.id, r.state === 'orphaned' || r.start === undefined || r.end === undefined ? { state: 'orphaned' } : { state: r.state, span: { start: r.start, end: r.end } });
    });
    const placements = { storeRevision: entry.revision, version: document.version, byId };
    this.placements.set(document.uri.toString(), placements);
    return placements;
  }

  /**
   * Moves cached placements through each edit exactly. A range that an edit swallowed whole (as when
   * VS Code reloads a file changed on disk) is found again by its quote.
   */
  private followEdits(event: vscode.TextDocumentChangeEvent): void {
    const cached = this.cachedPlacements(event.document);
    if (!cached || event.contentChanges.length === 0) return;
    const folder = vscode.workspace.getWorkspaceFolder(event.document.uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    if (!entry) return;
    const lost: string[] = [];
    // VS Code reports simultaneous changes against the old text, last change first.
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const [id, placement] of cached.byId) {
      if (!placement.span) continue;
      let span: Span | null = placement.span;
      for (const change of changes) {
        span = span && mapPositionThroughEdit(span, { offset: change.rangeOffset, deletedLength: change.rangeLength, insertedText: change.text });
      }
      if (span) placement.span = span;
      else lost.push(id);
    }
    if (lost.length > 0) {
      const text = event.document.getText();
      for (const id of lost) {
        const annotation = entry.store.annotations.find((a) => a.id === id);
        if (!annotation) continue;
        const r = resolveAnchor(text, annotation.quote, annotation.position);
        cached.byId.set(id, r.start === undefined || r.end === undefined ? { state: 'orphaned' } : { state: r.state, span: { start: r.start, end: r.end } });
      }
    }
    cached.version = event.document.version;
    this.changed.fire();
  }

  /** After an article is saved, its annotations' positions are written to match the saved text. */
  private async persistPlacements(document: vscode.TextDocument): Promise<void> {
    const cached = this.cachedPlacements(document);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    if (!cached || !entry) return;
    const positions = new Map<string, Span>();
    for (const [id, placement] of cached.byId) {
      if (placement.span && placement.state !== 'fuzzy') positions.set(id, placement.span);
    }
    if (entry.store.movePositions(positions) > 0) await this.save(entry);
  }

  private async openFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const relative = readSettings(folder).annotationFile;
    const store = await AnnotationStore.open(folder.uri.fsPath, relative);
    const entry: FolderEntry = { folder, store, revision: 0, disposables: [] };
    entry.disposables.push(store.onDidChange(() => {
      entry.revision += 1;
      this.changed.fire();
    }));
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
    this.placements.clear();
    await this.initialize();
  }
}
