/**
 * Structured decoding for the entity tagger: the best-scoring sequence of tags (first-order
 * Viterbi), so that one doubtful word does not decide a name alone: a word that could begin or go
 * on with a name is weighed together with the words after it. Shared by the decoder (model.ts) and
 * the structured perceptron that trains for it (train.ts), so that training decodes as tagging does.
 */

/** A lattice's buffers, reused from call to call (see Scratch): the result is a view of `tags`. */
export interface ViterbiBuffers {
  /** words × tags: the best score of a path ending in each tag. */
  best: Float64Array;
  /** words × tags: the previous tag of that path (-1 at the first word). */
  back: Int32Array;
  tags: Int32Array;
}

export interface Lattice {
  /** words × tags: each word's static scores (every feature but the previous tag). */
  scores: Float64Array;
  count: number;
  /** The number of tags. */
  n: number;
  /** Whether a sentence starts at word i: its history restarts at "<s>" whatever came before. */
  startsSentence(i: number): boolean;
  /**
   * Word i's transition scores: table[at + (previous + 1) × n + t] is the score of tag t after tag
   * `previous` (-1: the sentence start), at = transitionAt[i].
   */
  table: ArrayLike<number>;
  transitionAt: Int32Array;
  /** allowedAfter[(previous + 1) × n + t] is 1 when tag t may follow `previous` (no I-org after O). */
  allowedAfter: Uint8Array;
}

/**
 * The tags of the best path through the lattice; ties go to the lower tag, as in greedy decoding.
 * @returns a view of buffers.tags.
 */
export function viterbi(lattice: Lattice, buffers: ViterbiBuffers): Int32Array {
  const { scores, count, n, table, transitionAt, allowedAfter } = lattice;
  const { best, back, tags } = buffers;
  for (let i = 0; i < count; i++) {
    const at = i * n;
    const from = transitionAt[i];
    if (i === 0 || lattice.startsSentence(i)) enterSentence(lattice, buffers, i);
    else {
      const before = at - n;
      for (let t = 0; t < n; t++) {
        let top = -Infinity;
        let arg = -1;
        for (let p = 0; p < n; p++) {
          if (allowedAfter[(p + 1) * n + t] === 0) continue;
          const score = best[before + p] + table[from + (p + 1) * n + t];
          if (score > top) [top, arg] = [score, p];
        }
        best[at + t] = top + scores[at + t];
        back[at + t] = arg;
      }
    }
  }
  let last = 0;
  const end = (count - 1) * n;
  for (let t = 1; t < n; t++) if (best[end + t] > best[end + last]) last = t;
  for (let i = count - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * n + last];
  }
  return tags.subarray(0, count);
}

/** Word i starts a sentence: every path so far ends in its best tag, and the history restarts at "<s>". */
function enterSentence(lattice: Lattice, buffers: ViterbiBuffers, i: number): void {
  const { scores, n, table, transitionAt, allowedAfter } = lattice;
  const { best, back } = buffers;
  const at = i * n;
  let previous = -1;
  let carried = 0;
  if (i > 0) {
    previous = 0;
    for (let p = 1; p < n; p++) if (best[at - n + p] > best[at - n + previous]) previous = p;
    carried = best[at - n + previous];
  }
  for (let t = 0; t < n; t++) {
    best[at + t] = allowedAfter[t] === 1 ? carried + table[transitionAt[i] + t] + scores[at + t] : -Infinity;
    back[at + t] = previous;
  }
}
