/**
 * Amounts: money, percent, quantity, range, year, count and number, built from a figure and
 * what stands around it.
 */
import type { Token } from '../tokens';
import type { NumberType } from '../types';
import { UNITS } from '../vocabulary';
import { Cursor, isDash, isHyphen } from './cursor';
import { countedNounAt } from './ellipsis';
import { isInsideName, isYearLike, MULTIPLIER_SUFFIX, readFigure, YEAR_SUFFIX } from './figures';
import type { Figure, Match } from './match';
import { readOutOf } from './proportions';
import { CURRENCY_CODES, readAgeAdjective, readCompoundAmount, readCurrencyAfter, readCurrencyBefore, readPercent, readRate, readScale, readUnit } from './units';

const RANGE_WORDS = new Set(['bis', 'to', 'through']);
const RANGE_VERBS = new Set(['range', 'ranges', 'ranging', 'ranged', 'reicht', 'reichen', 'reichte', 'reichten', 'spanning', 'span', 'spans']);

/** Where an amount's figure starts: after a tolerance marker and a currency sign. */
interface Lead {
  figureAt: number;
  /** "plus/minus zwei Prozent", "±2 %", "+/-2 %". */
  tolerance: boolean;
  currency: string | undefined;
}

function readLead(c: Cursor, i: number): Lead {
  let figureAt = i;
  let tolerance = false;
  if (c.word(i) === 'plus' && c.sym(i + 1) === '/' && c.word(i + 2) === 'minus') {
    figureAt = i + 3;
    tolerance = true;
  } else if (c.sym(i) === '±' || (c.sym(i) === '+' && c.sym(i + 1) === '/' && isDash(c.sym(i + 2)))) {
    figureAt = c.sym(i) === '±' ? i + 1 : i + 3;
    tolerance = true;
  }
  const prefix = readCurrencyBefore(c, figureAt);
  return prefix ? { figureAt: prefix.figure, tolerance, currency: prefix.code } : { figureAt, tolerance, currency: undefined };
}

/** The end of a year with a decade or fiscal-year suffix ("2020er", "2020s", "2024/25", "2024-25"), or null. */
function readYearForm(c: Cursor, first: Figure): number | null {
  if (!isYearLike(first)) return null;
  const j = first.to;
  if (c.glued(j) && YEAR_SUFFIX.test(c.word(j) ?? '')) return j + 1;
  const fiscal = (c.sym(j) === '/' || isHyphen(c.sym(j))) && c.glued(j) && c.glued(j + 1) && /^\d{2}$/.test(c.at(j + 1)?.text ?? '') &&
    +(c.at(j + 1)?.text ?? 0) === (first.value + 1) % 100 && !c.glued(j + 2);
  return fiscal ? j + 2 : null;
}

type Scale = { to: number; factor: number };

/**
 * The second figure of a range: "12-18 Monate", "14 bis 18 Milliarden Dollar", "2025 to 2027",
 * "zwischen 10 und 20 Prozent". "von 121 Milliarden auf 100 Milliarden" is a change, two amounts;
 * "ranging from 0.5 billion to 72 billion" is a range.
 * @param from the amount's first token; @param scale the first figure's scale, if any.
 * @returns the second figure, where the range ends and the scale that applies, or null.
 */
function readRangeEnd(c: Cursor, from: number, first: Figure, scale: Scale | null, currency: string | undefined): { second: Figure; to: number; scale: Scale | null } | null {
  let k = scale ? scale.to : first.to;
  const connector = c.at(k);
  if (!connector || !c.near(k)) return null;
  const between = /^(zwischen|between)$/i.test(c.word(from - 1) ?? '');
  const changeFrom = /^(von|from|vom)$/i.test(c.word(from - 1) ?? '') && scale !== null && !RANGE_VERBS.has(c.word(from - 2) ?? '');
  const isConnector =
    (connector.kind === 'sym' && isDash(connector.text) && !(scale && c.glued(k) && c.word(k + 1))) ||
    (connector.kind === 'word' && (RANGE_WORDS.has(connector.text) || (between && /^(und|and)$/.test(connector.text))));
  if (!isConnector || changeFrom) return null;
  k++;
  if (c.isWord(k, RANGE_APPROXIMATORS) && c.near(k)) k += c.sym(k + 1) === '.' && c.glued(k + 1) ? 2 : 1;
  const secondPrefix = currency ? readCurrencyBefore(c, k) : null;
  const at = secondPrefix ? secondPrefix.figure : k;
  const second = c.near(at) && !isInsideName(c, at) ? readFigure(c, at) : null;
  if (!second || second.weak || second.digits !== first.digits || (isYearLike(first) !== isYearLike(second) && !scale)) return null;
  const later = readScale(c, second.to) ?? scale;
  return { second, to: later && later.to > second.to ? later.to : second.to, scale: later };
}

