/**
 * The feedback file `.ainews/feedback.json`: a team's corrections of the detector ("not a claim",
 * "not an entity", "wrong entity type"), committed and shared through git like the annotation file.
 * Each correction is anchored by quote and context like an annotation (src/core/store/anchor.ts), so
 * it follows its words when the article is edited. Schema: schemas/feedback.schema.json; docs/feedback.md.
 */
import { randomUUID } from 'node:crypto';
import type { EntityType } from '../analysis/types';
import { makeQuote } from '../store/anchor';
import type { TextPosition, TextQuote } from '../store/annotation';
import { describeProblem, duplicateKeyProblemOf, syntaxProblem } from '../store/file';
import { isIsoDateTime, isValidArticlePath, MAX_CONTEXT_LENGTH } from '../store/validate';

export const DEFAULT_FEEDBACK_FILE = '.ainews/feedback.json';
export const FEEDBACK_FILE_VERSION = 1;

export type CorrectionKind = 'not-a-claim' | 'not-an-entity' | 'wrong-entity-type';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['not-a-claim', 'not-an-entity', 'wrong-entity-type'];
/** The entity types a "wrong entity type" correction can name (ours). */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'org', 'place', 'product', 'outlet', 'other'];

/** One correction. Fields are only ever added (unknown ones are kept when the file is rewritten). */
export interface Correction {
  id: string;
  /** The article, relative to the workspace folder, `/` separators (as in the annotation file). */
  article: string;
  kind: CorrectionKind;
  /** The right type; only for `wrong-entity-type`. */
  type?: EntityType;
  quote: TextQuote;
  position: TextPosition;
  author: string;
  /** ISO 8601 date and time. */
  created: string;
}

export interface FeedbackFile {
  version: number;
  corrections: Correction[];
}

export type FeedbackParse =
  /** The valid corrections, and one message per correction left out (its index and why). */
  | { kind: 'ok'; file: FeedbackFile; problems: string[] }
  /** Not a feedback file at all (not JSON, wrong shape, a newer version): why. */
  | { kind: 'invalid'; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function quoteProblem(quote: unknown): string | undefined {
  if (!isObject(quote) || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') {
    return 'quote needs the strings exact, prefix and suffix';
  }
  if (quote.exact.length === 0) return 'quote.exact is empty';
  if (quote.prefix.length > MAX_CONTEXT_LENGTH || quote.suffix.length > MAX_CONTEXT_LENGTH) return `quote.prefix and quote.suffix hold at most ${MAX_CONTEXT_LENGTH} characters`;
  return undefined;
}

/** Why a value is not a valid correction, or undefined when it is one. */
export function correctionProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (typeof value.id !== 'string' || value.id.length === 0) return 'id must be a non-empty string';
  if (typeof value.article !== 'string' || !isValidArticlePath(value.article)) return 'article must be a relative path inside the workspace folder';
  if (!CORRECTION_KINDS.includes(value.kind as CorrectionKind)) return `kind must be one of ${CORRECTION_KINDS.join(', ')}`;
  if (value.kind === 'wrong-entity-type' ? !ENTITY_TYPES.includes(value.type as EntityType) : value.type !== undefined) {
    return `type (one of ${ENTITY_TYPES.join(', ')}) is required for wrong-entity-type and only there`;
  }
  const quote = quoteProblem(value.quote);
  if (quote) return quote;
  const position = value.position;
  if (!isObject(position) || !isOffset(position.start) || !isOffset(position.end) || position.end <= position.start) {
    return 'position needs whole numbers start < end';
  }
  if (typeof value.author !== 'string') return 'author must be a string';
  if (typeof value.created !== 'string' || !isIsoDateTime(value.created)) return 'created must be an ISO 8601 date and time';
  return undefined;
}

/**
 * Reads the feedback file's text. A correction that is not valid is left out with a message (the
 * file itself is then not rewritten by the store, so nothing is lost); a file that is not a feedback
 * file at all is `invalid`, and so is one with a key written twice in an object (never rewritten);
 * syntax errors and duplicate keys are named with line and column.
 */
export function parseFeedbackFile(text: string): FeedbackParse {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { kind: 'invalid', message: describeProblem(syntaxProblem(body, error)) };
  }
  // JSON.parse keeps the last of a key written twice: the next save or merge would lose the other.
  const duplicate = duplicateKeyProblemOf(body, value);
  if (duplicate) return { kind: 'invalid', message: describeProblem(duplicate) };
  if (!isObject(value) || !Array.isArray(value.corrections)) return { kind: 'invalid', message: 'expected an object with a "corrections" array' };
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) return { kind: 'invalid', message: '"version" must be a whole number from 1' };
  if (value.version > FEEDBACK_FILE_VERSION) return { kind: 'invalid', message: `written by a newer version (file version ${value.version})` };
  const corrections: Correction[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.corrections.forEach((item: unknown, index: number) => {
    const problem = correctionProblem(item) ?? (seen.has((item as Correction).id) ? `the id ${(item as Correction).id} occurs twice` : undefined);
    if (problem) problems.push(`correction ${index + 1}: ${problem}`);
    else {
      seen.add((item as Correction).id);
      corrections.push(item as Correction);
    }
  });
  return { kind: 'ok', file: { ...value, version: value.version, corrections }, problems };
}

/** Corrections in a stable order: by article, then when they were made, then id (small diffs in git). */
export function sortCorrections(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => compareText(a.article, b.article) || compareText(a.created, b.created) || compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's text: two-space JSON, corrections in stable order, a final newline. */
export function serializeFeedbackFile(file: FeedbackFile): string {
  return `${JSON.stringify({ ...file, version: FEEDBACK_FILE_VERSION, corrections: sortCorrections(file.corrections) }, null, 2)}\n`;
}

/** The corrections that apply to one article. */
export function correctionsOf(file: FeedbackFile | undefined, article: string): Correction[] {
  return file ? file.corrections.filter((c) => c.article === article) : [];
}

/** A new correction of the finding at `span` of an article's text, anchored by quote and position. */
export function newCorrection(
  target: { article: string; text: string; span: TextPosition },
  kind: CorrectionKind,
  type: EntityType | undefined,
  author: string,
  now = new Date(),
  id: string = randomUUID(),
): Correction {
  const { article, text, span } = target;
  const position = { start: span.start, end: span.end };
  return { id, article, kind, ...(type ? { type } : {}), quote: makeQuote(text, span.start, span.end), position, author, created: now.toISOString() };
}
