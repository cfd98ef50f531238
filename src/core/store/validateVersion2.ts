/**
 * Validation of the fields version 2 of the annotation file adds: `assignee`, `review`, `tags`,
 * `resolved`, `comments`, and evidence items that are objects. Kept apart from validate.ts (the
 * version-1 contract); the checks speak through the same problem list.
 */
import { isStatusId, REVIEW_RESULTS, type Annotation } from './annotation';
import { holdsThread } from './heldThreads';

type Path = (string | number)[];

/** What the checks need from validate.ts's problem list. */
export interface FieldChecker {
  /** Keys of the objects checked so far (see validate.ts); `object` counts them, other checks add theirs. */
  keys: number;
  add(path: Path, message: string, atKey?: boolean): void;
  string(value: unknown, path: Path, nonEmpty?: boolean): value is string;
  dateTime(value: unknown, path: Path): void;
  /** Whether a string is an ISO 8601 date-time (the test `dateTime` reports on). */
  isDateTime(value: string): boolean;
  status(value: unknown, path: Path): void;
  /** An object whose keys are all in `known` and which has every key in `required`. */
  object(value: unknown, path: Path, what: string, known: readonly string[], required: readonly string[]): value is Record<string, unknown>;
  /** A workspace-relative path with `/` separators. */
  relativePath(value: unknown, path: Path): void;
}

/** The keys of an annotation that only version 2 knows. */
export const VERSION_2_KEYS = ['assignee', 'review', 'tags', 'resolved', 'comments'] as const;

const COMMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
/** Tags are short labels for filters and colours, one line each. */
export const MAX_TAG_LENGTH = 50;

/** Checks the version-2 fields present on one annotation. */
export function checkVersion2Fields(value: Record<string, unknown>, list: FieldChecker): void {
  if ('assignee' in value) list.string(value.assignee, ['assignee'], true);
  if ('review' in value) checkReview(value.review, list);
  if ('tags' in value) checkTags(value.tags, list);
  if ('resolved' in value && typeof value.resolved !== 'boolean') list.add(['resolved'], `must be true or false, not ${JSON.stringify(value.resolved)}`);
  // A held thread was checked by the reader that held it (lazyRead.ts), and reading it here would parse it.
  if ('comments' in value && !holdsThread(value as unknown as Annotation)) checkComments(value.comments, list);
}

function checkReview(review: unknown, list: FieldChecker): void {
  const keys = ['by', 'at', 'result', 'status', 'note'];
  if (!list.object(review, ['review'], 'a review {"by", "at", "result", "status", "note"?}', keys, ['by', 'at', 'result', 'status'])) return;
  if ('by' in review) list.string(review.by, ['review', 'by'], true);
  if ('at' in review) list.dateTime(review.at, ['review', 'at']);
  if ('result' in review && !(REVIEW_RESULTS as readonly unknown[]).includes(review.result)) {
    list.add(['review', 'result'], `must be "approved" or "changes-requested", not ${JSON.stringify(review.result)}`);
  }
  if ('status' in review) list.status(review.status, ['review', 'status']);
  if ('note' in review) list.string(review.note, ['review', 'note']);
}

function checkTags(tags: unknown, list: FieldChecker): void {
  if (!Array.isArray(tags)) {
    list.add(['tags'], `must be a list of short labels, not ${JSON.stringify(tags)}`);
    return;
  }
  const seen = new Set<string>();
  tags.forEach((tag: unknown, i) => {
    if (!list.string(tag, ['tags', i], true)) return;
    if (tag.length > MAX_TAG_LENGTH || /[\r\n]/.test(tag)) list.add(['tags', i], `must be one line of at most ${MAX_TAG_LENGTH} characters`);
    else if (seen.has(tag)) list.add(['tags', i], `repeats the tag "${tag}"`);
    seen.add(tag);
  });
}

/**
 * The keys the version-2 fields of a valid annotation hold, else -1: what {@link checkVersion2Fields}
 * and {@link checkEvidence} accept without a problem, checked without building any problem path or
 * collection (see validate.ts's plain check). Evidence objects are left to the detailed checks.
 */
