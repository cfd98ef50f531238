/**
 * The "Across articles" view: figures that disagree between articles first, then every entity with
 * the articles that mention it (core/sidebar/crossArticleTreeModel). The index comes from the
 * function given to the constructor, loaded once per refresh; a mention's text is read from its
 * article when its article node is expanded.
 */
import * as vscode from 'vscode';
import type { CrossIndex } from '../../core/crossref/index';
import { crossArticleChildren, crossArticleRoots, locateIndexPath, mentionElements, type CrossArticleElement } from '../../core/sidebar/crossArticleTreeModel';
import { conflictRow, conflictsRow, entityArticleRow, entityRow, figureRow, mentionRow } from '../../core/sidebar/crossArticleTreeRows';
import { openIfReadable } from '../guardedOpen';
import { words } from '../labels';
import { createTreeView, TreeProvider, treeItemOf } from './treeProvider';

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
        return treeItemOf(conflictsRow(words, element));
      case 'conflict':
        return treeItemOf(conflictRow(words, element.conflict));
      case 'figure':
        return treeItemOf(figureRow(words, element.mention, this.resolveArticle(element.mention.article)?.toString()));
      case 'entity':
        return treeItemOf(entityRow(words, element.entity));
      case 'entityArticle':
        return treeItemOf(entityArticleRow(words, element), this.resolveArticle(element.article));
      case 'mention':
        return treeItemOf(mentionRow(words, element, this.resolveArticle(element.mention.article)?.toString()));
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
