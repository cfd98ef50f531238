/** What the commands share: the services, and plain-spoken checks for what a command needs. */
import * as vscode from 'vscode';
import type { AnnotationService } from '../annotationService';
import type { ArticleRegistry } from '../articleRegistry';
import type { ArticleSessions } from '../articleSessions';
import { toSpan, type Span } from '../ranges';
import type { SettingsCache } from '../settings';
import type { TeamFiles } from '../teamFiles';

export interface CommandContext {
  extensionUri: vscode.Uri;
  articles: ArticleRegistry;
  sessions: ArticleSessions;
  annotations: AnnotationService;
  settings: SettingsCache;
  teams: TeamFiles;
}

/** Arguments that name a span of an article (hover links, code actions, tests). */
export interface SpanArgs {
  uri?: string;
  start?: number;
  end?: number;
  note?: string;
}

/** Arguments that name an annotation (tree items, hover links, tests). */
export interface AnnotationArgs {
  folder: string;
  id: string;
}

export function isAnnotationArgs(value: unknown): value is AnnotationArgs {
  return typeof value === 'object' && value !== null && typeof (value as AnnotationArgs).folder === 'string' && typeof (value as AnnotationArgs).id === 'string';
}

/** Shows why a command cannot run; commands return after calling this. */
export function explain(message: string): void {
  void vscode.window.showInformationMessage(message);
}

/**
 * The workspace folder a command works in: the active editor's, else the only one, else the one the
 * user picks.
 * @param noFolder said when no folder is open; undefined says nothing (the caller explains).
 * @param placeHolder the pick's prompt when there are several folders.
 */
export async function chooseFolder(noFolder?: string, placeHolder?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  if (active) return active;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    if (noFolder) explain(noFolder);
    return undefined;
  }
  return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick(placeHolder ? { placeHolder } : undefined);
}

/** The article the command works on: the one named in the arguments, else the active editor's. */
export async function articleDocument(ctx: CommandContext, uri?: string): Promise<vscode.TextDocument | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
  if (!document) {
    explain(vscode.l10n.t('Open an article first: this command works on the article in the active editor.'));
    return undefined;
  }
  if (!ctx.articles.isArticle(document)) {
    explain(vscode.l10n.t('{0} is not treated as an article. Run "AI News: Analyze This Document" to check it.', vscode.workspace.asRelativePath(document.uri)));
    return undefined;
  }
  if (!vscode.workspace.getWorkspaceFolder(document.uri)) {
    explain(vscode.l10n.t('Annotations are stored in a workspace folder and shared through git: open the folder that holds this article.'));
    return undefined;
  }
  return document;
}

/**
 * The span to annotate: the arguments' offsets, else the selection, else the claim under the cursor.
 */
export function targetSpan(ctx: CommandContext, document: vscode.TextDocument, args?: SpanArgs): Span | undefined {
  if (typeof args?.start === 'number' && typeof args.end === 'number') return { start: args.start, end: args.end };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document) return undefined;
  if (!editor.selection.isEmpty) return toSpan(document, editor.selection);
  const claim = ctx.sessions.at(document, document.offsetAt(editor.selection.active))?.findings.find((f) => f.kind === 'claim');
  return claim ? { start: claim.start, end: claim.end } : undefined;
}
