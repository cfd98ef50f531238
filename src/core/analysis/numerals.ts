/** Reading the value of a figure: digit groups in German and English notation, and number words. */
import type { Language } from './types';
import { CARDINALS } from './vocabulary';

/**
 * Parses digits with separators. German writes "1.234,5" and English "1,234.5"; a lone
 * separator followed by exactly three digits is a thousands separator in the other
 * language's sense ("2.048" in German is 2048, "2,029" in English is 2029).
 * @returns the value, or null when the grouping is not a valid number.
 */
export function parseDigits(raw: string, language: Language): number | null {
  const dots = raw.split('.').length - 1;
  const commas = raw.split(',').length - 1;
  let normalized: string;
  if (dots && commas) {
    // Both present: the last one is the decimal separator.
    const decimal = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = raw.split(thousands).join('').replace(decimal, '.');
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const parts = raw.split(sep);
    const grouped = parts.slice(1).every((p) => p.length === 3) && parts[0].length <= 3 && parts[0] !== '0';
    const decimalSep = language === 'de' ? ',' : '.';
    if (parts.length > 2) {
      if (!grouped) return null;
      normalized = parts.join('');
    } else if (sep === decimalSep) {
      normalized = parts.join('.');
    } else {
      normalized = grouped ? parts.join('') : parts.join('.');
    }
  } else {
    normalized = raw;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

const GERMAN_UNITS: Record<string, number> = {
  ein: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const GERMAN_TENS: Record<string, number> = {
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ENGLISH_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};

/** "fünfundzwanzig" → 25, "zweihundert" → 200, "dreitausend" → 3000; null when not a number word. */
function composeGerman(word: string): number | null {
  const simple = CARDINALS.get(word);
  if (simple !== undefined) return simple;
  const thousand = /^(.*?)tausend(.*)$/.exec(word);
  if (thousand) {
    const head = thousand[1] ? composeGerman(thousand[1]) : 1;
    const tail = thousand[2] ? composeGerman(thousand[2]) : 0;
    return head !== null && tail !== null && head < 1000 ? head * 1000 + tail : null;
  }
  const hundred = /^(.*?)hundert(.*)$/.exec(word);
  if (hundred) {
    // "neunzehnhundert": a teen before "hundert" too.
    const head = hundred[1] ? GERMAN_UNITS[hundred[1]] ?? teen(hundred[1]) : 1;
    const tail = hundred[2] ? composeGerman(hundred[2]) : 0;
    return head !== null && tail !== null && tail < 100 ? head * 100 + tail : null;
  }
  const compound = /^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(\p{Ll}+)$/u.exec(word);
  if (compound && GERMAN_TENS[compound[2]] !== undefined) return GERMAN_UNITS[compound[1]] + GERMAN_TENS[compound[2]];
  return null;
}

/** 10..19 written as a word ("neunzehn"), or null. */
function teen(word: string): number | null {
  const value = CARDINALS.get(word);
  return value !== undefined && value >= 10 && value < 20 ? value : null;
}

/** "fünfeinhalb" → 5.5, "anderthalb" → 1.5, "einhalb" → 0.5; null when not a half. */
export function germanHalf(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower === 'anderthalb') return 1.5;
  if (!lower.endsWith('einhalb')) return null;
  const head = lower.slice(0, -'einhalb'.length);
  if (head === '') return 0.5;
  const whole = head === 'ein' ? 1 : composeGerman(head);
  return whole === null ? null : whole + 0.5;
}

/** German ordinal stems that are not the cardinal: "erst", "dritt", "siebt", "acht". */
const GERMAN_ORDINAL_STEMS: Record<string, number> = { ers: 1, drit: 3, sieb: 7, ach: 8 };
const GERMAN_ORDINAL_ENDING = /^(.+?)(?:te|ten|ter|tes|tem)$/;
const ENGLISH_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fifth: 5, eighth: 8, ninth: 9, twelfth: 12,
};

/**
 * The position an ordinal word names, in either language and of any length: "dritten" → 3,
 * "zweiundzwanzigsten" → 22, "hundertste" → 100, "fifteenth" → 15, "twentieth" → 20. Null when the
 * word is no ordinal. (Hyphenated English ordinals, "twenty-second", arrive as separate tokens.)
 */
export function ordinalWordValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 4 || lower.length > 48) return null;
  const english = ENGLISH_ORDINALS[lower];
  if (english !== undefined) return english;
  if (lower.endsWith('th')) {
    const stem = lower.endsWith('ieth') ? `${lower.slice(0, -4)}y` : lower.slice(0, -2);
    const value = CARDINALS.get(stem);
    if (value !== undefined && value >= 4 && !/^(zwei|drei|vier|acht|sechs|sieben|neun)$/.test(stem)) return value;
  }
  const german = GERMAN_ORDINAL_ENDING.exec(lower);
  if (!german) return null;
  const base = german[1];
  const special = GERMAN_ORDINAL_STEMS[base];
  if (special !== undefined) return special;
  // 2..19 take "-te" ("zweite", "sechste", "neunzehnte"), from 20 on "-ste" ("zwanzigste", "hundertste").
  const small = composeGerman(base);
  if (small !== null && small >= 2 && small < 20) return small;
  const large = base.endsWith('s') ? composeGerman(base.slice(0, -1)) : null;
  return large !== null && large >= 20 ? large : null;
}

/**
 * The value of a cardinal number word in either language ("zwei", "Acht", "fünfundzwanzig",
 * "twenty" — "twenty-five" arrives as separate tokens), or null.
 */
export function numberWordValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3 || lower.length > 40) return null;
  const german = composeGerman(lower);
  if (german !== null) return german;
  return CARDINALS.get(lower) ?? null;
}

/** "twenty" + "second" joined by a hyphen → 22, else null. */
export function englishOrdinalCompound(tens: string, unit: string): number | null {
  const t = ENGLISH_TENS[tens.toLowerCase()];
  const u = ordinalWordValue(unit);
  return t !== undefined && u !== null && u < 10 ? t + u : null;
}

/** "twenty" + "five" joined by a hyphen → 25, else null. */
export function englishCompound(tens: string, unit: string): number | null {
  const t = ENGLISH_TENS[tens.toLowerCase()];
  const u = ENGLISH_UNITS[unit.toLowerCase()];
  return t !== undefined && u !== undefined ? t + u : null;
}
