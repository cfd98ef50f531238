/**
 * Validation of the annotation file against the contract in `schemas/annotations.schema.json`.
 *
 * Hand-written rather than generated so that it is fast (10,000 annotations in a few milliseconds)
 * and its messages speak the user's language. The unit tests check that it agrees with the schema.
 */
import { isStatusId, STATUSES } from './annotation';
import { checkEvidence, checkVersion2Fields, plainValidVersion2Keys, VERSION_2_KEYS, type FieldChecker } from './validateVersion2';

/** One thing wrong with a value, at a JSON path such as `['annotations', 3, 'status']`. */
export interface ValidationProblem {
  path: (string | number)[];
  message: string;
  /** True when the problem is an unknown key (located at the key rather than the value). */
  atKey?: boolean;
}

/** The most characters of context kept before and after a quote. */
export const MAX_CONTEXT_LENGTH = 32;

const ANNOTATION_KEYS = new Set([
  'id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author',
  'evidence', 'reviewBy', 'articleHash', 'private', 'history', ...VERSION_2_KEYS,
]);
const REQUIRED_KEYS = ['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author'];
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const DATE_TIME_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Whether a path is a valid `article` value: relative to the workspace folder, `/` separators,
 * no `.` or `..` segments, no drive letter, no empty segment, nothing under `.git/` (git's own
 * files, where CI keeps its access token), no control characters such as NUL.
 */
export function isValidArticlePath(path: string): boolean {
  return articlePathProblem(path) === undefined;
}

/** What is wrong with an `article` value, or undefined when it is valid (see {@link isValidArticlePath}). */
export function articlePathProblem(path: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain control characters such as NUL';
  const segments = path.split('/');
  if (segments.some((segment) => segment.toLowerCase() === '.git')) return "must not lead into '.git/' (git's own files are never articles)";
  if (path.length === 0 || path.includes('\\') || /^[A-Za-z]:/.test(path) || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return "must be a path relative to the workspace folder with '/' separators and no '.' or '..' segments";
  }
  return undefined;
}

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

