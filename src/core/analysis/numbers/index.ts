/**
 * Finds numeric expressions in a token stream and types them (money, percent, date, year,
 * quantity, range, rank, count, version, number) with a normalised value where one exists.
 * Span rules follow the labelling guidelines: currency, scale and unit words are inside,
 * approximators ("rund", "more than"), "von"/"zwischen" and counted nouns are outside.
 */
import type { Token } from '../tokens';
import type { Language, NumberFinding } from '../types';
import type { WordIds } from '../wordIds';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, MONTH_NUMBERS, ONE_WORDS, ORDINALS, SCALES_DE, SCALES_EN, UNITS, WEEKDAYS } from '../vocabulary';
import { matchAmount } from './amounts';
import { Cursor } from './cursor';
import { matchDate, matchQuarter, matchWeekdayDate } from './dates';
import { matchDimensions, withSign } from './dimensions';
import { completeEllipticalAmounts } from './ellipsis';
import type { Match } from './match';
import { CURRENCY_PREFIX_LETTERS } from './figures';
import { FRACTION_NOUNS, matchArticleScale, matchBoth, matchProportion } from './proportions';
import { matchRank, matchVersion } from './ranks';
import { CURRENCY_CODES, GPU_MODIFIERS } from './units';

const MATCHERS = [matchWeekdayDate, matchDate, matchQuarter, matchRank, matchVersion, matchBoth, matchProportion, matchArticleScale, matchDimensions, matchAmount];

/** Words that can open a number; every other word is skipped without running the matchers. */
const NUMBER_OPENERS: ReadonlySet<string> = new Set([
  ...[...ORDINALS.keys()], ...[...ONE_WORDS], 'platz', 'rang', 'position', 'nummer', 'number', 'top', 'no', 'nr', 'version', 'v',
  'jede', 'jeder', 'jedes', 'jeden', 'every', 'hälfte', 'faktor', 'half', 'plus', 'beiden', 'beide', 'q', 'h', 'zero', 'null', 'eins', 'dozen',
  'dutzend', 'twice', 'us', 'hk', 'c', 'ca', 'au', 'nz', 'nt', 's', 'r', 'usd', 'eur', 'gbp', 'chf', 'cny', 'rmb', 'jpy', 'hkd', 'krw', 'inr',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'thousand', 'threefold', 'fourfold', 'fivefold', 'tenfold', 'hundredfold', 'halb', 'minus',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth', 'hundredth', 'thousandth',
  ...[...WEEKDAYS].map((d) => d.toLowerCase()),
]);

/** First four letters of German number-word compounds ("fünfundzwanzig", "zweijährig", "drittgrößte", "doppelte"). */
const NUMBER_WORD_STEMS = new Set(
  'einh eint eine einu zwei drei vier fünf sech sieb acht neun zehn elf zwöl zwan dreiß vier fünf sech sieb acht neun hund taus ande dopp drit'
    .split(' ')
    .map((s) => s.slice(0, 4)),
);

/**
 * Lower-case words after "ein", "a", "one" that can make the article part of a number: "ein Prozent",
 * "eine Milliarde", "one week", "ein Fünftel", "one in five", "one and a half", "ein bis zwei".
 * Every other word after an article (most of them) ends the matchers' work at once.
 */
const ARTICLE_FOLLOWERS: ReadonlySet<string> = new Set(
  [
    ...SCALES_DE.keys(), ...SCALES_EN.keys(), ...CURRENCY_WORDS.keys(), ...UNITS.keys(), ...FRACTION_NOUNS.keys(), ...CURRENCY_PREFIX_LETTERS,
    ...CURRENCY_CODES, ...GPU_MODIFIERS, 'and', 'und', 'von', 'in', 'of', 'out', 'bis', 'to', 'through', 'prozent', 'percent', 'pct',
    'prozentpunkte', 'prozentpunkten', 'prozentpunkt', 'per', 'percentage', 'square', 'degree',
  ].map((w) => w.toLowerCase()),
);

/** False when the article at i is followed by a word that cannot join it into a number. */
function articleMayOpen(c: Cursor, i: number): boolean {
  const next = c.at(i + 1);
  if (!next || next.kind === 'num') return false;
  if (next.kind === 'sym') return true;
  // "ein Hongkong-Dollar": a word glued to a currency by a hyphen.
  if (c.at(i + 2)?.kind === 'sym' && c.glued(i + 2)) return true;
  return ARTICLE_FOLLOWERS.has(next.text.toLowerCase());
}

