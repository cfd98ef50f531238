/** What the commands share: the services, and plain-spoken checks for what a command needs. */
import * as vscode from 'vscode';
import type { Finding, FindingKind } from '../../core/analysis/types';
import { isAnnotationArgs, messageOf, spanOfArgs, type SpanArgs } from '../../core/commands/commandArgs';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../../core/notificationText';
import { isInsideWorkspaceFolder, scriptedPathConfirm, scriptedPathQuestion, type ScriptedPathUse } from '../../core/workspace/scriptedPath';
import type { Annotation } from '../../core/store/annotation';
import type { AnnotationPatch } from '../../core/store/annotationStore';
import type { AnnotationService } from '../annotationService';
import type { ArticleRegistry } from '../articleRegistry';
import type { ArticleSessions } from '../articleSessions';
import { spanContains, toSpan, type Span } from '../ranges';
import type { SettingsCache } from '../settings';
import type { TeamFiles } from '../teamFiles';

export { isAnnotationArgs, messageOf, spanOfArgs, type AnnotationArgs, type SpanArgs } from '../../core/commands/commandArgs';

export interface CommandContext {
  extensionUri: vscode.Uri;
  articles: ArticleRegistry;
  sessions: ArticleSessions;
  annotations: AnnotationService;
  settings: SettingsCache;
  teams: TeamFiles;
}

/** An annotation and the workspace folder whose file holds it. */
export interface FoundAnnotation {
  folder: vscode.WorkspaceFolder;
  annotation: Annotation;
}

/** Shows why a command cannot run, and returns what the command then resolves to: `return explain(…)`, or `explain(…, false)`. */
export function explain(message: string): undefined;
export function explain<T>(message: string, result: T): T;
export function explain<T>(message: string, result?: T): T | undefined {
  void vscode.window.showInformationMessage(message);
  return result;
}

/** Runs a change; a failure is shown as an error message (its reason, or `failed(reason, error)`) and resolves to undefined. */
export async function run<T>(action: () => Promise<T>, failed: (reason: string, error: unknown) => string = (reason) => reason): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    void vscode.window.showErrorMessage(inertNotificationText(failed(messageOf(error), error), NOTIFICATION_MESSAGE_LENGTH));
    return undefined;
  }
}

/** The annotation named by arguments or a tree item, else the one under the cursor. */
export function annotationAt(ctx: CommandContext, args?: unknown): FoundAnnotation | undefined {
  if (isAnnotationArgs(args)) return ctx.annotations.find(args.folder, args.id);
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const placed = ctx.sessions.placements(editor.document).find((p) => p.span && spanContains(p.span, offset));
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  return placed && folder && { folder, annotation: placed.annotation };
}

/** {@link annotationAt}, explaining how to name one when there is none. */
export function requireAnnotation(ctx: CommandContext, args?: unknown): FoundAnnotation | undefined {
  const found = annotationAt(ctx, args);
  if (!found) explain(vscode.l10n.t('Put the cursor on an annotated passage, or pick an annotation in the AI News sidebar.'));
  return found;
}

/**
 * What most annotation commands do: find the annotation, work out the change (asking when needed;
 * undefined: cancelled, nothing is written) and write it.
 */
export async function changeAnnotation(ctx: CommandContext, args: unknown, patchFor: (found: FoundAnnotation) => AnnotationPatch | undefined | Promise<AnnotationPatch | undefined>): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  const patch = found && (await patchFor(found));
  return found && patch && run(() => ctx.annotations.update(found.folder, found.annotation.id, patch));
}

/** A pick item that stands for a value; one without a value (an explanation) does nothing when accepted. */
export type LiveItem<T> = vscode.QuickPickItem & { value?: T };

/**
 * Shows a quick pick whose items follow the typed text; resolves to the accepted item's value, or
 * undefined when the pick is closed. The pick is busy while `prepare` works (it is told whether the
 * pick is still open); when it resolves to undefined, the pick closes.
 */
