/** The team's workflow: Start Checking, Assign to…, Approve Verdict, Request Changes…. */
import * as vscode from 'vscode';
import { namesSpan } from '../../core/commands/commandArgs';
import type { Annotation, ReviewResult } from '../../core/store/annotation';
import { assigneePatch, refusalMessage, reviewVerdict, startCheckingPatch } from '../../core/team/reviewActions';
import { verdictLabel, words } from '../labels';
import { annotationAt, changeAnnotation, explain, run, type AnnotationArgs, type CommandContext, type SpanArgs } from './context';
import { markStatus } from './verdictCommands';

/**
 * Start Checking: the annotation named or under the cursor, else the selection or the claim under
 * the cursor (annotated now), is in progress and assigned to me.
 */
async function startChecking(ctx: CommandContext, args?: SpanArgs | AnnotationArgs): Promise<Annotation | undefined> {
  const found = namesSpan(args) ? undefined : annotationAt(ctx, args);
  if (found) {
    const me = await ctx.annotations.authorFor(found.folder);
    return run(() => ctx.annotations.update(found.folder, found.annotation.id, startCheckingPatch(me)));
  }
  return markStatus(ctx, 'in-progress', args as SpanArgs | undefined, (me) => ({ assignee: startCheckingPatch(me).assignee }));
}

function assignTo(ctx: CommandContext, args?: AnnotationArgs & { assignee?: string }): Promise<Annotation | undefined> {
  return changeAnnotation(ctx, args, async ({ folder, annotation }) => {
    const name = args?.assignee ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Assign to…'),
      prompt: vscode.l10n.t('Who checks this claim? Leave empty to remove the assignment.'),
      value: annotation.assignee ?? (await ctx.annotations.authorFor(folder)),
    }));
    return name === undefined ? undefined : assigneePatch(name);
  });
}

/** Approve Verdict / Request Changes…: a review of the current verdict, by someone other than its author. */
async function review(ctx: CommandContext, result: ReviewResult, args?: AnnotationArgs & { note?: string }): Promise<Annotation | undefined> {
  const saved = await changeAnnotation(ctx, args, async ({ folder, annotation }) => {
    const me = await ctx.annotations.authorFor(folder);
    const team = ctx.teams.teamFor(folder.uri);
    // Checked before asking for a note: a refusal should not cost the reviewer their typing.
    const check = reviewVerdict(annotation, team, me, result, new Date().toISOString());
    if (check.kind === 'refused') return explain(refusalMessage(words, check.reason, annotation, me));
    const note = result === 'changes-requested' && args?.note === undefined
      ? await vscode.window.showInputBox({
        title: vscode.l10n.t('Request changes to "{0}"', verdictLabel(annotation.status, team)),
        prompt: vscode.l10n.t('What should change, and why?'),
        validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Say what should change, so that the checker knows.') : undefined),
      })
      : (args?.note ?? '');
    const outcome = note === undefined ? undefined : reviewVerdict(annotation, team, me, result, new Date().toISOString(), note);
    return outcome?.kind === 'ok' ? outcome.patch : undefined;
  });
  if (saved) vscode.window.setStatusBarMessage(result === 'approved' ? vscode.l10n.t('Verdict approved') : vscode.l10n.t('Changes requested'), 3000);
  return saved;
}

export function registerReviewCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.startChecking', (args?: SpanArgs | AnnotationArgs) => startChecking(ctx, args)),
    vscode.commands.registerCommand('aiNews.assignTo', (args?: AnnotationArgs & { assignee?: string }) => assignTo(ctx, args)),
    vscode.commands.registerCommand('aiNews.approveVerdict', (args?: AnnotationArgs) => review(ctx, 'approved', args)),
    vscode.commands.registerCommand('aiNews.requestChanges', (args?: AnnotationArgs & { note?: string }) => review(ctx, 'changes-requested', args)),
  ];
}
