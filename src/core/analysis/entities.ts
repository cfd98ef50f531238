/**
 * Finds named entities: companies, models and products (with versions), people, places, outlets
 * and other names (benchmarks, indices, laws, projects). A curated lexicon does most of the work;
 * shape rules (CamelCase, digits in names, corporate suffixes, acronyms, domains), context rules
 * ("laut X", "das Startup X", "namens X", quoted names) and, in English, capitalisation find the rest.
 * Every rule is guarded against common words: German capitalises every noun.
 */
import type { EntityFinding, EntityType, Language } from './types';
import type { Token } from './tokens';
import type { WordIds } from './wordIds';
import { mayBeKey, type CompiledName, type Lexicon, type LexiconEntry, type NamePart } from './lexicon';
import { isLowerCase } from './wordFilter';
import { TokenCursor, isAllCaps, isCamelCase, isCapitalized } from './tokens';
import {
  ACRONYM_STOPLIST, APPOSITION_NOUNS, CHINESE_SURNAMES, CORPORATE_SUFFIXES, GENERIC_CAPITALISED, GIVEN_NAMES, INSTITUTION_HEADS,
  MODEL_VARIANTS, REPORTING_VERBS, SOURCE_TRIGGERS, TITLES, GERMAN_NOUN, GermanWordVerdicts, LOOKS_GERMAN, isFunctionWord, isGenderForm, isGivenName, isPinyinName, isStopWord, looksLikeGermanNoun, looksLikeGermanWord,
} from './entityGuards';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, FUNCTION_WORDS, SCALES_DE, SCALES_EN, UNITS } from './vocabulary';

/** A name learnt from context, so that bare mentions elsewhere in the article count too. */
export interface LearnedName {
  text: string;
  type: EntityType;
  canonical: string;
}

/** A capitalised word no rule claimed: the article-level pass checks it against learnt names. */
export interface NameCandidate {
  start: number;
  end: number;
  text: string;
}

export interface EntityScan {
  findings: EntityFinding[];
  learned: LearnedName[];
  candidates: NameCandidate[];
}

interface Match {
  from: number;
  to: number;
  type: EntityType;
  canonical?: string;
  learn?: LearnedName[];
  /** Why it is an entity, in words ("lexicon", "rule: corporate suffix"); set by the scan. */
  reason?: string;
}

type Rule = (c: Scanner, i: number) => Match | null;

/** The reason a finding of each rule gives, first word "lexicon" or "rule" (the tagger reads it as a feature). */
export const LEXICON_REASON = 'lexicon';
export const CAPITALISED_RUN_REASON = 'rule: capitalised words';

const QUOTES_OPEN = new Set(['„', '"', '“', '»', '«', '‚', '‘']);
const QUOTES_CLOSE: Record<string, string> = { '„': '“”"', '"': '"', '“': '”"', '»': '«', '«': '»', '‚': '‘’', '‘': '’' };
const TLDS = new Set(['de', 'com', 'at', 'ch', 'net', 'org', 'io', 'co', 'uk', 'fr', 'eu', 'info', 'tech', 'news', 'ai', 'cn', 'us']);
const PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ter', 'zu', 'dos', 'del']);
const RUN_CONNECTORS = new Set(['of', 'for', '&', 'de', 'von', 'van', 'der', 'la', 'le', 'du', 'and']);
const REPORT_NOUNS = new Set(['Bericht', 'Berichten', 'Berichte', 'Angaben', 'Daten', 'Analyse', 'Analysen', 'Studie', 'Umfrage', 'Recherchen', 'Informationen', 'report', 'reports', 'data', 'analysis', 'study', 'survey']);
const CREATION_VERBS = new Set(['entwickelt', 'entwickelte', 'gegründet', 'gegründete', 'betrieben', 'veröffentlicht', 'developed', 'founded', 'built', 'created', 'owned', 'led', 'made', 'released', 'backed']);
/** Names that are also German adjectives ("die Grünen" the party, "Grüne Energie" green energy). */
const ADJECTIVE_NAMES = new Set(['Grüne', 'Grünen', 'Grüner', 'Linke', 'Linken']);
const X_CONTEXT = new Set(['auf', 'on', 'via', 'bei', 'Plattform', 'platform', 'Kurznachrichtendienst', 'Netzwerk', 'network', 'Dienst']);

const CAPITALISED = 1;
const ALL_CAPS = 2;
const CAMEL = 4;
const LOWER = 8;
const STOP = 16;
/** The token's GermanWordVerdicts bits are read into its shape (asked several times per word). */
const VERDICTS_READ = 32;
const LOOKS_GERMAN_SHAPE = 64;
const GERMAN_NOUN_SHAPE = 128;
/** isNameLike, worked out once per token. */
const NAME_LIKE_READ = 256;
const NAME_LIKE = 512;
/** In WordIds.bitsFor(lexicon): the word starts no lexicon name (0: not worked out yet). */
const STARTS_NO_NAME = 1;
/** In WordIds.bitsFor(lexicon): the word starts lexicon names, kept in WordIds.factsFor(lexicon). */
const STARTS_NAME = 2;
/** In WordIds.shapes only: the word's shape is worked out (a lower-case word's bits alone could be 0 otherwise). */
const WORD_SHAPE_KNOWN = 1024;

/**
 * n zeros in a plain array. The scanner's per-token flags were typed arrays, but a typed array of a
 * block's length is allocated outside V8's young heap, at several microseconds each: more than the
 * rules spend on a short block's words.
 */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

