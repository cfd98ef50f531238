/** What stands around a figure in an amount: scale words, currencies, percent signs, units, rates. */
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, SCALE_SUFFIXES, SCALES_DE, SCALES_EN, TIME_UNITS, UNITS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import { CURRENCY_PREFIX_LETTERS } from './figures';
import type { Match } from './match';

export const GPU_MODIFIERS = new Set(['GPU', 'CPU', 'TPU', 'H100', 'H800', 'A100', 'GPU-', 'Rechen', 'compute']);
const RATE_WORDS = new Set(['pro', 'je', 'per']);
const RATE_MODIFIERS = new Set(['input', 'output', 'Input', 'Output', 'GPU', 'active', 'aktive', 'monthly', 'daily']);
const RATE_SCALES = new Set(['Million', 'million', 'Millionen', 'thousand', 'Tausend', 'Mio', 'Milliarde', 'billion']);
export const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'CHF', 'CNY', 'RMB', 'JPY', 'HKD', 'KRW', 'INR']);

function scaleFactor(c: Cursor, word: string): number | undefined {
  if (c.language === 'en') return SCALES_EN.get(word.toLowerCase()) ?? SCALES_DE.get(word);
  return SCALES_DE.get(word) ?? SCALES_EN.get(word);
}

/** A scale word after a figure ("Milliarden", "Mrd.", "billion", glued "K"/"B"). */
export function readScale(c: Cursor, i: number): { to: number; factor: number } | null {
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
export function readCurrencyAfter(c: Cursor, i: number): { to: number; code: string } | null {
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
export function readCurrencyBefore(c: Cursor, i: number): { figure: number; code: string } | null {
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

export function readPercent(c: Cursor, i: number): number | null {
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

/**
 * A unit of measure after a figure, including "GPU hours", "square feet" and "TB/s".
 * @param singleLetters accept "m", "t", "g" apart from the figure (in a size, "35x70 m").
 */
export function readUnit(c: Cursor, i: number, singleLetters = false): { to: number; unit: string } | null {
  if (!c.near(i)) return null;
  const temperature = readTemperatureUnit(c, i);
  if (temperature) return temperature;
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
  if (w.length === 1 && !c.glued(j) && j === i && !singleLetters) return null;
  let to = j + 1;
  if (c.sym(to) === '/' && c.glued(to) && c.glued(to + 1) && /^(s|h|sec|Sekunde|hour|Jahr|year|Monat|month)$/.test(c.word(to + 1) ?? '')) to += 2;
  return { to, unit: j > i ? `${c.word(i)} ${unit}` : unit };
}

/** "°C", "° F", "°" (an angle), "Grad Celsius", "degrees Fahrenheit"; plain "Grad" is left to UNITS. */
function readTemperatureUnit(c: Cursor, i: number): { to: number; unit: string } | null {
  const scale = (k: number): string | null => {
    const w = c.word(k);
    return w === 'C' || w === 'Celsius' ? '°C' : w === 'F' || w === 'Fahrenheit' ? '°F' : null;
  };
  if (c.sym(i) === '°') {
    const named = c.near(i + 1) ? scale(i + 1) : null;
    return named ? { to: i + 2, unit: named } : { to: i + 1, unit: 'degree' };
  }
  if (!/^(Grad|degrees|degree)$/.test(c.word(i) ?? '')) return null;
  const named = c.near(i + 1) && /^(Celsius|Fahrenheit)$/.test(c.word(i + 1) ?? '') ? scale(i + 1) : null;
  return named ? { to: i + 2, unit: named } : null;
}

/** "Jahre alt", "years old": an age keeps its adjective. @returns the end after it, else `to`. */
export function readAgeAdjective(c: Cursor, unit: string, to: number): number {
  return unit === 'year' || unit === 'month' ? (c.near(to) && /^(alt|old)$/.test(c.word(to) ?? '') ? to + 1 : to) : to;
}

/** "je Aktie", "pro Jahr", "per GPU hour", "per million input tokens". */
export function readRate(c: Cursor, i: number): number | null {
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

/**
 * The rest of a hyphen compound after a figure: "-Milliarden-Dollar" in "500-Milliarden-Dollar-Projekt",
 * "-Dollar" in "100-Dollar-Chip", "-Prozent" in "2-Prozent-Ziel". A bare scale compound
 * ("Millionen-Community") is left to the caller.
 */
export function readCompoundAmount(c: Cursor, j: number, value: number): Omit<Match, 'from'> | null {
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
