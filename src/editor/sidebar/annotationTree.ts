/**
 * The "Annotations" view: every annotation of the workspace, article → status → annotation, or
 * status (or assignee) → article → annotation when grouped by status (or assignee) first; one more
 * level for the workspace folder when there are several. Filters narrow it: statuses, one person's
 * work ("Assigned to me", "Awaiting my review"), and tags, authors and a date range
 * (core/sidebar/annotationFilter). With the blind double check on, other
 * people's verdicts on a claim are left out until you gave your own (see core/team/myWork).
 *
 * The tree is built from the annotation service each time VS Code asks for it. To show whether an
 * annotation still finds its text (fuzzy, orphaned), each article with annotations is placed in its
 * current text: an open article's snapshot has its placements; an article no editor has is read and
 * resolved by the core, as `ai-news-annotator check` does (a few at a time, and only again when the
 * file or its annotations change), never opened as a document. That is needed anyway for the badge,
 * which counts fuzzy and orphaned annotations across the workspace. An article that cannot be read
 * (deleted, renamed) has only orphans. Placements are computed once per refresh and shared by every
 * level of the tree.
 */
import * as vscode from 'vscode';
import type { Annotation, Status } from '../../core/store/annotation';
import { STATUSES } from '../../core/store/annotation';
import { attentionCount, byPosition, groupByKey, groupItems, groupsFor, passesFilter, type GroupKey, type Grouping } from '../../core/sidebar/annotationGroups';
import { formatDateRange, isFilterActive, passesAnnotationFilter, type AnnotationFilter } from '../../core/sidebar/annotationFilter';
import { tagsInUse, type TagUse } from '../../core/tags/tags';
import { blindVisible, passesWorkFilter, type WorkFilter } from '../../core/team/myWork';
import type { TeamConfig } from '../../core/team/team';
import { workflowState } from '../../core/team/workflow';
import { placeClosedArticle } from '../../core/session/closedArticle';
import { mapLimit } from '../../core/sidebar/concurrency';
import { shortenQuote, splitArticlePath } from '../../core/sidebar/text';
import type { PlacedAnnotation, SnapshotSource } from '../articleSessions';
import { Disposable } from '../disposable';
import type { SettingsCache } from '../settings';
import { assigneeLabel, countedLabel, flagLabel, groupLabel, reviewLines, stateLabel, workFilterLabel, workflowLabel } from '../labels';
import { annotationIcon, assigneeIcon, groupIcon } from './treeLabels';

