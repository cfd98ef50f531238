/**
 * What a person's workflow action changes on an annotation: start checking, approve, request
 * changes. Pure: the editor asks for who "I" am and writes the patch through the store; a refusal
 * comes with its reason, so that the editor can say it plainly.
 *
 * Self-approval is refused for the same people whose approval {@link workflowState} would not count:
 * the annotation's author and whoever set the current verdict.
 */
import type { Words } from '../labels/words';
import { inertNotificationText } from '../notificationText';
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

/** Why a review was refused, in words for a notification (`me` and a team's status name shown inert). */
export function refusalMessage(words: Words, reason: ReviewRefusal, annotation: Annotation, me: string): string {
  const { l10n } = words;
  switch (reason) {
    case 'own-verdict':
      return l10n.t('You ({0}) gave this verdict, so you cannot review it: a second review needs a second person. Ask a teammate, or set aiNews.author if this is not your name.', inertNotificationText(me));
    case 'not-a-verdict':
      return l10n.t('"{0}" is a work state, not a verdict: there is nothing to review yet.', inertNotificationText(words.verdictLabel(annotation.status)));
    case 'no-reviewer':
      return l10n.t('Set your name in aiNews.author (or git\'s user.name) to review verdicts.');
  }
}
