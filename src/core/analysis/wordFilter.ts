/**
 * A quick "certainly not listed" test in front of a closed word list (a `Set` or the keys of a `Map`).
 * Looking a word up in a `Set` hashes the word's characters first, and most words of a text are in
 * none of the analysis's lists; one bit per (length, first and last character) turns most of them
 * away without the hash.
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

/** The unit as the filter compares it: with `caseless`, its lower case (a unit lowersUnitByUnit accepted). */
function unitOf(c: number, caseless: boolean): number {
  return caseless ? LOWER_UNIT[c] : c;
}

/** True when every code unit of `word` lowers to one unit the table knows: its lower case is as long as it is. */
function lowersUnitByUnit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= TABLE_END || LOWER_UNIT[c] === 0) return false;
  }
  return true;
}

function bitOf(first: number, last: number, length: number): number {
  return (first * 961 + last * 31 + length) & (FILTER_BITS - 1);
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
      const bit = bitOf(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length);
      this.bits[bit >> 3] |= 1 << (bit & 7);
    }
  }

  /** False when `word` (with `caseless`, its lower case) is certainly not a listed word; true when it may be. */
  mayHave(word: string): boolean {
    const length = word.length;
    if (length === 0) return true;
    // A character whose lower case is not one known unit could lower to anything, of any length: ask the list.
    if (this.caseless && !lowersUnitByUnit(word)) return true;
    const bit = bitOf(unitOf(word.charCodeAt(0), this.caseless), unitOf(word.charCodeAt(length - 1), this.caseless), length);
    return (this.bits[bit >> 3] & (1 << (bit & 7))) !== 0;
  }
}
