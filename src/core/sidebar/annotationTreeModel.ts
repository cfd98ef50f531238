/**
 * The Annotations view's nodes: article → status → annotation, or status (or assignee) → article →
 * annotation when grouped by status (or assignee) first; one more level for the workspace folder
 * when there are several. Pure: given a folder's articles with their annotations placed, the
 * grouping and the filters, it lists a node's children (with their counts) and finds its parent;
 * the editor maps nodes to tree items.
 */
import type { PlacedAnnotation } from '../session/articleSession';
import type { Annotation } from '../store/annotation';
import type { TeamConfig } from '../team/team';
import { workflowState, type WorkflowState } from '../team/workflow';
import { attentionCount, byPosition, groupItems, groupsFor, type GroupKey, type Grouping } from './annotationGroups';
import { anyFilterActive, groupable, visibleAnnotations, type TreeFilters, type Viewer } from './annotationTreeFilters';

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
export interface ArticlePlacements {
  /** The article path as the annotation file has it. */
  article: string;
  placed: PlacedAnnotation[];
}

/** Up to this many articles in a folder, article nodes start expanded. */
const EXPAND_ARTICLES_UP_TO = 20;

/** One workspace folder's part of the tree. */
export interface FolderTree extends Viewer {
  /** The folder's URI as a string. */
  folder: string;
  /** Its articles with their annotations placed, in path order. */
  articles: readonly ArticlePlacements[];
  grouping: Grouping;
  filters: TreeFilters;
}

/** The view's first level: the single folder's children, or a node for each folder that shows anything. */
export function treeRoots(trees: readonly FolderTree[]): AnnotationTreeElement[] {
  if (trees.length === 1) return folderChildren(trees[0]);
  return trees.filter((tree) => folderChildren(tree).length > 0).map((tree): FolderElement => ({ kind: 'folder', folder: tree.folder }));
}

/** The children of a node of the folder (undefined or the folder node: the folder's first level). */
export function childrenOf(tree: FolderTree, element: AnnotationTreeElement | undefined): AnnotationTreeElement[] {
  if (!element || element.kind === 'folder') return folderChildren(tree);
  if (element.kind === 'annotation') return [];
  return tree.grouping === 'article' ? articleFirstChildren(tree, element) : groupFirstChildren(tree, element, tree.grouping);
}

/**
 * What the view's badge and message need: how many annotations need a look (disputed, fuzzy or
 * orphaned) whatever the filters, and whether the filters hide every annotation there is.
 */
export function treeSummary(trees: readonly FolderTree[], filters: TreeFilters): { attention: number; allHidden: boolean } {
  const placed = trees.flatMap((tree) => tree.articles.flatMap((a) => a.placed));
  const anyVisible = trees.some((tree) => tree.articles.some((a) => visibleAnnotations(a.placed, tree.filters, tree).length > 0));
  return { attention: attentionCount(placed.map(groupable)), allHidden: anyFilterActive(filters) && placed.length > 0 && !anyVisible };
}

/**
 * A tree item's id: the same node keeps it whatever its count. Nodes above the annotations carry the
 * grouping, so that VS Code does not carry their expanded state over to another grouping.
 */
export function treeItemId(element: AnnotationTreeElement, grouping: Grouping): string {
  return element.kind === 'annotation' ? elementKey(element) : `${grouping[0]}|${elementKey(element)}`;
}

/** The context value of an annotation's row, which the context menus match: its state, then `.recheck`, `.tagged`. */
export function annotationContextValue({ annotation, state, flags }: PlacedAnnotation): string {
  return `annotation.${state}${flags.includes('needs re-check') ? '.recheck' : ''}${annotation.tags?.length ? '.tagged' : ''}`;
}

/** Whether an article node starts expanded: always below a group, at the top while the folder has few articles. */
export function startsExpanded(element: ArticleElement, articlesInFolder: number): boolean {
  return element.group !== undefined || articlesInFolder <= EXPAND_ARTICLES_UP_TO;
}

/** The workflow state an annotation's row names beside its verdict: only one that waits for someone (a review, or changes). */
export function rowWorkflowState(annotation: Annotation, team: TeamConfig): Extract<WorkflowState, 'awaiting-review' | 'changes-requested'> | undefined {
  const state = workflowState(annotation, team);
  return state === 'awaiting-review' || state === 'changes-requested' ? state : undefined;
}

