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
const URL_LIKE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”„]*[^\s<>"“”„.,;:!?)\]'’]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w/g;

function spanOf(node: MdNode): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

function collect(node: MdNode, prose: Span[], units: Span[]): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text') {
    const span = spanOf(node);
    if (span) prose.push(span);
    return;
  }
  if (UNITS.has(node.type)) {
    const span = spanOf(node);
    if (span) units.push(span);
  }
  if (node.children) for (const child of node.children) collect(child, prose, units);
}

/** Blanks bare URLs and e-mail addresses (Markdown without GFM leaves them as text). */
function maskUrls(masked: string): string {
  if (!masked.includes('://') && !masked.includes('www.') && !masked.includes('@')) return masked;
  return masked.replace(URL_LIKE, blankOut);
}

/** Replaces every character except line breaks with a space. */
export function blankOut(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * Anything Markdown could read as markup: inline syntax characters, a character reference
 * ("&amp;", "&#8364;"), block markers at a line start (lists, headings, quotes, indented code,
 * setext underlines) or a blank line. A block without any of these is one paragraph of plain text,
 * exactly as remark would parse it. ("!" matters only before "[", which is in the class anyway.)
 */
// eslint-disable-next-line no-control-regex -- NUL is Markdown-significant (remark replaces it)
const MARKDOWN_SYNTAX = /[`*_[\]<>\\~#\u0000]|&[#A-Za-z]|^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^(?: {4}|\t)|^[ \t]*(?:=+|-+)[ \t]*$|^[ \t]*(?:-[ \t]*){3,}$|^[ \t]*>|\n[ \t\r]*\n/m;

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
  return maskMarkdown(block);
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
