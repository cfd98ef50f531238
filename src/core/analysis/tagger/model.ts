/**
 * The entity tagger's weights and its decoder. Weights are quantised to 8 bits and stored sparse:
 * one 32-bit feature hash and one signed byte per tag for every feature that survived pruning.
 * Decoding is greedy, left to right; the previous tags are features, and a tag a sequence cannot
 * take (I-org after O) is never chosen.
 *
 * File layout (little-endian): "AINT", u32 format version, u32 header length, header JSON (padded
 * to 4 bytes), u32 keys[count], i8 weights[count * tags.length], then, when the header has
 * `nameLists`, that many bytes of UTF-8: the name lists the model was trained with (nameLists.ts).
 */
import { PartScores, ScratchSlot } from './partScores';
import { decodeModelContainer, encodeModelContainer, type ModelKind } from '../modelContainer';
import { NameLists } from './nameLists';

export const TAGGER_FORMAT_VERSION = 1;
const TAGGER_FILE: ModelKind = { magic: 0x544e4941 /* "AINT" */, version: TAGGER_FORMAT_VERSION, name: 'an entity tagger model' };

export interface TaggerHeader {
  language: string;
  /** "O", then "B-type" and "I-type" for every type seen in the language's training data. */
  tags: string[];
  /** A quantised weight times `scale` is the weight. */
  scale: number;
  /** Divides scores before the softmax that gives a finding's confidence (fitted on held-out data). */
  temperature: number;
  /**
   * Subtracted from the score of O (in quantised units) before choosing: a perceptron trained on
   * text where most words are O says O too readily; chosen by cross-validation.
   */
  outsideBias?: number;
  count: number;
  /** Bytes of name lists after the weights (absent: a model without list features). */
  nameLists?: number;
  /** Free-form facts about the training run, for the model card. */
  trained?: Record<string, unknown>;
}

/** A loaded tagger: an open-addressing table from feature hash to its row of weights. */
export class TaggerModel {
  readonly tags: readonly string[];
  /** Open addressing, interleaved for locality: [key, row + 1] per slot, row + 1 = 0 for an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Per tag: the type it marks ('' for O), and whether it begins a span. */
  readonly tagType: readonly string[];
  readonly tagBegins: readonly boolean[];
  /** allowed(prev, t) for every prev (-1 first) and t, row by row: decoding asks for every word and tag. */
  private readonly allowedAfter: Uint8Array;
  /** The summed weights of the features' parts, learnt as words are met (see partScores.ts). */
  private memo: PartScores | undefined;

