/**
 * Runs the entity tagger over a block's tokens and turns its tags into spans, each with its
 * confidence and the feature that argued most for it, in words.
 */
import type { EntityFinding, EntityType } from '../types';
import type { Token } from '../tokens';
import type { WordContext } from './features';
import type { TaggerModel } from './model';
import { tagWords, type TagWord } from './words';
import { GIVEN_NAMES, looksLikeGermanNoun } from '../entityGuards';
import type { NameLists } from './nameLists';

export interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType;
  /** Mean probability of the span's tags. */
  confidence: number;
  /** What argued most for it, e.g. `after "sagte"`. */
  reason: string;
}

/** The findings sorted by start: themselves when they are already (the entity rules give them so), else a sorted copy. */
function byStart<F extends { start: number }>(findings: readonly F[]): readonly F[] {
  for (let k = 1; k < findings.length; k++) {
    if (findings[k].start < findings[k - 1].start) return [...findings].sort((a, b) => a.start - b.start);
  }
  return findings;
}

/** The gazetteer value of each word: the type and rule of a finding that covers it, "B-org lexicon". */
export function gazetteerOf(words: readonly TagWord[], findings: readonly Pick<EntityFinding, 'start' | 'end' | 'type' | 'reasons'>[]): string[] {
  const out = new Array<string>(words.length).fill('');
  let f = 0;
  const sorted = byStart(findings);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    while (f < sorted.length && sorted[f].end <= w.start) f++;
    const finding = sorted[f];
    if (!finding || finding.start >= w.end) continue;
    const rule = finding.reasons?.[0] === 'lexicon' ? 'lexicon' : 'rule';
    out[i] = `${finding.start >= w.start ? 'B' : 'I'}-${finding.type} ${rule}`;
  }
  return out;
}

/**
 * The tagger's view of a word's context in `language`; German noun-ness is cached per call (nouns recur).
 * @param nameLists the lists of the model that will read this context (see TaggerModel.nameLists).
 */
export function wordContext(gazetteer: readonly string[], language: string, nameLists: NameLists | null = null): WordContext {
  const nouns = new Map<string, boolean>();
  return {
    gazetteer,
    nameListsOf: nameLists ? (w) => nameLists.valuesOf(w) : undefined,
    isGivenName: (w) => GIVEN_NAMES.has(w),
    isGermanNoun: language === 'de'
      ? (w) => {
        let known = nouns.get(w);
        if (known === undefined) {
          known = looksLikeGermanNoun(w);
          nouns.set(w, known);
        }
        return known;
      }
      : () => false,
  };
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** A code point of \p{L} or \p{N}; ASCII without the regular expression. */
function isLetterOrNumber(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(code));
}

/** The code point at i within [i, end): a surrogate pair whole, a lone surrogate alone. */
function codePointWithin(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return c;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : c;
}

/** The code point that ends at `end` within [from, end): a surrogate pair whole, a lone surrogate alone. */
function codePointBefore(text: string, from: number, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c < 0xdc00 || c > 0xdfff || end - 2 < from) return c;
  const high = text.charCodeAt(end - 2);
  return high >= 0xd800 && high <= 0xdbff ? (high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000 : c;
}

/**
 * The span's offsets without quotes, brackets or dots at its edges ("„Ecce homo“" → "Ecce homo"):
 * the leading characters outside [\p{L}\p{N}], then the trailing ones outside [\p{L}\p{N}+#)], by code
 * point, read from the two ends (the regular expressions that did it before, one anchored at the
 * end, were tried at every position of the span).
 */
export function trimEdges(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from < end) {
    const code = codePointWithin(text, from, end);
    if (isLetterOrNumber(code)) break;
    from += code > 0xffff ? 2 : 1;
  }
  let to = end;
  while (to > from) {
    const code = codePointBefore(text, from, to);
    if (code === 43 /* + */ || code === 35 /* # */ || code === 41 /* ) */ || isLetterOrNumber(code)) break;
    to -= code > 0xffff ? 2 : 1;
  }
  return [from, to];
}

/**
 * Tags one block.
 * @param ruleFindings the rule and lexicon findings of the block (gazetteer features).
 */
export function tagEntities(
  model: TaggerModel,
  tokens: readonly Token[],
  text: string,
  sentenceStarts: readonly number[],
  ruleFindings: readonly Pick<EntityFinding, 'start' | 'end' | 'type' | 'reasons'>[],
): TaggedSpan[] {
  const words = tagWords(tokens, text, sentenceStarts);
  if (!words.length) return [];
  const gazetteer = gazetteerOf(words, ruleFindings);
  const context = wordContext(gazetteer, model.header.language, model.nameLists);
  const parts = model.parts();
  parts.beginBlock();
  const memo = parts.wordsOf(words, context);
  const scores = parts.scores(words, memo, gazetteer);
  const { tags, confidence } = model.decode(scores, memo.shapes, words);
  const spans: TaggedSpan[] = [];
  for (let i = 0; i < words.length; ) {
    if (tags[i] === 0) {
      i++;
      continue;
    }
    const type = model.tagType[tags[i]];
    let j = i + 1;
    while (j < words.length && !model.tagBegins[tags[j]] && tags[j] !== 0 && model.tagType[tags[j]] === type) j++;
    const [start, end] = trimEdges(text, words[i].start, words[j - 1].end);
    if (end > start) {
      let sum = 0;
      for (let k = i; k < j; k++) sum += confidence[k];
      spans.push({ start, end, type: type as EntityType, confidence: sum / (j - i), reason: parts.strongest(words, memo, gazetteer, context, i, tags[i]).description || 'its context' });
    }
    i = j;
  }
  return spans;
}
