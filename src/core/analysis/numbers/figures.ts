/** Figures: a number written in digits or words at a token, and digits that belong to a name. */
import { englishCompound, germanHalf, numberWordValue, parseDigits } from '../numerals';
import { CURRENCY_WORDS, ONE_WORDS, SCALE_SUFFIXES, UNITS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import type { Figure } from './match';

export const MULTIPLIER_SUFFIX = /^(fach|fache|fachen|facher|faches|Fache|Fachen|mal|Mal|x|fold)$/;
export const ENGLISH_ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;
export const YEAR_SUFFIX = /^(er|ern|s)$/;
export const CURRENCY_PREFIX_LETTERS = new Set(['US', 'HK', 'C', 'A', 'NT', 'S', 'R', 'NZ', 'AU', 'CA']);

/** A figure written in digits or words at token i, or null. */
export function readFigure(c: Cursor, i: number): Figure | null {
  const figure = readBareFigure(c, i);
  return figure && !figure.weak ? withHalf(c, figure) : figure;
}

/** "three and a half", "2 and a half": the figure plus one half. */
function withHalf(c: Cursor, figure: Figure): Figure {
  const j = figure.to;
  if (c.word(j) !== 'and' || c.word(j + 1) !== 'a' || c.word(j + 2) !== 'half' || !c.near(j)) return figure;
  return { ...figure, to: j + 3, value: figure.value + 0.5 };
}

function readBareFigure(c: Cursor, i: number): Figure | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'num') {
    const value = parseDigits(t.text, c.language);
    return value === null ? null : { to: i + 1, value, digits: true, weak: false, raw: t.text };
  }
  if (t.kind !== 'word') return null;
  const half = germanHalf(t.text);
  if (half !== null) return { to: i + 1, value: half, digits: false, weak: false, raw: t.text };
  const lower = t.text.toLowerCase();
  if (ONE_WORDS.has(lower)) {
    // "ein-einhalb"
    if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && c.glued(i + 2) && c.word(i + 2) === 'einhalb') return { to: i + 3, value: 1.5, digits: false, weak: false, raw: t.text };
    if (lower === 'one' && c.word(i + 1) === 'and' && c.word(i + 2) === 'a' && c.word(i + 3) === 'half') return { to: i + 4, value: 1.5, digits: false, weak: false, raw: t.text };
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
  if (value < 20 && c.word(i + 1) === 'hundred' && c.near(i + 1)) return readEnglishHundreds(c, i, value);
  return { to: i + 1, value, digits: false, weak: false, raw: t.text };
}

/** "two hundred", "two hundred twenty-three", "nine hundred and five". @param value the figure before "hundred". */
function readEnglishHundreds(c: Cursor, i: number, value: number): Figure {
  const raw = c.word(i) as string;
  const to = i + 2;
  const rest = c.word(to) === 'and' && c.near(to) ? to + 1 : to;
  const tail = c.near(rest) && c.word(rest) !== null ? readBareFigure(c, rest) : null;
  if (tail && !tail.digits && !tail.weak && tail.value < 100) return { to: tail.to, value: value * 100 + tail.value, digits: false, weak: false, raw };
  return { to, value: value * 100, digits: false, weak: false, raw };
}

/** Digits glued to a name ("H20", "GPT-4o", "Qwen2.5", "V3", "01.AI") are not numbers. */
export function isInsideName(c: Cursor, i: number): boolean {
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

export function isYearLike(f: Figure): boolean {
  return f.digits && /^\d{4}$/.test(f.raw) && f.value >= 1900 && f.value <= 2100;
}
