/**
 * One person's view of the team's work: what is assigned to them, what awaits their review, and
 * (blind double check) which of other people's verdicts they may see yet. Pure: "me" is the name
 * the editor writes as author (aiNews.author, else git's user.name).
 */
import { SAME_CLAIM_IOU, spanIoU } from '../agreement/agreement';
import type { Annotation } from '../store/annotation';
import { isVerdict, type TeamConfig } from './team';
import { verdictAuthor, workflowState } from './workflow';

/** Whether the annotation's verdict (or the annotation) is this person's own. */
export function isMine(annotation: Annotation, me: string): boolean {
  return annotation.author === me || verdictAuthor(annotation) === me;
}

/** Assigned to this person and not yet final: checking it, or changing it after a review. */
export function isAssignedWork(annotation: Annotation, team: TeamConfig, me: string): boolean {
  if (annotation.assignee !== me) return false;
  const state = workflowState(annotation, team);
  return state === 'in-progress' || state === 'changes-requested';
}

/** Awaiting a second review that this person may give (someone else's verdict). */
export function awaitsMyReview(annotation: Annotation, team: TeamConfig, me: string): boolean {
  return workflowState(annotation, team) === 'awaiting-review' && !isMine(annotation, me);
}

/** What the status bar counts: work assigned to me, and verdicts awaiting my review. */
export function myWorkCounts(annotations: Iterable<Annotation>, team: TeamConfig, me: string): { assigned: number; toReview: number } {
  let assigned = 0;
  let toReview = 0;
  for (const a of annotations) {
    if (isAssignedWork(a, team, me)) assigned += 1;
    if (awaitsMyReview(a, team, me)) toReview += 1;
  }
  return { assigned, toReview };
}

/** The Annotations view's filters of one person's work (besides the status filter). */
export type WorkFilter = 'assigned-to-me' | 'awaiting-my-review';
export const WORK_FILTERS: readonly WorkFilter[] = ['assigned-to-me', 'awaiting-my-review'];

/** Whether an annotation passes a work filter. "Assigned to me" lists every assignment, final ones too. */
export function passesWorkFilter(annotation: Annotation, filter: WorkFilter | undefined, team: TeamConfig, me: string): boolean {
  if (filter === undefined) return true;
  return filter === 'assigned-to-me' ? annotation.assignee === me : awaitsMyReview(annotation, team, me);
}

/** The group key of the "by assignee" grouping: the assignee, or '' for nobody. */
export function assigneeKey(annotation: Annotation): string {
  return annotation.assignee ?? '';
}

/**
 * Blind double check: the annotations of one article that this person may see. Another person's
 * annotation on a claim stays hidden until this person has given a verdict of their own on the same
 * claim (a span overlapping it with IoU ≥ 0.5, as the agreement report pairs them), so that the two
 * verdicts are independent. The person's own annotations are always shown; with the check off,
 * everything is. Returns the given array itself when nothing is hidden.
 */
export function blindVisible(annotations: readonly Annotation[], team: TeamConfig, me: string, enabled: boolean): readonly Annotation[] {
  if (!enabled || annotations.length === 0) return annotations;
  const myVerdicts = annotations.filter((a) => isMine(a, me) && isVerdict(team, a.status)).map((a) => a.position).sort((a, b) => a.start - b.start);
  const visible = annotations.filter((a) => isMine(a, me) || onSameClaim(a.position, myVerdicts));
  return visible.length === annotations.length ? annotations : visible;
}

/**
 * Whether a span is on the same claim as one of `sorted` (by start). IoU ≥ ½ means the two spans
 * differ by at most their intersection, so the other's start lies within the span's length of its
 * start: a binary search finds that window, and an article with thousands of annotations is not
 * compared pair by pair.
 */
function onSameClaim(span: { start: number; end: number }, sorted: readonly { start: number; end: number }[]): boolean {
  const length = span.end - span.start;
  for (let i = firstStartAtLeast(sorted, span.start - length); i < sorted.length && sorted[i].start <= span.start + length; i += 1) {
    if (spanIoU(sorted[i], span) >= SAME_CLAIM_IOU) return true;
  }
  return false;
}

function firstStartAtLeast(sorted: readonly { start: number }[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle].start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}
