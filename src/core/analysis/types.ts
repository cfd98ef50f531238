/** What the analysis engine returns. Offsets are UTF-16 indices into the exact text, end exclusive. */

export type Language = 'de' | 'en';
export type FindingKind = 'number' | 'entity' | 'claim';
export type NumberType =
  | 'money' | 'percent' | 'date' | 'year' | 'quantity' | 'range' | 'rank' | 'count' | 'version' | 'number';
export type EntityType = 'org' | 'product' | 'person' | 'place' | 'outlet' | 'other';

export interface FindingBase {
  kind: FindingKind;
  type: string | null;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
}

export interface NumberFinding extends FindingBase {
  kind: 'number';
  type: NumberType;
  /**
   * Normalised value, null when there is none: a number for amounts (1.57e13 for "$15,7 Billionen"),
   * an ISO string for dates ("2025-01-26", "2024-06", quarters "2025-Q1", half-years "2025-H1").
   * A date without a year in the text ("14. April") takes the article's year when it is known, else null.
   */
  value: number | string | null;
  /** ISO 4217 code for money, '%' for percent, a unit word otherwise; absent when unknown. */
  unit?: string;
}

export interface EntityFinding extends FindingBase {
  kind: 'entity';
  type: EntityType;
  /** Canonical name used to group mentions (e.g. "Alibabas" → "Alibaba"). */
  canonical: string;
  /**
   * What made it an entity, in words: "lexicon", "rule: corporate suffix", "tagger: after \"sagte\"".
   * Set by the engine on every finding.
   */
  reasons?: string[];
  /** The trained tagger's probability for its tags (0..1); absent for lexicon and rule findings. */
  confidence?: number;
}

export interface ClaimFinding extends FindingBase {
  kind: 'claim';
  type: null;
  /** The calibrated probability (0..1) that the sentence is a check-worthy claim. */
  score: number;
  /** Human-readable reasons, strongest first, e.g. 'names a figure ("3 %")', 'against: hedged (könnte)'. */
  reasons: string[];
  /** The same reasons as data, for translation: the signal (see claimSignals.ts, or "wording"), its evidence, and its direction. */
  signals: { signal: string; evidence: string; against: boolean }[];
  /** Time-sensitive words found in the claim ("derzeit", "latest", "bis 2030"). */
  timeSensitive: string[];
}

export type Finding = NumberFinding | EntityFinding | ClaimFinding;

export interface Analysis {
  language: Language;
  /** The article's date from a leading " date YYYY-MM " prefix, else null. */
  date: string | null;
  findings: Finding[];
}
