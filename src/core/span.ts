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

/** True when two spans share at least one character (an empty span counts at its position). */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  if (b.start === b.end) return b.start >= a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