class Scanner extends TokenCursor {
  readonly initial: number[];
  /** Shape bits per token, computed once: the rules ask the same questions many times. */
  readonly shape: number[];
  /**
   * Lower-case text per token (lexicon keys): the token's own text unless it is a word with capitals,
   * whose lower case is built when first asked for (see lowerAt; most never are).
   */
  private readonly lower: (string | undefined)[];
  /** The block holds "Index" or "Composite", without which indexMatch cannot match. */
  readonly hasIndexWord: boolean;
  /** The block holds "zufolge" ("X zufolge"), which contextMatch otherwise looks for after every capitalised German word. */
  readonly hasZufolge: boolean;
  constructor(
    tokens: Token[],
    readonly text: string,
    readonly language: Language,
    readonly lexicon: Lexicon,
    sentenceStarts: number[],
    private readonly verdicts: GermanWordVerdicts,
    private readonly words: WordIds | null = null,
  ) {
    super(tokens);
    this.initial = zeros(tokens.length);
    this.shape = zeros(tokens.length);
    this.lower = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const w = t.text;
      // Digits and symbols have no case.
      if (t.kind !== 'word') {
        this.lower[i] = w;
        continue;
      }
      const bits = words && t.id >= 0 ? this.shapeOfWord(words, t.id) : wordShape(w);
      if (bits & LOWER) this.lower[i] = w;
      this.shape[i] = bits;
    }
    this.hasIndexWord = tokens.some((t) => t.text === 'Index' || t.text === 'Composite');
    this.hasZufolge = language === 'de' && tokens.some((t) => t.text === 'zufolge');
    let s = 0;
    for (let i = 0; i < tokens.length && s < sentenceStarts.length; i++) {
      while (s < sentenceStarts.length && sentenceStarts[s] < tokens[i].start) s++;
      if (s < sentenceStarts.length && tokens[i].start >= sentenceStarts[s]) {
        // The first word of each sentence.
        if (tokens[i].kind !== 'sym') {
          this.initial[i] = 1;
          s++;
        }
      }
    }
  }
  /** The shape bits of word `id` (with its German-word verdicts once read): worked out once per word of the analyser. */
  private shapeOfWord(words: WordIds, id: number): number {
    const bits = words.shapes[id];
    if (bits !== 0) return bits & ~WORD_SHAPE_KNOWN;
    const shape = wordShape(words.textOf(id));
    words.shapes[id] = shape | WORD_SHAPE_KNOWN;
    return shape;
  }
  /** The lexicon names that word or number i may start (undefined: none); a word's looked up once per analyser. */
  lexiconNames(i: number): readonly CompiledName[] | undefined {
    const id = this.tokens[i].id;
    if (!this.words || id < 0) return this.namesStartedBy(i);
    // Most words start no name: a byte per word says so (it stays in the caches), the names are read only for the rest.
    // Names first: a new owner may start both kinds of columns afresh (WordIds.forgetOwners), never a byte without its names.
    const names = this.words.factsFor<readonly CompiledName[]>(this.lexicon);
    const starts = this.words.bitsFor(this.lexicon);
    if (starts[id] === STARTS_NO_NAME) return undefined;
    if (starts[id] === STARTS_NAME) return names[id];
    const known = this.namesStartedBy(i);
    starts[id] = known ? STARTS_NAME : STARTS_NO_NAME;
    if (known) names[id] = known;
    return known;
  }
  private namesStartedBy(i: number): readonly CompiledName[] | undefined {
    // A word in lower case never matches a name written otherwise (see nameEquals): most of "the", "der", "a".
    const index = this.isLower(i) ? this.lexicon.lowerCaseIndex : this.lexicon.index;
    // The key filter reads a word's lower case from its characters: it is built only for a likely key.
    return mayBeKey(this.lexicon, this.tokens[i].text) ? index.get(this.lowerAt(i)) : undefined;
  }
  /** Token i's text in lower case (a word's as `toLowerCase` gives it, built once). */
  lowerAt(i: number): string {
    let lower = this.lower[i];
    if (lower === undefined) {
      const id = this.tokens[i].id;
      lower = this.words && id >= 0 ? this.words.lowerOf(id) : this.tokens[i].text.toLowerCase();
      this.lower[i] = lower;
    }
    return lower;
  }
  /** Token i is separated from i-1 by a space on the same line. */
  spaced(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.spaceBefore && !t.lineBefore;
  }
  hyphenJoin(i: number): boolean {
    const s = this.sym(i);
    return (s === '-' || s === '‑') && this.glued(i) && this.glued(i + 1) && this.tokens[i + 1]?.kind !== 'sym';
  }
  /** True for a word after an opening quote, a colon or a dash: it may be capitalised for that reason alone. */
  afterOpening(i: number): boolean {
    const prev = this.sym(i - 1);
    return prev !== null && /^[„"“«»‚(:–—]$/.test(prev);
  }
  isCap(i: number): boolean {
    return (this.shape[i] & CAPITALISED) !== 0;
  }
  isCaps(i: number): boolean {
    return (this.shape[i] & ALL_CAPS) !== 0;
  }
  isCamel(i: number): boolean {
    return (this.shape[i] & CAMEL) !== 0;
  }
  isLower(i: number): boolean {
    return (this.shape[i] & LOWER) !== 0;
  }
  /** looksLikeGermanWord of token i, worked out once per word (see GermanWordVerdicts). */
  germanLooking(i: number): boolean {
    return (this.germanVerdicts(i) & LOOKS_GERMAN_SHAPE) !== 0;
  }
  /** looksLikeGermanNoun of token i, likewise. */
  germanNoun(i: number): boolean {
    return (this.germanVerdicts(i) & GERMAN_NOUN_SHAPE) !== 0;
  }
  /** Token i's shape with its German-word verdicts, looked up in the analyser's verdicts once per token. */
  private germanVerdicts(i: number): number {
    let shape = this.shape[i];
    if (!(shape & VERDICTS_READ)) {
      const bits = this.verdicts.of(this.tokens[i].text);
      const verdictBits = VERDICTS_READ | (bits & LOOKS_GERMAN ? LOOKS_GERMAN_SHAPE : 0) | (bits & GERMAN_NOUN ? GERMAN_NOUN_SHAPE : 0);
      shape |= verdictBits;
      this.shape[i] = shape;
      // Kept with the word too, so that its other tokens in the article do not look it up again.
      const id = this.tokens[i].id;
      if (this.words && id >= 0) this.words.shapes[id] |= verdictBits;
    }
    return shape;
  }
  /** Token i may be (part of) a name by its own shape and words; kept in its shape bits (the rules ask several times per token). */
  isNameLike(i: number): boolean {
    const shape = this.shape[i];
    if (shape === undefined) return false;
    if (shape & NAME_LIKE_READ) return (shape & NAME_LIKE) !== 0;
    const nameLike = this.nameLike(i);
    this.shape[i] |= NAME_LIKE_READ | (nameLike ? NAME_LIKE : 0);
    return nameLike;
  }
  private nameLike(i: number): boolean {
    const t = this.tokens[i];
    if (!t || t.kind !== 'word' || this.isLower(i)) return false;
    const w = t.text;
    if (w.length > 40) return false;
    if (this.isCaps(i)) return !ACRONYM_STOPLIST.has(w) && !isStopWord(w);
    if (this.isCamel(i)) return !isGenderForm(w) && !ACRONYM_STOPLIST.has(w);
    if (!this.isCap(i) || this.shape[i] & STOP || GENERIC_CAPITALISED.has(w)) return false;
    return this.language !== 'de' || !this.germanLooking(i);
  }
}

