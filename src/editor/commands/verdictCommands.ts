/** Mark verified / disputed / outdated, set status, edit note, review date, remove, re-anchor (evidence: evidenceCommands.ts). */
import * as vscode from 'vscode';
import { reviewByPatch } from '../../core/review/reviewBy';
import { escapeIcons } from '../../core/sidebar/text';
import type { Annotation, Status } from '../../core/store/annotation';
import type { Version2Patch } from '../../core/store/patchVersion2';
import { statusPickItems } from '../../core/team/statusChoices';
import type { TeamConfig } from '../../core/team/team';
import type { Placement } from '../articleSessions';
import { verdictLabel, words } from '../labels';
import { toSpan } from '../ranges';
import { articleDocument, changeAnnotation, explain, isAnnotationArgs, requireAnnotation, run, targetSpan, type AnnotationArgs, type CommandContext, type SpanArgs } from './context';

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
  if (!span || span.start === span.end) return explain(vscode.l10n.t('Select the words to mark, or put the cursor on a highlighted claim.'));
  // A work state needs no note: nothing was decided yet.
  const note = args?.note !== undefined || extra ? (args?.note ?? '') : await askNote(status);
  if (note === undefined) return undefined;
  const existing = ctx.sessions.placements(document).find((p) => p.span && p.span.start === span.start && p.span.end === span.end);
  return run(async () => {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const fields = extra && folder ? extra(await ctx.annotations.authorFor(folder)) : {};
    return ctx.annotations.setVerdict(document, span, status, note, existing?.annotation.id, fields);
  });
}

function setStatus(ctx: CommandContext, args?: AnnotationArgs & { status?: Status }): Promise<Annotation | undefined> {
  return changeAnnotation(ctx, args, async ({ folder, annotation }) => {
    const status = args?.status ?? (await pickStatus(annotation.status, ctx.teams.teamFor(folder.uri)));
    return status && { status };
  });
}

/** The built-in statuses, then the team's own with their labels in the UI language. */
async function pickStatus(current: Status, team: TeamConfig): Promise<Status | undefined> {
  return (await vscode.window.showQuickPick(statusPickItems(words, current, team), { title: vscode.l10n.t('Set status') }))?.status;
}

function editNote(ctx: CommandContext, args?: AnnotationArgs & { note?: string }): Promise<Annotation | undefined> {
  return changeAnnotation(ctx, args, async ({ annotation }) => {
    const note = args?.note ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Edit note'), value: annotation.note }));
    return note === undefined ? undefined : { note };
  });
}

function setReviewBy(ctx: CommandContext, args?: AnnotationArgs & { reviewBy?: string }): Promise<Annotation | undefined> {
  return changeAnnotation(ctx, args, async ({ annotation }) => {
    const value = args?.reviewBy ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Review this verdict again by'),
      value: annotation.reviewBy ?? '',
      placeHolder: 'YYYY-MM-DD',
      validateInput: (typed) => (reviewByPatch(typed) ? undefined : vscode.l10n.t('Enter a date as YYYY-MM-DD, or nothing to clear it')),
    }));
    return value === undefined ? undefined : reviewByPatch(value);
  });
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
  if (editor.selection.isEmpty) return explain(vscode.l10n.t('Select the words the annotation belongs to, then run "Re-anchor Annotation to Selection".'));
  const named = isAnnotationArgs(args) ? args.id : undefined;
  const id = named || (await pickAnnotation(ctx.sessions.placements(document).filter((p) => p.state === 'fuzzy' || p.state === 'orphaned')))?.annotation.id;
  if (!id) return undefined;
  return run(() => ctx.annotations.reanchor(document, id, toSpan(document, editor.selection)));
}

async function pickAnnotation(candidates: Placement[]): Promise<Placement | undefined> {
  if (candidates.length === 0) return explain(vscode.l10n.t('This article has no fuzzy or orphaned annotations to re-anchor.'));
  if (candidates.length === 1) return candidates[0];
  // Quotes, notes and a team's status names come from other people: `$(name)` stays text, not an icon.
  const items = candidates.map((p) => ({ label: escapeIcons(p.annotation.quote.exact.slice(0, 80)), description: `${escapeIcons(verdictLabel(p.annotation.status))} · ${p.state}`, detail: escapeIcons(p.annotation.note), placed: p }));
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
