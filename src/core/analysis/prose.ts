/**
 * Separates prose from markup in one Markdown block. The result keeps every offset: markup,
 * code, HTML, URLs and list markers are replaced by spaces (line breaks stay), so detectors
 * can scan the masked string and report spans that index the original text unchanged.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';

export interface Span {
  start: number;
  end: number;
}

export interface ProseBlock {
  /** Same length as the block; only prose characters survive, the rest are spaces or '\n'. */
  masked: string;
  /** Paragraphs and headings: sentences never cross their borders. */
  units: Span[];
}

interface MdNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

// The parser is configured once and never changed: unified freezes it on first use.
const markdownParser = unified().use(remarkParse);

const SKIPPED = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'break', 'thematicBreak']);
const UNITS = new Set(['paragraph', 'heading']);
// The e-mail part starts only where a run of address characters starts (the lookbehind): with '\b'
// alone, every position inside a long run like 'a.a.a.…' was tried and scanned to the run's end.
const URL_LIKE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”„]*[^\s<>"“”„.,;:!?)\]'’]|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*\w/g;

function spanOf(node: MdNode): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/**
 * Collects the text spans and the paragraph/heading spans of a tree, in document order. Iterative:
 * the tree's depth is the input's (20 KB of '>' nest 20,000 block quotes), recursion would overflow.
 */
function collect(root: MdNode, prose: Span[], units: Span[]): void {
  const pending: MdNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as MdNode;
    if (SKIPPED.has(node.type)) continue;
    const span = node.type === 'text' || UNITS.has(node.type) ? spanOf(node) : null;
    if (span) (node.type === 'text' ? prose : units).push(span);
    if (node.type === 'text' || !node.children) continue;
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }
}

/** Blanks bare URLs and e-mail addresses (Markdown without GFM leaves them as text). */
function maskUrls(masked: string): string {
  if (!masked.includes('://') && !masked.includes('www.') && !masked.includes('@')) return masked;
  return masked.replace(URL_LIKE, blankOut);
}

/** Replaces every character except line breaks with a space. */
export function blankOut(text: string): string {
  // Line by line with repeat: a replace of every character is slow on the long runs of markup that
  // pathological inputs blank.
  return text.includes('\n') ? text.split('\n').map((line) => ' '.repeat(line.length)).join('\n') : ' '.repeat(text.length);
}

/**
 * Anything Markdown could read as markup: inline syntax characters, a character reference
 * ("&amp;", "&#8364;"), block markers at a line start (lists, headings, quotes, indented code,
 * setext underlines) or a blank line. A block without any of these is one paragraph of plain text,
 * exactly as remark would parse it. ("!" matters only before "[", which is in the class anyway.)
 * "#" and ">" count only at a line start: inside a line CommonMark reads them as text (a heading or
 * a quote opens a line; ">" closes only what "<" opened, "&#" is a reference); hashtags and "->"
 * sent a third of the bench's Markdown-looking paragraphs through remark.
 */