/** What the tree reads from the annotation service (AnnotationService fits). */
export interface AnnotationTreeSource {
  entries(): { folder: vscode.WorkspaceFolder; store: { readonly annotations: readonly Annotation[] } }[];
  /** Who "I" am in a folder (aiNews.author, else git's user.name); undefined until known. */
  knownAuthor(uri: vscode.Uri): string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** The team rules per folder (TeamFiles fits). */
export interface TreeTeamSource {
  teamFor(uri: vscode.Uri): TeamConfig;
  readonly onDidChange: vscode.Event<void>;
}

export interface FolderElement {
  kind: 'folder';
  /** The folder's URI as a string. */
  folder: string;
}

export interface ArticleElement {
  kind: 'article';
  folder: string;
  /** The article path as the annotation file has it. */
  article: string;
  /** The status (or assignee) group above it, when grouped by status (or assignee) first. */
  group?: GroupKey;
  /** Annotations shown below it. */
  count: number;
}

export interface GroupElement {
  kind: 'group';
  folder: string;
  group: GroupKey;
  /** The article above it, when grouped by article first. */
  article?: string;
  /** Annotations shown below it. */
  count: number;
}

/** What context-menu commands receive: `folder` (URI string) and `id` find the annotation. */
export interface AnnotationElement {
  kind: 'annotation';
  folder: string;
  id: string;
  article: string;
  group: GroupKey;
  placed: PlacedAnnotation;
}

export type AnnotationTreeElement = FolderElement | ArticleElement | GroupElement | AnnotationElement;

/** One article's annotations, placed in its current text. */
interface ArticlePlacements {
  folder: vscode.WorkspaceFolder;
  article: string;
  placed: PlacedAnnotation[];
}

/** Annotations work in articles too large to analyse; only files beyond this are not read for the tree. */
const CLOSED_ARTICLE_MAX_BYTES = 32 * 1024 * 1024;
/** Articles read from disk at the same time. */
const OPEN_CONCURRENCY = 8;
/** Up to this many articles, article nodes start expanded. */
const EXPAND_ARTICLES_UP_TO = 20;
const NOTE_DESCRIPTION_LENGTH = 80;
const QUOTE_TOOLTIP_LENGTH = 400;

export class AnnotationTreeProvider extends Disposable implements vscode.TreeDataProvider<AnnotationTreeElement> {
  private readonly changed = this.register(new vscode.EventEmitter<AnnotationTreeElement | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private grouping: Grouping = 'article';
  private filter: Status[] | undefined;
  private workFilter: WorkFilter | undefined;
  private annotationFilter: AnnotationFilter = {};
  private view: vscode.TreeView<AnnotationTreeElement> | undefined;
  /** Placements per folder for the current refresh; dropped whenever the annotations change. */
  private placements = new Map<string, Promise<ArticlePlacements[]>>();
  /**
   * Placements of articles that are not open, by URI: kept while neither the file (mtime, size)
   * nor its annotations changed, so that a refresh reads and resolves only what did.
   */
  private readonly closedArticles = new Map<string, { stamp: string; placed: PlacedAnnotation[] }>();
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
    // An open article's snapshot moves its annotations (once per debounce window, not per keystroke).
    this.register(sessions.onDidChangeArticle(({ snapshot }) => {
      if (snapshot.placements.length > 0) void this.refresh();
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()));
    void this.setContextKey();
  }

  /** Lets the provider keep the view's badge and description current; the view is disposed with it. */
  attach(view: vscode.TreeView<AnnotationTreeElement>): Promise<void> {
    this.view = this.register(view);
    return this.updateView();
  }

  get groupByStatus(): boolean {
    return this.grouping === 'status';
  }

  /** What the tree groups by first. */
  get groupedBy(): Grouping {
    return this.grouping;
  }

  /** "Assigned to me", "Awaiting my review", or undefined for everyone's work. */
  get currentWorkFilter(): WorkFilter | undefined {
    return this.workFilter;
  }

  /** The statuses shown, or undefined when all are. */
  get statusFilter(): readonly Status[] | undefined {
    return this.filter;
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
  setWorkFilter(filter: WorkFilter | undefined): Promise<void> {
    this.workFilter = filter;
    return this.refresh();
  }

  /**
   * The statuses a filter can pick: the built-in ones, each folder's team statuses, and any other
   * status an annotation has (one the team file no longer defines is still shown, never dropped).
   */
  knownStatuses(): Status[] {
    return this.statusChoices().map((c) => c.status);
  }

  /** {@link knownStatuses} with their labels (a team status in the team's words for the UI language). */
  statusChoices(): { status: Status; label: string }[] {
    const known = new Map<Status, string>(STATUSES.map((s) => [s, groupLabel(s)]));
    for (const { folder, store } of this.source.entries()) {
      const team = this.teams.teamFor(folder.uri);
      for (const status of team.statuses) if (!known.has(status.id)) known.set(status.id, groupLabel(status.id, team));
      for (const { status } of store.annotations) if (!known.has(status)) known.set(status, groupLabel(status, team));
    }
    return [...known].map(([status, label]) => ({ status, label }));
  }

  /** The tags, authors and date range shown ({} when all are). */
  get tagAuthorDateFilter(): AnnotationFilter {
    return this.annotationFilter;
  }

  /** Every tag of the annotations the view can show (the blind double check applied), the most used first. */
  async tagChoices(): Promise<TagUse[]> {
    return tagsInUse((await this.placedPerFolder()).flatMap((f) => f.placed.map((p) => p.annotation)));
  }

  /** Changes the parts of the tag, author and date filter that the change names (undefined: that part off). */
  setFilter(change: AnnotationFilter): Promise<void> {
    const next: AnnotationFilter = { ...this.annotationFilter, ...change };
    for (const key of ['tags', 'authors', 'dates'] as const) if (key in change && change[key] === undefined) delete next[key];
    this.annotationFilter = next;
    return this.refresh();
  }

  /** Every folder's annotations, placed (blind double check applied): what Search Annotations lists. */
  async placedPerFolder(): Promise<{ folder: vscode.WorkspaceFolder; placed: PlacedAnnotation[] }[]> {
    return Promise.all(this.source.entries().map(async ({ folder }) => ({
      folder,
      placed: (await this.placedIn(folder.uri.toString())).flatMap((a) => a.placed),
    })));
  }

  /** Shows only annotations with these statuses (orphans are always shown); undefined, empty or every known status: no filter. */
  setStatusFilter(statuses: readonly Status[] | undefined): Promise<void> {
    const unique = [...new Set(statuses ?? [])];
    const everything = this.knownStatuses().every((s) => unique.includes(s));
    this.filter = unique.length === 0 || everything ? undefined : unique;
    return this.refresh();
  }

  /** Rebuilds the tree now; resolves when the badge and description are up to date. */
  refresh(): Promise<void> {
    this.placements.clear();
    this.changed.fire(undefined);
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
    if (!element) return this.rootChildren();
    if (element.kind === 'annotation') return [];
    if (element.kind === 'folder') return this.folderChildren(element.folder);
    const articles = await this.placedIn(element.folder);
    return this.grouping === 'article' ? this.articleFirstChildren(element, articles) : this.groupFirstChildren(element, articles, this.grouping);
  }

  /** The parent as getChildren lists it (with its count), so that `view.reveal` works. */
  getParent(element: AnnotationTreeElement): Promise<AnnotationTreeElement | undefined> {
    return this.parentOf(element);
  }

  /** Every annotation of the workspace, placed; what the badge counts. */
  async allPlaced(): Promise<PlacedAnnotation[]> {
    const perFolder = await Promise.all(this.source.entries().map((e) => this.placedIn(e.folder.uri.toString())));
    return perFolder.flat().flatMap((a) => a.placed);
  }

  /** The annotations the filters let through, per folder (what the tree lists). */
  private async allVisible(): Promise<PlacedAnnotation[]> {
    const perFolder = await Promise.all(this.source.entries().map(async (e) => {
      const key = e.folder.uri.toString();
      return (await this.placedIn(key)).flatMap((a) => this.visible(key, a.placed));
    }));
    return perFolder.flat();
  }

  override dispose(): void {
    this.closedArticles.clear();
    super.dispose();
  }

  private async parentOf(element: NodeKey): Promise<AnnotationTreeElement | undefined> {
    const key = parentKey(element, this.grouping !== 'article');
    if (key === undefined) return undefined;
    if (key.kind === 'folder') return this.isMultiRoot() ? key : undefined;
    const siblings = await this.getChildren(await this.parentOf(key));
    return siblings.find((s) => elementKey(s) === elementKey(key));
  }

  private async setContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'aiNews.groupByStatus', this.grouping === 'status');
    await vscode.commands.executeCommand('setContext', 'aiNews.groupBy', this.grouping);
  }

