/**
 * Name lists (gazetteers) as features of the entity tagger: whether a word is in a list of places,
 * regions, countries, surnames or given names. They are features, never findings: "Essen", "Halle"
 * or "Wolf" are in a list and are still left to the tagger, which weighs the list against the
 * word's context. A model trained with lists carries them in its file (model.ts), so that tagging
 * sees the same lists as training did.
 *
 * Text form, one word a line: the word, a tab, its list values separated by spaces
 * ("Essen\tplace-home3 place-abroad2"). Built by src/train/nameLists.ts from data/gazetteers.
 */

const NO_VALUES: readonly string[] = [];

export class NameLists {
  private readonly values = new Map<string, readonly string[]>();

  /** @throws Error naming the line when the text is not in the form above. */
  constructor(readonly text: string) {
    // Read in place, one array per distinct combination of values (a few dozen for 34,000 words):
    // the German tagger's file is read on first use, and this is most of its load time.
    const combinations = new Map<string, readonly string[]>();
    for (let at = 0, line = 1; at < text.length; line++) {
      const newline = text.indexOf('\n', at);
      const end = newline < 0 ? text.length : newline;
      if (end > at) {
        const tab = text.indexOf('\t', at);
        if (tab <= at || tab >= end - 1) throw new Error(`name lists, line ${line}: expected "word<tab>values"`);
        const key = text.slice(tab + 1, end);
        let values = combinations.get(key);
        if (!values) {
          values = key.split(' ');
          combinations.set(key, values);
        }
        this.values.set(text.slice(at, tab), values);
      }
      at = end + 1;
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** The list values of a word as written ("place-home3", "surname"); empty when it is in no list. */
  valuesOf(word: string): readonly string[] {
    return this.values.get(word) ?? NO_VALUES;
  }
}

/** What a list value means, for the hover: "place-home3" → "a place in the list of places". */
export function describeListValue(value: string): string {
  if (value.startsWith('place')) return 'in the list of places';
  if (value === 'region') return 'in the list of regions';
  if (value === 'country') return 'in the list of countries';
  if (value === 'surname') return 'in the list of surnames';
  if (value === 'given') return 'in the list of given names';
  return 'in a list of names';
}
