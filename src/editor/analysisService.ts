/**
 * Keeps an up-to-date analysis of every open article. Typing is debounced and only changed
 * paragraphs are re-analysed (the core's IncrementalAnalyzer caches per paragraph).
 * A large article is analysed in slices: the part on screen first, the rest in short idle-time
 * slices, so that opening or editing it never holds up the extension host for long.
 * Teams extend the entity lexicon with `.ainews/entities.json` in a workspace folder.
 */
import * as vscode from 'vscode';
import { IncrementalAnalyzer, defaultLexicon, parseLexiconFile, warmUpEditPath, withEntries, type Lexicon } from '../core/analysis';
import type { Analysis } from '../core/analysis/types';
import type { ArticleRegistry } from './articleRegistry';
import { Disposable } from './disposable';
import { toSpan, type Span } from './ranges';
import { readSettings } from './settings';
import { readWorkspaceFile } from '../core/workspace/guardedRead';

/** The entity list is refused above this size before reading. */
const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

export const LEXICON_FILE = '.ainews/entities.json';

/** Longest stretch of analysis work done in one turn of the event loop (the part on screen aside). */
const SLICE_BUDGET_MS = 8;
/** Articles up to this many characters are analysed at once (no "analysing" flicker); larger ones in slices. */
const SLICED_ABOVE_CHARS = 64 * 1024;

/** An article's analysis as far as it has got. */
export interface AnalysisProgress {
  analysis: Analysis;
  /** False while a large article is still being analysed in slices; `analysis` then lacks the rest. */
  complete: boolean;
}

/** What the summaries (status bar, "This article" view) read from the analysis service; AnalysisService fits. */
export interface AnalysisProgressSource {
  progressFor(document: vscode.TextDocument): AnalysisProgress | undefined;
  isTooLarge(document: vscode.TextDocument): boolean;
  isPending(document: vscode.TextDocument): boolean;
  readonly onDidAnalyze: vscode.Event<vscode.TextDocument>;
}

interface DocumentState {
  analyzer: IncrementalAnalyzer;
  /** The document version and text last given to the analyzer. */
  version: number;
  text: string;
  /** False while a large article is still being analysed in slices. */
  complete: boolean;
  /** The analyzer's result, assembled when first asked for after an update (see progressOf). */
  progress: AnalysisProgress | undefined;
  /** Milliseconds the last slice of analysis and its assembly took, for the benchmarks. */
  lastDurationMs: number;
  /** The idle-time slice that goes on with an unfinished analysis. */
  continuation: ReturnType<typeof setTimeout> | undefined;
}

