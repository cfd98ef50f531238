/**
 * The context keys menus and keybindings use: `aiNews.isArticle`, `aiNews.isOptedIn`,
 * `aiNews.cursorOnAnnotation` and `aiNews.hasUnanchored`, kept in step with the active editor,
 * its selection and the annotations; and `aiNews.hasConflicts`, true while some annotation file
 * waits for its git conflicts to be resolved. Each key is only sent to VS Code when its value changes.
 */
import * as vscode from 'vscode';
import type { AnnotationService } from './annotationService';
import type { ArticleRegistry } from './articleRegistry';
import type { SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { annotationAt, hasUnanchored } from '../core/session/articleViews';

export type ContextKey = 'aiNews.isArticle' | 'aiNews.isOptedIn' | 'aiNews.cursorOnAnnotation' | 'aiNews.hasUnanchored' | 'aiNews.hasConflicts';

export class ContextKeys extends Disposable {
  private readonly values = new Map<ContextKey, boolean>();

  constructor(
    private readonly articles: Pick<ArticleRegistry, 'isArticle' | 'isOptedIn' | 'onDidChange'>,
    private readonly sessions: SnapshotSource,
    private readonly annotations: Pick<AnnotationService, 'entries' | 'onDidChange'>,
  ) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) this.updateCursor();
    }));
    this.register(sessions.onDidChangeArticle(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) this.update();
    }));
    this.register(articles.onDidChange(() => this.update()));
    this.register(annotations.onDidChange(() => this.updateConflicts()));
    this.update();
    this.updateConflicts();
  }

  /** The value last sent for a key (for tests). */
  get(key: ContextKey): boolean {
    return this.values.get(key) ?? false;
  }

  /** Recomputes every key for the active editor from its article's snapshot. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isArticle = document !== undefined && this.articles.isArticle(document);
    this.set('aiNews.isArticle', isArticle);
    this.set('aiNews.isOptedIn', document !== undefined && this.articles.isOptedIn(document));
    this.set('aiNews.hasUnanchored', isArticle && hasUnanchored(this.sessions.snapshot(document)));
    this.updateCursor();
  }

  /** Whether the cursor is on an annotation, as the last snapshot places them (a new one follows typing). */
  private updateCursor(): void {
    const editor = vscode.window.activeTextEditor;
    this.set('aiNews.cursorOnAnnotation', editor !== undefined && annotationAt(this.sessions.snapshot(editor.document), editor.document.offsetAt(editor.selection.active)));
  }

  private updateConflicts(): void {
    this.set('aiNews.hasConflicts', this.annotations.entries().some((e) => e.store.conflictProposal !== undefined));
  }

  private set(key: ContextKey, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
