/**
 * Feature extraction for the entity tagger. A feature is a template (what is looked at) and a value
 * (what was seen there); both are hashed to one 32-bit number, without building the string, so that
 * tagging stays fast. `describeFeature` turns a template and value back into words for the hover.
 */
import type { TagWord } from './words';
import { describeListValue } from './nameLists';

/** Feature templates. The numbers are part of the model file: append, never renumber. */
export enum T {
  Bias = 0, Word, Lower, Prefix2, Prefix3, Suffix2, Suffix3, Suffix4, Shape, ShortShape, Initial,
  Prev, Prev2, Next, Next2, PrevShape, NextShape, PrevShapeHere, HereNextShape, PrevAndWord,
  Gazetteer, PrevGazetteer, NextGazetteer, GivenName, GermanNoun, Length, CompoundHead, CompoundHeadNoun,
  AllCapsLength, PrevTag, PrevTwoTags, PrevTagShape,
  /** In a name list (nameLists.ts): the list value, and whether the word is also a German common noun. */
  NameList,
}

/** What the tagger knows about the words of a sentence besides their text. */
export interface WordContext {
  /** Per word: the type and rule of a rule or lexicon finding covering it, "B-org lexicon"; empty when none. */
  gazetteer: readonly string[];
  isGivenName(word: string): boolean;
  /** German: true when a capitalised word is a common noun (German capitalises every noun). */
  isGermanNoun(word: string): boolean;
  /** The name lists a capitalised word is in ("place-home3", "surname"); absent for a model without lists. */
  nameListsOf?(word: string): readonly string[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the template number and the value's UTF-16 units; a second value `b` (a pair of
 * words, a word and a shape) is hashed after a separator, so that no string is built for it.
 */
export function featureHash(template: number, a: string, b?: string): number {
  let h = Math.imul(FNV_OFFSET ^ (template + 1), FNV_PRIME);
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), FNV_PRIME);
  if (b !== undefined) {
    h = Math.imul(h ^ 0xffff, FNV_PRIME);
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The shape class of word[i]: "d" digit, "X" upper case, "x" lower case, else the character itself.
 * ASCII letters and digits by their code, without the two case-mapped strings that other
 * characters need (a tagged megabyte has millions of characters).
 */
function shapeClass(word: string, i: number): string {
  const code = word.charCodeAt(i);
  if (code >= 48 && code <= 57) return 'd';
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  const c = word.charAt(i);
  return c !== c.toLowerCase() ? 'X' : c !== c.toUpperCase() ? 'x' : c;
}

/** "Xxxx" → "Xx", "GPT-4o" → "X-dx", "iPhone" → "xXx": each run of one class is one character. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const k = shapeClass(word, i);
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** The shape with runs kept up to four: "Xxxx", "XXXX", "dddd". */
export function longShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length && out.length < 12; i++) {
    const k = shapeClass(word, i);
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 4) out += k;
  }
  return out;
}

function isCapitalisedWord(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase();
}

const NONE = '<none>';
const LENGTHS = Array.from({ length: 13 }, (_, k) => String(k));
const CAPS_LENGTHS = Array.from({ length: 7 }, (_, k) => String(k));

/** A sentence's words with what every feature of them needs, computed once per word. */
export interface WordsView {
  words: readonly TagWord[];
  lower: readonly string[];
  shapes: readonly string[];
  longShapes: readonly string[];
  capitalised: readonly boolean[];
}

export function viewOf(words: readonly TagWord[]): WordsView {
  return {
    words,
    lower: words.map((w) => w.text.toLowerCase()),
    shapes: words.map((w) => shortShape(w.text)),
    longShapes: words.map((w) => longShape(w.text)),
    capitalised: words.map((w) => isCapitalisedWord(w.text)),
  };
}

/** A feature that argued for a tag: its weight and what it is, in words ('' for none yet). */
export interface StrongestFeature {
  weight: number;
  description: string;
}

/** Receives one feature: its template and its value (one string, or two). */
export type Emit = (template: T, a: string, b?: string) => void;

/** Calls `emit` for every feature of word i. One function for training, tagging and explaining. */
export function emitFeatures(view: WordsView, i: number, context: WordContext, emit: Emit): void {
  emitWordFeatures(view, i, context, emit);
  emitContextFeatures(view, i, context, emit);
}

/**
 * The features that depend on the word alone (its text, shape, given name, noun-ness): the same for
 * every occurrence of the word, so the tagger sums their weights once per distinct word.
 */
