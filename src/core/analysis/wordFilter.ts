/**
 * A quick "certainly not listed" test in front of a closed word list (a `Set` or the keys of a `Map`).
 * Looking a word up in a `Set` builds or hashes a string first, and most words of a text are in none
 * of the analysis's lists; one bit per listed word, at a hash of all its characters read in place,
 * turns most of them away without either. (A bit per length, first and last character let about
 * half of the words of the bench text through to the lexicon's index: "die", "und", "the" share
 * theirs with listed words.)
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

/** Not a bit: a character whose lower case is not one known unit (see wordBit). */
const UNKNOWN_CASE = -1;

/**
 * The filter bit of the first `length` characters of `word` (an FNV-1a hash of their code units,
 * with `caseless` of their lower case), or UNKNOWN_CASE when `caseless` and a character could lower
 * to anything, of any length ("İ"): then only the list can answer.
 */
export function wordBit(word: string, length: number, caseless: boolean, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    let c = word.charCodeAt(i);
    if (caseless) {
      c = c < TABLE_END ? LOWER_UNIT[c] : 0;
      if (c === 0) return UNKNOWN_CASE;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 16)) & (bits - 1);
}

export class WordFilter {
  private readonly bits = new Uint8Array(FILTER_BITS >> 3);

  /**
   * @param words the listed words; with `caseless`, in lower case, and a word is asked for by any
   *   casing whose lower case is listed.
   */
  constructor(words: Iterable<string>, private readonly caseless = false) {
    for (const word of words) {
      if (!word.length) continue;
      // The listed words are already in lower case when caseless: hashed as they are.
      const bit = wordBit(word, word.length, false, FILTER_BITS);
      this.bits[bit >> 3] |= 1 << (bit & 7);
    }
  }

  /** False when `word` (with `caseless`, its lower case) is certainly not a listed word; true when it may be. */
  mayHave(word: string): boolean {
    if (word.length === 0) return true;
    const bit = wordBit(word, word.length, this.caseless, FILTER_BITS);
    return bit === UNKNOWN_CASE || (this.bits[bit >> 3] & (1 << (bit & 7))) !== 0;
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
