/**
 * Combines the rules' entities with the tagger's. The lexicon wins for every name it lists (the
 * shipped one and the team's .ainews/entities.json), and so do the rules that were right on the
 * corpora nine times in ten (given name and surname, corporate suffixes, institutions, web
 * domains). The rules that guess from capitals and shape alone (a capitalised run, an acronym typed
 * org, CamelCase, letters and digits, context words) are only features of the tagger: where it
 * finds an entity, its span and type stand; where it does not, there is none. The tagger adds what
 * the rules did not see.
 */
import type { EntityFinding, EntityType, Language, NumberFinding } from '../types';
import { isAllCaps, isCamelCase } from '../tokens';
import { CAPITALISED_RUN_REASON } from '../entities';
import { CURRENCY_WORDS, SCALES_DE, SCALES_EN, UNITS } from '../vocabulary';
import { GIVEN_NAMES, isStopWord, looksLikeGermanNoun, looksLikeGermanWord } from '../entityGuards';
import { withoutOverlaps } from '../overlaps';
import type { NameLists } from './nameLists';
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

/** What the combination settles: the block's entities, and the numbers that are no part of a name. */
export interface Combined {
  entities: EntityFinding[];
  numbers: NumberFinding[];
}

/**
 * @param numbers the block's numbers, sorted by start (none of them overlaps a rule finding).
 * @param text the block text (the tagger spans' surfaces are read from it).
 * @param nameLists the tagger model's name lists: a known given name or surname is never cut off a
 *   German span.
 * @returns entities sorted by start, and the numbers without those a tagger name carries ("A 7").
 */
export function combineEntities(
  rules: readonly EntityFinding[], tagged: readonly TaggedSpan[], numbers: readonly NumberFinding[], text: string, language: Language,
  nameLists: NameLists | null = null,
): Combined {
  const sortedRules = [...rules].sort((a, b) => a.start - b.start);
  const repaired = language === 'de' ? repairedGermanSpans(tagged, text, nameLists) : tagged;
  const standing = withoutOverlaps(repaired, numbers, (span, n) => givesWayTo(span, n, text));
  const extended = new Set(extendedFindings(standing, sortedRules, numbers, text, language));
  const kept = sortedRules.filter((f) => !extended.has(f) && !GUESSING_RULES.has(f.reasons?.[0] ?? ''));
  const added: EntityFinding[] = [];
  for (const span of withoutOverlaps(standing, kept)) {
    const surface = text.slice(span.start, span.end);
    if (!mayBeName(surface, language)) continue;
    const type = typeByShape(span.type, surface, language);
    const reasons = [`tagger: ${span.reason}, ${percent(span.confidence)}`];
    if (type !== span.type) reasons.push(WRITTEN_LIKE_A_PRODUCT_REASON);
    added.push({
      kind: 'entity', type, start: span.start, end: span.end, text: surface, canonical: surface,
      reasons, confidence: Math.round(span.confidence * 1000) / 1000,
    });
  }
  const entities = [...kept, ...added].sort((a, b) => a.start - b.start);
  return { entities, numbers: added.length ? withoutOverlaps(numbers, added) : [...numbers] };
}

/**
 * German tagger spans with what cannot belong to a name cut off, measured on the errors of the
 * cross-validation (docs/models.md): a span split at a comma ("Tacoma , Shawn" is two names), and a
 * span cut after its last name word when common nouns or function words follow it ("Hitlers
 * Vizekanzler", "Moein von dem Ergebnis": a greedy tagger that went on after a name does not stop).
 * Spans that need no repair are returned as they are (the same array when none does).
 */
function repairedGermanSpans(tagged: readonly TaggedSpan[], text: string, nameLists: NameLists | null): readonly TaggedSpan[] {
  let out: TaggedSpan[] | null = null;
  for (let k = 0; k < tagged.length; k++) {
    const span = tagged[k];
    const parts = text.lastIndexOf(' ', span.end - 1) > span.start ? splitAtCommas(span, text).map((part) => withoutTrailingNouns(part, text, nameLists)) : [span];
    if (!out && (parts.length !== 1 || parts[0] !== span)) out = tagged.slice(0, k);
    out?.push(...parts);
  }
  return withSaintsJoined(out ?? tagged, text);
}