/** A word's shape bits that depend on the word alone (case, stop word). */
function wordShape(w: string): number {
  if (isLowerCase(w)) return LOWER;
  let bits = 0;
  if (isCapitalized(w)) bits |= CAPITALISED;
  if (w.length >= 2 && hasNoLowerCase(w)) bits |= ALL_CAPS;
  else if (w.length <= 40 && isCamelCase(w)) bits |= CAMEL;
  if (bits & CAPITALISED && isStopWord(w)) bits |= STOP;
  return bits;
}

/** w === w.toUpperCase(), without building the upper-case copy for ASCII words (every capitalised word asks). */
function hasNoLowerCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 128) return w === w.toUpperCase();
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

function isHyphenText(s: string | null): boolean {
  return s === '-' || s === '‑';
}

/** @param lower `doc` in lower case (the scanner has it for every token: no copy per candidate name). */
function nameEquals(doc: string, lower: string, part: NamePart, entry: LexiconEntry): boolean {
  if (doc === part.raw) return true;
  if (entry.caseSensitive || part.raw.length <= 2) return false;
  if (lower !== part.lower) return false;
  // An acronym matches only in capitals: "Bis" is not "BIS", "Sap" is not "SAP".
  if (part.acronym && doc !== doc.toUpperCase()) return false;
  // An all-lower-case word never matches a capitalised name: "meta", "apple", "threads".
  return !(doc === lower && part.raw !== part.lower);
}

/**
 * Matches one compiled lexicon name at token i.
 * @returns the end token index, negated (-end) when the last word carried a German genitive -s; 0 for no match.
 */
function matchCompiled(c: Scanner, i: number, name: CompiledName, genitive: boolean): number {
  let p = i;
  let usedGenitive = false;
  for (let k = 0; k < name.parts.length; k++) {
    const part = name.parts[k];
    if (k > 0) {
      if (part.glued) {
        if (!c.glued(p)) return 0;
      } else if (c.hyphenJoin(p)) {
        p++;
      } else if (!c.spaced(p)) {
        return 0;
      }
    }
    const t = c.at(p);
    if (!t) return 0;
    if (nameEquals(t.text, t.kind === 'word' ? c.lowerAt(p) : t.text.toLowerCase(), part, name.entry)) {
      p++;
      continue;
    }
    const last = k === name.parts.length - 1;
    if (last && genitive && t.kind === 'word' && t.text.endsWith('s') && nameEquals(t.text.slice(0, -1), t.text.slice(0, -1).toLowerCase(), part, name.entry)) {
      p++;
      usedGenitive = true;
      continue;
    }
    return 0;
  }
  return usedGenitive ? -p : p;
}

function isScaleOrUnitWord(w: string | null): boolean {
  return w !== null && (SCALES_DE.has(w) || SCALES_EN.has(w.toLowerCase()) || UNITS.has(w) || CURRENCY_WORDS.has(w) || /^(Prozent|percent|%)$/.test(w));
}

/**
 * A word that belongs to a figure, not a name: a unit, scale or currency right after it ("96 GB",
 * "1 GW", "100 Megawatt") or the country prefix of a currency sign ("US$2.5 billion", "HK$100", "130 Mrd. US$").
 */
function partOfFigure(c: Scanner, i: number): boolean {
  const t = c.tokens[i];
  if (t.kind !== 'word') return false;
  const prev = c.tokens[i - 1];
  if (prev && prev.kind === 'num' && !t.lineBefore && isScaleOrUnitWord(t.text)) return true;
  // "US$", "HK$", "C$": a country prefix of a currency sign.
  const next = c.tokens[i + 1];
  return !!next && next.kind === 'sym' && !next.spaceBefore && CURRENCY_SYMBOLS.has(next.text) && t.text.length <= 3 && t.text === t.text.toUpperCase();
}

/** "Hongkong-Dollar", "Taiwan-Dollar": a currency named after a place is part of an amount, not an entity. */
function currencyCompound(c: Scanner, to: number): boolean {
  if (!c.hyphenJoin(to)) return false;
  const head = c.word(to + 1);
  return head !== null && CURRENCY_WORDS.has(head);
}

/** A version after a model family: "2.5", "4o", "V3", "R1", "2024" (benchmarks). Returns the end or -1. */
function readVersionCore(c: Scanner, p: number, allowYear: boolean): number {
  let q = p;
  let spaced = false;
  if (c.hyphenJoin(q)) q++;
  else if (c.spaced(q)) spaced = true;
  else if (!c.glued(q)) return -1;
  const t = c.at(q);
  if (!t) return -1;
  let end = -1;
  if (t.kind === 'num') {
    if (/^\d{1,2}(\.\d{1,2}){0,2}$/.test(t.text) || (allowYear && /^\d{4}$/.test(t.text))) end = q + 1;
    else if (!spaced && /^\d{3,4}$/.test(t.text)) end = q + 1;
    // "Ascend 910C", "Kirin 9000S": a model number with a letter suffix.
    else if (/^\d{3,4}$/.test(t.text) && c.glued(q + 1) && /^[A-Z]{1,2}$/.test(c.word(q + 1) ?? '')) end = q + 2;
    if (end > 0 && c.glued(end) && /^\p{Ll}{1,2}$/u.test(c.word(end) ?? '')) end++;
  } else if (t.kind === 'word' && /^[A-Za-z]{1,2}$/.test(t.text) && c.at(q + 1)?.kind === 'num' && c.glued(q + 1) && !spaced) {
    end = q + 2;
  } else if (t.kind === 'word' && /^[VRKMO]$/.test(t.text) && c.at(q + 1)?.kind === 'num' && c.glued(q + 1)) {
    end = q + 2;
  }
  if (end < 0) return -1;
  if (spaced) {
    // "ChatGPT 100 Millionen", "Gemini 2 Prozent": a figure, not a version.
    const next = c.at(end);
    if (next && c.spaced(end) && isScaleOrUnitWord(next.text)) return -1;
    if (next && next.text === '%') return -1;
  }
  return end;
}