// eslint-disable-next-line no-control-regex -- NUL is Markdown-significant (remark replaces it)
const MARKDOWN_SYNTAX = /[`*_[\]<\\~\u0000]|&[#A-Za-z]|^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^(?: {4}|\t)|^[ \t]*(?:=+|-+)[ \t]*$|^[ \t]*(?:-[ \t]*){3,}$|^[ \t]*[>#]|\n[ \t\r]*\n/m;

/** True when remark would parse the block as a single paragraph of plain text. */
export function isPlainBlock(block: string): boolean {
  return !MARKDOWN_SYNTAX.test(block);
}

/** A one-line list item: up to three spaces, "-", "+", "*", "1." or "1)", then spaces and the first character of the text. */
const LIST_ITEM_LINE = /^[ ]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+(?=\S)/;

/**
 * A single-line list item ("- Umsatz: 7,2 Mrd. Euro", "25. Januar 2016 …"), the commonest line of
 * plain-text articles after a sentence: where its text begins, or -1 for anything else (several
 * lines, or a marker indented as code). Its text is masked as a block of its own (see maskProse).
 */
function listItemText(block: string): number {
  if (block.includes('\n') || block.includes('\r')) return -1;
  const marker = LIST_ITEM_LINE.exec(block);
  if (!marker) return -1;
  const contentStart = marker[0].length;
  // Four or more spaces after the marker would make the text an indented code block.
  if (block.slice(contentStart - Math.min(contentStart, 5), contentStart).endsWith('     ')) return -1;
  return contentStart;
}

/**
 * One paragraph of plain text: all of it prose but the spans in `blanked` (inline HTML), the
 * paragraph from its first to its last character that is not a space (the blanked spans included).
 */
function maskPlain(block: string, blanked: readonly Span[] = []): ProseBlock {
  let start = 0;
  let end = block.length;
  while (start < end && /\s/.test(block.charAt(start))) start++;
  while (end > start && /\s/.test(block.charAt(end - 1))) end--;
  const text = blanked.length ? blankSpans(block, blanked) : block;
  const masked = blankOut(text.slice(0, start)) + text.slice(start, end) + blankOut(text.slice(end));
  return { masked: maskUrls(masked), units: start < end ? [{ start, end }] : [] };
}

/** `text` with the (sorted, disjoint) spans blanked. */
function blankSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let pos = 0;
  for (const span of spans) {
    out += text.slice(pos, span.start) + blankOut(text.slice(span.start, span.end));
    pos = span.end;
  }
  return out + text.slice(pos);
}

/**
 * MARKDOWN_SYNTAX's alternatives, each match looked at by inertMarkup. (Global: its `lastIndex` is
 * set before every use.)
 */
const SYNTAX_MATCHES = new RegExp(MARKDOWN_SYNTAX.source, 'gm');
/**
 * An HTML open or closing tag on one line, as CommonMark reads inline HTML ("<br />", "<a
 * href="…" target=_blank>", "</a>"): remark makes it an html node, which is blanked. Other HTML
 * (comments, declarations, tags across lines), autolinks and tags that may open an HTML block
 * (mayOpenHtmlBlock) are left to remark.
 */
const HTML_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n\r"'=<>`]+|'[^'\n\r]*'|"[^"\n\r]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>/y;
/**
 * Tag names that open an HTML block wherever a line starts with them (CommonMark's kinds 1 and 6):
 * such a line is HTML to its block's end, not a paragraph.
 */
