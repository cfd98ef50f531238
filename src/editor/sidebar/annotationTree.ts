/**
 * The "Annotations" view: every annotation of the workspace, in the hierarchy of
 * core/sidebar/annotationTreeModel, narrowed by the filters of core/sidebar/annotationTreeFilters.
 * With the blind double check on, other people's verdicts on a claim are left out until you gave
 * your own (see core/team/myWork).
 *
 * The tree is built from the annotation service each time VS Code asks for it. Each folder is placed
 * once per refresh (core/sidebar/folderPlacements: an open article's snapshot has its placements,
 * a closed one is read and resolved by the core), and the placements are shared by every level of
 * the tree and the badge, which counts fuzzy and orphaned annotations across the workspace.
 */
import * as vscode from 'vscode';
import type { Annotation, Status } from '../../core/store/annotation';
import type { Grouping } from '../../core/sidebar/annotationGroups';
import type { AnnotationFilter } from '../../core/sidebar/annotationFilter';
import { knownStatuses, statusFilterFor, withFilterChange, type TreeFilters } from '../../core/sidebar/annotationTreeFilters';
import { annotationRow, articleRow, attentionTooltip, emptyFilterMessage, filterDescription, folderRow, groupRow } from '../../core/sidebar/annotationTreeRows';
import { childrenOf, ShownPlacements, treeRoots, treeSummary, type AnnotationTreeElement, type ArticlePlacements, type FolderTree } from '../../core/sidebar/annotationTreeModel';
import { FolderPlacements, type FolderToPlace } from '../../core/sidebar/folderPlacements';
import { tagsInUse, type TagUse } from '../../core/tags/tags';
import type { WorkFilter } from '../../core/team/myWork';
import type { TeamConfig } from '../../core/team/team';
import type { PlacedAnnotation, SnapshotSource } from '../articleSessions';
import type { TeamSource } from '../decorations';
import { onDidChangeSettings, type SettingsCache } from '../settings';
import { articleUri, openDocument } from '../guardedOpen';
import { groupLabel, words } from '../labels';
import { createTreeView, TreeProvider, treeItemOf } from './treeProvider';

export type { AnnotationTreeElement };

/** What the tree reads from the annotation service (AnnotationService fits). */
export interface AnnotationTreeSource {
  entries(): { folder: vscode.WorkspaceFolder; store: { readonly annotations: readonly Annotation[] } }[];
  /** Who "I" am in a folder (aiNews.author, else git's user.name); undefined until known. */
  knownAuthor(uri: vscode.Uri): string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export class AnnotationTreeProvider extends TreeProvider<AnnotationTreeElement> {
  private grouping: Grouping = 'article';
  private filters: TreeFilters = { annotation: {} };
  /** Placements per folder, placed again on every refresh (closed articles only when they or their annotations changed). */
  private readonly placements = new FolderPlacements();
  /** The placements of each open article when the view was last rebuilt for its snapshot. */
  private readonly shownPlacements = new ShownPlacements();
  /** Counts view updates so that a slow, older one never overwrites a newer badge. */
  private updateCount = 0;

  constructor(
    private readonly source: AnnotationTreeSource,
    private readonly sessions: SnapshotSource,
    private readonly settings: SettingsCache,
    private readonly teams: TeamSource,
  ) {
    super();
    this.register(source.onDidChange(() => void this.refresh()));
    this.register(teams.onDidChange(() => void this.refresh()));
    this.register(onDidChangeSettings(['aiNews.author', 'aiNews.blindDoubleCheck'], () => void this.refresh()));
    // An open article's snapshot moves its annotations (once per debounce window, not per keystroke);
    // the view is rebuilt only when it shows something else, not for spans that only moved.
    this.register(sessions.onDidChangeArticle(({ document, snapshot }) => {
      if (snapshot.placements.length === 0) return;
      if (this.shownPlacements.changes(document.uri.toString(), snapshot.placements)) void this.refresh();
      else this.placements.refresh();
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.shownPlacements.forget(document.uri.toString())));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()));
    void this.setContextKey();
  }

  /** The statuses shown, or undefined when all are. */
  get statusFilter(): readonly Status[] | undefined {
    return this.filters.statuses;
  }

  /** The tags, authors and date range shown ({} when all are). */
  get tagAuthorDateFilter(): AnnotationFilter {
    return this.filters.annotation;
  }

  /** Groups by article, status (status → article → annotation) or assignee first. */
  setGrouping(grouping: Grouping): Promise<void> {
    this.grouping = grouping;
    void this.setContextKey();
    return this.refresh();
  }

  /** Shows one person's work only (with the status filter), or everyone's (undefined). */
  setWorkFilter(work: WorkFilter | undefined): Promise<void> {
    this.filters = { ...this.filters, work };
    return this.refresh();
  }

  /** Shows only annotations with these statuses (orphans are always shown); undefined, empty or every known status: no filter. */
  setStatusFilter(statuses: readonly Status[] | undefined): Promise<void> {
    this.filters = { ...this.filters, statuses: statusFilterFor(statuses, this.knownStatuses()) };
    return this.refresh();
  }

  /** Changes the parts of the tag, author and date filter that the change names (undefined: that part off). */
  setFilter(change: AnnotationFilter): Promise<void> {
    this.filters = { ...this.filters, annotation: withFilterChange(this.filters.annotation, change) };
    return this.refresh();
  }

  /** The statuses a filter can pick (see core knownStatuses). */
  knownStatuses(): Status[] {
    return this.statusChoices().map((c) => c.status);
  }

  /** {@link knownStatuses} with their labels (a team status in the team's words for the UI language). */
  statusChoices(): { status: Status; label: string }[] {
    const folders = this.source.entries().map(({ folder, store }) => ({ team: this.teams.teamFor(folder.uri), annotations: store.annotations }));
    return knownStatuses(folders).map(({ status, team }) => ({ status, label: groupLabel(status, team) }));
  }