  private isMultiRoot(): boolean {
    return this.source.entries().length > 1;
  }

  private async rootChildren(): Promise<AnnotationTreeElement[]> {
    const entries = this.source.entries();
    if (entries.length === 1) return this.folderChildren(entries[0].folder.uri.toString());
    const folders: AnnotationTreeElement[] = [];
    for (const entry of entries) {
      const key = entry.folder.uri.toString();
      if ((await this.folderChildren(key)).length > 0) folders.push({ kind: 'folder', folder: key });
    }
    return folders;
  }

  private async folderChildren(folder: string): Promise<AnnotationTreeElement[]> {
    const articles = await this.placedIn(folder);
    if (this.grouping !== 'article') {
      const all = articles.flatMap((a) => this.visible(folder, a.placed));
      return groupsFor(all.map(groupable), this.grouping).map(({ key, items }): GroupElement => ({ kind: 'group', folder, group: key, count: items.length }));
    }
    return articles
      .map((a): ArticleElement => ({ kind: 'article', folder, article: a.article, count: this.visible(folder, a.placed).length }))
      .filter((a) => a.count > 0);
  }

  /** article → group → annotation. */
  private articleFirstChildren(element: ArticleElement | GroupElement, articles: ArticlePlacements[]): AnnotationTreeElement[] {
    const article = element.article === undefined ? undefined : articles.find((a) => a.article === element.article);
    if (!article) return [];
    const groups = groupItems(this.visible(element.folder, article.placed).map(groupable));
    if (element.kind === 'article') {
      return groups.map(({ key, items }): GroupElement => ({ kind: 'group', folder: element.folder, group: key, article: article.article, count: items.length }));
    }
    const group = groups.find((g) => g.key === element.group);
    return group ? annotationElements(element.folder, article.article, group.key, group.items.map((g) => g.placed)) : [];
  }

