/**
 * The tagger's scores without a hashed lookup per feature. Every feature of a word depends on one
 * word (the word itself, or a neighbour's lower case and shape), on a pair of small values (two
 * shapes; the previous word and this word's shape), on one gazetteer value, or on the previous
 * tags. The summed weights of each such part are worked out the first time it is met and kept, so
 * that a word costs six to eight additions of a tag-length vector instead of thirteen hashes and
 * probes into a table of half a megabyte (cache misses, most of the tagger's time before).
 *
 * Weights are integers, so every sum is exact: the scores, and so the tags, are those that
 * `emitFeatures` and `TaggerModel.add` give word by word (a unit test compares both on real text).
 */
import { T, describeFeature, emitWordFeatures, featureHash, viewOf, type Emit, type StrongestFeature, type WordContext } from './features';
import type { TagWord } from './words';
import { WordTable } from './wordTable';
import { Scratch } from './scratch';

/** What a memo needs of the model: the number of tags and the weights of one feature. */
export interface WeightSource {
  readonly tags: readonly string[];
  /** Adds the weights of feature `hash` to scores[at, at + tags). */
  add(hash: number, scores: Int16Array | Float64Array, at: number): boolean;
  /** The weight of feature `hash` for tag t (0 when unknown). */
  weight(hash: number, t: number): number;
}

/**
 * Distinct words and word pairs kept before the memo starts afresh: with 9 tags, about 3 + 2 MB of
 * 16-bit sums (a word's sum has at most 17 weights of at most 127: no overflow), and 2.5 MB of
 * word records (wordTable.ts).
 */
const WORD_LIMIT = 40_000;
const PAIR_LIMIT = 120_000;
/** Pair keys are (word id + 1) × SHAPE_KEYS + shape id: shapes and words beyond these are scored without the pair memo. */
const SHAPE_KEYS = 1 << 12;
const KEYED_WORDS = (1 << 19) - 2;
const INITIAL_SLAB = 1 << 16;
const START = '<s>';
const END = '</s>';
const NONE = '<none>';

/**
 * The shapes most words have (on the bench's text 80-89% of German and English words), registered
 * first so that their ids are COMMON_SHAPE_FIRST onwards: a word's pair vectors with a neighbour of
 * one of these shapes are found in the word's own record instead of a pair table.
 */
const COMMON_SHAPES = ['x', 'Xx', '.', ','];
const COMMON_SHAPE_FIRST = 2;

/** What the word table keeps per word: its slab offset, shape id, and its pair vectors with the common shapes (-1 until summed). */
/** (4: the number of COMMON_SHAPES.) */
const enum WordValue { At, Shape, AfterCommon, BeforeCommon = AfterCommon + 4, Count = BeforeCommon + 4 }

/** The vectors kept per distinct word, in this order, each one tag-length long. */
const enum WordPart { First, Inner, AsSecondPrevious, AsSecondNext, Count }
/** The vectors kept per gazetteer value. */
const enum GazetteerPart { Here, AsPrevious, AsNext, Count }

/** Vectors summed per word: the word, the words before and after (two each), and the gazetteer (one, or three). */
const SUMMED_PARTS = 8;

