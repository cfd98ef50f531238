/**
 * The "Across articles" view: figures that disagree between articles first, then every entity with
 * the articles that mention it (core/sidebar/crossArticleTreeModel). The index comes from the
 * function given to the constructor, loaded once per refresh; a mention's text is read from its
 * article when its article node is expanded.
 */
import * as vscode from 'vscode';
import type { CrossIndex, IndexedEntity, QuantityConflict, QuantityMention } from '../../core/crossref/index';
import { crossArticleChildren, crossArticleRoots, crossItemId, locateIndexPath, mentionElements, type ConflictsElement, type CrossArticleElement, type EntityArticleElement, type MentionElement } from '../../core/sidebar/crossArticleTreeModel';
import { shortenQuote, splitArticlePath } from '../../core/sidebar/text';
import { countedLabel, entityTypeLabel } from '../labels';
import { ENTITY_CLASS_ICON, lineLabel, NUMBER_ICON, openIfReadable, revealFindingCommand } from './treeLabels';
import { createTreeView, TreeProvider } from './treeProvider';

export type { CrossArticleElement };

/** Turns an article path of the index into the file's URI. */
export type ArticleResolver = (article: string) => vscode.Uri | undefined;

export class CrossArticleTreeProvider extends TreeProvider<CrossArticleElement> {
  /** The index for the current refresh, loaded on first use. */
  private index: Promise<CrossIndex | undefined> | undefined;

  /**
   * @param load Builds the cross-article index (undefined when there is nothing to index).
   * @param resolveArticle Turns an index article path into a URI; the default reads it relative to
   *   the workspace folder (in a multi-root workspace, a path may start with the folder's name).
   */
  constructor(
    private readonly load: () => Promise<CrossIndex | undefined>,
    private readonly resolveArticle: ArticleResolver = defaultArticleResolver,
  ) {
    super();
  }

  /** Reloads the index and rebuilds the tree. */
  refresh(): void {
    this.index = undefined;
    this.fireChanged();
  }

  getTreeItem(element: CrossArticleElement): vscode.TreeItem {
    switch (element.kind) {
      case 'conflicts':
        return conflictsItem(element);
      case 'conflict':
        return conflictItem(element.conflict);
      case 'figure':
        return this.figureItem(element.mention);
      case 'entity':
        return entityItem(element.entity);
      case 'entityArticle':
        return this.entityArticleItem(element);
      case 'mention':
        return this.mentionItem(element);
    }
  }

  async getChildren(element?: CrossArticleElement): Promise<CrossArticleElement[]> {
    if (!element) return crossArticleRoots(await this.currentIndex());
    if (element.kind !== 'entityArticle') return crossArticleChildren(element);
    const uri = this.resolveArticle(element.article);
    const document = uri ? await openIfReadable(uri) : undefined;
    return mentionElements(element, document?.getText());
  }

  private currentIndex(): Promise<CrossIndex | undefined> {
    // A failed load shows an empty tree (and the welcome text), never a pop-up from here.
    this.index ??= this.load().catch(() => undefined);
    return this.index;
  }

  private revealCommand(span: { article: string; start: number; end: number }): vscode.Command | undefined {
    const uri = this.resolveArticle(span.article);
    return uri && revealFindingCommand({ uri: uri.toString(), start: span.start, end: span.end });
  }

  private figureItem(mention: QuantityMention): vscode.TreeItem {
    const item = new vscode.TreeItem(mention.text, vscode.TreeItemCollapsibleState.None);
    item.description = mention.article;
    item.tooltip = vscode.l10n.t('{0} in {1}', mention.text, mention.article);
    item.iconPath = NUMBER_ICON;
    item.command = this.revealCommand(mention);
    item.contextValue = 'crossFigure';
    return item;
  }

