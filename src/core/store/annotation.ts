/**
 * The annotation file's data model: a contract other tools and teammates read.
 * `{"version": 1, "annotations": [...]}` in `.ainews/annotations.json`.
 */

export const ANNOTATION_FILE_VERSION = 1;
export const DEFAULT_ANNOTATION_FILE = '.ainews/annotations.json';

export type Status = 'verified' | 'disputed' | 'outdated';
export const STATUSES: readonly Status[] = ['verified', 'disputed', 'outdated'];

/** Where an annotation stands after re-anchoring against the current article text. */
export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface TextQuote {
  exact: string;
  /** Up to 32 characters before the quote. */
  prefix: string;
  /** Up to 32 characters after the quote. */
  suffix: string;
}

export interface TextPosition {
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
}

export interface StatusChange {
  status: Status;
  at: string;
  author: string;
}

export interface Annotation {
  id: string;
  /** Path relative to the workspace folder, with / separators. Never absolute. */
  article: string;
  status: Status;
  quote: TextQuote;
  position: TextPosition;
  note: string;
  created: string;
  modified: string;
  author: string;
  /** Optional extensions of the contract. */
  evidence?: string[];
  /** ISO date (YYYY-MM-DD) after which the verdict must be looked at again. */
  reviewBy?: string;
  /** sha256 (hex) of the article text when the annotation was made or last re-anchored by a person. */
  articleHash?: string;
  history?: StatusChange[];
  /** A private note never leaves the workspace through an export. */
  private?: boolean;
}

export interface AnnotationFile {
  version: number;
  annotations: Annotation[];
}
