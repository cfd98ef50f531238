/**
 * The trained claim classifier: logistic regression over the named signals of claimSignals.ts
 * (shared by both languages, plus a per-language correction) and hashed words and word pairs,
 * with Platt scaling so that the score is a calibrated probability. Trained by
 * src/train/claims.ts; the weights ship in models/claims.json (see docs/models.md).
 *
 * A claim's reasons are the features that pushed its score most: signals in their own words,
 * n-grams summed as "wording".
 */
import { CLAIM_SIGNALS, reasonText, type ClaimSignal, type FiredSignal, type SentenceFacts } from './claimSignals';
import type { Language } from './types';

export const CLAIM_MODEL_FORMAT = 'ai-news-annotator/claims';
/**
 * Version 2: each language hashes its n-grams into a table of its own (version 1: one table shared
 * by both languages, still read).
 */
export const CLAIM_MODEL_VERSION = 2;
/** The last version whose languages share one n-gram table. */
const SHARED_TABLE_VERSION = 1;

/** Where each kind of feature sits in the weight vector. */
export interface FeatureLayout {
  signals: number;
  /** First index of the shared signal weights, then German and English corrections, then the biases. */
  shared: number;
  german: number;
  english: number;
  bias: number;
  germanBias: number;
  englishBias: number;
  /** First hashed n-gram bucket, and how many there are (both languages' tables). */
  hashed: number;
  buckets: number;
  /**
   * Where each language's n-grams are hashed to (a power of two each): German into a table of its
   * own, then English, so that training on English alone never moves a weight a German sentence reads
   * (a German word no German training sentence holds would otherwise share a bucket with English
   * ones). In a file of version 1 both languages share one table.
   */
  grams: Record<Language, { first: number; count: number }>;
  size: number;
}

/**
 * The layout of the weights: English's n-grams in 2^hashBits buckets, German's in 2^germanHashBits
 * before them; `germanHashBits` null: one table of 2^hashBits for both languages (version 1).
 */
export function featureLayout(signals: number, hashBits: number, germanHashBits: number | null = null): FeatureLayout {
  const hashed = 3 * signals + 3;
  const english = 2 ** hashBits;
  const german = germanHashBits === null ? 0 : 2 ** germanHashBits;
  const grams = germanHashBits === null
    ? { de: { first: hashed, count: english }, en: { first: hashed, count: english } }
    : { de: { first: hashed, count: german }, en: { first: hashed + german, count: english } };
  const buckets = german + english;
  return { signals, shared: 0, german: signals, english: 2 * signals, bias: 3 * signals, germanBias: 3 * signals + 1, englishBias: 3 * signals + 2, hashed, buckets, grams, size: hashed + buckets };
}

/** A sentence as features: indices into the weight vector with their values. */
export interface SparseFeatures {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;
const ZERO = 48;

/** FNV-1a over `s` from `seed`. */
function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Kinds of n-gram, hashed apart, per language. */
const SEEDS: Record<Language, { word: number; pair: number }> = {
  de: { word: fnv(FNV_OFFSET, 'wde '), pair: fnv(FNV_OFFSET, 'pde ') },
  en: { word: fnv(FNV_OFFSET, 'wen '), pair: fnv(FNV_OFFSET, 'pen ') },
};

/** A word for the n-grams: lower case, digits as "0", so that "1,234" and "987" look alike. */
function normalWord(word: string): string {
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) return lower.replace(/\d/g, '0');
  }
  return lower;
}

/**
 * The n-gram code unit of each character below U+0250 (Latin, with its accents): its lower case, a
 * digit as "0"; 0 where lower-casing gives more than one unit ("İ"). Per character this is what
 * normalWord does to the whole word: toLowerCase maps these characters one by one, without context.
 */
const NORMAL_UNIT: Uint16Array = (() => {
  const table = new Uint16Array(0x250);
  for (let c = 0; c < table.length; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    table[c] = c >= 48 && c <= 57 ? ZERO : lower.length === 1 ? lower.charCodeAt(0) : 0;
  }
  return table;
})();

/** A token that holds a letter or digit (punctuation ends a word pair). */
function isWordToken(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) return true;
  }
  return false;
}

