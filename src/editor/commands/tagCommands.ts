/** Add Tag… and Remove Tag… on the annotation at the cursor or picked in the Annotations view. */
import * as vscode from 'vscode';
import { inertNotificationText } from '../../core/notificationText';
import type { Annotation } from '../../core/store/annotation';
import { escapeIcons } from '../../core/sidebar/text';
import { checkTypedTag, tagChoices, type TagChoice } from '../../core/tags/tagChoices';
import { MAX_TAG_LENGTH, withoutTag, withTag, type TagProblem, type TagUse } from '../../core/tags/tags';
import { explain, requireAnnotation, run, showLivePick, type AnnotationArgs, type CommandContext, type LiveItem } from './context';

/** Says why a typed tag cannot be added, with the rule. */
function tagProblemMessage(problem: TagProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Type a tag: one line of at most {0} characters, without control characters.', MAX_TAG_LENGTH);
    case 'too-long':
      return vscode.l10n.t('A tag is at most {0} characters long: shorten it.', MAX_TAG_LENGTH);
    case 'control-character':
      return vscode.l10n.t('A tag is one line without control characters (no tabs or line breaks).');
    case 'already-there':
      return vscode.l10n.t('The annotation already has this tag.');
  }
}

/** A choice as a pick item; a refused one carries no tag (accepting it does nothing). Tags come from other people: shown as plain text. */
function tagItem(choice: TagChoice): LiveItem<string> {
  switch (choice.kind) {
    case 'known':
      return { label: escapeIcons(choice.tag), description: choice.count === 1 ? vscode.l10n.t('on 1 annotation') : vscode.l10n.t('on {0} annotations', choice.count), value: choice.tag };
    case 'new':
      return { label: escapeIcons(choice.tag), description: vscode.l10n.t('new tag'), value: choice.tag, alwaysShow: true };
    case 'refused':
      return { label: `$(warning) ${escapeIcons(choice.shown)}`, detail: tagProblemMessage(choice.problem), alwaysShow: true };
  }
}

/** Asks for a tag: one of the workspace's, or a new one typed into the same box. */
function pickTagToAdd(annotation: Annotation, inUse: readonly TagUse[]): Promise<string | undefined> {
  const has = annotation.tags ?? [];
  const pick = vscode.window.createQuickPick<LiveItem<string>>();
  pick.title = vscode.l10n.t('Add tag');
  pick.placeholder = vscode.l10n.t('Pick a tag or type a new one (one line, at most {0} characters)', MAX_TAG_LENGTH);
  return showLivePick(pick, async () => (typed) => tagChoices(typed, has, inUse).map(tagItem));
}

/** The workspace's tags, as the Annotations view has them (the blind double check applied; its provider fits). */
export interface TagSource {
  tagChoices(): Promise<TagUse[]>;
}

async function addTag(ctx: CommandContext, tags: TagSource, args?: AnnotationArgs & { tag?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const checked = args?.tag === undefined ? undefined : checkTypedTag(args.tag, found.annotation.tags ?? []);
  if (checked?.kind === 'refused') {
    explain(tagProblemMessage(checked.problem));
    return undefined;
  }
  const tag = checked?.tag ?? (await pickTagToAdd(found.annotation, await tags.tagChoices()));
  if (tag === undefined) return undefined;
  // The list as it is when the change is made: a teammate's tag that arrived while the pick was open stays.
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (current) => ({ tags: withTag(current.tags ?? [], tag) })));
}

async function removeTag(ctx: CommandContext, args?: AnnotationArgs & { tag?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const has = found.annotation.tags ?? [];
  if (has.length === 0) {
    explain(vscode.l10n.t('This annotation has no tags.'));
    return undefined;
  }
  const tag = args?.tag ?? (await vscode.window.showQuickPick(has.map((t) => ({ label: escapeIcons(t), tag: t })), { title: vscode.l10n.t('Remove tag') }))?.tag;
  if (tag === undefined) return undefined;
  if (!has.includes(tag)) {
    explain(vscode.l10n.t('This annotation has no tag "{0}".', inertNotificationText(tag)));
    return undefined;
  }
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (current) => ({ tags: withoutTag(current.tags ?? [], tag) })));
}

export function registerTagCommands(ctx: CommandContext, tags: TagSource): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.addTag', (args?: AnnotationArgs & { tag?: string }) => addTag(ctx, tags, args)),
    vscode.commands.registerCommand('aiNews.removeTag', (args?: AnnotationArgs & { tag?: string }) => removeTag(ctx, args)),
  ];
}
