/**
 * Finds numeric expressions in a token stream and types them (money, percent, date, year,
 * quantity, range, rank, count, version, number) with a normalised value where one exists.
 * Span rules follow the labelling guidelines: currency, scale and unit words are inside,
 * approximators ("rund", "more than"), "von"/"zwischen" and counted nouns are outside.
 */
import type { Finding, Language, NumberFinding, NumberType } from './types';
import { TokenCursor, tokenize, type Token } from './tokens';
import { englishCompound, numberWordValue, parseDigits } from './numerals';
import {
  CURRENCY_SYMBOLS, CURRENCY_WORDS, FUNCTION_WORDS, MONTH_NUMBERS, ONE_WORDS, ORDINALS, SCALE_SUFFIXES, SCALES_DE, SCALES_EN,
  TIME_UNITS, UNITS,
} from './vocabulary';

interface Match {
  /** Token indices, end exclusive. */
  from: number;
  to: number;
  type: NumberType;
  value: number | string | null;
  unit?: string;
  /** A date without a year: what the article's year would complete. */
  yearless?: YearlessDate;
  /** The scale word's factor of an amount ("Milliarden" → 1e9), for elliptical neighbours. */
  scale?: number;
}

interface Figure {
  to: number;
  value: number;
  /** Written in digits. */
  digits: boolean;
  /** "ein", "one", "a": a number only next to a scale, Prozent or currency. */
  weak: boolean;
  raw: string;
}

const RANK_NOUNS = new Set('Platz Platzes Plätze Stelle Rang Ranges place spot position Position'.split(' '));
const RANK_FRAMES = new Set('Platz Rang Position Nummer Number number'.split(' '));
const QUARTER_NOUNS = new Set('Quartal Quartals Quartale Halbjahr Halbjahres quarter half'.split(' '));
const FRACTION_NOUNS: ReadonlyMap<string, number> = new Map([
  ['Drittel', 3], ['Viertel', 4], ['Fünftel', 5], ['Sechstel', 6], ['Siebtel', 7], ['Achtel', 8], ['Zehntel', 10],
  ['Hundertstel', 100], ['third', 3], ['thirds', 3], ['fifth', 5], ['fifths', 5], ['tenth', 10], ['tenths', 10],
  ['quarter', 4], ['quarters', 4],
]);
const MULTIPLIER_WORDS = /^(doppelt\p{Ll}*|zweifach\p{Ll}*|dreifach\p{Ll}*|vierfach\p{Ll}*|fünffach\p{Ll}*|zehnfach\p{Ll}*|hundertfach\p{Ll}*|tausendfach\p{Ll}*|zweimal|dreimal|viermal|fünfmal|sechsmal|siebenmal|achtmal|zehnmal|hundertmal|tausendmal|twice|threefold|fourfold|fivefold|tenfold|hundredfold)$/iu;
const DURATION_ADJECTIVE = /^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|anderthalb|eineinhalb)(jährig|monatig|wöchig|tägig|stündig|minütig|stellig)\p{Ll}*$/iu;
const ORDINAL_SUPERLATIVE = /^(zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)\p{Ll}{3,}(st|ste|sten|ster|stes)$/u;
const HALVES: ReadonlyMap<string, number> = new Map([['anderthalb', 1.5], ['eineinhalb', 1.5], ['zweieinhalb', 2.5], ['dreieinhalb', 3.5]]);
const MULTIPLIER_SUFFIX = /^(fach|fache|fachen|facher|faches|Fache|Fachen|mal|Mal|x|fold)$/;
const RANGE_WORDS = new Set(['bis', 'to', 'through']);
const RANGE_VERBS = new Set(['range', 'ranges', 'ranging', 'ranged', 'reicht', 'reichen', 'reichte', 'reichten', 'spanning', 'span', 'spans']);
const ENGLISH_ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;
const GPU_MODIFIERS = new Set(['GPU', 'CPU', 'TPU', 'H100', 'H800', 'A100', 'GPU-', 'Rechen', 'compute']);
const RATE_WORDS = new Set(['pro', 'je', 'per']);
const RATE_MODIFIERS = new Set(['input', 'output', 'Input', 'Output', 'GPU', 'active', 'aktive', 'monthly', 'daily']);
const RATE_SCALES = new Set(['Million', 'million', 'Millionen', 'thousand', 'Tausend', 'Mio', 'Milliarde', 'billion']);
const YEAR_SUFFIX = /^(er|ern|s)$/;
const CURRENCY_PREFIX_LETTERS = new Set(['US', 'HK', 'C', 'A', 'NT', 'S', 'R', 'NZ', 'AU', 'CA']);
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'CHF', 'CNY', 'RMB', 'JPY', 'HKD', 'KRW', 'INR']);

class Cursor extends TokenCursor {
  constructor(tokens: Token[], readonly language: Language) {
    super(tokens);
  }
  /** Token i exists and is on the same line as token i-1. */
  near(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && !t.lineBefore;
  }
  isWord(i: number, words: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
    const w = this.word(i);
    return w !== null && words.has(w);
  }
}

function isHyphen(s: string | null): boolean {
  return s === '-' || s === '‑' || s === '–';
}

function isDash(s: string | null): boolean {
  return s === '-' || s === '–' || s === '—' || s === '‑';
}