/**
 * The hashed n-grams of a sentence, one at a time: words and word pairs, per language (English
 * learned from debates says little about German), each language in its own part of the table. After each `next()` that returns true, `index` is
 * the n-gram's bucket in the weight vector, `position` the place of its (last) word in `facts.words`
 * and `pair` whether it is a pair; `gramText` gives its text, for the reasons. A cursor rather than
 * a callback: scoring every sentence calls it per n-gram, and a loop over a cursor compiles to
 * straight code. Character n-grams were tried: no better on any dev set, and three times the work.
 */
class GramCursor {
  index = 0;
  position = -1;
  pair = false;
  private readonly words: readonly string[];
  private readonly seeds: { word: number; pair: number };
  private readonly hashed: number;
  private readonly mask: number;
  /** The pair ending at `position` is still to come (its word's own n-gram came first). */
  private pairPending = false;
  private pairHash = 0;
  /** The hash of the previous word's normal form and a space: where the pair it begins starts from. */
  private pairSeed = 0;
  private previousIsWord = false;

  constructor(facts: SentenceFacts, layout: FeatureLayout) {
    this.words = facts.words;
    this.seeds = SEEDS[facts.language];
    const table = layout.grams[facts.language];
    this.hashed = table.first;
    this.mask = table.count - 1;
  }

  next(): boolean {
    if (this.pairPending) {
      this.pairPending = false;
      this.index = this.hashed + ((this.pairHash >>> 0) & this.mask);
      this.pair = true;
      return true;
    }
    const words = this.words;
    for (let i = this.position + 1; i < words.length; i++) {
      const raw = words[i];
      if (!isWordToken(raw)) {
        this.previousIsWord = false;
        continue;
      }
      this.read(raw);
      this.position = i;
      this.pair = false;
      this.pairPending = this.previousIsWord;
      this.previousIsWord = true;
      return true;
    }
    this.position = words.length;
    return false;
  }

  /**
   * Hashes one word from its normal form: its own n-gram (into `index`), the pair it ends (from the
   * previous word's pair seed) and the seed of the pair it begins. One pass over its characters
   * without building the lower-cased string, unless a character is outside the table.
   */
  private read(raw: string): void {
    let word = this.seeds.word;
    let pair = this.pairSeed;
    let next = this.seeds.pair;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      const unit = c < 0x250 ? NORMAL_UNIT[c] : 0;
      if (unit === 0) {
        this.readSlowly(raw);
        return;
      }
      word = Math.imul(word ^ unit, FNV_PRIME);
      pair = Math.imul(pair ^ unit, FNV_PRIME);
      next = Math.imul(next ^ unit, FNV_PRIME);
    }
    this.index = this.hashed + ((word >>> 0) & this.mask);
    this.pairHash = pair;
    this.pairSeed = Math.imul(next ^ SPACE, FNV_PRIME);
  }

  private readSlowly(raw: string): void {
    const word = normalWord(raw);
    this.index = this.hashed + ((fnv(this.seeds.word, word) >>> 0) & this.mask);
    this.pairHash = fnv(this.pairSeed, word);
    this.pairSeed = Math.imul(fnv(this.seeds.pair, word) ^ SPACE, FNV_PRIME);
  }
}

/** The text of the n-gram that a GramCursor gave at `position`: the word, or the previous word and it. */
function gramText(facts: SentenceFacts, position: number, pair: boolean): string {
  const word = normalWord(facts.words[position]);
  return pair ? `${normalWord(facts.words[position - 1])} ${word}` : word;
}

/**
 * The gram (its place in `indices`) that pushes most in `direction`, the first of equals, leaving
 * out the indices in `named`; -1 when none is left. What the first gram of another index would be
 * after a stable sort of the grams by their push.
 */
function strongestGram(indices: readonly number[], pushes: readonly number[], named: readonly number[], direction: number): number {
  let best = -1;
  // One push per gram: `indices` may hold more, left over from a longer sentence.
  for (let g = 0; g < pushes.length; g++) {
    const push = pushes[g];
    // Only a gram that pushes the right way and beats the best so far is looked up in `named`.
    if (Math.sign(push) !== direction || (best >= 0 && !(direction * (push - pushes[best]) > 0))) continue;
    if (!named.includes(indices[g])) best = g;
  }
  return best;
}

/** A reason with the weight it pushed the margin by. */
interface ScoredReason {
  reason: ClaimReason;
  weight: number;
}

