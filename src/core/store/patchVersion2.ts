/**
 * The version-2 fields a person may change through the store (`AnnotationStore.update`): `null` or
 * an empty list removes a field. Comments are given whole (the editor appends, edits or turns one
 * into a tombstone); the store keeps `modified` and validates the result as for any change.
 */
import type { Annotation, Comment, Review } from './annotation';

export interface Version2Patch {
  assignee?: string | null;
  review?: Review | null;
  tags?: string[] | null;
  resolved?: boolean | null;
  comments?: Comment[] | null;
}

/** Applies the version-2 part of a patch to a copy of an annotation (`next` is changed). */
export function applyVersion2Patch(next: Annotation, patch: Version2Patch): void {
  if (patch.assignee !== undefined) setOrDelete(next, 'assignee', patch.assignee);
  if (patch.review !== undefined) setOrDelete(next, 'review', patch.review);
  if (patch.tags !== undefined) setOrDelete(next, 'tags', patch.tags?.length ? [...patch.tags] : null);
  if (patch.resolved !== undefined) setOrDelete(next, 'resolved', patch.resolved);
  if (patch.comments !== undefined) setOrDelete(next, 'comments', patch.comments?.length ? patch.comments.map((c) => ({ ...c })) : null);
}

function setOrDelete<K extends keyof Version2Patch & keyof Annotation>(next: Annotation, key: K, value: Annotation[K] | null): void {
  if (value === null) delete next[key];
  else next[key] = value;
}
