/**
 * What the extension exports for its integration tests (and other extensions): read-only views of
 * what it drew and knows. Nothing here changes state.
 */
import type * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/types';
import type { ArticleChange, ArticleSessions, ArticleSnapshot, PlacedAnnotation } from './articleSessions';
import type { DecorationPainter, Painted } from './decorations';

export interface AiNewsApi {
  /** The spans last painted into a document, by decoration kind (and team status colour). */
  decorations(uri: vscode.Uri): Painted | undefined;
  /** The complete analysis of an article (finished now if need be). */
  analysis(document: vscode.TextDocument): Analysis | undefined;
  /** The article's last published snapshot. */
  snapshot(document: vscode.TextDocument): ArticleSnapshot | undefined;
  /** The annotations as the last snapshot places them; [] before the first one. */
  placedAnnotations(document: vscode.TextDocument): readonly PlacedAnnotation[];
  /** Milliseconds the last analysis slice of the document (and its assembly) took. */
  lastAnalysisMs(document: vscode.TextDocument): number | undefined;
  /** The longest turn of analysis or assembly since the document was opened. */
  longestAnalysisMs(document: vscode.TextDocument): number | undefined;
  /** False while a large article is still being analysed in idle-time slices. */
  analysisComplete(document: vscode.TextDocument): boolean | undefined;
  /** How many versions of the article were analysed (one per debounce window while typing). */
  analyses(document: vscode.TextDocument): number | undefined;
  /** How often the article's annotations were resolved against its text. */
  reanchorings(document: vscode.TextDocument): number | undefined;
  /** Fires when an article's snapshot is current. */
  onDidChangeArticle: vscode.Event<ArticleChange>;
  /** Fires after an editor was painted. */
  onDidPaint: vscode.Event<vscode.TextEditor>;
  /** Milliseconds the last paint took. */
  lastPaintMs(): number;
  /** Parts the tests read directly (trees, status bar). */
  parts: Record<string, unknown>;
}

export function createApi(painter: DecorationPainter, sessions: ArticleSessions, parts: Record<string, unknown>): AiNewsApi {
  return {
    decorations: (uri) => painter.paintedSpans(uri),
    analysis: (document) => sessions.completeAnalysis(document),
    snapshot: (document) => sessions.snapshot(document),
    placedAnnotations: (document) => sessions.snapshot(document)?.placements ?? [],
    lastAnalysisMs: (document) => sessions.workStats(document)?.lastWorkMs,
    longestAnalysisMs: (document) => sessions.workStats(document)?.longestWorkMs,
    analysisComplete: (document) => sessions.snapshot(document)?.complete,
    analyses: (document) => sessions.workStats(document)?.analyses,
    reanchorings: (document) => sessions.workStats(document)?.reanchorings,
    onDidChangeArticle: sessions.onDidChangeArticle,
    onDidPaint: painter.onDidPaint,
    lastPaintMs: () => painter.lastPaintMs,
    parts,
  };
}