function folderChildren(tree: FolderTree): AnnotationTreeElement[] {
  const { folder, grouping } = tree;
  if (grouping !== 'article') {
    const all = tree.articles.flatMap((a) => visible(tree, a.placed));
    return groupsFor(all.map(groupable), grouping).map(({ key, items }): GroupElement => ({ kind: 'group', folder, group: key, count: items.length }));
  }
  return tree.articles
    .map((a): ArticleElement => ({ kind: 'article', folder, article: a.article, count: visible(tree, a.placed).length }))
    .filter((a) => a.count > 0);
}

/** article → group → annotation. */
function articleFirstChildren(tree: FolderTree, element: ArticleElement | GroupElement): AnnotationTreeElement[] {
  const article = element.article === undefined ? undefined : tree.articles.find((a) => a.article === element.article);
  if (!article) return [];
  const groups = groupItems(visible(tree, article.placed).map(groupable));
  if (element.kind === 'article') {
    return groups.map(({ key, items }): GroupElement => ({ kind: 'group', folder: element.folder, group: key, article: article.article, count: items.length }));
  }
  const group = groups.find((g) => g.key === element.group);
  return group ? annotationElements(element.folder, article.article, group.key, group.items.map((g) => g.placed)) : [];
}

/** group (status or assignee) → article → annotation. */
function groupFirstChildren(tree: FolderTree, element: ArticleElement | GroupElement, grouping: Exclude<Grouping, 'article'>): AnnotationTreeElement[] {
  const key = element.group;
  if (key === undefined) return [];
  const inGroup = (a: ArticlePlacements): PlacedAnnotation[] =>
    groupsFor(visible(tree, a.placed).map(groupable), grouping).find((g) => g.key === key)?.items.map((g) => g.placed) ?? [];
  if (element.kind === 'group') {
    return tree.articles
      .map((a): ArticleElement => ({ kind: 'article', folder: element.folder, article: a.article, group: key, count: inGroup(a).length }))
      .filter((a) => a.count > 0);
  }
  const article = tree.articles.find((a) => a.article === element.article);
  return article ? annotationElements(element.folder, article.article, key, inGroup(article)) : [];
}

function visible(tree: FolderTree, placed: readonly PlacedAnnotation[]): PlacedAnnotation[] {
  return visibleAnnotations(placed, tree.filters, tree);
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

/**
 * True when two placements of an article show the same in the Annotations view and its badge: the
 * same annotations with the same states and flags, in the same order by position. A keystroke moves
 * the spans behind it, which the view does not show; it need not be rebuilt for that.
 */
export function showsTheSame(before: readonly PlacedAnnotation[], after: readonly PlacedAnnotation[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const [a, b] = [before[i], after[i]];
    if (a.annotation !== b.annotation || a.state !== b.state || a.flags.length !== b.flags.length || a.flags.some((flag, k) => flag !== b.flags[k])) return false;
  }
  const order = (placed: readonly PlacedAnnotation[]): PlacedAnnotation['annotation'][] => byPosition(placed, (p) => p.span?.start ?? p.annotation.position.start).map((p) => p.annotation);
  const [first, second] = [order(before), order(after)];
  return first.every((annotation, i) => annotation === second[i]);
}

/**
 * The placements each open article had when the view was last rebuilt for it: a new snapshot rebuilds
 * the view only when it shows something else, not for spans that only moved (see showsTheSame).
 */
export class ShownPlacements {
  private readonly byArticle = new Map<string, readonly PlacedAnnotation[]>();

  /** Takes an article's new placements; true when the view must be rebuilt for them (new, or shown otherwise). */
  changes(key: string, placements: readonly PlacedAnnotation[]): boolean {
    const before = this.byArticle.get(key);
    this.byArticle.set(key, placements);
    return !before || !showsTheSame(before, placements);
  }

  forget(key: string): void {
    this.byArticle.delete(key);
  }

  clear(): void {
    this.byArticle.clear();
  }
}

/** What identifies a node whatever its count. */
function elementKey(element: AnnotationTreeElement): string {
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