/** Extends a model family with its version, size and variant: "Qwen2.5-72B-Instruct", "GPT-4 Turbo", "o1-1217". */
function extendVersion(c: Scanner, to: number, allowYear: boolean): number {
  let p = to;
  const core = readVersionCore(c, p, allowYear);
  if (core > 0) p = core;
  let variant = false;
  for (let n = 0; n < 4; n++) {
    let q = p;
    let spaced = false;
    if (c.hyphenJoin(q)) q++;
    else if (c.spaced(q)) spaced = true;
    else if (!c.glued(q)) break;
    const t = c.at(q);
    if (!t) break;
    const afterVariant = variant;
    variant = false;
    if (t.kind === 'num' && c.glued(q + 1) && /^[BbMKk]$/.test(c.word(q + 1) ?? '')) {
      p = q + 2; // "72B"
      continue;
    }
    if (!spaced && q > p && /^[A-Z]$/.test(c.word(q) ?? '') && c.at(q + 1)?.kind === 'num' && c.glued(q + 1) && c.glued(q + 2) && /^[BbM]$/.test(c.word(q + 2) ?? '')) {
      p = q + 3; // "A22B" in "Qwen3-235B-A22B": the active parameters of a mixture of experts
      continue;
    }
    if (afterVariant && spaced && t.kind === 'num' && /^\d{1,2}(\.\d{1,2})?$/.test(t.text) && !(c.spaced(q + 1) && isScaleOrUnitWord(c.word(q + 1))) && c.at(q + 1)?.text !== '%') {
      p = q + 1; // "Claude Opus 4", "Claude Sonnet 4.5"
      continue;
    }
    if (t.kind === 'num' && c.word(q + 1) === 'x' && c.glued(q + 1) && c.at(q + 2)?.kind === 'num' && c.glued(q + 2) && /^[BbM]$/.test(c.word(q + 3) ?? '')) {
      p = q + 4; // "8x7B"
      continue;
    }
    if (!spaced && t.kind === 'num' && /^\d{3,4}$/.test(t.text) && q > p) {
      p = q + 1; // "o1-1217"
      continue;
    }
    if (t.kind === 'word' && MODEL_VARIANTS.has(t.text) && (!spaced || isCapitalized(t.text) || t.text === 'mini')) {
      p = q + 1;
      variant = true;
      continue;
    }
    break;
  }
  return p;
}

/** The word ends in "s" or "S": its lower case ends in "s" (no other character lowers to one ending so). */
function endsWithS(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 115 || last === 83;
}

function lexiconMatch(c: Scanner, i: number): Match | null {
  const t = c.at(i);
  if (!t || t.kind === 'sym') return null;
  const genitiveAllowed = c.language === 'de';
  let bestTo = 0;
  let bestName: CompiledName | null = null;
  let genitive = false;
  const candidates = c.lexiconNames(i);
  if (candidates) {
    for (const name of candidates) {
      const m = matchCompiled(c, i, name, genitiveAllowed);
      if (Math.abs(m) > bestTo) {
        bestTo = Math.abs(m);
        bestName = name;
        genitive = m < 0;
      }
    }
  }
  // "Alibabas", "Chinas": a German genitive of a one-word name.
  if (!bestName && genitiveAllowed && c.isCap(i) && endsWithS(t.text) && mayBeKey(c.lexicon, t.text, t.text.length - 1) && c.lowerAt(i).length > 3) {
    for (const name of c.lexicon.index.get(c.lowerAt(i).slice(0, -1)) ?? []) {
      if (name.parts.length !== 1) continue;
      const m = matchCompiled(c, i, name, true);
      if (m !== 0) {
        bestTo = Math.abs(m);
        bestName = name;
        genitive = m < 0;
        break;
      }
    }
  }
  if (!bestName) return null;
  // "Grüne Energie", "Grünen Rechenzentren": the party's name used as an adjective before a noun.
  if (c.language === 'de' && bestTo === i + 1 && ADJECTIVE_NAMES.has(t.text) && c.spaced(bestTo) && c.isCap(bestTo) && !(c.shape[bestTo] & STOP)) return null;
  const best = { to: bestTo, name: bestName, genitive };
  const entry = best.name.entry;
  let to = best.to;
  let type = entry.type;
  let canonical = entry.name;
  if (!best.genitive && entry.versioned) {
    const extended = extendVersion(c, to, entry.type === 'other');
    if (extended > to) {
      canonical = entry.name + c.text.slice(c.tokens[to - 1].end, c.tokens[extended - 1].end);
      to = extended;
      if (type === 'org') type = 'product';
    }
  }
  if (!best.genitive && (type === 'org' || type === 'outlet') && to === best.to && c.spaced(to)) {
    const suffix = c.word(to);
    if (suffix && CORPORATE_SUFFIXES.has(suffix) && !/^(Bank|Co|Company)$/.test(suffix)) {
      to++;
      type = 'org';
      canonical = `${canonical} ${suffix}`;
    }
  }
  const learn: LearnedName[] = [];
  if (type === 'person' && to - i > 1 && !best.genitive) {
    // Chinese order puts the surname first: "Liang Wenfeng" is later "Liang".
    const first = c.word(i);
    const surname = first && to - i === 2 && CHINESE_SURNAMES.has(first) && isPinyinName(c.word(i + 1) ?? '') && !GIVEN_NAMES.has(c.word(i + 1) ?? '') ? first : c.word(to - 1);
    if (surname) learn.push({ text: surname, type: 'person', canonical });
  }
  return { from: i, to, type, canonical, learn };
}

/** "US"/"U.S." as a noun is a place; as an adjective ("US-Konzerne", "U.S. export controls") it is not. */
function usMatch(c: Scanner, i: number): Match | null {
  let to: number;
  if (c.word(i) === 'US') to = i + 1;
  else if (c.word(i) === 'U' && c.sym(i + 1) === '.' && c.glued(i + 1) && c.word(i + 2) === 'S' && c.glued(i + 2)) {
    to = c.sym(i + 3) === '.' && c.glued(i + 3) ? i + 4 : i + 3;
  } else return null;
  if (c.glued(to) && c.at(to)?.kind !== 'sym') return null;
  if (c.hyphenJoin(to)) return null;
  const next = c.at(to);
  if (next && next.kind === 'word' && c.spaced(to) && !FUNCTION_WORDS.has(next.text) && !/^(is|has|was|said|says|will|would|could|can|may|must|to)$/.test(next.text)) {
    return null;
  }
  return { from: i, to, type: 'place', canonical: 'USA' };
}

