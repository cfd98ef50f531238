/**
 * Proportions, fractions and multipliers ("Jedes dritte", "ein Fünftel", "Hälfte", "fünfmal",
 * "Acht von zehn"), "beiden Jahren" and an article before a scale word ("eine Milliarde").
 */
import { ONE_WORDS, ORDINALS, TIME_UNITS, UNITS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import { isInsideName, readFigure } from './figures';
import type { Figure, Match } from './match';
import { readCurrencyAfter, readScale } from './units';

export const FRACTION_NOUNS: ReadonlyMap<string, number> = new Map([
  ['Drittel', 3], ['Viertel', 4], ['Fünftel', 5], ['Sechstel', 6], ['Siebtel', 7], ['Achtel', 8], ['Zehntel', 10],
  ['Hundertstel', 100], ['third', 3], ['thirds', 3], ['fifth', 5], ['fifths', 5], ['tenth', 10], ['tenths', 10],
  ['quarter', 4], ['quarters', 4],
]);

const MULTIPLIER_WORDS = /^(doppelt\p{Ll}*|zweifach\p{Ll}*|dreifach\p{Ll}*|vierfach\p{Ll}*|fünffach\p{Ll}*|zehnfach\p{Ll}*|hundertfach\p{Ll}*|tausendfach\p{Ll}*|zweimal|dreimal|viermal|fünfmal|sechsmal|siebenmal|achtmal|zehnmal|hundertmal|tausendmal|twice|threefold|fourfold|fivefold|tenfold|hundredfold)$/iu;
const DURATION_ADJECTIVE = /^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|anderthalb|eineinhalb)(jährig|monatig|wöchig|tägig|stündig|minütig|stellig)\p{Ll}*$/iu;

/** "Jedes dritte", "ein Fünftel", "Zwei Drittel", "Hälfte", "fünfmal", "doppelt", "two-thirds". */
export function matchProportion(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null) return c.at(i)?.kind === 'num' ? readDigitFraction(c, i) ?? readScore(c, i) : null;
  const lower = w.toLowerCase();
  if (/^(jede|jeder|jedes|jeden|every)$/.test(lower)) {
    const ordinal = ORDINALS.get(c.word(i + 1)?.toLowerCase() ?? '');
    if (ordinal !== undefined && ordinal > 1 && c.near(i + 1)) return { from: i, to: i + 2, type: 'number', value: 1 / ordinal };
    return null;
  }
  if (w === 'Hälfte') return { from: i, to: i + 1, type: 'number', value: 0.5 };
  // "halb so viele", "half as many"
  if ((lower === 'halb' && c.word(i + 1) === 'so') || (lower === 'half' && c.word(i + 1) === 'as')) return { from: i, to: i + 1, type: 'number', value: 0.5 };
  // "um den Faktor 10"
  if (w === 'Faktor' && c.near(i + 1)) {
    const factor = readFigure(c, i + 1);
    if (factor && !factor.weak && !isInsideName(c, i + 1)) return { from: i, to: factor.to, type: 'number', value: factor.value, unit: 'x' };
    return null;
  }
  if (lower === 'half' && /^(of|the|its|their|a)$/.test(c.word(i + 1) ?? '')) return { from: i, to: i + 1, type: 'number', value: 0.5 };
  if (MULTIPLIER_WORDS.test(w)) return { from: i, to: i + 1, type: 'number', value: null };
  if (DURATION_ADJECTIVE.test(w)) {
    return { from: i, to: i + 1, type: /stellig/i.test(w) ? 'number' : 'quantity', value: null };
  }
  const figure = readFigure(c, i);
  if (!figure || figure.digits) return null;
  // "ein Fünftel", "two-thirds"
  let j = figure.to;
  if (isHyphen(c.sym(j)) && c.glued(j) && c.glued(j + 1)) j++;
  const denominator = FRACTION_NOUNS.get(c.word(j) ?? '');
  if (denominator !== undefined && c.near(j)) {
    const noun = c.word(j) as string;
    if (/^quarters?$/.test(noun) && c.word(j + 1) !== 'of') return null;
    if (/^(a|an)$/.test(lower) && c.word(j + 1) !== 'of') return null;
    return { from: i, to: j + 1, type: 'number', value: figure.value / denominator };
  }
  return null;
}

/** "2/3", "3/4": a fraction in digits (not "24/7", not a date "3/4/2025"). */
function readDigitFraction(c: Cursor, i: number): Match | null {
  const over = c.at(i + 2);
  if (c.sym(i + 1) !== '/' || !c.glued(i + 1) || over?.kind !== 'num' || !c.glued(i + 2) || c.glued(i + 3)) return null;
  const top = c.at(i)!.text;
  if (!/^\d$/.test(top) || !/^\d{1,2}$/.test(over.text) || +top === 0 || +top >= +over.text || c.glued(i)) return null;
  return { from: i, to: i + 3, type: 'number', value: +top / +over.text };
}

/**
 * A score or ratio: "7:7 Toren", "2:1 gewonnen", "16:9". Not a time: two digits after the colon
 * behind an hour ("9:30", "14:05") are read as a time of day and left alone.
 */
function readScore(c: Cursor, i: number): Match | null {
  const after = c.at(i + 2);
  if (c.sym(i + 1) !== ':' || !c.glued(i + 1) || after?.kind !== 'num' || !c.glued(i + 2)) return null;
  if (c.glued(i) && c.at(i - 1)?.kind !== 'sym') return null;
  // "10:12:30", "2:1h": more glued to it than a closing mark.
  const next = c.at(i + 3);
  if (next && c.glued(i + 3) && (next.kind !== 'sym' || next.text === ':')) return null;
  const before = c.at(i)!.text;
  if (!/^\d{1,2}$/.test(before) || !/^\d{1,2}$/.test(after.text)) return null;
  if (after.text.length === 2 && +before <= 23) return null;
  return { from: i, to: i + 3, type: 'number', value: null };
}

/** "Acht von zehn", "eight in ten", "9 out of 10". */
export function readOutOf(c: Cursor, first: Figure): Match | null {
  let j = first.to;
  const w = c.word(j);
  if (w === null || !c.near(j)) return null;
  if (w === 'out' && c.word(j + 1) === 'of') j++;
  else if (!/^(von|in|of)$/.test(w)) return null;
  const second = readFigure(c, j + 1);
  if (!second || second.weak || !c.near(j + 1)) return null;
  if (second.value < 2 || second.value > 100 || first.value >= second.value || !Number.isInteger(first.value)) return null;
  if (first.digits !== second.digits) return null;
  return { from: -1, to: second.to, type: 'number', value: first.value / second.value };
}

/** German "beiden Jahren": both, i.e. two, of a time unit. */
export function matchBoth(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null || !/^(beiden|beide)$/i.test(w)) return null;
  const unit = c.word(i + 1);
  if (unit && TIME_UNITS.has(unit) && c.near(i + 1)) return { from: i, to: i + 2, type: 'quantity', value: 2, unit: UNITS.get(unit) };
  return null;
}

/** "eine Milliarde", "einer Milliarde", "a billion": a scale word with an article as its figure. */
export function matchArticleScale(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null || !ONE_WORDS.has(w.toLowerCase())) return null;
  const scale = readScale(c, i + 1);
  if (!scale) return null;
  if (c.language === 'en' && !/^(one|a)$/i.test(w)) return null;
  const currency = readCurrencyAfter(c, scale.to);
  if (currency) return { from: i, to: currency.to, type: 'money', value: scale.factor, unit: currency.code };
  return { from: i, to: scale.to, type: 'quantity', value: scale.factor };
}
