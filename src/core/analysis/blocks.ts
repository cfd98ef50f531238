/**
 * Cheap, linear pre-split of an article into blocks at blank lines, so that each block can be
 * parsed with remark on its own and cached: an edit then re-parses only the block it touches.
 *
 * The scan keeps together what Markdown keeps together across blank lines: fenced code,
 * raw HTML (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments) and indented continuations
 * (list item paragraphs, indented code). Front matter at the very start is its own block.
 */

export type BlockKind = 'markdown' | 'code' | 'frontmatter';

export interface Block {
  kind: BlockKind;
  /** UTF-16 offsets into the whole text, end exclusive; the trailing line break is not included. */
  start: number;
  end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
const COMMENT_OPEN = /^ {0,3}<!--/;

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** A line that continues the block above it even after a blank line. */
function isIndented(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c === 9 || (c === 32 && text.charCodeAt(start + 1) === 32);
}

function lineEnd(text: string, start: number, limit: number): number {
  const nl = text.indexOf('\n', start);
  return nl === -1 || nl > limit ? limit : nl;
}

/** Strips a trailing carriage return from a line's end offset. */
function trimCR(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * Splits `text[from, to)` into blocks. `from` lets the caller skip article metadata.
 * Linear in the length of the text.
 */
export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  return scanBlocks(text, from, to).blocks;
}

/**
 * The scanner behind splitBlocks. With `stop`, it asks at every block start whether to stop there and
 * then returns the blocks before it and `stoppedAt` (else -1). At a block start the scanner holds no
 * state, so the blocks from there on depend only on the text from there on: the incremental analyzer
 * stops where the text after an edit is unchanged and reuses the old blocks. `frontMatterOpen` tells
 * that the text starts with a front matter line whose closing line is not before `to`: a scan of a
 * window (the start of a longer text) cannot tell whether the text is front matter.
 */
export function scanBlocks(text: string, from: number, to: number, stop?: (pos: number) => boolean): { blocks: Block[]; stoppedAt: number; frontMatterOpen: boolean } {
  const blocks: Block[] = [];
  let frontMatterOpen = false;
  let pos = from;
  let current: Block | null = null;
  let afterBlank = false;

  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };

  // Front matter: "---" on the first line, closed by "---" or "...".
  if (from === 0 || /^\uFEFF?$/.test(text.slice(0, from))) {
    const first = lineEnd(text, pos, to);
    if (/^\uFEFF?(---|\+\+\+)\s*$/.test(text.slice(pos, first))) {
      const marker = text.slice(pos, first).includes('+') ? '+++' : '---';
      frontMatterOpen = true;
      let scan = first + 1;
      while (scan < to) {
        const end = lineEnd(text, scan, to);
        const line = text.slice(scan, trimCR(text, scan, end));
        if (line.trimEnd() === marker || (marker === '---' && line.trimEnd() === '...')) {
          blocks.push({ kind: 'frontmatter', start: pos, end: trimCR(text, scan, end) });
          frontMatterOpen = false;
          pos = end + 1;
          break;
        }
        scan = end + 1;
      }
    }
  }

