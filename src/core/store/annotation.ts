/**
 * The annotation file's data model: a contract other tools and teammates read.
 * `{"version": 2, "annotations": [...]}` in `.ainews/annotations.json`.
 *
 * Version 2 extends version 1 (nothing is renamed): more statuses (built-in and team-defined),
 * assignment, a second review, comments, evidence objects with archived copies, and tags. A file is
 * written with the lowest version that holds its content ({@link requiredFileVersion}), so a team
 * that uses none of it keeps writing version-1 files that older extensions still edit.
 */

import { hasComments } from './heldThreads';

/** The highest file version this code reads and writes. */
export const ANNOTATION_FILE_VERSION = 2;
export const DEFAULT_ANNOTATION_FILE = '.ainews/annotations.json';

/** The verdicts of version 1. */
export type ClassicStatus = 'verified' | 'disputed' | 'outdated';
/**
 * Statuses every team has: the three verdicts of version 1, "unverifiable" (a verdict: cannot be
 * settled with the evidence at hand) and "in-progress" (a work state: someone is checking; no verdict).
 */
export type BuiltInStatus = ClassicStatus | 'unverifiable' | 'in-progress';
/** A built-in status or the id of a status `.ainews/team.json` defines (lower-case letters, digits, hyphens). */
export type Status = BuiltInStatus | (string & Record<never, never>);

export const CLASSIC_STATUSES: readonly ClassicStatus[] = ['verified', 'disputed', 'outdated'];
export const STATUSES: readonly BuiltInStatus[] = ['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress'];
/** The one built-in status that is not a verdict. */
export const IN_PROGRESS: BuiltInStatus = 'in-progress';
/** Ids of team-defined statuses (and tags' colour keys): lower-case letters, digits and hyphens, at most 40. */
export const STATUS_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_STATUS_ID_LENGTH = 40;

/** Whether a status is one of the built-in ones. */
export function isBuiltInStatus(status: string): status is BuiltInStatus {
  return (STATUSES as readonly string[]).includes(status);
}

/** Whether a string can be a status: built-in, or shaped like a team-defined id. */
export function isStatusId(value: string): boolean {
  return isBuiltInStatus(value) || (value.length <= MAX_STATUS_ID_LENGTH && STATUS_ID_PATTERN.test(value));
}

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

export type ReviewResult = 'approved' | 'changes-requested';
export const REVIEW_RESULTS: readonly ReviewResult[] = ['approved', 'changes-requested'];

/** A second person's review of a verdict (version 2). */
export interface Review {
  /** Who reviewed. An approval by the annotation's own author never counts. */
  by: string;
  at: string;
  result: ReviewResult;
  /** The verdict that was reviewed: an approval holds only while the annotation still has it. */
  status: Status;
  note?: string;
}

/** One comment of an annotation's discussion thread (version 2). */
export interface Comment {
  /** Unique within the annotation; merges match comments by it. */
  id: string;
  author: string;
  at: string;
  /** Markdown from another person: untrusted, never rendered as HTML or with command links. */
  body: string;
  /** When the body was last edited; the later edit wins in a merge. */
  edited?: string;
  /** A tombstone: the body is gone and a merge never brings the comment back. */
  deleted?: boolean;
}

/** An archived copy of an evidence item, saved in the workspace (`.ainews/evidence/<sha256>.<ext>`). */
export interface EvidenceArchive {
  /** Workspace-relative path of the saved copy, `/` separators. */
  file: string;
  /** sha256 (64 lowercase hex digits) of the saved bytes. */
  sha256: string;
  fetched: string;
  contentType: string;
}

/** An evidence item with details (version 2); a plain string is still a valid item. */
export interface EvidenceObject {
  url: string;
  title?: string;
  quote?: string;
  /** When the source was looked at. */
  accessed?: string;
  archive?: EvidenceArchive;
}

export type Evidence = string | EvidenceObject;

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
  evidence?: Evidence[];
  /** ISO date (YYYY-MM-DD) after which the verdict must be looked at again. */
  reviewBy?: string;
  /** sha256 (hex) of the article text when the annotation was made or last re-anchored by a person. */
  articleHash?: string;
  /** A private note never leaves the workspace through an export. */
  private?: boolean;
  /** Version 2: who is checking this claim. */
  assignee?: string;
  /** Version 2: the second review of the verdict. */
  review?: Review;
  /** Version 2: short labels. */
  tags?: string[];
  /** Version 2: whether the discussion thread is resolved. */
  resolved?: boolean;
  history?: StatusChange[];
  /** Version 2: the discussion, oldest first. */
  comments?: Comment[];
}

export interface AnnotationFile {
  version: number;
  annotations: Annotation[];
}

/** The evidence item's address: the string itself, or an object's `url`. */
export function evidenceUrl(item: Evidence): string {
  return typeof item === 'string' ? item : item.url;
}

/**
 * What makes an evidence item one item across edits and merges: its address, and for an archived
 * copy the copy's hash too. Two copies of one address (a page archived again after it changed, two
 * local files of the same name) are two items; a link and an object without a copy are one.
 */
export function evidenceKey(item: Evidence): string {
  return typeof item === 'string' || item.archive === undefined ? evidenceUrl(item) : `${item.url}\n${item.archive.sha256}`;
}

/** Whether an annotation uses anything a version-1 reader would refuse. */
export function needsVersion2(a: Annotation): boolean {
  return (
    a.assignee !== undefined ||
    a.review !== undefined ||
    hasComments(a) ||
    a.resolved !== undefined ||
    a.tags !== undefined ||
    !isClassicStatus(a.status) ||
    (a.evidence !== undefined && a.evidence.some((item) => typeof item !== 'string')) ||
    (a.history !== undefined && a.history.some((change) => !isClassicStatus(change.status)))
  );
}

/** Whether a status is one of version 1's three verdicts (which have their own colours and icons). */
export function isClassicStatus(status: string): status is ClassicStatus {
  return status === 'verified' || status === 'disputed' || status === 'outdated';
}

/** The lowest file version that holds these annotations: 1 until one of them needs version 2. */
export function requiredFileVersion(annotations: readonly Annotation[]): number {
  return annotations.some(needsVersion2) ? 2 : 1;
}
