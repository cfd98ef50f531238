/**
 * The one place where the core's UTF-16 offsets become `vscode.Range`s and back.
 * The core counts in the exact text the editor holds, which is what `positionAt` expects.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/span';

export { spanContains, type Span } from '../core/span';

/** The range covering `[start, end)` of the document's text. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The offsets of a range in the document's text. */
export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
