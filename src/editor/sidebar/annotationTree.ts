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
import { formatDateRange, isFilterActive, type AnnotationFilter } from '../../core/sidebar/annotationFilter';
import { knownStatuses, statusFilterFor, withFilterChange, type TreeFilters } from '../../core/sidebar/annotationTreeFilters';
import { annotationContextValue, childrenOf, rowWorkflowState, showsTheSame, startsExpanded, treeItemId, treeRoots, treeSummary, type AnnotationElement, type AnnotationTreeElement, type ArticleElement, type ArticlePlacements, type FolderElement, type FolderTree, type GroupElement } from '../../core/sidebar/annotationTreeModel';
import { FolderPlacements, type FolderToPlace } from '../../core/sidebar/folderPlacements';
import { tagsInUse, type TagUse } from '../../core/tags/tags';
import type { WorkFilter } from '../../core/team/myWork';
import type { TeamConfig } from '../../core/team/team';
import { workflowState } from '../../core/team/workflow';
import { hashtags, shortenQuote, splitArticlePath } from '../../core/sidebar/text';
import type { PlacedAnnotation, SnapshotSource } from '../articleSessions';
import type { TeamSource } from '../decorations';
import type { SettingsCache } from '../settings';
import { assigneeLabel, countedLabel, flagLabel, groupLabel, reviewLines, stateLabel, workFilterLabel, workflowLabel } from '../labels';
import { annotationIcon, assigneeIcon, groupIcon } from './treeLabels';
import { createTreeView, TreeProvider } from './treeProvider';

export type { AnnotationTreeElement };

/** What the tree reads from the annotation service (AnnotationService fits). */
export interface AnnotationTreeSource {
  entries(): { folder: vscode.WorkspaceFolder; store: { readonly annotations: readonly Annotation[] } }[];
  /** Who "I" am in a folder (aiNews.author, else git's user.name); undefined until known. */
  knownAuthor(uri: vscode.Uri): string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** The team rules per folder (TeamFiles fits). */
export type TreeTeamSource = TeamSource;

const NOTE_DESCRIPTION_LENGTH = 80;
const QUOTE_TOOLTIP_LENGTH = 400;

export class AnnotationTreeProvider extends TreeProvider<AnnotationTreeElement> {
  private grouping: Grouping = 'article';
  private filters: TreeFilters = { annotation: {} };
  /** Placements per folder, placed again on every refresh (closed articles only when they or their annotations changed). */
  private readonly placements = new FolderPlacements();
  /** The placements of each open article when the view was last rebuilt for its snapshot. */
  private readonly shownPlacements = new Map<string, readonly PlacedAnnotation[]>();
  /** Counts view updates so that a slow, older one never overwrites a newer badge. */
  private updateCount = 0;