/** The lower case of a letter of ASCII or Latin-1 ("Ü" → "ü"); other characters as they are. */
function lowerCode(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}

/** A word's first three letters in lower case, as one number (0 for letters a short word lacks). */
function prefixKey(word: string): number {
  const second = word.length > 1 ? lowerCode(word.charCodeAt(1)) : 0;
  const third = word.length > 2 ? lowerCode(word.charCodeAt(2)) : 0;
  return (lowerCode(word.charCodeAt(0)) * 65536 + second) * 65536 + third;
}

const PREFIX_BITS = 1 << 15;

/** The bit of a word's first three letters (as prefixKey reads them) in OPENER_PREFIX_BITS. */
function prefixBit(word: string): number {
  const second = word.length > 1 ? lowerCode(word.charCodeAt(1)) : 0;
  const third = word.length > 2 ? lowerCode(word.charCodeAt(2)) : 0;
  return (Math.imul(lowerCode(word.charCodeAt(0)), 961) + second * 31 + third) & (PREFIX_BITS - 1);
}

/** The first three letters of every word that can open a number: most words fail this test without lower-casing. */
const OPENER_WORDS = [...NUMBER_OPENERS, ...NUMBER_WORD_STEMS, ...MONTH_NUMBERS.keys(), 'elf'].map((w) => w.toLowerCase());
const OPENER_PREFIXES: ReadonlySet<number> = new Set(OPENER_WORDS.map(prefixKey));

/**
 * A bit per opener's first three letters: a word whose bit is clear is no opener, found without the
 * Set lookup (prefixKey is a 48-bit number, which the Set hashes as a double). A word whose bit is
 * set still takes the lookup.
 */
const OPENER_PREFIX_BITS = (() => {
  const bits = new Uint8Array(PREFIX_BITS >> 3);
  for (const word of OPENER_WORDS) {
    const bit = prefixBit(word);
    bits[bit >> 3] |= 1 << (bit & 7);
  }
  return bits;
})();

function mayHaveOpenerPrefix(word: string): boolean {
  const bit = prefixBit(word);
  return (OPENER_PREFIX_BITS[bit >> 3] & (1 << (bit & 7))) !== 0 && OPENER_PREFIXES.has(prefixKey(word));
}

/** What a word alone tells of whether a number can start at it. */
const enum Opener { No = 1, Yes, Article }

function wordOpener(word: string): Opener {
  if (!mayHaveOpenerPrefix(word)) return Opener.No;
  if (MONTH_NUMBERS.has(word)) return Opener.Yes;
  const lower = word.toLowerCase();
  if (ONE_WORDS.has(lower)) return Opener.Article;
  return NUMBER_OPENERS.has(lower) || NUMBER_WORD_STEMS.has(lower.slice(0, 4)) || lower.startsWith('elf') ? Opener.Yes : Opener.No;
}

/**
 * Cheap test whether any matcher could start at token i.
 * @param openers wordOpener by word id (see WordIds.factsFor), when the tokens carry ids.
 */
function mayOpenNumber(c: Cursor, i: number, openers: (Opener | undefined)[] | null): boolean {
  const t = c.tokens[i];
  if (t.kind === 'num') return true;
  if (t.kind === 'sym') return CURRENCY_SYMBOLS.has(t.text) || t.text === '#' || t.text === '±' || t.text === '+';
  let opener: Opener | undefined;
  if (openers && t.id >= 0) {
    opener = openers[t.id];
    if (opener === undefined) {
      opener = wordOpener(t.text);
      openers[t.id] = opener;
    }
  } else {
    opener = wordOpener(t.text);
  }
  return opener === Opener.Article ? articleMayOpen(c, i) : opener === Opener.Yes;
}

/**
 * Finds the numbers in a token stream.
 * @param text the string the tokens index (used for the exact slices).
 * @param wordIds the analyser's word ids that `tokens` carry, if any: a word is then tested once.
 */
export function findNumbers(tokens: Token[], text: string, language: Language, wordIds: WordIds | null = null): NumberFinding[] {
  const c = new Cursor(tokens, language);
  const openers = wordIds ? wordIds.factsFor<Opener>(wordOpener) : null;
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!mayOpenNumber(c, i, openers)) {
      i++;
      continue;
    }
    let match: Match | null = null;
    for (const matcher of MATCHERS) {
      match = matcher(c, i);
      if (match) break;
    }
    if (match && match.to > match.from) {
      matches.push(withSign(c, match));
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

export { applyArticleYear, completeDateValue } from './dates';
