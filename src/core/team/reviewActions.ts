/**
 * What a person's workflow action changes on an annotation: start checking, approve, request
 * changes. Pure: the editor asks for who "I" am and writes the patch through the store; a refusal
 * comes with its reason, so that the editor can say it plainly.
 *
 * Self-approval is refused for the same people whose approval {@link workflowState} would not count:
 * the annotation's author and whoever set the current verdict.
 */
import type { Annotation, Review, ReviewResult } from '../store/annotation';
import type { Version2Patch } from '../store/patchVersion2';
import { isVerdict, type TeamConfig } from './team';
import { verdictAuthor } from './workflow';

export type ReviewRefusal = 'own-verdict' | 'not-a-verdict' | 'no-reviewer';

export type ReviewOutcome = { kind: 'ok'; patch: Version2Patch } | { kind: 'refused'; reason: ReviewRefusal };

/**
 * The review a person gives of an annotation's current verdict.
 * @param reviewer Who reviews ("me": the aiNews.author setting, else git's user.name).
 * @param at The review's time (ISO).
 * @param note Why (for a request of changes); an empty note is left out.
 */
export function reviewVerdict(annotation: Annotation, team: TeamConfig, reviewer: string, result: ReviewResult, at: string, note = ''): ReviewOutcome {
  if (reviewer.trim() === '') return { kind: 'refused', reason: 'no-reviewer' };
  if (!isVerdict(team, annotation.status)) return { kind: 'refused', reason: 'not-a-verdict' };
  if (reviewer === annotation.author || reviewer === verdictAuthor(annotation)) return { kind: 'refused', reason: 'own-verdict' };
  const review: Review = { by: reviewer, at, result, status: annotation.status };
  if (note.trim() !== '') review.note = note;
  return { kind: 'ok', patch: { review } };
}

/** "Start Checking": the claim is in progress and assigned to the person who starts. */
export function startCheckingPatch(me: string): { status: 'in-progress'; assignee: string } {
  return { status: 'in-progress', assignee: me };
}

/** An assignee as typed: trimmed; empty removes the assignment (`null`). */
export function assigneePatch(name: string): Version2Patch {
  const trimmed = name.trim();
  return { assignee: trimmed === '' ? null : trimmed };
}
