/**
 * The "Across articles" view: figures that disagree between articles first, then every entity with
 * the articles that mention it. The index comes from the function given to the constructor, loaded
 * once per refresh; a mention's text is read from its article when its article node is expanded.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrossIndex, EntityMention, IndexedEntity, QuantityConflict, QuantityMention } from '../../core/crossref/index';
import { groupByKey } from '../../core/sidebar/annotationGroups';
import { shortenQuote, splitArticlePath } from '../../core/sidebar/text';
import { Disposable } from '../disposable';
import { countedLabel, entityTypeLabel } from '../labels';
import { lineLabel, openIfReadable, revealFindingCommand } from './treeLabels';

export interface ConflictsElement {
  kind: 'conflicts';
  conflicts: QuantityConflict[];
}

export interface ConflictElement {
  kind: 'conflict';
  conflict: QuantityConflict;
}

export interface FigureElement {
  kind: 'figure';
  mention: QuantityMention;
}

export interface CrossEntityElement {
  kind: 'entity';
  entity: IndexedEntity;
}

export interface EntityArticleElement {
  kind: 'entityArticle';
  entity: IndexedEntity;
  article: string;
  mentions: EntityMention[];
}

export interface MentionElement {
  kind: 'mention';
  mention: EntityMention;
  /** What the mention says: its claim, or the text around it; absent when the article cannot be read. */
  snippet?: string;
  /** "line 12", when the article could be read. */
  line?: string;
}

export type CrossArticleElement = ConflictsElement | ConflictElement | FigureElement | CrossEntityElement | EntityArticleElement | MentionElement;

/** Turns an article path of the index into the file's URI. */
export type ArticleResolver = (article: string) => vscode.Uri | undefined;

/** Characters on each side of a mention outside any claim. */
const SNIPPET_CONTEXT = 30;

