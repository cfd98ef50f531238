/**
 * The cross-article index: every entity with the articles and claims that mention it, warnings where
 * two articles give different figures for what looks like the same quantity, and finding a claim
 * in other articles.
 *
 * Conflicts are kept conservative so that each warning is worth reading. Two figures count as the
 * same quantity only when they are in different articles, belong to the same entity (the nearest
 * non-outlet entity in the same claim or sentence), have the same unit and kind, share at least
 * one content word near the figure ("Weltwirtschaft", "Umsatz"), and do not name different years.
 */
import type { Analysis, ClaimFinding, EntityFinding, EntityType, NumberFinding, NumberType } from '../analysis/types';
import { scopeLocator, type Scope } from './scopes';
import { contentStems, jaccard, sharedCount, words } from './words';

export interface IndexedArticle {
  path: string;
  analysis: Analysis;
  text: string;
}

export interface EntityMention {
  article: string;
  start: number;
  end: number;
  /** The claim the mention is part of, when it is in one. */
  claimStart?: number;
  claimEnd?: number;
}

export interface IndexedEntity {
  canonical: string;
  type: EntityType;
  mentions: EntityMention[];
  /** How many different articles mention it. */
  articleCount: number;
}

export interface QuantityMention {
  article: string;
  start: number;
  end: number;
  value: number;
  text: string;
}

export interface QuantityConflict {
  /** The entity's canonical name. */
  entity: string;
  unit: string;
  a: QuantityMention;
  b: QuantityMention;
  /** |a − b| / max(|a|, |b|): 0.17 for 15,7 vs 13 Billionen. */
  difference: number;
}

/** A claim with what it is compared by. */
export interface IndexedClaim {
  article: string;
  start: number;
  end: number;
  text: string;
  /** Lower-case canonical names of the entities in it. */
  entities: string[];
  /** Figures in it as "value unit" keys, e.g. "15700000000000 USD". */
  figures: string[];
  /** Years named in it. */
  years: number[];
  stems: string[];
}

export interface CrossIndex {
  /** Entities by how many articles mention them, then by name. */
  entities: IndexedEntity[];
  conflicts: QuantityConflict[];
  claims: IndexedClaim[];
}

export interface CrossIndexOptions {
  /** Relative difference up to which two figures agree (rounding, "fast", "rund"); default 0.05. */
  tolerance?: number;
}

/** Numbers that measure something an entity can be said to have. Dates, ranks and versions cannot conflict this way. */
const COMPARABLE_TYPES: ReadonlySet<NumberType> = new Set(['money', 'percent', 'quantity', 'count', 'number']);
/** Words this far (in words) from a figure tell what it measures. */
const CONTEXT_WORDS = 6;

/** A figure paired with its entity, with what tells which quantity it is. */
interface Quantity {
  mention: QuantityMention;
  entityKey: string;
  entityName: string;
  unit: string;
  type: NumberType;
  context: Set<string>;
  years: Set<number>;
}

/**
 * Builds the index over all articles of a workspace.
 * @param articles Each article's path, text and analysis.
 * @param options The tolerance for figures that agree.
 */
export function buildCrossIndex(articles: readonly IndexedArticle[], options: CrossIndexOptions = {}): CrossIndex {
  const tolerance = options.tolerance ?? 0.05;
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
  };
}

function splitFindings(analysis: Analysis): { entityFindings: EntityFinding[]; numberFindings: NumberFinding[]; claimFindings: ClaimFinding[] } {
  const entityFindings: EntityFinding[] = [];
  const numberFindings: NumberFinding[] = [];
  const claimFindings: ClaimFinding[] = [];
  for (const finding of analysis.findings) {
    if (finding.kind === 'entity') entityFindings.push(finding);
    else if (finding.kind === 'number') numberFindings.push(finding);
    else claimFindings.push(finding);
  }
  return { entityFindings, numberFindings, claimFindings };
}

function entityKey(entity: EntityFinding): string {
  return entity.canonical.toLocaleLowerCase('de');
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

/** A comparable figure with the nearest entity in its scope, or null when it has no unit or no entity. */
function quantityOf(
  article: IndexedArticle,
  number: NumberFinding,
  scope: Scope,
  entityFindings: readonly EntityFinding[],
  numberFindings: readonly NumberFinding[],
): Quantity | null {
  if (number.value === null || !Number.isFinite(number.value) || !number.unit || !COMPARABLE_TYPES.has(number.type)) return null;
  const entity = nearestEntity(number, scope, entityFindings);
  if (!entity) return null;
  const scopeText = article.text.slice(scope.start, scope.end);
  const entityWords = new Set(words(entity.text).concat(words(entity.canonical)).map((w) => w.toLowerCase()));
  return {
    mention: { article: article.path, start: number.start, end: number.end, value: number.value, text: number.text },
    entityKey: entityKey(entity),
    entityName: entity.canonical,
    unit: number.unit.toLowerCase(),
    type: number.type,
    context: nearbyStems(article.text, number, scope, entityWords),
    years: yearsIn(scope, numberFindings),
  };
}

/** The entity closest to the figure within the same scope; outlets ("laut CNBC") are sources, not subjects. */
function nearestEntity(number: NumberFinding, scope: Scope, entityFindings: readonly EntityFinding[]): EntityFinding | null {
  let best: EntityFinding | null = null;
  let bestDistance = Infinity;
  for (const entity of entityFindings) {
    if (entity.type === 'outlet' || entity.start < scope.start || entity.end > scope.end) continue;
    const distance = entity.end <= number.start ? number.start - entity.end : Math.max(0, entity.start - number.end);
    if (distance < bestDistance) [best, bestDistance] = [entity, distance];
  }
  return best;
}

/** Content-word stems within a few words either side of the figure, inside its scope, without the entity's own words. */
function nearbyStems(text: string, number: NumberFinding, scope: Scope, entityWords: ReadonlySet<string>): Set<string> {
  const before = words(text.slice(scope.start, number.start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(number.end, scope.end)).slice(0, CONTEXT_WORDS);
  const kept = [...before, ...after].filter((w) => !entityWords.has(w.toLowerCase()));
  return contentStems(kept.join(' '));
}

function yearsIn(scope: Scope, numberFindings: readonly NumberFinding[]): Set<number> {
  const years = new Set<number>();
  for (const n of numberFindings) {
    if (n.type === 'year' && n.value !== null && n.start >= scope.start && n.end <= scope.end) years.add(n.value);
  }
  return years;
}

/** Pairs of figures in different articles that look like the same quantity but differ beyond the tolerance. */
function findConflicts(quantities: readonly Quantity[], tolerance: number): QuantityConflict[] {
  const groups = new Map<string, Quantity[]>();
  for (const quantity of quantities) {
    const key = `${quantity.entityKey}\u0000${quantity.unit}\u0000${quantity.type}`;
    const group = groups.get(key);
    if (group) group.push(quantity);
    else groups.set(key, [quantity]);
  }
  const conflicts: QuantityConflict[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a.mention.article === b.mention.article || !sameQuantity(a, b)) continue;
        const difference = relativeDifference(a.mention.value, b.mention.value);
        if (difference > tolerance) {
          conflicts.push({ entity: a.entityName, unit: a.unit, a: a.mention, b: b.mention, difference });
        }
      }
    }
  }
  return conflicts.sort((x, y) => x.entity.localeCompare(y.entity) || x.a.article.localeCompare(y.a.article) || x.a.start - y.a.start);
}

