/**
 * A stretch of an article's text: UTF-16 offsets, end exclusive. The one span type of the core and
 * the editor (the annotation file's `position` has the same shape).
 */
export interface Span {
  start: number;
  end: number;
}

/** True when the offset lies inside the span (an empty span contains its own position). */
export function spanContains(span: Span, offset: number): boolean {
  return span.start === span.end ? offset === span.start : offset >= span.start && offset < span.end;
}

/** How far before a window `spansIn` looks for spans that reach into it (a claim is a sentence). */
const LONGEST_SPAN = 20_000;

/**
 * The spans of a list sorted by start that reach into `window`: a binary search instead of a pass
 * over every span, so that painting the visible part of a large article does not grow with it.
 * Spans longer than 20,000 characters that start before the window are not found.
 */
export function spansIn<T extends Span>(sorted: readonly T[], window: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  const from = window.start - LONGEST_SPAN;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < window.end; i++) if (sorted[i].end > window.start) found.push(sorted[i]);
  return found;
}

/** True when two spans share at least one character (an empty span counts at its position). */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  if (b.start === b.end) return b.start >= a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