export class CrossArticleTreeProvider extends Disposable implements vscode.TreeDataProvider<CrossArticleElement> {
  private readonly changed = this.register(new vscode.EventEmitter<CrossArticleElement | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
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

  /** Ties the view's lifetime to the provider's. */
  attach(view: vscode.TreeView<CrossArticleElement>): void {
    this.register(view);
  }

  /** Reloads the index and rebuilds the tree. */
  refresh(): void {
    this.index = undefined;
    this.changed.fire(undefined);
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
    if (!element) return this.rootChildren();
    switch (element.kind) {
      case 'conflicts':
        return element.conflicts.map((conflict) => ({ kind: 'conflict', conflict }));
      case 'conflict':
        return [element.conflict.a, element.conflict.b].map((mention) => ({ kind: 'figure', mention }));
      case 'entity':
        return [...groupByKey(element.entity.mentions, (m) => m.article)].map(([article, mentions]) => ({ kind: 'entityArticle', entity: element.entity, article, mentions }));
      case 'entityArticle':
        return this.mentionElements(element);
      default:
        return [];
    }
  }

  private currentIndex(): Promise<CrossIndex | undefined> {
    // A failed load shows an empty tree (and the welcome text), never a pop-up from here.
    this.index ??= this.load().catch(() => undefined);
    return this.index;
  }

  private async rootChildren(): Promise<CrossArticleElement[]> {
    const index = await this.currentIndex();
    if (!index) return [];
    const root: CrossArticleElement[] = [];
    if (index.conflicts.length > 0) root.push({ kind: 'conflicts', conflicts: index.conflicts });
    for (const entity of index.entities) root.push({ kind: 'entity', entity });
    return root;
  }

  /** The mentions in one article, with their text read from the article. */
  private async mentionElements(element: EntityArticleElement): Promise<MentionElement[]> {
    const uri = this.resolveArticle(element.article);
    const document = uri ? await openIfReadable(uri) : undefined;
    return [...element.mentions]
      .sort((a, b) => a.start - b.start)
      .map((mention) => document
        ? { kind: 'mention', mention, snippet: snippetOf(document.getText(), mention), line: lineLabel(document, mention.start) }
        : { kind: 'mention', mention });
  }

  private revealCommand(span: { article: string; start: number; end: number }): vscode.Command | undefined {
    const uri = this.resolveArticle(span.article);
    return uri && revealFindingCommand({ uri: uri.toString(), start: span.start, end: span.end });
  }

  private figureItem(mention: QuantityMention): vscode.TreeItem {
    const item = new vscode.TreeItem(mention.text, vscode.TreeItemCollapsibleState.None);
    item.description = mention.article;
    item.tooltip = vscode.l10n.t('{0} in {1}', mention.text, mention.article);
    item.iconPath = new vscode.ThemeIcon('symbol-number', new vscode.ThemeColor('aiNews.numberForeground'));
    item.command = this.revealCommand(mention);
    item.contextValue = 'crossFigure';
    return item;
  }

  private entityArticleItem(element: EntityArticleElement): vscode.TreeItem {
    const { name, dir } = splitArticlePath(element.article);
    const item = new vscode.TreeItem(countedLabel(name, element.mentions.length), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `article|${element.entity.canonical}|${element.entity.type}|${element.article}`;
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
    item.description = element.line;
    item.tooltip = element.snippet ? `${element.snippet}\n\n${mention.article}` : mention.article;
    item.iconPath = new vscode.ThemeIcon(mention.claimStart === undefined ? 'symbol-field' : 'comment');
    item.command = this.revealCommand(mention);
    item.contextValue = 'crossMention';
    return item;
  }
}

function conflictsItem(element: ConflictsElement): vscode.TreeItem {
  const item = new vscode.TreeItem(countedLabel(vscode.l10n.t('Conflicting figures'), element.conflicts.length), vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'conflicts';
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
  item.id = `conflict|${conflict.entity}|${conflict.unit}|${conflict.a.article}|${conflict.a.start}|${conflict.b.article}|${conflict.b.start}`;
  const percent = `${Math.round(conflict.difference * 100)} %`;
  item.description = vscode.l10n.t('{0} apart', percent);
  item.tooltip = vscode.l10n.t('{0} ({1}) says {2}; {3} ({4}) says {5}. They differ by {6}.', conflict.a.article, conflict.entity, conflict.a.text, conflict.b.article, conflict.entity, conflict.b.text, percent);
  item.iconPath = new vscode.ThemeIcon('diff', new vscode.ThemeColor('aiNews.disputedBorder'));
  item.contextValue = 'crossConflict';
  return item;
}

function entityItem(entity: IndexedEntity): vscode.TreeItem {
  const item = new vscode.TreeItem(entity.canonical, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `entity|${entity.canonical}|${entity.type}`;
  item.description = [
    entity.articleCount === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', entity.articleCount),
    entityTypeLabel(entity.type),
  ].join(' · ');
  item.tooltip = vscode.l10n.t('{0}: {1} mentions in {2} articles', entity.canonical, entity.mentions.length, entity.articleCount);
  item.iconPath = new vscode.ThemeIcon('symbol-class', new vscode.ThemeColor('aiNews.entityBorder'));
  item.contextValue = 'crossEntity';
  return item;
}

/** The claim a mention is in, else the text around it, on one line. */
function snippetOf(text: string, mention: EntityMention): string {
  if (mention.claimStart !== undefined && mention.claimEnd !== undefined) return text.slice(mention.claimStart, mention.claimEnd);
  const start = Math.max(0, mention.start - SNIPPET_CONTEXT);
  const end = Math.min(text.length, mention.end + SNIPPET_CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * An index path as a URI: a URI string or an absolute path as it is; a relative path inside the
 * workspace folder whose name it starts with (multi-root), else inside the first folder.
 */
export function defaultArticleResolver(article: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(article)) return vscode.Uri.parse(article);
  if (path.isAbsolute(article)) return vscode.Uri.file(article);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const [first, ...rest] = article.split('/');
  const named = folders.length > 1 ? folders.find((f) => f.name === first) : undefined;
  if (named && rest.length > 0) return vscode.Uri.joinPath(named.uri, ...rest);
  return folders[0] && vscode.Uri.joinPath(folders[0].uri, ...article.split('/'));
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
  const provider = new CrossArticleTreeProvider(load, resolveArticle);
  const view = vscode.window.createTreeView('aiNews.crossArticles', { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { view, provider };
}
