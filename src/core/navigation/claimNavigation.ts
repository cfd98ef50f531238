/**
 * Moving through an article's claims ("Next / Previous Unreviewed Claim", "Find Claim in Other
 * Articles"): which claims still want a verdict, which one comes next from the cursor, and which one
 * the cursor is on. Pure: findings and offsets in.
 */
import type { ClaimFinding, Finding } from '../analysis/types';
import { reviewedClaims } from '../sidebar/findingGroups';
import type { Span } from '../span';

/** Claims scored at or above the threshold that no annotation overlaps, in the findings' order. */
export function unreviewedClaims(findings: readonly Finding[], annotated: readonly Span[], threshold: number): ClaimFinding[] {
  const claims = findings.filter((f): f is ClaimFinding => f.kind === 'claim' && f.score >= threshold);
  const reviewed = reviewedClaims(claims, annotated);
  return claims.filter((_, i) => !reviewed[i]);
}

/**
 * The claim to move to from the cursor, wrapping around at either end of the article.
 * @param claims In text order, at least one.
 * @param direction 1: the first claim starting at or after the cursor; -1: the last one ending at or before it.
 */
export function nextClaim<T extends Span>(claims: readonly T[], cursor: number, direction: 1 | -1): T {
  if (direction === 1) return claims.find((c) => c.start >= cursor) ?? claims[0];
  return [...claims].reverse().find((c) => c.end <= cursor) ?? claims[claims.length - 1];
}

/** The claim the cursor is on (its ends included), or undefined. */
export function claimAt(findings: readonly Finding[], offset: number): ClaimFinding | undefined {
  return findings.find((f): f is ClaimFinding => f.kind === 'claim' && f.start <= offset && offset <= f.end);
}
