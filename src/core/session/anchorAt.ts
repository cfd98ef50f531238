/** Where a new verdict, or one put on other words, sits in an article. */
import { contentHash } from '../review/contentHash';
import type { Span } from '../span';
import { makeQuote } from '../store/anchor';
import type { Annotation, Status, TextQuote } from '../store/annotation';
import type { AnnotationPatch, AnnotationStore } from '../store/annotationStore';
import type { Version2Patch } from '../store/patchVersion2';

export interface AnchorFields {
  article: string;
  quote: TextQuote;
  position: Span;
  /** The hash of the text the verdict was given on ("article changed since review"). */
  articleHash: string;
}

/** The anchor of the words at `span` of an article's text: the quote with its context, the position, the text's hash. */
export function anchorAt(article: string, text: string, span: Span): AnchorFields {
  return { article, quote: makeQuote(text, span.start, span.end), position: { start: span.start, end: span.end }, articleHash: contentHash(text) };
}

/** A verdict to give on a span: an empty or missing note keeps an existing one; `extra` is set in the same save (Start Checking assigns the claim). */
export interface VerdictRequest {
  status: Status;
  note?: string;
  /** An annotation already on exactly that span: it is updated (its history records the change) instead of stacking a duplicate. */
  existingId?: string;
  extra?: Version2Patch;
}

/** Gives a verdict on the words at `span` of an article's text in a folder's store, as `author`. */
export function giveVerdict(store: AnnotationStore, target: { article: string; text: string; span: Span }, verdict: VerdictRequest, author: string): Annotation {
  const { status, note, existingId, extra = {} } = verdict;
  if (existingId !== undefined) {
    const patch: AnnotationPatch = { ...extra, status };
    if (note !== undefined && note !== '') patch.note = note;
    return store.update(existingId, patch, author);
  }
  const created = store.add({ ...anchorAt(target.article, target.text, target.span), status, note: note ?? '' }, author);
  return Object.keys(extra).length > 0 ? store.update(created.id, extra, author) : created;
}
