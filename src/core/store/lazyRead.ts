/**
 * Reading the annotation file from its bytes without parsing the comment threads (heldThreads.ts):
 * the reader the store and the merge driver open files with. `ai-news-annotator check` keeps the
 * eager reader ({@link parseAnnotationFile}).
 *
 * A thread is held only where the file holds it exactly as this extension writes it: the canonical
 * layout at an annotation's depth, its last key, every comment with the contract's keys in the
 * contract's order, strings escaped as JSON.stringify escapes them, times that are real ISO 8601
 * date-times, ids of the contract's shape, each once per thread. One sticky regular expression
 * checks all of that but the repeated ids (irregexp runs in native code, and on the bytes seen as
 * Latin-1: quotes, backslashes and control characters are ASCII, which UTF-8 never uses inside a
 * longer sequence, so the structure reads the same). The rest of the file, with a number in each
 * thread's place, goes to JSON.parse and the usual validation, and only the rest is decoded.
 *
 * Anything else, including every problem, takes the eager reader over the whole text, so a broken
 * file gets the same message at the same place, and what a consumer reads is what the eager reader
 * gives (property tests in test/unit/store/lazyRead.test.ts). Held threads are therefore valid and
 * canonical: written back as they are, they give the bytes serialising their arrays would.
 */
import { ANNOTATION_FILE_VERSION, type Annotation, type AnnotationFile } from './annotation';
import { countKeys, parseAnnotationFile, type ParseResult } from './file';
import { holdThread } from './heldThreads';
import { checkAnnotationFileValue } from './validate';

/** A JSON string's content as JSON.stringify writes it; bytes 0x80-0xFF are the parts of UTF-8 sequences. */
const CANONICAL_STRING = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\bfnrt]|u00(?:0[0-7]|0b|0e|0f|1[0-9a-f]))[^"\\\x00-\x1f]*)*`;
/** A day of the calendar, `MM-DD` (the 29th of February only in leap years, below). */
const MONTH_DAY = String.raw`(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)`;
/** The 29th of February of a leap year: divisible by 4 but not by 100, or by 400. */
const LEAP_DAY = String.raw`(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29`;
/** What `isIsoDateTime` accepts (validate.ts), as one expression. */
export const ISO_DATE_TIME = String.raw`(?:\d{4}-${MONTH_DAY}|${LEAP_DAY})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)`;

/** The indentation of a comment's keys in the file (annotations list, annotation, comments, comment). */
const KEY_INDENT = `\n${' '.repeat(10)}`;
const COMMENT = [
  String.raw`\{${KEY_INDENT}"id": "[A-Za-z0-9_-]{1,64}",`,
  String.raw`${KEY_INDENT}"author": "${CANONICAL_STRING}",`,
  String.raw`${KEY_INDENT}"at": "${ISO_DATE_TIME}",`,
  String.raw`${KEY_INDENT}"body": "${CANONICAL_STRING}"`,
  String.raw`(?:,${KEY_INDENT}"edited": "${ISO_DATE_TIME}")?`,
  String.raw`(?:,${KEY_INDENT}"deleted": (?:true|false))?`,
  String.raw`\n {8}\}`,
].join('');
/** A canonical thread of one or more comments, ending its annotation (the annotation's closing brace follows). */
const THREAD = new RegExp(String.raw`\[\n {8}${COMMENT}(?:,\n {8}${COMMENT})*\n {6}\](?=\n {4}\})`, 'y');

/**
 * What precedes a thread the reader may hold: `comments` as an annotation's key, after another key.
 * The key stays in the text JSON.parse reads, with a number for the thread, so that the text around
 * a thread is checked as the eager reader checks it.
 */
const THREAD_KEY = Buffer.from(',\n      "comments": ', 'latin1');
/**
 * How a thread starts, up to its first comment's id: what the reader searches the bytes for. It
 * begins with a bracket, which text rarely holds, so the search skips the rest at memory speed (a
 * search for the key, beginning with a comma, stopped at every comma of every body).
 */
const THREAD_START = Buffer.from('[\n        {\n          "id": "', 'latin1');
/** How a thread ends, from its closing bracket: the annotation's closing brace follows (the last line but one is its indentation). */
const THREAD_END = Buffer.from(']\n    }', 'latin1');
const THREAD_END_INDENT = Buffer.from('\n      ', 'latin1');
/** The bytes after a thread that THREAD's lookahead reads: the annotation's closing brace. */
const AFTER_THREAD = THREAD_END.length - 1;
/**
 * A comment's start up to its id. It begins with the brace, which text rarely holds: V8 finds a
 * pattern's first character with memchr, so the search skips the bodies at memory speed (beginning
 * with the newline, the search stopped at every line and took longer than the thread expression).
 */
const COMMENT_ID_KEY = `{${KEY_INDENT}"id": "`;
const QUOTE = 0x22;

/** Where the held threads are in the bytes: pairs of start and end offsets. */
type Ranges = number[];

/**
 * Reads an annotation file from its bytes, holding the comment threads it can (see above) unparsed.
 * Gives exactly what {@link parseAnnotationFile} gives for the decoded text.
 * @param bytes The file's content, valid UTF-8: the callers check that first and refuse anything else
 *   with its place (readAnnotationFileBytes, the merge driver), so it is not checked here again (1.6 ms
 *   for 23 MB).
 */
export function parseAnnotationFileBytes(bytes: Buffer): ParseResult {
  return readHoldingThreads(bytes) ?? parseAnnotationFile(bytes.toString('utf8'));
}

/** The file with its canonical threads held, or undefined when anything is unusual (the eager reader then decides). */
function readHoldingThreads(bytes: Buffer): { kind: 'ok'; file: AnnotationFile } | undefined {
  // A byte-order mark or conflict markers: the eager reader's cases.
  if (bytes.length === 0 || bytes[0] === 0xef) return undefined;
  // A file without threads (searched in the bytes, without a copy) costs the eager reader nothing more.
  if (bytes.indexOf(THREAD_KEY) === -1 || bytes.indexOf('<<<<<<<') !== -1) return undefined;
  const threads = findThreads(bytes);
  if (threads.length === 0) return undefined;
  const rest = restWithPlaceholders(bytes, threads);
  let value: unknown;
  try {
    value = JSON.parse(rest);
  } catch {
    return undefined;
  }
  if (!holdThreads(value, bytes, threads)) return undefined;
  const { problems, keys } = checkAnnotationFileValue(value);
  const version = (value as { version: unknown }).version;
  if (problems.length > 0 || typeof version !== 'number' || version > ANNOTATION_FILE_VERSION) return undefined;
  // The key count of the rest (held threads' keys are the contract's, each once, checked by THREAD).
  if (countKeys(rest) !== keys) return undefined;
  return { kind: 'ok', file: value as AnnotationFile };
}

/**
 * The canonical threads of the file, each ending its annotation, with no id twice. Searched in the
 * bytes; each candidate is read as Latin-1 (a copy of its bytes, no decoding) by the expressions.
 */
function findThreads(bytes: Buffer): Ranges {
  const threads: Ranges = [];
  for (let start = bytes.indexOf(THREAD_START); start !== -1; start = bytes.indexOf(THREAD_START, start + 1)) {
    if (!endsWith(bytes, start, THREAD_KEY)) continue;
    // A canonical thread holds no raw newline but the layout's, so it ends at the first end of a thread after its start.
    const end = threadEnd(bytes, start);
    if (end === -1) break;
    const text = bytes.toString('latin1', start, end + AFTER_THREAD);
    THREAD.lastIndex = 0;
    if (!THREAD.test(text) || THREAD.lastIndex !== end - start || repeatsAnId(text)) continue;
    threads.push(start, end);
    start = end;
  }
  return threads;
}

/** Whether the bytes before `at` are `what`. */
function endsWith(bytes: Buffer, at: number, what: Buffer): boolean {
  return at >= what.length && bytes.compare(what, 0, what.length, at - what.length, at) === 0;
}

/** Where the first thread's end after `from` is (after its closing bracket), or -1. */
function threadEnd(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(THREAD_END, from); at !== -1; at = bytes.indexOf(THREAD_END, at + 1)) {
    if (endsWith(bytes, at, THREAD_END_INDENT)) return at + 1;
  }
  return -1;
}

