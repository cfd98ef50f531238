/** Sizes and signs: "4 mal 5 Meter", "3 x 4 m", "12 by 15 feet"; "-1 Grad", "minus 12 Grad", "+8 Grad". */
import { Cursor, isHyphen } from './cursor';
import { isInsideName, readFigure } from './figures';
import type { Match } from './match';
import { readUnit } from './units';

const TIMES = new Set(['x', 'X', '×', 'mal', 'by']);

/**
 * Two or three figures in digits joined by "x", "×", "mal" or "by" and followed by a unit: one
 * quantity whose value is null (a size has no single value) and whose unit is the unit's.
 */
export function matchDimensions(c: Cursor, i: number): Match | null {
  if (c.at(i)?.kind !== 'num' || isInsideName(c, i)) return null;
  let figure = readFigure(c, i);
  let sides = 1;
  while (figure && figure.digits && sides < 3) {
    const k = figure.to;
    const times = c.at(k);
    if (!times || !TIMES.has(times.text) || !c.near(k) || c.at(k + 1)?.kind !== 'num' || !c.near(k + 1)) break;
    figure = readFigure(c, k + 1);
    sides++;
  }
  if (!figure || sides < 2) return null;
  const unit = readUnit(c, figure.to, true);
  return unit ? { from: i, to: unit.to, type: 'quantity', value: null, unit: unit.unit } : null;
}

/** A minus sign or "minus" before a match ("-1 Grad", "−3 °C", "minus zehn Grad") or a plus sign ("+8 Grad"). */
function signBefore(c: Cursor, from: number): { at: number; factor: number } | null {
  const t = c.at(from - 1);
  if (!t || !c.near(from)) return null;
  if (t.kind === 'word') return t.text === 'minus' && c.word(from - 2) !== 'plus' && c.sym(from - 2) !== '/' ? { at: from - 1, factor: -1 } : null;
  // A sign is glued to its figure and stands apart from what is before it ("2024-25" is no sign).
  if (!c.glued(from) || !t.spaceBefore) return null;
  if (isHyphen(t.text) || t.text === '−') return { at: from - 1, factor: -1 };
  return t.text === '+' ? { at: from - 1, factor: 1 } : null;
}

/** Takes a sign before a quantity or percent into the match and its value ("-1 Grad" → -1). */
export function withSign(c: Cursor, match: Match): Match {
  if (match.type !== 'quantity' && match.type !== 'percent') return match;
  const sign = signBefore(c, match.from);
  if (!sign) return match;
  const value = typeof match.value === 'number' ? match.value * sign.factor : match.value;
  return { ...match, from: sign.at, value };
}