export function plainValidVersion2Keys(value: Record<string, unknown>, list: FieldChecker): number {
  let keys = 0;
  if ('evidence' in value && !plainValidEvidenceLinks(value.evidence)) return -1;
  if ('assignee' in value && (typeof value.assignee !== 'string' || value.assignee.length === 0)) return -1;
  if ('review' in value) {
    const reviewKeys = plainValidReviewKeys(value.review, list);
    if (reviewKeys < 0) return -1;
    keys += reviewKeys;
  }
  if ('tags' in value && !plainValidTags(value.tags)) return -1;
  if ('resolved' in value && typeof value.resolved !== 'boolean') return -1;
  if ('comments' in value && !holdsThread(value as unknown as Annotation)) {
    const commentKeys = Array.isArray(value.comments) ? plainValidCommentsKeys(value.comments, list) : -1;
    if (commentKeys < 0) return -1;
    keys += commentKeys;
  }
  return keys;
}

/** Whether evidence is a list of links and references only (non-empty strings). */
function plainValidEvidenceLinks(evidence: unknown): boolean {
  if (!Array.isArray(evidence)) return false;
  for (const item of evidence) if (typeof item !== 'string' || item.length === 0) return false;
  return true;
}

/** The keys of a valid review, else -1. */
function plainValidReviewKeys(review: unknown, list: FieldChecker): number {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return -1;
  const r = review as Record<string, unknown>;
  let keys = 0;
  for (const key in r) {
    if (key !== 'by' && key !== 'at' && key !== 'result' && key !== 'status' && key !== 'note') return -1;
    keys += 1;
  }
  if (typeof r.by !== 'string' || r.by.length === 0 || typeof r.at !== 'string' || !list.isDateTime(r.at)) return -1;
  if (!('result' in r) || !(REVIEW_RESULTS as readonly unknown[]).includes(r.result) || typeof r.status !== 'string' || !isStatusId(r.status)) return -1;
  return 'note' in r && typeof r.note !== 'string' ? -1 : keys;
}

/** Whether tags are a list of distinct one-line labels of 1 to MAX_TAG_LENGTH characters. */
function plainValidTags(tags: unknown): boolean {
  if (!Array.isArray(tags)) return false;
  for (let i = 0; i < tags.length; i += 1) {
    const tag: unknown = tags[i];
    if (typeof tag !== 'string' || tag.length === 0 || tag.length > MAX_TAG_LENGTH || tag.includes('\n') || tag.includes('\r')) return false;
    for (let j = 0; j < i; j += 1) if (tags[j] === tag) return false;
  }
  return true;
}

/** Up to this many comments, a repeated id is looked for among the earlier ones instead of in a Set. */
const SMALL_THREAD = 16;

/** Whether `comments[index]`'s id is one of an earlier comment's (all of them already found valid). */
function repeatsAnEarlierId(comments: readonly unknown[], index: number, id: string, seen: Set<string> | undefined): boolean {
  if (seen) return seen.has(id);
  for (let i = 0; i < index; i += 1) if ((comments[i] as { id: string }).id === id) return true;
  return false;
}

/**
 * How many keys a comment has when it is valid, else -1; checked without building any problem path or
 * collection: a file holds many comments and nearly all are fine, so only the rare bad one goes
 * through the detailed (allocating) checks. `seen` holds the earlier ids of a long thread.
 */
function plainValidCommentKeys(comments: readonly unknown[], index: number, seen: Set<string> | undefined, list: FieldChecker): number {
  const comment = comments[index];
  if (typeof comment !== 'object' || comment === null || Array.isArray(comment)) return -1;
  const c = comment as Record<string, unknown>;
  let keys = 0;
  for (const key in c) {
    if (key !== 'id' && key !== 'author' && key !== 'at' && key !== 'body' && key !== 'edited' && key !== 'deleted') return -1;
    keys += 1;
  }
  if (typeof c.id !== 'string' || !COMMENT_ID_PATTERN.test(c.id) || repeatsAnEarlierId(comments, index, c.id, seen)) return -1;
  if (typeof c.author !== 'string' || typeof c.body !== 'string' || typeof c.at !== 'string' || !list.isDateTime(c.at)) return -1;
  if (c.edited !== undefined && (typeof c.edited !== 'string' || !list.isDateTime(c.edited))) return -1;
  if (c.deleted !== undefined && typeof c.deleted !== 'boolean') return -1;
  seen?.add(c.id);
  return keys;
}

