/**
 * Splits a file that git left with conflict markers into the full text of each side.
 *
 * ```
 * <<<<<<< ours-label
 * ...ours...
 * ||||||| base-label        (only with merge.conflictStyle=diff3 or zdiff3)
 * ...base...
 * =======
 * ...theirs...
 * >>>>>>> theirs-label
 * ```
 * Text outside the hunks belongs to every side.
 */

export interface ConflictSides {
  ours: string;
  theirs: string;
  /** Present only when every hunk carried a base section (diff3 style). */
  base?: string;
}

export type ConflictSplit = { kind: 'none' } | { kind: 'sides'; sides: ConflictSides } | { kind: 'malformed'; line: number; message: string };

const MARKER = /^(<{7,}|\|{7,}|={7,}|>{7,})(?:[ \t].*)?$/;

/** Lines of a text with their line endings kept, so joining them restores the text exactly. */
function linesWithEndings(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The marker kind at the start of a line, if the line is a conflict marker. */
function markerOf(line: string): '<' | '|' | '=' | '>' | undefined {
  const match = MARKER.exec(line.replace(/\r?\n$/, ''));
  return match ? (match[1][0] as '<' | '|' | '=' | '>') : undefined;
}

/**
 * Whether the text carries git conflict markers, and if so each side's text.
 * @returns `none` when no `<<<<<<<` line is present; `malformed` when markers do not nest properly.
 */
export function splitConflictMarkers(text: string): ConflictSplit {
  if (!text.includes('<<<<<<<') || !/^<{7}/m.test(text)) return { kind: 'none' };
  let ours = '';
  let theirs = '';
  let base = '';
  let everyHunkHasBase = true;
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let hunkStartLine = 0;
  let sawBase = false;
  const lines = linesWithEndings(text);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const marker = markerOf(line);
    const lineNumber = i + 1;
    if (state === 'common') {
      if (marker === '<') {
        state = 'ours';
        hunkStartLine = lineNumber;
        sawBase = false;
      } else if (marker) {
        return { kind: 'malformed', line: lineNumber, message: `conflict marker '${line.trim().slice(0, 7)}' without an opening '<<<<<<<'` };
      } else {
        ours += line;
        theirs += line;
        base += line;
      }
    } else if (state === 'ours') {
      if (marker === '|') {
        state = 'base';
        sawBase = true;
      } else if (marker === '=') {
        state = 'theirs';
      } else if (marker) {
        return { kind: 'malformed', line: lineNumber, message: `unexpected conflict marker inside the conflict that starts at line ${hunkStartLine}` };
      } else {
        ours += line;
      }
    } else if (state === 'base') {
      if (marker === '=') state = 'theirs';
      else if (marker) return { kind: 'malformed', line: lineNumber, message: `unexpected conflict marker inside the conflict that starts at line ${hunkStartLine}` };
      else base += line;
    } else if (marker === '>') {
      state = 'common';
      if (!sawBase) everyHunkHasBase = false;
    } else if (marker) {
      return { kind: 'malformed', line: lineNumber, message: `unexpected conflict marker inside the conflict that starts at line ${hunkStartLine}` };
    } else {
      theirs += line;
    }
  }
  if (state !== 'common') {
    return { kind: 'malformed', line: hunkStartLine, message: `the conflict that starts at line ${hunkStartLine} has no closing '>>>>>>>' line` };
  }
  return { kind: 'sides', sides: everyHunkHasBase ? { ours, theirs, base } : { ours, theirs } };
}