/** "St" and the dot after it, then a capitalised word: "St . Goar" as GermEval's tokens have it, "St. Goar" as written. */
const AFTER_SAINT = /^ ?\.? ?\p{Lu}[\p{L}’'-]*/u;

/** A span ending in the abbreviation "St", with or without its dot. */
const ENDS_IN_SAINT = /(?<!\p{L})St\.?$/u;

function endsInSaint(span: TaggedSpan, text: string): boolean {
  const last = text.charCodeAt(span.end - 1);
  // "t" or "." first: most spans end otherwise, and need no copy of their text.
  return (last === 0x74 || last === 0x2e) && ENDS_IN_SAINT.test(text.slice(span.start, span.end));
}

/**
 * A span ending in the abbreviation "St" joined with the name after its dot ("St . Nikolauskapelle",
 * "St. Johann Baptist"): the dot ends the tagger's sentence, so it tags "St" alone as a place.
 * A tagger span that starts on that name is taken in whole.
 */
function withSaintsJoined(spans: readonly TaggedSpan[], text: string): readonly TaggedSpan[] {
  let out: TaggedSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    const after = endsInSaint(span, text) ? AFTER_SAINT.exec(text.slice(span.end, span.end + 60)) : null;
    if (!after) {
      out?.push(span);
      continue;
    }
    out ??= spans.slice(0, k);
    let end = span.end + after[0].length;
    const next = spans[k + 1];
    if (next && next.start < end) {
      end = Math.max(end, next.end);
      k++;
    }
    out.push({ ...span, end });
  }
  return out ?? spans;
}

/**
 * The span's parts between commas ("Justin , Alex"), each trimmed of spaces; the span itself when it
 * has none. Titles keep their commas ("Sinnvoll schreiben , trennen , Zeichen setzen" is `other`),
 * and a part that starts in lower case is the rest of a clause, not a name ("Ein Mann suchte
 * Amerika, doch er konnte es nirgends mehr finden"): it is dropped.
 */
function splitAtCommas(span: TaggedSpan, text: string): TaggedSpan[] {
  if (span.type === 'other') return [span];
  const comma = text.indexOf(',', span.start);
  if (comma < 0 || comma >= span.end) return [span];
  const surface = text.slice(span.start, span.end);
  const parts: TaggedSpan[] = [];
  const part = /[^,\s](?:[^,]*[^,\s])?/gu;
  for (let m = part.exec(surface); m; m = part.exec(surface)) {
    if (/^[\p{Lu}\p{N}]/u.test(m[0])) parts.push({ ...span, start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return parts;
}

/** Particles inside names: "Ursula von der Leyen", "Heinrich von Pierer", "Rafael van der Vaart". */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['von', 'zu', 'vom', 'zum', 'der', 'den', 'van', 'de', 'da', 'di', 'del', 'la', 'le', 'du', 'ter', 'ten']);

/** Whether the words from `from` on are particles and capitalised words only ("von der Leyen"). */
function isParticleTail(words: readonly RegExpMatchArray[], from: number): boolean {
  let capitalised = false;
  for (let k = from; k < words.length; k++) {
    const word = words[k][0];
    if (/^\p{Lu}/u.test(word)) capitalised = true;
    else if (!NAME_PARTICLES.has(word)) return false;
  }
  return capitalised;
}

/**
 * A person span ending at its last name word when only common nouns and lower-case words follow
 * it, and either a lower-case word is among them ("Moein von dem Ergebnis", "David von einer") or
 * the name before them is a genitive ("Stanleys Geburtsdatum", "Hitlers Vizekanzler"): no one's
 * name ends so. The span itself otherwise: "Christoph Ellebrecht" stays whole, though the noun
 * check calls "Ellebrecht" a noun by its head "-recht".
 */
function withoutTrailingNouns(span: TaggedSpan, text: string, nameLists: NameLists | null): TaggedSpan {
  if (span.type !== 'person') return span;
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/gu)];
  let last = words.length - 1;
  let lowerCase = false;
  while (last > 0 && isTrailingNonName(words[last][0], nameLists)) {
    lowerCase ||= /^\p{Ll}/u.test(words[last][0]) && !isParticleTail(words, last);
    last--;
  }
  const kept = words[last][0];
  // A given name ending in -s is no genitive: "Klaus Kleber", "Urs Hofmann", "Thomas Müller".
  const genitive = kept.endsWith('s') && !kept.endsWith('ss') && !GIVEN_NAMES.has(kept) && !nameLists?.valuesOf(kept).includes('given');
  if (last === words.length - 1 || !isGermanNameWord(kept) || !(lowerCase || genitive)) return span;
  return { ...span, end: span.start + words[last].index + kept.length };
}

