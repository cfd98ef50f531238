/** Human-readable names used by the exports. */
import type { Status } from '../store/annotation';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  verified: 'Verified',
  disputed: 'Disputed',
  outdated: 'Outdated',
};

/** Lines of a text: `lineOf(offset)` gives the 1-based line number of a UTF-16 offset. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Collapses runs of whitespace (including line breaks) to single spaces, for one-line display. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