export class AnalysisService extends Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly lexiconProblems = new Map<string, string[]>();
  private readonly tooLarge = new Set<string>();
  /** Whether the edit path has been run once (see warmUpEditPath). */
  private warmedUp = false;
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
   * True while the document has changed since its last analysis and the debounced re-analysis is
   * still to come; `onDidAnalyze` fires when it is done. Summaries wait for it rather than analyse
   * in their own turn.
   */
  isPending(document: vscode.TextDocument): boolean {
    return this.timers.has(document.uri.toString());
  }

  /**
   * The complete analysis of an article, brought up to date synchronously if it is stale or
   * unfinished; undefined for documents that are not articles or are too large. For commands and
   * hovers, which need every finding.
   */
  analysisFor(document: vscode.TextDocument): Analysis | undefined {
    const state = this.upToDate(document);
    if (!state) return undefined;
    if (!state.complete) this.advance(document, state, {});
    return this.progressOf(state).analysis;
  }

  /**
   * The analysis as far as it has got, without waiting for a large article to be finished; what
   * painting and the summaries use. A stale analysis is brought up to date for `priority` (by
   * default the document's visible ranges) and one slice more; the rest follows in idle time, and
   * `onDidAnalyze` fires when it is complete.
   */
  progressFor(document: vscode.TextDocument, priority?: readonly Span[]): AnalysisProgress | undefined {
    const state = this.upToDate(document, priority);
    return state && this.progressOf(state);
  }

  /**
   * Brings the document's analyzer up to date (see progressFor) without assembling its result;
   * undefined for documents that are not articles or are too large.
   */
  private upToDate(document: vscode.TextDocument, priority?: readonly Span[]): DocumentState | undefined {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (state && state.version === document.version) {
      if (!state.complete && priority?.length) this.advance(document, state, { priority, deadline: 0 });
      return state;
    }
    if (!this.articles.isArticle(document)) return undefined;
    const text = document.getText();
    // UTF-16 length is a cheap lower bound of the UTF-8 size; the exact count only near the limit.
    const limit = readSettings(document.uri).maxArticleSizeBytes;
    if (text.length > limit || (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit)) {
      this.tooLarge.add(key);
      return undefined;
    }
    this.tooLarge.delete(key);
    const fresh = this.stateFor(document, text);
    if (text.length <= SLICED_ABOVE_CHARS) this.advance(document, fresh, {});
    else this.advance(document, fresh, { priority: priority ?? visibleSpans(document), deadline: performance.now() + SLICE_BUDGET_MS });
    return fresh;
  }

  /** The state's analysis, assembled from the analyzer's blocks if an update came since it was last asked for. */
  private progressOf(state: DocumentState): AnalysisProgress {
    if (!state.progress) {
      const started = performance.now();
      state.progress = { analysis: state.analyzer.result(), complete: state.complete };
      state.lastDurationMs += performance.now() - started;
    }
    return state.progress;
  }

  /** How long the document's last analysis (or slice of it) took. */
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
    for (const key of [...this.states.keys()]) this.dropState(key);
    this.tooLarge.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.progressFor(editor.document)) this.analyzed.fire(editor.document);
    }
  }

  override dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const key of [...this.states.keys()]) this.dropState(key);
    super.dispose();
  }

  private dropState(key: string): void {
    clearTimeout(this.states.get(key)?.continuation);
    this.states.delete(key);
  }

  /** The document's state, switched to `text` (created on first use). */
  private stateFor(document: vscode.TextDocument, text: string): DocumentState {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      const analyzer = new IncrementalAnalyzer({ lexicon: this.lexiconFor(document.uri), claimThreshold: readSettings(document.uri).claimScoreThreshold });
      state = { analyzer, version: -1, text, complete: false, progress: undefined, lastDurationMs: 0, continuation: undefined };
      this.states.set(key, state);
    }
    state.version = document.version;
    state.text = text;
    return state;
  }

  /** Runs the analyzer on the state's text; schedules the next slice when it is not finished. */
  private advance(document: vscode.TextDocument, state: DocumentState, options: { priority?: readonly Span[]; deadline?: number }): void {
    const started = performance.now();
    state.complete = state.analyzer.update(state.text, options);
    state.progress = undefined;
    state.lastDurationMs = performance.now() - started;
    if (!state.complete && state.continuation === undefined) this.continueLater(document, state);
  }

  /** Goes on with an unfinished analysis in idle-time slices; fires `onDidAnalyze` once it is complete. */
  private continueLater(document: vscode.TextDocument, state: DocumentState): void {
    state.continuation = setTimeout(() => {
      state.continuation = undefined;
      if (this.isDisposed || document.isClosed || this.states.get(document.uri.toString()) !== state) return;
      // A newer version is on its way through the debounce, which starts over from there.
      if (state.version !== document.version) return;
      if (!state.complete) {
        this.advance(document, state, { deadline: performance.now() + SLICE_BUDGET_MS });
        if (!state.complete) return; // advance scheduled the next slice
        this.warmUpOnce(state);
      }
      this.announce(document, state);
    }, 0);
  }

  /**
   * After the first large article is complete, runs the edit path once on a small sample in a turn
   * of its own (3–12 ms measured in plain Node), so that the first keystroke does not pay for V8 compiling it.
   */
  private warmUpOnce(state: DocumentState): void {
    if (this.warmedUp) return;
    this.warmedUp = true;
    const sample = state.text;
    setTimeout(() => {
      if (!this.isDisposed) warmUpEditPath(sample, state.analyzer.options);
    }, 0);
  }

  /**
   * Assembles the state's findings in the next turn and fires `onDidAnalyze` (painting, summaries)
   * in the one after: with the analysis before, each step takes a turn of its own, so that a
   * keystroke's work never adds up to one long block of the extension host. Timers rather than
   * setImmediate: between timers the event loop also runs its other timers, not only its I/O.
   */
  private announce(document: vscode.TextDocument, state: DocumentState | undefined): void {
    const alive = (): boolean => !this.isDisposed && !document.isClosed;
    setTimeout(() => {
      if (!alive()) return;
      if (state && state.version === document.version) this.progressOf(state);
      setTimeout(() => {
        if (alive()) this.analyzed.fire(document);
      }, 0);
    }, 0);
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
        this.announce(document, this.upToDate(document));
      }, readSettings(document.uri).debounceMs),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.dropState(key);
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
      // A file-system folder goes through the guarded reader: the lexicon arrives through git.
      const read = folder.uri.scheme === 'file' ? await readWorkspaceFile(folder.uri.fsPath, LEXICON_FILE, MAX_LEXICON_BYTES) : undefined;
      if (read !== undefined && read.kind !== 'ok') {
        this.lexicons.delete(key);
        if (read.kind === 'refused') this.lexiconProblems.set(key, [read.message]);
        else this.lexiconProblems.delete(key);
        return;
      }
      text = new TextDecoder().decode(read?.bytes ?? (await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, LEXICON_FILE))));
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

/** The document's ranges on screen, in every editor that shows it. */
function visibleSpans(document: vscode.TextDocument): Span[] {
  return vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges.map((r) => toSpan(document, r)));
}
