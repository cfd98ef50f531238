/**
 * Keeps an up-to-date analysis of every open article. Typing is debounced and only changed
 * paragraphs are re-analysed (the core's IncrementalAnalyzer caches per paragraph).
 * Teams extend the entity lexicon with `.ainews/entities.json` in a workspace folder.
 */
import * as vscode from 'vscode';
import { IncrementalAnalyzer, defaultLexicon, parseLexiconFile, withEntries, type Lexicon } from '../core/analysis';
import type { Analysis } from '../core/analysis/types';
import type { ArticleRegistry } from './articleRegistry';
import { Disposable } from './disposable';
import { readSettings } from './settings';

export const LEXICON_FILE = '.ainews/entities.json';

interface DocumentState {
  analyzer: IncrementalAnalyzer;
  version: number;
  analysis: Analysis;
  /** Milliseconds the last analysis took, for the status bar and the benchmarks. */
  lastDurationMs: number;
}

export class AnalysisService extends Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly lexiconProblems = new Map<string, string[]>();
  private readonly tooLarge = new Set<string>();
  private readonly analyzed = this.register(new vscode.EventEmitter<vscode.TextDocument>());
  /** Fires after a document's analysis changed. */
  readonly onDidAnalyze = this.analyzed.event;

  constructor(private readonly articles: ArticleRegistry) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this.register(articles.onDidChange(() => this.resetAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('aiNews.claimScoreThreshold') || e.affectsConfiguration('aiNews.maxArticleSizeKB')) this.resetAll();
      }),
    );
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`));
    const reloadLexicon = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.loadLexicon(folder).then(() => this.resetAll());
    };
    this.register(watcher.onDidChange(reloadLexicon));
    this.register(watcher.onDidCreate(reloadLexicon));
    this.register(watcher.onDidDelete(reloadLexicon));
  }

  /** Reads every workspace folder's lexicon extension; call once after construction. */
  async initialize(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.loadLexicon(f)));
  }

  /** True when the article is too large to analyse (it still takes annotations). */
  isTooLarge(document: vscode.TextDocument): boolean {
    return this.tooLarge.has(document.uri.toString());
  }

  /**
   * The analysis of an article, brought up to date synchronously if it is stale;
   * undefined for documents that are not articles or are too large.
   */
  analysisFor(document: vscode.TextDocument): Analysis | undefined {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (state && state.version === document.version) return state.analysis;
    if (!this.articles.isArticle(document)) return undefined;
    const text = document.getText();
    // UTF-16 length is a cheap lower bound of the UTF-8 size; the exact count only near the limit.
    const limit = readSettings(document.uri).maxArticleSizeBytes;
    if (text.length > limit || (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit)) {
      this.tooLarge.add(key);
      return undefined;
    }
    this.tooLarge.delete(key);
    return this.analyzeNow(document, text).analysis;
  }

  /** How long the document's last analysis took. */
  lastDurationMs(document: vscode.TextDocument): number | undefined {
    return this.states.get(document.uri.toString())?.lastDurationMs;
  }

  /** Problems found in a folder's `.ainews/entities.json`. */
  lexiconProblemsFor(folder: vscode.WorkspaceFolder): string[] {
    return this.lexiconProblems.get(folder.uri.toString()) ?? [];
  }

  /** Drops every cached analysis and re-analyses the visible articles. */
  resetAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.states.clear();
    this.tooLarge.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.analysisFor(editor.document)) this.analyzed.fire(editor.document);
    }
  }

  override dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    super.dispose();
  }

  private analyzeNow(document: vscode.TextDocument, text = document.getText()): DocumentState {
    const key = document.uri.toString();
    let state = this.states.get(key);
    const started = performance.now();
    if (!state) {
      const analyzer = new IncrementalAnalyzer({ lexicon: this.lexiconFor(document.uri), claimThreshold: readSettings(document.uri).claimScoreThreshold });
      state = { analyzer, version: -1, analysis: { language: 'de', date: null, findings: [] }, lastDurationMs: 0 };
      this.states.set(key, state);
    }
    state.analysis = state.analyzer.analyze(text);
    state.version = document.version;
    state.lastDurationMs = performance.now() - started;
    return state;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.states.has(key)) return; // never analysed: nothing on screen to keep fresh
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (this.isDisposed || document.isClosed || !this.articles.isArticle(document)) return;
        if (this.analysisFor(document)) this.analyzed.fire(document);
      }, readSettings(document.uri).debounceMs),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.tooLarge.delete(key);
  }

  /** The entity lexicon that applies to a file: the shipped one plus its folder's extension. */
  lexiconFor(uri: vscode.Uri): Lexicon {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.lexicons.get(folder.uri.toString())) ?? defaultLexicon();
  }

  private async loadLexicon(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, LEXICON_FILE)));
    } catch {
      this.lexicons.delete(key);
      this.lexiconProblems.delete(key);
      return;
    }
    const { entries, errors } = parseLexiconFile(text);
    this.lexicons.set(key, withEntries(defaultLexicon(), entries));
    this.lexiconProblems.set(key, errors);
    if (errors.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} in {1}: {2}', LEXICON_FILE, folder.name, errors.slice(0, 3).join('; ')),
      );
    }
  }
}
