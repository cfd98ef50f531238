/**
 * Review-time states: verdicts that must be looked at again, and claims whose wording may have aged.
 * These never change a verdict by themselves; the editor and the exports only show them.
 */
import type { Annotation } from '../store/annotation';
import type { ClaimFinding, Finding } from '../analysis/types';
import { contentHash } from './contentHash';
import { daysBetween, parseDatePeriod } from './dates';

export type ReviewFlag = 'needs re-check' | 'article changed since review';
export const REVIEW_FLAGS: readonly ReviewFlag[] = ['needs re-check', 'article changed since review'];

/** The default for `maxVerifiedAgeDays`: a verified claim older than this needs a re-check. */
export const DEFAULT_MAX_VERIFIED_AGE_DAYS = 180;
/** The default for `maxArticleAgeDays`: time-sensitive claims in older articles may be outdated. */
export const DEFAULT_MAX_ARTICLE_AGE_DAYS = 365;

export interface ReviewContext {
  now: Date;
  /** The article's current text; without it (or its hash) "article changed since review" is never reported. */
  articleText?: string;
  /** `contentHash(articleText)` when the caller already has it (saves hashing per annotation). */
  articleTextHash?: string;
  /** A verified verdict older than this many days needs a re-check. */
  maxVerifiedAgeDays: number;
}

/**
 * The review-time flags of one annotation.
 *
 * - "needs re-check": its `reviewBy` day has passed (verified or disputed verdicts; an outdated
 *   verdict is already the answer to "has this aged?"), or it is verified and the verification is
 *   older than `maxVerifiedAgeDays` (counted from the last change to "verified" in its history,
 *   else from `modified`).
 * - "article changed since review": the annotation carries an `articleHash` and the article's
 *   current text hashes differently.
 * @param annotation The annotation as stored.
 * @param context The current time, the article text and the configured age limit.
 * @returns The flags in a stable order, empty when the verdict stands.
 */
export function reviewFlags(annotation: Annotation, context: ReviewContext): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (needsRecheck(annotation, context.now, context.maxVerifiedAgeDays)) flags.push('needs re-check');
  if (articleChanged(annotation, context)) flags.push('article changed since review');
  return flags;
}

function needsRecheck(annotation: Annotation, now: Date, maxVerifiedAgeDays: number): boolean {
  if (annotation.status === 'outdated') return false;
  const reviewBy = annotation.reviewBy ? parseDatePeriod(annotation.reviewBy) : null;
  if (reviewBy && reviewBy.end.getTime() < now.getTime()) return true;
  if (annotation.status !== 'verified') return false;
  const verifiedAt = verifiedSince(annotation);
  return verifiedAt !== null && daysBetween(verifiedAt, now) > maxVerifiedAgeDays;
}

/** When the verdict last became "verified": the newest such history entry, else `modified`, else `created`. */
function verifiedSince(annotation: Annotation): Date | null {
  const changes = (annotation.history ?? []).filter((change) => change.status === 'verified');
  if (changes.length > 0) {
    const instants = changes.map((change) => startOf(change.at)).filter((d): d is Date => d !== null);
    return instants.length > 0 ? new Date(Math.max(...instants.map((d) => d.getTime()))) : null;
  }
  return startOf(annotation.modified) ?? startOf(annotation.created);
}

function startOf(value: string | undefined): Date | null {
  return value ? (parseDatePeriod(value)?.start ?? null) : null;
}

function articleChanged(annotation: Annotation, context: ReviewContext): boolean {
  if (!annotation.articleHash) return false;
  const current = context.articleTextHash ?? (context.articleText === undefined ? undefined : contentHash(context.articleText));
  if (current === undefined) return false;
  return current !== annotation.articleHash.toLowerCase();
}

/**
 * True when an article dated `articleDate` is older than `maxArticleAgeDays`, so that its
 * time-sensitive claims are suggested as possibly outdated (see suggestOutdated); false for an
 * unknown date, since the age cannot be told.
 */
export function isOldArticle(articleDate: string | null, now: Date, maxArticleAgeDays: number): boolean {
  const period = articleDate ? parseDatePeriod(articleDate) : null;
  // The end of the named period: "2024-08" is not older than 30 days on 2024-08-31.
  return period !== null && daysBetween(period.end, now) > maxArticleAgeDays;
}

/**
 * Claims with time-sensitive wording ("derzeit", "latest", "bis 2030") in an article older than
 * `maxArticleAgeDays`: suggestions to look at, never a verdict.
 * @param analysis The article's analysis.
 * @param articleDate The article's date ("2024-08", "2024-08-15", ...); null when unknown, which
 *   suggests nothing, since the age cannot be told.
 * @param now The current time.
 * @param maxArticleAgeDays Articles at most this old are not considered.
 * @returns The time-sensitive claims, in text order.
 */
export function suggestOutdated(
  analysis: { readonly findings: readonly Finding[] },
  articleDate: string | null,
  now: Date,
  maxArticleAgeDays: number,
): ClaimFinding[] {
  if (!isOldArticle(articleDate, now, maxArticleAgeDays)) return [];
  return analysis.findings
    .filter((finding): finding is ClaimFinding => finding.kind === 'claim' && finding.timeSensitive.length > 0)
    .sort((a, b) => a.start - b.start);
}