export function showLivePick<T>(pick: vscode.QuickPick<LiveItem<T>>, prepare: (isOpen: () => boolean) => Promise<((typed: string) => LiveItem<T>[]) | undefined>): Promise<T | undefined> {
  return new Promise((resolve) => {
    let chosen: T | undefined;
    let open = true;
    const listeners = [
      pick.onDidAccept(() => {
        const value = (pick.selectedItems[0] ?? pick.activeItems[0])?.value;
        if (value === undefined) return; // an explanation stays on screen until the text is fixed
        chosen = value;
        pick.hide();
      }),
      pick.onDidHide(() => {
        open = false;
        for (const listener of listeners) listener.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    pick.busy = true;
    pick.show();
    void prepare(() => open).then((itemsFor) => {
      if (!open) return;
      if (!itemsFor) return pick.hide();
      listeners.push(pick.onDidChangeValue((typed) => (pick.items = itemsFor(typed))));
      pick.items = itemsFor(pick.value);
      pick.busy = false;
    });
  });
}

/**
 * Asks which of some values to show, all of them ticked when none is filtered: the pick of the view's
 * multi-value filters and of the statuses to export. Undefined when the pick was closed.
 */
export async function pickShown<T>(choices: readonly { value: T; label: string; description?: string }[], shown: readonly T[] | undefined, title: string): Promise<T[] | undefined> {
  const items = choices.map(({ value, label, description }) => ({ label, description, picked: (shown ?? choices.map((c) => c.value)).includes(value), value }));
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true });
  return picked?.map((p) => p.value);
}

/**
 * Runs work under a progress notification whose Cancel button aborts the signal the work is given.
 * Resolves to undefined when it was cancelled or failed; a failure is shown as `failed(reason)`.
 */
export async function withCancellableProgress<T>(title: string, cancellable: boolean, work: (signal: AbortSignal) => Promise<T>, failed: (reason: string) => string): Promise<T | undefined> {
  try {
    // The title names a source (an address, a file name) and the failure a reason from outside.
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: inertNotificationText(title, NOTIFICATION_MESSAGE_LENGTH), cancellable }, async (_progress, token) => {
      const cancel = new AbortController();
      const subscription = token.onCancellationRequested(() => cancel.abort());
      try {
        return await work(cancel.signal);
      } finally {
        subscription.dispose();
      }
    });
  } catch (error) {
    const reason = messageOf(error);
    if (reason !== 'cancelled') void vscode.window.showErrorMessage(inertNotificationText(failed(reason), NOTIFICATION_MESSAGE_LENGTH));
    return undefined;
  }
}

/**
 * Whether to act on a path that came as a command's argument, not from a dialog the user answered:
 * at once when it lies in the workspace folder (links resolved, not in a hidden file or folder such as
 * .git, .ainews or .env), else only after the
 * user says yes. A command link in a teammate's text could pass any path: copy a private file into
 * the team's evidence, or write an export over any file.
 */
export async function confirmScriptedPath(folder: vscode.WorkspaceFolder, path: string, use: ScriptedPathUse): Promise<boolean> {
  if (folder.uri.scheme === 'file' && (await isInsideWorkspaceFolder(folder.uri.fsPath, path))) return true;
  const yes = scriptedPathConfirm(vscode.l10n, use);
  return (await vscode.window.showWarningMessage(scriptedPathQuestion(vscode.l10n, use, path), { modal: true }, yes)) === yes;
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
    if (noFolder) explain(inertNotificationText(noFolder, NOTIFICATION_MESSAGE_LENGTH));
    return undefined;
  }
  return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick(placeHolder ? { placeHolder } : undefined);
}

/** The article the command works on: the one named in the arguments, else the active editor's. */
export async function articleDocument(ctx: CommandContext, uri?: string): Promise<vscode.TextDocument | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
  if (!document) return explain(vscode.l10n.t('Open an article first: this command works on the article in the active editor.'));
  if (!ctx.articles.isArticle(document)) return explain(vscode.l10n.t('{0} is not treated as an article. Run "AI News: Analyze This Document" to check it.', inertNotificationText(vscode.workspace.asRelativePath(document.uri))));
  if (!vscode.workspace.getWorkspaceFolder(document.uri)) return explain(vscode.l10n.t('Annotations are stored in a workspace folder and shared through git: open the folder that holds this article.'));
  return document;
}

/** The finding of a kind under the cursor, when the document is the active editor's. */
export function findingAtCursor(ctx: CommandContext, document: vscode.TextDocument, kind: FindingKind): Finding | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document) return undefined;
  return ctx.sessions.at(document, document.offsetAt(editor.selection.active))?.findings.find((f) => f.kind === kind);
}

/**
 * The span to annotate: the arguments' offsets, else the selection, else the claim under the cursor.
 */
export function targetSpan(ctx: CommandContext, document: vscode.TextDocument, args?: SpanArgs): Span | undefined {
  const given = spanOfArgs(args);
  if (given) return given;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document === document && !editor.selection.isEmpty) return toSpan(document, editor.selection);
  const claim = findingAtCursor(ctx, document, 'claim');
  return claim && { start: claim.start, end: claim.end };
}
