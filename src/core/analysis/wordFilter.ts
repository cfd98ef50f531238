/**
 * A quick "certainly not listed" test in front of a closed word list (a `Set` or the keys of a `Map`).
 * Looking a word up in a `Set` builds or hashes a string first, and most words of a text are in none
 * of the analysis's lists. Two tests, both on the characters in place: one bit per (length, first and
 * last character), which costs two reads and turns away about half of the words (case-sensitive
 * filters only); then one bit per listed word at a hash of all its characters, which turns away
 * nearly all the rest. (The first alone let "die", "und", "the" through to the lexicon's index:
 * their length and letters are a listed word's.)
 */

const FILTER_BITS = 1 << 15;
/** The last code unit the case table covers (Latin with its accents). */
const TABLE_END = 0x250;

/**
 * The lower case of each code unit below U+0250, when lower-casing a string maps it to one unit
 * (`toLowerCase` maps these characters one by one, without context); 0 for the others ("İ").
 */
const LOWER_UNIT: Uint16Array = (() => {
  const table = new Uint16Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : 0;
  }
  return table;
})();

/** Not a bit: a character whose lower case is not one known unit ("İ" lowers to two): only the list can tell. */
const UNKNOWN_CASE = -1;

/** The unit as a caseless filter reads it: its lower case, or 0 when that is not one known unit. */
function caselessUnit(c: number): number {
  return c < TABLE_END ? LOWER_UNIT[c] : 0;
}

/**
 * The quick test's bit: length, first and last unit. Case-sensitive filters only: a caseless one
 * cannot know the length of a word's lower case without reading every character ("İ" lowers to two
 * units), which is what its hash does anyway.
 */
function shapeBit(word: string, length: number): number {
  return (word.charCodeAt(0) * 961 + word.charCodeAt(length - 1) * 31 + length) & (FILTER_BITS - 1);
}

/** The second test's bit: an FNV-1a hash of the first `length` units. */
function hashBit(word: string, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
}

/**
 * hashBit of the first `length` units' lower case, or UNKNOWN_CASE. A loop of its own rather than a
 * flag tested at every character: every word of a text passes through one filter or another.
 */
function caselessHashBit(word: string, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    const c = caselessUnit(word.charCodeAt(i));
    if (c === 0) return UNKNOWN_CASE;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
}

function isSet(bits: Uint8Array, bit: number): boolean {
  return (bits[bit >> 3] & (1 << (bit & 7))) !== 0;
}

export class WordFilter {
  private readonly shapes = new Uint8Array(FILTER_BITS >> 3);
  private readonly hashes = new Uint8Array(FILTER_BITS >> 3);

  /**
   * @param words the listed words; with `caseless`, in lower case, and a word is asked for by any
   *   casing whose lower case is listed.
   */
  constructor(words: Iterable<string>, private readonly caseless = false) {
    for (const word of words) {
      if (!word.length) continue;
      // The listed words are already in lower case when caseless: read as they are.
      const shape = shapeBit(word, word.length);
      const hash = hashBit(word, word.length);
      this.shapes[shape >> 3] |= 1 << (shape & 7);
      this.hashes[hash >> 3] |= 1 << (hash & 7);
    }
  }

  /**
   * False when `word`'s first `length` characters (with `caseless`, their lower case) are certainly
   * not a listed word; true when they may be.
   */
  mayHave(word: string, length = word.length): boolean {
    if (length <= 0) return true;
    if (!this.caseless && !isSet(this.shapes, shapeBit(word, length))) return false;
    const hash = this.caseless ? caselessHashBit(word, length) : hashBit(word, length);
    return hash === UNKNOWN_CASE || isSet(this.hashes, hash);
  }
}

/**
 * word.toLowerCase() === word, without building a lower-case copy of a word that starts with a
 * capital A-Z (the common case of a word that is not in lower case; for the others the native
 * comparison is faster than reading the characters here).
 */
export function isLowerCase(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 65 && first <= 90) return false;
  return word.toLowerCase() === word;
}