  /** group (status or assignee) → article → annotation. */
  private groupFirstChildren(element: ArticleElement | GroupElement, articles: ArticlePlacements[], grouping: Exclude<Grouping, 'article'>): AnnotationTreeElement[] {
    const key = element.group;
    if (key === undefined) return [];
    const inGroup = (a: ArticlePlacements): PlacedAnnotation[] =>
      groupsFor(this.visible(element.folder, a.placed).map(groupable), grouping).find((g) => g.key === key)?.items.map((g) => g.placed) ?? [];
    if (element.kind === 'group') {
      return articles
        .map((a): ArticleElement => ({ kind: 'article', folder: element.folder, article: a.article, group: key, count: inGroup(a).length }))
        .filter((a) => a.count > 0);
    }
    const article = articles.find((a) => a.article === element.article);
    return article ? annotationElements(element.folder, article.article, key, inGroup(article)) : [];
  }

  /** The annotations every filter lets through. */
  private visible(folderKey: string, placed: readonly PlacedAnnotation[]): PlacedAnnotation[] {
    const statusOk = placed.filter((p) => passesFilter(groupable(p), this.filter) && passesAnnotationFilter(p.annotation, this.annotationFilter));
    if (this.workFilter === undefined) return statusOk;
    const uri = vscode.Uri.parse(folderKey);
    const me = this.source.knownAuthor(uri);
    const team = this.teams.teamFor(uri);
    return me === undefined ? [] : statusOk.filter((p) => passesWorkFilter(p.annotation, this.workFilter, team, me));
  }

  /** The folder's articles with their annotations placed, in path order; computed once per refresh. */
  private placedIn(folderKey: string): Promise<ArticlePlacements[]> {
    let pending = this.placements.get(folderKey);
    if (!pending) {
      const entry = this.source.entries().find((e) => e.folder.uri.toString() === folderKey);
      pending = entry ? this.placeFolder(entry.folder, entry.store.annotations) : Promise.resolve([]);
      this.placements.set(folderKey, pending);
    }
    return pending;
  }

  private async placeFolder(folder: vscode.WorkspaceFolder, annotations: readonly Annotation[]): Promise<ArticlePlacements[]> {
    const byArticle = groupByKey(annotations, (a) => a.article);
    // Blind double check: others' verdicts stay out until I gave mine (open articles' sessions do the same).
    const me = this.source.knownAuthor(folder.uri);
    const blind = this.settings.for(folder.uri).blindDoubleCheck;
    if (blind) {
      const team = this.teams.teamFor(folder.uri);
      for (const [article, list] of byArticle) byArticle.set(article, [...blindVisible(list, team, me ?? '', true)]);
    }
    const paths = [...byArticle.keys()].sort((a, b) => a.localeCompare(b));
    this.forgetClosedArticlesBut(folder, paths);
    return mapLimit(paths, OPEN_CONCURRENCY, async (article) => ({
      folder,
      article,
      placed: await this.placeArticle(folder, article, byArticle.get(article) ?? []),
    }));
  }

  /** Places an article's annotations in its current text; an article that cannot be read has only orphans. */
  private async placeArticle(folder: vscode.WorkspaceFolder, article: string, annotations: readonly Annotation[]): Promise<PlacedAnnotation[]> {
    const uri = articleUri(folder, article);
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const snapshot = open && this.sessions.snapshot(open);
    if (snapshot) {
      this.closedArticles.delete(key);
      return [...snapshot.placements];
    }
    const stamp = `${await fileStamp(uri)}|${annotationsStamp(annotations)}`;
    const cached = this.closedArticles.get(key);
    if (cached?.stamp === stamp) return cached.placed;
    const settings = this.settings.for(folder.uri);
    const placed = await placeClosedArticle(folder.uri.fsPath, article, annotations, { now: new Date(), maxVerifiedAgeDays: settings.maxVerifiedAgeDays, maxBytes: CLOSED_ARTICLE_MAX_BYTES });
    this.closedArticles.set(key, { stamp, placed });
    return placed;
  }

  private forgetClosedArticlesBut(folder: vscode.WorkspaceFolder, articles: readonly string[]): void {
    const keep = new Set(articles.map((a) => articleUri(folder, a).toString()));
    const prefix = folder.uri.toString();
    for (const key of this.closedArticles.keys()) {
      if (key.startsWith(prefix) && !keep.has(key)) this.closedArticles.delete(key);
    }
  }

