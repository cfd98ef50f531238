/**
 * Small edit-distance measures for scoring anchor candidates by their context.
 * Inputs are at most a few dozen characters, so a plain dynamic programme is fast enough.
 */

/**
 * The fewest insertions, deletions and substitutions that turn `pattern` into some *beginning* of
 * `text` (free end in `text`). With `fromEnd`, both strings are read backwards, so the pattern is
 * matched against some *ending* of `text` instead.
 */
export function anchoredEditDistance(pattern: string, text: string, fromEnd = false): number {
  return bestAnchoredMatch(pattern, text, fromEnd).errors;
}

/** The Levenshtein distance between two strings (UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  let row = new Int32Array(b.length + 1);
  let next = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    next[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(row[j - 1] + (ac === b.charCodeAt(j - 1) ? 0 : 1), row[j] + 1, next[j - 1] + 1);
    }
    [row, next] = [next, row];
  }
  return row[b.length];
}

/**
 * The best match of `pattern` at the very beginning of `text` (or, with `fromEnd`, at its very end):
 * fewest errors, then the length closest to the pattern's.
 * @returns The errors and how many code units of `text` the match covers.
 */
export function bestAnchoredMatch(pattern: string, text: string, fromEnd = false): { errors: number; length: number } {
  const m = pattern.length;
  const n = text.length;
  const charOfPattern = fromEnd ? (i: number) => pattern.charCodeAt(m - 1 - i) : (i: number) => pattern.charCodeAt(i);
  const charOfText = fromEnd ? (j: number) => text.charCodeAt(n - 1 - j) : (j: number) => text.charCodeAt(j);
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) column[i] = i;
  let best = { errors: m, length: 0 };
  for (let j = 0; j < n; j += 1) {
    next[0] = j + 1;
    const tc = charOfText(j);
    for (let i = 1; i <= m; i += 1) {
      const substitution = column[i - 1] + (charOfPattern(i - 1) === tc ? 0 : 1);
      next[i] = Math.min(substitution, column[i] + 1, next[i - 1] + 1);
    }
    [column, next] = [next, column];
    const length = j + 1;
    if (column[m] < best.errors || (column[m] === best.errors && Math.abs(length - m) < Math.abs(best.length - m))) {
      best = { errors: column[m], length };
    }
  }
  return best;
}

/**
 * How well the text just before a position matches an expected prefix: 1 identical, 0 nothing alike.
 * An empty expected prefix means "the quote was at the very start", which only the start satisfies.
 */
export function prefixSimilarity(expected: string, text: string, position: number): number {
  if (expected.length === 0) return position === 0 ? 1 : 0;
  if (position >= expected.length && text.startsWith(expected, position - expected.length)) return 1;
  const before = text.slice(Math.max(0, position - expected.length - 8), position);
  return 1 - Math.min(1, anchoredEditDistance(expected, before, true) / expected.length);
}

/** Like {@link prefixSimilarity}, for the text just after a position and an expected suffix. */
export function suffixSimilarity(expected: string, text: string, position: number): number {
  if (expected.length === 0) return position === text.length ? 1 : 0;
  if (text.startsWith(expected, position)) return 1;
  const after = text.slice(position, position + expected.length + 8);
  return 1 - Math.min(1, anchoredEditDistance(expected, after) / expected.length);
}