/** The keys of a list of comments when every one is valid (see {@link plainValidCommentKeys}), else -1. */
function plainValidCommentsKeys(comments: readonly unknown[], list: FieldChecker): number {
  const seen = comments.length > SMALL_THREAD ? new Set<string>() : undefined;
  let keys = 0;
  for (let i = 0; i < comments.length; i += 1) {
    const commentKeys = plainValidCommentKeys(comments, i, seen, list);
    if (commentKeys < 0) return -1;
    keys += commentKeys;
  }
  return keys;
}

function checkComments(comments: unknown, list: FieldChecker): void {
  if (!Array.isArray(comments)) {
    list.add(['comments'], `must be a list of comments, not ${JSON.stringify(comments)}`);
    return;
  }
  const keys = plainValidCommentsKeys(comments, list);
  if (keys >= 0) {
    list.keys += keys;
    return;
  }
  const firstIndex = new Map<string, number>();
  comments.forEach((comment: unknown, i) => {
    const path = ['comments', i];
    const shape = 'a comment {"id", "author", "at", "body", "edited"?, "deleted"?}';
    if (!list.object(comment, path, shape, ['id', 'author', 'at', 'body', 'edited', 'deleted'], ['id', 'author', 'at', 'body'])) return;
    if ('id' in comment && list.string(comment.id, [...path, 'id'], true)) {
      if (!COMMENT_ID_PATTERN.test(comment.id)) list.add([...path, 'id'], `must be 1 to 64 letters, digits, '_' or '-', not ${JSON.stringify(comment.id)}`);
      const first = firstIndex.get(comment.id);
      if (first !== undefined) list.add([...path, 'id'], `duplicates the id of comments[${first}] ("${comment.id}")`);
      else firstIndex.set(comment.id, i);
    }
    if ('author' in comment) list.string(comment.author, [...path, 'author']);
    if ('at' in comment) list.dateTime(comment.at, [...path, 'at']);
    if ('body' in comment) list.string(comment.body, [...path, 'body']);
    if ('edited' in comment) list.dateTime(comment.edited, [...path, 'edited']);
    if ('deleted' in comment && typeof comment.deleted !== 'boolean') list.add([...path, 'deleted'], `must be true or false, not ${JSON.stringify(comment.deleted)}`);
  });
}

/** Checks `evidence`: a list whose items are non-empty strings (version 1) or evidence objects (version 2). */
export function checkEvidence(evidence: unknown, list: FieldChecker): void {
  if (!Array.isArray(evidence)) {
    list.add(['evidence'], `must be a list of links, references or evidence objects, not ${JSON.stringify(evidence)}`);
    return;
  }
  evidence.forEach((item: unknown, i) => {
    if (typeof item === 'string' || typeof item !== 'object' || item === null || Array.isArray(item)) list.string(item, ['evidence', i], true);
    else checkEvidenceObject(item, ['evidence', i], list);
  });
}

function checkEvidenceObject(item: unknown, path: Path, list: FieldChecker): void {
  const shape = 'evidence {"url", "title"?, "quote"?, "accessed"?, "archive"?}';
  if (!list.object(item, path, shape, ['url', 'title', 'quote', 'accessed', 'archive'], ['url'])) return;
  if ('url' in item) list.string(item.url, [...path, 'url'], true);
  if ('title' in item) list.string(item.title, [...path, 'title']);
  if ('quote' in item) list.string(item.quote, [...path, 'quote']);
  if ('accessed' in item) list.dateTime(item.accessed, [...path, 'accessed']);
  if (!('archive' in item)) return;
  const archive = item.archive;
  const archivePath = [...path, 'archive'];
  const keys = ['file', 'sha256', 'fetched', 'contentType'];
  if (!list.object(archive, archivePath, 'an archive {"file", "sha256", "fetched", "contentType"}', keys, keys)) return;
  if ('file' in archive) list.relativePath(archive.file, [...archivePath, 'file']);
  if ('sha256' in archive && list.string(archive.sha256, [...archivePath, 'sha256']) && !HASH_PATTERN.test(archive.sha256)) {
    list.add([...archivePath, 'sha256'], 'must be a sha256 in 64 lowercase hex digits');
  }
  if ('fetched' in archive) list.dateTime(archive.fetched, [...archivePath, 'fetched']);
  if ('contentType' in archive) list.string(archive.contentType, [...archivePath, 'contentType'], true);
}