  private async updateView(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const update = ++this.updateCount;
    const shown = [...(this.workFilter ? [workFilterLabel(this.workFilter)] : []), ...(this.filter ?? []).map((s) => groupLabel(s)), ...annotationFilterLabels(this.annotationFilter)];
    view.description = shown.length > 0 ? vscode.l10n.t('Showing: {0}', shown.join(', ')) : undefined;
    let placed: PlacedAnnotation[];
    try {
      placed = await this.allPlaced();
    } catch {
      return; // the tree itself shows what it can; no pop-up from here
    }
    if (update !== this.updateCount || this.isDisposed) return;
    const count = attentionCount(placed.map(groupable));
    const tooltip = count === 1
      ? vscode.l10n.t('1 annotation needs a look: disputed, or its text changed or is gone')
      : vscode.l10n.t('{0} annotations need a look: disputed, or their text changed or is gone', count);
    view.badge = count > 0 ? { value: count, tooltip } : undefined;
    const filtered = this.filter !== undefined || this.workFilter !== undefined || isFilterActive(this.annotationFilter);
    const hidden = filtered && placed.length > 0 && (await this.allVisible()).length === 0;
    if (update !== this.updateCount || this.isDisposed) return;
    view.message = !hidden ? undefined : this.emptyMessage();
  }

  /** Why a filtered view is empty, and how to see everything again. */
  private emptyMessage(): string {
    if (isFilterActive(this.annotationFilter)) return vscode.l10n.t('No annotations match the filters: {0}. Use "Clear Filters" to see all.', annotationFilterLabels(this.annotationFilter).join(', '));
    return this.workFilter === undefined
      ? vscode.l10n.t('No annotations with the selected statuses. Use the filter to show all.')
      : vscode.l10n.t('Nothing here: {0}. Use "Show Everyone\'s Work" to see all.', workFilterLabel(this.workFilter));
  }

  private folderItem(element: FolderElement): vscode.TreeItem {
    const folder = this.source.entries().find((e) => e.folder.uri.toString() === element.folder)?.folder;
    const item = new vscode.TreeItem(folder?.name ?? element.folder, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.modeKey()}|${elementKey(element)}`;
    item.iconPath = vscode.ThemeIcon.Folder;
    if (folder) item.resourceUri = folder.uri;
    item.contextValue = 'folder';
    return item;
  }

  private articleItem(element: ArticleElement): vscode.TreeItem {
    const { name, dir } = splitArticlePath(element.article);
    const entry = this.source.entries().find((e) => e.folder.uri.toString() === element.folder);
    const expanded = element.group !== undefined || (entry ? new Set(entry.store.annotations.map((a) => a.article)).size <= EXPAND_ARTICLES_UP_TO : false);
    const item = new vscode.TreeItem(countedLabel(name, element.count), expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.modeKey()}|${elementKey(element)}`;
    item.description = dir;
    item.iconPath = vscode.ThemeIcon.File;
    if (entry) item.resourceUri = articleUri(entry.folder, element.article);
    item.tooltip = element.article;
    item.contextValue = 'article';
    return item;
  }

