/**
 * The context keys menus and keybindings use: `aiNews.isArticle`, `aiNews.isOptedIn`,
 * `aiNews.cursorOnAnnotation` and `aiNews.hasUnanchored`, kept in step with the active editor,
 * its selection and the annotations. Each key is only sent to VS Code when its value changes.
 */
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { AnnotationSource } from './placedAnnotation';
import { spanContains, type Span } from './ranges';

/** What the keys read from the article registry (ArticleRegistry fits). */
export interface ContextArticleSource {
  isArticle(document: vscode.TextDocument): boolean;
  isOptedIn(document: vscode.TextDocument): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export type ContextKey = 'aiNews.isArticle' | 'aiNews.isOptedIn' | 'aiNews.cursorOnAnnotation' | 'aiNews.hasUnanchored';

/** Annotation changes arrive on every keystroke; the keys follow a moment later. */
const REFRESH_DELAY_MS = 150;

export class ContextKeys extends Disposable {
  private readonly values = new Map<ContextKey, boolean>();
  /** The active article's annotation spans, so that moving the cursor does not re-place annotations. */
  private spans: { document: vscode.TextDocument; version: number; spans: Span[] } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly articles: ContextArticleSource,
    private readonly annotations: AnnotationSource,
  ) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) this.updateCursor();
    }));
    this.register(annotations.onDidChange(() => this.scheduleUpdate()));
    this.register(articles.onDidChange(() => this.update()));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.update();
  }

  /** The value last sent for a key (for tests). */
  get(key: ContextKey): boolean {
    return this.values.get(key) ?? false;
  }

  /** Recomputes every key for the active editor now. */
  update(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.spans = undefined;
    const document = vscode.window.activeTextEditor?.document;
    const isArticle = document !== undefined && this.articles.isArticle(document);
    this.set('aiNews.isArticle', isArticle);
    this.set('aiNews.isOptedIn', document !== undefined && this.articles.isOptedIn(document));
    const placed = isArticle ? this.annotations.placedAnnotations(document) : [];
    this.set('aiNews.hasUnanchored', placed.some((p) => p.state === 'fuzzy' || p.state === 'orphaned'));
    if (document && isArticle) {
      this.spans = { document, version: document.version, spans: placed.filter((p) => p.state !== 'orphaned' && p.span).map((p) => p.span as Span) };
    }
    this.updateCursor();
  }

  override dispose(): void {
    clearTimeout(this.timer);
    super.dispose();
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), REFRESH_DELAY_MS);
  }

  private updateCursor(): void {
    const editor = vscode.window.activeTextEditor;
    const cached = this.spans;
    if (!editor || !cached || cached.document !== editor.document) {
      this.set('aiNews.cursorOnAnnotation', false);
      return;
    }
    if (cached.version !== editor.document.version) {
      // Typed since the last update: the spans moved; the scheduled update will catch up.
      this.scheduleUpdate();
      return;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    this.set('aiNews.cursorOnAnnotation', cached.spans.some((span) => spanContains(span, offset)));
  }

  private set(key: ContextKey, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