/** "China Tech-Player-Index", "Hang-Seng-Index", "Bloomberg Billionaires Index". */
function indexMatch(c: Scanner, i: number): Match | null {
  const w = c.word(i);
  if (!w || !c.isCap(i) || c.shape[i] & STOP || !c.hasIndexWord) return null;
  if (!c.isNameLike(i) && !c.lexicon.index.has(c.lowerAt(i))) return null;
  for (let p = i + 1, n = 0; p < c.tokens.length && n < 8; p++, n++) {
    const t = c.tokens[p];
    if (t.lineBefore) return null;
    if (t.kind === 'word' && (t.text === 'Index' || t.text === 'Composite')) return { from: i, to: p + 1, type: 'other' };
    if (c.hyphenJoin(p)) continue;
    if (t.kind === 'word' && isCapitalized(t.text) && !FUNCTION_WORDS.has(t.text.toLowerCase())) continue;
    if (t.kind === 'num' && c.spaced(p)) continue;
    if (t.text === '&' || (t.kind === 'word' && /^\p{Ll}+$/u.test(t.text) && c.glued(p) && isHyphenText(c.sym(p - 1)))) continue;
    return null;
  }
  return null;
}

/** Given name(s) + surname, hyphenated pinyin given names ("Kai-Fu Lee"), Chinese order ("Liang Wenfeng"). */
function personMatch(c: Scanner, i: number): Match | null {
  const first = c.word(i);
  if (!first || !isCapitalized(first)) return null;
  let p = i + 1;
  let given = isGivenName(first);
  // "Kai-Fu", "Hans-Peter"
  if (c.hyphenJoin(p) && c.word(p + 1)) {
    const second = c.word(p + 1) as string;
    const hyphenated = `${first}-${second}`;
    const bothPinyin = isPinyinName(first) && first.length <= 4 && /^\p{Lu}?\p{Ll}{1,4}$/u.test(second) && isPinyinName(second[0].toUpperCase() + second.slice(1));
    if (GIVEN_NAMES.has(hyphenated) || (GIVEN_NAMES.has(first) && GIVEN_NAMES.has(second)) || bothPinyin) {
      given = true;
      p += 2;
    } else if (given) {
      return null;
    }
  }
  if (given) {
    // Middle names and initials.
    for (let n = 0; n < 2; n++) {
      const w = c.word(p);
      if (w && c.spaced(p) && GIVEN_NAMES.has(w) && c.word(p + 1) && c.spaced(p + 1) && isCapitalized(c.word(p + 1) as string)) p++;
      else if (w && c.spaced(p) && /^\p{Lu}$/u.test(w) && c.sym(p + 1) === '.' && c.glued(p + 1)) p += 2;
      else break;
    }
    while (c.spaced(p) && PARTICLES.has(c.word(p) ?? '') && c.word(p + 1) && isCapitalized(c.word(p + 1) as string)) p++;
    const surname = c.word(p);
    if (!surname || !c.spaced(p) || !isCapitalized(surname) || surname.length < 2) return null;
    if (isStopWord(surname) || TITLES.has(surname) || GENERIC_CAPITALISED.has(surname) || ACRONYM_STOPLIST.has(surname)) return null;
    if (c.language === 'de' && looksLikeGermanNoun(surname) && !/^(\p{Lu}\p{Ll}+)(mann|er|ner|ler|ger|ter|berg|burg|stein|feld)$/u.test(surname)) return null;
    if (isAllCaps(surname) && surname.length > 3) return null;
    p++;
    if (c.hyphenJoin(p) && c.word(p + 1) && isCapitalized(c.word(p + 1) as string)) p += 2;
    const last = c.word(p - 1) as string;
    return { from: i, to: p, type: 'person', learn: [{ text: last, type: 'person', canonical: c.text.slice(c.tokens[i].start, c.tokens[p - 1].end) }] };
  }
  if (CHINESE_SURNAMES.has(first) && c.spaced(p)) {
    const personal = c.word(p);
    if (personal && isPinyinName(personal) && personal.length >= 3 && !CHINESE_SURNAMES.has(personal) && !c.lexicon.index.has(personal.toLowerCase())) {
      const full = `${first} ${personal}`;
      return { from: i, to: p + 1, type: 'person', learn: [{ text: first, type: 'person', canonical: full }] };
    }
  }
  return null;
}

/** "Zhipu AI", "DGA Group", "Nvidia Corp", "DAMO Academy", "Schwarz-Gruppe". */
function corporateMatch(c: Scanner, i: number): Match | null {
  if (!c.isNameLike(i) || namesAnEventsTopic(c, i)) return null;
  let p = i + 1;
  for (let n = 0; n < 3; n++) {
    const suffix = c.word(p);
    if (suffix && CORPORATE_SUFFIXES.has(suffix) && (c.spaced(p) || (isHyphenText(c.sym(p - 1)) && /^(Gruppe|Group|Holding)$/.test(suffix)))) {
      const name = c.text.slice(c.tokens[i].start, c.tokens[p - 1].end);
      if (GENERIC_CAPITALISED.has(name) || /^(Open|Generative|General|Artificial)$/.test(name)) return null;
      let to = p + 1;
      if (c.sym(to) === '.' && c.glued(to) && /^(Inc|Corp|Ltd|Co)$/.test(suffix)) to++;
      const learn: LearnedName[] = p === i + 1 ? [{ text: c.word(i) as string, type: 'org', canonical: c.text.slice(c.tokens[i].start, c.tokens[p].end) }] : [];
      return { from: i, to, type: 'org', learn };
    }
    if (c.hyphenJoin(p) && /^(Gruppe|Group|Holding)$/.test(c.word(p + 1) ?? '')) {
      p++;
      continue;
    }
    if (!c.spaced(p) || !c.isNameLike(p)) return null;
    p++;
  }
  return null;
}

/**
 * English: the name (or the rest of it) after "Conference on", "Workshop on", "Symposium on", "Transactions on",
 * "Advances in", "Journal of" is a field's name in a conference's or journal's title ("Conference
 * on Neural Information Processing Systems", "Transactions on Intelligent Systems"), not a company.
 */
function namesAnEventsTopic(c: Scanner, i: number): boolean {
  if (c.language !== 'en') return false;
  let k = i;
  while (k > 0 && c.spaced(k) && c.isNameLike(k - 1)) k--;
  const [before, preposition] = [c.word(k - 2), c.word(k - 1)];
  return (preposition === 'on' && /^(Conference|Workshop|Symposium|Transactions)$/.test(before ?? '')) || (preposition === 'in' && before === 'Advances') || (preposition === 'of' && before === 'Journal');
}

