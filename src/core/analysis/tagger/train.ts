/**
 * Trains the entity tagger: a greedy averaged perceptron (Collins 2002) over the features of
 * features.ts. Deterministic: the order of sentences in every epoch comes from a seeded generator,
 * and ties go to the lower tag index, so the same corpus and seed give the same weights.
 */
import { T, emitFeatures, featureHash, viewOf, type WordContext } from './features';
import { TaggerModel, type TaggerHeader } from './model';
import type { NameLists } from './nameLists';
import type { TagWord } from './words';

/** One training sentence (or short document) with a gold tag per word ("O", "B-org", "I-org"). */
export interface TrainingSequence {
  words: TagWord[];
  context: WordContext;
  gold: string[];
  /** How much an error here counts (1 by default): narrow or noisy corpora count less. */
  weight?: number;
}

export interface TrainOptions {
  language: string;
  epochs: number;
  seed: number;
  /** Features seen fewer times than this are not learnt. */
  minCount: number;
  /** Averaged weights smaller than this fraction of the largest are dropped. */
  pruneBelow: number;
  /** Types to tag, in order; tags are made for the ones that occur in the data. */
  types: readonly string[];
  /** Stored in the model: subtracted from the score of O when decoding (see TaggerHeader). */
  outsideBias?: number;
  /** The name lists that the sequences' contexts look words up in: stored in the model (see TaggerModel). */
  nameLists?: NameLists;
  /**
   * The share of a listed word's occurrences that are trained without the word itself (T.Word,
   * T.Lower): the list features then learn what a list says about a name the tagger never saw,
   * instead of leaving the credit to the word's own weights (0 or absent: none).
   */
  listWordDropout?: number;
}

/** mulberry32: a small seeded generator, so that shuffling is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Encoded {
  /** Feature rows per word: rows[offsets[i]..offsets[i+1]). */
  rows: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
  shapes: string[];
  initial: boolean[];
  weight: number;
}

function hashesOf(seq: TrainingSequence, i: number, view: ReturnType<typeof viewOf>, withoutWord = false): number[] {
  const out: number[] = [];
  emitFeatures(view, i, seq.context, (template, a, b) => {
    if (!withoutWord || (template !== T.Word && template !== T.Lower)) out.push(featureHash(template, a, b));
  });
  return out;
}

/**
 * Per word of a sequence: whether it is trained without its own identity (see
 * TrainOptions.listWordDropout); drawn from `random`, so that training stays deterministic.
 */
function listWordsDropped(seq: TrainingSequence, dropout: number, random: () => number): boolean[] {
  const listed = seq.context.nameListsOf;
  return seq.words.map((w) => dropout > 0 && listed !== undefined && listed(w.text).length > 0 && random() < dropout);
}

/** The tag set: O, then B-/I- for each type seen in the data, in the order of `types`. */
function tagSet(sequences: readonly TrainingSequence[], types: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const s of sequences) for (const g of s.gold) if (g !== 'O') seen.add(g.slice(2));
  return ['O', ...types.filter((t) => seen.has(t)).flatMap((t) => [`B-${t}`, `I-${t}`])];
}

