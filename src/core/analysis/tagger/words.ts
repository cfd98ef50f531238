/**
 * The tagger's units: a word with everything glued to it by a hyphen, an apostrophe, a slash or a
 * dot, so that "SPD-Kanzlerkandidat", "GPT-4o", "Bush's" and "U.S" are one unit each and are labelled
 * whole (the corpora label "SPD-Kanzlerkandidat" as one token, and it is not a name for us).
 * Punctuation that stands on its own side of a word ("Merkel," "(CDU)") is a unit of its own.
 */
import type { Token } from '../tokens';

export interface TagWord {
  /** Index of the first and one past the last underlying token. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  /** First unit of a sentence. */
  initial: boolean;
  /** A one-token unit's word id in the analyser's WordIds (see wordIds.ts); else -1. */
  id: number;
}

const JOINERS = new Set(['-', '‑', "'", '’', '/', '.', '&', '_', '+']);

function isJoin(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return t.kind === 'sym' && JOINERS.has(t.text) && !t.spaceBefore && next !== undefined && !next.spaceBefore && next.kind !== 'sym' && i > 0 && tokens[i - 1].kind !== 'sym';
}

/**
 * Groups tokens into tagger units.
 * @param sentenceStarts sorted offsets where sentences begin.
 */
export function tagWords(tokens: readonly Token[], text: string, sentenceStarts: readonly number[]): TagWord[] {
  const words: TagWord[] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; ) {
    const from = i;
    if (tokens[i].kind !== 'sym') {
      i++;
      while (i < tokens.length && !tokens[i].spaceBefore) {
        if (tokens[i].kind !== 'sym') i++;
        else if (isJoin(tokens, i)) i += 2;
        else break;
      }
    } else {
      i++;
    }
    const start = tokens[from].start;
    let initial = false;
    while (s < sentenceStarts.length && sentenceStarts[s] <= start) {
      initial = true;
      s++;
    }
    const end = tokens[i - 1].end;
    // A one-token word reuses the token's string: no copy, and its hash is already known to V8 when
    // the entity rules looked it up (the tagger's memo looks every word up by its text).
    const wordText = i === from + 1 ? tokens[from].text : text.slice(start, end);
    words.push({ from, to: i, start, end, text: wordText, initial: initial || words.length === 0, id: i === from + 1 ? tokens[from].id : -1 });
  }
  return words;
}

/** Sentence starts for text without a sentence splitter (training records): after ". ", "! ", "? ". */
export function roughSentenceStarts(tokens: readonly Token[]): number[] {
  const starts: number[] = [];
  let next = true;
  for (const t of tokens) {
    if (next && t.kind !== 'sym') {
      starts.push(t.start);
      next = false;
    }
    if (t.kind === 'sym' && (t.text === '.' || t.text === '!' || t.text === '?')) next = true;
  }
  return starts;
}
