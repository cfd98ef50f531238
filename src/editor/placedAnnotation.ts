/** An annotation as the editor shows it: where it sits in the current text, and what needs a look. */
import type * as vscode from 'vscode';
import type { AnchorState, Annotation } from '../core/store/annotation';
import type { Span } from './ranges';

export type ReviewFlag = 'needs re-check' | 'article changed since review';

export interface PlacedAnnotation {
  annotation: Annotation;
  folder: vscode.WorkspaceFolder;
  state: AnchorState;
  /** Where it sits now; absent for orphans. */
  span?: Span;
  flags: ReviewFlag[];
}

/** What the painter, the hover and the trees read about annotations. */
export interface AnnotationSource {
  placedAnnotations(document: vscode.TextDocument): PlacedAnnotation[];
  readonly onDidChange: vscode.Event<void>;
}