/**
 * A lower-case function word ("von", "einer") or a German common noun: what may follow a name inside
 * a greedy span but is no part of it ("al-Nuaimi" is, and so is a word in the name lists' given
 * names or surnames: "Richter", "Hofmann", "Müller" look like nouns).
 */
function isTrailingNonName(word: string, nameLists: NameLists | null): boolean {
  if (/^\p{Ll}/u.test(word)) return /^\p{Ll}+$/u.test(word) && isStopWord(word);
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !GIVEN_NAMES.has(word) && !isStopWord(word) && !isListedName(word, nameLists) && (looksLikeGermanNoun(word) || looksLikeGermanWord(word));
}

function isListedName(word: string, nameLists: NameLists | null): boolean {
  const values = nameLists?.valuesOf(word);
  return values !== undefined && (values.includes('surname') || values.includes('given'));
}

/** A capitalised word that neither the noun nor the word check calls German, nor a function word. */
function isGermanNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}-]*$/u.test(word) && !isStopWord(word) && !looksLikeGermanWord(word) && !looksLikeGermanNoun(word);
}

/** Whether a tagger span's surface is accepted as a name (not a figure's word, not a German common noun). */
function mayBeName(surface: string, language: Language): boolean {
  return isName(surface) && !(language === 'de' && isGermanCommonNoun(surface));
}

/**
 * True when the span gives way to a number it overlaps: to every figure ("HK$100", "600 Milliarden
 * Dollar": the corpora tag currencies as names now and then; "Zweiten Weltkrieg", "Gerresheim
 * 870-1970"), but not to one it carries as part of the name: a plain count or a number word right
 * after a capitalised word, in a span of capitalised words and numbers only ("A 7", "Bundesstraße
 * 216", "Schalke 04", "Irmingard Achter"; not "Bobick gained top-10", "S 7 Aying / #Kreuzstraße").
 */
function givesWayTo(span: TaggedSpan, n: NumberFinding, text: string): boolean {
  if ((n.type !== 'count' && n.type !== 'rank') || n.unit !== undefined || n.start <= span.start || n.end > span.end) return true;
  const words = text.slice(span.start, span.end).split(/\s+/);
  return !words.every((word) => /^[\p{Lu}\p{N}]/u.test(word)) || !/(^|\s)\p{Lu}\p{L}*\s+$/u.test(text.slice(span.start, n.start));
}

/**
 * The rule or lexicon findings that a tagger span extends by separate name words, and which the
 * span then replaces: "Borussia Dortmund", "THW Kiel", "Air Berlin" are other names than the city
 * inside them. A span that holds several findings or a number ("Peking Vierter") replaces nothing,
 * nor one that adds what may be no name: a word that looks German ("Europaminister Uwe Döring",
 * "Habsburger Kaiser Franz Joseph"), a function word ("BOCHUM Dass"), the noun after a German
 * genitive ("Chinas Aufstieg"), punctuation, or a compound's other part ("SPD-Kanzlerkandidat":
 * our guidelines mark the name inside a compound).
 * @param rules sorted by start, not overlapping one another.
 */
