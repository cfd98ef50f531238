/**
 * A flat token stream over (masked) prose. Every token keeps its UTF-16 offsets,
 * so every detector reports spans that index the original text.
 */

import { FNV_OFFSET, FNV_PRIME, wordHash, type WordIds } from './wordIds';

export type TokenKind = 'word' | 'num' | 'sym';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Whitespace (or masked markup) separates this token from the previous one. */
  spaceBefore: boolean;
  /** A line break lies between this token and the previous one. */
  lineBefore: boolean;
  /** A word's id in the analyser's WordIds (see wordIds.ts); -1 for numbers and symbols, and when tokenized without one. */
  id: number;
}

/** Longest digit run still read as a number; longer runs (IDs, hashes, junk) become symbols. */
const MAX_NUMBER_LENGTH = 24;
const LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length (1 or 2 code units) of the letter at i, or 0. `marks` also accepts combining marks. */
function letterLength(text: string, i: number, marks: boolean): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  if (c < 128) return 0;
  // Latin-1 and Latin Extended-A letters ("ä", "ß", "é", "ł") without a regular expression: German text is full of them.
  if (c >= 0xc0 && c <= 0x17f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) as number;
    return cp > 0xffff && (marks ? LETTER_OR_MARK : LETTER).test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return (marks ? LETTER_OR_MARK : LETTER).test(text.charAt(i)) ? 1 : 0;
}

/** Symbols glued together beyond this many characters are one token (see endOfSymbolRun). */
const LONG_SYMBOL_RUN = 256;

/**
 * Where a run of glued symbols ("....", "![![![", "*_*_*_") ends when it is longer than
 * LONG_SYMBOL_RUN characters; else `next`, the end of the first symbol. Prose never has such runs,
 * but a file of nothing else would otherwise make one token object per character, and the garbage
 * collector's work then grows faster than the text (issue 16: 2 MB of dots took 3.3x 1 MB).
 */
function endOfSymbolRun(text: string, start: number, next: number, to: number): number {
  let end = start;
  while (end < to && end - start <= LONG_SYMBOL_RUN) {
    const c = text.charCodeAt(end);
    if (isSpace(c) || isDigit(c) || letterLength(text, end, false)) break;
    end++;
  }
  if (end - start <= LONG_SYMBOL_RUN) return next;
  while (end < to) {
    const c = text.charCodeAt(end);
    if (isSpace(c) || isDigit(c) || letterLength(text, end, false)) break;
    end++;
  }
  // A surrogate pair is never split at the end of the run.
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff && end < to ? end + 1 : end;
}

/**
 * Splits `text[from, to)` into tokens: words (letters with their combining marks), numbers (digits
 * with inner separators: "1.234,5", "2.5") and one-character symbols (surrogate pairs stay whole; a
 * run of more than LONG_SYMBOL_RUN glued symbols is one token).
 * One linear pass over the characters.
 * @param ids the analyser's word ids: every word token gets its id and the table's string.
 */
export function tokenize(text: string, from = 0, to = text.length, ids?: WordIds): Token[] {
  const tokens: Token[] = [];
  let space = true;
  let line = true;
  let i = from;
  let hash = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) line = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isDigit(c)) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 46 || d === 44) && i + 1 < to && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      kind = i - start > MAX_NUMBER_LENGTH ? 'sym' : 'num';
    } else {
      const first = letterLength(text, i, false);
      if (first) {
        // The word's hash for its id is worked out as its letters are read (wordHash, the same FNV-1a).
        hash = FNV_OFFSET;
        for (let n = first; n && i < to; n = letterLength(text, i, true)) {
          hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
          if (n === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
          i += n;
        }
        kind = 'word';
      } else {
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
        kind = 'sym';
        i = endOfSymbolRun(text, start, i, to);
      }
    }
    // A surrogate pair split by `to` (a letter read past it): the word ends at `to`, and so does its hash.
    if (i > to) {
      i = to;
      hash = wordHash(text, start, i);
    }
    const id = ids && kind === 'word' ? ids.idOfHashed(text, start, i, hash | 0) : -1;
    tokens.push({ kind, text: id >= 0 ? (ids as WordIds).textOf(id) : text.slice(start, i), start, end: i, spaceBefore: space, lineBefore: line, id });
    space = false;
    line = false;
  }
  return tokens;
}

/** Reads a token stream by index; out-of-range indices read as "no token". Detectors extend it. */
export class TokenCursor {
  constructor(readonly tokens: Token[]) {}
  at(i: number): Token | undefined {
    return this.tokens[i];
  }
  /** Token i follows token i-1 without any space. */
  glued(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && !t.spaceBefore;
  }
  word(i: number): string | null {
    const t = this.tokens[i];
    return t && t.kind === 'word' ? t.text : null;
  }
  sym(i: number): string | null {
    const t = this.tokens[i];
    return t && t.kind === 'sym' ? t.text : null;
  }
}

/** True when the word starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** True when every letter is upper case and there are at least two. */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** True for inner capitals after a lower-case letter: "DeepSeek", "iPhone", "WeChat". */
export function isCamelCase(word: string): boolean {
  let ascii = true;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) {
      const prev = word.charCodeAt(i - 1);
      if (prev >= 97 && prev <= 122) return true;
    }
  }
  return !ascii && /\p{Ll}\p{Lu}/u.test(word);
}
