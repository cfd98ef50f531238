/**
 * An article's text held in pieces of a few thousand characters, so that a keystroke into a 1 MB
 * article makes one new piece, not a new 2 MB string (V8 keeps a text built by slicing and joining as
 * a tree until it is first read, then copies all of it into one string; every such copy outlives the
 * editor's debounce and waits for a major garbage collection). Readers take windows with `slice`; the
 * whole string is joined only where something needs all of it (`toString`: a hash, a fuzzy search).
 *
 * Immutable: `withEdits` returns a new text that shares every piece the edits did not touch.
 */
import type { TextEdit } from './store/anchor';

/** Characters per piece when a text is first cut; a piece grown past twice this is cut again. */
const PIECE_CHARS = 8 * 1024;
/** Characters compared per step when looking for where two texts differ. */
const COMPARE_CHARS = 4 * 1024;

export class PieceText {
  /** The whole text, once joined (or as it was given). */
  private joined: string | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** Where each piece starts in the text. */
    private readonly starts: readonly number[],
    readonly length: number,
    /** How many carriage returns the text holds (kept through edits: a hash normalises them). */
    readonly carriageReturns: number,
  ) {}

  /** A text cut into pieces that are slices of `text` (V8 shares a slice's characters with the string it was cut from). */
  static of(text: string): PieceText {
    const pieces: string[] = [];
    const starts: number[] = [];
    for (let start = 0; start < text.length || pieces.length === 0; start += PIECE_CHARS) {
      pieces.push(text.slice(start, start + PIECE_CHARS));
      starts.push(start);
    }
    const made = new PieceText(pieces, starts, text.length, countCarriageReturns(text));
    made.joined = text;
    return made;
  }

  /** The text of [start, end) (clamped); within one piece a slice of it, else the pieces' parts joined. */
  slice(start: number, end = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (this.joined !== undefined) return this.joined.slice(from, to);
    let i = this.pieceAt(from);
    const offset = from - this.starts[i];
    if (to - this.starts[i] <= this.pieces[i].length) return this.pieces[i].slice(offset, to - this.starts[i]);
    let result = this.pieces[i].slice(offset);
    for (i++; i < this.pieces.length && this.starts[i] < to; i++) result += this.pieces[i].slice(0, to - this.starts[i]);
    return result;
  }

  /** The character code at `index` (NaN outside the text), without joining anything. */
  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    const i = this.pieceAt(index);
    return this.pieces[i].charCodeAt(index - this.starts[i]);
  }

  /** The whole text as one string: joined on first use (a copy of all of it), then kept. */
  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /** Its UTF-8 size, counted piece by piece (no copy). */
  byteLength(): number {
    if (this.joined !== undefined) return Buffer.byteLength(this.joined, 'utf8');
    let bytes = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      bytes += Buffer.byteLength(this.pieces[i], 'utf8');
      // A surrogate pair cut between two pieces: each half alone counts 3 bytes, the pair 4.
      if (i > 0 && isLowSurrogate(this.pieces[i].charCodeAt(0)) && isHighSurrogate(this.pieces[i - 1].charCodeAt(this.pieces[i - 1].length - 1))) bytes -= 2;
    }
    return bytes;
  }

  /**
   * The text after `edits`, sorted by descending offset (each refers to the text after the previous
   * ones, as VS Code's simultaneous changes applied last-first). Only the pieces an edit touches are new.
   */
  withEdits(edits: readonly TextEdit[]): PieceText {
    return edits.reduce((text: PieceText, edit) => text.withEdit(edit), this);
  }

  private withEdit({ offset, deletedLength, insertedText }: TextEdit): PieceText {
    const from = Math.max(0, Math.min(offset, this.length));
    const to = Math.min(this.length, from + deletedLength);
    const first = this.pieceAt(from);
    const last = Math.max(first, this.pieceAt(Math.max(from, to - 1)));
    const before = this.pieces[first].slice(0, from - this.starts[first]);
    const removed = this.slice(from, to);
    const after = this.pieces[last].slice(to - this.starts[last]);
    const merged = before + insertedText + after;
    const replacement: string[] = [];
    if (merged.length > 2 * PIECE_CHARS) {
      for (let start = 0; start < merged.length; start += PIECE_CHARS) replacement.push(merged.slice(start, start + PIECE_CHARS));
    } else if (merged.length > 0 || (first === 0 && last === this.pieces.length - 1)) {
      replacement.push(merged);
    }
    const pieces = this.pieces.slice(0, first);
    const starts = this.starts.slice(0, first);
    let start = this.starts[first];
    for (const piece of replacement) {
      pieces.push(piece);
      starts.push(start);
      start += piece.length;
    }
    const shift = insertedText.length - (to - from);
    for (let i = last + 1; i < this.pieces.length; i++) {
      pieces.push(this.pieces[i]);
      starts.push(this.starts[i] + shift);
    }
    const carriageReturns = this.carriageReturns - countCarriageReturns(removed) + countCarriageReturns(insertedText);
    return new PieceText(pieces, starts, this.length + shift, carriageReturns);
  }

  /** The index of the piece that holds `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An empty piece (only ever a whole empty text) or the end of a piece: the next one holds it.
    while (lo + 1 < this.pieces.length && offset >= this.starts[lo] + this.pieces[lo].length) lo++;
    return lo;
  }

  /** How many leading pieces two texts share (the same strings at the same places): equal without comparing them. */
  sharedLeadingPieces(other: PieceText): number {
    let i = 0;
    while (i < this.pieces.length && i < other.pieces.length && this.starts[i] === other.starts[i] && this.pieces[i] === other.pieces[i]) i++;
    return i === 0 ? 0 : this.starts[i - 1] + this.pieces[i - 1].length;
  }

  /** How many trailing characters two texts share in whole pieces at the same distance from their ends. */
  sharedTrailingPieces(other: PieceText): number {
    let i = this.pieces.length - 1;
    let j = other.pieces.length - 1;
    while (i >= 0 && j >= 0 && this.length - this.starts[i] === other.length - other.starts[j] && this.pieces[i] === other.pieces[j]) {
      i--;
      j--;
    }
    return i === this.pieces.length - 1 ? 0 : this.length - this.starts[i + 1];
  }
}

