/**
 * What "Add Tag…" offers while the user types: the workspace's tags the annotation does not have
 * yet, and the typed text as a new tag or the reason it cannot be one, worded as the quick pick
 * lists them.
 */
import type { L10n } from '../labels/l10n';
import { escapeIcons } from '../sidebar/text';
import { MAX_TAG_LENGTH, normalizeTag, tagProblem, type TagProblem, type TagUse } from './tags';

export type TagChoice =
  | { kind: 'known'; tag: string; count: number }
  | { kind: 'new'; tag: string }
  /** `shown` is the typed tag with its control characters made spaces, for display only. */
  | { kind: 'refused'; shown: string; problem: TagProblem };

/** A typed tag, normalised, or why it cannot be added to an annotation that has `has`. */
export function checkTypedTag(typed: string, has: readonly string[]): { kind: 'ok'; tag: string } | { kind: 'refused'; tag: string; problem: TagProblem } {
  const tag = normalizeTag(typed);
  const problem = tagProblem(tag, has);
  return problem ? { kind: 'refused', tag, problem } : { kind: 'ok', tag };
}

/** The typed choice first (when something is typed that is not a known tag), then the known tags the annotation lacks. */
export function tagChoices(typed: string, has: readonly string[], inUse: readonly TagUse[]): TagChoice[] {
  const known = inUse.filter((u) => !has.includes(u.tag)).map((u) => ({ kind: 'known' as const, tag: u.tag, count: u.count }));
  const checked = checkTypedTag(typed, has);
  if (checked.tag === '' || known.some((k) => k.tag === checked.tag)) return known;
  const typedChoice: TagChoice = checked.kind === 'ok'
    ? { kind: 'new', tag: checked.tag }
    : { kind: 'refused', shown: checked.tag.replace(/[\p{Cc}\u2028\u2029]/gu, ' '), problem: checked.problem };
  return [typedChoice, ...known];
}

/** Says why a typed tag cannot be added, with the rule. */
export function tagProblemMessage(l10n: L10n, problem: TagProblem): string {
  switch (problem) {
    case 'empty':
      return l10n.t('Type a tag: one line of at most {0} characters, without control characters.', MAX_TAG_LENGTH);
    case 'too-long':
      return l10n.t('A tag is at most {0} characters long: shorten it.', MAX_TAG_LENGTH);
    case 'control-character':
      return l10n.t('A tag is one line without control characters (no tabs or line breaks).');
    case 'already-there':
      return l10n.t('The annotation already has this tag.');
  }
}

/** A choice as a quick pick item; a refused one carries no tag (accepting it does nothing). Tags come from other people: shown as plain text. */
export function tagChoiceItem(l10n: L10n, choice: TagChoice): { label: string; description?: string; detail?: string; alwaysShow?: boolean; value?: string } {
  switch (choice.kind) {
    case 'known':
      return { label: escapeIcons(choice.tag), description: choice.count === 1 ? l10n.t('on 1 annotation') : l10n.t('on {0} annotations', choice.count), value: choice.tag };
    case 'new':
      return { label: escapeIcons(choice.tag), description: l10n.t('new tag'), value: choice.tag, alwaysShow: true };
    case 'refused':
      return { label: `$(warning) ${escapeIcons(choice.shown)}`, detail: tagProblemMessage(l10n, choice.problem), alwaysShow: true };
  }
}