/** Trains a tagger; `log` receives one line per epoch. */
export function trainTagger(sequences: readonly TrainingSequence[], options: TrainOptions, log: (line: string) => void = () => {}): TaggerModel {
  const tags = tagSet(sequences, options.types);
  const tagIndex = new Map(tags.map((t, k) => [t, k]));
  const n = tags.length;
  // Pass 1: count static features; dynamic (previous-tag) features are always kept.
  const counts = new Map<number, number>();
  const dropRandom = seededRandom(options.seed ^ 0x5eed);
  const hashed = sequences.map((seq) => {
    const view = viewOf(seq.words);
    const dropped = listWordsDropped(seq, options.listWordDropout ?? 0, dropRandom);
    return seq.words.map((_, i) => {
      const hashes = hashesOf(seq, i, view, dropped[i]);
      for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
      return hashes;
    });
  });
  const index = new Map<number, number>();
  for (const [h, c] of counts) if (c >= options.minCount) index.set(h, index.size);
  const history = ['<s>', ...tags];
  const dynamicIndex = (template: T, a: string, b?: string): number => {
    const h = featureHash(template, a, b);
    let k = index.get(h);
    if (k === undefined) {
      k = index.size;
      index.set(h, k);
    }
    return k;
  };
  const encoded: Encoded[] = sequences.map((seq, s) => {
    const rows: number[] = [];
    const offsets = [0];
    for (const hashes of hashed[s]) {
      for (const h of hashes) {
        const k = index.get(h);
        if (k !== undefined) rows.push(k);
      }
      offsets.push(rows.length);
    }
    const gold = Int32Array.from(seq.gold.map((g) => tagIndex.get(g) ?? 0));
    return { rows: Int32Array.from(rows), offsets: Int32Array.from(offsets), gold, shapes: viewOf(seq.words).shapes as string[], initial: seq.words.map((w) => w.initial), weight: seq.weight ?? 1 };
  });
  hashed.length = 0;
  // Previous-tag features for every history seen, so that their rows exist before training.
  for (const p1 of history) {
    dynamicIndex(T.PrevTag, p1);
    for (const p2 of history) dynamicIndex(T.PrevTwoTags, p2, p1);
  }
  const shapes = new Set<string>();
  for (const e of encoded) for (const s of e.shapes) shapes.add(s);
  for (const p1 of history) for (const s of shapes) dynamicIndex(T.PrevTagShape, p1, s);

  const size = index.size * n;
  const w = new Float64Array(size);
  const total = new Float64Array(size);
  const stamp = new Int32Array(size);
  let clock = 1;
  const update = (row: number, tag: number, delta: number): void => {
    const k = row * n + tag;
    total[k] += (clock - stamp[k]) * w[k];
    stamp[k] = clock;
    w[k] += delta;
  };
  const random = seededRandom(options.seed);
  const order = encoded.map((_, k) => k);
  const scores = new Float64Array(n);
  const allowed = (prev: number, t: number): boolean => t === 0 || tags[t].startsWith('B-') || (prev > 0 && tags[prev].slice(2) === tags[t].slice(2));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    let errors = 0;
    let words = 0;
    for (const s of order) {
      const e = encoded[s];
      let prev = -1;
      let prev2 = -1;
      for (let i = 0; i < e.gold.length; i++) {
        if (e.initial[i]) {
          prev = -1;
          prev2 = -1;
        }
        const p1 = prev < 0 ? '<s>' : tags[prev];
        const dynamic = [
          dynamicIndex(T.PrevTag, p1),
          dynamicIndex(T.PrevTwoTags, prev2 < 0 ? '<s>' : tags[prev2], p1),
          dynamicIndex(T.PrevTagShape, p1, e.shapes[i]),
        ];
        scores.fill(0);
        for (let r = e.offsets[i]; r < e.offsets[i + 1]; r++) {
          const base = e.rows[r] * n;
          for (let t = 0; t < n; t++) scores[t] += w[base + t];
        }
        for (const row of dynamic) for (let t = 0; t < n; t++) scores[t] += w[row * n + t];
        let best = 0;
        for (let t = 1; t < n; t++) if (allowed(prev, t) && scores[t] > scores[best]) best = t;
        const gold = e.gold[i];
        words++;
        if (best !== gold) {
          errors++;
          for (let r = e.offsets[i]; r < e.offsets[i + 1]; r++) {
            update(e.rows[r], gold, e.weight);
            update(e.rows[r], best, -e.weight);
          }
          for (const row of dynamic) {
            update(row, gold, e.weight);
            update(row, best, -e.weight);
          }
        }
        clock++;
        // Training follows the gold history, as the decoder will follow its own.
        prev2 = prev;
        prev = gold;
      }
    }
    log(`  epoch ${epoch + 1}: ${(100 * (1 - errors / Math.max(words, 1))).toFixed(2)} % of words tagged right while training`);
  }
  for (let k = 0; k < size; k++) total[k] += (clock - stamp[k]) * w[k];
  return quantise(index, total, clock, tags, options);
}

/** Averages, prunes small weights and rounds the rest to 8 bits. */
function quantise(index: Map<number, number>, total: Float64Array, clock: number, tags: string[], options: TrainOptions): TaggerModel {
  const n = tags.length;
  let max = 0;
  for (let k = 0; k < total.length; k++) max = Math.max(max, Math.abs(total[k] / clock));
  const scale = max / 127 || 1;
  const cut = max * options.pruneBelow;
  const keys: number[] = [];
  const rows: number[] = [];
  // Sorted by hash, so that the file does not depend on Map insertion order.
  for (const [h, row] of [...index].sort((a, b) => a[0] - b[0])) {
    let keep = false;
    const q: number[] = [];
    for (let t = 0; t < n; t++) {
      const v = total[row * n + t] / clock;
      const r = Math.abs(v) < cut ? 0 : Math.round(v / scale);
      q.push(r);
      if (r !== 0) keep = true;
    }
    if (!keep) continue;
    keys.push(h);
    rows.push(...q);
  }
  const header: TaggerHeader = { language: options.language, tags, scale, temperature: 1, outsideBias: options.outsideBias ?? 0, count: keys.length };
  return new TaggerModel(header, Uint32Array.from(keys), Int8Array.from(rows), options.nameLists ?? null);
}
