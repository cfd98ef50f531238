import { createHash } from 'node:crypto';

/** Line endings normalised to LF, a leading byte-order mark dropped: what the hash covers. */
function hashedText(text: string): string {
  // Most articles have neither: a search is cheaper than a replace that copies a large text.
  const bom = text.charCodeAt(0) === 0xfeff;
  if (!bom && text.indexOf('\r') < 0) return text;
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The sha256 (hex) of an article's text, as stored in an annotation's `articleHash`.
 *
 * Line endings are normalised to LF and a leading byte-order mark is dropped first, so the
 * same article checked out on Windows (CRLF, via git's autocrlf) and on Linux hashes alike.
 * @param text The article text.
 * @returns 64 lowercase hex digits.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(hashedText(text), 'utf8').digest('hex');
}

/** Characters hashed per turn by {@link contentHashInSlices}: a fraction of a millisecond. */
const SLICE = 64 * 1024;

/**
 * The same hash as {@link contentHash}, in slices of 64 K characters with `nextTurn` awaited
 * between them: a 1 MB article takes a few milliseconds to hash (and to encode as UTF-8), which the
 * editor's event loop should never wait for in one piece.
 * @param text The article text, one string or in pieces (only slices of it are read).
 * @param nextTurn Resolves in a later turn of the event loop (the editor passes a zero timer).
 */
export async function contentHashInSlices(text: { readonly length: number; slice(start: number, end: number): string }, nextTurn: () => Promise<void>): Promise<string> {
  const hash = createHash('sha256');
  let carry = '';
  for (let from = 0; from < text.length; from += SLICE) {
    if (from > 0) await nextTurn();
    let slice = carry + text.slice(from, from + SLICE);
    // A CR at the end may be the first half of a CRLF, a high surrogate the first half of an emoji:
    // both wait for the next slice.
    const last = slice.charCodeAt(slice.length - 1);
    carry = from + SLICE < text.length && (last === 13 || (last >= 0xd800 && last <= 0xdbff)) ? slice.slice(-1) : '';
    if (carry) slice = slice.slice(0, -1);
    hash.update(from === 0 ? hashedText(slice) : slice.replace(/\r\n?/g, '\n'), 'utf8');
  }
  return hash.digest('hex');
}
