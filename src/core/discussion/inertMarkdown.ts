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
 * it is unclear whether something is code, it is treated as text: safe first, tidy second. Unclear:
 * - a fence that is indented or inside a list item or block quote (it ends with its container, and
 *   this scan does not follow containers); only a fence at column 0 is code;
 * - a code span across a table's `|`, an indented block;
 * - backticks after anything a renderer may read across them: a backtick left open earlier in the
 *   paragraph (a code span may span lines), a web link's target or title that holds a backtick or
 *   does not end on its line, a bare web address right before the backtick (GFM links it up to the
 *   next space, backticks included). From there to the paragraph's end no code span is trusted.
 * The editor also renders the result untrusted (no command links, no HTML), so this is the second
 * of two walls.
 *
 * A hand-written scan rather than a markdown parser: it runs for every comment of every open
 * article's threads, and a full parse costs about a millisecond a comment (bench section `discussion`).
 */

/** Link targets that may stay links, written out literally (`&#…;` or `\` tricks cannot spell them). */
const SAFE_TARGET = /^(?:https?:\/\/|mailto:)/i;
/** Without these no HTML, autolink, image, link or definition can be formed (GFM's bare links are web links). */
const MAY_HOLD_MARKUP = /[[\]<]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** A fence this scan trusts: at column 0, so neither indented nor inside a list item or block quote. */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** A word a GFM renderer may turn into a link that runs on through backticks (`https://x/`…`). */
const BARE_ADDRESS = /(?::\/\/|www\.)/i;
const BLANK = /^[ \t]*$/;

/** Whether a link target is a web or mail address, as written. */
export function isSafeTarget(url: string): boolean {
  return SAFE_TARGET.test(url);
}

/** The markdown source of a body, rewritten so that rendering it runs, loads and embeds nothing. */
export function inertMarkdown(body: string): string {
  if (!MAY_HOLD_MARKUP.test(body)) return body;
  const lines = body.split('\n');
  let fence: { char: string; length: number } | undefined;
  // Whether code spans are still read alike by this scan and a renderer in the current paragraph.
  let codeTrusted = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      codeTrusted = true;
      continue;
    }
    if (BLANK.test(line)) {
      codeTrusted = true;
      continue;
    }
    const inert = inertLine(line, codeTrusted);
    lines[i] = inert.text;
    codeTrusted = inert.settled;
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

/**
 * Where an inline link's `(target)` opened at `from` (just after the `(`) ends: after its `)` when
 * the target is a bare destination (balanced parentheses, escapes) followed by `)`; -1 otherwise
 * (a title, which may run on to the next lines, or no end on this line).
 */
function inlineTargetEnd(line: string, from: number): number {
  let j = from;
  while (line[j] === ' ' || line[j] === '\t') j++;
  for (let depth = 0; j < line.length; j++) {
    const c = line[j];
    if (c === '\\' && ASCII_PUNCTUATION.test(line[j + 1] ?? '')) j++;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return j + 1;
    else if (c === ' ' || c === '\t') break;
  }
  while (line[j] === ' ' || line[j] === '\t') j++;
  return line[j] === ')' ? j + 1 : -1;
}

/**
 * Where the target of a link kept as a link (at the `]` at `i`) ends, when code spans after it stay
 * clear; -1 when they do not: a renderer reads its target and title as such, backticks included,
 * up to an end this scan may not find.
 */
function clearLinkEnd(line: string, i: number): number {
  if (line[i + 1] === ':') return -1;
  const end = inlineTargetEnd(line, i + 2);
  return end < 0 || line.slice(i + 2, end).includes('`') ? -1 : end;
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

/**
 * For each backtick of the line, whether the word before it (back to a space) holds a bare web
 * address, which GFM may link on through the backtick. One pass, so a line of many spans stays linear.
 */
function backticksAfterAddress(line: string): Set<number> {
  const found = new Set<number>();
  if (!BARE_ADDRESS.test(line)) return found;
  let inAddress = false;
  for (let j = 0; j < line.length; j++) {
    const c = line[j];
    if (c === ' ' || c === '\t') inAddress = false;
    else if (c === '`' && inAddress) found.add(j);
    else if ((c === '/' && line.startsWith('://', j - 2)) || (c === '.' && line.slice(j - 3, j).toLowerCase() === 'www')) inAddress = true;
  }
  return found;
}

/**
 * One line outside fenced code, made inert. `codeTrusted`: whether its code spans may be left as
 * written (nothing earlier in the paragraph blurs them); `settled`: whether that still holds for
 * the next line of the paragraph.
 */
function inertLine(line: string, codeTrusted: boolean): { text: string; settled: boolean } {
  let out = '';
  let trusted = codeTrusted;
  let settled = codeTrusted;
  const afterAddress = backticksAfterAddress(line);
  let clearUntil = 0;
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1])) {
      out += line.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      let run = i;
      while (line[run] === '`') run++;
      if (trusted && afterAddress.has(i)) trusted = settled = false;
      const end = trusted ? codeSpanEnd(line, i, run - i) : -1;
      // A backtick left open may close on a later line of the paragraph.
      if (end === -1) settled = false;
      out += line.slice(i, end === -1 ? run : end);
      i = end === -1 ? run : end;
    } else {
      const inert = inertCharacter(line, i);
      // A link inside a target already found clear ends within it: checked once, the line stays linear.
      if (trusted && inert === ']' && (line[i + 1] === '(' || line[i + 1] === ':') && i >= clearUntil) {
        clearUntil = clearLinkEnd(line, i);
        if (clearUntil < 0) trusted = settled = false;
      }
      out += inert;
      i++;
    }
  }
  return { text: out, settled };
}

function inertCharacter(line: string, i: number): string {
  const c = line[i];
  const next = line[i + 1];
  if (c === '<') return '&#60;';
  if (c === '!' && next === '[') return '&#33;';
  if (c === ']' && (next === '(' || next === ':') && !isSafeTarget(targetAt(line, i + 2))) return '&#93;';
  return c;
}