/** An article's text: one string, or pieces (see PieceText). */
export type ArticleText = string | PieceText;

/** The whole text as one string (joins pieces: only where all of it is needed). */
export function wholeText(text: ArticleText): string {
  return typeof text === 'string' ? text : text.toString();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function countCarriageReturns(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) count++;
  return count;
}

/** Whether two article texts are the same characters (pieces shared by both are not compared). */
export function sameText(a: ArticleText, b: ArticleText): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return commonPrefixOf(a, b) === a.length;
}

/** Length of the common prefix of two article texts, compared in windows (pieces both share are skipped). */
export function commonPrefixOf(a: ArticleText, b: ArticleText): number {
  const limit = Math.min(a.length, b.length);
  let at = typeof a === 'object' && typeof b === 'object' ? Math.min(a.sharedLeadingPieces(b), limit) : 0;
  while (at < limit) {
    const end = Math.min(limit, at + COMPARE_CHARS);
    const left = a.slice(at, end);
    const right = b.slice(at, end);
    if (left !== right) {
      let i = 0;
      while (left.charCodeAt(i) === right.charCodeAt(i)) i++;
      return at + i;
    }
    at = end;
  }
  return limit;
}

/** Length of the common suffix of two article texts, at most `limit`, compared in windows. */
export function commonSuffixOf(a: ArticleText, b: ArticleText, limit: number): number {
  let at = typeof a === 'object' && typeof b === 'object' ? Math.min(a.sharedTrailingPieces(b), limit) : 0;
  while (at < limit) {
    const length = Math.min(limit - at, COMPARE_CHARS);
    const left = a.slice(a.length - at - length, a.length - at);
    const right = b.slice(b.length - at - length, b.length - at);
    if (left !== right) {
      let i = 0;
      while (left.charCodeAt(length - 1 - i) === right.charCodeAt(length - 1 - i)) i++;
      return at + i;
    }
    at += length;
  }
  return limit;
}