/** A figure written in digits or words at token i, or null. */
function readFigure(c: Cursor, i: number): Figure | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'num') {
    const value = parseDigits(t.text, c.language);
    return value === null ? null : { to: i + 1, value, digits: true, weak: false, raw: t.text };
  }
  if (t.kind !== 'word') return null;
  const half = HALVES.get(t.text.toLowerCase());
  if (half !== undefined) return { to: i + 1, value: half, digits: false, weak: false, raw: t.text };
  if (ONE_WORDS.has(t.text.toLowerCase())) {
    // English "one" is a numeral, but still only counted next to a unit, a scale or in "one in five".
    return { to: i + 1, value: 1, digits: false, weak: true, raw: t.text };
  }
  const value = numberWordValue(t.text);
  if (value === null) return null;
  // "twenty-five"
  if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && c.glued(i + 2)) {
    const next = c.word(i + 2);
    const compound = next ? englishCompound(t.text, next) : null;
    if (compound !== null) return { to: i + 3, value: compound, digits: false, weak: false, raw: t.text };
  }
  return { to: i + 1, value, digits: false, weak: false, raw: t.text };
}

/** Digits glued to a name ("H20", "GPT-4o", "Qwen2.5", "V3", "01.AI") are not numbers. */
function isInsideName(c: Cursor, i: number): boolean {
  const t = c.at(i);
  if (!t || t.kind !== 'num') return false;
  if (c.glued(i)) {
    const prev = c.at(i - 1);
    if (prev?.kind === 'word' && !c.isWord(i - 1, CURRENCY_PREFIX_LETTERS) && prev.text !== 'v') return true;
    if (prev && isHyphen(prev.text) && c.glued(i - 1) && c.at(i - 2)?.kind === 'word') {
      const w = c.word(i - 2) as string;
      if (!/^(Top|top|Platz|Nr|No)$/.test(w) && !/^\p{Ll}+$/u.test(w)) return true;
    }
    if (prev && (prev.text === '.' || prev.text === '/') && c.glued(i - 1) && c.at(i - 2)?.kind === 'word') return true;
  }
  // "01.AI", "4o" (GPT-4o), "5G": letters glued after digits that are no unit or scale.
  const next = c.at(i + 1);
  if (next && c.glued(i + 1)) {
    if (next.kind === 'word' && !isKnownSuffix(next.text)) return true;
    if (next.text === '.' && c.glued(i + 2) && c.at(i + 2)?.kind === 'word' && c.at(i + 2)?.text.length !== 1) {
      const w = c.word(i + 2) as string;
      if (/^\p{Lu}/u.test(w) && !isKnownSuffix(w)) return true;
    }
  }
  return false;
}

function isKnownSuffix(word: string): boolean {
  return (
    SCALE_SUFFIXES.has(word) || UNITS.has(word) || MULTIPLIER_SUFFIX.test(word) || YEAR_SUFFIX.test(word) ||
    ENGLISH_ORDINAL_SUFFIX.test(word) || word === 'Mrd' || word === 'Mio' || CURRENCY_WORDS.has(word)
  );
}

function scaleFactor(c: Cursor, word: string): number | undefined {
  if (c.language === 'en') return SCALES_EN.get(word.toLowerCase()) ?? SCALES_DE.get(word);
  return SCALES_DE.get(word) ?? SCALES_EN.get(word);
}

/** A scale word after a figure ("Milliarden", "Mrd.", "billion", glued "K"/"B"). */
function readScale(c: Cursor, i: number): { to: number; factor: number } | null {
  const w = c.word(i);
  if (w === null || !c.near(i)) return null;
  if (c.glued(i)) {
    const factor = SCALE_SUFFIXES.get(w);
    if (factor === undefined) return null;
    return { to: c.sym(i + 1) === '.' && c.glued(i + 1) && (w === 'Mio' || w === 'Mrd') ? i + 2 : i + 1, factor };
  }
  const factor = scaleFactor(c, w);
  if (factor === undefined) return null;
  // "Millionen-Community", "Milliarden-Deal": a compound, not a scale.
  if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && c.word(i + 2) && !CURRENCY_WORDS.has(c.word(i + 2) as string)) return null;
  const abbreviated = /^(Mio|Mrd|Bio|Tsd)$/.test(w) && c.sym(i + 1) === '.' && c.glued(i + 1);
  return { to: abbreviated ? i + 2 : i + 1, factor };
}

/** A currency after a figure: "Euro", "US-Dollar", "Hongkong-Dollar", "€". */
function readCurrencyAfter(c: Cursor, i: number): { to: number; code: string } | null {
  if (!c.near(i)) return null;
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'sym') {
    const code = CURRENCY_SYMBOLS.get(t.text);
    // "a $1 trillion market": a sign glued to the next figure is that figure's prefix.
    if (c.at(i + 1)?.kind === 'num' && c.glued(i + 1)) return null;
    return code ? { to: i + 1, code } : null;
  }
  if (t.kind !== 'word') return null;
  // "130,5 Mrd. US$"
  if (CURRENCY_PREFIX_LETTERS.has(t.text) && c.glued(i + 1) && CURRENCY_SYMBOLS.has(c.sym(i + 1) ?? '') && !(c.at(i + 2)?.kind === 'num' && c.glued(i + 2))) {
    return { to: i + 2, code: prefixedCurrency(t.text, CURRENCY_SYMBOLS.get(c.sym(i + 1) as string) as string) };
  }
  // "US-Dollar", "Hongkong-Dollar": a place glued to the currency stays inside the number.
  if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && c.glued(i + 2)) {
    const head = c.word(i + 2);
    if (head && /^(Dollar|Dollars|Euro|Yuan|Franken|Pfund|Kronen)$/.test(head)) {
      const code = t.text === 'US' ? 'USD' : t.text === 'Hongkong' ? 'HKD' : t.text === 'Taiwan' ? 'TWD' : CURRENCY_WORDS.get(head) ?? 'USD';
      return { to: i + 3, code };
    }
  }
  const code = CURRENCY_WORDS.get(t.text);
  return code ? { to: i + 1, code } : null;
}