/** Whether the `YYYY-MM-DD` the value starts with is a day of the calendar (the patterns already limit it to 1..31). */
function isRealDay(value: string): boolean {
  const day = twoDigits(value, 8);
  if (day <= 28) return true;
  const month = twoDigits(value, 5);
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const year = Number(value.slice(0, 4));
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Whether a string is an ISO 8601 date-time with seconds and a time zone (`2025-03-01T12:00:00.000Z`). */
export function isIsoDateTime(value: string): boolean {
  return DATE_TIME_PATTERN.test(value) && isRealDay(value);
}

/** Whether a string is a calendar date `YYYY-MM-DD`. */
function isIsoDate(value: string): boolean {
  return value.length === 10 && DATE_PATTERN.test(value) && isRealDay(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codePointLength(value: string): number {
  if (value.length <= MAX_CONTEXT_LENGTH) return value.length;
  let length = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    length += 1;
  }
  return length;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // JSON.stringify recurses: a value nested 100,000 levels deep exhausts the stack.
    text = Array.isArray(value) ? 'a deeply nested array' : 'a deeply nested object';
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Collects problems relative to a base path. */
class ProblemList implements FieldChecker {
  readonly problems: ValidationProblem[] = [];
  /**
   * How many keys the objects checked hold, counted while their keys are looked at anyway: for a file
   * without problems, the number of keys JSON.parse kept (the duplicate-key check compares it with the text).
   */
  keys = 0;
  /** Article paths already found valid in this run (a file names few articles many times). */
  readonly validArticles: Set<string>;
  constructor(
    /** Prefix of every path added; the file check moves it from annotation to annotation. */
    public base: (string | number)[],
    validArticles = new Set<string>(),
  ) {
    this.validArticles = validArticles;
  }

  add(path: (string | number)[], message: string, atKey = false): void {
    this.problems.push({ path: [...this.base, ...path], message, ...(atKey ? { atKey } : {}) });
  }

  string(value: unknown, path: (string | number)[], nonEmpty = false): value is string {
    if (typeof value !== 'string') {
      this.add(path, `must be a string, not ${show(value)}`);
      return false;
    }
    if (nonEmpty && value.length === 0) {
      this.add(path, 'must not be empty');
      return false;
    }
    return true;
  }

  offset(value: unknown, path: (string | number)[]): value is number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.add(path, `must be a whole number of 0 or more, not ${show(value)}`);
      return false;
    }
    return true;
  }

  dateTime(value: unknown, path: (string | number)[]): void {
    if (this.string(value, path) && !isIsoDateTime(value)) {
      this.add(path, `must be an ISO 8601 date and time such as "2025-03-01T12:00:00.000Z", not ${show(value)}`);
    }
  }

  status(value: unknown, path: (string | number)[]): void {
    if (typeof value !== 'string' || !isStatusId(value)) {
      this.add(path, `must be one of ${STATUSES.map((s) => `"${s}"`).join(', ')} or a team status id (lower-case letters, digits and hyphens), not ${show(value)}`);
    }
  }

  isDateTime(value: string): boolean {
    return isIsoDateTime(value);
  }

  object(value: unknown, path: (string | number)[], what: string, known: readonly string[], required: readonly string[]): value is Record<string, unknown> {
    if (!isObject(value)) {
      this.add(path, `must be ${what}, not ${show(value)}`);
      return false;
    }
    for (const key in value) {
      this.keys += 1;
      if (!known.includes(key)) this.add([...path, key], `unknown field "${key}" (known fields: ${known.join(', ')})`, true);
    }
    for (const key of required) if (!(key in value)) this.add(path, `is missing "${key}"`);
    return true;
  }

  relativePath(value: unknown, path: (string | number)[]): void {
    if (this.string(value, path, true) && !isValidArticlePath(value)) {
      this.add(path, `must be a path relative to the workspace folder with '/' separators and no '.' or '..' segments, not ${show(value)}`);
    }
  }
}

/**
 * Checks one annotation against the file contract.
 * @param value Anything, typically one element of the file's `annotations` array.
 * @param basePath Prefix for the problem paths, e.g. `['annotations', 3]`.
 * @returns The problems found; empty when the value is a valid annotation.
 */
export function validateAnnotation(value: unknown, basePath: (string | number)[] = []): ValidationProblem[] {
  return checkAnnotation(value, new ProblemList(basePath));
}

function checkAnnotation(value: unknown, list: ProblemList): ValidationProblem[] {
  const keys = plainValidAnnotationKeys(value, list);
  if (keys >= 0) list.keys += keys;
  else reportAnnotationProblems(value, list);
  return list.problems;
}

/**
 * The keys of an annotation when it is valid, else -1: what {@link reportAnnotationProblems} finds
 * no problem in, checked without building any problem path or collection. A path literal is a new
 * array at every call, and checking a file of 10,000 annotations made enough of them for a garbage
 * collection or two, each copying whatever else was young; only an annotation turned down here goes
 * through the detailed checks.
 */
function plainValidAnnotationKeys(value: unknown, list: ProblemList): number {
  if (!isObject(value)) return -1;
  let keys = 0;
  for (const key in value) {
    if (!ANNOTATION_KEYS.has(key)) return -1;
    keys += 1;
  }
  for (const key of REQUIRED_KEYS) if (!(key in value)) return -1;
  const { id, article, status, note, author, created, modified } = value;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof article !== 'string' || article.length === 0) return -1;
  if (!list.validArticles.has(article)) {
    if (articlePathProblem(article) !== undefined) return -1;
    list.validArticles.add(article);
  }
  if (typeof status !== 'string' || !isStatusId(status) || typeof note !== 'string' || typeof author !== 'string') return -1;
  if (typeof created !== 'string' || !isIsoDateTime(created) || typeof modified !== 'string' || !isIsoDateTime(modified)) return -1;
  const quoteKeys = plainValidQuoteKeys(value.quote);
  const positionKeys = plainValidPositionKeys(value.position);
  const historyKeys = 'history' in value ? plainValidHistoryKeys(value.history) : 0;
  if (quoteKeys < 0 || positionKeys < 0 || historyKeys < 0 || !plainValidOptionalFields(value)) return -1;
  const version2Keys = plainValidVersion2Keys(value, list);
  return version2Keys < 0 ? -1 : keys + quoteKeys + positionKeys + historyKeys + version2Keys;
}

function plainValidQuoteKeys(quote: unknown): number {
  if (!isObject(quote)) return -1;
  let keys = 0;
  for (const key in quote) {
    if (key !== 'exact' && key !== 'prefix' && key !== 'suffix') return -1;
    keys += 1;
  }
  const { exact, prefix, suffix } = quote;
  if (typeof exact !== 'string' || exact.length === 0 || typeof prefix !== 'string' || typeof suffix !== 'string') return -1;
  return codePointLength(prefix) > MAX_CONTEXT_LENGTH || codePointLength(suffix) > MAX_CONTEXT_LENGTH ? -1 : keys;
}

function plainValidPositionKeys(position: unknown): number {
  if (!isObject(position)) return -1;
  let keys = 0;
  for (const key in position) {
    if (key !== 'start' && key !== 'end') return -1;
    keys += 1;
  }
  const { start, end } = position;
  const offsets = typeof start === 'number' && Number.isSafeInteger(start) && start >= 0 && typeof end === 'number' && Number.isSafeInteger(end);
  return offsets && end >= start ? keys : -1;
}

