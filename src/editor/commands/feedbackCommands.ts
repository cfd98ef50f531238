/**
 * Correcting the detector where it errs: "Not a claim", "Not an entity", "Wrong entity type…". Each
 * writes a correction to `.ainews/feedback.json`; the article is analysed again with it at once.
 */
import * as vscode from 'vscode';
import type { EntityType } from '../../core/analysis/types';
import { ENTITY_TYPES, type CorrectionKind } from '../../core/feedback';
import { inertNotificationText } from '../../core/notificationText';
import type { FeedbackService } from '../feedbackService';
import { entityTypeLabel } from '../labels';
import { articleDocument, explain, findingAtCursor, run, spanOfArgs, type CommandContext, type SpanArgs } from './context';

/** Arguments of the correction commands (code actions, tests): the finding's span, and for a retype the type. */
export interface CorrectionArgs extends SpanArgs {
  type?: string;
}

export interface FeedbackCommandContext extends CommandContext {
  feedback: FeedbackService;
}

/** Asks for the right type (the current one left out); undefined when the user pressed Escape. */
async function pickEntityType(current: string | undefined): Promise<EntityType | undefined> {
  const items = ENTITY_TYPES.filter((t) => t !== current).map((type) => ({ label: entityTypeLabel(type), type }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Wrong entity type: what is it?'), placeHolder: vscode.l10n.t('The right type of this entity') });
  return picked?.type;
}

async function correct(ctx: FeedbackCommandContext, kind: CorrectionKind, args?: CorrectionArgs): Promise<boolean> {
  const document = await articleDocument(ctx, args?.uri);
  if (!document) return false;
  // The span the arguments name, else the finding under the cursor.
  const finding = spanOfArgs(args) ? undefined : findingAtCursor(ctx, document, kind === 'not-a-claim' ? 'claim' : 'entity');
  const target = spanOfArgs(args) ?? finding;
  if (!target) return explain(kind === 'not-a-claim' ? vscode.l10n.t('Put the cursor on a highlighted claim.') : vscode.l10n.t('Put the cursor on a highlighted entity.'), false);
  let type: EntityType | undefined;
  if (kind === 'wrong-entity-type') {
    if (args?.type !== undefined && !ENTITY_TYPES.includes(args.type as EntityType)) return explain(vscode.l10n.t('Unknown entity type "{0}".', inertNotificationText(args.type)), false);
    type = (args?.type as EntityType | undefined) ?? (await pickEntityType(finding?.type ?? undefined));
    if (!type) return false;
  }
  const saved = await run(async () => {
    await ctx.feedback.correct(document, { start: target.start, end: target.end }, kind, type);
    return true;
  }, (reason) => vscode.l10n.t('Could not save the correction: {0}', reason));
  return saved === true;
}

export function registerFeedbackCommands(ctx: FeedbackCommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.notAClaim', (args?: CorrectionArgs) => correct(ctx, 'not-a-claim', args)),
    vscode.commands.registerCommand('aiNews.notAnEntity', (args?: CorrectionArgs) => correct(ctx, 'not-an-entity', args)),
    vscode.commands.registerCommand('aiNews.wrongEntityType', (args?: CorrectionArgs) => correct(ctx, 'wrong-entity-type', args)),
  ];
}