/** "Universität Berkeley", "University of Tokyo". */
function institutionMatch(c: Scanner, i: number): Match | null {
  const head = c.word(i);
  if (!head || !INSTITUTION_HEADS.has(head)) return null;
  let p = i + 1;
  if (/^(of|von)$/.test(c.word(p) ?? '') && c.spaced(p)) p++;
  const start = p;
  while (p - start < 3 && c.spaced(p) && (c.isNameLike(p) || (c.word(p) !== null && c.lexicon.index.has(c.word(p)!.toLowerCase()) && isCapitalized(c.word(p)!)))) p++;
  return p > start ? { from: i, to: p, type: 'org' } : null;
}

/** Letters glued to digits: "H20", "B200", "MI300X", "V2", "F-35". Quarters and half-years are dates. */
function alnumMatch(c: Scanner, i: number): Match | null {
  const w = c.word(i);
  if (!w || w.length > 5 || !(c.glued(i + 1) && (c.at(i + 1)?.kind === 'num' || c.hyphenJoin(i + 1)))) return null;
  if (!c.isCap(i) || (w.length > 1 && !c.isCaps(i) && w !== w.charAt(0) + w.slice(1).toLowerCase())) return null;
  let p = i + 1;
  if (c.hyphenJoin(p) && c.at(p + 1)?.kind === 'num' && (isAllCaps(w) || w.length === 1)) p++;
  else if (!(c.at(p)?.kind === 'num' && c.glued(p))) return null;
  const digits = c.at(p)?.text ?? '';
  if (/^(Q|H)$/.test(w) && /^[1-4]$/.test(digits)) return null;
  if (/^(KW|FY|CO|PM|COVID|Covid|SARS|NO|No|Nr|Top|TOP|Platz|Windows|Web)$/.test(w)) return null;
  if (ACRONYM_STOPLIST.has(w) && p === i + 2) return null;
  p++;
  while (c.glued(p) && (c.at(p)?.kind === 'num' || /^[A-Za-z]{1,2}$/.test(c.word(p) ?? ''))) p++;
  const to = extendVersion(c, p, false);
  return { from: i, to, type: 'product' };
}

function camelMatch(c: Scanner, i: number): Match | null {
  const w = c.word(i);
  if (!w || !c.isCamel(i) || isGenderForm(w) || ACRONYM_STOPLIST.has(w) || w.length > 40) return null;
  if (isAllCaps(w.replace(/s$/, ''))) return null;
  const to = extendVersion(c, i + 1, false);
  return { from: i, to, type: to > i + 1 ? 'product' : 'org', learn: [{ text: w, type: 'org', canonical: w }] };
}

function acronymMatch(c: Scanner, i: number): Match | null {
  const w = c.word(i);
  if (!w || !c.isCaps(i) || w.length > 6 || ACRONYM_STOPLIST.has(w) || isStopWord(w)) return null;
  if (/^[IVXLC]+$/.test(w)) return null;
  // Shouting: "IS CHINA ON LSD?" — an all-caps neighbour means this is emphasis, not a name.
  const prev = c.word(i - 1);
  const next = c.word(i + 1);
  if ((prev && c.isCaps(i - 1) && c.spaced(i)) || (next && c.isCaps(i + 1) && c.spaced(i + 1))) return null;
  const to = extendVersion(c, i + 1, false);
  return { from: i, to, type: to > i + 1 ? 'product' : 'org' };
}

/** "finanzen.at", "OnlineMarketing.de", "Golem.de": a publication named by its domain. */
function domainMatch(c: Scanner, i: number): Match | null {
  const w = c.word(i);
  if (!w || w.length < 2) return null;
  if (c.sym(i + 1) !== '.' || !c.glued(i + 1) || !c.glued(i + 2)) return null;
  const tld = c.word(i + 2);
  if (!tld || !TLDS.has(tld.toLowerCase()) || (tld !== tld.toLowerCase() && tld !== 'AI')) return null;
  if (c.glued(i) && c.at(i - 1)?.kind !== 'sym') return null;
  if (c.glued(i + 3) && c.at(i + 3)?.kind === 'word') return null;
  return { from: i, to: i + 3, type: 'outlet' };
}

/** The end of a run of name-like words starting at i (at most four), or i when there is none. */
function nameRun(c: Scanner, i: number): number {
  if (!c.isNameLike(i) && !(c.at(i)?.kind === 'word' && /\d/.test(c.text.slice(c.tokens[i].start, c.tokens[i + 1]?.end ?? c.tokens[i].end)))) {
    return i;
  }
  let p = i + 1;
  while (p - i < 4) {
    if (c.hyphenJoin(p) && c.at(p + 1) && (c.isNameLike(p + 1) || c.at(p + 1)?.kind === 'num')) p += 2;
    else if (c.glued(p) && c.at(p)?.kind === 'num') p++;
    else if (c.spaced(p) && c.isNameLike(p)) p++;
    else break;
  }
  return p;
}

const APPOSITION_SUFFIX = new RegExp(
  `(?:${[...APPOSITION_NOUNS.keys()].filter((n) => n.length >= 5).map((n) => n.toLowerCase()).join('|')})$`,
);

/** The entity type a word's left context announces ("laut", "das Startup", "Berichten von"), or null. */
function contextType(c: Scanner, i: number): EntityType | null {
  if (!c.spaced(i)) return null;
  const prev = c.word(i - 1);
  if (!prev) return null;
  if (SOURCE_TRIGGERS.has(prev) || (prev === 'to' && c.word(i - 2) === 'according')) return prev === 'namens' ? 'product' : 'outlet';
  // German genitive: "des Digitalverbands Bitkom", "des Konzernes".
  const noun = c.language === 'de' && prev.length > 4 && prev.endsWith('s') && !APPOSITION_NOUNS.has(prev)
    ? (APPOSITION_NOUNS.has(prev.slice(0, -1)) || !prev.endsWith('es') ? prev.slice(0, -1) : prev.slice(0, -2))
    : prev;
  const apposition = APPOSITION_NOUNS.get(noun);
  if (apposition) return apposition;
  if (c.isCap(i - 1) && noun.length > 6 && APPOSITION_SUFFIX.test(noun)) {
    // Compounds: "Chipkonzern", "Finanzmagazin"; the head decides the type.
    for (const [head, type] of APPOSITION_NOUNS) if (head.length >= 5 && noun.endsWith(head.toLowerCase())) return type;
  }
  if (prev === 'von' || prev === 'vom' || prev === 'der' || prev === 'des' || prev === 'by') {
    const prev2 = c.word(i - 2);
    if (prev2 && REPORT_NOUNS.has(prev2)) return 'outlet';
    if (prev2 && CREATION_VERBS.has(prev2)) return 'org';
  }
  if (c.language === 'de' && REPORTING_VERBS.has(prev)) return 'outlet';
  return null;
}

