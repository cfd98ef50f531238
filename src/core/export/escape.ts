/**
 * Escaping of untrusted text (notes, quotes and paths arrive through git from other people) for
 * the markdown report, the CSV export and the JSON-LD exports.
 */
import { CONTROL_CHARACTERS } from '../controlCharacters';

/**
 * Characters that form inline markup in CommonMark/GFM: emphasis, code spans, links and images
 * (which all need a `[`), autolinks and HTML (`<`), entities, table cells, strikethrough and (on
 * GitHub) $math$. Parentheses and `!` stay as they are: without `[` they cannot form a link.
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>|~{}&$]/g;

/**
 * Escapes one line of untrusted text so it renders literally in CommonMark/GFM: no links, images,
 * HTML, emphasis, code spans or table cells can be formed, and nothing at the line's start can open
 * a heading, list, quote or code block. Line breaks become spaces; `escapeMarkdownLines` keeps them.
 * Bare URLs stay as written (GFM may make them clickable, but then with the very address as text).
 */
export function escapeMarkdownInline(text: string): string {
  return escapeLineStart(text.replace(/[\r\n]+/g, ' ').replace(MARKDOWN_INLINE, '\\$&'));
}

/**
 * Escapes multi-line untrusted text line by line (see `escapeMarkdownInline`), keeping its lines
 * as hard line breaks and its blank lines as paragraph breaks.
 */
export function escapeMarkdownLines(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => escapeMarkdownInline(line.trimEnd()));
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    // A backslash before a newline is a hard line break in CommonMark; never into or out of a blank line.
    out += lines[i] === '' || lines[i - 1] === '' ? '\n' : '\\\n';
    out += lines[i];
  }
  return out;
}

/** Escapes what would open a block at the start of a line: "#", "- ", "+ ", "=", "1. ", indentation. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^\s+/, '')
    .replace(/^([-+=#])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An http(s) address in its normalised form, or null when the text is not one (so it is not linked). */
export function safeHttpUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL.href percent-encodes spaces, quotes and angle brackets, so it is safe inside <...>.
  return url.href;
}

/**
 * Where a spreadsheet could start a cell inside a field: at its start, and after a `;` or a tab,
 * where a reader that splits at those (German Excel splits at `;`) starts one. A cell starting with
 * = + - @, tab or CR would run as a formula.
 */
const FORMULA_START = /(^|[;\t])(?=[=+\-@\t\r])/g;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled), and
 * also a `;` or a tab, so that a reader splitting at those keeps the field whole. Every place a
 * cell could start a formula (see {@link FORMULA_START}) gets an apostrophe first, the usual guard
 * against CSV formula injection.
 */
export function csvField(value: string): string {
  const guarded = value.replace(FORMULA_START, "$1'");
  return /[",;\t\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record: fields joined by commas, ended by CRLF as RFC 4180 asks. */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * JSON for JSON-LD exports, safe to paste into a page's `<script type="application/ld+json">`:
 * `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so that a note holding
 * `</script>` cannot end the script element and run as script in readers' browsers. Still valid
 * JSON that parses to the same values (those characters only occur inside strings).
 */
export function stringifyJsonLd(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/**
 * Other people's text made safe to print on a terminal: every control character (see
 * {@link CONTROL_CHARACTERS}) shown as a visible escape such as `\u001b`. With `keepLines`, tabs, line feeds
 * and CRLF stay as they are (a lone CR, which would let a line overwrite itself, does not).
 * Everything else, including the backslash, is unchanged.
 */
export function printableText(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(CONTROL_CHARACTERS, (c, offset: number) => {
    if (options.keepLines && (c === '\n' || c === '\t' || (c === '\r' && text[offset + 1] === '\n'))) return c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