/**
 * Appends to `into` the reasons of `scored` that push the way of `sign`, strongest first, at most
 * `max`: the order a stable sort by weight gives (equal weights in their order), without sorting or
 * filtering copies of the list for every reported claim.
 */
function strongestReasons(scored: readonly ScoredReason[], sign: 1 | -1, max: number, into: ClaimReason[]): void {
  const picked: ScoredReason[] = [];
  for (const r of scored) {
    if (!(sign * r.weight > 0)) continue;
    // After every picked reason at least as strong, as a stable sort places it.
    let k = picked.length;
    while (k > 0 && sign * picked[k - 1].weight < sign * r.weight) k--;
    if (k >= max) continue;
    if (picked.length < max) picked.push(r);
    for (let m = picked.length - 1; m > k; m--) picked[m] = picked[m - 1];
    picked[k] = r;
  }
  for (const r of picked) into.push(r.reason);
}

/** The signal features of a sentence: its language's bias, and each signal that fired, shared and per language. */
function forEachSignal(facts: SentenceFacts, fired: readonly FiredSignal[], layout: FeatureLayout, signalIndex: ReadonlyMap<string, number>, onSignal: (index: number) => void): void {
  onSignal(layout.bias);
  onSignal(facts.language === 'de' ? layout.germanBias : layout.englishBias);
  const corrections = facts.language === 'de' ? layout.german : layout.english;
  for (const { signal } of fired) {
    const s = signalIndex.get(signal.id);
    if (s === undefined) continue;
    onSignal(layout.shared + s);
    onSignal(corrections + s);
  }
}

/**
 * The features of a sentence: the signals that fired (value 1), its language, and hashed n-grams,
 * whose values are scaled by 1/sqrt(count) so that a long sentence does not outweigh the signals.
 */
export function sentenceFeatures(facts: SentenceFacts, fired: readonly FiredSignal[], layout: FeatureLayout, signalIndex: ReadonlyMap<string, number>): SparseFeatures {
  const indices: number[] = [];
  const values: number[] = [];
  forEachSignal(facts, fired, layout, signalIndex, (index) => {
    indices.push(index);
    values.push(1);
  });
  const signals = indices.length;
  const grams = new GramCursor(facts, layout);
  while (grams.next()) indices.push(grams.index);
  const value = 1 / Math.sqrt(Math.max(1, indices.length - signals));
  for (let i = signals; i < indices.length; i++) values.push(value);
  return { indices, values };
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Platt scaling: probability = sigmoid(a * margin + b). */
export interface Platt {
  a: number;
  b: number;
}

/** A language's own Platt scaling, where it has one; the others use the shared one. */
export type LanguagePlatt = Partial<Record<Language, Platt>>;

/** The model as stored in models/claims.json. */
export interface ClaimModelFile {
  format: string;
  version: number;
  /** Signal ids in weight order: a signal added later to the table has no weight until retrained. */
  signals: string[];
  /** English's n-gram table has 2^hashBits buckets (in version 1 the table both languages share). */
  hashBits: number;
  /** German's n-gram table has 2^germanHashBits buckets (version 2). */
  germanHashBits?: number;
  /** Weights quantised to signed 8 bits: weight = byte * scale; base64. */
  scale: number;
  /**
   * The scale of English's own weights (its signal corrections, its bias and its n-gram table) in a
   * file of version 2: training English further then leaves every byte German reads as it was.
   */
  englishScale?: number;
  weights: string;
  /** The calibration of every language without its own in `plattByLanguage`. */
  platt: Platt;
  /**
   * Languages calibrated on their own (added in the file's version 1; absent in older files): English,
   * whose debate-only training moves its margins away from the shared calibration.
   */
  plattByLanguage?: LanguagePlatt;
  /** Where the default threshold was chosen, and what was measured; for the model card. */
  threshold: number;
  trainedOn: string[];
}

/** One reason of a claim: the signal (or "wording"), its evidence, and which way it pushed. */
export interface ClaimReason {
  /** A signal id of claimSignals.ts, or "wording" for the n-grams together. */
  signal: string;
  evidence: string;
  against: boolean;
}

/** The highest probability a question gets. */
const QUESTION_CAP = 0.3;

/** How much a feature must move the margin (log-odds) to be given as a reason. */
const REASON_MIN = 0.15;
const MAX_REASONS_FOR = 5;
const MAX_REASONS_AGAINST = 3;

export const WORDING_REASON = { for: 'wording typical of claims ({0})', against: 'wording typical of other sentences ({0})' };

/** What scores a sentence: the trained model, or in training a recorder of features. */
export interface ClaimScorer {
  /** The sentence's score, 0..1. */
  score(facts: SentenceFacts, fired: readonly FiredSignal[]): number;
  /** Why: asked only for the sentences reported as claims. */
  explain(facts: SentenceFacts, fired: readonly FiredSignal[]): ClaimReason[];
}

/**
 * A model file's weights as stored, 8 bits each (weight = byte * scale): summing a sentence's n-grams
 * reads them at random, and a quarter of the memory stays in the processor's cache (about a tenth of
 * the claims' time on the bench's distinct text).
 */
export interface QuantisedWeights {
  bytes: Int8Array;
  /** The scale of each language's n-gram weights. */
  gramScale: Record<Language, number>;
}

/**
 * The weights only English sentences read, as [start, end) ranges: English's corrections, its bias and
 * its n-gram table; none when the languages share one table.
 */
function englishOwnRanges(layout: FeatureLayout): [number, number][] {
  const table = layout.grams.en;
  if (table.first === layout.grams.de.first) return [];
  return [[layout.english, layout.english + layout.signals], [layout.englishBias, layout.englishBias + 1], [table.first, table.first + table.count]];
}

/** A mask of the weights only English sentences read (1). */
function englishOwnMask(layout: FeatureLayout): Uint8Array {
  const mask = new Uint8Array(layout.size);
  for (const [start, end] of englishOwnRanges(layout)) mask.fill(1, start, end);
  return mask;
}

/** An 8-bit scale for the weights where `mask` is `which`: the largest of them by size over 127. */
function scaleOf(weights: Float32Array, mask: Uint8Array, which: 0 | 1): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) if (mask[i] === which) max = Math.max(max, Math.abs(weights[i]));
  return max / 127 || 1;
}