function extendedFindings(
  spans: readonly TaggedSpan[], rules: readonly EntityFinding[], numbers: readonly NumberFinding[], text: string, language: Language,
): EntityFinding[] {
  const out: EntityFinding[] = [];
  let r = 0;
  let n = 0;
  for (const span of spans) {
    while (r < rules.length && rules[r].end <= span.start) r++;
    while (n < numbers.length && numbers[n].end <= span.start) n++;
    const finding = rules[r];
    if (!finding || finding.start >= span.end || (rules[r + 1]?.start ?? Infinity) < span.end) continue;
    if (finding.start < span.start || finding.end > span.end || finding.end - finding.start === span.end - span.start) continue;
    if (n < numbers.length && numbers[n].start < span.end) continue;
    // A span refused as a name replaces nothing: the finding inside it stays ("Dollar General").
    if (!mayBeName(text.slice(span.start, span.end), language)) continue;
    const before = text.slice(span.start, finding.start).split(/\s+/).filter(Boolean);
    const after = text.slice(finding.end, span.end).split(/\s+/).filter(Boolean);
    // A German genitive qualifies the noun after it: "Chinas Aufstieg", "Napoleons Regensburg".
    if (language === 'de' && [...before, ...(after.length ? [finding.text] : [])].some((word) => word.endsWith('s'))) continue;
    if ([...before, ...after].every((word) => isNameWord(word, language))) out.push(finding);
  }
  return out;
}

/** A capitalised word of letters that is no function word, title or demonym, nor (in German) looks like a German word. */
function isNameWord(word: string, language: Language): boolean {
  return /^\p{Lu}\p{L}*$/u.test(word) && !isStopWord(word) && !(language === 'de' && looksLikeGermanWord(word));
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
 * A compound on a head that also ends place names and surnames is left to the tagger: the noun
 * check calls "Finnland", "Darmstadt", "Gelsenkirchen", "Lehmann" nouns by their heads alone.
 */
function isGermanCommonNoun(surface: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(surface) && !GIVEN_NAMES.has(surface) && !endsInNameHead(surface) && looksLikeGermanNoun(surface);
}

/**
 * An English tagger span typed person whose one word is written like no person's name: all capitals
 * ("MATLAB", "ASIMO", "RSS") or capitals inside a word ("NumPy", "SharePoint", "VoiceOver"), other
 * than the surname prefixes ("McCarthy", "MacKay", "LeCun", "DiCaprio", "O'Neil"). Such a word is
 * a product's or a system's name; the tagger, trained mostly on news and Wikipedia text where
 * unknown capitalised words in a person's place are people, types it person.
 */
function typeByShape(type: EntityType, surface: string, language: Language): EntityType {
  if (language !== 'en' || type !== 'person' || !/^\p{L}+$/u.test(surface)) return type;
  return isAllCaps(surface) || (isCamelCase(surface) && !SURNAME_PREFIX.test(surface)) ? 'product' : type;
}

/** The second reason of a tagger span that typeByShape typed product. */
const WRITTEN_LIKE_A_PRODUCT_REASON = 'rule: written like a product, not a person (capitals)';

/** "McCarthy", "MacKay", "LeCun", "DeVries", "DiCaprio", "LaGuardia", "VanDyke", "FitzGerald": capitals inside a surname. */
const SURNAME_PREFIX = /^(?:Mc|Mac|Le|La|De|Di|Du|Da|Van|Von|Fitz)\p{Lu}/u;

/** Heads of German place names and surnames that are common nouns too: "-land", "-stadt", "-kirchen", "-mann". */
const NAME_HEAD = /\p{Ll}(?:land|stadt|kirchen|mann)$/u;

function endsInNameHead(word: string): boolean {
  return NAME_HEAD.test(word);
}
