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

/** A one-line bullet item: up to three spaces, "-", "+" or "*", then spaces and the first character of the text. */
const BULLET_LINE = /^[ ]{0,3}[-+*][ \t]+(?=\S)/;

/**
 * A single-line bullet item whose text is plain ("- Umsatz: 7,2 Mrd. Euro"), the commonest line
 * of plain-text articles after a sentence: its prose is the text after the marker. Null for
 * anything else (several lines, a text with syntax of its own, or a marker indented as code).
 */
function bulletItem(block: string): { contentStart: number } | null {
  if (block.includes('\n') || block.includes('\r')) return null;
  const marker = BULLET_LINE.exec(block);
  if (!marker) return null;
  const contentStart = marker[0].length;
  // Four or more spaces after the marker would make the text an indented code block.
  if (block.slice(contentStart - Math.min(contentStart, 5), contentStart).endsWith('     ')) return null;
  return isPlainBlock(block.slice(contentStart)) ? { contentStart } : null;
}

function maskPlain(block: string): ProseBlock {
  let start = 0;
  let end = block.length;
  while (start < end && /\s/.test(block.charAt(start))) start++;
  while (end > start && /\s/.test(block.charAt(end - 1))) end--;
  const masked = blankOut(block.slice(0, start)) + block.slice(start, end) + blankOut(block.slice(end));
  return { masked: maskUrls(masked), units: start < end ? [{ start, end }] : [] };
}

/**
 * Masks everything in one block that is not prose. Blocks with Markdown syntax are parsed with
 * remark; plain blocks take a shortcut with the same result (see isPlainBlock). A byte-order mark is blanked before parsing because micromark drops it and would shift offsets.
 */
export function maskProse(block: string): ProseBlock {
  if (isPlainBlock(block)) return maskPlain(block.charCodeAt(0) === 0xfeff ? ' ' + block.slice(1) : block);
  const bullet = bulletItem(block);
  if (bullet) {
    const content = maskPlain(block.slice(bullet.contentStart));
    const shift = bullet.contentStart;
    return { masked: blankOut(block.slice(0, shift)) + content.masked, units: content.units.map((u) => ({ start: u.start + shift, end: u.end + shift })) };
  }
  if (!isCheapToParse(block)) return maskUnparsed(block);
  return maskMarkdown(block);
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
