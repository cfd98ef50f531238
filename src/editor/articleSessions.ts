/**
 * One ArticleSession (src/core/session) per open article, and the only place in the editor that
 * decides when to analyse: edits move annotation placements at once (cheap), the analysis waits for
 * the one debounce, a large article is analysed in time slices (what is on screen first), and
 * `onDidChangeArticle` fires once a snapshot is current. Every view reads snapshots; none computes.
 * Modelled on VS Code's merge-conflict extension: one tracker per document, views ask `isPending`.
 *
 * The work after a debounce takes several turns of the event loop, so that no keystroke adds up to
 * one long block: analysis (slices of at most SLICE_BUDGET_MS), assembling the findings and starting
 * the content hash (off the main thread), then the snapshot and the views.
 */
import * as vscode from 'vscode';
import { warmUpSteps } from '../core/analysis/analyzer';
import type { Analysis } from '../core/analysis/types';
import { ArticleSession, exceedsUtf8, type ArticlePoint, type ArticleSnapshot, type PlacedAnnotation, type Placement } from '../core/session/articleSession';
import type { TextEdit } from '../core/store/anchor';
import type { Annotation } from '../core/store/annotation';
import { blindVisible } from '../core/team/myWork';
import type { TeamSource } from './decorations';
import type { AnnotationService } from './annotationService';
import type { ArticleRegistry } from './articleRegistry';
import { Disposable } from './disposable';
import type { FeedbackService } from './feedbackService';
import type { Lexicons } from './lexicons';
import { toSpan, type Span } from './ranges';
import type { SettingsCache } from './settings';

export type { ArticleSnapshot, PlacedAnnotation, Placement };

/** Longest stretch of analysis work done in one turn of the event loop (the part on screen aside). */
const SLICE_BUDGET_MS = 8;
/** Articles up to this many characters are analysed at once (no "analysing" flicker); larger ones in slices. */
const SLICED_ABOVE_CHARS = 64 * 1024;

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

interface Entry {
  document: vscode.TextDocument;
  session: ArticleSession;
  snapshot: ArticleSnapshot | undefined;
  /** The next step of the work (debounce, slice, assembly, publication). */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** True from a change until a snapshot of its version is published. */
  busy: boolean;
  /** Counts restarts, so that an awaited hash of an older run publishes nothing. */
  run: number;
  /** Publish after the next slice even though the analysis is unfinished (first slice, scrolling). */
  publishPartial: boolean;
  /** Milliseconds of the last analysis slice and its assembly, and the longest such turn since the article was opened (benchmarks). */
  lastWorkMs: number;
  longestWorkMs: number;
  /** Counts the annotation changes the session took in; a publication compares it to see whether its snapshot missed one. */
  annotationChanges: number;
}

/** VS Code reports simultaneous changes against the old text; applied last-first, each offset stays valid. */
function textEdits(changes: readonly vscode.TextDocumentContentChangeEvent[]): TextEdit[] {
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => ({ offset: c.rangeOffset, deletedLength: c.rangeLength, insertedText: c.text }));
}

/** The document's ranges on screen, in every editor that shows it. */
function visibleSpans(document: vscode.TextDocument): Span[] {
  return vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges.map((r) => toSpan(document, r)));
}

