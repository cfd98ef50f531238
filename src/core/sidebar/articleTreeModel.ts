/**
 * The "This article" view's nodes: three sections — the claims (unreviewed first), the numbers and
 * the entities (grouped by canonical name) — and their findings. Pure: built from the article's
 * snapshot each time the view asks; the editor maps nodes to tree items.
 */
import type { Analysis, ClaimFinding, EntityFinding, Finding, NumberFinding } from '../analysis/types';
import type { ArticleSnapshot } from '../session/articleSession';
import type { Span } from '../span';
import { groupEntities, orderClaims } from './findingGroups';

export type SectionKind = 'claims' | 'numbers' | 'entities';

export interface SectionElement {
  kind: 'section';
  section: SectionKind;
  count: number;
  /** Claims only: how many are reviewed. */
  reviewed?: number;
}

export interface EntityGroupElement {
  kind: 'entity';
  canonical: string;
  type: string;
  mentions: EntityFinding[];
}

export interface FindingElement {
  kind: 'finding';
  finding: Finding;
  /** Claims only: an annotation overlaps it. */
  reviewed?: boolean;
}

export type ArticleTreeElement = SectionElement | EntityGroupElement | FindingElement;

/** What the view reads of an article's snapshot. */
export type ArticleFindings = Pick<ArticleSnapshot, 'analysis' | 'claims' | 'placements'>;

const SECTIONS: readonly SectionKind[] = ['claims', 'numbers', 'entities'];
/** Schemes of panels that can take focus without being "another document" (keep showing the article). */
const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-terminal', 'comment']);

/** A document as the view follows it (a vscode.TextDocument fits). */
export interface FollowedDocument {
  readonly isClosed: boolean;
  readonly uri: { readonly scheme: string };
}

/**
 * The document the view shows once the active editor's document is `active` (undefined: no editor).
 * Focus on the sidebar or a panel keeps the article in view, until its document is closed.
 */
export function documentToShow<D extends FollowedDocument>(shown: D | undefined, active: D | undefined): D | undefined {
  if (active && IGNORED_SCHEMES.has(active.uri.scheme)) return shown;
  if (!active && shown && !shown.isClosed) return shown;
  return active;
}

/** The children of a node (undefined: the sections); none before the article is analysed. */
export function articleTreeChildren(article: ArticleFindings, element?: ArticleTreeElement): ArticleTreeElement[] {
  const analysis = article.analysis;
  if (!analysis) return [];
  if (!element) return sections(article, analysis);
  if (element.kind === 'entity') return element.mentions.map((finding) => ({ kind: 'finding', finding }));
  if (element.kind === 'finding') return [];
  switch (element.section) {
    case 'claims':
      return orderedClaims(article).map(({ claim, reviewed }) => ({ kind: 'finding', finding: claim, reviewed }));
    case 'numbers':
      return findingsOf<NumberFinding>(analysis, 'number').map((finding) => ({ kind: 'finding', finding }));
    case 'entities':
      return groupEntities(findingsOf<EntityFinding>(analysis, 'entity')).map((g) => ({ kind: 'entity', ...g }));
  }
}

/** A finding's tree item id. */
export function findingItemId(finding: Finding): string {
  return `${finding.kind}|${finding.start}|${finding.end}`;
}

function sections(article: ArticleFindings, analysis: Analysis): SectionElement[] {
  const counts = { claims: 0, numbers: 0, entities: 0 };
  for (const f of analysis.findings) counts[f.kind === 'claim' ? 'claims' : f.kind === 'number' ? 'numbers' : 'entities'] += 1;
  return SECTIONS.map((section): SectionElement => section === 'claims'
    ? { kind: 'section', section, count: counts.claims, reviewed: orderedClaims(article).filter((c) => c.reviewed).length }
    : { kind: 'section', section, count: counts[section] });
}

function orderedClaims(article: ArticleFindings): { claim: ClaimFinding; reviewed: boolean }[] {
  const spans = article.placements.filter((p) => p.state !== 'orphaned' && p.span).map((p) => p.span as Span);
  return orderClaims(article.claims, spans);
}

function findingsOf<T extends Finding>(analysis: Analysis, kind: T['kind']): T[] {
  return analysis.findings.filter((f): f is T => f.kind === kind);
}