/** "37-jährige", "68-Jährige", "3-monatige", "14-tägig": a duration or age as an adjective or noun. */
const DURATION_SUFFIX = /^(jährig|monatig|wöchig|tägig|stündig|minütig)\p{Ll}*$/iu;
const DURATION_UNITS: Record<string, string> = { jährig: 'year', monatig: 'month', wöchig: 'week', tägig: 'day', stündig: 'hour', minütig: 'minute' };
/** Approximators inside a range ("zwischen 1,8 und ca. 15 Kilometer"). */
const RANGE_APPROXIMATORS = new Set(['ca', 'circa', 'etwa', 'rund', 'knapp', 'fast', 'about', 'approximately', 'around', 'nearly', 'almost']);

/** "ein Prozent", "eine Billion Dollar", "one week": an article is a figure only before these. */
function weakFigureCounts(c: Cursor, first: Figure, j: number, currency: string | undefined): boolean {
  if (currency || readPercent(c, j) !== null || readCurrencyAfter(c, j) !== null) return true;
  return c.language === 'en' && /^one$/i.test(first.raw) && readUnit(c, j) !== null;
}

/** What an amount measures, read after its figures. */
interface Measure {
  type: NumberType | null;
  unit?: string;
  to: number;
  value: number | null;
}

/** A currency after the figures, or the one before them with a late scale ("$5 Milliarden Dollar"). */
function readMoney(c: Cursor, j: number, value: number | null, currency: string | undefined, scaled: boolean): Measure | null {
  const afterCurrency = readCurrencyAfter(c, j);
  if (!currency && !afterCurrency) return null;
  let to = afterCurrency ? afterCurrency.to : j;
  if (!scaled && currency) {
    const late = readScale(c, to);
    if (late) {
      to = late.to;
      if (value !== null) value *= late.factor;
    }
    const lateCurrency = readCurrencyAfter(c, to);
    if (lateCurrency) to = lateCurrency.to;
  }
  return { type: 'money', unit: currency ?? afterCurrency?.code, to, value };
}

/**
 * A multiplier or a glued unit after the figures: "20-Fachen", "5x", "200-Tage", "12-Monats",
 * "three times", "drei Mal"; null when none.
 */
function readSuffixMeasure(c: Cursor, j: number, value: number | null, ranged: boolean): Measure | null {
  if ((c.glued(j) && MULTIPLIER_SUFFIX.test(c.word(j) ?? '')) || (isHyphen(c.sym(j)) && c.glued(j) && c.glued(j + 1) && MULTIPLIER_SUFFIX.test(c.word(j + 1) ?? ''))) {
    return { type: 'number', unit: 'x', to: c.glued(j) && c.word(j) ? j + 1 : j + 2, value };
  }
  const glued = isHyphen(c.sym(j)) && c.glued(j) && c.glued(j + 1) ? c.word(j + 1) : null;
  if (glued !== null && (UNITS.has(glued) || /^(Monats|Jahres|Tages|Wochen|Stunden)$/.test(glued))) {
    // "37-year-old"
    const old = isHyphen(c.sym(j + 2)) && c.glued(j + 2) && c.glued(j + 3) && c.word(j + 3) === 'old';
    return { type: 'quantity', unit: UNITS.get(glued) ?? glued, to: old ? j + 4 : j + 2, value };
  }
  const duration = glued !== null ? DURATION_SUFFIX.exec(glued) : null;
  if (duration) return { type: 'quantity', unit: DURATION_UNITS[duration[1].toLowerCase()], to: j + 2, value };
  if (c.near(j) && (c.word(j) === 'times' || (c.word(j) === 'Mal' && c.language === 'de')) && !ranged) {
    return { type: 'number', unit: 'x', to: j + 1, value };
  }
  return null;
}

/**
 * What follows the figures: a currency, a percent sign, a unit or a multiplier. `type` stays null
 * for a bare figure. Null when a weak figure ("one") has no unit after all.
 */
function readMeasure(c: Cursor, first: Figure, j: number, value: number | null, currency: string | undefined, scaled: boolean, ranged: boolean): Measure | null {
  const money = readMoney(c, j, value, currency, scaled);
  if (money) return money;
  const percent = currency ? null : readPercent(c, j);
  if (percent !== null) return { type: 'percent', unit: '%', to: percent, value };
  const measured = readUnit(c, j);
  if (measured) return { type: 'quantity', unit: measured.unit, to: readAgeAdjective(c, measured.unit, measured.to), value };
  const suffix = readSuffixMeasure(c, j, value, ranged);
  if (suffix) return suffix;
  return first.weak ? null : { type: null, to: j, value };
}

