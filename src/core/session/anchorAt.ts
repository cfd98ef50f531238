/** Where a new verdict, or one put on other words, sits in an article. */
import { contentHash } from '../review/contentHash';
import type { Span } from '../span';
import { makeQuote } from '../store/anchor';
import type { TextQuote } from '../store/annotation';

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
