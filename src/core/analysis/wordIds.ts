/**
 * One id per distinct word, given once in the tokenizer (one hash over the characters in place, one
 * probe) so that the stages after it keep what they work out about a word in small arrays by id
 * instead of each looking the word up in a table of its own (the entity scanner's shape bits and
 * German-word verdicts, the lexicon's names, the tagger memo's word, the claims' cue phrases, the
 * numbers' opener test). A word token also gets the table's string, so that a word met again
 * allocates no new one. Kept with the models from analysis to analysis (Models.wordIds): a table
 * given afresh for every article cost more than its ids saved (docs/performance.md, part H).
 *
 * Bounded: past WORD_LIMIT words the table starts afresh, and only between blocks (`beginBlock`), so
 * that the ids of one block's tokens never change under it. Whoever keeps facts by id checks
 * `generation` and starts afresh with it.
 */

/** Distinct words kept before the table starts afresh (a few MB at most with its strings). */
const WORD_LIMIT = 100_000;
const INITIAL_SLOTS = 1 << 12;
/**
 * A slot is one 32-bit integer: the word's hash with its low ID_BITS replaced by the word's id + 1 (0: an
 * empty slot), so that the table is half as large as [hash, id] pairs (the probe waits for memory:
 * with the words of both languages the table outgrows the processor's caches). The tag turns away
 * nearly every other word in a slot without reading its string; the string is compared anyway.
 */
const ID_BITS = 20;
const ID_MASK = (1 << ID_BITS) - 1;
/**
 * Ids in one table: a block (one paragraph of several MB) may go past WORD_LIMIT, since the table starts
 * afresh only between blocks; its words beyond this many get no id (-1) and are looked up stage by stage.
 */
const MAX_IDS = ID_MASK - 1;
/** Owners of facts per word kept at once (see factsFor): the lexicons of a few workspaces, both languages' cue lists, the number openers. */
const MAX_OWNERS = 8;

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over text[start, end), as a signed 32-bit integer. */
export function wordHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** known === text.slice(start, start + known.length), without the copy. */
function sameUnits(known: string, text: string, start: number): boolean {
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

export class WordIds {
  /** Open addressing, a slot per integer (see ID_BITS); the slot's index is the hash's low bits. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private texts: string[] = [];
  private lowers: (string | undefined)[] = [];
  private count = 0;
  /** The entity scanner's shape bits of each word (entities.ts), 0 until it has worked them out. */
  shapes = new Uint16Array(INITIAL_SLOTS);
  /** Facts per word that hold for an owner (see factsFor), by owner. */
  private columns = new Map<object, unknown[]>();
  /** A byte of facts per word for an owner (see bitsFor), by owner. */
  private byteColumns = new Map<object, Uint8Array>();
  /** Changes whenever the ids are given afresh: facts kept by id from an older generation are void. */
  generation = 0;

  /**
   * @param limit words kept before starting afresh (tests make it small).
   * @param maxIds ids given at most, even within one block (at most MAX_IDS; tests make it small).
   */
  constructor(private readonly limit = WORD_LIMIT, private readonly maxIds = MAX_IDS) {
    this.maxIds = Math.min(maxIds, MAX_IDS);
  }

  /** Distinct words held. */
  get size(): number {
    return this.count;
  }

  /** Called before each block: starts afresh once the table holds too many words. */
  beginBlock(): void {
    if (this.count <= this.limit) return;
    this.slots = new Int32Array(INITIAL_SLOTS);
    this.texts = [];
    this.lowers = [];
    this.columns.clear();
    this.byteColumns.clear();
    this.count = 0;
    this.shapes = new Uint16Array(INITIAL_SLOTS);
    this.generation++;
  }

  /** The id of the word text[start, end), given now if it is new; -1 for a new word past maxIds (within one block). */
  idOf(text: string, start: number, end: number): number {
    return this.idOfHashed(text, start, end, wordHash(text, start, end));
  }

  /** idOf when the caller has worked out `hash`, wordHash(text, start, end), while it read the word. */
  idOfHashed(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const tag = hash & ~ID_MASK;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = slots[s];
      if (slot === 0) return this.count < this.maxIds ? this.add(text.slice(start, end), tag, s) : -1;
      if ((slot & ~ID_MASK) === tag) {
        const known = this.texts[(slot & ID_MASK) - 1];
        if (known.length === length && sameUnits(known, text, start)) return (slot & ID_MASK) - 1;
      }
    }
  }

  /** The word with id `id`. */
  textOf(id: number): string {
    return this.texts[id];
  }

  /** The word with id `id` in lower case (as `toLowerCase` gives it, built once). */
  lowerOf(id: number): string {
    let lower = this.lowers[id];
    if (lower === undefined) {
      lower = this.texts[id].toLowerCase();
      this.lowers[id] = lower;
    }
    return lower;
  }

  /**
   * What a stage keeps per word id for `owner` (the lexicon's names a word may start, the cue phrases
   * of a language's cue lists), undefined until it has worked it out. At most MAX_OWNERS owners are
   * kept: a new one past them starts every column afresh (of factsFor and bitsFor together).
   */
  factsFor<T>(owner: object): (T | undefined)[] {
    let column = this.columns.get(owner);
    if (!column) {
      if (this.columns.size >= MAX_OWNERS) this.forgetOwners();
      column = new Array<undefined>(this.count).fill(undefined);
      this.columns.set(owner, column);
    }
    return column as (T | undefined)[];
  }

  /**
   * A byte per word id for `owner`, 0 until the stage has worked it out (the stage keeps a bit that
   * says so): a byte array stays in the caches where an array of references does not. Grown to the
   * words held now; owners as in factsFor.
   */
  bitsFor(owner: object): Uint8Array {
    let column = this.byteColumns.get(owner);
    if (!column || column.length < this.count) {
      if (!column && this.byteColumns.size >= MAX_OWNERS) this.forgetOwners();
      const grown = new Uint8Array(Math.max(1024, 2 * this.count));
      if (column) grown.set(column);
      column = grown;
      this.byteColumns.set(owner, column);
    }
    return column;
  }

  /** Drops every owner's facts, of both kinds at once: an owner may keep a bit that says its other column holds a fact. */
  private forgetOwners(): void {
    this.columns.clear();
    this.byteColumns.clear();
  }

  private add(word: string, tag: number, slot: number): number {
    const id = this.count++;
    this.texts.push(word);
    this.lowers.push(undefined);
    for (const column of this.columns.values()) column.push(undefined);
    if (id >= this.shapes.length) {
      const grown = new Uint16Array(2 * this.shapes.length);
      grown.set(this.shapes);
      this.shapes = grown;
    }
    this.slots[slot] = tag | (id + 1);
    // At most half full: a probe then reads one or two slots.
    if (2 * this.count > this.slots.length) this.grow();
    return id;
  }

  /** Twice the slots; a word's slot index comes from its hash, worked out again from its string. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = slots.length - 1;
    for (const slot of old) {
      if (slot === 0) continue;
      const word = this.texts[(slot & ID_MASK) - 1];
      let t = wordHash(word, 0, word.length) & mask;
      while (slots[t] !== 0) t = (t + 1) & mask;
      slots[t] = slot;
    }
    this.slots = slots;
  }
}