/** The type of a figure without currency, percent, unit or multiplier; null when it is no number. */
function bareType(c: Cursor, first: Figure, figureAt: number, to: number, scaled: boolean, tolerance: boolean): NumberType | null {
  if (scaled) return 'quantity';
  if (isYearLike(first)) return 'year';
  if (tolerance) return null;
  if (first.digits && isScore(c, figureAt, to)) return 'number';
  if (!first.digits) return 'count';
  return Number.isInteger(first.value) && !/[.,]\d{1,2}$/.test(first.raw) ? 'count' : 'number';
}

/** Amounts: money, percent, quantity, range, year, count, number. */
export function matchAmount(c: Cursor, i: number): Match | null {
  const { figureAt, tolerance, currency } = readLead(c, i);
  if (isInsideName(c, figureAt)) return null;
  const first = readFigure(c, figureAt);
  if (!first) return null;
  if (first.to > figureAt + 1 && !c.near(figureAt + 1)) return null;

  const outOf = !currency && readOutOf(c, first);
  if (outOf) return { ...outOf, from: i };
  const yearEnd = readYearForm(c, first);
  if (yearEnd !== null) return { from: i, to: yearEnd, type: 'year', value: first.value };
  // Compounds: "500-Milliarden-Dollar-Projekt", "100-Dollar-Chip", "2-Prozent-Ziel".
  if (!currency && !tolerance) {
    const compound = readCompoundAmount(c, first.to, first.value);
    if (compound) return { from: i, ...compound };
  }

  const firstScale = readScale(c, first.to);
  const range = readRangeEnd(c, i, first, firstScale, currency);
  const scale = range ? range.scale : firstScale;
  const j = range ? range.to : scale ? scale.to : first.to;
  const value = range ? null : scale ? first.value * scale.factor : first.value;
  if (first.weak && !scale && !weakFigureCounts(c, first, j, currency)) return null;
  if (/^(beiden|beide)$/i.test(first.raw)) return null;

  const measure = readMeasure(c, first, j, value, currency, scale !== null, range !== null);
  if (!measure) return null;
  let { to, unit } = measure;
  if (measure.type !== null && measure.type !== 'number') {
    const rate = readRate(c, to);
    if (rate !== null) {
      to = rate;
      if (unit && measure.type !== 'money') unit = `${unit}/${c.word(rate - 1)}`;
    }
  }
  if (range) return { from: i, to, type: 'range', value: null, unit };
  const type = measure.type ?? bareType(c, first, figureAt, to, scale !== null, tolerance);
  if (type === null) return null;
  // "plus/minus" belongs to a percent, quantity or money; before a bare figure it stays outside.
  const from = tolerance && type !== 'percent' && type !== 'quantity' && type !== 'money' ? figureAt : i;
  return scale ? { from, to, type, value: measure.value, unit, scale: scale.factor } : { from, to, type, value: measure.value, unit };
}

/** Words that announce a score or rating: "a Codeforces rating of 2,029", "scored 85", "einen Wert von 90,8". */
const SCORE_CUES = new Set([
  'rating', 'ratings', 'rated', 'score', 'scores', 'scored', 'scoring', 'Elo', 'Rating', 'Ratings', 'Score', 'Scores', 'Wert', 'Werte',
  'Punktzahl', 'Punktwert', 'Bewertung', 'Ergebnis', 'result', 'benchmark', 'Benchmark',
]);

/** Words that may stand between a score cue and its figure. */
const SCORE_FILLERS = new Set([
  'of', 'von', 'at', 'bei', 'auf', 'a', 'an', 'ein', 'eine', 'einen', 'einem', 'einer', 'der', 'die', 'den', 'das', 'its', 'their', 'his',
  'her', 'the', 'mit', 'with', 'to', 'on', 'im', 'in', 'erreichte', 'erzielte', 'achieved', 'reached', 'hit', 'posted', 'is', 'was',
  'stands', 'stood', 'ist', 'war', 'liegt', 'lag', 'beträgt', 'betrug',
]);

/**
 * A bare figure that is a score or rating rather than a count: a score word before it ("rating of
 * 2,029", "Codeforces-Rating von 2.029"), or a benchmark name in capitals after it ("85 on MMLU").
 * @param i the figure's first token; @param next the token after the figure.
 */
function isScore(c: Cursor, i: number, next: number): boolean {
  if (countedNounAt(c, next)) return false;
  for (let k = i - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const t = c.at(k) as Token;
    if (t.kind !== 'word' || c.at(k + 1)?.lineBefore) break;
    if (SCORE_CUES.has(t.text)) return true;
    if (!SCORE_FILLERS.has(t.text)) break;
  }
  const w = c.word(next);
  if (w !== null && c.near(next) && /^(on|auf|im|bei)$/.test(w)) {
    const name = c.word(next + 1);
    return name !== null && c.near(next + 1) && name.length >= 3 && name === name.toUpperCase() && !CURRENCY_CODES.has(name);
  }
  return false;
}
