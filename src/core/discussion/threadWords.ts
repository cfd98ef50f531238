/**
 * What annotation threads say, worded for the editor: the reply box, a comment's label (the verdict,
 * edited, deleted meanwhile) and why a change to a comment failed. A refusal names another
 * person: the editor shows it through inertNotificationText.
 */
import { messageOf } from '../commands/commandArgs';
import type { HoverPart } from '../hover/hoverParts';
import type { L10n } from '../labels/l10n';
import { CommentChangeError, type CommentView } from './thread';

/** The comment controller's name (the Comments panel shows it). */
export function controllerLabel(l10n: L10n): string {
  return l10n.t('AI News annotations');
}

/** The reply box's prompt and placeholder. */
export function replyBoxOptions(l10n: L10n): { prompt: string; placeHolder: string } {
  return { prompt: l10n.t('Reply…'), placeHolder: l10n.t('Reply in markdown: sources, questions, what you checked') };
}

/** The label next to a comment's author: the verdict, or an edited comment. */
export function commentLabel(l10n: L10n, view: CommentView): string | undefined {
  return view.role === 'verdict' ? l10n.t('verdict') : view.edited ? l10n.t('edited') : undefined;
}

/**
 * The verdict comment's body as parts: the verdict's label in bold (a team's label is text, not
 * markup), then the note, already inert markdown (see threadEntries).
 */
export function verdictBodyParts(label: string, note: string): HoverPart[] {
  const parts: HoverPart[] = [{ kind: 'markdown', value: '**' }, { kind: 'text', value: label }, { kind: 'markdown', value: '**' }];
  if (note !== '') parts.push({ kind: 'markdown', value: `\n\n${note}` });
  return parts;
}

/** The label of a comment being edited that a teammate deleted meanwhile (its edit box stays). */
export function deletedMeanwhileLabel(l10n: L10n): string {
  return l10n.t('deleted meanwhile: Save posts your text as a new reply');
}

/** Why a change of a thread's annotation failed: a refused comment change in the person's words, else the error's message. */
export function commentChangeFailure(l10n: L10n, error: unknown): string {
  if (!(error instanceof CommentChangeError)) return messageOf(error);
  switch (error.reason) {
    case 'empty':
      return l10n.t('A comment needs some text.');
    case 'gone':
      return l10n.t('This comment no longer exists: it was deleted, perhaps by a teammate.');
    case 'not-yours':
      return l10n.t('Only {0} can change this comment.', error.author ?? '');
  }
}

/** Said when an edited comment was deleted meanwhile and the text was posted as a reply. */
export function postedAsReplyMessage(l10n: L10n): string {
  return l10n.t('The comment was deleted while you edited it, perhaps by a teammate: your text is posted as a new reply.');
}

/** The question before a comment is deleted. */
export function deleteCommentQuestion(l10n: L10n): string {
  return l10n.t('Delete this comment? Teammates will see that a comment was deleted, not what it said.');
}
