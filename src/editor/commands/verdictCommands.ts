/** Mark verified / disputed / outdated, set status, edit note, review date, remove, re-anchor (evidence: evidenceCommands.ts). */
import * as vscode from 'vscode';
import { STATUSES, type Annotation, type Status } from '../../core/store/annotation';
import type { Version2Patch } from '../../core/store/patchVersion2';
import type { Placement } from '../articleSessions';
import { groupLabel, verdictLabel } from '../labels';
import { isVerdict, type TeamConfig } from '../../core/team/team';
import { spanContains, toSpan } from '../ranges';
import { articleDocument, explain, isAnnotationArgs, targetSpan, type AnnotationArgs, type CommandContext, type SpanArgs } from './context';

/** Asks for an optional note; undefined when the user pressed Escape. */
async function askNote(status: Status, current = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Mark {0}', verdictLabel(status)),
    prompt: vscode.l10n.t('Note (optional): why, and where you checked it'),
    value: current,
  });
}

/**
 * Sets a verdict (or a work state) on the selection or the claim under the cursor.
 * @param extra Version-2 fields set with it (Start Checking assigns the claim to me).
 */
export async function markStatus(ctx: CommandContext, status: Status, args?: SpanArgs, extra?: (me: string) => Version2Patch): Promise<Annotation | undefined> {
  const document = await articleDocument(ctx, args?.uri);
  if (!document) return undefined;
  const span = targetSpan(ctx, document, args);
  if (!span || span.start === span.end) {
    explain(vscode.l10n.t('Select the words to mark, or put the cursor on a highlighted claim.'));
    return undefined;
  }
  // A work state needs no note: nothing was decided yet.
  const note = args?.note !== undefined || extra ? (args?.note ?? '') : await askNote(status);
  if (note === undefined) return undefined;
  const existing = ctx.sessions.placements(document).find((p) => p.span && p.span.start === span.start && p.span.end === span.end);
  try {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const fields = extra && folder ? extra(await ctx.annotations.authorFor(folder)) : {};
    return await ctx.annotations.setVerdict(document, span, status, note, existing?.annotation.id, fields);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** The annotation named by arguments or a tree item, else the one under the cursor. */
export function annotationAt(ctx: CommandContext, args?: unknown): { folder: vscode.WorkspaceFolder; annotation: Annotation } | undefined {
  if (isAnnotationArgs(args)) return ctx.annotations.find(args.folder, args.id);
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const placed = ctx.sessions.placements(editor.document).find((p) => p.span && spanContains(p.span, offset));
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  return placed && folder && { folder, annotation: placed.annotation };
}

export function requireAnnotation(ctx: CommandContext, args?: unknown): { folder: vscode.WorkspaceFolder; annotation: Annotation } | undefined {
  const found = annotationAt(ctx, args);
  if (!found) explain(vscode.l10n.t('Put the cursor on an annotated passage, or pick an annotation in the AI News sidebar.'));
  return found;
}

export async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

async function setStatus(ctx: CommandContext, args?: AnnotationArgs & { status?: Status }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const status = args?.status ?? (await pickStatus(found.annotation.status, ctx.teams.teamFor(found.folder.uri)));
  if (!status) return undefined;
  return run(() => ctx.annotations.update(found.folder, found.annotation.id, { status }));
}

/** The built-in statuses, then the team's own with their labels in the UI language. */
async function pickStatus(current: Status, team: TeamConfig): Promise<Status | undefined> {
  const statuses: Status[] = [...STATUSES, ...team.statuses.map((s) => s.id)];
  // A status the team file no longer defines stays pickable on the annotations that have it.
  if (!statuses.includes(current)) statuses.push(current);
  const items = statuses.map((s) => ({
    label: groupLabel(s, team),
    status: s,
    picked: s === current,
    description: s === current ? vscode.l10n.t('current') : isVerdict(team, s) ? undefined : vscode.l10n.t('work state, not a verdict'),
  }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Set status') }))?.status;
}

async function editNote(ctx: CommandContext, args?: AnnotationArgs & { note?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const note = args?.note ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Edit note'), value: found.annotation.note }));
  if (note === undefined) return undefined;
  return run(() => ctx.annotations.update(found.folder, found.annotation.id, { note }));
}

function validateDate(value: string): string | undefined {
  if (value === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : vscode.l10n.t('Enter a date as YYYY-MM-DD, or nothing to clear it');
}

async function setReviewBy(ctx: CommandContext, args?: AnnotationArgs & { reviewBy?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const value = args?.reviewBy ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Review this verdict again by'),
    value: found.annotation.reviewBy ?? '',
    placeHolder: 'YYYY-MM-DD',
    validateInput: validateDate,
  }));
  if (value === undefined || validateDate(value)) return undefined;
  return run(() => ctx.annotations.update(found.folder, found.annotation.id, { reviewBy: value === '' ? null : value }));
}

async function removeAnnotation(ctx: CommandContext, args?: AnnotationArgs): Promise<boolean> {
  const found = requireAnnotation(ctx, args);
  if (!found) return false;
  await run(() => ctx.annotations.remove(found.folder, found.annotation.id));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Annotation removed'), 3000);
  return true;
}

/** Re-anchors a fuzzy or orphaned annotation (or the one named) to the current selection. */
async function reanchor(ctx: CommandContext, args?: AnnotationArgs): Promise<Annotation | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = editor && (await articleDocument(ctx));
  if (!editor || !document) return undefined;
  if (editor.selection.isEmpty) {
    explain(vscode.l10n.t('Select the words the annotation belongs to, then run "Re-anchor Annotation to Selection".'));
    return undefined;
  }
  let id = isAnnotationArgs(args) ? args.id : undefined;
  if (!id) {
    const candidates = ctx.sessions.placements(document).filter((p) => p.state === 'fuzzy' || p.state === 'orphaned');
    const picked = await pickAnnotation(candidates);
    id = picked?.annotation.id;
  }
  if (!id) return undefined;
  const annotationId = id;
  return run(() => ctx.annotations.reanchor(document, annotationId, toSpan(document, editor.selection)));
}

async function pickAnnotation(candidates: Placement[]): Promise<Placement | undefined> {
  if (candidates.length === 0) {
    explain(vscode.l10n.t('This article has no fuzzy or orphaned annotations to re-anchor.'));
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const items = candidates.map((p) => ({ label: p.annotation.quote.exact.slice(0, 80), description: `${verdictLabel(p.annotation.status)} · ${p.state}`, detail: p.annotation.note, placed: p }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which annotation belongs to the selection?') }))?.placed;
}

export function registerVerdictCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.markVerified', (args?: SpanArgs) => markStatus(ctx, 'verified', args)),
    vscode.commands.registerCommand('aiNews.markDisputed', (args?: SpanArgs) => markStatus(ctx, 'disputed', args)),
    vscode.commands.registerCommand('aiNews.markOutdated', (args?: SpanArgs) => markStatus(ctx, 'outdated', args)),
    vscode.commands.registerCommand('aiNews.markUnverifiable', (args?: SpanArgs) => markStatus(ctx, 'unverifiable', args)),
    vscode.commands.registerCommand('aiNews.setStatus', (args?: AnnotationArgs & { status?: Status }) => setStatus(ctx, args)),
    vscode.commands.registerCommand('aiNews.editNote', (args?: AnnotationArgs & { note?: string }) => editNote(ctx, args)),
    vscode.commands.registerCommand('aiNews.setReviewBy', (args?: AnnotationArgs & { reviewBy?: string }) => setReviewBy(ctx, args)),
    vscode.commands.registerCommand('aiNews.removeAnnotation', (args?: AnnotationArgs) => removeAnnotation(ctx, args)),
    vscode.commands.registerCommand('aiNews.reanchorAnnotation', (args?: AnnotationArgs) => reanchor(ctx, args)),
  ];
}