  private groupItem(element: GroupElement): vscode.TreeItem {
    const byAssignee = this.grouping === 'assignee' && element.article === undefined;
    const team = this.teamOf(element.folder);
    const label = byAssignee ? assigneeLabel(element.group) : groupLabel(element.group, team);
    const item = new vscode.TreeItem(countedLabel(label, element.count), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.modeKey()}|${elementKey(element)}`;
    item.iconPath = byAssignee ? assigneeIcon(element.group) : groupIcon(element.group);
    item.contextValue = `group.${element.group}`;
    if (!byAssignee && element.group === 'orphaned') item.tooltip = vscode.l10n.t('Their text is gone from the article. Re-anchor them on new text, or delete them.');
    return item;
  }

  private modeKey(): string {
    return this.grouping[0];
  }

  private teamOf(folderKey: string): TeamConfig {
    return this.teams.teamFor(vscode.Uri.parse(folderKey));
  }
}

/** What identifies a node whatever its count. */
function elementKey(element: NodeKey): string {
  switch (element.kind) {
    case 'folder':
      return `f|${element.folder}`;
    case 'article':
      return `a|${element.folder}|${element.group ?? ''}|${element.article}`;
    case 'group':
      return `g|${element.folder}|${element.article ?? ''}|${element.group}`;
    case 'annotation':
      return `n|${element.folder}|${element.id}`;
  }
}

/** A node without its count: enough to find it among its siblings. */
type NodeKey = FolderElement | Omit<ArticleElement, 'count'> | Omit<GroupElement, 'count'> | AnnotationElement;

/** The parent of a node (a folder node even for a single folder; the caller decides). */
function parentKey(element: NodeKey, byStatus: boolean): NodeKey | undefined {
  const folder: FolderElement = { kind: 'folder', folder: element.folder };
  switch (element.kind) {
    case 'folder':
      return undefined;
    case 'article':
      return element.group ? { kind: 'group', folder: element.folder, group: element.group } : folder;
    case 'group':
      return element.article ? { kind: 'article', folder: element.folder, article: element.article } : folder;
    case 'annotation':
      return byStatus
        ? { kind: 'article', folder: element.folder, article: element.article, group: element.group }
        : { kind: 'group', folder: element.folder, group: element.group, article: element.article };
  }
}

/** The tag, author and date filter in the view's description: "#Wahl 2025", "by Ben", "2025-01-01..2025-01-31". */
function annotationFilterLabels(filter: AnnotationFilter): string[] {
  return [
    ...(filter.tags ?? []).map((tag) => `#${tag}`),
    ...(filter.authors ?? []).map((author) => vscode.l10n.t('by {0}', author)),
    ...(filter.dates ? [vscode.l10n.t('changed {0}', formatDateRange(filter.dates))] : []),
  ];
}

function groupable(placed: PlacedAnnotation): { status: Status; state: PlacedAnnotation['state']; assignee?: string; placed: PlacedAnnotation } {
  return { status: placed.annotation.status, state: placed.state, assignee: placed.annotation.assignee, placed };
}

function annotationElements(folder: string, article: string, group: GroupKey, placed: readonly PlacedAnnotation[]): AnnotationElement[] {
  return byPosition(placed, (p) => p.span?.start ?? p.annotation.position.start).map((p) => ({
    kind: 'annotation',
    folder,
    id: p.annotation.id,
    article,
    group,
    placed: p,
  }));
}

function annotationItem(element: AnnotationElement, team: TeamConfig): vscode.TreeItem {
  const { annotation, state, flags } = element.placed;
  const item = new vscode.TreeItem(shortenQuote(annotation.quote.exact) || vscode.l10n.t('(empty quote)'), vscode.TreeItemCollapsibleState.None);
  item.id = elementKey(element);
  const note = shortenQuote(annotation.note, NOTE_DESCRIPTION_LENGTH);
  // Flags first: a long note is cut off at the end of the row.
  const work = workDescription(annotation, team);
  item.description = [...flags.map(flagLabel), ...(state === 'fuzzy' ? [vscode.l10n.t('text changed')] : []), ...work, tagsLabel(annotation), note].filter(Boolean).join(' · ');
  item.tooltip = annotationTooltip(element.placed, team);
  item.iconPath = annotationIcon(annotation.status, state);
  item.contextValue = `annotation.${state}${flags.includes('needs re-check') ? '.recheck' : ''}${annotation.tags?.length ? '.tagged' : ''}`;
  item.command = {
    command: 'aiNews.revealAnnotation',
    title: vscode.l10n.t('Show in the article'),
    arguments: [{ folder: element.folder, id: annotation.id }],
  };
  return item;
}

/** The workflow in a row: who checks it, and where the verdict stands when the team reviews. */
function workDescription(annotation: Annotation, team: TeamConfig): string[] {
  const parts: string[] = [];
  if (annotation.assignee) parts.push(`@${annotation.assignee}`);
  const state = workflowState(annotation, team);
  if (state === 'awaiting-review' || state === 'changes-requested') parts.push(workflowLabel(state));
  return parts;
}

/** "#Wahl 2025 #Börse", or '' without tags. */
function tagsLabel(annotation: Annotation): string {
  return (annotation.tags ?? []).map((tag) => `#${tag}`).join(' ');
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

/** Changes when the file does (or disappears). */
async function fileStamp(uri: vscode.Uri): Promise<string> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return `${stat.mtime}:${stat.size}`;
  } catch {
    return 'missing';
  }
}

/** Changes when any of the annotations does in a way that moves or restates it; the day counts for re-check flags. */
function annotationsStamp(annotations: readonly Annotation[]): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${day}|${annotations.map((a) => `${a.id}:${a.modified}:${a.assignee ?? ''}:${a.review?.at ?? ''}:${a.status}:${a.position.start}-${a.position.end}:${a.quote.exact.length}:${a.reviewBy ?? ''}:${a.articleHash ?? ''}:${a.note.length}`).join(',')}`;
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
  const provider = new AnnotationTreeProvider(source, sessions, settings, teams);
  const view = vscode.window.createTreeView('aiNews.annotations', { treeDataProvider: provider, showCollapseAll: true });
  void provider.attach(view);
  return { view, provider };
}
