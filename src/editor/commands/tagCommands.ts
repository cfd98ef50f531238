/** Add Tag… and Remove Tag… on the annotation at the cursor or picked in the Annotations view. */
import * as vscode from 'vscode';
import type { Annotation } from '../../core/store/annotation';
import { escapeIcons } from '../../core/sidebar/text';
import { MAX_TAG_LENGTH, normalizeTag, tagProblem, withoutTag, withTag, type TagProblem, type TagUse } from '../../core/tags/tags';
import { explain, type AnnotationArgs, type CommandContext } from './context';
import { requireAnnotation, run } from './verdictCommands';

/** Says why a typed tag cannot be added, with the rule. */
export function tagProblemMessage(problem: TagProblem): string {
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

interface TagItem extends vscode.QuickPickItem {
  /** The tag to add; undefined for the item that explains why the typed text cannot be one. */
  tag?: string;
}

/**
 * The workspace's tags that the annotation does not have yet, plus what is typed as a new tag (or
 * why it cannot be one). Tags come from other people: shown as plain text.
 */
function tagItems(typed: string, has: readonly string[], inUse: readonly { tag: string; count: number }[]): TagItem[] {
  const known = inUse
    .filter((u) => !has.includes(u.tag))
    .map((u): TagItem => ({ label: escapeIcons(u.tag), description: u.count === 1 ? vscode.l10n.t('on 1 annotation') : vscode.l10n.t('on {0} annotations', u.count), tag: u.tag }));
  const tag = normalizeTag(typed);
  if (tag === '' || known.some((k) => k.tag === tag)) return known;
  const problem = tagProblem(tag, has);
  const typedItem: TagItem = problem
    ? { label: `$(warning) ${escapeIcons(tag.replace(/[\p{Cc}\u2028\u2029]/gu, ' '))}`, detail: tagProblemMessage(problem), alwaysShow: true }
    : { label: escapeIcons(tag), description: vscode.l10n.t('new tag'), tag, alwaysShow: true };
  return [typedItem, ...known];
}

/** Asks for a tag: one of the workspace's, or a new one typed into the same box. */
function pickTagToAdd(annotation: Annotation, inUse: readonly { tag: string; count: number }[]): Promise<string | undefined> {
  const has = annotation.tags ?? [];
  const pick = vscode.window.createQuickPick<TagItem>();
  pick.title = vscode.l10n.t('Add tag');
  pick.placeholder = vscode.l10n.t('Pick a tag or type a new one (one line, at most {0} characters)', MAX_TAG_LENGTH);
  pick.items = tagItems('', has, inUse);
  return new Promise((resolve) => {
    let chosen: string | undefined;
    const listeners = [
      pick.onDidChangeValue((value) => {
        pick.items = tagItems(value, has, inUse);
      }),
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item?.tag) return; // the explanation stays on screen until the text is fixed
        chosen = item.tag;
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const listener of listeners) listener.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    pick.show();
  });
}

/** The workspace's tags, as the Annotations view has them (the blind double check applied; its provider fits). */
export interface TagSource {
  tagChoices(): Promise<TagUse[]>;
}

async function addTag(ctx: CommandContext, tags: TagSource, args?: AnnotationArgs & { tag?: string }): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const has = found.annotation.tags ?? [];
  let tag: string | undefined;
  if (args?.tag !== undefined) {
    tag = normalizeTag(args.tag);
    const problem = tagProblem(tag, has);
    if (problem) {
      explain(tagProblemMessage(problem));
      return undefined;
    }
  } else {
    tag = await pickTagToAdd(found.annotation, await tags.tagChoices());
  }
  if (tag === undefined) return undefined;
  const chosen = tag;
  // The list as it is when the change is made: a teammate's tag that arrived while the pick was open stays.
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (current) => ({ tags: withTag(current.tags ?? [], chosen) })));
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
    explain(vscode.l10n.t('This annotation has no tag "{0}".', tag));
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