  while (pos < to) {
    const end = lineEnd(text, pos, to);
    const contentEnd = trimCR(text, pos, end);
    if (isBlankLine(text, pos, contentEnd)) {
      afterBlank = true;
      pos = end + 1;
      continue;
    }
    // Lines are short in prose; only a line's first characters decide its role.
    const head = text.slice(pos, Math.min(contentEnd, pos + 16));
    const fence = FENCE_OPEN.exec(head);
    if (fence) {
      close();
      if (stop?.(pos)) return { blocks, stoppedAt: pos, frontMatterOpen };
      const marker = fence[1];
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t\\r]*$`);
      let scan = end + 1;
      let blockEnd = to;
      while (scan < to) {
        const e = lineEnd(text, scan, to);
        if (closing.test(text.slice(scan, e))) {
          blockEnd = trimCR(text, scan, e);
          break;
        }
        scan = e + 1;
      }
      blocks.push({ kind: 'code', start: pos, end: blockEnd });
      pos = blockEnd >= to ? to : lineEnd(text, blockEnd, to) + 1;
      afterBlank = false;
      continue;
    }
    const raw = RAW_HTML_OPEN.exec(head);
    const comment = !raw && COMMENT_OPEN.test(head);
    if (raw || comment) {
      if (!current || afterBlank) {
        close();
        if (stop?.(pos)) return { blocks, stoppedAt: pos, frontMatterOpen };
        current = { kind: 'markdown', start: pos, end: contentEnd };
      }
      const terminator = raw ? new RegExp(`</${raw[1]}>`, 'i') : /-->/;
      let scan = pos;
      let blockEnd = to;
      while (scan < to) {
        const e = lineEnd(text, scan, to);
        if (terminator.test(text.slice(scan, e))) {
          blockEnd = trimCR(text, scan, e);
          break;
        }
        scan = e + 1;
      }
      (current as Block).end = blockEnd;
      pos = blockEnd >= to ? to : lineEnd(text, blockEnd, to) + 1;
      afterBlank = false;
      continue;
    }
    if (current && (!afterBlank || isIndented(text, pos))) {
      (current as Block).end = contentEnd;
    } else {
      close();
      if (stop?.(pos)) return { blocks, stoppedAt: pos, frontMatterOpen };
      current = { kind: 'markdown', start: pos, end: contentEnd };
    }
    afterBlank = false;
    pos = end + 1;
  }
  close();
  return { blocks, stoppedAt: -1, frontMatterOpen };
}

/** A block of prose lines analysed on its own. `lines` is true when each line is its own sentence unit. */
export interface ProseBlockSpan extends Block {
  /** True for lines of a plain-text style block (headlines, list items, table rows one per line): each line ends a sentence. */
  lines: boolean;
}

/** Skips up to three spaces of indentation; returns the offset of the line's first significant character. */
function afterIndent(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end && i - pos < 3 && text.charCodeAt(i) === 32) i++;
  return i;
}

/** `===` or `---` alone on a line: a setext heading underline that binds the line above it. */
function isSetextUnderline(text: string, start: number, end: number): boolean {
  let i = afterIndent(text, start, end);
  const marker = text.charCodeAt(i);
  if (marker !== 61 && marker !== 45) return false;
  while (i < end && text.charCodeAt(i) === marker) i++;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i++;
  return i === end;
}

/** `[label]: destination`: a link reference definition, which cannot interrupt a paragraph. */
function isDefinition(text: string, start: number, end: number): boolean {
  const i = afterIndent(text, start, end);
  if (text.charCodeAt(i) !== 91) return false;
  const close = text.indexOf(']:', i);
  return close !== -1 && close < end;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return i;
    i++;
  }
  return -1;
}

/**
 * Mirrors sentences.ts' hard-wrap test on the raw block: true when most line breaks continue a
 * sentence (the line ends without punctuation and the next one goes on in lower case).
 */
export function looksHardWrapped(text: string, start: number, end: number): boolean {
  let breaks = 0;
  let wrapped = 0;
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let before = nl - 1;
    while (before >= start && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9 || text.charCodeAt(before) === 13)) before--;
    const next = firstNonSpace(text, nl + 1, Math.min(end, nl + 21));
    if (next === -1) continue;
    breaks++;
    const c = text.charCodeAt(next);
    const lower = (c >= 97 && c <= 122) || (c > 127 && /\p{Ll}/u.test(text.charAt(next)));
    if (lower && !'.!?:;|"”“»'.includes(text.charAt(before))) wrapped++;
  }
  return breaks > 0 && wrapped * 2 >= breaks;
}

/**
 * Splits a Markdown block further, at line breaks, when its lines are units of their own (plain-text
 * articles: headlines, sentences, list items and table rows one per line). Then an edit re-parses
 * only a few lines instead of a whole article that has no blank lines. Hard-wrapped paragraphs stay
 * whole. A split is made only where Markdown would read the same either way: the next line is not
 * indented, not a setext underline, not a link definition, and no code span, link bracket or HTML
 * block is open.
 */
export function splitLines(text: string, block: Block): ProseBlockSpan[] {
  if (looksHardWrapped(text, block.start, block.end)) return [{ ...block, lines: false }];
  const out: ProseBlockSpan[] = [];
  let subStart = block.start;
  let ticks = 0;
  let brackets = 0;
  let html = false;
  // Code spans, links and HTML are rare in plain-text articles: count them only where they occur.
  const syntax = /[`[<]/.test(text.slice(block.start, block.end));
  let lineStart = block.start;
  while (lineStart < block.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
    if (syntax && text.charCodeAt(afterIndent(text, lineStart, lineEnd)) === 60) html = true;
    for (let i = lineStart; syntax && i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 96) ticks++;
      else if (c === 91) brackets++;
      else if (c === 93 && brackets > 0) brackets--;
    }
    const next = lineEnd + 1;
    if (next >= block.end) break;
    let nextEnd = text.indexOf('\n', next);
    if (nextEnd === -1 || nextEnd > block.end) nextEnd = block.end;
    const c = text.charCodeAt(next);
    const splittable = !html && ticks % 2 === 0 && brackets === 0 && c !== 32 && c !== 9 && c !== 13 && c !== 10 &&
      !isSetextUnderline(text, next, nextEnd) && !isDefinition(text, next, nextEnd);
    if (splittable) {
      out.push({ kind: 'markdown', start: subStart, end: lineEnd > subStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd, lines: true });
      subStart = next;
      ticks = 0;
      brackets = 0;
    }
    lineStart = next;
  }
  out.push({ kind: 'markdown', start: subStart, end: block.end, lines: true });
  return out;
}