/** `reviewBy`, `articleHash` and `private`, when present. */
function plainValidOptionalFields(value: Record<string, unknown>): boolean {
  if ('reviewBy' in value && (typeof value.reviewBy !== 'string' || !isIsoDate(value.reviewBy))) return false;
  if ('articleHash' in value && (typeof value.articleHash !== 'string' || !HASH_PATTERN.test(value.articleHash))) return false;
  return !('private' in value) || typeof value.private === 'boolean';
}

function plainValidHistoryKeys(history: unknown): number {
  if (!Array.isArray(history)) return -1;
  let keys = 0;
  for (const entry of history) {
    if (!isObject(entry)) return -1;
    for (const key in entry) {
      if (key !== 'status' && key !== 'at' && key !== 'author') return -1;
      keys += 1;
    }
    const { status, at, author } = entry;
    if (typeof status !== 'string' || !isStatusId(status) || typeof at !== 'string' || !isIsoDateTime(at) || typeof author !== 'string') return -1;
  }
  return keys;
}

/**
 * The detailed checks alone, without the plain check first: the reference that check's property test
 * (test/unit/store/fastPaths.test.ts) compares it with.
 */
export function annotationProblemsInDetail(value: unknown): { problems: ValidationProblem[]; keys: number } {
  const list = new ProblemList([]);
  reportAnnotationProblems(value, list);
  return list;
}

/** Every problem of an annotation, each at its path (the detailed checks, for an annotation {@link plainValidAnnotationKeys} turned down). */
function reportAnnotationProblems(value: unknown, list: ProblemList): void {
  if (!isObject(value)) {
    list.add([], `must be an object, not ${show(value)}`);
    return;
  }
  for (const key of REQUIRED_KEYS) {
    if (!(key in value)) list.add([], `is missing "${key}"`);
  }
  for (const key in value) {
    list.keys += 1;
    if (!ANNOTATION_KEYS.has(key)) list.add([key], `unknown field "${key}" (a typo? known fields: ${[...ANNOTATION_KEYS].join(', ')})`, true);
  }
  if ('id' in value && list.string(value.id, ['id'], true) && !ID_PATTERN.test(value.id)) {
    list.add(['id'], `must be 1 to 64 letters, digits, '_' or '-', not ${show(value.id)}`);
  }
  if ('article' in value && list.string(value.article, ['article'], true) && !list.validArticles.has(value.article)) {
    const problem = articlePathProblem(value.article);
    if (problem === undefined) list.validArticles.add(value.article);
    else list.add(['article'], `${problem}, not ${show(value.article)}`);
  }
  if ('status' in value) list.status(value.status, ['status']);
  if ('quote' in value) validateQuote(value.quote, list);
  if ('position' in value) validatePosition(value.position, list);
  if ('note' in value) list.string(value.note, ['note']);
  if ('author' in value) list.string(value.author, ['author']);
  if ('created' in value) list.dateTime(value.created, ['created']);
  if ('modified' in value) list.dateTime(value.modified, ['modified']);
  validateOptionalFields(value, list);
}

function validateQuote(quote: unknown, list: ProblemList): void {
  if (!isObject(quote)) {
    list.add(['quote'], `must be an object with "exact", "prefix" and "suffix", not ${show(quote)}`);
    return;
  }
  for (const key in quote) {
    list.keys += 1;
    if (key !== 'exact' && key !== 'prefix' && key !== 'suffix') list.add(['quote', key], `unknown field "${key}" in quote`, true);
  }
  if (!('exact' in quote)) list.add(['quote'], 'is missing "exact"');
  else list.string(quote.exact, ['quote', 'exact'], true);
  for (const key of ['prefix', 'suffix'] as const) {
    if (!(key in quote)) list.add(['quote'], `is missing "${key}"`);
    else if (list.string(quote[key], ['quote', key]) && codePointLength(quote[key] as string) > MAX_CONTEXT_LENGTH) {
      list.add(['quote', key], `must be at most ${MAX_CONTEXT_LENGTH} characters`);
    }
  }
}

function validatePosition(position: unknown, list: ProblemList): void {
  if (!isObject(position)) {
    list.add(['position'], `must be an object with "start" and "end", not ${show(position)}`);
    return;
  }
  for (const key in position) {
    list.keys += 1;
    if (key !== 'start' && key !== 'end') list.add(['position', key], `unknown field "${key}" in position`, true);
  }
  if (!('start' in position)) list.add(['position'], 'is missing "start"');
  if (!('end' in position)) list.add(['position'], 'is missing "end"');
  const startOk = 'start' in position && list.offset(position.start, ['position', 'start']);
  const endOk = 'end' in position && list.offset(position.end, ['position', 'end']);
  if (startOk && endOk && (position.end as number) < (position.start as number)) {
    list.add(['position', 'end'], `must not be before start (${String(position.start)})`);
  }
}

