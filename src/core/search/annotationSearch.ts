/**
 * Finding annotations again: a search over their quotes, notes, comments, tags and people (author,
 * assignee, the comments' authors) across the workspace. Pure: the editor builds the index once when
 * the search opens and asks it on every change of the query; matching is by words, each of which
 * must occur somewhere in the annotation, without regard to case or accents ("borse" finds "Börse",
 * "strasse" finds "Straße").
 */
import type { Annotation } from '../store/annotation';

/** Where in an annotation a word was found. */
export type SearchField = 'quote' | 'note' | 'comment' | 'tag' | 'person';

/** One searchable text of an annotation. */
interface IndexedText {
  field: SearchField;
  text: string;
  folded: string;
  /** The comment's author, for a comment. */
  by?: string;
}

interface IndexEntry<T> {
  item: T;
  annotation: Annotation;
  texts: IndexedText[];
  /** Every folded text, joined by a character no word contains (a word never spans two texts). */
  all: string;
}

export interface SearchIndex<T> {
  readonly entries: readonly IndexEntry<T>[];
}

/** Where a hit matched, to show beside the quote: a note, comment or tag, cut around the first word found. */
export interface SearchSnippet {
  field: SearchField;
  /** One line, at most about {@link SNIPPET_LENGTH} characters, with "…" where it was cut. */
  text: string;
  by?: string;
}

export interface SearchHit<T> {
  item: T;
  annotation: Annotation;
  score: number;
  /** The best match outside the quote (the quote is shown anyway); undefined when only the quote matched. */
  snippet?: SearchSnippet;
}

const SNIPPET_LENGTH = 120;
const SEPARATOR = '\u0000';

/** Weight of a word found in each kind of text: the quote and the tags say most about an annotation. */
const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { quote: 3, tag: 3, person: 2, note: 1, comment: 1 };

/** Text folded for matching: lower case, accents and other marks removed, ß as ss, compatibility forms unified. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The query's words, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter((w) => w !== '');
}

function indexedText(field: SearchField, text: string, by?: string): IndexedText {
  return by === undefined ? { field, text, folded: foldForSearch(text) } : { field, text, folded: foldForSearch(text), by };
}

/** The searchable texts of one annotation: deleted comments are left out (a tombstone has no text). */
function textsOf(annotation: Annotation): IndexedText[] {
  const texts = [indexedText('quote', annotation.quote.exact)];
  if (annotation.note) texts.push(indexedText('note', annotation.note));
  for (const tag of annotation.tags ?? []) texts.push(indexedText('tag', tag));
  const people = new Set([annotation.author, ...(annotation.assignee ? [annotation.assignee] : [])]);
  for (const comment of annotation.comments ?? []) {
    if (comment.deleted) continue;
    texts.push(indexedText('comment', comment.body, comment.author));
    people.add(comment.author);
  }
  for (const person of people) if (person) texts.push(indexedText('person', person));
  return texts;
}

/**
 * Indexes the annotations once (folding every text), for many searches.
 * @param items What the caller wants back with each hit (the annotation with its folder and place).
 * @param annotationOf The annotation of an item.
 */
export function buildSearchIndex<T>(items: readonly T[], annotationOf: (item: T) => Annotation): SearchIndex<T> {
  return {
    entries: items.map((item) => {
      const annotation = annotationOf(item);
      const texts = textsOf(annotation);
      return { item, annotation, texts, all: texts.map((t) => t.folded).join(SEPARATOR) };
    }),
  };
}

/**
 * The annotations in which every word of the query occurs, the best first: words in the quote or a
 * tag count most, then people, then notes and comments; equal scores go by the latest change. A blank
 * query lists every annotation, the latest change first.
 * @param limit At most this many hits.
 */
export function searchAnnotations<T>(index: SearchIndex<T>, query: string, limit = Infinity): SearchHit<T>[] {
  const words = queryWords(query);
  const hits: SearchHit<T>[] = [];
  for (const entry of index.entries) {
    if (!words.every((word) => entry.all.includes(word))) continue;
    hits.push(words.length === 0 ? { item: entry.item, annotation: entry.annotation, score: 0 } : scoredHit(entry, words));
  }
  hits.sort((a, b) => b.score - a.score || compareDesc(a.annotation.modified, b.annotation.modified));
  return hits.length > limit ? hits.slice(0, limit) : hits;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function scoredHit<T>(entry: IndexEntry<T>, words: readonly string[]): SearchHit<T> {
  let score = 0;
  let best: { text: IndexedText; word: string; weight: number } | undefined;
  for (const word of words) {
    for (const text of entry.texts) {
      if (!text.folded.includes(word)) continue;
      // A whole tag or name typed out counts more than a part of one.
      const whole = (text.field === 'tag' || text.field === 'person') && text.folded === word;
      const weight = FIELD_WEIGHT[text.field] + (whole ? 1 : 0);
      score += weight;
      if (text.field !== 'quote' && (best === undefined || weight > best.weight)) best = { text, word, weight };
    }
  }
  const hit: SearchHit<T> = { item: entry.item, annotation: entry.annotation, score };
  if (best) hit.snippet = snippetOf(best.text, best.word);
  return hit;
}

/** The text around the first place the word occurs, on one line, with "…" where it was cut. */
function snippetOf(text: IndexedText, word: string): SearchSnippet {
  const line = text.text.replace(/\s+/g, ' ').trim();
  const at = originalOffset(line, foldForSearch(line).indexOf(word));
  const start = at <= SNIPPET_LENGTH / 3 ? 0 : codePointBoundary(line, at - Math.floor(SNIPPET_LENGTH / 3));
  const end = codePointBoundary(line, Math.min(line.length, start + SNIPPET_LENGTH));
  const cut = `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  return text.by === undefined ? { field: text.field, text: cut } : { field: text.field, text: cut, by: text.by };
}

/** The offset in `text` whose folded prefix has `foldedOffset` characters (folding may change lengths). */
function originalOffset(text: string, foldedOffset: number): number {
  if (foldedOffset <= 0) return 0;
  let folded = 0;
  let offset = 0;
  for (const char of text) {
    if (folded >= foldedOffset) break;
    folded += foldForSearch(char).length;
    offset += char.length;
  }
  return offset;
}

/** An offset moved back off the second half of a surrogate pair. */
function codePointBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}
