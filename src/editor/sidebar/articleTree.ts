/**
 * The "This article" view: the active article's claims (unreviewed first), numbers and entities
 * (grouped by canonical name), as core/sidebar/articleTreeModel lists them from the article's
 * snapshot each time VS Code asks; a click on a leaf reveals the finding in the article.
 */
import * as vscode from 'vscode';
import { articleTreeChildren, documentToShow, type ArticleTreeElement } from '../../core/sidebar/articleTreeModel';
import { articleViewMessage, entityGroupRow, findingRow, sectionRow } from '../../core/sidebar/articleTreeRows';
import type { ArticleSnapshot, SnapshotSource } from '../articleSessions';
import { words } from '../labels';
import { createTreeView, TreeProvider, treeItemOf } from './treeProvider';

export type { ArticleTreeElement };

/** What the tree reads from the article registry (ArticleRegistry fits). */
export interface ArticleDetector {
  isArticle(document: vscode.TextDocument): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export class ArticleTreeProvider extends TreeProvider<ArticleTreeElement> {
  private document: vscode.TextDocument | undefined;

  constructor(
    private readonly sessions: SnapshotSource,
    private readonly articles: ArticleDetector,
  ) {
    super();
    this.document = vscode.window.activeTextEditor?.document;
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
    // One snapshot per debounce window (and per annotation change): the tree follows it.
    this.register(sessions.onDidChangeArticle(({ document }) => {
      if (document === this.document) this.refresh();
    }));
    this.register(articles.onDidChange(() => this.refresh()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === this.document) this.follow(vscode.window.activeTextEditor);
    }));
  }

  /** Rebuilds the tree now. */
  refresh(): void {
    this.updateMessage();
    this.fireChanged();
  }

  getTreeItem(element: ArticleTreeElement): vscode.TreeItem {
    switch (element.kind) {
      case 'section':
        return treeItemOf(sectionRow(words, element));
      case 'entity':
        return treeItemOf(entityGroupRow(words, element));
      case 'finding': {
        const document = this.document;
        const article = document && { uri: document.uri.toString(), lineAt: (offset: number) => document.positionAt(offset).line + 1 };
        return treeItemOf(findingRow(words, element, article));
      }
    }
  }

  getChildren(element?: ArticleTreeElement): ArticleTreeElement[] {
    const snapshot = this.currentSnapshot();
    return snapshot ? articleTreeChildren(snapshot, element) : [];
  }

  protected override viewAttached(): void {
    this.updateMessage();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const next = documentToShow(this.document, editor?.document);
    if (next === this.document) return;
    this.document = next;
    this.refresh();
  }

  /** The active article's snapshot once its analysis is complete (a large one is analysed in slices first). */
  private currentSnapshot(): ArticleSnapshot | undefined {
    const document = this.document;
    if (!document || document.isClosed || !this.articles.isArticle(document)) return undefined;
    const snapshot = this.sessions.snapshot(document);
    return snapshot?.complete ? snapshot : undefined;
  }

  private updateMessage(): void {
    const message = this.message();
    // Sent to VS Code only when it changes: every snapshot of the article comes here.
    if (this.view && this.view.message !== message) this.view.message = message;
  }

  /** Why the view is empty, when it is not simply "no editor" (the welcome content covers that). */
  private message(): string | undefined {
    const document = this.document;
    if (!document || document.isClosed) return undefined;
    const followed = { isArticle: this.articles.isArticle(document), snapshot: this.sessions.snapshot(document) };
    return articleViewMessage(words, followed, () => vscode.workspace.asRelativePath(document.uri, false));
  }
}

/**
 * Creates the "This article" view with its provider. Dispose the provider to dispose both.
 * @param sessions The articles' snapshots (findings, and which claims are reviewed).
 * @param articles The article registry.
 */
export function createArticleTreeView(
  sessions: SnapshotSource,
  articles: ArticleDetector,
): { view: vscode.TreeView<ArticleTreeElement>; provider: ArticleTreeProvider } {
  return createTreeView('aiNews.article', new ArticleTreeProvider(sessions, articles));
}
