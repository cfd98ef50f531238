/**
 * Where a verdict stands in the team's workflow, from the annotation alone and the team's rule:
 *
 * - `in-progress`: the status is not a verdict ("in-progress" or a team's work state).
 * - `final`: second review is off; or an approval of the current verdict by someone else.
 * - `changes-requested`: a reviewer asked for changes to the current verdict.
 * - `awaiting-review`: second review is required and no one else approved the current verdict; or a
 *   review exists (optional review) but was of an earlier verdict.
 *
 * Self-approval never counts, even when written into the file by hand: a reviewer who is the
 * annotation's author, or who set the current verdict (its last status change), is no second pair
 * of eyes. Changing the verdict after an approval puts it back to awaiting review, because the
 * review names the verdict it saw (`review.status`).
 */
import type { Annotation } from '../store/annotation';
import { isVerdict, type TeamConfig } from './team';

export type WorkflowState = 'in-progress' | 'awaiting-review' | 'final' | 'changes-requested';
export const WORKFLOW_STATES: readonly WorkflowState[] = ['in-progress', 'awaiting-review', 'changes-requested', 'final'];

/** Who gave the current verdict: the author of the last status change to it, else the annotation's author. */
export function verdictAuthor(annotation: Annotation): string {
  const history = annotation.history ?? [];
  for (let i = history.length - 1; i >= 0; i -= 1) {
    if (history[i].status === annotation.status) return history[i].author;
  }
  return annotation.author;
}

/** Whether a review is by someone other than the annotation's author and the verdict's author. */
export function isIndependentReview(annotation: Annotation): boolean {
  const by = annotation.review?.by;
  return by !== undefined && by !== annotation.author && by !== verdictAuthor(annotation);
}

/**
 * The workflow state of an annotation.
 * @param annotation The annotation as stored.
 * @param team The team's rules (`secondReview`, which statuses are verdicts).
 */
export function workflowState(annotation: Annotation, team: TeamConfig): WorkflowState {
  if (!isVerdict(team, annotation.status)) return 'in-progress';
  if (team.secondReview === 'off') return 'final';
  const review = annotation.review;
  const ofCurrentVerdict = review !== undefined && review.status === annotation.status && isIndependentReview(annotation);
  if (ofCurrentVerdict && review.result === 'approved') return 'final';
  if (ofCurrentVerdict && review.result === 'changes-requested') return 'changes-requested';
  if (team.secondReview === 'required') return 'awaiting-review';
  // Optional review: a verdict nobody reviewed stands; one reviewed in an earlier form waits again.
  return review !== undefined && review.status !== annotation.status ? 'awaiting-review' : 'final';
}
