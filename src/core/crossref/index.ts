/**
 * The cross-article index: every entity with the articles and claims that mention it, warnings where
 * two articles give different figures for what looks like the same quantity, and finding a claim in
 * other articles.
 */
export { buildCrossIndex, DEFAULT_TOLERANCE } from './buildIndex';
export { findClaimAmong, findClaimInOtherArticles } from './findClaim';
export type {
  ClaimMatch,
  CrossIndex,
  CrossIndexOptions,
  EntityMention,
  IndexedArticle,
  IndexedClaim,
  IndexedEntity,
  IndexedFigure,
  QuantityConflict,
  QuantityMention,
} from './types';
