/** Building the cross-article index over all articles of a workspace. */
import type { EntityType } from '../analysis/types';
import { entityKey, indexClaim, splitFindings } from './findings';
import { findConflicts, quantityOf, type Quantity } from './quantities';
import { scopeLocator } from './scopes';
import type { CrossIndex, CrossIndexOptions, EntityMention, IndexedArticle, IndexedClaim } from './types';

/** Figures differing by at most this share agree (rounding, "fast", "rund"). */
export const DEFAULT_TOLERANCE = 0.05;

/**
 * Builds the index over all articles of a workspace.
 * @param articles Each article's path, text and analysis.
 * @param options The tolerance for figures that agree.
 */
export function buildCrossIndex(articles: readonly IndexedArticle[], options: CrossIndexOptions = {}): CrossIndex {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const entities = new Map<string, { names: Map<string, number>; types: Map<EntityType, number>; mentions: EntityMention[]; articles: Set<string> }>();
  const quantities: Quantity[] = [];
  const claims: IndexedClaim[] = [];

  for (const article of articles) {
    const { entityFindings, numberFindings, claimFindings } = splitFindings(article.analysis);
    const scopeOf = scopeLocator(article.text, claimFindings);
    for (const entity of entityFindings) {
      const key = entityKey(entity);
      let group = entities.get(key);
      if (!group) entities.set(key, (group = { names: new Map(), types: new Map(), mentions: [], articles: new Set() }));
      increment(group.names, entity.canonical);
      increment(group.types, entity.type);
      group.articles.add(article.path);
      const scope = scopeOf(entity.start, entity.end);
      group.mentions.push(
        scope.claim
          ? { article: article.path, start: entity.start, end: entity.end, claimStart: scope.claim.start, claimEnd: scope.claim.end }
          : { article: article.path, start: entity.start, end: entity.end },
      );
    }
    for (const number of numberFindings) {
      const quantity = quantityOf(article, number, scopeOf(number.start, number.end), entityFindings, numberFindings);
      if (quantity) quantities.push(quantity);
    }
    for (const claim of claimFindings) claims.push(indexClaim(article.path, claim, entityFindings, numberFindings));
  }

  return {
    entities: [...entities.values()]
      .map((group) => ({
        canonical: mostCommon(group.names),
        type: mostCommon(group.types),
        mentions: group.mentions,
        articleCount: group.articles.size,
      }))
      .sort((a, b) => b.articleCount - a.articleCount || a.canonical.localeCompare(b.canonical)),
    conflicts: findConflicts(quantities, tolerance),
    claims,
    tolerance,
  };
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function mostCommon<K>(counts: Map<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best as K;
}
