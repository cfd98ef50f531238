/**
 * Turns the bytes of a web page into text: the charset from a byte-order mark, the HTTP
 * Content-Type, or the page's own `<meta charset>` (in that order, as browsers do), UTF-8 otherwise.
 * Refuses what is not an HTML page, with a reason the user can act on.
 */

import * as iconv from 'iconv-lite';

import { MAX_PAGE_BYTES } from './fetchPage';
import { ImportRefusal } from './importRefusal';

export { ImportRefusal, MAX_PAGE_BYTES };

export interface DecodedPage {
  html: string;
  /** The charset label used, lower case ("utf-8", "windows-1252", …). */
  charset: string;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const HEADER_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;

/** The charset a Content-Type header names, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? HEADER_CHARSET.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The `<meta charset>` or `http-equiv` charset in the first 1024 bytes (the HTML prescan's window). */
function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return META_CHARSET.exec(head)?.[1]?.toLowerCase();
}

/**
 * Labels that browsers decode as windows-1252 (the WHATWG Encoding Standard): a page that says
 * ISO-8859-1 or ASCII really uses windows-1252's quotes and dashes in 0x80–0x9F. (Node's own
 * TextDecoder decodes those as control characters, so iconv-lite does the decoding.)
 */
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'ascii', 'us-ascii', 'cp1252', 'x-cp1252', 'cp819', 'ibm819']);

/** The charset to decode with for a declared label, or undefined when we do not know it. */
function knownCharset(label: string): string | undefined {
  const normalised = WINDOWS_1252_LABELS.has(label) ? 'windows-1252' : label;
  return iconv.encodingExists(normalised) ? normalised : undefined;
}

/** True when the bytes look like a binary file (images, PDFs, archives hold NUL bytes early on). */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0) && charsetFromBom(bytes)?.startsWith('utf-16') !== true;
}

/** True when a content type announces something other than HTML (text/plain counts as not HTML). */
function isNonHtmlType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type !== '' && type !== 'text/html' && type !== 'application/xhtml+xml' && type !== 'application/octet-stream';
}

/**
 * Decodes a page.
 * @param bytes the page as fetched or read from disk
 * @param contentType the HTTP Content-Type header, when the page came over HTTP
 * @throws ImportRefusal when the page is too large, binary, not HTML, or has no markup at all
 */
export function decodePage(bytes: Uint8Array, contentType?: string): DecodedPage {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new ImportRefusal(`the page is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1024 / 1024} MB limit for an article`);
  }
  if (isNonHtmlType(contentType)) throw new ImportRefusal(`the server sent ${contentType?.split(';')[0].trim()}, not an HTML page`);
  if (looksBinary(bytes)) throw new ImportRefusal('this is a binary file, not an HTML page');
  const declared = charsetFromBom(bytes) ?? charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  // An unknown label is decoded as UTF-8, which is what the page most probably is.
  const label = (declared && knownCharset(declared)) ?? 'utf-8';
  const html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
  if (!/<[a-z!][^>]*>/i.test(html.slice(0, 65536))) throw new ImportRefusal('this is not an HTML page (no markup in it)');
  return { html, charset: label };
}
