/** The token cursor the number matchers read with, and the dash tests they share. */
import { type Token, TokenCursor } from '../tokens';
import type { Language } from '../types';

export class Cursor extends TokenCursor {
  constructor(tokens: Token[], readonly language: Language) {
    super(tokens);
  }
  /** Token i exists and is on the same line as token i-1. */
  near(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && !t.lineBefore;
  }
  isWord(i: number, words: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
    const w = this.word(i);
    return w !== null && words.has(w);
  }
}

export function isHyphen(s: string | null): boolean {
  return s === '-' || s === '‑' || s === '–';
}

export function isDash(s: string | null): boolean {
  return s === '-' || s === '–' || s === '—' || s === '‑';
}
