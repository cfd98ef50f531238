/**
 * The schema.org `ClaimReview` export, one JSON-LD object per annotated claim, as fact-checkers
 * publish them. Google's fact-check markup requires `claimReviewed`, `reviewRating.alternateName`
 * and `url`; `author`, `datePublished` and `itemReviewed` are recommended and given.
 */
import type { ClassicStatus } from '../store/annotation';
import { parseDatePeriod } from '../review/dates';
import { describeStatus, type TeamConfig } from '../team/team';
import { annotationIri, articleIri } from './iri';
import { oneLine } from './labels';
import { prepareExport } from './prepare';
import type { ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';
import type { JsonLd } from './w3c';

/**
 * Without a team file, the numeric rating on a 1 (worst) to 3 (best) scale: disputed 1, outdated 2,
 * verified 3 (and unverifiable 2, the middle). A team file sets the scale and its statuses' ratings.
 */
export const RATING_VALUES: Readonly<Record<ClassicStatus, number>> = { disputed: 1, outdated: 2, verified: 3 };

/**
 * Builds the ClaimReview objects.
 * @param input The workspace's articles and annotations; `baseIri` should be set for publishing,
 *   since `url` is otherwise a `urn:ainews:` name; `reviewer` names the publishing organisation.
 * @param options Which articles and statuses; the time and age limit for review flags.
 * @returns One `ClaimReview` per selected verdict, in article and text order; annotations whose
 *   status is not a verdict ("in-progress", a team's work states) are left out.
 */
export function exportClaimReview(input: ExportInput, options: ExportOptions = {}): JsonLd[] {
  const { articles, team } = prepareExport(input, options);
  const reviews: JsonLd[] = [];
  for (const article of articles) {
    for (const exported of article.annotations) {
      if (describeStatus(team, exported.annotation.status).verdict) reviews.push(claimReview(exported, article, input, team));
    }
  }
  return reviews;
}

/** The rating: the status's label, and its value on the team's scale when the status has one. */
function reviewRating(exported: ExportedAnnotation, team: TeamConfig): JsonLd {
  const status = describeStatus(team, exported.annotation.status);
  const rating: JsonLd = { '@type': 'Rating' };
  if (status.rating !== undefined) {
    rating.ratingValue = status.rating;
    rating.bestRating = team.ratingScale.best;
    rating.worstRating = team.ratingScale.worst;
  }
  rating.alternateName = status.label;
  return rating;
}

function claimReview(exported: ExportedAnnotation, article: ExportedArticle, input: ExportInput, team: TeamConfig): JsonLd {
  const { annotation, withheld } = exported;
  const appearance: JsonLd = { '@type': 'CreativeWork', url: articleIri(article.path, input.baseIri) };
  const articleDate = article.date ? parseDatePeriod(article.date) : null;
  if (article.date && articleDate) appearance.datePublished = article.date;
  const claim: JsonLd = { '@type': 'Claim', appearance };
  if (article.date && articleDate) claim.datePublished = article.date;

  const review: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: annotationIri(annotation.id, input.baseIri),
    claimReviewed: oneLine(annotation.quote.exact),
    itemReviewed: claim,
    author: input.reviewer
      ? { '@type': 'Organization', name: input.reviewer }
      : { '@type': 'Person', name: annotation.author || 'unknown' },
    reviewRating: reviewRating(exported, team),
  };
  const published = day(annotation.modified) ?? day(annotation.created);
  if (published) review.datePublished = published;
  if (!withheld && annotation.note.trim()) review.reviewBody = annotation.note;
  const expires = expiry(exported);
  if (expires) review.expires = expires;
  return review;
}

/**
 * When the verdict stops holding: its `reviewBy` day, or for an outdated verdict without one,
 * the day it was marked (the claim had already expired then).
 */
function expiry({ annotation }: ExportedAnnotation): string | null {
  if (annotation.reviewBy && parseDatePeriod(annotation.reviewBy)) return annotation.reviewBy;
  return annotation.status === 'outdated' ? day(annotation.modified) : null;
}

/** The YYYY-MM-DD day of a stored timestamp, or null when it is not one. */
function day(value: string): string | null {
  const period = value ? parseDatePeriod(value) : null;
  return period ? period.start.toISOString().slice(0, 10) : null;
}