/** The currency of a sign with a country prefix: "HK$" → HKD, "C$" → CAD, "US$" → USD. */
function prefixedCurrency(prefix: string, code: string): string {
  return prefix === 'HK' ? 'HKD' : prefix === 'C' || prefix === 'CA' ? 'CAD' : prefix === 'A' || prefix === 'AU' ? 'AUD' : prefix === 'NT' ? 'TWD' : prefix === 'S' ? 'SGD' : prefix === 'NZ' ? 'NZD' : code;
}

/** A currency before a figure: "$", "US$", "€", "USD ". Returns where the figure starts. */
function readCurrencyBefore(c: Cursor, i: number): { figure: number; code: string } | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'word' && CURRENCY_PREFIX_LETTERS.has(t.text) && c.glued(i + 1)) {
    const code = CURRENCY_SYMBOLS.get(c.sym(i + 1) ?? '');
    if (code && c.glued(i + 2) && c.at(i + 2)?.kind === 'num') {
      return { figure: i + 2, code: prefixedCurrency(t.text, code) };
    }
    return null;
  }
  if (t.kind === 'sym') {
    const code = CURRENCY_SYMBOLS.get(t.text);
    if (code && c.at(i + 1)?.kind === 'num' && c.near(i + 1)) return { figure: i + 1, code };
    return null;
  }
  if (t.kind === 'word' && CURRENCY_CODES.has(t.text) && c.at(i + 1)?.kind === 'num' && c.near(i + 1)) {
    return { figure: i + 1, code: CURRENCY_WORDS.get(t.text) ?? t.text };
  }
  return null;
}

function readPercent(c: Cursor, i: number): number | null {
  if (!c.near(i)) return null;
  const t = c.at(i);
  if (!t) return null;
  if (t.text === '%' || t.text === '％') return i + 1;
  if (t.kind !== 'word') return null;
  if (/^(Prozent|percent|Percent|pct|Prozentpunkte|Prozentpunkten|Prozentpunkt)$/.test(t.text)) return i + 1;
  if (t.text === 'per' && c.word(i + 1) === 'cent') return i + 2;
  if (t.text === 'percentage' && /^points?$/.test(c.word(i + 1) ?? '')) return i + 2;
  return null;
}

/** A unit of measure after a figure, including "GPU hours", "square feet" and "TB/s". */
function readUnit(c: Cursor, i: number): { to: number; unit: string } | null {
  if (!c.near(i)) return null;
  let j = i;
  if (c.isWord(j, GPU_MODIFIERS) && c.near(j + 1)) {
    const glue = isHyphen(c.sym(j + 1)) && c.glued(j + 1) ? 2 : 1;
    if (c.word(j + glue) && TIME_UNITS.has(c.word(j + glue) as string) || /^Stunden$/.test(c.word(j + glue) ?? '')) j += glue;
  }
  if (c.word(j) === 'square' && /^(feet|foot|meters|metres|miles|kilometers)$/.test(c.word(j + 1) ?? '')) {
    return { to: j + 2, unit: `sq ${c.word(j + 1)}` };
  }
  const w = c.word(j);
  if (w === null) return null;
  const unit = UNITS.get(w);
  if (unit === undefined) return null;
  // Single-letter units only when glued or clearly technical ("5 m" is too ambiguous in prose).
  if (w.length === 1 && !c.glued(j) && j === i) return null;
  let to = j + 1;
  if (c.sym(to) === '/' && c.glued(to) && c.glued(to + 1) && /^(s|h|sec|Sekunde|hour|Jahr|year|Monat|month)$/.test(c.word(to + 1) ?? '')) to += 2;
  return { to, unit: j > i ? `${c.word(i)} ${unit}` : unit };
}

/** "je Aktie", "pro Jahr", "per GPU hour", "per million input tokens". */
function readRate(c: Cursor, i: number): number | null {
  if (!c.near(i) || !c.isWord(i, RATE_WORDS)) return null;
  let j = i + 1;
  // "je eine Million Token", "per one million tokens"
  if (/^(eine|einer|one|a)$/.test(c.word(j) ?? '') && c.isWord(j + 1, RATE_SCALES)) j++;
  if (c.isWord(j, RATE_SCALES)) j += c.sym(j + 1) === '.' && c.glued(j + 1) ? 2 : 1;
  else if (c.at(j)?.kind === 'num' && /^1[.,]?000$/.test(c.at(j)?.text ?? '')) j++;
  while (c.isWord(j, RATE_MODIFIERS) && j < i + 4 && !(isHyphen(c.sym(j + 1)) && c.glued(j + 1))) j++;
  const noun = c.word(j);
  if (noun === null || !c.near(j)) return null;
  if (c.language === 'de' && !/^\p{Lu}/u.test(noun)) return null;
  if (c.language === 'en' && /^(the|a|an|and|or|cent|se|capita)$/.test(noun)) return noun === 'capita' ? j + 1 : null;
  // "Input-Token", "GPU-Stunde"
  if (isHyphen(c.sym(j + 1)) && c.glued(j + 1) && c.glued(j + 2) && c.at(j + 2)?.kind === 'word') return j + 3;
  return j + 1;
}

function isYearLike(f: Figure): boolean {
  return f.digits && /^\d{4}$/.test(f.raw) && f.value >= 1900 && f.value <= 2100;
}

function monthAt(c: Cursor, i: number): number | null {
  const w = c.word(i);
  if (w === null) return null;
  const month = MONTH_NUMBERS.get(w);
  if (month === undefined) return null;
  // "May" is a modal verb and "März"/"Mar" abbreviations are rare: months count only next to a figure.
  return month;
}

