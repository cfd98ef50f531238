/**
 * The fixed key order of the annotation file, for the canonical form file.ts writes: the same data
 * always gives the same bytes, and a change touches only its own lines.
 */
import type { Annotation, Comment, Evidence, Review } from './annotation';
import { holdsThread } from './heldThreads';

/** Required fields in the contract's order, then the optional ones; the growing lists (`history`, `comments`) last. */
export const ANNOTATION_KEY_ORDER = [
  'id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author',
  'evidence', 'reviewBy', 'articleHash', 'private', 'assignee', 'review', 'tags', 'resolved', 'history', 'comments',
];
const EVIDENCE_KEY_ORDER = ['url', 'title', 'quote', 'accessed', 'archive'];
const ARCHIVE_KEY_ORDER = ['file', 'sha256', 'fetched', 'contentType'];
const REVIEW_KEY_ORDER = ['by', 'at', 'result', 'status', 'note'];
const COMMENT_KEY_ORDER = ['id', 'author', 'at', 'body', 'edited', 'deleted'];

/**
 * Whether an object's own keys are exactly some of `order`, in that order, none undefined.
 * @param held A key whose value is known to be there and is not to be read (a held thread: reading parses it).
 */
export function keysInOrder(value: object, order: readonly string[], held?: string): boolean {
  let next = 0;
  for (const key in value) {
    while (next < order.length && order[next] !== key) next += 1;
    if (next === order.length || (key !== held && (value as Record<string, unknown>)[key] === undefined)) return false;
    next += 1;
  }
  return true;
}

/** A copy of an object with the keys of `order` that it has, in that order. */
function inOrder<T extends object>(value: T, order: readonly string[]): T {
  const copy: Record<string, unknown> = {};
  for (const key of order) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) copy[key] = field;
  }
  return copy as T;
}

/** An evidence item in file order; a string stays as it is. */
export function orderedEvidence(item: Evidence): Evidence {
  if (typeof item === 'string') return item;
  const ordered = inOrder(item, EVIDENCE_KEY_ORDER);
  if (item.archive !== undefined) ordered.archive = inOrder(item.archive, ARCHIVE_KEY_ORDER);
  return ordered;
}

export function orderedReview(review: Review): Review {
  return inOrder(review, REVIEW_KEY_ORDER);
}

export function orderedComment(comment: Comment): Comment {
  return inOrder(comment, COMMENT_KEY_ORDER);
}

/** Whether the nested objects version 2 adds (evidence objects, review, comments) are in file order. */
export function version2PartsInOrder(a: Annotation): boolean {
  return (
    (a.evidence === undefined ||
      a.evidence.every((item) => typeof item === 'string' || (keysInOrder(item, EVIDENCE_KEY_ORDER) && (item.archive === undefined || keysInOrder(item.archive, ARCHIVE_KEY_ORDER))))) &&
    (a.review === undefined || keysInOrder(a.review, REVIEW_KEY_ORDER)) &&
    // A held thread is in the file's order: its reader holds no other (heldThreads.ts).
    (holdsThread(a) || a.comments === undefined || a.comments.every((c) => keysInOrder(c, COMMENT_KEY_ORDER)))
  );
}
