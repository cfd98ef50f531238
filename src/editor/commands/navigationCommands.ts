/** Moving through an article: next / previous unreviewed claim, revealing annotations and findings. */
import * as vscode from 'vscode';
import { nextClaim, unreviewedClaims } from '../../core/navigation/claimNavigation';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../../core/notificationText';
import { toRange, type Span } from '../ranges';
import { articleDocument, explain, isAnnotationArgs, type AnnotationArgs, type CommandContext } from './context';
import { refusalToOpen } from '../guardedOpen';

async function select(document: vscode.TextDocument, span: Span): Promise<vscode.TextEditor> {
  const range = toRange(document, span);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

async function moveToUnreviewed(ctx: CommandContext, direction: 1 | -1): Promise<Span | undefined> {
  const document = await articleDocument(ctx);
  const editor = vscode.window.activeTextEditor;
  if (!document || !editor) return undefined;
  const annotated = ctx.sessions.placements(document).flatMap((p) => (p.span ? [p.span] : []));
  const claims = unreviewedClaims(ctx.sessions.completeAnalysis(document)?.findings ?? [], annotated, ctx.settings.for(document.uri).claimScoreThreshold);
  if (claims.length === 0) return explain(vscode.l10n.t('Every claim in this article has a verdict.'));
  const cursor = document.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
  const next = nextClaim(claims, cursor, direction);
  await select(document, next);
  return { start: next.start, end: next.end };
}

async function revealAnnotation(ctx: CommandContext, args?: AnnotationArgs): Promise<void> {
  if (!isAnnotationArgs(args)) return;
  const found = ctx.annotations.find(args.folder, args.id);
  if (!found) return explain(vscode.l10n.t('That annotation no longer exists.'));
  const articleUri = vscode.Uri.joinPath(found.folder.uri, found.annotation.article);
  const refusal = await refusalToOpen(articleUri);
  if (refusal !== undefined) return explain(vscode.l10n.t('The article cannot be opened: {0}', inertNotificationText(refusal, NOTIFICATION_MESSAGE_LENGTH)));
  const document = await vscode.workspace.openTextDocument(articleUri);
  const placed = ctx.sessions.placements(document).find((p) => p.annotation.id === args.id);
  if (!placed?.span) {
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const position = document.positionAt(found.annotation.position.start);
    editor.selection = new vscode.Selection(position, position);
    return explain(vscode.l10n.t('The annotated text "{0}" is no longer in the article. Select where it belongs and run "Re-anchor Annotation to Selection", or remove it.', inertNotificationText(found.annotation.quote.exact, 60)));
  }
  await select(document, placed.span);
}

async function revealFinding(args?: { uri: string; start: number; end: number }): Promise<void> {
  if (!args) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  await select(document, args);
}

export function registerNavigationCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.nextUnreviewedClaim', () => moveToUnreviewed(ctx, 1)),
    vscode.commands.registerCommand('aiNews.previousUnreviewedClaim', () => moveToUnreviewed(ctx, -1)),
    vscode.commands.registerCommand('aiNews.revealAnnotation', (args?: AnnotationArgs) => revealAnnotation(ctx, args)),
    vscode.commands.registerCommand('aiNews.revealFinding', (args?: { uri: string; start: number; end: number }) => revealFinding(args)),
  ];
}
