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
  // Plain ASCII (most names, many tags and English notes) needs no Unicode normalisation.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** Any code unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

/** The query's words, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter((w) => w !== '');
}

/** Folds names and tags once each: they come back on thousands of annotations. */
function makeLabelFolder(): (label: string) => string {
  const folded = new Map<string, string>();
  return (label) => {
    let result = folded.get(label);
    if (result === undefined) folded.set(label, (result = foldForSearch(label)));
    return result;
  };
}

/** The searchable texts of one annotation: deleted comments are left out (a tombstone has no text). */
function textsOf(annotation: Annotation, foldLabel: (label: string) => string): IndexedText[] {
  const texts: IndexedText[] = [{ field: 'quote', text: annotation.quote.exact, folded: foldForSearch(annotation.quote.exact) }];
  if (annotation.note) texts.push({ field: 'note', text: annotation.note, folded: foldForSearch(annotation.note) });
  for (const tag of annotation.tags ?? []) texts.push({ field: 'tag', text: tag, folded: foldLabel(tag) });
  const people = new Set([annotation.author, ...(annotation.assignee ? [annotation.assignee] : [])]);
  for (const comment of annotation.comments ?? []) {
    if (comment.deleted) continue;
    texts.push({ field: 'comment', text: comment.body, folded: foldForSearch(comment.body), by: comment.author });
    people.add(comment.author);
  }
  for (const person of people) if (person) texts.push({ field: 'person', text: person, folded: foldLabel(person) });
  return texts;
}

/** One annotation's entry, its texts folded for matching. */
function indexEntry<T>(item: T, annotation: Annotation, foldLabel: (label: string) => string): IndexEntry<T> {
  const texts = textsOf(annotation, foldLabel);
  return { item, annotation, texts, all: texts.map((t) => t.folded).join(SEPARATOR) };
}

/**
 * Indexes the annotations once (folding every text), for many searches.
 * @param items What the caller wants back with each hit (the annotation with its folder and place).
 * @param annotationOf The annotation of an item.
 */
export function buildSearchIndex<T>(items: readonly T[], annotationOf: (item: T) => Annotation): SearchIndex<T> {
  const foldLabel = makeLabelFolder();
  return { entries: items.map((item) => indexEntry(item, annotationOf(item), foldLabel)) };
}

/**
 * {@link buildSearchIndex} in slices, awaiting `pause` between them, so that the editor stays
 * responsive while a large workspace is indexed.
 */
export async function buildSearchIndexInSlices<T>(items: readonly T[], annotationOf: (item: T) => Annotation, pause: () => Promise<void>, sliceSize = 1000): Promise<SearchIndex<T>> {
  const foldLabel = makeLabelFolder();
  const entries: IndexEntry<T>[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0 && i % sliceSize === 0) await pause();
    entries.push(indexEntry(items[i], annotationOf(items[i]), foldLabel));
  }
  return { entries };
}

/**
 * The annotations in which every word of the query occurs, the best first: words in the quote or a
 * tag count most, then people, then notes and comments; equal scores go by the latest change. A blank
 * query lists every annotation, the latest change first.
 * @param limit At most this many hits.
 */
export function searchAnnotations<T>(index: SearchIndex<T>, query: string, limit = Infinity): SearchHit<T>[] {
  const words = queryWords(query);
  const scored: ScoredEntry<T>[] = [];
  for (const entry of index.entries) {
    if (words.every((word) => entry.all.includes(word))) scored.push(score(entry, words));
  }
  scored.sort((a, b) => b.score - a.score || compareDesc(a.entry.annotation.modified, b.entry.annotation.modified));
  // Snippets only for the hits that are shown: cutting one costs more than matching.
  return scored.slice(0, limit).map(({ entry, score: points, best }) => {
    const hit: SearchHit<T> = { item: entry.item, annotation: entry.annotation, score: points };
    if (best) hit.snippet = snippetOf(best.text, best.word);
    return hit;
  });
}

interface ScoredEntry<T> {
  entry: IndexEntry<T>;
  score: number;
  /** The best match outside the quote. */
  best?: { text: IndexedText; word: string };
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function score<T>(entry: IndexEntry<T>, words: readonly string[]): ScoredEntry<T> {
  let points = 0;
  let best: { text: IndexedText; word: string; weight: number } | undefined;
  for (const word of words) {
    for (const text of entry.texts) {
      if (!text.folded.includes(word)) continue;
      // A whole tag or name typed out counts more than a part of one.
      const whole = (text.field === 'tag' || text.field === 'person') && text.folded === word;
      const weight = FIELD_WEIGHT[text.field] + (whole ? 1 : 0);
      points += weight;
      if (text.field !== 'quote' && (best === undefined || weight > best.weight)) best = { text, word, weight };
    }
  }
  return best ? { entry, score: points, best } : { entry, score: points };
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