/**
 * The hashed n-grams of one sentence, as its reasons read them: bucket, place (a pair is told from a
 * word by the sign: position -1 - p is the pair ending at word p) and weight of each, in the order of
 * the sentence. The arrays are reused from sentence to sentence and hold `count` n-grams; what lies
 * beyond is left over (emptying an array with `length = 0` gives up its memory, and growing it again
 * for every sentence made a twentieth of the analysis's garbage).
 */
interface SentenceGrams {
  facts: SentenceFacts | null;
  count: number;
  indices: number[];
  positions: number[];
  weights: number[];
  /** The weights summed in the order of the sentence. */
  sum: number;
}

function emptyGrams(): SentenceGrams {
  return { facts: null, count: 0, indices: [], positions: [], weights: [], sum: 0 };
}

export class ClaimModel implements ClaimScorer {
  readonly layout: FeatureLayout;
  readonly signalIndex: ReadonlyMap<string, number>;
  /**
   * The n-grams of the sentence scored last, for its reasons: more than half of the scored sentences
   * are reported, and hashing their words again cost about a tenth of the claims' time.
   */
  private readonly lastScored: SentenceGrams = emptyGrams();

  /**
   * @param weights what the model computes with; for a model read from a file also `quantised`,
   *   from which weights[i] = Math.fround(bytes[i] * scale) was made (English's own weights with its own scale).
   */
  constructor(
    readonly weights: Float32Array, signals: readonly string[], hashBits: number, readonly platt: Platt, readonly threshold: number,
    private readonly quantised: QuantisedWeights | null = null,
    readonly plattByLanguage: LanguagePlatt = {},
    germanHashBits: number | null = null,
  ) {
    this.layout = featureLayout(signals.length, hashBits, germanHashBits);
    if (weights.length !== this.layout.size) throw new Error(`claim model: ${weights.length} weights, expected ${this.layout.size}`);
    this.signalIndex = new Map(signals.map((id, i) => [id, i]));
  }

  features(facts: SentenceFacts, fired: readonly FiredSignal[]): SparseFeatures {
    return sentenceFeatures(facts, fired, this.layout, this.signalIndex);
  }

  margin(features: SparseFeatures): number {
    let z = 0;
    for (let i = 0; i < features.indices.length; i++) z += this.weights[features.indices[i]] * features.values[i];
    return z;
  }

