/** Ranks and versions: "Platz drei", "Top 10", "No. 1", "2nd", "zweitwertvollste", "Version 2.5". */
import { parseDigits } from '../numerals';
import { ORDINALS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import { QUARTER_NOUNS } from './dates';
import { ENGLISH_ORDINAL_SUFFIX, readFigure } from './figures';
import type { Match } from './match';

const RANK_NOUNS = new Set('Platz Platzes Plätze Stelle Rang Ranges place spot position Position'.split(' '));
const RANK_FRAMES = new Set('Platz Rang Position Nummer Number number'.split(' '));
const ORDINAL_SUPERLATIVE = /^(zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)\p{Ll}{3,}(st|ste|sten|ster|stes)$/u;

/** "Platz sechs", "ersten Platz", "3. Platz", "Top 10", "No. 1", "#1", "2nd", "zweitwertvollste". */
export function matchRank(c: Cursor, i: number): Match | null {
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
