/** Wording that dates a claim ("derzeit", "latest", "bis 2030"): the claim may be outdated later. */
import { tokenize, type Token } from './tokens';
import { WordFilter } from './wordFilter';

const WORDS = new Set(
  `derzeit derzeitig derzeitige derzeitigen aktuell aktuelle aktuellen aktueller aktuelles zurzeit momentan momentane momentanen
   gegenwärtig gegenwärtige gegenwärtigen jüngst jüngste jüngsten jüngster jüngstes neueste neuesten neuester neuestes bislang bisher
   bisherige bisherigen inzwischen mittlerweile heute heutige heutigen zuletzt kürzlich jetzt nun
   currently current latest newest recently recent now today so-far to-date`.split(/\s+/),
);
/** Multi-word phrases as token texts, by the lower case of their first word (in the order written). */
const PHRASES: ReadonlyMap<string, string[][]> = [
  'zur Zeit', 'noch immer', 'immer noch', 'dieses Jahr', 'dieses Jahres', 'in diesem Jahr', 'nächstes Jahr', 'im kommenden Jahr',
  'so far', 'to date', 'as of', 'this year', 'next year', "today ' s",
].reduce((byFirst, p) => {
  const words = p.split(' ');
  const first = words[0].toLowerCase();
  byFirst.set(first, [...(byFirst.get(first) ?? []), words]);
  return byFirst;
}, new Map<string, string[][]>());
const YEAR_FRAMES = new Set(['bis', 'ab', 'seit', 'vor', 'by', 'until', 'through', 'since']);
const YEAR_MODIFIERS = new Set(['Ende', 'Anfang', 'Mitte', 'early', 'late', 'mid']);
/** Every word a match starts with, in lower case: most words are turned away before they are lower-cased. */
const FIRST_WORDS = new WordFilter([...WORDS, ...PHRASES.keys(), ...YEAR_FRAMES], true);

/** The first of `phrases` (token texts) that the tokens from i on spell, or undefined. */
function phraseAt(tokens: Token[], i: number, phrases: string[][] | undefined): string[] | undefined {
  if (!phrases) return undefined;
  for (const phrase of phrases) {
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) ok = tokens[i + k]?.text === phrase[k];
    if (ok) return phrase;
  }
  return undefined;
}

/**
 * The time-sensitive words and phrases in a sentence, in order, without duplicates.
 * @param tokens the sentence's tokens when the caller has them (saves tokenizing again).
 */
export function findTimeSensitive(sentence: string, tokens: Token[] = tokenize(sentence)): string[] {
  const found: string[] = [];
  const base = tokens.length ? tokens[0].start : 0;
  const slice = (from: number, to: number) => sentence.slice(tokens[from].start - base, tokens[to].end - base);
  const push = (phrase: string) => {
    if (!found.includes(phrase)) found.push(phrase);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Every phrase, word and year frame starts with a word.
    if (t.kind !== 'word' || !FIRST_WORDS.mayHave(t.text)) continue;
    const lower = t.text.toLowerCase();
    const phrase = phraseAt(tokens, i, PHRASES.get(lower));
    if (phrase) {
      push(slice(i, i + phrase.length - 1));
      i += phrase.length - 1;
      continue;
    }
    if (WORDS.has(lower)) {
      push(t.text);
      continue;
    }
    if (YEAR_FRAMES.has(lower)) {
      // "bis 2030", "bis Ende 2025", "by the end of 2026", "until mid-2027"
      let k = i + 1;
      if (tokens[k]?.text === 'the' && tokens[k + 1]?.text === 'end' && tokens[k + 2]?.text === 'of') k += 3;
      else if (tokens[k] && YEAR_MODIFIERS.has(tokens[k].text)) k += tokens[k + 1]?.text === '-' ? 2 : 1;
      const year = tokens[k];
      if (year && year.kind === 'num' && /^\d{4}$/.test(year.text)) push(slice(i, k));
    }
  }
  return found;
}