function validateOptionalFields(value: Record<string, unknown>, list: ProblemList): void {
  if ('evidence' in value) checkEvidence(value.evidence, list);
  checkVersion2Fields(value, list);
  if ('reviewBy' in value && list.string(value.reviewBy, ['reviewBy']) && !isIsoDate(value.reviewBy as string)) {
    list.add(['reviewBy'], `must be a date such as "2025-06-30", not ${show(value.reviewBy)}`);
  }
  if ('articleHash' in value && list.string(value.articleHash, ['articleHash']) && !HASH_PATTERN.test(value.articleHash as string)) {
    list.add(['articleHash'], 'must be a sha256 in 64 lowercase hex digits');
  }
  if ('private' in value && typeof value.private !== 'boolean') list.add(['private'], `must be true or false, not ${show(value.private)}`);
  if ('history' in value) {
    if (!Array.isArray(value.history)) {
      list.add(['history'], `must be a list of status changes, not ${show(value.history)}`);
      return;
    }
    value.history.forEach((entry, i) => validateStatusChange(entry, i, list));
  }
}

function validateStatusChange(entry: unknown, i: number, list: ProblemList): void {
  const path = ['history', i];
  if (!isObject(entry)) {
    list.add(path, `must be an object with "status", "at" and "author", not ${show(entry)}`);
    return;
  }
  for (const key in entry) {
    list.keys += 1;
    if (key !== 'status' && key !== 'at' && key !== 'author') list.add([...path, key], `unknown field "${key}" in a status change`, true);
  }
  for (const key of ['status', 'at', 'author']) {
    if (!(key in entry)) list.add(path, `is missing "${key}"`);
  }
  if ('status' in entry) list.status(entry.status, [...path, 'status']);
  if ('at' in entry) list.dateTime(entry.at, [...path, 'at']);
  if ('author' in entry) list.string(entry.author, [...path, 'author']);
}

/** The problem list with its paths in `annotations[index]`. */
function at(list: ProblemList, index: number): ProblemList {
  list.base = ['annotations', index];
  return list;
}

/**
 * Checks the whole file value (already parsed from JSON): the envelope, every annotation, unique ids.
 * The `version` is only checked to be a whole number of 1 or more; the caller decides what a newer one means.
 */
export function validateAnnotationFileValue(value: unknown): ValidationProblem[] {
  return checkAnnotationFileValue(value).problems;
}

/**
 * {@link validateAnnotationFileValue}, and how many keys the value holds (exact when there are no
 * problems; counted on the way, so that the duplicate-key check walks the file no second time).
 */
export function checkAnnotationFileValue(value: unknown): { problems: ValidationProblem[]; keys: number } {
  const list = new ProblemList([]);
  if (!isObject(value)) {
    list.add([], `the file must be a JSON object {"version": 1, "annotations": [...]}, not ${show(value)}`);
    return list;
  }
  for (const key of Object.keys(value)) {
    list.keys += 1;
    if (key !== 'version' && key !== 'annotations') list.add([key], `unknown top-level field "${key}" (expected only "version" and "annotations")`, true);
  }
  if (!('version' in value)) list.add([], 'is missing "version"');
  else if (typeof value.version !== 'number' || !Number.isSafeInteger(value.version) || value.version < 1) {
    list.add(['version'], `must be a whole number of 1 or more, not ${show(value.version)}`);
  }
  if (!('annotations' in value)) {
    list.add([], 'is missing "annotations"');
  } else if (!Array.isArray(value.annotations)) {
    list.add(['annotations'], `must be a list, not ${show(value.annotations)}`);
  } else {
    const firstIndexOfId = new Map<string, number>();
    const annotations: unknown[] = value.annotations;
    for (let index = 0; index < annotations.length; index += 1) {
      const annotation = annotations[index];
      const keys = plainValidAnnotationKeys(annotation, list);
      // The path of the annotation's problems, made only when it has some.
      if (keys >= 0) list.keys += keys;
      else reportAnnotationProblems(annotation, at(list, index));
      const id = isObject(annotation) ? annotation.id : undefined;
      if (typeof id !== 'string') continue;
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, index);
      else at(list, index).add(['id'], `duplicates the id of annotations[${first}] ("${id}"); ids must be unique`);
    }
  }
  return list;
}
