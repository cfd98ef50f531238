/**
 * One ArticleSession (src/core/session) per open article, and the only place in the editor that
 * decides when to analyse: edits move annotation placements at once (cheap), the analysis waits for
 * the one debounce, a large article is analysed in time slices (what is on screen first), and
 * `onDidChangeArticle` fires once a snapshot is current. Every view reads snapshots; none computes.
 * Modelled on VS Code's merge-conflict extension: one tracker per document, views ask `isPending`.
 * The schedule itself (debounce, slices, turns, publication) is the core's ArticleWork.
 */
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analysis/analyzer';
import type { Analysis } from '../core/analysis/types';
import { ArticleSession, isDocumentText, sessionOptionsFor, type DocumentLines, type ArticlePoint, type ArticleSnapshot, type PlacedAnnotation, type Placement } from '../core/session/articleSession';
import { ArticleWork, editorWarmUpSteps, textEdits, WarmUp, type WorkStats } from '../core/session/articleWork';
import type { Annotation } from '../core/store/annotation';
import { blindVisible } from '../core/team/myWork';
import type { TeamSource } from './decorations';
import type { AnnotationService } from './annotationService';
import type { ArticleRegistry } from './articleRegistry';
import { Disposable } from './disposable';
import type { FeedbackService } from './feedbackService';
import type { Lexicons } from './lexicons';
import { toRange, toSpan, type Span } from './ranges';
import type { SettingsCache } from './settings';

export type { ArticleSnapshot, PlacedAnnotation, Placement };

export interface ArticleChange {
  document: vscode.TextDocument;
  snapshot: ArticleSnapshot;
}

/** What the views read (ArticleSessions fits; tests of a view may give their own). */
export interface SnapshotSource {
  /** The last published snapshot of an article; undefined for other documents and before the first one. */
  snapshot(document: vscode.TextDocument): ArticleSnapshot | undefined;
  /**
   * True from an edit or an annotation change until a snapshot of that version is published (the
   * snapshot may still be partial: a large article's later slices follow while nothing is pending).
   */
  isPending(document: vscode.TextDocument): boolean;
  readonly onDidChangeArticle: vscode.Event<ArticleChange>;
}

/** An open article: its document and the core's schedule of its work. */
interface Entry {
  document: vscode.TextDocument;
  work: ArticleWork;
}

/** The document's ranges on screen, in every editor that shows it. */
function visibleSpans(document: vscode.TextDocument): Span[] {
  return vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges.map((r) => toSpan(document, r)));
}

/** The document as the core's isDocumentText reads it: the lines an edit wrote, in the keystroke's turn. */
function documentLines(document: vscode.TextDocument): DocumentLines {
  return {
    length: document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
    lineAround: (offset) => toSpan(document, document.lineAt(document.positionAt(offset).line).range),
    text: (span) => document.getText(toRange(document, span)),
  };
}

export class ArticleSessions extends Disposable implements SnapshotSource {
  private readonly entries = new Map<string, Entry>();
  /** What the first analysis and the first hover of the process would do in one long turn, one step per turn (see editorWarmUpSteps). */
  private readonly warmUp = new WarmUp(editorWarmUpSteps(vscode.env.language));
  private readonly changed = this.register(new vscode.EventEmitter<ArticleChange>());
  /** Fires when an article's snapshot is current: after its first slice, when complete, after annotation changes. */
  readonly onDidChangeArticle = this.changed.event;

