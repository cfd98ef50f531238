/**
 * Combines the rules' entities with the tagger's. The lexicon wins for every name it lists (the
 * shipped one and the team's .ainews/entities.json), and so do the rules that were right on the
 * corpora nine times in ten (given name and surname, corporate suffixes, institutions, web
 * domains). The rules that guess from capitals and shape alone (a capitalised run, an acronym typed
 * org, CamelCase, letters and digits, context words) are only features of the tagger: where it
 * finds an entity, its span and type stand; where it does not, there is none. The tagger adds what
 * the rules did not see.
 */
import type { EntityFinding, Language } from '../types';
import { CAPITALISED_RUN_REASON } from '../entities';
import { CURRENCY_WORDS, SCALES_DE, SCALES_EN, UNITS } from '../vocabulary';
import { GIVEN_NAMES, isStopWord, looksLikeGermanNoun } from '../entityGuards';
import { withoutOverlaps } from '../overlaps';
import type { TaggedSpan } from './tagSentence';

/** Rules whose findings the tagger decides on: on GermEval and CrossNER dev their types were right 3-40 % of the time. Letters and digits ("H20", "R1") stay a rule: they were wrong on the corpora but are the chips and models of AI news. */
const GUESSING_RULES: ReadonlySet<string> = new Set([
  CAPITALISED_RUN_REASON, 'rule: acronym', 'rule: CamelCase', 'rule: quoted English name',
  'rule: context ("laut", "namens", "the startup")',
]);

/** "Euro", "Dollar", "Milliarden": part of a figure (the corpora tag currencies as names now and then). */
function isFigureWord(text: string): boolean {
  return CURRENCY_WORDS.has(text) || UNITS.has(text) || SCALES_DE.has(text) || SCALES_EN.has(text.toLowerCase());
}

function percent(p: number): string {
  return `${Math.round(p * 100)} %`;
}

/**
 * @param text the block text (the tagger spans' surfaces are read from it).
 * @returns findings sorted by start.
 */
export function combineEntities(rules: readonly EntityFinding[], tagged: readonly TaggedSpan[], text: string, language: Language): EntityFinding[] {
  const kept = rules.filter((f) => !GUESSING_RULES.has(f.reasons?.[0] ?? ''));
  const added: EntityFinding[] = [];
  for (const span of withoutOverlaps(tagged, kept)) {
    const surface = text.slice(span.start, span.end);
    if (!isName(surface) || (language === 'de' && isGermanCommonNoun(surface))) continue;
    added.push({
      kind: 'entity', type: span.type, start: span.start, end: span.end, text: surface, canonical: surface,
      reasons: [`tagger: ${span.reason}, ${percent(span.confidence)}`], confidence: Math.round(span.confidence * 1000) / 1000,
    });
  }
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/**
 * False for what the rules know is not a name whatever the tagger says: a figure's currency or
 * unit ("Euro", "Dollar an Börsenwert"), titles and function words alone ("Dr."), "US" as an adjective
 * (the US rule decides that).
 */
function isName(surface: string): boolean {
  const words = surface.split(/[\s.]+/).filter(Boolean);
  if (!words.length || isFigureWord(words[0]) || words.every((w) => isStopWord(w))) return false;
  return !/^U\.?S\.?A?$/.test(surface);
}

/**
 * A lone German word the noun check calls a common noun ("Regierung", "Entwickler", "Schulen"):
 * the tagger, trained on news and Wikipedia sentences, takes such words for names in blog prose.
 */
function isGermanCommonNoun(surface: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(surface) && !GIVEN_NAMES.has(surface) && looksLikeGermanNoun(surface);
}
