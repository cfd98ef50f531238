/** Helpers over one article's findings, shared by the index, the conflicts and the claim search. */
import type { Analysis, ClaimFinding, EntityFinding, NumberFinding } from '../analysis/types';
import type { IndexedClaim, IndexedFigure } from './types';
import { contentStems } from './words';

/** The findings of an analysis, by kind. */
export function splitFindings(analysis: Analysis): { entityFindings: EntityFinding[]; numberFindings: NumberFinding[]; claimFindings: ClaimFinding[] } {
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

/** The key entities are grouped by: the canonical name in lower case. */
export function entityKey(entity: EntityFinding): string {
  return entity.canonical.toLocaleLowerCase('de');
}

/** |a − b| / max(|a|, |b|); 0 when both are 0. */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Same unit and values within the tolerance. */
export function sameFigure(a: IndexedFigure, b: IndexedFigure, tolerance: number): boolean {
  return a.unit === b.unit && relativeDifference(a.value, b.value) <= tolerance;
}

/** A claim with the entities, figures, years and content words inside it. */
export function indexClaim(
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
    figures: numbers
      .filter((n) => n.type !== 'year' && n.value !== null && Number.isFinite(n.value))
      .map((n) => ({ value: n.value as number, unit: n.unit?.toLowerCase() ?? '', text: n.text })),
    years: [...new Set(numbers.filter((n) => n.type === 'year' && n.value !== null).map((n) => n.value as number))],
    stems: [...contentStems(claim.text)],
  };
}
