/**
 * A character n-gram model that tells German from English: for every hashed n-gram (1 to 4 letters
 * of lower-cased text, words padded with a space) the log-ratio of its probability in English and in
 * German text, quantised to 8 bits. A text's evidence is the sum over its n-grams: naive Bayes with
 * equal priors. Short texts work too: "AI chip export rules tightened" has no function word a cue
 * list would count, but "ght", "ed ", " th" and "ules" are English.
 *
 * File layout (little-endian): "AILM", u32 format version, u32 header length, header JSON (padded
 * to 4 bytes), i8 weights[buckets].
 */
import { decodeModelContainer, encodeModelContainer, type ModelKind } from './modelContainer';
export const LANGUAGE_MODEL_FORMAT_VERSION = 1;
const LANGUAGE_MODEL_FILE: ModelKind = { magic: 0x4d4c4941 /* "AILM" */, version: LANGUAGE_MODEL_FORMAT_VERSION, name: 'a language model' };
export const MAX_ORDER = 4;

export interface LanguageModelHeader {
  /** Number of hash buckets, a power of two. */
  buckets: number;
  /** A quantised weight times `step` is the log-ratio in nats (positive: English). */
  step: number;
  trained?: Record<string, unknown>;
}

export interface LanguageEvidence {
  /** Summed log-likelihood ratios in nats for German and for English; each n-gram adds to one side. */
  de: number;
  en: number;
}

/** Lower-case letter code of text[i], 32 (a space) for anything that separates words, 0 for digits and marks to skip. */
function letterCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 97 && c <= 122) return c;
  if (c >= 48 && c <= 57) return 0;
  if (c < 0xc0) return 32;
  if (c <= 0xde && c !== 0xd7) return c + 32; // Latin-1 capitals: Ä Ö Ü
  if (c <= 0x24f) return c;
  return 32;
}

/**
 * Calls `visit(hash)` for every n-gram of orders 1..MAX_ORDER in text[from, to). Shared by training
 * and scoring, so that both hash alike.
 */
export function forEachNgram(text: string, visit: (hash: number) => void, from = 0, to = text.length): void {
  // The last MAX_ORDER letter codes, newest first (c0); a space starts every text. Four locals rather
  // than an array: this runs for every character of every article.
  let c0 = 32;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let filled = 1;
  for (let i = from; i <= to; i++) {
    const code = i < to ? letterCode(text.charCodeAt(i)) : 32;
    if (code === 0) continue;
    if (code === 32 && c0 === 32) continue;
    c3 = c2;
    c2 = c1;
    c1 = c0;
    c0 = code;
    if (filled < MAX_ORDER) filled++;
    // The n-gram of order n + 1 is hashed as (h ^ n): the orders of one window hash apart.
    let h = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
    // A lone space says nothing.
    if (code !== 32) visit(h >>> 0);
    h = Math.imul(h ^ c1, 0x01000193);
    visit((h ^ 1) >>> 0);
    if (filled < 3) continue;
    h = Math.imul(h ^ c2, 0x01000193);
    visit((h ^ 2) >>> 0);
    if (filled < 4) continue;
    h = Math.imul(h ^ c3, 0x01000193);
    visit((h ^ 3) >>> 0);
  }
}

export class LanguageModel {
  private readonly mask: number;
  constructor(readonly header: LanguageModelHeader, private readonly weights: Int8Array) {
    this.mask = header.buckets - 1;
  }

  /** The German and English evidence in text[from, to). One pass, no allocation per character. */
  evidence(text: string, from = 0, to = text.length): LanguageEvidence {
    let de = 0;
    let en = 0;
    const weights = this.weights;
    const mask = this.mask;
    forEachNgram(text, (hash) => {
      const w = weights[hash & mask];
      // Without a branch: whether an n-gram leans English or German is a coin toss the processor
      // cannot predict (four n-grams per character). sign is -1 for a German weight, else 0.
      const sign = w >> 31;
      en += w & ~sign;
      de -= w & sign;
    }, from, to);
    return { de: de * this.header.step, en: en * this.header.step };
  }

  toBytes(): Uint8Array {
    const { bytes, payloadAt } = encodeModelContainer(LANGUAGE_MODEL_FILE, this.header, this.weights.length);
    bytes.set(new Uint8Array(this.weights.buffer, this.weights.byteOffset, this.weights.length), payloadAt);
    return bytes;
  }
}

/** @throws Error naming what is wrong when the bytes are not a language model of this format. */
export function decodeLanguageModel(bytes: Uint8Array): LanguageModel {
  const { header, payloadAt: at } = decodeModelContainer<LanguageModelHeader>(bytes, LANGUAGE_MODEL_FILE);
  if (bytes.length !== at + header.buckets || (header.buckets & (header.buckets - 1)) !== 0) throw new Error(`language model is ${bytes.length} bytes, its header promises ${at + header.buckets}`);
  return new LanguageModel(header, new Int8Array(bytes.buffer, bytes.byteOffset + at, header.buckets));
}

/**
 * Trains the model from German and English texts: add-one smoothed n-gram frequencies per
 * language, their log-ratio per bucket, quantised with `step` nats per unit.
 */
export function trainLanguageModel(german: Iterable<string>, english: Iterable<string>, buckets = 1 << 18, step = 0.05): LanguageModel {
  const count = (texts: Iterable<string>): { counts: Float64Array; total: number } => {
    const counts = new Float64Array(buckets);
    let total = 0;
    for (const text of texts) {
      forEachNgram(text, (hash) => {
        counts[hash & (buckets - 1)]++;
        total++;
      });
    }
    return { counts, total };
  };
  const de = count(german);
  const en = count(english);
  const weights = new Int8Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const ratio = Math.log((en.counts[b] + 1) / (en.total + buckets)) - Math.log((de.counts[b] + 1) / (de.total + buckets));
    weights[b] = Math.max(-127, Math.min(127, Math.round(ratio / step)));
  }
  return new LanguageModel({ buckets, step, trained: { germanNgrams: de.total, englishNgrams: en.total } }, weights);
}
