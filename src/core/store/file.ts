/**
 * Reading and writing the annotation file's text: `{"version": 1, "annotations": [...]}`.
 *
 * The written form is canonical (sorted, fixed key order, 2-space indent, LF, final newline) so that a
 * change touches only the lines of the annotations it changes and two tools writing the same data
 * write the same bytes.
 */
import { ANNOTATION_FILE_VERSION, requiredFileVersion, type Annotation, type AnnotationFile, type StatusChange } from './annotation';
import { ANNOTATION_KEY_ORDER, keysInOrder, orderedComment, orderedEvidence, orderedReview, version2PartsInOrder } from './keyOrder';
import type { AnnotationTexts } from './annotationTexts';
import { joinedBytes, type FileBytes } from './fileBytes';
import { heldThreadBytes, holdsThread, shareHeldThread } from './heldThreads';
import { splitConflictMarkers } from './conflictMarkers';
import { JsonSyntaxError, lineColumnAt, offsetOfPath, parseJsonTree } from './jsonTree';
import { checkAnnotationFileValue, type ValidationProblem } from './validate';

/** A problem in the file text, 1-based line and column. */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export type ParseResult =
  | { kind: 'ok'; file: AnnotationFile }
  /** Written by a newer version of the extension: open read-only, never rewrite. `file` when its annotations still read as this version's. */
  | { kind: 'newer'; version: number; file?: AnnotationFile }
  | { kind: 'invalid'; problems: FileProblem[] }
  /** Git conflict markers: the full text of each side. */
  | { kind: 'conflicted'; ours: string; theirs: string; base?: string };

/** At most this many problems are reported; the rest are summarised in the last one. */
const MAX_PROBLEMS = 50;

/** An annotation file with no annotations. */
export function emptyAnnotationFile(): AnnotationFile {
  return { version: 1, annotations: [] };
}

/** Code-unit order of strings: the same on every machine, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's order: article path, then start offset, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return compareStrings(a.article, b.article) || a.position.start - b.position.start || compareStrings(a.id, b.id);
}

/** A sorted copy of the annotations, in the file's order. */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(compareAnnotations);
}

function orderedStatusChange(change: StatusChange): StatusChange {
  return { status: change.status, at: change.at, author: change.author };
}

/**
 * A copy of an annotation with its keys in the file's fixed order and absent optional fields left out.
 * Required fields first (in the order of the contract), then the optional ones, `history` and `comments` last because they grow.
 */
