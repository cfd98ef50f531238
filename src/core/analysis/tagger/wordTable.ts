/**
 * The tagger memo's words by their text: an id per distinct word, and per id a record of a few
 * integers (in partScores.ts: the word's slab offset, its shape id and where the vectors of its
 * commonest pairs are) kept next to the word's characters. A `Map` keyed by the word cost three reads from scattered memory per word of a block
 * (its bucket, its entry, the stored key's characters) plus hashing a new string; here it is one
 * slot of a table of integers and the one record that the tagger reads anyway. On a megabyte of
 * text the memo outgrows the caches, so each such read is a wait for memory.
 *
 * Exact: a word is found only when every character is equal (short words compare the characters
 * kept in the record, longer ones the stored string).
 */

/** Integers per record (one cache line): the length, the values, then the characters two to an integer. */
const RECORD = 16;
const INITIAL_WORDS = 1 << 10;

/** FNV-1a over the word's UTF-16 units, as a signed 32-bit integer. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  // As the Int32Array of slots keeps it (the empty word never went through Math.imul).
  return h | 0;
}

/** Characters k and k + 1 of the word as one integer (0 past its end). */
function packedPair(word: string, k: number): number {
  return k + 1 < word.length ? word.charCodeAt(k) | (word.charCodeAt(k + 1) << 16) : word.charCodeAt(k);
}

export class WordTable {
  /** Open addressing: [hash, id] side by side, id -1 for an empty slot. */
  private slots = WordTable.emptySlots(2 * INITIAL_WORDS);
  private records = new Int32Array(INITIAL_WORDS * RECORD);
  private texts: string[] = [];
  /** Where the characters begin in a record, and how many fit (longer words compare the stored string). */
  private readonly charsAt: number;
  private readonly inlineChars: number;

  /** @param values integers kept per word (at most 10), -1 until set. */
  constructor(values: number) {
    this.charsAt = 1 + values;
    this.inlineChars = 2 * (RECORD - this.charsAt);
  }

  private static emptySlots(capacity: number): Int32Array {
    const slots = new Int32Array(2 * capacity);
    for (let s = 1; s < slots.length; s += 2) slots[s] = -1;
    return slots;
  }

  /** Distinct words held. */
  get size(): number {
    return this.texts.length;
  }

  /** The id of `word`, or -1 when it was not added. */
  find(word: string): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const hash = hashOf(word);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = slots[2 * s + 1];
      if (id < 0) return -1;
      if (slots[2 * s] === hash && this.holds(id, word)) return id;
    }
  }

  /** Adds a word that `find` did not find; returns its id. */
  add(word: string): number {
    const id = this.texts.length;
    if (4 * (id + 1) > this.slots.length) this.growSlots();
    if ((id + 1) * RECORD > this.records.length) {
      const grown = new Int32Array(2 * this.records.length);
      grown.set(this.records);
      this.records = grown;
    }
    this.texts.push(word);
    const r = id * RECORD;
    this.records[r] = word.length;
    this.records.fill(-1, r + 1, r + this.charsAt);
    if (word.length <= this.inlineChars) for (let k = 0; k < word.length; k += 2) this.records[r + this.charsAt + (k >> 1)] = packedPair(word, k);
    this.place(hashOf(word), id);
    return id;
  }

  /** Value k of word `id`. */
  value(id: number, k: number): number {
    return this.records[id * RECORD + 1 + k];
  }

  setValue(id: number, k: number, value: number): void {
    this.records[id * RECORD + 1 + k] = value;
  }

  private holds(id: number, word: string): boolean {
    const records = this.records;
    const r = id * RECORD;
    const length = word.length;
    if (records[r] !== length) return false;
    if (length > this.inlineChars) return this.texts[id] === word;
    const chars = r + this.charsAt;
    for (let k = 0; k < length; k += 2) if (records[chars + (k >> 1)] !== packedPair(word, k)) return false;
    return true;
  }

  private place(hash: number, id: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = hash & mask;
    while (slots[2 * s + 1] >= 0) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = id;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = WordTable.emptySlots(old.length);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] >= 0) this.place(old[s], old[s + 1]);
  }
}