function yearAt(c: Cursor, i: number): boolean {
  const t = c.at(i);
  return !!t && t.kind === 'num' && c.near(i) && /^\d{4}$/.test(t.text) && +t.text >= 1900 && +t.text <= 2100;
}

function dayAt(c: Cursor, i: number): boolean {
  const t = c.at(i);
  return !!t && t.kind === 'num' && /^\d{1,2}$/.test(t.text) && +t.text >= 1 && +t.text <= 31;
}

/** Where a date without a year stands in its year: month and day, or a quarter or half-year. */
type YearlessDate = { month: number; day?: number } | { period: 'Q' | 'H'; n: number };

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO form of a date: "2025-01-26", "2025-01", "2025-Q1", "2025-H1". */
function isoDate(year: number, date: YearlessDate): string {
  if ('period' in date) return `${year}-${date.period}${date.n}`;
  return date.day === undefined ? `${year}-${pad2(date.month)}` : `${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** A date match: its ISO value when the year is in the span, else null and where it stands in its year. */
function dateMatch(from: number, to: number, date: YearlessDate, year: number | null): Match {
  return year === null ? { from, to, type: 'date', value: null, yearless: date } : { from, to, type: 'date', value: isoDate(year, date) };
}

function yearValue(c: Cursor, i: number): number {
  return +(c.at(i) as Token).text;
}

/** "26. Januar 2025", "27 January", "January 27, 2025", "Juni 2024", "2025-01-27", "27.01.2025". */
function matchDate(c: Cursor, i: number): Match | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'num') {
    if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(t.text)) {
      const [d, m, y] = t.text.split('.').map(Number);
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return dateMatch(i, i + 1, { month: m, day: d }, y < 100 ? 2000 + y : y);
    }
    // German "am 21.1." / "21.01.": day and month with a closing dot, no year.
    if (c.language === 'de' && /^\d{1,2}\.\d{1,2}$/.test(t.text) && c.sym(i + 1) === '.' && c.glued(i + 1) && !(c.at(i + 2)?.kind === 'num' && c.glued(i + 2))) {
      const [d, m] = t.text.split('.').map(Number);
      const prev = c.word(i - 1);
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && !(prev && /^(Version|version|v|Nr|Paragraf|Abs|Art|Kapitel)$/.test(prev))) return dateMatch(i, i + 2, { month: m, day: d }, null);
    }
    if (/^\d{4}$/.test(t.text) && isHyphen(c.sym(i + 1)) && c.glued(i + 1) && /^\d{2}$/.test(c.at(i + 2)?.text ?? '') && c.glued(i + 2)) {
      const month = +(c.at(i + 2)?.text ?? 0);
      if (month >= 1 && month <= 12 && isHyphen(c.sym(i + 3)) && c.glued(i + 3) && /^\d{2}$/.test(c.at(i + 4)?.text ?? '') && c.glued(i + 4)) {
        const day = +(c.at(i + 4)?.text ?? 0);
        if (day >= 1 && day <= 31) return dateMatch(i, i + 5, { month, day }, +t.text);
      }
    }
    if (dayAt(c, i)) {
      // German "26. Januar", English "27 January"
      let j = i + 1;
      if (c.sym(j) === '.' && c.glued(j)) j++;
      else if (c.glued(j) && ENGLISH_ORDINAL_SUFFIX.test(c.word(j) ?? '')) {
        // "27th January", "the 27th of January"
        j++;
        if (c.word(j) === 'of' && c.near(j)) j++;
      }
      const month = monthAt(c, j);
      if (month !== null && c.near(j) && (j > i + 1 || c.word(j)!.length > 3)) {
        let to = j + 1;
        if (c.sym(to) === '.' && c.glued(to)) to++;
        let year: number | null = null;
        if (yearAt(c, to)) year = yearValue(c, to++);
        return dateMatch(i, to, { month, day: +t.text }, year);
      }
    }
    return null;
  }
  const month = monthAt(c, i);
  if (month === null || !/^\p{Lu}/u.test(t.text)) return null;
  let j = i + 1;
  if (c.sym(j) === '.' && c.glued(j)) j++;
  if (dayAt(c, j) && c.near(j) && !(c.sym(j + 1) === '.' && c.glued(j + 1) && c.at(j + 2)?.kind === 'num')) {
    // "January 27", "January 27, 2025"
    let to = j + 1;
    if (ENGLISH_ORDINAL_SUFFIX.test(c.word(to) ?? '') && c.glued(to)) to++;
    let year: number | null = null;
    if (c.sym(to) === ',' && yearAt(c, to + 1)) {
      year = yearValue(c, to + 1);
      to += 2;
    } else if (yearAt(c, to)) {
      year = yearValue(c, to++);
    }
    if (c.language === 'de' && to === j + 1 && !(c.sym(j + 1) === ',' || c.word(j + 1) === 'und')) {
      // German puts the day first; "Mai 2" is unusual — accept only English order in English text.
      return null;
    }
    return dateMatch(i, to, { month, day: +(c.at(j) as Token).text }, year);
  }
  if (yearAt(c, j)) return dateMatch(i, j + 1, { month }, yearValue(c, j));
  return null;
}

/** A year after a quarter: adjacent ("ersten Quartal 2025", "Q3 2024") or, in English, "of 2025". */
function quarterYear(c: Cursor, to: number): { to: number; year: number | null } {
  if (yearAt(c, to)) return { to: to + 1, year: yearValue(c, to) };
  if (c.word(to) === 'of' && c.near(to) && yearAt(c, to + 1)) return { to: to + 2, year: yearValue(c, to + 1) };
  return { to, year: null };
}

/** "zweite Quartal", "ersten Quartal 2025", "2. Quartal", "Q3 2024", "H1 2025", "first half of 2025". */
function matchQuarter(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  let j: number;
  let n: number;
  if (w !== null && ORDINALS.has(w.toLowerCase()) && (ORDINALS.get(w.toLowerCase()) as number) <= 4 && (ORDINALS.get(w.toLowerCase()) as number) >= 1) {
    j = i + 1;
    n = ORDINALS.get(w.toLowerCase()) as number;
  } else if (dayAt(c, i) && +(c.at(i)?.text ?? 0) <= 4 && c.sym(i + 1) === '.' && c.glued(i + 1)) {
    j = i + 2;
    n = +(c.at(i)?.text ?? 0);
  } else if ((w === 'Q' || w === 'H') && c.glued(i + 1) && /^[1-4]$/.test(c.at(i + 1)?.text ?? '')) {
    n = +(c.at(i + 1)?.text ?? 0);
    if (w === 'H' && n > 2) return null;
    let to = i + 2;
    let year: number | null = null;
    if (c.sym(to) === '/' && c.glued(to) && c.at(to + 1)?.kind === 'num') {
      const y = c.at(to + 1)?.text ?? '';
      if (/^\d{2}$/.test(y)) year = 2000 + +y;
      else if (/^\d{4}$/.test(y)) year = +y;
      to += 2;
    } else if (yearAt(c, to)) {
      year = yearValue(c, to++);
    } else if (w === 'H') {
      return null;
    }
    return dateMatch(i, to, { period: w, n }, year);
  } else {
    return null;
  }
  const noun = c.word(j);
  if (noun === null || !QUARTER_NOUNS.has(noun) || !c.near(j)) return null;
  if (noun === 'half' && c.word(j + 1) !== 'of' && !yearAt(c, j + 1)) return null;
  const half = /^(Halbjahr|Halbjahres|half)$/.test(noun);
  if (half && n > 2) return null;
  const { to, year } = quarterYear(c, j + 1);
  return dateMatch(i, to, { period: half ? 'H' : 'Q', n }, year);
}

/** "Platz sechs", "ersten Platz", "3. Platz", "Top 10", "No. 1", "#1", "2nd", "zweitwertvollste". */
function matchRank(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  const t = c.at(i);
  if (!t) return null;
  if (w !== null && (RANK_FRAMES.has(w) || /^(Top|top|TOP)$/.test(w))) {
    let j = i + 1;
    if (isHyphen(c.sym(j)) && c.glued(j)) j++;
    if (!c.near(j)) return null;
    const figure = readFigure(c, j);
    if (figure && !figure.weak && (figure.digits ? figure.value < 10000 : true)) {
      if (w === 'Number' || w === 'number' || w === 'Nummer') {
        // "die Nummer 2 der Branche", "number one"; not "Nummer 4711".
        if (figure.value > 10 || (figure.digits && !/^\d{1,2}$/.test(figure.raw))) return null;
      }
      return { from: i, to: figure.to, type: 'rank', value: figure.value };
    }
    if (figure?.weak && /^(one|eins)$/i.test(figure.raw)) return { from: i, to: figure.to, type: 'rank', value: 1 };
    return null;
  }
  if (w !== null && /^(No|Nr|no)$/.test(w) && c.sym(i + 1) === '.' && c.glued(i + 1) && c.at(i + 2)?.kind === 'num' && c.near(i + 2)) {
    return { from: i, to: i + 3, type: 'rank', value: parseDigits(c.at(i + 2)!.text, c.language) };
  }
  if (t.text === '#' && c.at(i + 1)?.kind === 'num' && c.glued(i + 1) && /^\d{1,3}$/.test(c.at(i + 1)!.text)) {
    return { from: i, to: i + 2, type: 'rank', value: +c.at(i + 1)!.text };
  }
  if (t.kind === 'num' && /^\d{1,4}$/.test(t.text)) {
    // "2nd", "3rd-largest"
    if (c.glued(i + 1) && ENGLISH_ORDINAL_SUFFIX.test(c.word(i + 1) ?? '')) {
      let to = i + 2;
      if (isHyphen(c.sym(to)) && c.glued(to) && /(est|largest|biggest)$/.test(c.word(to + 1) ?? '')) to += 2;
      return { from: i, to, type: 'rank', value: +t.text };
    }
    // "3. Platz"
    if (c.sym(i + 1) === '.' && c.glued(i + 1) && c.isWord(i + 2, RANK_NOUNS) && c.near(i + 2)) {
      return { from: i, to: i + 3, type: 'rank', value: +t.text };
    }
    return null;
  }
  if (w === null) return null;
  const lower = w.toLowerCase();
  if (ORDINAL_SUPERLATIVE.test(lower)) return { from: i, to: i + 1, type: 'rank', value: null };
  const ordinal = ORDINALS.get(lower);
  if (ordinal === undefined || ordinal < 1) return null;
  if (c.isWord(i + 1, RANK_NOUNS) && c.near(i + 1)) return { from: i, to: i + 2, type: 'rank', value: ordinal };
  if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && /(est|largest|biggest|größte\p{Ll}*|wertvollste\p{Ll}*)$/u.test(c.word(i + 2) ?? '')) {
    return { from: i, to: i + 3, type: 'rank', value: ordinal };
  }
  // A bare ordinal (not "first"/"erste": that usually means "initial") is a position.
  if (ordinal === 1) return null;
  const prev = c.word(i - 1)?.toLowerCase() ?? '';
  if (/^(jede|jeder|jedes|jeden|every|a|per|each)$/.test(prev)) return null;
  const next = c.word(i + 1);
  if (next && (QUARTER_NOUNS.has(next) || /^(Hälfte|Halbjahr)$/.test(next))) return null;
  if (c.at(i - 1)?.kind === 'num') return null;
  return { from: i, to: i + 1, type: 'rank', value: ordinal };
}

/** "Version 2.5", "v1.5". */
function matchVersion(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === 'Version' || w === 'version') {
    const t = c.at(i + 1);
    if (t?.kind === 'num' && c.near(i + 1)) return { from: i, to: i + 2, type: 'version', value: parseDigits(t.text, 'en') };
  }
  if (w === 'v' && c.glued(i + 1) && c.at(i + 1)?.kind === 'num' && (c.at(i + 1)?.text.includes('.') ?? false) && !c.glued(i)) {
    return { from: i, to: i + 2, type: 'version', value: null };
  }
  return null;
}

/** "Jedes dritte", "ein Fünftel", "Zwei Drittel", "Hälfte", "fünfmal", "doppelt", "two-thirds". */
function matchProportion(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null) return null;
  const lower = w.toLowerCase();
  if (/^(jede|jeder|jedes|jeden|every)$/.test(lower)) {
    const ordinal = ORDINALS.get(c.word(i + 1)?.toLowerCase() ?? '');
    if (ordinal !== undefined && ordinal > 1 && c.near(i + 1)) return { from: i, to: i + 2, type: 'number', value: 1 / ordinal };
    return null;
  }
  if (w === 'Hälfte') return { from: i, to: i + 1, type: 'number', value: 0.5 };
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

/** "Acht von zehn", "eight in ten", "9 out of 10". */
function readOutOf(c: Cursor, first: Figure): Match | null {
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

/** Amounts: money, percent, quantity, range, year, count, number. */
function matchAmount(c: Cursor, i: number): Match | null {
  let from = i;
  let figureAt = i;
  let currency: string | undefined;
  // "plus/minus zwei Prozent", "±2 %"
  let tolerance = false;
  if (c.word(i) === 'plus' && c.sym(i + 1) === '/' && c.word(i + 2) === 'minus') {
    figureAt = i + 3;
    tolerance = true;
  } else if (c.sym(i) === '±' || (c.sym(i) === '+' && c.sym(i + 1) === '/' && isDash(c.sym(i + 2)))) {
    figureAt = c.sym(i) === '±' ? i + 1 : i + 3;
    tolerance = true;
  }
  const prefix = readCurrencyBefore(c, figureAt);
  if (prefix) {
    figureAt = prefix.figure;
    currency = prefix.code;
  }
  if (isInsideName(c, figureAt)) return null;
  const first = readFigure(c, figureAt);
  if (!first) return null;
  if (first.to > figureAt + 1 && !c.near(figureAt + 1)) return null;

  const outOf = !currency && readOutOf(c, first);
  if (outOf) return { ...outOf, from };

  let j = first.to;
  let type: NumberType | null = null;
  let value: number | null = first.value;
  let unit: string | undefined;

  // Year decades: "2020er", "2020s".
  if (isYearLike(first) && c.glued(j) && YEAR_SUFFIX.test(c.word(j) ?? '')) {
    return { from, to: j + 1, type: 'year', value: first.value };
  }
  // Fiscal years: "2024/25", "2024-25".
  if (isYearLike(first) && (c.sym(j) === '/' || isHyphen(c.sym(j))) && c.glued(j) && c.glued(j + 1) && /^\d{2}$/.test(c.at(j + 1)?.text ?? '') &&
    +(c.at(j + 1)?.text ?? 0) === (first.value + 1) % 100 && !c.glued(j + 2)) {
    return { from, to: j + 2, type: 'year', value: first.value };
  }
  // Compounds: "500-Milliarden-Dollar-Projekt", "100-Dollar-Chip", "2-Prozent-Ziel".
  if (!currency && !tolerance) {
    const compound = readCompoundAmount(c, j, first.value);
    if (compound) return { from, ...compound };
  }

  let scale = readScale(c, j);
  // Range: "12-18 Monate", "14 bis 18 Milliarden Dollar", "2025 to 2027", "zwischen 10 und 20 Prozent".
  let second: Figure | null = null;
  {
    let k = scale ? scale.to : j;
    const connector = c.at(k);
    const between = /^(zwischen|between)$/i.test(c.word(from - 1) ?? '');
    // "von 121 Milliarden auf 100 Milliarden" is a change, two amounts; "ranging from 0.5 billion to 72 billion" is a range.
    const changeFrom = /^(von|from|vom)$/i.test(c.word(from - 1) ?? '') && scale !== null && !RANGE_VERBS.has(c.word(from - 2) ?? '');
    const isConnector = connector && c.near(k) && (
      (connector.kind === 'sym' && isDash(connector.text) && !(scale && c.glued(k) && c.word(k + 1))) ||
      (connector.kind === 'word' && (RANGE_WORDS.has(connector.text) || (between && /^(und|and)$/.test(connector.text))))
    );
    if (isConnector && !changeFrom) {
      k++;
      const secondPrefix = currency ? readCurrencyBefore(c, k) : null;
      const at = secondPrefix ? secondPrefix.figure : k;
      const candidate = c.near(at) && !isInsideName(c, at) ? readFigure(c, at) : null;
      if (candidate && !candidate.weak && candidate.digits === first.digits && !(isYearLike(first) !== isYearLike(candidate) && !scale)) {
        second = candidate;
        j = candidate.to;
        scale = readScale(c, j) ?? scale;
        if (scale && scale.to > j) j = scale.to;
      }
    }
  }
  if (!second && scale) j = scale.to;
  if (scale) value = second ? null : (value as number) * scale.factor;
  else if (second) value = null;

  if (first.weak && !scale) {
    // "ein Prozent", "eine Billion Dollar", "one week" — otherwise an article, not a number.
    const pct = readPercent(c, j);
    const cur = readCurrencyAfter(c, j);
    const englishUnit = c.language === 'en' && /^one$/i.test(first.raw) ? readUnit(c, j) : null;
    if (pct === null && cur === null && englishUnit === null && !currency) return null;
  }
  if (/^(beiden|beide)$/i.test(first.raw)) return null;

  const afterCurrency = readCurrencyAfter(c, j);
  const percent = currency ? null : readPercent(c, j);
  if (currency || afterCurrency) {
    type = 'money';
    unit = currency ?? afterCurrency?.code;
    if (afterCurrency) j = afterCurrency.to;
    if (!scale) {
      const late = readScale(c, j);
      if (late && currency) {
        j = late.to;
        if (value !== null) value *= late.factor;
      }
      const lateCurrency = currency ? readCurrencyAfter(c, j) : null;
      if (lateCurrency) j = lateCurrency.to;
    }
  } else if (percent !== null) {
    type = 'percent';
    unit = '%';
    j = percent;
  } else {
    const measured = readUnit(c, j);
    if (measured) {
      type = 'quantity';
      unit = measured.unit;
      j = measured.to;
    } else if (
      (c.glued(j) && MULTIPLIER_SUFFIX.test(c.word(j) ?? '')) ||
      (isHyphen(c.sym(j)) && c.glued(j) && c.glued(j + 1) && MULTIPLIER_SUFFIX.test(c.word(j + 1) ?? ''))
    ) {
      type = 'number';
      unit = 'x';
      j = c.glued(j) && c.word(j) ? j + 1 : j + 2;
    } else if (isHyphen(c.sym(j)) && c.glued(j) && c.glued(j + 1) && (UNITS.has(c.word(j + 1) ?? '') || /^(Monats|Jahres|Tages|Wochen|Stunden)$/.test(c.word(j + 1) ?? ''))) {
      // "200-Tage", "12-Monats", "3-Nanometer"
      type = 'quantity';
      unit = UNITS.get(c.word(j + 1) as string) ?? (c.word(j + 1) as string);
      j += 2;
    } else if (c.near(j) && (c.word(j) === 'times' || (c.word(j) === 'Mal' && c.language === 'de')) && !second) {
      // "three times as fast", "drei Mal so viele"
      type = 'number';
      unit = 'x';
      j++;
    } else if (first.weak) {
      const englishUnit = readUnit(c, j);
      if (!englishUnit) return null;
      type = 'quantity';
      unit = englishUnit.unit;
      j = englishUnit.to;
    }
  }
  if (type !== null && type !== 'number') {
    const rate = readRate(c, j);
    if (rate !== null) {
      j = rate;
      if (unit && type !== 'money') unit = `${unit}/${c.word(rate - 1)}`;
    }
  }
  if (second) return { from, to: j, type: 'range', value: null, unit };
  if (type === null) {
    if (scale) type = 'quantity';
    else if (isYearLike(first)) type = 'year';
    else if (tolerance) return null;
    else if (first.digits && isScore(c, figureAt, j)) type = 'number';
    else if (!first.digits) type = 'count';
    else type = Number.isInteger(first.value) && !/[.,]\d{1,2}$/.test(first.raw) ? 'count' : 'number';
  }
  if (tolerance && type !== 'percent' && type !== 'quantity' && type !== 'money') {
    from = figureAt;
  }
  return scale ? { from, to: j, type, value, unit, scale: scale.factor } : { from, to: j, type, value, unit };
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

/**
 * The rest of a hyphen compound after a figure: "-Milliarden-Dollar" in "500-Milliarden-Dollar-Projekt",
 * "-Dollar" in "100-Dollar-Chip", "-Prozent" in "2-Prozent-Ziel". A bare scale compound
 * ("Millionen-Community") is left to the caller.
 */
function readCompoundAmount(c: Cursor, j: number, value: number): Omit<Match, 'from'> | null {
  if (!isHyphen(c.sym(j)) || !c.glued(j) || !c.glued(j + 1)) return null;
  let k = j + 1;
  let factor = 1;
  const scaleWord = c.word(k);
  const scaled = scaleWord !== null ? scaleFactor(c, scaleWord) : undefined;
  if (scaled !== undefined) {
    factor = scaled;
    if (!(isHyphen(c.sym(k + 1)) && c.glued(k + 1) && c.glued(k + 2))) return null;
    k += 2;
  }
  const head = c.word(k);
  if (head === null) return null;
  const code = CURRENCY_WORDS.get(head);
  if (code) return { to: k + 1, type: 'money', value: value * factor, unit: code };
  if (factor === 1 && /^(Prozent|Prozentpunkte)$/.test(head)) return { to: k + 1, type: 'percent', value, unit: '%' };
  return null;
}

/** German "beiden Jahren": both, i.e. two, of a time unit. */
function matchBoth(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null || !/^(beiden|beide)$/i.test(w)) return null;
  const unit = c.word(i + 1);
  if (unit && TIME_UNITS.has(unit) && c.near(i + 1)) return { from: i, to: i + 2, type: 'quantity', value: 2, unit: UNITS.get(unit) };
  return null;
}

/** "eine Milliarde", "einer Milliarde", "a billion": a scale word with an article as its figure. */
function matchArticleScale(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null || !ONE_WORDS.has(w.toLowerCase())) return null;
  const scale = readScale(c, i + 1);
  if (!scale) return null;
  if (c.language === 'en' && !/^(one|a)$/i.test(w)) return null;
  const currency = readCurrencyAfter(c, scale.to);
  if (currency) return { from: i, to: currency.to, type: 'money', value: scale.factor, unit: currency.code };
  return { from: i, to: scale.to, type: 'quantity', value: scale.factor };
}

const MATCHERS = [matchDate, matchQuarter, matchRank, matchVersion, matchBoth, matchProportion, matchArticleScale, matchAmount];

/** Words that can open a number; every other word is skipped without running the matchers. */
const NUMBER_OPENERS: ReadonlySet<string> = new Set([
  ...[...ORDINALS.keys()], ...[...ONE_WORDS], 'platz', 'rang', 'position', 'nummer', 'number', 'top', 'no', 'nr', 'version', 'v',
  'jede', 'jeder', 'jedes', 'jeden', 'every', 'hälfte', 'faktor', 'half', 'plus', 'beiden', 'beide', 'q', 'h', 'zero', 'null', 'eins', 'dozen',
  'dutzend', 'twice', 'us', 'hk', 'c', 'ca', 'au', 'nz', 'nt', 's', 'r', 'usd', 'eur', 'gbp', 'chf', 'cny', 'rmb', 'jpy', 'hkd', 'krw', 'inr',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'thousand', 'threefold', 'fourfold', 'fivefold', 'tenfold', 'hundredfold',
]);
/** First four letters of German number-word compounds ("fünfundzwanzig", "zweijährig", "drittgrößte", "doppelte"). */
const NUMBER_WORD_STEMS = new Set(
  'einh eint eine einu zwei drei vier fünf sech sieb acht neun zehn elf zwöl zwan dreiß vier fünf sech sieb acht neun hund taus ande dopp drit'
    .split(' ')
    .map((s) => s.slice(0, 4)),
);

/** Cheap test whether any matcher could start at this token. */
function mayOpenNumber(t: Token): boolean {
  if (t.kind === 'num') return true;
  if (t.kind === 'sym') return CURRENCY_SYMBOLS.has(t.text) || t.text === '#' || t.text === '±' || t.text === '+';
  if (MONTH_NUMBERS.has(t.text)) return true;
  const lower = t.text.toLowerCase();
  return NUMBER_OPENERS.has(lower) || NUMBER_WORD_STEMS.has(lower.slice(0, 4)) || lower.startsWith('elf');
}

const ELLIPSIS_CONNECTORS = new Set(['auf', 'bis', 'to', 'und', 'and', 'oder', 'or', 'von', 'from', ',']);
const CLAUSE_ENDS = new Set(['.', '!', '?']);

/** True when the word at i is a counted noun after a figure ("405 Milliarden Parameter", "7 trillion tokens"). */
function countedNounAt(c: Cursor, i: number): boolean {
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
function completeEllipticalAmounts(matches: Match[], c: Cursor): void {
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

/**
 * Finds the numbers in a token stream.
 * @param text the string the tokens index (used for the exact slices).
 */
export function findNumbers(tokens: Token[], text: string, language: Language): NumberFinding[] {
  const c = new Cursor(tokens, language);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!mayOpenNumber(tokens[i])) {
      i++;
      continue;
    }
    let match: Match | null = null;
    for (const matcher of MATCHERS) {
      match = matcher(c, i);
      if (match) break;
    }
    if (match && match.to > match.from) {
      matches.push(match);
      i = match.to;
    } else {
      i++;
    }
  }
  completeEllipticalAmounts(matches, c);
  return matches.map((m) => {
    const start = tokens[m.from].start;
    const end = tokens[m.to - 1].end;
    const finding: NumberFinding = { kind: 'number', type: m.type, start, end, text: text.slice(start, end), value: m.value };
    if (m.unit !== undefined) finding.unit = m.unit;
    return finding;
  });
}

/** Where a yearless date finding ("14. April", "zweite Quartal", "January 27") stands in its year, or null. */
function yearlessDate(text: string): YearlessDate | null {
  const tokens = tokenize(text);
  for (const language of ['de', 'en'] as const) {
    const c = new Cursor(tokens, language);
    const match = matchDate(c, 0) ?? matchQuarter(c, 0);
    if (match && match.to === tokens.length && match.yearless) return match.yearless;
  }
  return null;
}

/**
 * The value of a date finding written without a year ("14. April", "zweite Quartal", "January 27")
 * completed with the article's year: "2025-04-14", "2025-Q2". Null when the finding is no such date
 * or the article's year is unknown.
 * @param articleDate the article's date (`Analysis.date`, "YYYY-MM" or "YYYY-MM-DD").
 */
export function completeDateValue(finding: Finding, articleDate: string | null): string | null {
  if (finding.kind !== 'number' || finding.type !== 'date' || finding.value !== null) return null;
  if (!articleDate || !/^\d{4}-/.test(articleDate)) return null;
  const date = yearlessDate(finding.text);
  return date ? isoDate(Number(articleDate.slice(0, 4)), date) : null;
}

/**
 * Completes dates written without a year with the article's year (see completeDateValue).
 * Findings are shared with caches, so changed ones are copies; the others are returned as they are.
 */
export function applyArticleYear<T extends Finding>(findings: readonly T[], articleDate: string | null): T[] {
  if (!articleDate) return [...findings];
  return findings.map((f) => {
    const value = completeDateValue(f, articleDate);
    return value === null ? f : { ...f, value };
  });
}
