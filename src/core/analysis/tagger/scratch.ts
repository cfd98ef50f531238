/**
 * Typed arrays that the tagger reuses from block to block. A new typed array of a few hundred
 * elements is allocated and freed outside V8's young heap (3-5 µs each on this machine, more than
 * tagging a short block's words), and the tagger needed eight per block. What a call returns is a
 * view that the next block overwrites: read it before tagging the next block.
 */
export class Scratch {
  private readonly ints: Int32Array[] = [];
  private readonly floats: Float64Array[] = [];

  /** A view of `length` elements of integer buffer `slot`; its contents are left over from earlier blocks. */
  int32(slot: number, length: number): Int32Array {
    let buffer = this.ints[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Int32Array(grownLength(buffer?.length ?? 0, length));
      this.ints[slot] = buffer;
    }
    return buffer.subarray(0, length);
  }

  /** A view of `length` elements of float buffer `slot`; its contents are left over from earlier blocks. */
  float64(slot: number, length: number): Float64Array {
    let buffer = this.floats[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(grownLength(buffer?.length ?? 0, length));
      this.floats[slot] = buffer;
    }
    return buffer.subarray(0, length);
  }
}

function grownLength(current: number, needed: number): number {
  let length = Math.max(current, 1024);
  while (length < needed) length *= 2;
  return length;
}