export function orderedAnnotation(a: Annotation): Annotation {
  const ordered: Annotation = {
    id: a.id,
    article: a.article,
    status: a.status,
    quote: { exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
    position: { start: a.position.start, end: a.position.end },
    note: a.note,
    created: a.created,
    modified: a.modified,
    author: a.author,
  };
  if (a.evidence !== undefined) ordered.evidence = a.evidence.map(orderedEvidence);
  if (a.reviewBy !== undefined) ordered.reviewBy = a.reviewBy;
  if (a.articleHash !== undefined) ordered.articleHash = a.articleHash;
  if (a.private !== undefined) ordered.private = a.private;
  if (a.assignee !== undefined) ordered.assignee = a.assignee;
  if (a.review !== undefined) ordered.review = orderedReview(a.review);
  if (a.tags !== undefined) ordered.tags = [...a.tags];
  if (a.resolved !== undefined) ordered.resolved = a.resolved;
  if (a.history !== undefined) ordered.history = a.history.map(orderedStatusChange);
  // A held thread is in file order already (heldThreads.ts): shared, not parsed.
  if (!shareHeldThread(a, ordered) && a.comments !== undefined) ordered.comments = a.comments.map(orderedComment);
  return ordered;
}

/**
 * Whether an annotation already has the file's key order throughout, as annotations read from a
 * canonical file or made by the store do; such an annotation is written as it is, without a copy.
 */
function isInFileOrder(a: Annotation): boolean {
  return (
    keysInOrder(a, ANNOTATION_KEY_ORDER, holdsThread(a) ? 'comments' : undefined) &&
    keysInOrder(a.quote, ['exact', 'prefix', 'suffix']) &&
    keysInOrder(a.position, ['start', 'end']) &&
    (a.history === undefined || a.history.every((h) => keysInOrder(h, ['status', 'at', 'author']))) &&
    version2PartsInOrder(a)
  );
}

/** One annotation as compact canonical JSON: equal annotations give equal strings. */
export function canonicalAnnotationJson(a: Annotation): string {
  // An annotation already in file order (as read from a canonical file) needs no ordered copy.
  return JSON.stringify(isInFileOrder(a) ? a : orderedAnnotation(a));
}

/**
 * Writes the file's canonical text: annotations sorted, fixed key order, 2-space indent, LF, final newline.
 * The version written is the file's, raised to 2 when an annotation uses a version-2 field (a
 * version-1 file stays version 1 until it needs more).
 * @param file The file to write; it is not modified.
 */
export function serializeAnnotationFile(file: AnnotationFile): string {
  const { version, annotations } = inFileOrder(file);
  return annotations.some(holdsThread) ? joinedBytes(wholeFilePieces(version, annotations)).toString('utf8') : wholeFileJson(version, annotations);
}

/**
 * {@link serializeAnnotationFile} as UTF-8 in pieces, in order, not joined: what the merge driver
 * writes. Held threads are copied as bytes, never decoded.
 */
export function serializeAnnotationFilePieces(file: AnnotationFile): Buffer[] {
  const { version, annotations } = inFileOrder(file);
  return wholeFilePieces(version, annotations);
}

/**
 * {@link serializeAnnotationFile} for a store that writes the same annotations again and again: the
 * same bytes, but only annotations without a text in `texts` are serialised, and this write's texts
 * are kept there for the next.
 */
export function serializeAnnotationFileKeepingTexts(file: AnnotationFile, texts: AnnotationTexts): string {
  return joinedBytes(serializeAnnotationFilePiecesKeepingTexts(file, texts)).toString('utf8');
}

/**
 * {@link serializeAnnotationFileKeepingTexts} as UTF-8 pieces in order, not joined: what the store
 * writes (a file handle writes the pieces; joining them copied every byte once more). Held threads
 * are copied as bytes, never decoded.
 */
export function serializeAnnotationFilePiecesKeepingTexts(file: AnnotationFile, texts: AnnotationTexts): Buffer[] {
  const { version, sorted, annotations } = inFileOrder(file);
  const known = sorted.filter((a) => texts.get(a) !== undefined).length;
  // Mostly new texts (the first save of a store): one JSON.stringify of the whole file, cut into the annotations' texts.
  const cut = known < sorted.length / 2 ? wholeFileTexts(version, annotations) : undefined;
  if (cut !== undefined) {
    sorted.forEach((a, i) => texts.remember(a, cut.texts[i]));
    return cut.pieces;
  }
  return filePieces(version, sorted.map((a, i) => texts.get(a) ?? texts.remember(a, annotationBytes(annotations[i]))));
}

/** The annotations sorted (`sorted`), each in file order (`annotations`, a copy where needed), and the version to write. */
function inFileOrder(file: AnnotationFile): { version: number; sorted: Annotation[]; annotations: Annotation[] } {
  const sorted = sortAnnotations(file.annotations);
  const annotations = sorted.map((a) => (isInFileOrder(a) ? a : orderedAnnotation(a)));
  return { version: Math.max(file.version, requiredFileVersion(annotations)), sorted, annotations };
}

/** How the file's lines of an annotation are indented: two levels of 2 spaces. */
const ANNOTATION_INDENT = '    ';
/**
 * Where one annotation's text ends and the next one's begins in the file: the first one's closing
 * brace, a comma, the second one's opening brace at the list's depth. An annotation's own lines are
 * indented deeper and no string holds a raw newline, so it occurs only there; it starts with a
 * brace, which text rarely holds, so the search skips the rest at memory speed.
 */
const ANNOTATION_BOUNDARY = Buffer.from(`},\n${ANNOTATION_INDENT}{`, 'utf8');
/** An annotation's last line, its closing brace. */
const ANNOTATION_END = Buffer.from(`\n${ANNOTATION_INDENT}}`, 'utf8');
/** A held thread's placeholder in the file's layout: its annotation's last key (the annotation's closing brace follows). */
const PLACEHOLDER = Buffer.from(`\n${ANNOTATION_INDENT}  "comments": 0`, 'utf8');

function fileTextStart(version: number): string {
  return `{\n  "version": ${version},\n  "annotations": [\n${ANNOTATION_INDENT}`;
}

const FILE_TEXT_END = '\n  ]\n}\n';
const FILE_END_BYTES = Buffer.from(FILE_TEXT_END, 'utf8');
const BETWEEN_TEXTS = Buffer.from(`,\n${ANNOTATION_INDENT}`, 'utf8');

/** The file's pieces around its annotations' texts: joined, what `JSON.stringify({version, annotations}, null, 2)` and a newline give. */
function filePieces(version: number, annotationTexts: readonly FileBytes[]): Buffer[] {
  if (annotationTexts.length === 0) return [Buffer.from(`{\n  "version": ${version},\n  "annotations": []\n}\n`, 'utf8')];
  const parts: Buffer[] = [Buffer.from(fileTextStart(version), 'utf8')];
  for (let i = 0; i < annotationTexts.length; i += 1) {
    if (i > 0) parts.push(BETWEEN_TEXTS);
    const text = annotationTexts[i];
    if (Buffer.isBuffer(text)) parts.push(text);
    else for (const piece of text as readonly Buffer[]) parts.push(piece);
  }
  parts.push(FILE_END_BYTES);
  return parts;
}

/** One annotation (in file order) as the file holds it: its indented JSON, every line after the first indented to the list's depth. */
function annotationBytes(ordered: Annotation): FileBytes {
  // JSON.stringify writes a newline inside a string as \n, so every line break is one of the layout.
  const indented = (a: Annotation) => Buffer.from(JSON.stringify(a, null, 2).replaceAll('\n', `\n${ANNOTATION_INDENT}`), 'utf8');
  const thread = heldThreadBytes(ordered);
  return (thread !== undefined && withHeldThread(indented(withPlaceholder(ordered)), 0, undefined, thread)) || indented(ordered);
}

function wholeFileJson(version: number, annotations: readonly Annotation[]): string {
  return `${JSON.stringify({ version, annotations }, null, 2)}\n`;
}

/** The whole file as pieces in order; held threads are copied from their bytes, not parsed. */
function wholeFilePieces(version: number, annotations: readonly Annotation[]): Buffer[] {
  if (!annotations.some(holdsThread)) return [Buffer.from(wholeFileJson(version, annotations), 'utf8')];
  return wholeFileTexts(version, annotations)?.pieces ?? filePieces(version, annotations.map(annotationBytes));
}

/**
 * The whole file serialised with one JSON.stringify (a placeholder in each held thread's place) and
 * cut into its annotations' texts, each held thread copied in where its placeholder stands: the
 * texts, and the file's pieces in order (one piece when no thread is held). Undefined when the cut
 * does not give one text per annotation with its placeholder at its end (the caller then serialises
 * annotation by annotation).
 */
function wholeFileTexts(version: number, annotations: readonly Annotation[]): { texts: FileBytes[]; pieces: Buffer[] } | undefined {
  const threads = annotations.map(heldThreadBytes);
  const placed = annotations.map((a, i) => (threads[i] === undefined ? a : withPlaceholder(a)));
  const whole = Buffer.from(wholeFileJson(version, placed), 'utf8');
  if (annotations.length === 0) return { texts: [], pieces: [whole] };
  const texts: FileBytes[] = [];
  const end = whole.length - FILE_END_BYTES.length;
  let start = Buffer.byteLength(fileTextStart(version));
  for (let i = 0; i < annotations.length; i += 1) {
    const boundary = whole.indexOf(ANNOTATION_BOUNDARY, start);
    // Every annotation but the last ends at a boundary, the last at the list's end.
    const last = i + 1 === annotations.length;
    if ((boundary === -1) !== last) return undefined;
    const textEnd = last ? end : boundary + 1;
    const thread = threads[i];
    const text = thread === undefined ? whole.subarray(start, textEnd) : withHeldThread(whole, start, textEnd, thread);
    if (text === undefined) return undefined;
    texts.push(text);
    start = boundary + ANNOTATION_BOUNDARY.length - 1;
  }
  return { texts, pieces: threads.every((t) => t === undefined) ? [whole] : filePieces(version, texts) };
}

/** A copy of an annotation holding a thread, with the number 0 in place of its comments (the copy is only serialised). */
function withPlaceholder(a: Annotation): Annotation {
  const copy: Record<string, unknown> = {};
  for (const key in a) copy[key] = key === 'comments' ? 0 : a[key as keyof Annotation];
  return copy as unknown as Annotation;
}

/**
 * An annotation's text (`bytes` from `start` to `end`) with its held thread in place of the
 * placeholder at its end, as pieces: the layout puts the thread exactly there. Undefined when the
 * text does not end with the placeholder.
 */
function withHeldThread(bytes: Buffer, start: number, end: number | undefined, thread: Buffer): Buffer[] | undefined {
  const textEnd = end ?? bytes.length;
  const placeholderAt = textEnd - ANNOTATION_END.length - PLACEHOLDER.length;
  if (placeholderAt < start || bytes.compare(PLACEHOLDER, 0, PLACEHOLDER.length, placeholderAt, placeholderAt + PLACEHOLDER.length) !== 0) return undefined;
  if (bytes.compare(ANNOTATION_END, 0, ANNOTATION_END.length, textEnd - ANNOTATION_END.length, textEnd) !== 0) return undefined;
  return [bytes.subarray(start, textEnd - ANNOTATION_END.length - 1), thread, ANNOTATION_END];
}

/** Validation problems with 1-based line and column in `text` (at most MAX_PROBLEMS, then a summary). */
export function locateProblems(text: string, problems: ValidationProblem[]): FileProblem[] {
  let tree;
  try {
    tree = parseJsonTree(text);
  } catch (error) {
    // A value nested too deeply (or a key twice) is the problem to report first, at its place.
    if (error instanceof JsonSyntaxError) return [{ ...lineColumnAt(text, error.offset), message: error.message }];
    tree = undefined;
  }
  const located = problems
    .slice(0, MAX_PROBLEMS)
    .map((problem) => {
      const offset = tree ? offsetOfPath(tree, problem.path, problem.atKey) : 0;
      return { ...lineColumnAt(text, offset), message: `${formatPath(problem.path)}${problem.message}` };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > MAX_PROBLEMS) {
    located.push({ line: 1, column: 1, message: `... and ${problems.length - MAX_PROBLEMS} more problems` });
  }
  return located;
}

/** `annotations[3].quote.exact ` for a path; empty for the root. */
function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '';
  const text = path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
  return `${text} `;
}

/** A JSON syntax error as a problem with the line and column where the text stops being JSON. */
export function syntaxProblem(text: string, error: unknown): FileProblem {
  const located = treeProblem(text);
  if (located) return { ...located, message: `JSON syntax error: ${located.message}` };
  // JSON.parse refused what the locating parser accepted: report JSON.parse's own words.
  return { line: 1, column: 1, message: `JSON syntax error: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * How many keys the text of a valid annotation file holds: quotes preceded by a letter or digit and
 * followed by a colon. Exact for a validated file, whose keys are all known names (ending in a letter
 * or digit, also when written with escapes): the quote that closes a key is preceded by its last
 * character; an opening quote is preceded by `[`, `{`, `,`, `:` or whitespace (so a suffix such as
 * `": weiter"` does not count), and a quote inside a string is escaped (preceded by a backslash).
 */
export function countKeys(text: string): number {
  const keyEnd = /[A-Za-z0-9]"\s*:/g;
  let keys = 0;
  while (keyEnd.test(text)) keys += 1;
  return keys;
}

/**
 * A key given twice in one object of a valid file (JSON.parse keeps the last silently, so the next
 * save would drop the other), located by the strict tree parser. Counting first: a text with as
 * many keys as the parsed file holds (`parsedKeys`, counted by the validation) has none twice, and
 * only a text with more runs the tree parser.
 */
function duplicateKeyProblem(text: string, parsedKeys: number): FileProblem | undefined {
  if (countKeys(text) === parsedKeys) return undefined;
  return treeProblem(text);
}

/** The strict tree parser's first complaint (a duplicate key, nesting too deep, a syntax error), located. */
function treeProblem(text: string): FileProblem | undefined {
  try {
    parseJsonTree(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ...lineColumnAt(text, error.offset), message: error.message };
  }
}

/**
 * Reads the annotation file's text.
 *
 * - `ok`: a valid file of version 1 or 2 (annotations in the order written; a blank text reads as an empty version-1 file).
 * - `newer`: `version` is higher than this extension knows; never rewrite it.
 * - `invalid`: JSON syntax errors, duplicate keys, nesting deeper than the tree parser's limit, or
 *   contract violations, each with a 1-based line and column.
 * - `conflicted`: git conflict markers; each side's text is returned for {@link resolveConflictMarkers}.
 * @param text The file's content (a leading byte-order mark is ignored).
 */
export function parseAnnotationFile(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'ok', file: emptyAnnotationFile() };
  const split = splitConflictMarkers(body);
  if (split.kind === 'sides') return { kind: 'conflicted', ...split.sides };
  if (split.kind === 'malformed') return { kind: 'invalid', problems: [{ line: split.line, column: 1, message: split.message }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { kind: 'invalid', problems: [syntaxProblem(body, error)] };
  }
  const { problems, keys } = checkAnnotationFileValue(value);
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > ANNOTATION_FILE_VERSION) {
    return problems.length === 0 ? { kind: 'newer', version, file: value as AnnotationFile } : { kind: 'newer', version };
  }
  if (problems.length > 0) return { kind: 'invalid', problems: locateProblems(body, problems) };
  const duplicate = duplicateKeyProblem(body, keys);
  return duplicate ? { kind: 'invalid', problems: [duplicate] } : { kind: 'ok', file: value as AnnotationFile };
}

/** A one-paragraph description of why a parse result cannot be written to, for messages and read-only reasons. */
export function describeUnwritable(result: Exclude<ParseResult, { kind: 'ok' }>, fileName: string): string {
  switch (result.kind) {
    case 'newer':
      return `${fileName} was written by a newer version of AI News Annotator (file version ${result.version}, this one knows ${ANNOTATION_FILE_VERSION}). It is shown read-only and will not be changed; update the extension to edit it.`;
    case 'invalid': {
      const first = result.problems[0];
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
      return `${fileName} cannot be read: line ${first.line}, column ${first.column}: ${first.message}${more}. Annotations are read-only until the file is fixed; your changes are kept.`;
    }
    case 'conflicted':
      return `${fileName} contains git conflict markers. Review the proposed merge of both sides; until it is accepted, annotations are read-only and your changes are kept.`;
  }
}

/**
 * A key given twice in one object of any JSON text that JSON.parse read as `value` (which kept the
 * last silently), located; for files whose key names are not a fixed set (the feedback file keeps
 * unknown fields, the entity list is written by hand). When every key name ends in a letter or digit,
 * {@link countKeys} sees every key in the text and the counts decide, as for the annotation file; a
 * file with other names is checked by the strict tree parser.
 */
export function duplicateKeyProblemOf(text: string, value: unknown): FileProblem | undefined {
  const { keys, allCountable } = keysOf(value);
  if (allCountable && countKeys(text) === keys) return undefined;
  return treeProblem(text);
}

/** How many keys the objects in a parsed value hold, and whether {@link countKeys} would see them all. Iterative: the value may be deep. */
function keysOf(value: unknown): { keys: number; allCountable: boolean } {
  let keys = 0;
  let allCountable = true;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
      continue;
    }
    for (const key in next) {
      keys += 1;
      allCountable &&= endsInLetterOrDigit(key);
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return { keys, allCountable };
}

/** Whether a key name ends in an ASCII letter or digit (what {@link countKeys} looks for before the closing quote). */
function endsInLetterOrDigit(key: string): boolean {
  const c = key.charCodeAt(key.length - 1);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `line 3, column 7: message`: a located problem for a message that names the file before it. */
export function describeProblem(problem: FileProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