/** Spreads consecutive keys over the table (Fibonacci hashing, high bits folded down). */
function slotOf(key: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * Open addressing from a non-negative integer key to a non-negative value: faster than a Map for the
 * pair memos. Key and value share a slot ([key, value] side by side), so that a probe reads one
 * cache line, not one in each of two arrays (the tables outgrow the caches on a large article).
 */
class IntTable {
  private slots = IntTable.empty(1 << 12);
  private count = 0;

  private static empty(capacity: number): Int32Array {
    return new Int32Array(2 * capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let s = slotOf(key) & mask; ; s = (s + 1) & mask) {
      const k = slots[2 * s];
      if (k === key) return slots[2 * s + 1];
      if (k < 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if (4 * (this.count + 1) > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = slotOf(key) & mask;
    while (slots[2 * s] >= 0 && slots[2 * s] !== key) s = (s + 1) & mask;
    if (slots[2 * s] < 0) this.count++;
    slots[2 * s] = key;
    slots[2 * s + 1] = value;
  }

  clear(): void {
    this.slots = IntTable.empty(1 << 12);
    this.count = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = IntTable.empty(old.length);
    this.count = 0;
    for (let s = 0; s < old.length; s += 2) if (old[s] >= 0) this.set(old[s], old[s + 1]);
  }
}

/**
 * Where emitContextFeatures emits each context feature; the word features come before all of them
 * (-1). A span's reason is the first feature with the most weight in that order.
 */
const EMIT_ORDER: ReadonlyMap<T, number> = new Map([
  T.Initial, T.Prev, T.Next, T.Prev2, T.Next2, T.PrevShape, T.NextShape, T.PrevShapeHere, T.HereNextShape, T.PrevAndWord,
  T.Gazetteer, T.PrevGazetteer, T.NextGazetteer,
].map((template, k) => [template, k]));

/** The strongest feature of one part for one tag, with its place in emitFeatures' order. */
interface PartReason extends StrongestFeature {
  order: number;
}

const NO_REASON: PartReason = { weight: 0, order: Infinity, description: '' };

/** Which neighbours word i has inside its sentence, as emitContextFeatures decides. */
function neighbours(words: readonly TagWord[], i: number): { previous: boolean; secondPrevious: boolean; next: boolean; secondNext: boolean } {
  const previous = i > 0 && !words[i].initial;
  const next = i + 1 < words.length && !words[i + 1].initial;
  return {
    previous,
    secondPrevious: previous && i > 1 && !words[i - 1].initial,
    next,
    secondNext: next && i + 2 < words.length && !words[i + 2].initial,
  };
}

/** The tagger's reused typed arrays (see Scratch): what each block's are, by slot. */
export const enum ScratchSlot { Ids, Shapes, At, Parts, Gazetteer, Tags, Scores = 0, Confidence = 1 }

const NO_PARTS = new Int32Array(0);

/** A block's words as the memo knows them: views that the next block overwrites. */
export interface MemoWords {
  ids: Int32Array;
  shapes: Int32Array;
  /** Per word, where its WordPart vectors begin in the slab. */
  at: Int32Array;
  /** Set by `scores`: per word, the slab offsets of its SUMMED_PARTS vectors (-1: none). */
  parts: Int32Array;
}

/**
 * Per model: the summed weights of every part met so far. Bounded: past WORD_LIMIT distinct words
 * it starts afresh before the next block.
 */
export class PartScores {
  private readonly n: number;
  private slab = new Int16Array(INITIAL_SLAB);
  private used = 0;
  /** Per word: its id, and with it its WordValue values. */
  private words = new WordTable(WordValue.Count);
  private wordLower: string[] = [];
  private readonly shapeIds = new Map<string, number>();
  private shapeNames: string[] = [];
  /** Per shape id: where its previous-tag vectors begin (n + 1 of them), -1 until met. */
  private shapeTransitions: number[] = [];
  /** (previous word, shape) → the features of the word before; (next word, shape) → those of the word after. */
  private readonly afterWord = new IntTable();
  private readonly beforeWord = new IntTable();
  /** Pair vectors kept in the word records (see COMMON_SHAPES). */
  private pairsInWords = 0;
  /** The typed arrays of the block being tagged. */
  readonly scratch = new Scratch();
  /** Per vector and tag (its offset + the tag): where in `reasonList` the strongest feature summed into it is (spans' reasons). */
  private readonly reasons = new IntTable();
  private reasonList: PartReason[] = [];
  private readonly gazetteerIds = new Map<string, number>();
  private gazetteerAt: number[] = [];
  /** Vectors for a missing neighbour: the sentence's start or end. */
  private edges = { secondPrevious: 0, secondNext: 0, previousGazetteer: 0, nextGazetteer: 0, noGazetteer: 0, gazetteerNone: 0 };
  /** PrevTag + PrevTwoTags for every pair of previous tags ((n + 1)², "<s>" first). */
  private transitions = 0;

  /** @param limits how many words and pairs to keep before starting afresh (tests make them small). */
  constructor(private readonly model: WeightSource, private readonly limits = { words: WORD_LIMIT, pairs: PAIR_LIMIT }) {
    this.n = model.tags.length;
    this.reset();
  }

  /** Called before each block: starts afresh once the memo holds too many words. */
  beginBlock(): void {
    if (this.words.size > this.limits.words || this.afterWord.size + this.beforeWord.size + this.pairsInWords > this.limits.pairs) this.reset();
  }

  private reset(): void {
    // A fresh slab: vectors are summed into zeroed memory (and the memory of a large block is let go).
    this.slab = new Int16Array(INITIAL_SLAB);
    this.used = 0;
    this.words = new WordTable(WordValue.Count);
    this.pairsInWords = 0;
    this.wordLower = [];
    this.shapeIds.clear();
    this.shapeNames = [];
    this.shapeTransitions = [];
    this.afterWord.clear();
    this.beforeWord.clear();
    this.reasons.clear();
    this.reasonList = [];
    this.gazetteerIds.clear();
    this.gazetteerAt = [];
    this.shapeId(START);
    this.shapeId(END);
    for (const shape of COMMON_SHAPES) this.shapeId(shape);
    this.edges = {
      secondPrevious: this.sum((at) => this.feature(at, T.Prev2, START)),
      secondNext: this.sum((at) => this.feature(at, T.Next2, END)),
      previousGazetteer: this.sum((at) => this.feature(at, T.PrevGazetteer, START)),
      nextGazetteer: this.sum((at) => this.feature(at, T.NextGazetteer, END)),
      // The commonest case by far: no rule finding on the word or its neighbours.
      noGazetteer: this.sum((at) => {
        this.feature(at, T.Gazetteer, NONE);
        this.feature(at, T.PrevGazetteer, NONE);
        this.feature(at, T.NextGazetteer, NONE);
      }),
      gazetteerNone: 0,
    };
    this.edges.gazetteerNone = this.gazetteerVectors('');
    const history = [START, ...this.model.tags];
    this.transitions = this.allocate(history.length * history.length);
    history.forEach((p2, a) => history.forEach((p1, b) => {
      const at = this.transitions + (a * history.length + b) * this.n;
      this.feature(at, T.PrevTag, p1);
      this.feature(at, T.PrevTwoTags, p2, p1);
    }));
  }

  /** Room for `vectors` zeroed vectors; returns the offset of the first. */
  private allocate(vectors: number): number {
    const at = this.used;
    this.used += vectors * this.n;
    if (this.used > this.slab.length) {
      let size = this.slab.length;
      while (size < this.used) size *= 2;
      const grown = new Int16Array(size);
      grown.set(this.slab.subarray(0, at));
      this.slab = grown;
    }
    return at;
  }

  /** One new vector filled by `fill`. */
  private sum(fill: (at: number) => void): number {
    const at = this.allocate(1);
    fill(at);
    return at;
  }

  private feature(at: number, template: T, a: string, b?: string): void {
    this.model.add(featureHash(template, a, b), this.slab, at);
  }

  private shapeId(shape: string): number {
    let id = this.shapeIds.get(shape);
    if (id === undefined) {
      id = this.shapeNames.length;
      this.shapeIds.set(shape, id);
      this.shapeNames.push(shape);
      this.shapeTransitions.push(-1);
    }
    return id;
  }

  /** The memo's ids for a block's words, learning the words it has not met. */
  wordsOf(words: readonly TagWord[], context: WordContext): MemoWords {
    const ids = this.scratch.int32(ScratchSlot.Ids, words.length);
    const shapes = this.scratch.int32(ScratchSlot.Shapes, words.length);
    const at = this.scratch.int32(ScratchSlot.At, words.length);
    const table = this.words;
    for (let i = 0; i < words.length; i++) {
      let id = table.find(words[i].text);
      if (id < 0) id = this.learnWord(words[i], context);
      ids[i] = id;
      at[i] = table.value(id, WordValue.At);
      shapes[i] = table.value(id, WordValue.Shape);
    }
    return { ids, shapes, at, parts: NO_PARTS };
  }

  /** The vectors of a word met for the first time: its own features (twice: first in a sentence or not) and its parts as a neighbour. */
  private learnWord(word: TagWord, context: WordContext): number {
    const view = viewOf([word]);
    const [lower, shape] = [view.lower[0], view.shapes[0]];
    const at = this.allocate(WordPart.Count);
    emitWordFeatures(view, 0, context, (template, a, b) => this.feature(at + WordPart.First * this.n, template, a, b));
    this.slab.copyWithin(at + WordPart.Inner * this.n, at, at + this.n);
    this.feature(at + WordPart.First * this.n, T.Initial, 'first', shape);
    this.feature(at + WordPart.Inner * this.n, T.Initial, 'inner', shape);
    this.feature(at + WordPart.AsSecondPrevious * this.n, T.Prev2, lower);
    this.feature(at + WordPart.AsSecondNext * this.n, T.Next2, lower);
    const id = this.words.add(word.text);
    this.words.setValue(id, WordValue.At, at);
    this.words.setValue(id, WordValue.Shape, this.shapeId(shape));
    this.wordLower.push(lower);
    return id;
  }

  private gazetteerVectors(value: string): number {
    let id = this.gazetteerIds.get(value);
    if (id === undefined) {
      id = this.gazetteerAt.length;
      const at = this.allocate(GazetteerPart.Count);
      const name = value || NONE;
      this.feature(at + GazetteerPart.Here * this.n, T.Gazetteer, name);
      this.feature(at + GazetteerPart.AsPrevious * this.n, T.PrevGazetteer, name);
      this.feature(at + GazetteerPart.AsNext * this.n, T.NextGazetteer, name);
      this.gazetteerIds.set(value, id);
      this.gazetteerAt.push(at);
    }
    return this.gazetteerAt[id];
  }

  /** The features of the word before (Prev, PrevShape) and of it with this word's shape (PrevShapeHere, PrevAndWord); `previous` -1: none. */
  private afterFeatures(previous: number, shape: number, emit: Emit): void {
    const lower = previous < 0 ? START : this.wordLower[previous];
    const previousShape = previous < 0 ? START : this.shapeNames[this.words.value(previous, WordValue.Shape)];
    const name = this.shapeNames[shape];
    emit(T.Prev, lower);
    emit(T.PrevShape, previousShape);
    emit(T.PrevShapeHere, previousShape, name);
    emit(T.PrevAndWord, lower, name);
  }

  /** The features of the word after (Next, NextShape) and of its shape with this one's (HereNextShape); `next` -1: none. */
  private beforeFeatures(shape: number, next: number, emit: Emit): void {
    const lower = next < 0 ? END : this.wordLower[next];
    const nextShape = next < 0 ? END : this.shapeNames[this.words.value(next, WordValue.Shape)];
    emit(T.Next, lower);
    emit(T.NextShape, nextShape);
    emit(T.HereNextShape, this.shapeNames[shape], nextShape);
  }

  /** The vector of the word before (see afterFeatures), kept per (previous word, shape). */
  private after(previous: number, shape: number): number {
    return this.neighbourVector(this.afterWord, previous, shape, true);
  }

  /** The vector of the word after (see beforeFeatures), kept per (next word, shape). */
  private before(shape: number, next: number): number {
    return this.neighbourVector(this.beforeWord, next, shape, false);
  }

  /**
   * A neighbour's vector, summed on first use: in the neighbour's word record for the common shapes,
   * else in its pair table. No closure in this function, not even one for a miss: V8 allocates a
   * function's closure context on every call (two per word, a tenth of the analysis's garbage).
   */
  private neighbourVector(table: IntTable, neighbour: number, shape: number, isPrevious: boolean): number {
    const common = shape - COMMON_SHAPE_FIRST;
    const inRecord = neighbour >= 0 && common >= 0 && common < COMMON_SHAPES.length;
    const value = (isPrevious ? WordValue.AfterCommon : WordValue.BeforeCommon) + common;
    const keyed = !inRecord && shape < SHAPE_KEYS && neighbour < KEYED_WORDS;
    const key = (neighbour + 1) * SHAPE_KEYS + shape;
    let at = inRecord ? this.words.value(neighbour, value) : keyed ? table.get(key) : -1;
    if (at < 0) {
      at = this.sumNeighbour(neighbour, shape, isPrevious);
      if (inRecord) {
        this.words.setValue(neighbour, value, at);
        this.pairsInWords++;
      } else if (keyed) {
        table.set(key, at);
      }
    }
    return at;
  }

  /** A new vector of a neighbour's features (see neighbourVector). */
  private sumNeighbour(neighbour: number, shape: number, isPrevious: boolean): number {
    return this.sum((to) => {
      const emit: Emit = (template, a, b) => this.feature(to, template, a, b);
      if (isPrevious) this.afterFeatures(neighbour, shape, emit);
      else this.beforeFeatures(shape, neighbour, emit);
    });
  }

  /**
   * The static scores of a block's words (words × tags): every feature of emitFeatures except the
   * previous tags, which decoding adds.
   * @param gazetteer per word, its gazetteer value ('' for none).
   */
  scores(words: readonly TagWord[], memo: MemoWords, gazetteer: readonly string[]): Float64Array {
    const n = this.n;
    const count = words.length;
    const { ids, shapes, at: wordAt } = memo;
    const edges = this.edges;
    // Per word, where its vectors are: found (or learnt) first, so that the summing loop only adds.
    const parts = this.scratch.int32(ScratchSlot.Parts, count * SUMMED_PARTS);
    const gazetteerAt = this.scratch.int32(ScratchSlot.Gazetteer, count);
    const none = edges.gazetteerNone;
    // Most words have no gazetteer value: their vectors without a Map lookup.
    for (let i = 0; i < count; i++) gazetteerAt[i] = gazetteer[i] === '' ? none : this.gazetteerVectors(gazetteer[i]);
    for (let i = 0, p = 0; i < count; i++, p += SUMMED_PARTS) {
      const near = neighbours(words, i);
      parts[p] = wordAt[i] + (words[i].initial ? WordPart.First : WordPart.Inner) * n;
      parts[p + 1] = this.after(near.previous ? ids[i - 1] : -1, shapes[i]);
      parts[p + 2] = near.secondPrevious ? wordAt[i - 2] + WordPart.AsSecondPrevious * n : edges.secondPrevious;
      parts[p + 3] = this.before(shapes[i], near.next ? ids[i + 1] : -1);
      parts[p + 4] = near.secondNext ? wordAt[i + 2] + WordPart.AsSecondNext * n : edges.secondNext;
      const previousGazetteer = i > 0 ? gazetteerAt[i - 1] + GazetteerPart.AsPrevious * n : edges.previousGazetteer;
      const nextGazetteer = i + 1 < count ? gazetteerAt[i + 1] + GazetteerPart.AsNext * n : edges.nextGazetteer;
      if (i > 0 && i + 1 < count && gazetteerAt[i - 1] === none && gazetteerAt[i] === none && gazetteerAt[i + 1] === none) {
        parts[p + 5] = edges.noGazetteer;
        parts[p + 6] = -1;
        parts[p + 7] = -1;
      } else {
        parts[p + 5] = gazetteerAt[i] + GazetteerPart.Here * n;
        parts[p + 6] = previousGazetteer;
        parts[p + 7] = nextGazetteer;
      }
    }
    memo.parts = parts;
    return this.sumParts(parts, count);
  }

  /**
   * The feature of word i that gave the most weight to `tag`, as emitFeatures finds it (the first
   * in its order among the heaviest; '' when none weighs more than 0): the strongest feature of each
   * of the word's parts, kept per part and tag, compared by weight, then by order.
   * @param memo as `scores` left it for this block.
   */
  strongest(words: readonly TagWord[], memo: MemoWords, gazetteer: readonly string[], context: WordContext, i: number, tag: number): StrongestFeature {
    let best = NO_REASON;
    for (let k = 0, p = i * SUMMED_PARTS; k < SUMMED_PARTS; k++) {
      const at = memo.parts[p + k];
      if (at < 0) continue;
      const known = this.reasons.get(at + tag);
      let part: PartReason;
      if (known >= 0) {
        part = this.reasonList[known];
      } else {
        part = this.strongestOf(tag, (emit) => this.partFeatures(k, words, memo, gazetteer, context, i, emit));
        this.reasons.set(at + tag, this.reasonList.length);
        this.reasonList.push(part);
      }
      if (part.weight > best.weight || (part.weight === best.weight && part.order < best.order)) best = part;
    }
    return best;
  }

  /** The first feature `emitAll` emits with the most weight (over 0) for `tag`; the bias never counts. */
  private strongestOf(tag: number, emitAll: (emit: Emit) => void): PartReason {
    let best = NO_REASON;
    emitAll((template, a, b) => {
      if (template === T.Bias) return;
      const weight = this.model.weight(featureHash(template, a, b), tag);
      if (weight > best.weight) best = { weight, order: EMIT_ORDER.get(template) ?? -1, description: describeFeature(template, a) };
    });
    return best;
  }

  /** The features summed into part k of word i (the order of `scores`' parts), emitted again to find their reason. */
  private partFeatures(k: number, words: readonly TagWord[], memo: MemoWords, gazetteer: readonly string[], context: WordContext, i: number, emit: Emit): void {
    const { ids, shapes } = memo;
    const near = neighbours(words, i);
    const gazetteerAt = (j: number): string => gazetteer[j] || NONE;
    switch (k) {
      case 0: {
        const view = viewOf([words[i]]);
        emitWordFeatures(view, 0, context, emit);
        emit(T.Initial, words[i].initial ? 'first' : 'inner', view.shapes[0]);
        return;
      }
      case 1: return this.afterFeatures(near.previous ? ids[i - 1] : -1, shapes[i], emit);
      case 2: return emit(T.Prev2, near.secondPrevious ? this.wordLower[ids[i - 2]] : START);
      case 3: return this.beforeFeatures(shapes[i], near.next ? ids[i + 1] : -1, emit);
      case 4: return emit(T.Next2, near.secondNext ? this.wordLower[ids[i + 2]] : END);
      case 5:
        emit(T.Gazetteer, gazetteerAt(i));
        // The three gazetteer features folded into one vector (see `scores`).
        if (memo.parts[i * SUMMED_PARTS + 6] < 0) {
          emit(T.PrevGazetteer, NONE);
          emit(T.NextGazetteer, NONE);
        }
        return;
      case 6: return emit(T.PrevGazetteer, i > 0 ? gazetteerAt(i - 1) : START);
      default: return emit(T.NextGazetteer, i + 1 < words.length ? gazetteerAt(i + 1) : END);
    }
  }

  /** Adds up the vectors that `parts` points to, SUMMED_PARTS per word (-1: none). */
  private sumParts(parts: Int32Array, count: number): Float64Array {
    const n = this.n;
    const slab = this.slab;
    // Every element is assigned below (the first six parts always exist): no zeroing needed.
    const out = this.scratch.float64(ScratchSlot.Scores, count * n);
    for (let i = 0, p = 0; i < count; i++, p += SUMMED_PARTS) {
      const [a, b, c, d, e, f] = [parts[p], parts[p + 1], parts[p + 2], parts[p + 3], parts[p + 4], parts[p + 5]];
      const to = i * n;
      for (let t = 0; t < n; t++) out[to + t] = slab[a + t] + slab[b + t] + slab[c + t] + slab[d + t] + slab[e + t] + slab[f + t];
      const [g, h] = [parts[p + 6], parts[p + 7]];
      if (g >= 0) for (let t = 0; t < n; t++) out[to + t] += slab[g + t] + slab[h + t];
    }
    return out;
  }

  /** The PrevTagShape vectors of a shape met for the first time, one per previous tag (in a method of its own: see neighbourVector). */
  private sumShapeTransitions(shape: number): number {
    const n = this.n;
    const shaped = this.allocate(n + 1);
    const name = this.shapeNames[shape];
    [START, ...this.model.tags].forEach((p1, k) => this.feature(shaped + k * n, T.PrevTagShape, p1, name));
    this.shapeTransitions[shape] = shaped;
    return shaped;
  }

  /**
   * Adds the previous-tag features (PrevTag, PrevTwoTags, PrevTagShape) to scores[at, at + n).
   * @param previous the previous tag, -1 at a sentence start; `secondPrevious` likewise.
   */
  addTransitions(scores: Float64Array, at: number, secondPrevious: number, previous: number, shape: number): void {
    const n = this.n;
    const history = n + 1;
    let shaped = this.shapeTransitions[shape];
    if (shaped < 0) shaped = this.sumShapeTransitions(shape);
    // Both vectors in one pass (integer sums: the same scores as adding them one after the other).
    const slab = this.slab;
    const tags = this.transitions + ((secondPrevious + 1) * history + previous + 1) * n;
    const shapeTags = shaped + (previous + 1) * n;
    for (let t = 0; t < n; t++) scores[at + t] += slab[tags + t] + slab[shapeTags + t];
  }
}
