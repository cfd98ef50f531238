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
  const blocks: Block[] = [];
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
      let scan = first + 1;
      while (scan < to) {
        const end = lineEnd(text, scan, to);
        const line = text.slice(scan, trimCR(text, scan, end));
        if (line.trimEnd() === marker || (marker === '---' && line.trimEnd() === '...')) {
          blocks.push({ kind: 'frontmatter', start: pos, end: trimCR(text, scan, end) });
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
      current = { kind: 'markdown', start: pos, end: contentEnd };
    }
    afterBlank = false;
    pos = end + 1;
  }
  close();
  return blocks;
}