/**
 * Whether a canonical thread (its text, Latin-1) gives one id to two comments (every `"id"` key in
 * it is a comment's: no raw newline is inside a string). Compared in place, character by character:
 * a file holds 50,000 ids.
 */
function repeatsAnId(thread: string): boolean {
  const ids: number[] = [];
  for (let at = thread.indexOf(COMMENT_ID_KEY); at !== -1; at = thread.indexOf(COMMENT_ID_KEY, at + 1)) {
    const id = at + COMMENT_ID_KEY.length;
    for (const earlier of ids) if (sameId(thread, earlier, id)) return true;
    ids.push(id);
  }
  return false;
}

/** Whether the ids starting at `a` and `b` are the same (each ends at its closing quote). */
function sameId(thread: string, a: number, b: number): boolean {
  for (let i = 0; ; i += 1) {
    const c = thread.charCodeAt(a + i);
    if (c !== thread.charCodeAt(b + i)) return false;
    if (c === QUOTE) return true;
  }
}

/**
 * The file's text with the n-th thread replaced by the number n; only this is decoded. The pieces
 * between threads are decoded one by one and joined as strings (JSON.parse flattens the join once):
 * no joined copy of the bytes before decoding.
 */
function restWithPlaceholders(bytes: Buffer, threads: Ranges): string {
  let rest = '';
  let from = 0;
  for (let i = 0; i < threads.length; i += 2) {
    rest += bytes.toString('utf8', from, threads[i]) + String(i / 2);
    from = threads[i + 1];
  }
  return rest + bytes.toString('utf8', from);
}

/**
 * Puts each thread in its annotation's place: the n-th annotation whose `comments` is a number must
 * hold the n-th placeholder, and every placeholder must land in an annotation (not in a nested
 * object, not twice). @returns false when they do not.
 */
function holdThreads(value: unknown, bytes: Buffer, threads: Ranges): boolean {
  const annotations = (value as { annotations?: unknown } | null)?.annotations;
  if (!Array.isArray(annotations)) return false;
  let next = 0;
  for (const annotation of annotations) {
    if (typeof annotation !== 'object' || annotation === null || typeof (annotation as { comments?: unknown }).comments !== 'number') continue;
    if ((annotation as { comments: number }).comments !== next || next * 2 >= threads.length) return false;
    // The placeholder is the object's last key (the thread ended the annotation): deleting it keeps V8's fast layout.
    delete (annotation as { comments?: number }).comments;
    holdThread(annotation as Annotation, bytes, threads[next * 2], threads[next * 2 + 1]);
    next += 1;
  }
  return next * 2 === threads.length;
}