  /** The margin (log-odds before calibration) of a sentence, summed as the features are hashed: the same as margin(features(…)) without building them. */
  sentenceMargin(facts: SentenceFacts, fired: readonly FiredSignal[]): number {
    let z = 0;
    forEachSignal(facts, fired, this.layout, this.signalIndex, (index) => { z += this.weights[index]; });
    const kept = this.gramsOf(facts, this.lastScored);
    const count = kept.count;
    return count ? z + kept.sum / Math.sqrt(count) : z;
  }

  /** The n-grams of `facts`, read into `into` unless it holds them already. */
  private gramsOf(facts: SentenceFacts, into: SentenceGrams): SentenceGrams {
    if (into.facts === facts) return into;
    into.facts = facts;
    const { indices, positions, weights } = into;
    let count = 0;
    const grams = new GramCursor(facts, this.layout);
    while (grams.next()) {
      indices[count] = grams.index;
      positions[count] = grams.pair ? -1 - grams.position : grams.position;
      count++;
    }
    // The weights are read once every n-gram is hashed: reads at random from a table that the cache
    // does not keep then follow each other and wait for memory together, not one after the other.
    // From the 8-bit weights when there are: the same values as `weights`, from a quarter of the memory.
    const q = this.quantised;
    const scale = q ? q.gramScale[facts.language] : 0;
    let sum = 0;
    for (let g = 0; g < count; g++) {
      const weight = q ? Math.fround(q.bytes[indices[g]] * scale) : this.weights[indices[g]];
      weights[g] = weight;
      sum += weight;
    }
    into.count = count;
    into.sum = sum;
    return into;
  }

  /** The calibration of sentences in `language`. */
  plattOf(language: Language): Platt {
    return this.plattByLanguage[language] ?? this.platt;
  }

  /** The calibrated probability that the sentence is a check-worthy claim, to two decimals. */
  score(facts: SentenceFacts, fired: readonly FiredSignal[]): number {
    const platt = this.plattOf(facts.language);
    let probability = sigmoid(platt.a * this.sentenceMargin(facts, fired) + platt.b);
    // The guidelines: a question asks, it does not assert, however many figures it holds.
    if (facts.question) probability = Math.min(probability, QUESTION_CAP);
    return Math.round(probability * 100) / 100;
  }

  /** The signals and the wording that pushed the margin most, strongest first; at most five for and three against. */
  explain(facts: SentenceFacts, fired: readonly FiredSignal[]): ClaimReason[] {
    const corrections = facts.language === 'de' ? this.layout.german : this.layout.english;
    const scored: ScoredReason[] = [];
    for (const { signal, evidence } of fired) {
      const s = this.signalIndex.get(signal.id);
      if (s === undefined) continue;
      const weight = this.weights[this.layout.shared + s] + this.weights[corrections + s];
      if (Math.abs(weight) >= REASON_MIN) scored.push({ reason: { signal: signal.id, evidence, against: weight < 0 }, weight });
    }
    const wording = this.wording(facts);
    if (Math.abs(wording.weight) >= REASON_MIN && wording.words.length) {
      scored.push({ reason: { signal: 'wording', evidence: wording.words.map((w) => `"${w}"`).join(', '), against: wording.weight < 0 }, weight: wording.weight });
    }
    const reasons: ClaimReason[] = [];
    strongestReasons(scored, 1, MAX_REASONS_FOR, reasons);
    strongestReasons(scored, -1, MAX_REASONS_AGAINST, reasons);
    return reasons;
  }

  /**
   * The n-grams' summed push, and the two words or pairs that pushed most in that direction. Only
   * those two are spelled out; an index two n-grams of the sentence share is named by the later one.
   */
  private wording(facts: SentenceFacts): { weight: number; words: string[] } {
    // Usually the sentence just scored: its n-grams are read once.
    const { count, indices, positions, weights } = this.lastScored.facts === facts ? this.lastScored : this.gramsOf(facts, emptyGrams());
    const value = 1 / Math.sqrt(Math.max(1, count));
    // Each gram's push, summed gram by gram in the order of the sentence.
    const pushes: number[] = [];
    let weight = 0;
    for (let g = 0; g < count; g++) {
      const push = weights[g] * value;
      pushes.push(push);
      weight += push;
    }
    const direction = Math.sign(weight);
    const words: string[] = [];
    const named: number[] = [];
    while (words.length < 2) {
      const best = strongestGram(indices, pushes, named, direction);
      if (best < 0) break;
      named.push(indices[best]);
      // An index two n-grams of the sentence share is named by the later one.
      let last = count - 1;
      while (indices[last] !== indices[best]) last--;
      const at = positions[last];
      const text = gramText(facts, at < 0 ? -1 - at : at, at < 0);
      if (!words.includes(text)) words.push(text);
    }
    return { weight, words };
  }

