/** Ranks and versions: "Platz drei", "Top 10", "No. 1", "2nd", "zweitwertvollste", "Version 2.5". */
import { englishOrdinalCompound, ordinalWordValue, parseDigits } from '../numerals';
import { MONTH_NUMBERS, ORDINALS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import { QUARTER_NOUNS } from './dates';
import { ENGLISH_ORDINAL_SUFFIX, readFigure } from './figures';
import type { Match } from './match';

const RANK_NOUNS = new Set('Platz Platzes Plätze Stelle Rang Ranges place spot position Position'.split(' '));
const RANK_FRAMES = new Set('Platz Rang Position Nummer Number number'.split(' '));
const ORDINAL_SUPERLATIVE = /^(zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)\p{Ll}{3,}(st|ste|sten|ster|stes)$/u;

/** "Platz sechs", "ersten Platz", "3. Platz", "Top 10", "No. 1", "#1", "2nd", "der 21.", "zweitwertvollste", "zweiundzwanzigsten". */
export function matchRank(c: Cursor, i: number): Match | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'num') return matchDigitRank(c, i);
  if (t.text === '#' && c.at(i + 1)?.kind === 'num' && c.glued(i + 1) && /^\d{1,3}$/.test(c.at(i + 1)!.text)) {
    return { from: i, to: i + 2, type: 'rank', value: +c.at(i + 1)!.text };
  }
  if (t.kind !== 'word') return null;
  return matchRankFrame(c, i) ?? matchOrdinalWord(c, i);
}

/** "Platz sechs", "Top 10", "Nummer 2", "No. 1". */
function matchRankFrame(c: Cursor, i: number): Match | null {
  const w = c.word(i) as string;
  if (RANK_FRAMES.has(w) || /^(Top|top|TOP)$/.test(w)) {
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
  if (/^(No|Nr|no)$/.test(w) && c.sym(i + 1) === '.' && c.glued(i + 1) && c.at(i + 2)?.kind === 'num' && c.near(i + 2)) {
    return { from: i, to: i + 3, type: 'rank', value: parseDigits(c.at(i + 2)!.text, c.language) };
  }
  return null;
}

/** Words before a German ordinal in digits: "der 21.", "im 19. Jahrhundert", "als 21. ins Ziel". */
const DIGIT_ORDINAL_LEADS = new Set('der die das den dem des im zum zur beim ins als seinem seinen seiner ihrem ihren ihrer unserem'.split(' '));
/** Words after a day that make "7." a date ("am 7. und 8. Mai"), not a rank. */
const DAY_LIST_WORDS = new Set(['und', 'bis', 'oder']);

/** "2nd", "3rd-largest", "3. Platz", and in German a figure with a dot before a word: "der 21. Parteitag". */
function matchDigitRank(c: Cursor, i: number): Match | null {
  const t = c.at(i)!;
  if (!/^\d{1,4}$/.test(t.text)) return null;
  if (c.glued(i + 1) && ENGLISH_ORDINAL_SUFFIX.test(c.word(i + 1) ?? '')) {
    let to = i + 2;
    if (isHyphen(c.sym(to)) && c.glued(to) && /(est|largest|biggest)$/.test(c.word(to + 1) ?? '')) to += 2;
    return { from: i, to, type: 'rank', value: +t.text };
  }
  if (c.sym(i + 1) !== '.' || !c.glued(i + 1)) return null;
  if (c.isWord(i + 2, RANK_NOUNS) && c.near(i + 2)) return { from: i, to: i + 3, type: 'rank', value: +t.text };
  const next = c.word(i + 2);
  if (c.language !== 'de' || t.text.length > 3 || next === null || !c.near(i + 2) || MONTH_NUMBERS.has(next) || DAY_LIST_WORDS.has(next)) return null;
  const lead = c.word(i - 1);
  return lead !== null && DIGIT_ORDINAL_LEADS.has(lead.toLowerCase()) && c.near(i) ? { from: i, to: i + 2, type: 'rank', value: +t.text } : null;
}

/** The position an ordinal word names ("dritten", "zweiundzwanzigsten", "fifteenth"), -1 for "letzte"/"last", or undefined. */
function ordinalAt(c: Cursor, i: number): { to: number; value: number } | undefined {
  const w = c.word(i) as string;
  const lower = w.toLowerCase();
  const known = ORDINALS.get(lower) ?? ordinalWordValue(lower);
  if (known !== null) return { to: i + 1, value: known };
  // "twenty-second"
  if (isHyphen(c.sym(i + 1)) && c.glued(i + 1) && c.glued(i + 2) && c.word(i + 2) !== null) {
    const compound = englishOrdinalCompound(w, c.word(i + 2) as string);
    if (compound !== null) return { to: i + 3, value: compound };
  }
  return undefined;
}

/** "ersten Platz", "third-largest", "zweitwertvollste", and a bare ordinal other than "first" ("am dritten", "zum elften Mal"). */
function matchOrdinalWord(c: Cursor, i: number): Match | null {
  const lower = (c.word(i) as string).toLowerCase();
  if (ORDINAL_SUPERLATIVE.test(lower)) return { from: i, to: i + 1, type: 'rank', value: null };
  const ordinal = ordinalAt(c, i);
  if (ordinal === undefined || ordinal.value < 1) return null;
  const { to, value } = ordinal;
  if (c.isWord(to, RANK_NOUNS) && c.near(to)) return { from: i, to: to + 1, type: 'rank', value };
  if (isHyphen(c.sym(to)) && c.glued(to) && /(est|largest|biggest|größte\p{Ll}*|wertvollste\p{Ll}*)$/u.test(c.word(to + 1) ?? '')) {
    return { from: i, to: to + 2, type: 'rank', value };
  }
  // A bare ordinal (not "first"/"erste": that usually means "initial") is a position.
  if (value === 1) return null;
  const prev = c.word(i - 1)?.toLowerCase() ?? '';
  if (/^(jede|jeder|jedes|jeden|every|per|each)$/.test(prev)) return null;
  const next = c.word(to);
  // "a third of", "a second ago": a fraction or a time, not a position ("a fourth term" is one).
  if (/^(a|an)$/.test(prev) && (next === null || /^(of|ago|later|earlier|or)$/.test(next))) return null;
  if (next && (QUARTER_NOUNS.has(next) || /^(Hälfte|Halbjahr)$/.test(next))) return null;
  if (c.at(i - 1)?.kind === 'num') return null;
  return { from: i, to, type: 'rank', value };
}

/** "Version 2.5", "v1.5". */
export function matchVersion(c: Cursor, i: number): Match | null {
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