  constructor(
    private readonly articles: ArticleRegistry,
    private readonly annotations: AnnotationService,
    private readonly lexicons: Lexicons,
    private readonly feedback: FeedbackService,
    private readonly settings: SettingsCache,
    private readonly teams: TeamSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.drop(d.uri.toString())));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.persistPlacements(d)));
    this.register(vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) this.entryFor(editor.document);
    }));
    this.register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.entries.get(e.textEditor.document.uri.toString())?.work.prioritize()));
    this.register(annotations.onDidChange(() => this.syncAnnotations()));
    this.register(teams.onDidChange(() => this.syncAnnotations()));
    this.register(articles.onDidChange(() => this.resetAll()));
    this.register(lexicons.onDidChange(() => this.resetAll()));
    // A correction is rare and must show at once: every open article is analysed again with it.
    this.register(feedback.onDidChange(() => this.resetAll()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      const affects = ['claimScoreThreshold', 'maxArticleSizeKB', 'recheck', 'outdated'].some((s) => e.affectsConfiguration(`aiNews.${s}`));
      if (affects) this.resetAll();
      else if (e.affectsConfiguration('aiNews.blindDoubleCheck') || e.affectsConfiguration('aiNews.author')) this.syncAnnotations();
    }));
    this.register({ dispose: () => this.dropAll() });
    this.register({ dispose: () => this.warmUp.stop() });
  }

  /** Starts sessions for the articles on screen; call once the stores and lexicons are loaded. */
  start(): void {
    for (const editor of vscode.window.visibleTextEditors) this.entryFor(editor.document);
    this.warmUp.prepare();
  }

  snapshot(document: vscode.TextDocument): ArticleSnapshot | undefined {
    return this.entryFor(document)?.work.snapshot;
  }

  isPending(document: vscode.TextDocument): boolean {
    return this.entries.get(document.uri.toString())?.work.busy ?? false;
  }

  /** The annotations placed in the document's current text (what commands act on); empty for non-articles. */
  placements(document: vscode.TextDocument): readonly Placement[] {
    return this.entryFor(document)?.work.session.placements ?? [];
  }

  /** What lies under an offset of the current text, for hovers and the light bulb (see ArticleWork.at). */
  at(document: vscode.TextDocument, offset: number): { placements: PlacedAnnotation[]; findings: ArticlePoint['findings'] } | undefined {
    return this.entryFor(document)?.work.at(offset);
  }

  /** Whether a claim is suggested as possibly outdated. */
  suggestsOutdated(document: vscode.TextDocument, claim: ArticlePoint['findings'][number]): boolean {
    const work = this.entryFor(document)?.work;
    return work !== undefined && claim.kind === 'claim' && work.session.suggestsOutdated(claim, this.now());
  }

  /**
   * The whole analysis of the current text, finished now if need be: for commands that need every
   * finding (export, next unreviewed claim, find in other articles), never for views.
   */
  completeAnalysis(document: vscode.TextDocument): Analysis | undefined {
    return this.entryFor(document)?.work.completeAnalysis();
  }

  /** An article's timings and counters so far (the test API); undefined for other documents. */
  workStats(document: vscode.TextDocument): WorkStats | undefined {
    return this.entries.get(document.uri.toString())?.work.stats;
  }

  /** Drops every session and starts the articles on screen again (settings, lexicon, feedback, rescan). */
  resetAll(): void {
    this.dropAll();
    this.start();
  }

  /**
   * The document's entry, created (and its first analysis started) for an article seen the first
   * time, or for any other document that has annotations (they are placed and shown, nothing is analysed).
   */
  private entryFor(document: vscode.TextDocument): Entry | undefined {
    const key = document.uri.toString();
    const known = this.entries.get(key);
    if (known || this.isDisposed || document.isClosed) return known;
    if (!this.articles.isArticle(document) && this.annotations.annotationsOf(document).length === 0) return undefined;
    const work = new ArticleWork(this.newSession(document, document.getText()), {
      visible: () => visibleSpans(document),
      resized: (session) => (this.articles.isArticle(document) && session.exceeds(this.settings.for(document.uri).maxArticleSizeBytes) !== session.tooLarge
        ? this.newSession(document, session.text)
        : undefined),
      publish: (snapshot) => this.changed.fire({ document, snapshot }),
      now: this.now,
    }, this.warmUp);
    const entry = { document, work };
    this.entries.set(key, entry);
    work.restart(0);
    return entry;
  }

  /**
   * The article's annotations this person may see: all of them, or with the blind double check on,
   * their own and others' only on claims they gave a verdict on. Every view reads the session, so
   * hover, highlights, trees and status bar all hide the same ones.
   */
  private shownAnnotations(document: vscode.TextDocument): readonly Annotation[] {
    const all = this.annotations.annotationsOf(document);
    if (!this.settings.for(document.uri).blindDoubleCheck) return all;
    return blindVisible(all, this.teams.teamFor(document.uri), this.annotations.knownAuthor(document.uri) ?? '', true);
  }

  /** A session of the document's text with its annotations placed (a new one too when the article crossed the size limit). */
  private newSession(document: vscode.TextDocument, text: string): ArticleSession {
    const settings = this.settings.for(document.uri);
    const analysis = (): AnalyzeOptions => ({ lexicon: this.lexicons.lexiconFor(document.uri), claimThreshold: settings.claimScoreThreshold, feedback: this.feedback.correctionsFor(document.uri) });
    const session = new ArticleSession(text, document.version, sessionOptionsFor(text, this.articles.isArticle(document), settings, analysis));
    session.setAnnotations(this.shownAnnotations(document));
    return session;
  }

  /** A keystroke: placements move now; everything else waits for the debounce. */
  private follow(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry || event.contentChanges.length === 0) return;
    const { document } = event;
    const edits = textEdits(event.contentChanges);
    entry.work.session.edit(document.version, edits, () => document.getText(), (followed) => isDocumentText(documentLines(document), followed, edits));
    entry.work.edited(this.settings.for(document.uri).debounceMs);
  }

  /**
   * After an article is saved, its annotations' positions are written to match the saved text (one
   * store change; the placements already are where the positions say, so nothing is re-anchored).
   */
  private async persistPlacements(document: vscode.TextDocument): Promise<void> {
    const work = this.entries.get(document.uri.toString())?.work;
    if (work) await this.annotations.movePositions(document, work.settledPositions());
  }

  private syncAnnotations(): void {
    for (const { document, work } of this.entries.values()) {
      if (work.session.setAnnotations(this.shownAnnotations(document))) work.annotationsChanged();
    }
  }

  private drop(key: string): void {
    this.entries.get(key)?.work.stop();
    this.entries.delete(key);
  }

  private dropAll(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }
}
