/**
 * Comment bodies and notes are markdown written by other people and arrive through git: they are
 * shown with their formatting, but nothing in them may act. This rewrites the source so that a
 * CommonMark/GFM renderer shows it inert:
 * - every `<` outside code becomes a character reference: no HTML, no `<command:…>` autolinks;
 * - every `![` outside code loses its `!` to a character reference: an image becomes a link to it
 *   (a remote image would load as soon as the thread is shown: a tracking pixel);
 * - a link or a reference definition whose target is not a literal `http://`, `https://` or
 *   `mailto:` address loses its closing `]` to a character reference, so it stays text.
 * Character references are never markup, so the result does not depend on how the renderer reads
 * the rest. Code spans and fenced code blocks are left as written (they show as code anyway); where
 * it is unclear whether something is code (a code span across a table's `|`, an indented block), it
 * is treated as text: safe first, tidy second. The editor also renders the result untrusted (no
 * command links, no HTML), so this is the second of two walls.
 *
 * A hand-written scan rather than a markdown parser: it runs for every comment of every open
 * article's threads, and a full parse costs about a millisecond a comment (bench section `discussion`).
 */

/** Link targets that may stay links, written out literally (`&#…;` or `\` tricks cannot spell them). */
const SAFE_TARGET = /^(?:https?:\/\/|mailto:)/i;
/** Without these no HTML, autolink, image, link or definition can be formed (GFM's bare links are web links). */
const MAY_HOLD_MARKUP = /[[\]<]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Whether a link target is a web or mail address, as written. */
export function isSafeTarget(url: string): boolean {
  return SAFE_TARGET.test(url);
}

/** The markdown source of a body, rewritten so that rendering it runs, loads and embeds nothing. */
export function inertMarkdown(body: string): string {
  if (!MAY_HOLD_MARKUP.test(body)) return body;
  const lines = body.split('\n');
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      continue;
    }
    lines[i] = inertLine(line);
  }
  return lines.join('\n');
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** The target written after `](` or `]:` at `from` (spaces skipped, an opening `<` too); '' at the end of the line. */
function targetAt(line: string, from: number): string {
  let j = from;
  while (line[j] === ' ' || line[j] === '\t') j++;
  if (line[j] === '<') j++;
  return line.slice(j);
}

/** Where the code span opened by the backtick run at `start` (of `length`) ends, or -1 when it is not one. */
function codeSpanEnd(line: string, start: number, length: number): number {
  for (let j = start + length; j < line.length; ) {
    if (line[j] !== '`') {
      // GFM splits table cells at `|` even inside code spans: such a "span" is not trusted to be code.
      if (line[j] === '|') return -1;
      j++;
      continue;
    }
    let k = j;
    while (line[k] === '`') k++;
    if (k - j === length) return k;
    j = k;
  }
  return -1;
}

function inertLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1])) {
      out += line.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      let run = i;
      while (line[run] === '`') run++;
      const end = codeSpanEnd(line, i, run - i);
      out += line.slice(i, end === -1 ? run : end);
      i = end === -1 ? run : end;
    } else {
      out += inertCharacter(line, i);
      i++;
    }
  }
  return out;
}

function inertCharacter(line: string, i: number): string {
  const c = line[i];
  const next = line[i + 1];
  if (c === '<') return '&#60;';
  if (c === '!' && next === '[') return '&#33;';
  if (c === ']' && (next === '(' || next === ':') && !isSafeTarget(targetAt(line, i + 2))) return '&#93;';
  return c;
}
