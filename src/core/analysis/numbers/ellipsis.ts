/**
 * Elliptical amounts: a figure that takes the unit or scale of its neighbour
 * ("von 5 auf 7 Prozent", "von 121 Milliarden auf 100 Milliarden Dollar").
 */
import { FUNCTION_WORDS } from '../vocabulary';
import { Cursor } from './cursor';
import type { Match } from './match';

const ELLIPSIS_CONNECTORS = new Set(['auf', 'bis', 'to', 'und', 'and', 'oder', 'or', 'von', 'from', ',']);
const CLAUSE_ENDS = new Set(['.', '!', '?']);

/** True when the word at i is a counted noun after a figure ("405 Milliarden Parameter", "7 trillion tokens"). */
export function countedNounAt(c: Cursor, i: number): boolean {
  const w = c.word(i);
  if (w === null || !c.near(i)) return false;
  return !FUNCTION_WORDS.has(w.toLowerCase());
}

/**
 * Elliptical amounts take the currency or percent sign of their neighbour:
 * "von 121 Milliarden auf 100 Milliarden Dollar" and "von 5 auf 7 Prozent" (the unit follows), and
 * "80 Milliarden Dollar … die 55,7 Milliarden des Vorjahres" (a scaled amount without a counted noun
 * after money in the same clause).
 */
export function completeEllipticalAmounts(matches: Match[], c: Cursor): void {
  for (let k = matches.length - 2; k >= 0; k--) {
    const a = matches[k];
    const b = matches[k + 1];
    if (a.unit !== undefined || typeof a.value !== 'number') continue;
    // "von 300 auf 400 Millionen": a bare figure borrows the scale, unit and type of the amount it is paired with.
    const bare = (a.type === 'count' || a.type === 'number') && a.to === a.from + 1 && c.at(a.from)?.kind === 'num';
    const scaled = a.type === 'quantity' && a.scale !== undefined;
    if (b.type === 'money' || (b.type === 'quantity' && b.unit === undefined && b.scale !== undefined)) {
      if (!bare && !(scaled && b.type === 'money')) continue;
    } else if (b.type !== 'percent' || !bare) {
      continue;
    }
    const gap = c.tokens.slice(a.to, b.from);
    if (gap.length > 2 || gap.length === 0 || gap.some((t) => t.lineBefore || !ELLIPSIS_CONNECTORS.has(t.text))) continue;
    if (bare && b.scale !== undefined) {
      a.value *= b.scale;
      a.scale = b.scale;
    }
    a.type = b.type;
    a.unit = b.unit;
  }
  for (let k = 1; k < matches.length; k++) {
    let p = k - 1;
    // "125 Milliarden Dollar, 2024 waren es 3,7 Milliarden": years and dates in between do not count.
    while (p > 0 && (matches[p].type === 'year' || matches[p].type === 'date') && k - p < 3) p--;
    const a = matches[p];
    const b = matches[k];
    if (a.type !== 'money' || b.type !== 'quantity' || b.unit !== undefined || typeof a.value !== 'number' || a.value < 1e5) continue;
    if (typeof b.value !== 'number' || b.value < 1e5 || b.to - b.from < 2 || countedNounAt(c, b.to)) continue;
    if (b.from - a.to > 12) continue;
    let clause = true;
    for (let t = a.to; t < b.from && clause; t++) clause = !CLAUSE_ENDS.has(c.tokens[t].text) && !c.tokens[t].lineBefore;
    if (!clause || c.tokens[b.from].lineBefore) continue;
    b.type = 'money';
    b.unit = a.unit;
  }
}