  /** The model as a file: weights quantised to 8 bits, base64. */
  toFile(trainedOn: string[]): ClaimModelFile {
    const languageTables = this.hasLanguageTables();
    const english = englishOwnMask(this.layout);
    const scale = scaleOf(this.weights, english, 0);
    const englishScale = languageTables ? scaleOf(this.weights, english, 1) : scale;
    const bytes = new Int8Array(this.weights.length);
    for (let i = 0; i < this.weights.length; i++) bytes[i] = Math.round(this.weights[i] / (english[i] ? englishScale : scale));
    return {
      format: CLAIM_MODEL_FORMAT, version: languageTables ? CLAIM_MODEL_VERSION : SHARED_TABLE_VERSION, signals: [...this.signalIndex.keys()],
      hashBits: Math.log2(this.layout.grams.en.count), ...(languageTables ? { germanHashBits: Math.log2(this.layout.grams.de.count) } : {}),
      scale, ...(languageTables ? { englishScale } : {}), weights: Buffer.from(bytes.buffer).toString('base64'), platt: this.platt,
      ...(Object.keys(this.plattByLanguage).length ? { plattByLanguage: this.plattByLanguage } : {}),
      threshold: this.threshold, trainedOn,
    };
  }

  /** Whether each language has its own n-gram table (a file of version 2). */
  hasLanguageTables(): boolean {
    return this.layout.grams.de.first !== this.layout.grams.en.first;
  }

  /** Reads a model file; throws on a file of another format or version. */
  static fromFile(file: ClaimModelFile): ClaimModel {
    if (file.format !== CLAIM_MODEL_FORMAT || (file.version !== CLAIM_MODEL_VERSION && file.version !== SHARED_TABLE_VERSION)) {
      throw new Error(`not a claim model this version can read (format ${String(file.format)}, version ${String(file.version)})`);
    }
    for (const [language, platt] of Object.entries(file.plattByLanguage ?? {})) {
      if ((language !== 'de' && language !== 'en') || !Number.isFinite(platt?.a) || !Number.isFinite(platt?.b)) {
        throw new Error(`claim model: plattByLanguage.${language} is not a calibration this version can read (a language "de" or "en" with numbers a and b)`);
      }
    }
    const languageTables = file.version !== SHARED_TABLE_VERSION;
    const englishScale = languageTables ? file.englishScale : file.scale;
    const germanHashBits = languageTables ? file.germanHashBits : null;
    if (!Number.isFinite(englishScale) || (languageTables && !Number.isInteger(germanHashBits))) {
      throw new Error('claim model: a file of version 2 needs englishScale and germanHashBits, numbers');
    }
    const bytes = new Int8Array(Buffer.from(file.weights, 'base64'));
    const weights = new Float32Array(bytes.length);
    // One pass: the ranges come in order, English's own at its scale, everything between at the other.
    let i = 0;
    for (const [start, end] of [...englishOwnRanges(featureLayout(file.signals.length, file.hashBits, germanHashBits ?? null)), [bytes.length, bytes.length]]) {
      for (; i < start; i++) weights[i] = bytes[i] * file.scale;
      for (; i < end; i++) weights[i] = bytes[i] * Number(englishScale);
    }
    const gramScale = { de: file.scale, en: Number(englishScale) };
    return new ClaimModel(weights, file.signals, file.hashBits, file.platt, file.threshold, { bytes, gramScale }, file.plattByLanguage ?? {}, germanHashBits ?? null);
  }
}

/** The reason as the CLI prints it: "names a figure ("3 %")", "against: hedged (könnte)". */
export function reasonLine(reason: ClaimReason): string {
  const signal: ClaimSignal | undefined = CLAIM_SIGNALS.find((s) => s.id === reason.signal);
  const template = signal ? signal.reason : reason.against ? WORDING_REASON.against : WORDING_REASON.for;
  const text = signal ? reasonText(signal, reason.evidence) : template.replace('{0}', reason.evidence);
  return reason.against ? `against: ${text}` : text;
}