/** Same measure: a shared content word near both figures, and no two different years named. */
function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.years.size > 0 && b.years.size > 0 && sharedCount(a.years, b.years) === 0) return false;
  return sharedCount(a.context, b.context) > 0;
}

function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function indexClaim(
  article: string,
  claim: ClaimFinding,
  entityFindings: readonly EntityFinding[],
  numberFindings: readonly NumberFinding[],
): IndexedClaim {
  const inside = <T extends { start: number; end: number }>(f: T): boolean => f.start >= claim.start && f.end <= claim.end;
  const entities = [...new Set(entityFindings.filter(inside).map(entityKey))];
  const numbers = numberFindings.filter(inside);
  return {
    article,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    entities,
    figures: [...new Set(numbers.filter((n) => n.type !== 'year').flatMap((n) => figureKey(n) ?? []))],
    years: [...new Set(numbers.filter((n) => n.type === 'year' && n.value !== null).map((n) => n.value as number))],
    stems: [...contentStems(claim.text)],
  };
}

/** "value unit" for a figure with a value, e.g. "2.71 %"; null when it has none. */
function figureKey(number: NumberFinding): string | null {
  return number.value === null ? null : `${number.value} ${number.unit?.toLowerCase() ?? ''}`.trim();
}

export interface ClaimMatch {
  article: string;
  start: number;
  end: number;
  text: string;
  /** Higher is a closer match. */
  score: number;
  sharedEntities: string[];
  sharedFigures: string[];
  /** Jaccard similarity of the claims' content words, 0..1. */
  wordOverlap: number;
}

/**
 * Finds the claims in other articles that look like the same claim: ranked by shared entities,
 * shared figures (same value and unit), shared years and word overlap. A match needs more than one
 * shared entity alone: a figure, or enough shared wording.
 * @param index The workspace's cross index.
 * @param article The path of the article the claim is in.
 * @param claim The claim under the cursor.
 * @param articles The articles (for the claim's own entities and figures).
 * @param limit At most this many matches; default 20.
 * @returns Matches in other articles, best first.
 */
export function findClaimInOtherArticles(
  index: CrossIndex,
  article: string,
  claim: ClaimFinding,
  articles: readonly IndexedArticle[],
  limit = 20,
): ClaimMatch[] {
  const own = articles.find((a) => a.path === article);
  const { entityFindings, numberFindings } = own ? splitFindings(own.analysis) : { entityFindings: [], numberFindings: [] };
  const source = indexClaim(article, claim, entityFindings, numberFindings);
  const sourceEntities = new Set(source.entities);
  const sourceFigures = new Set(source.figures);
  const sourceYears = new Set(source.years);
  const sourceStems = new Set(source.stems);

  const displayNames = new Map(index.entities.map((e) => [e.canonical.toLocaleLowerCase('de'), e.canonical]));
  const matches: ClaimMatch[] = [];
  for (const candidate of index.claims) {
    if (candidate.article === article) continue;
    const sharedEntities = candidate.entities.filter((e) => sourceEntities.has(e));
    const sharedFigures = candidate.figures.filter((f) => sourceFigures.has(f));
    const sharedYears = candidate.years.filter((y) => sourceYears.has(y)).length;
    const wordOverlap = jaccard(sourceStems, new Set(candidate.stems));
    const related =
      wordOverlap >= 0.5 ||
      (sharedFigures.length > 0 && (sharedEntities.length > 0 || wordOverlap >= 0.1)) ||
      (sharedEntities.length > 0 && wordOverlap >= 0.2);
    if (!related) continue;
    const score = 3 * sharedFigures.length + 2 * sharedEntities.length + sharedYears + 5 * wordOverlap;
    matches.push({
      article: candidate.article,
      start: candidate.start,
      end: candidate.end,
      text: candidate.text,
      score,
      sharedEntities: sharedEntities.map((key) => displayNames.get(key) ?? key),
      sharedFigures,
      wordOverlap,
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.article.localeCompare(b.article) || a.start - b.start).slice(0, limit);
}
