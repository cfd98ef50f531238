/**
 * A paragraph written as one long line is one analysis unit however long it is (16 KB: 26–73 ms in
 * one turn of the editor). Such a line is cut into pieces at sentence starts, each analysed with one
 * sentence of context on either side: the tagger's features look at the neighbouring words and the
 * gazetteer across a sentence border, and the rules at the words around a figure. With that context
 * the pieces' findings are the whole line's (tested on long lines of the seeds and the corpora).
 */
import { isPlainBlock, maskProse } from './prose';
import { splitSentences } from './sentences';
import type { OffsetRange } from './analyzer';

/** Lines longer than this are cut. */
const LONG_LINE_CHARS = 4000;
/** A piece is at least this long (ends at the first sentence start after it). */
const PIECE_CHARS = 2000;

/** A piece of a long line: its findings are those that start in [start, end) of `context`'s analysis. */
export interface LinePiece extends OffsetRange {
  context: OffsetRange;
}

/**
 * The pieces of the line text[start, end), or null when it stays whole: short, more than one line,
 * or with Markdown syntax (whose parse a cut could change). Cuts are made only at sentence starts
 * that German and English splitting agree on (the line's language is not known while splitting).
 */
export function longLinePieces(text: string, start: number, end: number): LinePiece[] | null {
  if (end - start <= LONG_LINE_CHARS) return null;
  const nl = text.indexOf('\n', start);
  if (nl !== -1 && nl < end) return null;
  const line = text.slice(start, end);
  if (!isPlainBlock(line)) return null;
  const { masked, units } = maskProse(line);
  const german = new Set(splitSentences(masked, units, 'de', true).map((s) => s.start));
  const starts = splitSentences(masked, units, 'en', true).map((s) => s.start).filter((s) => german.has(s) && s > 0);
  const cuts: number[] = [];
  let last = 0;
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] - last >= PIECE_CHARS && line.length - starts[i] >= PIECE_CHARS / 2) {
      cuts.push(i);
      last = starts[i];
    }
  }
  if (cuts.length === 0) return null;
  const pieces: LinePiece[] = [];
  for (let k = 0; k <= cuts.length; k++) {
    const from = k === 0 ? 0 : starts[cuts[k - 1]];
    const to = k === cuts.length ? line.length : starts[cuts[k]];
    // One sentence before the piece and one after it.
    const contextFrom = k === 0 ? 0 : cuts[k - 1] > 0 ? starts[cuts[k - 1] - 1] : 0;
    const contextTo = k === cuts.length ? line.length : cuts[k] + 1 < starts.length ? starts[cuts[k] + 1] : line.length;
    pieces.push({ start: start + from, end: start + to, context: { start: start + contextFrom, end: start + contextTo } });
  }
  return pieces;
}
