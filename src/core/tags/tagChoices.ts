/**
 * What "Add Tag…" offers while the user types: the workspace's tags the annotation does not have
 * yet, and the typed text as a new tag or the reason it cannot be one. The editor turns each choice
 * into a pick item (and each problem into a translated sentence).
 */
import { normalizeTag, tagProblem, type TagProblem, type TagUse } from './tags';

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
