/**
 * A file's bytes either as one buffer (as read) or as the pieces a save writes in order, never
 * joined: joining the 23 MB of a file with comment threads into one buffer cost a later save as much
 * as writing them (docs/performance.md). Equality walks the pieces, and skips a piece both sides
 * share (a later save's pieces are mostly the texts the save before wrote).
 */
export type FileBytes = Buffer | readonly Buffer[];

function piecesOf(bytes: FileBytes): readonly Buffer[] {
  return Buffer.isBuffer(bytes) ? [bytes] : (bytes as readonly Buffer[]);
}

/** The bytes as one buffer (a copy only when there are several pieces). */
export function joinedBytes(bytes: FileBytes): Buffer {
  const pieces = piecesOf(bytes);
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
}

/** How many bytes there are in all. */
export function byteLength(bytes: FileBytes): number {
  let length = 0;
  for (const piece of piecesOf(bytes)) length += piece.length;
  return length;
}

/** Whether two byte sequences are equal, however each is cut into pieces. */
export function sameFileBytes(a: FileBytes, b: FileBytes): boolean {
  if (a === b) return true;
  if (byteLength(a) !== byteLength(b)) return false;
  const x = piecesOf(a);
  const y = piecesOf(b);
  let i = 0;
  let j = 0;
  let atX = 0;
  let atY = 0;
  while (i < x.length && j < y.length) {
    if (atX === 0 && atY === 0 && x[i] === y[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const n = Math.min(x[i].length - atX, y[j].length - atY);
    if (x[i].compare(y[j], atY, atY + n, atX, atX + n) !== 0) return false;
    atX += n;
    atY += n;
    if (atX === x[i].length) [i, atX] = [i + 1, 0];
    if (atY === y[j].length) [j, atY] = [j + 1, 0];
  }
  return true;
}
