/**
 * The markdown report's lines for what version 2 adds to an annotation: its second review and its
 * discussion. Everything here comes from other people and is escaped like notes.
 */
import type { Annotation } from '../store/annotation';
import type { TeamConfig } from '../team/team';
import { isIndependentReview } from '../team/workflow';
import { escapeMarkdownInline, escapeMarkdownLines } from './escape';
import { statusLabel } from './labels';

/**
 * "Approved by Anna on 2025-02-01 (verdict: Disputed)" or "Changes requested by …: note"; a
 * self-review is named as such, since it never counts.
 * @returns The line, or null without a review.
 */
export function reviewLine(annotation: Annotation, team: TeamConfig): string | null {
  const review = annotation.review;
  if (!review) return null;
  const what = review.result === 'approved' ? 'Approved' : 'Changes requested';
  const self = isIndependentReview(annotation) ? '' : ' (self-review: does not count)';
  const stale = review.status === annotation.status ? '' : `, of the earlier verdict ${escapeMarkdownInline(statusLabel(review.status, team))}`;
  const note = review.note?.trim() ? `: ${escapeMarkdownLines(review.note.trim())}` : '';
  return `${what} by ${escapeMarkdownInline(review.by)} on ${escapeMarkdownInline(review.at.slice(0, 10))}${self}${stale}${note}`;
}

/** The discussion as a list, oldest first; deleted comments as "(deleted)"; a resolved thread says so. */
export function discussionLines(annotation: Annotation): string[] {
  const comments = annotation.comments ?? [];
  if (comments.length === 0) return [];
  const out = [annotation.resolved ? 'Discussion (resolved):' : 'Discussion:', ''];
  for (const comment of comments) {
    const who = `${escapeMarkdownInline(comment.author || 'unknown')}, ${escapeMarkdownInline(comment.at.slice(0, 10))}`;
    const text = comment.deleted ? '_(deleted)_' : escapeMarkdownLines(comment.body.trim());
    const edited = comment.edited && !comment.deleted ? ' _(edited)_' : '';
    out.push(`- ${who}: ${text}${edited}`);
  }
  out.push('');
  return out;
}
