/**
 * What the "This article" tree and the status bar compute from an analysis and the article's
 * annotations. Pure: offsets in, groups and counts out.
 */
import { overlaps, type Span } from '../span';
import type { AnchorState, Status } from '../store/annotation';

export { overlaps, type Span };

/**
 * For each claim, whether an annotation overlaps it (the claim has been reviewed).
 * O((claims + annotations) · log annotations): annotations are sorted by start once, and the
 * largest end among those starting before a claim's end tells whether one reaches into it.
 */
export function reviewedClaims(claims: readonly Span[], annotations: readonly Span[]): boolean[] {
  const index = reviewIndex(annotations);
  const reviewed = new Array<boolean>(claims.length);
  for (let i = 0; i < claims.length; i++) reviewed[i] = isReviewed(index, claims[i]);
  return reviewed;
}

/** How many claims an annotation overlaps: {@link reviewedClaims} counted, without a list per snapshot. */
export function countReviewedClaims(claims: readonly Span[], annotations: readonly Span[]): number {
  const index = reviewIndex(annotations);
  let count = 0;
  // Indexed loops: this runs once per snapshot, too rarely for V8 to optimise it, and an unoptimised
  // for-of makes an iterator result per claim.
  for (let i = 0; i < claims.length; i++) if (isReviewed(index, claims[i])) count++;
  return count;
}

/** The annotations sorted by start with the largest end so far, and the empty ones apart. */
interface ReviewIndex {
  sorted: Span[];
  maxEnd: number[];
  empty: Span[];
}

function reviewIndex(annotations: readonly Span[]): ReviewIndex {
  const sorted = annotations.filter((a) => a.end > a.start).sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const a of sorted) maxEnd.push(Math.max(a.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return { sorted, maxEnd, empty: annotations.filter((a) => a.end === a.start) };
}

/**
 * Whether an annotation overlaps the claim. A loop without a closure per claim: a snapshot of a
 * large article asks for thousands of claims on every keystroke, and each closure is garbage.
 */
function isReviewed({ sorted, maxEnd, empty }: ReviewIndex, claim: Span): boolean {
  // Annotations with start < claim.end, or start <= claim.start for an empty claim.
  const limit = claim.end > claim.start ? claim.end : claim.start + 1;
  const count = countStartingBefore(sorted, limit);
  if (count > 0 && maxEnd[count - 1] > claim.start) return true;
  for (let i = 0; i < empty.length; i++) if (overlaps(empty[i], claim)) return true;
  return false;
}

/** How many of the spans (sorted by start) start before `limit`. */
function countStartingBefore(sorted: readonly Span[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Claims with their review state: unreviewed first, each part in text order. */
export function orderClaims<T extends Span>(claims: readonly T[], annotations: readonly Span[]): { claim: T; reviewed: boolean }[] {
  const reviewed = reviewedClaims(claims, annotations);
  return claims
    .map((claim, i) => ({ claim, reviewed: reviewed[i] }))
    .sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || a.claim.start - b.claim.start || a.claim.end - b.claim.end);
}

export interface EntityLike extends Span {
  canonical: string;
  type: string;
}

export interface EntityGroup<T extends EntityLike> {
  canonical: string;
  /** The type most mentions have. */
  type: string;
  /** In text order. */
  mentions: T[];
}

/** Entity mentions grouped by canonical name: most-mentioned first, then by name. */
export function groupEntities<T extends EntityLike>(entities: readonly T[], compare: (a: string, b: string) => number = defaultCompare): EntityGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entity of entities) {
    const list = groups.get(entity.canonical);
    if (list) list.push(entity);
    else groups.set(entity.canonical, [entity]);
  }
  return [...groups]
    .map(([canonical, mentions]) => ({ canonical, type: mostCommon(mentions.map((m) => m.type)), mentions: [...mentions].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => b.mentions.length - a.mentions.length || compare(a.canonical, b.canonical));
}

function defaultCompare(a: string, b: string): number {
  return a.localeCompare(b);
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[0] ?? '';
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** What the status bar needs to know about one of the article's annotations. */
export interface SummarizedAnnotation {
  status: Status;
  state: AnchorState;
  span?: Span;
  flags: readonly string[];
}

export interface ArticleSummary {
  claims: number;
  reviewedClaims: number;
  annotations: number;
  verified: number;
  disputed: number;
  outdated: number;
  fuzzy: number;
  orphaned: number;
  needsRecheck: number;
  articleChanged: number;
}

/** Counts for the status bar: claims reviewed, verdicts by status, anchoring and review problems. */
export function summarizeArticle(claims: readonly Span[], annotations: readonly SummarizedAnnotation[]): ArticleSummary {
  const spans = annotations.filter((a) => a.state !== 'orphaned' && a.span).map((a) => a.span as Span);
  const reviewed = countReviewedClaims(claims, spans);
  const count = (test: (a: SummarizedAnnotation) => boolean): number => annotations.filter(test).length;
  return {
    claims: claims.length,
    reviewedClaims: reviewed,
    annotations: annotations.length,
    verified: count((a) => a.status === 'verified'),
    disputed: count((a) => a.status === 'disputed'),
    outdated: count((a) => a.status === 'outdated'),
    fuzzy: count((a) => a.state === 'fuzzy'),
    orphaned: count((a) => a.state === 'orphaned'),
    needsRecheck: count((a) => a.flags.includes('needs re-check')),
    articleChanged: count((a) => a.flags.includes('article changed since review')),
  };
}
