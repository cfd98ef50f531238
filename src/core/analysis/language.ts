/**
 * German or English, for an article and for each of its paragraphs. With the trained character
 * n-gram model (languageModel.ts) the cues are its evidence in nats; without it (no model file)
 * they are counts of function words, which German and English share almost none of.
 */
import type { Language } from './types';
import type { LanguageModel } from './languageModel';

// Both spellings, so that counting needs no toLowerCase per word.
function withCapitals(words: string[]): Set<string> {
  return new Set(words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]));
}

const GERMAN = withCapitals(
  'der die das und ist nicht mit von den dem des sich auch ein eine einer einen für auf wird sind zu im bei nach über werden wurde hat haben noch wie aus als oder aber dass durch zum zur um vor allem sie es er wir'.split(' '),
);
const ENGLISH = withCapitals(
  'the and is of to that with for on are by it from has have this which were be been its at or but not their they would said than more says will into after while when who can could year new'.split(' '),
);

/** Evidence for German and for English; the cues of several texts add up. */
export interface LanguageCues {
  de: number;
  en: number;
}

/**
 * The German and English evidence in a piece of text: the language model's when there is one,
 * else function-word counts. One linear pass.
 */
export function countLanguageCues(text: string, model: LanguageModel | null = null): LanguageCues {
  return model ? model.evidence(text) : countFunctionWords(text);
}

/** Counts German and English function words in a piece of text. One linear pass; only short words are looked up. */
export function countFunctionWords(text: string): LanguageCues {
  const cues: LanguageCues = { de: 0, en: 0 };
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    // ASCII letters and the Latin-1 letters of German (ä, ö, ü, ß); anything else ends a word.
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start <= 5) {
      const word = text.slice(start, i);
      if (GERMAN.has(word)) cues.de++;
      else if (ENGLISH.has(word)) cues.en++;
    }
    start = -1;
  }
  return cues;
}

/** Decides from summed cues; German wins a tie (the tool's first audience writes German). */
export function languageFromCues(cues: LanguageCues): Language {
  return cues.en > cues.de ? 'en' : 'de';
}

/** Detects whether an article is German or English. */
export function detectLanguage(text: string, model: LanguageModel | null = null): Language {
  return languageFromCues(countLanguageCues(text, model));
}

/**
 * Evidence (in nats) a paragraph needs to be read in the other language than its article's: a quote
 * or an English paragraph in a German article. Below it, a paragraph follows its article, so that
 * a German paragraph full of English product names stays German.
 */
export const PARAGRAPH_MARGIN = 12;

/** The language a paragraph is analysed in: its own when its evidence is clear, else the article's. */
export function paragraphLanguage(cues: LanguageCues, article: Language, modelled: boolean): Language {
  if (!modelled) return article;
  const own = languageFromCues(cues);
  return own !== article && Math.abs(cues.en - cues.de) >= PARAGRAPH_MARGIN ? own : article;
}
