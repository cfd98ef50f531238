/** "AI News: Find Claim in Other Articles": the claims elsewhere that look like the one under the cursor. */
import type { ClaimFinding } from '../analysis/types';
import { buildCrossIndex } from './buildIndex';
import { indexClaim, sameFigure, splitFindings } from './findings';
import type { ClaimMatch, CrossIndex, IndexedArticle } from './types';
import { jaccard } from './words';

/**
 * Finds the claims in other articles that look like the same claim: ranked by shared entities,
 * shared figures (same unit, values within the index's tolerance), shared years and word overlap. A match needs more than one
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
  const sourceYears = new Set(source.years);
  const sourceStems = new Set(source.stems);

  const displayNames = new Map(index.entities.map((e) => [e.canonical.toLocaleLowerCase('de'), e.canonical]));
  const matches: ClaimMatch[] = [];
  for (const candidate of index.claims) {
    if (candidate.article === article) continue;
    const sharedEntities = candidate.entities.filter((e) => sourceEntities.has(e));
    const sharedFigures = candidate.figures.filter((f) => source.figures.some((g) => sameFigure(f, g, index.tolerance)));
    const sharedYears = candidate.years.filter((y) => sourceYears.has(y)).length;
    // Both name years, but not the same ones: most likely figures for another time.
    const otherYears = sharedYears === 0 && candidate.years.length > 0 && sourceYears.size > 0;
    const wordOverlap = jaccard(sourceStems, new Set(candidate.stems));
    const related =
      wordOverlap >= 0.5 ||
      (sharedFigures.length > 0 && (sharedEntities.length > 0 || wordOverlap >= 0.1)) ||
      (sharedEntities.length > 0 && wordOverlap >= 0.2);
    if (!related) continue;
    const score = 3 * sharedFigures.length + 2 * sharedEntities.length + sharedYears - (otherYears ? 1 : 0) + 5 * wordOverlap;
    matches.push({
      article: candidate.article,
      start: candidate.start,
      end: candidate.end,
      text: candidate.text,
      score,
      sharedEntities: sharedEntities.map((key) => displayNames.get(key) ?? key),
      sharedFigures: sharedFigures.map((f) => f.text),
      wordOverlap,
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.article.localeCompare(b.article) || a.start - b.start).slice(0, limit);
}

/**
 * Finds a claim's matches among a workspace's articles, indexing them first.
 * @param own The path of the claim's article when it is among `articles`; else the article itself,
 *   which joins the index (an unsaved file, or one the workspace load does not cover).
 */
export function findClaimAmong(articles: readonly IndexedArticle[], own: string | IndexedArticle, claim: ClaimFinding): ClaimMatch[] {
  const indexed = typeof own === 'string' ? articles : [...articles, own];
  return findClaimInOtherArticles(buildCrossIndex(indexed), typeof own === 'string' ? own : own.path, claim, indexed);
}
