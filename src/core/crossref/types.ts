/** The cross-article index's shapes: what the sidebar view and "Find Claim in Other Articles" read. */
import type { Analysis, EntityType } from '../analysis/types';

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
  /** Figures in it with a value (no years): "15,7 Billionen Dollar" is {value: 1.57e13, unit: 'usd'}. */
  figures: IndexedFigure[];
  /** Years named in it. */
  years: number[];
  stems: string[];
}

export interface IndexedFigure {
  value: number;
  /** Lower case; '' when the figure has no unit. */
  unit: string;
  text: string;
}

export interface CrossIndex {
  /** Entities by how many articles mention them, then by name. */
  entities: IndexedEntity[];
  conflicts: QuantityConflict[];
  claims: IndexedClaim[];
  /** The tolerance the index was built with: figures this close count as the same. */
  tolerance: number;
}

export interface CrossIndexOptions {
  /** Relative difference up to which two figures agree (rounding, "fast", "rund"); default 0.05. */
  tolerance?: number;
}

export interface ClaimMatch {
  article: string;
  start: number;
  end: number;
  text: string;
  /** Higher is a closer match. */
  score: number;
  sharedEntities: string[];
  /** The candidate's figures that equal one of the claim's (same unit, within the index's tolerance). */
  sharedFigures: string[];
  /** Jaccard similarity of the claims' content words, 0..1. */
  wordOverlap: number;
}
