/** Add Tag… and Remove Tag… on the annotation at the cursor or picked in the Annotations view. */
import * as vscode from 'vscode';
import { inertNotificationText } from '../../core/notificationText';
import type { Annotation } from '../../core/store/annotation';
import { escapeIcons } from '../../core/sidebar/text';
import { checkTypedTag, tagChoiceItem, tagChoices, tagProblemMessage } from '../../core/tags/tagChoices';
import { MAX_TAG_LENGTH, withoutTag, withTag, type TagUse } from '../../core/tags/tags';
import { explain, requireAnnotation, run, showLivePick, type AnnotationArgs, type CommandContext, type LiveItem } from './context';

/** Asks for a tag: one of the workspace's, or a new one typed into the same box. */
function pickTagToAdd(annotation: Annotation, inUse: readonly TagUse[]): Promise<string | undefined> {
  const has = annotation.tags ?? [];
  const pick = vscode.window.createQuickPick<LiveItem<string>>();
  pick.title = vscode.l10n.t('Add tag');
  pick.placeholder = vscode.l10n.t('Pick a tag or type a new one (one line, at most {0} characters)', MAX_TAG_LENGTH);
  return showLivePick(pick, async () => (typed) => tagChoices(typed, has, inUse).map((choice) => tagChoiceItem(vscode.l10n, choice)));
}

/** The workspace's tags, as the Annotations view has them (the blind double check applied; its provider fits). */
export interface TagSource {
  tagChoices(): Promise<TagUse[]>;
}

async function addTag(ctx: CommandContext, tags: TagSource, args?: AnnotationArgs & { tag?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const checked = args?.tag === undefined ? undefined : checkTypedTag(args.tag, found.annotation.tags ?? []);
  if (checked?.kind === 'refused') return explain(tagProblemMessage(vscode.l10n, checked.problem));
  const tag = checked?.tag ?? (await pickTagToAdd(found.annotation, await tags.tagChoices()));
  if (tag === undefined) return undefined;
  // The list as it is when the change is made: a teammate's tag that arrived while the pick was open stays.
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (current) => ({ tags: withTag(current.tags ?? [], tag) })));
}

async function removeTag(ctx: CommandContext, args?: AnnotationArgs & { tag?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const has = found.annotation.tags ?? [];
  if (has.length === 0) return explain(vscode.l10n.t('This annotation has no tags.'));
  const tag = args?.tag ?? (await vscode.window.showQuickPick(has.map((t) => ({ label: escapeIcons(t), tag: t })), { title: vscode.l10n.t('Remove tag') }))?.tag;
  if (tag === undefined) return undefined;
  if (!has.includes(tag)) return explain(vscode.l10n.t('This annotation has no tag "{0}".', inertNotificationText(tag)));
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (current) => ({ tags: withoutTag(current.tags ?? [], tag) })));
}

export function registerTagCommands(ctx: CommandContext, tags: TagSource): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.addTag', (args?: AnnotationArgs & { tag?: string }) => addTag(ctx, tags, args)),
    vscode.commands.registerCommand('aiNews.removeTag', (args?: AnnotationArgs & { tag?: string }) => removeTag(ctx, args)),
  ];
}