  /**
   * @param nameLists the name lists the model was trained with: tagging must look words up in the
   * same lists (the list features' weights mean those lists).
   */
  constructor(readonly header: TaggerHeader, private readonly keys: Uint32Array, private readonly weights: Int8Array, readonly nameLists: NameLists | null = null) {
    this.tags = header.tags;
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let k = 0; k < keys.length; k++) {
      let s = keys[k] & this.mask;
      while (this.table[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.table[2 * s] = keys[k] | 0;
      this.table[2 * s + 1] = k + 1;
    }
    this.tagType = this.tags.map((t) => (t === 'O' ? '' : t.slice(2)));
    this.tagBegins = this.tags.map((t) => t.startsWith('B-'));
    const n = this.tags.length;
    this.allowedAfter = new Uint8Array((n + 1) * n);
    for (let prev = -1; prev < n; prev++) for (let t = 0; t < n; t++) this.allowedAfter[(prev + 1) * n + t] = this.allowed(prev, t) ? 1 : 0;
  }

  /** Row index of a feature hash, or -1. */
  row(hash: number): number {
    const table = this.table;
    const key = hash | 0;
    let s = hash & this.mask;
    for (;;) {
      const k = table[2 * s + 1];
      if (k === 0) return -1;
      if (table[2 * s] === key) return k - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the weights of feature `hash` to scores[at, at + tags); returns whether the model knows it. */
  add(hash: number, scores: Float64Array | Int16Array, at = 0): boolean {
    const k = this.row(hash);
    if (k < 0) return false;
    const n = this.tags.length;
    const base = k * n;
    const weights = this.weights;
    for (let t = 0; t < n; t++) scores[at + t] += weights[base + t];
    return true;
  }

  /** The memo of part scores that tagging reads instead of hashing every feature. */
  parts(): PartScores {
    this.memo ??= new PartScores(this);
    return this.memo;
  }

  /** The quantised weight of feature `hash` for tag t (0 when unknown). */
  weight(hash: number, t: number): number {
    const k = this.row(hash);
    return k < 0 ? 0 : this.weights[k * this.tags.length + t];
  }

  /** True when tag `t` may follow tag `prev` (-1: sequence start): I-x only after B-x or I-x. */
  allowed(prev: number, t: number): boolean {
    if (this.tagBegins[t] || t === 0) return true;
    return prev > 0 && this.tagType[prev] === this.tagType[t];
  }

  /**
   * Greedy decoding of one sequence.
   * @param staticScores per word, the summed static feature weights (words × tags), changed in place.
   * @param shapes per word, its shape id in `parts()` (for the previous-tag feature).
   * @param words per word, whether a sentence starts there (`initial`: the tag history restarts).
   * @returns the tag per word and the softmax probability of each chosen tag other than O (0 for O:
   * no span needs it, and the exponentials were a tenth of the tagger's time); views that the next
   * block overwrites.
   */
  decode(staticScores: Float64Array, shapes: Int32Array, words: readonly { initial: boolean }[]): { tags: Int32Array; confidence: Float64Array } {
    const n = this.tags.length;
    const count = shapes.length;
    const parts = this.parts();
    const tags = parts.scratch.int32(ScratchSlot.Tags, count);
    const confidence = parts.scratch.float64(ScratchSlot.Confidence, count).fill(0);
    const outsideBias = this.header.outsideBias ?? 0;
    const factor = this.header.scale / this.header.temperature;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < count; i++) {
      if (words[i].initial) {
        prev = -1;
        prev2 = -1;
      }
      const at = i * n;
      parts.addTransitions(staticScores, at, prev2, prev, shapes[i]);
      staticScores[at] -= outsideBias;
      let best = 0;
      const allowed = (prev + 1) * n;
      for (let t = 1; t < n; t++) if (this.allowedAfter[allowed + t] === 1 && staticScores[at + t] > staticScores[at + best]) best = t;
      tags[i] = best;
      if (best !== 0) confidence[i] = this.softmaxAt(staticScores, at, best, factor, prev);
      prev2 = prev;
      prev = best;
    }
    return { tags, confidence };
  }

  /** Probability of tag `chosen` under a softmax over the tags allowed after `prev`, scores[at, at + n) times `factor`. */
  private softmaxAt(scores: Float64Array, at: number, chosen: number, factor: number, prev: number): number {
    const n = this.tags.length;
    let max = -Infinity;
    for (let t = 0; t < n; t++) if (this.allowed(prev, t) && scores[at + t] > max) max = scores[at + t];
    let sum = 0;
    for (let t = 0; t < n; t++) if (this.allowed(prev, t)) sum += Math.exp((scores[at + t] - max) * factor);
    return Math.exp((scores[at + chosen] - max) * factor) / sum;
  }

  /** Serialises the model in the file layout above. */
  toBytes(): Uint8Array {
    return encodeTagger(this.header, this.keys, this.weights, this.nameLists);
  }
}

export function encodeTagger(header: TaggerHeader, keys: Uint32Array, weights: Int8Array, nameLists: NameLists | null = null): Uint8Array {
  const lists = nameLists ? new TextEncoder().encode(nameLists.text) : null;
  const fullHeader: TaggerHeader = lists ? { ...header, nameLists: lists.length } : header;
  const { bytes, view, payloadAt } = encodeModelContainer(TAGGER_FILE, fullHeader, keys.length * 4 + weights.length + (lists?.length ?? 0));
  let at = payloadAt;
  for (let k = 0; k < keys.length; k++, at += 4) view.setUint32(at, keys[k], true);
  bytes.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.length), at);
  if (lists) bytes.set(lists, at + weights.length);
  return bytes;
}

/**
 * Reads a model file.
 * @throws Error naming what is wrong when the bytes are not a tagger model of this format version.
 */
export function decodeTagger(bytes: Uint8Array): TaggerModel {
  const { header, view, payloadAt: at } = decodeModelContainer<TaggerHeader>(bytes, TAGGER_FILE);
  const listsAt = at + header.count * 4 + header.count * header.tags.length;
  const expected = listsAt + (header.nameLists ?? 0);
  if (bytes.length !== expected) throw new Error(`entity tagger model is ${bytes.length} bytes, its header promises ${expected}`);
  const keys = new Uint32Array(header.count);
  for (let k = 0; k < header.count; k++) keys[k] = view.getUint32(at + k * 4, true);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at + header.count * 4, header.count * header.tags.length);
  const nameLists = header.nameLists ? new NameLists(new TextDecoder().decode(bytes.subarray(listsAt, expected))) : null;
  return new TaggerModel(header, keys, weights, nameLists);
}
