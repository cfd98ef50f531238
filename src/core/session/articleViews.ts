/**
 * What the small views read off an article's snapshot: the claims without a verdict (the Problems
 * panel), whether an annotation needs a new place, and whether the cursor is on one (context keys).
 */
import type { ClaimFinding } from '../analysis/types';
import { reviewedClaims } from '../sidebar/findingGroups';
import { spanContains } from '../span';
import type { ArticleSnapshot } from './articleSession';

/** The claims of the snapshot no placed annotation overlaps, in text order. */
export function unreviewedClaims(snapshot: ArticleSnapshot): ClaimFinding[] {
  const reviewed = reviewedClaims(snapshot.claims, snapshot.placements.flatMap((p) => (p.span ? [p.span] : [])));
  return snapshot.claims.filter((_, i) => !reviewed[i]);
}

/** True when some annotation is fuzzy or orphaned (re-anchoring is offered). */
export function hasUnanchored(snapshot: ArticleSnapshot | undefined): boolean {
  return snapshot?.placements.some((p) => p.state === 'fuzzy' || p.state === 'orphaned') ?? false;
}

/** True when an annotation placed in the snapshot covers the offset. */
export function annotationAt(snapshot: ArticleSnapshot | undefined, offset: number): boolean {
  return snapshot?.placements.some((p) => p.span !== undefined && spanContains(p.span, offset)) ?? false;
}
