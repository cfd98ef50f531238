/**
 * Claims with time-sensitive wording in articles older than the configured age: suggested as
 * possibly outdated (a decoration and a code action), never given a verdict automatically.
 */
import type * as vscode from 'vscode';
import { suggestOutdated } from '../core/review/reviewState';
import type { AnalysisService } from './analysisService';
import type { AnnotationSource } from './placedAnnotation';
import type { Span } from './ranges';
import { readSettings } from './settings';

export function possiblyOutdatedSpans(
  analysis: AnalysisService,
  annotations: AnnotationSource,
  now: () => Date,
): (document: vscode.TextDocument) => Span[] {
  return (document) => {
    // What is analysed so far: painting never waits for the rest of a large article.
    const result = analysis.progressFor(document)?.analysis;
    if (!result) return [];
    const annotated = annotations.placedAnnotations(document).flatMap((p) => (p.span ? [p.span] : []));
    return suggestOutdated(result, result.date, now(), readSettings(document.uri).maxArticleAgeDays)
      .filter((claim) => !annotated.some((a) => a.start < claim.end && claim.start < a.end))
      .map(({ start, end }) => ({ start, end }));
  };
}