export function emitWordFeatures(view: WordsView, i: number, context: WordContext, emit: Emit): void {
  const w = view.words[i].text;
  const l = view.lower[i];
  emit(T.Bias, '');
  emit(T.Word, w);
  emit(T.Lower, l);
  if (l.length > 3) {
    emit(T.Prefix2, l.slice(0, 2));
    emit(T.Prefix3, l.slice(0, 3));
    emit(T.Suffix2, l.slice(-2));
    emit(T.Suffix3, l.slice(-3));
  }
  if (l.length > 5) emit(T.Suffix4, l.slice(-4));
  emit(T.Shape, view.longShapes[i]);
  emit(T.ShortShape, view.shapes[i]);
  if (view.capitalised[i]) {
    if (context.isGivenName(w)) emit(T.GivenName, '');
    if (context.isGermanNoun(w)) emit(T.GermanNoun, '');
    if (w.length >= 2 && w === w.toUpperCase()) emit(T.AllCapsLength, CAPS_LENGTHS[Math.min(w.length, 6)]);
    emitNameListFeatures(w, context, emit);
  }
  emit(T.Length, LENGTHS[Math.min(w.length, 12)]);
  const hyphen = w.lastIndexOf('-');
  if (hyphen > 0 && hyphen < w.length - 1) {
    const head = w.slice(hyphen + 1);
    emit(T.CompoundHead, head.toLowerCase());
    if (isCapitalisedWord(head) && context.isGermanNoun(head)) emit(T.CompoundHeadNoun, '');
  }
}

/**
 * One feature per name list the word is in, paired with its noun-ness: "Essen" the city and "Essen"
 * the meal are one word, and the weight of a list entry that is also a common noun is learnt apart.
 */
function emitNameListFeatures(word: string, context: WordContext, emit: Emit): void {
  const values = context.nameListsOf?.(word);
  if (!values?.length) return;
  const noun = context.isGermanNoun(word) ? 'noun' : 'name';
  for (const value of values) emit(T.NameList, value, noun);
}

/** The features that depend on the word's place: sentence start, neighbours, the gazetteer. */
export function emitContextFeatures(view: WordsView, i: number, context: WordContext, emit: Emit): void {
  const { words, lower, shapes } = view;
  const shape = shapes[i];
  const first = words[i].initial;
  const hasPrev = i > 0 && !first;
  const hasNext = i + 1 < words.length && !words[i + 1].initial;
  const prev = hasPrev ? lower[i - 1] : '<s>';
  const next = hasNext ? lower[i + 1] : '</s>';
  emit(T.Initial, first ? 'first' : 'inner', shape);
  emit(T.Prev, prev);
  emit(T.Next, next);
  emit(T.Prev2, hasPrev && i > 1 && !words[i - 1].initial ? lower[i - 2] : '<s>');
  emit(T.Next2, hasNext && i + 2 < words.length && !words[i + 2].initial ? lower[i + 2] : '</s>');
  const prevShape = hasPrev ? shapes[i - 1] : '<s>';
  const nextShape = hasNext ? shapes[i + 1] : '</s>';
  emit(T.PrevShape, prevShape);
  emit(T.NextShape, nextShape);
  emit(T.PrevShapeHere, prevShape, shape);
  emit(T.HereNextShape, shape, nextShape);
  emit(T.PrevAndWord, prev, shape);
  emit(T.Gazetteer, context.gazetteer[i] || NONE);
  emit(T.PrevGazetteer, i > 0 ? context.gazetteer[i - 1] || NONE : '<s>');
  emit(T.NextGazetteer, i + 1 < words.length ? context.gazetteer[i + 1] || NONE : '</s>');
}

/** Describes a feature in words a journalist understands, for the hover ("after 'sagte'"). */
export function describeFeature(template: T, value: string): string {
  // Pairs describe themselves by their first part ("after 'sagte'", "at the start of a sentence").
  switch (template) {
    case T.Word:
    case T.Lower:
      return `the name "${value}"`;
    case T.Prefix2:
    case T.Prefix3:
      return `begins with "${value}"`;
    case T.Suffix2:
    case T.Suffix3:
    case T.Suffix4:
      return `ends in "-${value}"`;
    case T.Shape:
    case T.ShortShape:
    case T.AllCapsLength:
      return 'written like a name';
    case T.Initial:
      return value === 'first' ? 'at the start of a sentence' : 'capitalised inside a sentence';
    case T.Prev:
    case T.PrevAndWord:
      return `after "${value}"`;
    case T.Prev2:
      return `two words after "${value}"`;
    case T.Next:
      return `before "${value}"`;
    case T.Next2:
      return `two words before "${value}"`;
    case T.PrevShape:
    case T.PrevShapeHere:
      return 'what precedes it';
    case T.NextShape:
    case T.HereNextShape:
      return 'what follows it';
    case T.Gazetteer:
      return `the rules (${value})`;
    case T.PrevGazetteer:
    case T.NextGazetteer:
      return 'a known name next to it';
    case T.GivenName:
      return 'a known given name';
    case T.CompoundHead:
      return `a compound ending in "${value}"`;
    case T.NameList:
      return describeListValue(value);
    default:
      return 'its context';
  }
}