  /** Every tag of the annotations the view can show (the blind double check applied), the most used first. */
  async tagChoices(): Promise<TagUse[]> {
    return tagsInUse((await this.placedPerFolder()).flatMap((f) => f.placed.map((p) => p.annotation)));
  }

  /** Every folder's annotations, placed (blind double check applied): what Search Annotations lists. */
  async placedPerFolder(): Promise<{ folder: vscode.WorkspaceFolder; placed: PlacedAnnotation[] }[]> {
    return Promise.all(this.source.entries().map(async ({ folder }) => ({
      folder,
      placed: (await this.placedIn(folder.uri.toString())).flatMap((a) => a.placed),
    })));
  }

  /** Rebuilds the tree now; resolves when the badge and description are up to date. */
  refresh(): Promise<void> {
    this.placements.refresh();
    this.fireChanged();
    return this.updateView();
  }

  getTreeItem(element: AnnotationTreeElement): vscode.TreeItem {
    const entry = this.entryOf(element.folder);
    switch (element.kind) {
      case 'folder':
        return treeItemOf(folderRow(element, entry?.folder.name, this.grouping), entry?.folder.uri);
      case 'article': {
        const articles = entry ? new Set(entry.store.annotations.map((a) => a.article)).size : Infinity;
        return treeItemOf(articleRow(words, element, this.grouping, articles), entry && articleUri(entry.folder, element.article));
      }
      case 'group':
        return treeItemOf(groupRow(words, element, this.grouping, this.teamOf(element.folder)));
      case 'annotation':
        return treeItemOf(annotationRow(words, element, this.teamOf(element.folder)));
    }
  }

  async getChildren(element?: AnnotationTreeElement): Promise<AnnotationTreeElement[]> {
    return element ? childrenOf(await this.folderTree(element.folder), element) : treeRoots(await this.folderTrees());
  }

  override dispose(): void {
    this.placements.clear();
    this.shownPlacements.clear();
    super.dispose();
  }

  protected override viewAttached(): void {
    void this.updateView();
  }

  private async setContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'aiNews.groupByStatus', this.grouping === 'status');
    await vscode.commands.executeCommand('setContext', 'aiNews.groupBy', this.grouping);
  }

  /** One folder's part of the tree: its articles placed, with the grouping, the filters and who looks. */
  private async folderTree(folder: string): Promise<FolderTree> {
    const uri = vscode.Uri.parse(folder);
    const articles = await this.placedIn(folder);
    return { folder, articles, grouping: this.grouping, filters: this.filters, me: this.source.knownAuthor(uri), team: this.teams.teamFor(uri) };
  }

  private folderTrees(): Promise<FolderTree[]> {
    return Promise.all(this.source.entries().map((e) => this.folderTree(e.folder.uri.toString())));
  }

  /** The folder's articles with their annotations placed, in path order; placed once per refresh. */
  private placedIn(folderKey: string): Promise<ArticlePlacements[]> {
    const entry = this.entryOf(folderKey);
    return entry ? this.placements.placed(folderKey, () => this.folderToPlace(entry.folder, entry.store.annotations)) : Promise.resolve([]);
  }

  private folderToPlace(folder: vscode.WorkspaceFolder, annotations: readonly Annotation[]): FolderToPlace {
    const settings = this.settings.for(folder.uri);
    const me = this.source.knownAuthor(folder.uri) ?? '';
    return {
      root: folder.uri.fsPath,
      annotations,
      open: (article) => this.openPlacements(articleUri(folder, article)),
      blind: settings.blindDoubleCheck ? { team: this.teams.teamFor(folder.uri), me } : undefined,
      now: new Date(),
      maxVerifiedAgeDays: settings.maxVerifiedAgeDays,
    };
  }

  /** The placements of an open article's snapshot; undefined when no editor has it (or before its first snapshot). */
  private openPlacements(uri: vscode.Uri): readonly PlacedAnnotation[] | undefined {
    const open = openDocument(uri);
    return open && this.sessions.snapshot(open)?.placements;
  }

  private async updateView(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const update = ++this.updateCount;
    view.description = filterDescription(words, this.filters);
    // Placing failed: the tree itself shows what it can; no pop-up from here.
    const trees = await this.folderTrees().catch(() => undefined);
    if (!trees || update !== this.updateCount || this.isDisposed) return;
    const { attention: count, allHidden } = treeSummary(trees, this.filters);
    view.badge = count > 0 ? { value: count, tooltip: attentionTooltip(words, count) } : undefined;
    view.message = allHidden ? emptyFilterMessage(words, this.filters) : undefined;
  }

  private entryOf(folderKey: string): ReturnType<AnnotationTreeSource['entries']>[number] | undefined {
    return this.source.entries().find((e) => e.folder.uri.toString() === folderKey);
  }

  private teamOf(folderKey: string): TeamConfig {
    return this.teams.teamFor(vscode.Uri.parse(folderKey));
  }
}

/**
 * Creates the "Annotations" view with its provider. Dispose the provider to dispose both.
 * @param source The annotation service.
 * @param sessions The open articles' snapshots.
 * @param settings The settings per folder.
 * @param teams The team rules per folder.
 */
export function createAnnotationTreeView(source: AnnotationTreeSource, sessions: SnapshotSource, settings: SettingsCache, teams: TeamSource): {
  view: vscode.TreeView<AnnotationTreeElement>;
  provider: AnnotationTreeProvider;
} {
  return createTreeView('aiNews.annotations', new AnnotationTreeProvider(source, sessions, settings, teams));
}