  private entityArticleItem(element: EntityArticleElement): vscode.TreeItem {
    const { name, dir } = splitArticlePath(element.article);
    const item = new vscode.TreeItem(countedLabel(name, element.mentions.length), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = crossItemId(element);
    item.description = dir;
    item.iconPath = vscode.ThemeIcon.File;
    const uri = this.resolveArticle(element.article);
    if (uri) item.resourceUri = uri;
    item.tooltip = element.article;
    item.contextValue = 'crossArticle';
    return item;
  }

  private mentionItem(element: MentionElement): vscode.TreeItem {
    const { mention } = element;
    const label = element.snippet || vscode.l10n.t('Characters {0}–{1}', mention.start, mention.end);
    const item = new vscode.TreeItem(shortenQuote(label), vscode.TreeItemCollapsibleState.None);
    item.description = element.line === undefined ? undefined : lineLabel(element.line);
    item.tooltip = element.snippet ? `${element.snippet}\n\n${mention.article}` : mention.article;
    item.iconPath = new vscode.ThemeIcon(mention.claimStart === undefined ? 'symbol-field' : 'comment');
    item.command = this.revealCommand(mention);
    item.contextValue = 'crossMention';
    return item;
  }
}

function conflictsItem(element: ConflictsElement): vscode.TreeItem {
  const item = new vscode.TreeItem(countedLabel(vscode.l10n.t('Conflicting figures'), element.conflicts.length), vscode.TreeItemCollapsibleState.Expanded);
  item.id = crossItemId(element);
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('aiNews.disputedBorder'));
  item.tooltip = vscode.l10n.t('Different articles give different figures for what looks like the same quantity.');
  item.contextValue = 'crossConflicts';
  return item;
}

/** "15,7 Billionen vs 13 Billionen — PwC". */
export function conflictLabel(conflict: QuantityConflict): string {
  return vscode.l10n.t('{0} vs {1} — {2}', conflict.a.text, conflict.b.text, conflict.entity);
}

function conflictItem(conflict: QuantityConflict): vscode.TreeItem {
  const item = new vscode.TreeItem(conflictLabel(conflict), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = crossItemId({ kind: 'conflict', conflict });
  const percent = `${Math.round(conflict.difference * 100)} %`;
  item.description = vscode.l10n.t('{0} apart', percent);
  item.tooltip = vscode.l10n.t('{0} ({1}) says {2}; {3} ({4}) says {5}. They differ by {6}.', conflict.a.article, conflict.entity, conflict.a.text, conflict.b.article, conflict.entity, conflict.b.text, percent);
  item.iconPath = new vscode.ThemeIcon('diff', new vscode.ThemeColor('aiNews.disputedBorder'));
  item.contextValue = 'crossConflict';
  return item;
}

function entityItem(entity: IndexedEntity): vscode.TreeItem {
  const item = new vscode.TreeItem(entity.canonical, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = crossItemId({ kind: 'entity', entity });
  item.description = [
    entity.articleCount === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', entity.articleCount),
    entityTypeLabel(entity.type),
  ].join(' · ');
  item.tooltip = vscode.l10n.t('{0}: {1} mentions in {2} articles', entity.canonical, entity.mentions.length, entity.articleCount);
  item.iconPath = ENTITY_CLASS_ICON;
  item.contextValue = 'crossEntity';
  return item;
}

/** An index path as a URI (see core locateIndexPath). */
export function defaultArticleResolver(article: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const at = locateIndexPath(article, folders.map((f) => f.name));
  if (at?.kind === 'uri') return vscode.Uri.parse(at.uri);
  if (at?.kind === 'absolute') return vscode.Uri.file(at.path);
  return at && vscode.Uri.joinPath(folders[at.folder].uri, ...at.segments);
}

/**
 * Creates the "Across articles" view with its provider. Dispose the provider to dispose both.
 * @param load Builds the cross-article index.
 * @param resolveArticle Turns an index article path into a URI (see defaultArticleResolver).
 */
export function createCrossArticleTreeView(
  load: () => Promise<CrossIndex | undefined>,
  resolveArticle?: ArticleResolver,
): { view: vscode.TreeView<CrossArticleElement>; provider: CrossArticleTreeProvider } {
  return createTreeView('aiNews.crossArticles', new CrossArticleTreeProvider(load, resolveArticle));
}
