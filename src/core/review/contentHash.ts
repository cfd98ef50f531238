import { createHash } from 'node:crypto';

/**
 * The sha256 (hex) of an article's text, as stored in an annotation's `articleHash`.
 *
 * Line endings are normalised to LF and a leading byte-order mark is dropped first, so the
 * same article checked out on Windows (CRLF, via git's autocrlf) and on Linux hashes alike.
 * @param text The article text.
 * @returns 64 lowercase hex digits.
 */
export function contentHash(text: string): string {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