/** "laut X", "X zufolge", "wie X berichtet", "das Startup X", "namens X", "Berichten von X", "developed by X". */
/** True when "zufolge" is among tokens [from, to) (without copying them: this runs for every capitalised word). */
function zufolgeWithin(c: Scanner, from: number, to: number): boolean {
  if (!c.hasZufolge) return false;
  for (let k = from; k < to && k < c.tokens.length; k++) if (c.tokens[k].text === 'zufolge') return true;
  return false;
}

function contextMatch(c: Scanner, i: number): Match | null {
  const t = c.at(i);
  if (!t || t.kind !== 'word' || c.isLower(i)) return null;
  let type = contextType(c, i);
  if (!type && c.word(i - 1) !== 'wie' && !(c.language === 'de' && zufolgeWithin(c, i + 1, i + 6))) return null;
  let end = nameRun(c, i);
  if (end === i) return null;
  // "Bundeswirtschaftsministerin Katherina Reiche": after a role, a surname may look like a German word.
  if (type === 'person' && end === i + 1 && c.spaced(end) && c.isCap(end) && !(c.shape[end] & STOP) && !c.hyphenJoin(end + 1)) {
    const surname = c.word(end) as string;
    if (!looksLikeGermanNoun(surname) && !GENERIC_CAPITALISED.has(surname) && !c.lexicon.index.has(c.lowerAt(end))) end++;
  }
  if (!type) {
    const after = c.word(end);
    if (after === 'zufolge' || (c.word(i - 1) === 'wie' && after && REPORTING_VERBS.has(after))) type = 'outlet';
  }
  if (!type) return null;
  const run = c.text.slice(t.start, c.tokens[end - 1].end);
  if (type === 'person' && end - i === 1 && c.language === 'de' && !/^\p{Lu}\p{Ll}+$/u.test(run)) return null;
  const learn: LearnedName[] = end - i === 1 ? [{ text: run, type, canonical: run }] : [];
  if (type === 'person' && end - i > 1) learn.push({ text: c.word(end - 1) as string, type, canonical: run });
  return { from: i, to: end, type, learn };
}

/** Quoted English-looking names in German text: „LLM Leaderboard“, „Hundred Model War“. */
function quotedMatch(c: Scanner, i: number): Match | null {
  const q = c.sym(i);
  if (!q || !QUOTES_OPEN.has(q) || c.language !== 'de') return null;
  const closers = QUOTES_CLOSE[q] ?? q;
  let p = i + 1;
  let words = 0;
  let foreign = 0;
  while (p < c.tokens.length && p - i <= 8) {
    const t = c.tokens[p];
    if (t.lineBefore) return null;
    if (t.kind === 'sym' && closers.includes(t.text)) break;
    if (t.kind === 'word') {
      if (FUNCTION_WORDS.has(t.text.toLowerCase()) || !(isCapitalized(t.text) || isAllCaps(t.text)) || isAllCaps(t.text) && t.text.length > 3 && words > 0 && isAllCaps(c.word(p - 1) ?? '')) return null;
      words++;
      if (!/[äöüß]/.test(t.text) && (isAllCaps(t.text) || !looksLikeGermanWord(t.text))) foreign++;
    } else if (!(t.kind === 'num' || isHyphenText(t.text))) {
      return null;
    }
    p++;
  }
  if (p >= c.tokens.length || p - i > 8 || words < 2 || foreign < words) return null;
  const all = c.tokens.slice(i + 1, p).filter((t) => t.kind === 'word');
  if (all.every((t) => isAllCaps(t.text))) return null;
  return { from: i + 1, to: p, type: 'other' };
}