  constructor(
    private readonly source: AnnotationTreeSource,
    private readonly sessions: SnapshotSource,
    private readonly settings: SettingsCache,
    private readonly teams: TreeTeamSource,
  ) {
    super();
    this.register(source.onDidChange(() => void this.refresh()));
    this.register(teams.onDidChange(() => void this.refresh()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiNews.author') || e.affectsConfiguration('aiNews.blindDoubleCheck')) void this.refresh();
    }));
    // An open article's snapshot moves its annotations (once per debounce window, not per keystroke);
    // the view is rebuilt only when it shows something else, not for spans that only moved.
    this.register(sessions.onDidChangeArticle(({ document, snapshot }) => {
      if (snapshot.placements.length === 0) return;
      const key = document.uri.toString();
      const before = this.shownPlacements.get(key);
      this.shownPlacements.set(key, snapshot.placements);
      if (before && showsTheSame(before, snapshot.placements)) this.placements.refresh();
      else void this.refresh();
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.shownPlacements.delete(document.uri.toString())));
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

  /** Groups by status first (status → article → annotation) or by article first. */
  setGroupByStatus(on: boolean): Promise<void> {
    return this.setGrouping(on ? 'status' : 'article');
  }

  /** Groups by article, status or assignee first. */
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
    switch (element.kind) {
      case 'folder':
        return this.folderItem(element);
      case 'article':
        return this.articleItem(element);
      case 'group':
        return this.groupItem(element);
      case 'annotation':
        return annotationItem(element, this.teamOf(element.folder));
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
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    return open && this.sessions.snapshot(open)?.placements;
  }

  private async updateView(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const update = ++this.updateCount;
    const { work, statuses, annotation } = this.filters;
    const shown = [...(work ? [workFilterLabel(work)] : []), ...(statuses ?? []).map((s) => groupLabel(s)), ...annotationFilterLabels(annotation)];
    view.description = shown.length > 0 ? vscode.l10n.t('Showing: {0}', shown.join(', ')) : undefined;
    let trees: FolderTree[];
    try {
      trees = await this.folderTrees();
    } catch {
      return; // the tree itself shows what it can; no pop-up from here
    }
    if (update !== this.updateCount || this.isDisposed) return;
    const { attention: count, allHidden } = treeSummary(trees, this.filters);
    const tooltip = count === 1
      ? vscode.l10n.t('1 annotation needs a look: disputed, or its text changed or is gone')
      : vscode.l10n.t('{0} annotations need a look: disputed, or their text changed or is gone', count);
    view.badge = count > 0 ? { value: count, tooltip } : undefined;
    view.message = allHidden ? this.emptyMessage() : undefined;
  }

  /** Why a filtered view is empty, and how to see everything again. */
  private emptyMessage(): string {
    const { work, annotation } = this.filters;
    if (isFilterActive(annotation)) return vscode.l10n.t('No annotations match the filters: {0}. Use "Clear Filters" to see all.', annotationFilterLabels(annotation).join(', '));
    return work === undefined
      ? vscode.l10n.t('No annotations with the selected statuses. Use the filter to show all.')
      : vscode.l10n.t('Nothing here: {0}. Use "Show Everyone\'s Work" to see all.', workFilterLabel(work));
  }

  private folderItem(element: FolderElement): vscode.TreeItem {
    const folder = this.entryOf(element.folder)?.folder;
    const item = new vscode.TreeItem(folder?.name ?? element.folder, vscode.TreeItemCollapsibleState.Expanded);
    item.id = treeItemId(element, this.grouping);
    item.iconPath = vscode.ThemeIcon.Folder;
    if (folder) item.resourceUri = folder.uri;
    item.contextValue = 'folder';
    return item;
  }

  private articleItem(element: ArticleElement): vscode.TreeItem {
    const { name, dir } = splitArticlePath(element.article);
    const entry = this.entryOf(element.folder);
    const expanded = startsExpanded(element, entry ? new Set(entry.store.annotations.map((a) => a.article)).size : Infinity);
    const item = new vscode.TreeItem(countedLabel(name, element.count), expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = treeItemId(element, this.grouping);
    item.description = dir;
    item.iconPath = vscode.ThemeIcon.File;
    if (entry) item.resourceUri = articleUri(entry.folder, element.article);
    item.tooltip = element.article;
    item.contextValue = 'article';
    return item;
  }

  private groupItem(element: GroupElement): vscode.TreeItem {
    const byAssignee = this.grouping === 'assignee' && element.article === undefined;
    const label = byAssignee ? assigneeLabel(element.group) : groupLabel(element.group, this.teamOf(element.folder));
    const item = new vscode.TreeItem(countedLabel(label, element.count), vscode.TreeItemCollapsibleState.Expanded);
    item.id = treeItemId(element, this.grouping);
    item.iconPath = byAssignee ? assigneeIcon(element.group) : groupIcon(element.group);
    item.contextValue = `group.${element.group}`;
    if (!byAssignee && element.group === 'orphaned') item.tooltip = vscode.l10n.t('Their text is gone from the article. Re-anchor them on new text, or delete them.');
    return item;
  }

  private entryOf(folderKey: string): ReturnType<AnnotationTreeSource['entries']>[number] | undefined {
    return this.source.entries().find((e) => e.folder.uri.toString() === folderKey);
  }

  private teamOf(folderKey: string): TeamConfig {
    return this.teams.teamFor(vscode.Uri.parse(folderKey));
  }
}

/** The tag, author and date filter in the view's description: "#Wahl 2025", "by Ben", "2025-01-01..2025-01-31". */
function annotationFilterLabels(filter: AnnotationFilter): string[] {
  return [
    ...(filter.tags ?? []).map((tag) => hashtags([tag])),
    ...(filter.authors ?? []).map((author) => vscode.l10n.t('by {0}', author)),
    ...(filter.dates ? [vscode.l10n.t('changed {0}', formatDateRange(filter.dates))] : []),
  ];
}

function annotationItem(element: AnnotationElement, team: TeamConfig): vscode.TreeItem {
  const { annotation, state, flags } = element.placed;
  const item = new vscode.TreeItem(shortenQuote(annotation.quote.exact) || vscode.l10n.t('(empty quote)'), vscode.TreeItemCollapsibleState.None);
  item.id = treeItemId(element, 'article');
  const note = shortenQuote(annotation.note, NOTE_DESCRIPTION_LENGTH);
  const workflow = rowWorkflowState(annotation, team);
  // Flags first: a long note is cut off at the end of the row. Then who checks it, and where the verdict stands when the team reviews.
  const work = [annotation.assignee && `@${annotation.assignee}`, workflow && workflowLabel(workflow)];
  item.description = [...flags.map(flagLabel), ...(state === 'fuzzy' ? [vscode.l10n.t('text changed')] : []), ...work, hashtags(annotation.tags), note].filter(Boolean).join(' · ');
  item.tooltip = annotationTooltip(element.placed, team);
  item.iconPath = annotationIcon(annotation.status, state);
  item.contextValue = annotationContextValue(element.placed);
  item.command = {
    command: 'aiNews.revealAnnotation',
    title: vscode.l10n.t('Show in the article'),
    arguments: [{ folder: element.folder, id: annotation.id }],
  };
  return item;
}

/** Plain text (notes come from other people through git, so no markdown). */
function annotationTooltip(placed: PlacedAnnotation, team: TeamConfig): string {
  const { annotation, state, flags } = placed;
  const lines = [
    `${groupLabel(annotation.status, team)} · ${workflowLabel(workflowState(annotation, team))} · ${stateLabel(state)}`,
    ...flags.map(flagLabel),
    '',
    `“${shortenQuote(annotation.quote.exact, QUOTE_TOOLTIP_LENGTH)}”`,
  ];
  if (annotation.note) lines.push('', annotation.note);
  lines.push('', vscode.l10n.t('{0}, {1}', annotation.author, annotation.modified.slice(0, 10)));
  if (annotation.assignee) lines.push(vscode.l10n.t('Assigned to {0}', annotation.assignee));
  if (annotation.tags?.length) lines.push(vscode.l10n.t('Tags: {0}', annotation.tags.join(', ')));
  lines.push(...reviewLines(annotation, team), annotation.article);
  return lines.join('\n');
}

function articleUri(folder: vscode.WorkspaceFolder, article: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...article.split('/'));
}

/**
 * Creates the "Annotations" view with its provider. Dispose the provider to dispose both.
 * @param source The annotation service.
 * @param sessions The open articles' snapshots.
 * @param settings The settings per folder.
 * @param teams The team rules per folder.
 */
export function createAnnotationTreeView(source: AnnotationTreeSource, sessions: SnapshotSource, settings: SettingsCache, teams: TreeTeamSource): {
  view: vscode.TreeView<AnnotationTreeElement>;
  provider: AnnotationTreeProvider;
} {
  return createTreeView('aiNews.annotations', new AnnotationTreeProvider(source, sessions, settings, teams));
}
