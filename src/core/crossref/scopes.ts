/**
 * The stretch of text a finding belongs to: the analysis engine's claim that contains it, else the
 * sentence around it. Numbers are paired with entities only inside one scope.
 */
import type { ClaimFinding } from '../analysis/types';

export interface Scope {
  start: number;
  end: number;
  /** The containing claim, when there is one. */
  claim?: ClaimFinding;
}

/** How far a sentence is searched for in each direction; longer "sentences" are cut there. */
const MAX_SENTENCE_REACH = 400;

/**
 * Builds a lookup from a span to its scope.
 * @param text The article text.
 * @param claims The article's claims (any order).
 */
export function scopeLocator(text: string, claims: readonly ClaimFinding[]): (start: number, end: number) => Scope {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  return (start, end) => {
    const claim = containingClaim(sorted, start, end);
    return claim ? { start: claim.start, end: claim.end, claim } : sentenceAround(text, start, end);
  };
}

/** The claim whose span contains [start, end), by binary search over claims sorted by start. */
function containingClaim(sorted: readonly ClaimFinding[], start: number, end: number): ClaimFinding | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  // Claims may nest or overlap: look back a few for one that reaches past `end`.
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    if (sorted[i].start <= start && sorted[i].end >= end) return sorted[i];
  }
  return undefined;
}

/**
 * The sentence around a span: bounded by line breaks and by . ! ? followed by a space, unless the
 * stop follows a digit ("26. Januar", "15.7"). Abbreviations may cut a sentence short, which only
 * makes pairing more conservative.
 */
export function sentenceAround(text: string, start: number, end: number): Scope {
  let from = start;
  const lowest = Math.max(0, start - MAX_SENTENCE_REACH);
  while (from > lowest && !isBoundaryBefore(text, from)) from--;
  let to = end;
  const highest = Math.min(text.length, end + MAX_SENTENCE_REACH);
  while (to < highest && !isBoundaryBefore(text, to)) to++;
  return { start: from, end: to };
}

/** True when a sentence ends right before `index`. */
function isBoundaryBefore(text: string, index: number): boolean {
  const previous = text[index - 1];
  if (previous === '\n') return true;
  if (!/\s/.test(text[index] ?? '')) return false;
  return /[.!?]/.test(previous) && !/\d/.test(text[index - 2] ?? '');
}
