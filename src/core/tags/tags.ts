/**
 * Tags on annotations: short labels a team files its verdicts under ("Wahl 2025", "Börse"), kept in
 * the annotation file's `tags` (merged as a set) and coloured by `.ainews/team.json`. Pure: the
 * editor asks for a tag, this module says whether it can be one, and what the workspace already has.
 */
import type { Annotation } from '../store/annotation';
import { MAX_TAG_LENGTH } from '../store/validateVersion2';
import type { TagStyle, TeamConfig } from '../team/team';

export { MAX_TAG_LENGTH };

/** Why a typed tag cannot be added. */
export type TagProblem = 'empty' | 'too-long' | 'control-character' | 'already-there';

/** Control characters (tabs and line breaks included) and the Unicode line and paragraph separators. */
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

/** A typed tag as it is stored: without surrounding spaces, in Unicode's composed form (NFC). */
export function normalizeTag(text: string): string {
  return text.trim().normalize('NFC');
}

/**
 * Whether a normalised tag can be added to an annotation that has `existing` tags. Stricter than
 * what the file accepts (one line, at most {@link MAX_TAG_LENGTH}): no control character at all, so
 * that a tag never hides text in a tree row or an export cell.
 */
export function tagProblem(tag: string, existing: readonly string[] = []): TagProblem | undefined {
  if (tag === '') return 'empty';
  if (tag.length > MAX_TAG_LENGTH) return 'too-long';
  if (CONTROL_CHARACTER.test(tag)) return 'control-character';
  if (existing.includes(tag)) return 'already-there';
  return undefined;
}

/** The tags with one more at the end (the order people added them in); unchanged when it is there. */
export function withTag(tags: readonly string[] | undefined, tag: string): string[] {
  const list = [...(tags ?? [])];
  return list.includes(tag) ? list : [...list, tag];
}

/** The tags without one. */
export function withoutTag(tags: readonly string[] | undefined, tag: string): string[] {
  return (tags ?? []).filter((t) => t !== tag);
}

/** A tag in use and on how many annotations. */
export interface TagUse {
  tag: string;
  count: number;
}

/** Every tag the annotations use, the most used first, then alphabetically. */
export function tagsInUse(annotations: Iterable<Annotation>): TagUse[] {
  const counts = new Map<string, number>();
  for (const annotation of annotations) for (const tag of annotation.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** How tag names are compared for colours: "wahl 2025" takes the colour the team gave "Wahl 2025". */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLocaleLowerCase('und');
}

/**
 * The colour an annotation's tags give it: that of the first tag in the team file's list that the
 * annotation has (the team's order decides, so the same tags always give the same colour), or
 * undefined when the team gave none of its tags a colour.
 */
export function tagColor(team: Pick<TeamConfig, 'tags'>, tags: readonly string[] | undefined): string | undefined {
  if (!tags?.length || team.tags.length === 0) return undefined;
  const keys = new Set(tags.map(tagKey));
  return team.tags.find((style: TagStyle) => keys.has(tagKey(style.name)))?.color;
}