/** The platform X: "auf X", "on X", "X (formerly Twitter)". */
function xMatch(c: Scanner, i: number): Match | null {
  if (c.word(i) !== 'X' || c.glued(i + 1) && c.at(i + 1)?.kind !== 'sym') return null;
  if (c.hyphenJoin(i + 1) || (c.glued(i) && c.at(i - 1)?.kind !== 'sym')) return null;
  const prev = c.word(i - 1);
  // "X (formerly Twitter)", "X, ehemals Twitter"
  const formerly = (c.sym(i + 1) === '(' || c.sym(i + 1) === ',') && /^(formerly|ehemals|früher|vormals|einst)$/.test(c.word(i + 2) ?? '');
  // "Musk's X", "Musks X"
  const owned = (prev === 's' && /^['’]$/.test(c.sym(i - 2) ?? '') && c.word(i - 3) === 'Musk') || prev === 'Musks';
  if (!formerly && !owned && !(prev && X_CONTEXT.has(prev))) return null;
  return { from: i, to: i + 1, type: 'product', canonical: 'X' };
}

/** The rules with the reason their findings give (function names do not survive minification). */
const REASONS = new Map<Rule, string>([
  [lexiconMatch, LEXICON_REASON], [usMatch, 'rule: "US" as a noun'], [indexMatch, 'rule: name of an index'],
  [personMatch, 'rule: given name and surname'], [corporateMatch, 'rule: corporate suffix'], [institutionMatch, 'rule: institution'],
  [alnumMatch, 'rule: letters and digits'], [camelMatch, 'rule: CamelCase'], [acronymMatch, 'rule: acronym'],
  [domainMatch, 'rule: web domain'], [contextMatch, 'rule: context ("laut", "namens", "the startup")'], [xMatch, 'rule: the platform X'],
  [quotedMatch, 'rule: quoted English name'],
]);
const RULES: Rule[] = [lexiconMatch, usMatch, indexMatch, personMatch, corporateMatch, institutionMatch, alnumMatch, camelMatch, acronymMatch, domainMatch, contextMatch, xMatch];
const LOWER_CASE_RULES: Rule[] = [lexiconMatch, domainMatch];
/** Every other rule starts with a word: a number can only start a lexicon name ("1&1", "3M"). */
const NUMBER_RULES: Rule[] = [lexiconMatch];
const SYMBOL_RULES: Rule[] = [quotedMatch];

/** True when a sentence is written in Title Case, where capitals carry no information. */
function titleCaseSentences(c: Scanner): number[] {
  const flags = zeros(c.tokens.length);
  let start = 0;
  for (let i = 0; i <= c.tokens.length; i++) {
    if (i === c.tokens.length || (i > start && c.initial[i])) {
      let capitalised = 0;
      let content = 0;
      for (let k = start; k < i; k++) {
        const w = c.word(k);
        if (!w || w.length <= 3 || isFunctionWord(w)) continue;
        content++;
        if (isCapitalized(w)) capitalised++;
      }
      if (content >= 3 && capitalised / content >= 0.7) flags.fill(1, start, i);
      start = i;
    }
  }
  return flags;
}

/** English: runs of capitalised words inside a sentence are names ("Morgan Stanley", "Paul Triolo"). */
function capitalisedRuns(c: Scanner, covered: number[], out: Match[]): void {
  const titleCase = titleCaseSentences(c);
  for (let i = 0; i < c.tokens.length; i++) {
    if (covered[i] || titleCase[i] || !c.isNameLike(i) || (c.word(i) as string).length < 2 || partOfFigure(c, i)) continue;
    // "10B", "5G": letters glued to a figure belong to it.
    if (c.glued(i) && c.at(i - 1)?.kind === 'num') continue;
    let p = i + 1;
    while (p < c.tokens.length && !covered[p]) {
      if (c.spaced(p) && c.isNameLike(p) && !TITLES.has(c.word(p) as string)) p++;
      else if (c.hyphenJoin(p) && !covered[p + 1] && c.word(p + 1) && (isCapitalized(c.word(p + 1) as string) || (c.hyphenJoin(p + 2) && isCapitalized(c.word(p + 3) ?? '')))) p += 2;
      else if (c.spaced(p) && RUN_CONNECTORS.has(c.at(p)?.text ?? '') && c.spaced(p + 1) && !covered[p + 1] && c.isNameLike(p + 1) && (c.at(p)?.text !== 'and' || false)) p += 2;
      else break;
    }
    const words = p - i;
    const first = c.word(i) as string;
    if (c.initial[i] || c.afterOpening(i)) {
      // Sentence-initial capitals prove nothing on their own.
      if (words < 2 || !(GIVEN_NAMES.has(first) || c.isNameLike(i + 1))) {
        continue;
      }
    }
    const run = c.text.slice(c.tokens[i].start, c.tokens[p - 1].end);
    // "Series B" is a funding round, not a name.
    if (GENERIC_CAPITALISED.has(run) || run.split(' ').every((w) => GENERIC_CAPITALISED.has(w)) || /^Series [A-H]\d?$/.test(run)) {
      i = p - 1;
      continue;
    }
    const last = c.word(p - 1) ?? '';
    let type: EntityType = 'org';
    if (GIVEN_NAMES.has(first) && words >= 2) type = 'person';
    else if (CORPORATE_SUFFIXES.has(last)) type = 'org';
    const learn: LearnedName[] = [];
    if (type === 'person') learn.push({ text: last, type, canonical: run });
    else if (words === 1) learn.push({ text: first, type, canonical: first });
    out.push({ from: i, to: p, type, learn, reason: CAPITALISED_RUN_REASON });
    i = p - 1;
  }
}

/**
 * Finds the entities in a token stream.
 * @param text the string the tokens index.
 * @param sentenceStarts offsets where sentences begin (sentence-initial capitals are weak evidence).
 * @param verdicts German-word verdicts shared with other blocks of the article (new ones by default).
 * @param words the analyser's word ids that `tokens` carry: each word's shape is then worked out once.
 */
export function findEntities(
  tokens: Token[], text: string, language: Language, lexicon: Lexicon, sentenceStarts: number[], verdicts = new GermanWordVerdicts(), words: WordIds | null = null,
): EntityScan {
  const c = new Scanner(tokens, text, language, lexicon, sentenceStarts, verdicts, words);
  const matches: Match[] = [];
  const covered = zeros(tokens.length);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t.kind === 'sym' && !QUOTES_OPEN.has(t.text)) {
      i++;
      continue;
    }
    if (partOfFigure(c, i)) {
      i++;
      continue;
    }
    let best: Match | null = null;
    // Lower-case words can only start a lexicon name ("t3n", "iPhone" is CamelCase) or a domain.
    const rules = c.isLower(i) ? LOWER_CASE_RULES : t.kind === 'sym' ? SYMBOL_RULES : t.kind === 'num' ? NUMBER_RULES : RULES;
    for (const rule of rules) {
      const m = rule(c, i);
      if (m && m.to > m.from && (!best || m.to > best.to)) {
        best = m;
        best.reason = REASONS.get(rule);
      }
    }
    if (best && currencyCompound(c, best.to)) {
      i = best.to + 2;
      continue;
    }
    if (best) {
      matches.push(best);
      covered.fill(1, best.from, best.to);
      i = best.to;
    } else {
      i++;
    }
  }
  if (language === 'en') {
    const runs: Match[] = [];
    capitalisedRuns(c, covered, runs);
    for (const m of runs) covered.fill(1, m.from, m.to);
    matches.push(...runs);
    matches.sort((a, b) => a.from - b.from);
  }
  const findings: EntityFinding[] = [];
  const learned: LearnedName[] = [];
  for (const m of matches) {
    const start = tokens[m.from].start;
    const end = tokens[m.to - 1].end;
    const surface = text.slice(start, end);
    const canonical = m.canonical ?? (language === 'de' && m.type !== 'person' && /\p{Ll}s$/u.test(surface) && m.to - m.from === 1 ? surface : surface);
    findings.push({ kind: 'entity', type: m.type, start, end, text: surface, canonical, reasons: [m.reason ?? 'rule'] });
    if (m.learn) learned.push(...m.learn.filter((l) => l.text.length >= 2 && isCapitalized(l.text)));
  }
  const candidates: NameCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i];
    if (t.kind !== 'word' || !c.isCap(i) || t.text.length < 2 || t.text.length > 40 || c.shape[i] & STOP) continue;
    // Surnames may look like German words ("Reiche", "Lange"): only clear common nouns are left out.
    if (language === 'de' && c.germanLooking(i) && c.germanNoun(i) && !/^\p{Lu}\p{Ll}{1,3}s?$/u.test(t.text)) continue;
    candidates.push({ start: t.start, end: t.end, text: t.text });
  }
  return { findings, learned, candidates };
}