const HTML_BLOCK_TAGS = new Set(('pre script style textarea address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
  'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup ' +
  'option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));
const TAG_NAME = /<\/?([A-Za-z][A-Za-z0-9-]*)/y;

/**
 * Whether the tag text[start, end), which opens its line, may open an HTML block: a tag of
 * HTML_BLOCK_TAGS, or any tag alone on the block's first line of text (kind 7, which cannot interrupt a
 * paragraph; "<br />Grund: …" is a paragraph).
 */
function mayOpenHtmlBlock(block: string, start: number, end: number): boolean {
  TAG_NAME.lastIndex = start;
  const name = TAG_NAME.exec(block)?.[1].toLowerCase() ?? '';
  if (HTML_BLOCK_TAGS.has(name)) return true;
  // No paragraph before it: only spaces and line breaks.
  const first = !/\S/.test(block.slice(0, start));
  TRAILING_SPACE.lastIndex = end;
  return first && TRAILING_SPACE.test(block);
}

/** Spaces and tabs up to a line end or the block's end. */
const TRAILING_SPACE = /[ \t]*(?=[\n\r]|$)/y;
/** What may be a character reference: "&amp;", "&#8364;" (the name is not checked: any ";" is enough). */
const CHARACTER_REFERENCE = /&#?[A-Za-z0-9]*;/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Only spaces and tabs precede position i on its line. */
function opensLine(block: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = block.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A space, tab, line break or the end of the block at position i: what no emphasis opener may be followed by. */
function isSpaceOrEnd(block: string, i: number): boolean {
  return i >= block.length || /\s/.test(block.charAt(i));
}

/**
 * The end of an emphasis delimiter run ("_", "**") that begins at `start` when it cannot open
 * emphasis, else -1. CommonMark: a run followed by a space is not left-flanking and opens nothing;
 * an underscore run after a letter or digit is right-flanking and not after punctuation, so it
 * opens nothing either ("DB_Bahn", "Bürger* und"). Closers without openers are text. A run that
 * opens a line may be a list marker or a thematic break: left to remark.
 */
function inertDelimiterRun(block: string, start: number): number {
  const c = block.charAt(start);
  let end = start + 1;
  while (block.charAt(end) === c) end++;
  if (opensLine(block, start)) return -1;
  if (isSpaceOrEnd(block, end)) return end;
  return c === '_' && LETTER_OR_DIGIT.test(block.charAt(start - 1)) ? end : -1;
}

/**
 * The end of the syntax match `match` at `at` when remark reads it as text (or as an HTML tag, added
 * to `tags`), else -1.
 */
function inertMatchEnd(block: string, match: string, at: number, tags: Span[]): number {
  if (match.charAt(0) === '&') {
    CHARACTER_REFERENCE.lastIndex = at;
    return CHARACTER_REFERENCE.test(block) ? -1 : at + 1;
  }
  switch (match) {
    case '_':
    case '*':
      return inertDelimiterRun(block, at);
    case '\\': {
      // A backslash escapes ASCII punctuation and breaks a line before a line end; else it is text.
      const next = block.charAt(at + 1);
      return next === '\n' || next === '\r' || ASCII_PUNCTUATION.test(next) ? -1 : at + 1;
    }
    case '~':
      // Only a fence (at a line start) makes tildes syntax; GFM's strikethrough is not read.
      return opensLine(block, at) ? -1 : at + 1;
    case '[':
      // Whether brackets make a link is decided at the "]" (see the next case).
      return at + 1;
    case ']': {
      // A link needs "(" or "[" right after a "]" (or a definition, "]:"; the block is parsed alone,
      // so a lone "[1]" refers to nothing): without them, every bracket of the block is text.
      const next = block.charAt(at + 1);
      return next === '(' || next === '[' || next === ':' ? -1 : at + 1;
    }
    case '<': {
      HTML_TAG.lastIndex = at;
      if (!HTML_TAG.test(block)) return -1;
      const end = HTML_TAG.lastIndex;
      if (opensLine(block, at) && mayOpenHtmlBlock(block, at, end)) return -1;
      // Spaces and tabs between a tag and a line end are in no text node of remark's either.
      TRAILING_SPACE.lastIndex = end;
      tags.push({ start: at, end: TRAILING_SPACE.test(block) ? TRAILING_SPACE.lastIndex : end });
      return end;
    }
    default:
      // A line that opens with "#" and a letter ("#Hashtag") is no heading: "#" needs a space after it.
      if (match.endsWith('#') && block.charAt(at + match.length) !== '#' && !isSpaceOrEnd(block, at + match.length)) return at + match.length;
      return -1;
  }
}

/**
 * The HTML tags of a block whose Markdown syntax characters remark would all read as text but
 * those tags: a paragraph of plain text, as in maskPlain, the tags blanked as remark blanks html
 * nodes. Null for any other block (real markup, or anything not certain). On the bench's distinct
 * text more than half of the blocks that failed isPlainBlock are such blocks: Twitter names
 * ("@DB_Bahn"), "S&P", hashtags that open a line, "[1]", "<br />" and links written in HTML.
 */
export function inertMarkup(block: string): Span[] | null {
  const tags: Span[] = [];
  SYNTAX_MATCHES.lastIndex = 0;
  for (let m = SYNTAX_MATCHES.exec(block); m; m = SYNTAX_MATCHES.exec(block)) {
    const end = inertMatchEnd(block, m[0], m.index, tags);
    if (end < 0) return null;
    SYNTAX_MATCHES.lastIndex = end;
  }
  return tags;
}

/**
 * Masks everything in one block that is not prose. Blocks with Markdown syntax are parsed with
 * remark; plain blocks, blocks whose syntax characters are all text or inline HTML (inertMarkup) and
 * one-line list items with such text take shortcuts with the same result (a property test compares
 * them). A byte-order mark is blanked before parsing because micromark drops it and would shift offsets.
 */
export function maskProse(block: string): ProseBlock {
  const source = block.charCodeAt(0) === 0xfeff ? ' ' + block.slice(1) : block;
  if (isPlainBlock(block)) return maskPlain(source);
  const item = listItemText(block);
  if (item >= 0 && isPlainBlock(block.slice(item))) return asListItem(block, item, maskPlain(block.slice(item)));
  if (!isCheapToParse(block)) return maskUnparsed(block);
  const tags = inertMarkup(source);
  if (tags) return maskPlain(source, tags);
  const itemTags = item >= 0 ? inertMarkup(block.slice(item)) : null;
  if (itemTags) return asListItem(block, item, maskPlain(block.slice(item), itemTags));
  return maskMarkdown(block);
}

/** A list item's masked text (`content`, from `contentStart` on) in its block, the marker blanked. */
function asListItem(block: string, contentStart: number, content: ProseBlock): ProseBlock {
  return {
    masked: blankOut(block.slice(0, contentStart)) + content.masked,
    units: content.units.map((u) => ({ start: u.start + contentStart, end: u.end + contentStart })),
  };
}

/**
 * remark-parse's time and memory grow much faster than the text on some inputs: runs of emphasis
 * delimiters, brackets, image openers and backticks (matched against each other), link definitions,
 * and containers nested deeply on one line ('> > > …', '- - - …'). Measured before this guard: 1 MB
 * of '[' took 27 s and 2 GB, 64 KB of '*a_' 270 s, 64 KB of '>' 63 s. Real prose has a few of
 * these per paragraph; a block with more is taken as plain text (see maskUnparsed).
 */
const MAX_DELIMITER_RUNS = 64;
const MAX_CONTAINER_DEPTH = 8;

/** Whether remark can parse the block in time linear in its length (see the limits above). */
export function isCheapToParse(block: string): boolean {
  let runs = 0;
  let previous = -1;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    // A run of * _ ` is one delimiter for remark; every [ and < opens something of its own.
    const delimiter = c === 42 || c === 95 || c === 96 ? c !== previous : c === 91 || c === 60;
    if (delimiter && ++runs > MAX_DELIMITER_RUNS) return false;
    previous = c;
  }
  return containerDepth(block) <= MAX_CONTAINER_DEPTH;
}

/** The most block-quote and list markers that open one line ("> - 1. text" opens three). */
function containerDepth(block: string): number {
  let deepest = 0;
  for (let lineStart = 0; lineStart < block.length; ) {
    const { end, depth } = containerMarkers(block, lineStart, MAX_CONTAINER_DEPTH + 1);
    if (depth > MAX_CONTAINER_DEPTH) return depth;
    deepest = Math.max(deepest, depth);
    const next = block.indexOf('\n', end);
    lineStart = next === -1 ? block.length : next + 1;
  }
  return deepest;
}

/**
 * The block-quote and list markers ('>', '-', '+', '*', '1.', '1)') that open the line starting at
 * `lineStart`, with the spaces between them: where they end and how many there are (up to `limit`).
 */
function containerMarkers(block: string, lineStart: number, limit = Number.POSITIVE_INFINITY): { end: number; depth: number } {
  let i = lineStart;
  let depth = 0;
  while (depth < limit) {
    let next = i;
    while (block.charCodeAt(next) === 32 || block.charCodeAt(next) === 9) next++;
    const c = block.charCodeAt(next);
    if (c === 62) next++; // >
    else if ((c === 45 || c === 43 || c === 42) && /[ \t]/.test(block.charAt(next + 1))) next += 2; // - + *
    else {
      let digits = next;
      while (digits < next + 9 && block.charCodeAt(digits) >= 48 && block.charCodeAt(digits) <= 57) digits++;
      if (digits === next || !/[.)]/.test(block.charAt(digits)) || !/[ \t]/.test(block.charAt(digits + 1))) break;
      next = digits + 2;
    }
    i = next;
    depth++;
  }
  return { end: i, depth };
}

/** Markdown's inline syntax characters, blanked when a block is taken as plain text. */
const MARKUP_CHARACTERS = /[*_[\]`<>\\~#]/g;

/**
 * A block remark would take too long on, as plain-text prose: one unit, its markup characters and
 * the quote and list markers that open its lines blanked.
 */
function maskUnparsed(block: string): ProseBlock {
  const source = block.charCodeAt(0) === 0xfeff ? ' ' + block.slice(1) : block;
  let text = '';
  for (let lineStart = 0; lineStart < source.length; ) {
    const markersEnd = containerMarkers(source, lineStart).end;
    const next = source.indexOf('\n', markersEnd);
    const lineEnd = next === -1 ? source.length : next + 1;
    // The markers lie within the line: as many spaces as they are long.
    text += ' '.repeat(markersEnd - lineStart) + source.slice(markersEnd, lineEnd).replace(MARKUP_CHARACTERS, ' ');
    lineStart = lineEnd;
  }
  return maskPlain(text);
}

/** The remark path of maskProse; exported so that tests can compare it with the plain-text path. */
export function maskMarkdown(block: string): ProseBlock {
  const source = block.charCodeAt(0) === 0xfeff ? ' ' + block.slice(1) : block;
  const tree = markdownParser.parse(source) as MdNode;
  const prose: Span[] = [];
  const units: Span[] = [];
  collect(tree, prose, units);
  prose.sort((a, b) => a.start - b.start);
  let masked = '';
  let pos = 0;
  for (const span of prose) {
    if (span.start < pos) continue;
    if (span.start > pos) masked += blankOut(source.slice(pos, span.start));
    masked += source.slice(span.start, span.end);
    pos = span.end;
  }
  if (pos < source.length) masked += blankOut(source.slice(pos));
  return { masked: maskUrls(masked), units };
}