export class ArticleSessions extends Disposable implements SnapshotSource {
  private readonly entries = new Map<string, Entry>();
  /** What the first analysis of the process would do in one long turn, one step per turn (see warmUpSteps). */
  private readonly firstAnalysisSteps = warmUpSteps();
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
    this.register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.prioritize(e.textEditor.document)));
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
  }

  /** Starts sessions for the articles on screen; call once the stores and lexicons are loaded. */
  start(): void {
    for (const editor of vscode.window.visibleTextEditors) this.entryFor(editor.document);
    this.prepareAnalysis();
  }

  /** Takes the steps of the process's first analysis in idle turns of their own, before any article needs them. */
  private prepareAnalysis(): void {
    const step = this.firstAnalysisSteps.shift();
    if (step && !this.isDisposed) {
      step();
      setTimeout(() => this.prepareAnalysis(), 0);
    }
  }

  snapshot(document: vscode.TextDocument): ArticleSnapshot | undefined {
    return this.entryFor(document)?.snapshot;
  }

  isPending(document: vscode.TextDocument): boolean {
    return this.entries.get(document.uri.toString())?.busy ?? false;
  }

  /** The annotations placed in the document's current text (what commands act on); empty for non-articles. */
  placements(document: vscode.TextDocument): readonly Placement[] {
    return this.entryFor(document)?.session.placements ?? [];
  }

  /**
   * What lies under an offset of the current text, for hovers and the light bulb: the annotations
   * (with the review flags of the last snapshot) and the findings of the few blocks around it,
   * analysed now if need be, never the rest of a large article.
   */
  at(document: vscode.TextDocument, offset: number): { placements: PlacedAnnotation[]; findings: ArticlePoint['findings'] } | undefined {
    const entry = this.entryFor(document);
    if (!entry) return undefined;
    const started = performance.now();
    const point = entry.session.at(offset);
    entry.longestWorkMs = Math.max(entry.longestWorkMs, performance.now() - started);
    const flags = new Map(entry.snapshot?.placements.map((p) => [p.annotation.id, p.flags]));
    return { placements: point.placements.map((p) => ({ ...p, flags: flags.get(p.annotation.id) ?? [] })), findings: point.findings };
  }

  /** Whether a claim is suggested as possibly outdated. */
  suggestsOutdated(document: vscode.TextDocument, claim: ArticlePoint['findings'][number]): boolean {
    const entry = this.entryFor(document);
    return entry !== undefined && claim.kind === 'claim' && entry.session.suggestsOutdated(claim, this.now());
  }

  /**
   * The whole analysis of the current text, finished now if need be: for commands that need every
   * finding (export, next unreviewed claim, find in other articles), never for views.
   */
  completeAnalysis(document: vscode.TextDocument): Analysis | undefined {
    const session = this.entryFor(document)?.session;
    if (!session || session.tooLarge) return undefined;
    session.analyze();
    return session.analysisSoFar();
  }

  /** Milliseconds the last slice of analysis and its assembly took (benchmarks). */
  lastWorkMs(document: vscode.TextDocument): number | undefined {
    return this.entries.get(document.uri.toString())?.lastWorkMs;
  }

  /** The longest turn of analysis or assembly since the article was opened (benchmarks: the extension's own share of a long block). */
  longestWorkMs(document: vscode.TextDocument): number | undefined {
    return this.entries.get(document.uri.toString())?.longestWorkMs;
  }

  /** How many versions of an article were analysed so far (one per debounce window; benchmarks count them). */
  analyses(document: vscode.TextDocument): number | undefined {
    return this.entries.get(document.uri.toString())?.session.analyses;
  }

  /** The re-anchorings of an article's session so far (the integration tests count them). */
  reanchorings(document: vscode.TextDocument): number | undefined {
    return this.entries.get(document.uri.toString())?.session.reanchorings;
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
    const entry: Entry = {
      document,
      session: this.newSession(document, document.getText()),
      snapshot: undefined,
      timer: undefined,
      busy: false,
      run: 0,
      publishPartial: true,
      lastWorkMs: 0,
      longestWorkMs: 0,
      annotationChanges: 0,
    };
    this.entries.set(key, entry);
    entry.session.setAnnotations(this.shownAnnotations(document));
    this.restart(entry, 0);
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

  private newSession(document: vscode.TextDocument, text: string): ArticleSession {
    const settings = this.settings.for(document.uri);
    const analysis = !this.articles.isArticle(document)
      ? 'not an article'
      : exceedsUtf8(text, settings.maxArticleSizeBytes)
        ? 'too large'
        : { lexicon: this.lexicons.lexiconFor(document.uri), claimThreshold: settings.claimScoreThreshold, feedback: this.feedback.correctionsFor(document.uri) };
    return new ArticleSession(text, document.version, { analysis, maxVerifiedAgeDays: settings.maxVerifiedAgeDays, maxArticleAgeDays: settings.maxArticleAgeDays });
  }

  /** A keystroke: placements move now; everything else waits for the debounce. */
  private follow(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry || event.contentChanges.length === 0) return;
    const { document } = event;
    entry.session.edit(document.version, textEdits(event.contentChanges), () => document.getText());
    entry.publishPartial = true;
    this.restart(entry, this.settings.for(event.document.uri).debounceMs);
  }

  /**
   * After an article is saved, its annotations' positions are written to match the saved text (one
   * store change; the placements already are where the positions say, so nothing is re-anchored).
   * Fuzzy ones keep their stored position until a person confirms them.
   */
  private async persistPlacements(document: vscode.TextDocument): Promise<void> {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return;
    const positions = new Map<string, Span>();
    for (const p of entry.session.placements) if (p.span && p.state !== 'fuzzy') positions.set(p.annotation.id, p.span);
    await this.annotations.movePositions(document, positions);
  }

  /** Scrolling an unfinished article: the next slice analyses what came on screen, and is shown. */
  private prioritize(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri.toString());
    if (entry && !entry.session.analysisIsCurrent) entry.publishPartial = true;
  }

  private syncAnnotations(): void {
    for (const entry of this.entries.values()) {
      if (!entry.session.setAnnotations(this.shownAnnotations(entry.document))) continue;
      entry.annotationChanges += 1;
      // Work under way publishes the placements with it (see publish); otherwise publish them on their own.
      if (!entry.busy) this.publishAnnotations(entry);
    }
  }

  private publishAnnotations(entry: Entry): void {
    clearTimeout(entry.timer);
    entry.busy = true;
    const run = (entry.run += 1);
    entry.timer = setTimeout(() => void this.publish(entry, run), 0);
  }

  /** (Re)starts the work on an entry after `delay` milliseconds. */
  private restart(entry: Entry, delay: number): void {
    clearTimeout(entry.timer);
    entry.busy = true;
    entry.run += 1;
    const run = entry.run;
    entry.timer = setTimeout(() => this.analyzeSlice(entry, run), delay);
  }

  private alive(entry: Entry, run: number): boolean {
    return !this.isDisposed && !entry.document.isClosed && entry.run === run && this.entries.get(entry.document.uri.toString()) === entry;
  }

  /** One turn of analysis; then the publication, or the next slice. */
  private analyzeSlice(entry: Entry, run: number): void {
    entry.timer = undefined;
    if (!this.alive(entry, run)) return;
    const firstAnalysisStep = this.firstAnalysisSteps.shift();
    if (firstAnalysisStep) {
      // An article opened before the analysis was prepared: one step per turn first.
      firstAnalysisStep();
      entry.timer = setTimeout(() => this.analyzeSlice(entry, run), 0);
      return;
    }
    const { session, document } = entry;
    if (this.articles.isArticle(document) && session.exceeds(this.settings.for(document.uri).maxArticleSizeBytes) !== session.tooLarge) {
      // The article grew over the limit, or shrank under it.
      entry.session = this.newSession(document, session.text);
      entry.session.setAnnotations(this.shownAnnotations(document));
    }
    const started = performance.now();
    const sliced = entry.session.text.length > SLICED_ABOVE_CHARS;
    const visible = sliced ? visibleSpans(document) : [];
    const complete = entry.session.analyze(sliced ? { priority: visible, deadline: started + SLICE_BUDGET_MS } : {});
    entry.lastWorkMs = performance.now() - started;
    entry.longestWorkMs = Math.max(entry.longestWorkMs, entry.lastWorkMs);
    // The first partial snapshot waits for the slice that has analysed what is on screen.
    if (complete || (entry.publishPartial && entry.session.isAnalysed(visible))) {
      entry.publishPartial = false;
      entry.timer = setTimeout(() => void this.publish(entry, run), 0);
    } else {
      entry.timer = setTimeout(() => this.analyzeSlice(entry, run), 0);
    }
  }

  /**
   * Assembles the findings in turns of at most SLICE_BUDGET_MS, hashes the text in slices of turns
   * of their own, builds the snapshot in the next and publishes it in the one after; an unfinished
   * analysis then goes on with its next slice. Every step is a fraction of what VS Code itself spends on a keystroke in a large file.
   */
  private async publish(entry: Entry, run: number): Promise<void> {
    entry.timer = undefined;
    if (!this.alive(entry, run)) return;
    const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
    while (!this.assembleSlice(entry)) {
      await nextTurn();
      if (!this.alive(entry, run)) return;
    }
    let hash: string | undefined;
    if (entry.session.needsContentHash) {
      hash = await entry.session.contentHash(nextTurn);
      if (!this.alive(entry, run)) return;
    }
    await nextTurn();
    if (!this.alive(entry, run)) return;
    const annotationChanges = entry.annotationChanges;
    const snapshot = entry.session.snapshot(this.now(), hash);
    await nextTurn();
    if (!this.alive(entry, run)) return;
    entry.snapshot = snapshot;
    // The snapshot is of the current version; an unfinished analysis goes on, and is published again.
    entry.busy = false;
    if (!entry.session.analysisIsCurrent) entry.timer = setTimeout(() => this.analyzeSlice(entry, run), 0);
    // An annotation change that came in after the snapshot was taken (while this work looked busy) gets a publication of its own.
    else if (entry.annotationChanges !== annotationChanges) this.publishAnnotations(entry);
    this.changed.fire({ document: entry.document, snapshot: entry.snapshot });
  }

  /** One turn of assembling the findings (at most SLICE_BUDGET_MS); true when they are assembled. */
  private assembleSlice(entry: Entry): boolean {
    const started = performance.now();
    const assembled = entry.session.assembleUntil(started + SLICE_BUDGET_MS);
    const assemblyMs = performance.now() - started;
    entry.lastWorkMs += assemblyMs;
    entry.longestWorkMs = Math.max(entry.longestWorkMs, assemblyMs);
    return assembled;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.run += 1;
    this.entries.delete(key);
  }

  private dropAll(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }
}
