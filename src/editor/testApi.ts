/**
 * What the extension exports for its integration tests (and other extensions): read-only views of
 * what it drew and knows. Nothing here changes state.
 */
import type * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/types';
import type { AnalysisService } from './analysisService';
import type { AnnotationService } from './annotationService';
import type { DecorationKind, DecorationPainter } from './decorations';
import type { PlacedAnnotation } from './placedAnnotation';
import type { Span } from './ranges';

export interface AiNewsApi {
  /** The spans last painted into a document, by decoration kind. */
  decorations(uri: vscode.Uri): Record<DecorationKind, Span[]> | undefined;
  analysis(document: vscode.TextDocument): Analysis | undefined;
  placedAnnotations(document: vscode.TextDocument): PlacedAnnotation[];
  /** Milliseconds the last analysis of the document (or the last slice of it) took. */
  lastAnalysisMs(document: vscode.TextDocument): number | undefined;
  /** False while a large article is still being analysed in idle-time slices. */
  analysisComplete(document: vscode.TextDocument): boolean | undefined;
  /** Fires after a document's analysis changed (after its first slice and once it is complete). */
  onDidAnalyze: vscode.Event<vscode.TextDocument>;
  /** Fires after an editor was painted. */
  onDidPaint: vscode.Event<vscode.TextEditor>;
  /** Milliseconds the last paint took (analysis included when it was stale). */
  lastPaintMs(): number;
  /** Parts the tests read directly (trees, status bar). */
  parts: Record<string, unknown>;
}

export function createApi(
  painter: DecorationPainter,
  analysis: AnalysisService,
  annotations: AnnotationService,
  parts: Record<string, unknown>,
): AiNewsApi {
  return {
    decorations: (uri) => painter.paintedSpans(uri),
    analysis: (document) => analysis.analysisFor(document),
    placedAnnotations: (document) => annotations.placedAnnotations(document),
    lastAnalysisMs: (document) => analysis.lastDurationMs(document),
    analysisComplete: (document) => analysis.progressFor(document)?.complete,
    onDidAnalyze: analysis.onDidAnalyze,
    onDidPaint: painter.onDidPaint,
    lastPaintMs: () => painter.lastPaintMs,
    parts,
  };
}
