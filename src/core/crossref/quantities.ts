/**
 * Figures as quantities of an entity, and conflicts between articles.
 *
 * Kept conservative so that each warning is worth reading. Two figures count as the same quantity
 * only when they are in different articles, belong to the same entity (the nearest non-outlet
 * entity in the same claim or sentence), have the same unit and kind, share at least one content
 * word near the figure ("Weltwirtschaft", "Umsatz"), and do not name different years.
 */
import type { EntityFinding, NumberFinding, NumberType } from '../analysis/types';
import { entityKey, relativeDifference } from './findings';
import type { Scope } from './scopes';
import type { IndexedArticle, QuantityConflict, QuantityMention } from './types';
import { contentStems, sharedCount, words } from './words';

/** Numbers that measure something an entity can be said to have. Dates, ranks and versions cannot conflict this way. */
const COMPARABLE_TYPES: ReadonlySet<NumberType> = new Set(['money', 'percent', 'quantity', 'count', 'number']);
/** Words this far (in words) from a figure tell what it measures. */
const CONTEXT_WORDS = 6;

/** A figure paired with its entity, with what tells which quantity it is. */
export interface Quantity {
  mention: QuantityMention;
  entityKey: string;
  entityName: string;
  /** Lower case, for grouping. */
  unit: string;
  /** As the analysis gives it ("USD", "%"), for display. */
  unitLabel: string;
  type: NumberType;
  context: Set<string>;
  years: Set<number>;
}

/** A comparable figure with the nearest entity in its scope, or null when it has no unit or no entity. */
export function quantityOf(
  article: IndexedArticle,
  number: NumberFinding,
  scope: Scope,
  entityFindings: readonly EntityFinding[],
  numberFindings: readonly NumberFinding[],
): Quantity | null {
  if (typeof number.value !== 'number' || !Number.isFinite(number.value) || !number.unit || !COMPARABLE_TYPES.has(number.type)) return null;
  const entity = nearestEntity(number, scope, entityFindings);
  if (!entity) return null;
  const entityWords = new Set(words(entity.text).concat(words(entity.canonical)).map((w) => w.toLowerCase()));
  return {
    mention: { article: article.path, start: number.start, end: number.end, value: number.value, text: number.text },
    entityKey: entityKey(entity),
    entityName: entity.canonical,
    unit: number.unit.toLowerCase(),
    unitLabel: number.unit,
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
    if (n.type === 'year' && typeof n.value === 'number' && n.start >= scope.start && n.end <= scope.end) years.add(n.value);
  }
  return years;
}

/** Pairs of figures in different articles that look like the same quantity but differ beyond the tolerance. */
export function findConflicts(quantities: readonly Quantity[], tolerance: number): QuantityConflict[] {
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
          conflicts.push({ entity: a.entityName, unit: a.unitLabel, a: a.mention, b: b.mention, difference });
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
