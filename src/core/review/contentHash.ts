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

/**
 * The same hash as {@link contentHash}, computed by Web Crypto off the main thread: a 1 MB article
 * takes a few milliseconds to hash, which the editor's event loop should not wait for.
 */
export async function contentHashAsync(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(hashedText(text)));
  return Buffer.from(digest).toString('hex');
}
