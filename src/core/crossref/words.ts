/** Word-level helpers for comparing claims across articles (German and English). */

// Function words that say nothing about which quantity or claim is meant.
const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis durch für ' +
    'gegen hat haben hatte hatten im in ist sind war waren wird werden wurde wurden mit nach nicht noch nur ob seit ' +
    'sich sie er es wir ihr so um über unter vom von vor wie zu zum zur dass daß sein seine seiner seinem seinen ihre ' +
    'ihren ihrem dieser diese dieses diesem diesen jetzt schon sehr mehr rund etwa fast knapp laut sowie bereits ' +
    'the a an and or but also as at by for from has have had in is are was were will be been with of on to not ' +
    'this that these those its it their they than about over under into more most some nearly almost around ' +
    'prozent percent milliarden billionen millionen billion billions trillion trillions million millions mrd mio euro dollar usd eur'
  ).split(' '),
);

/** The words of a text (letters and digits, inner hyphens kept). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A crude stem for matching: lower case, umlauts folded, cut to six characters.
 * "Umsätze" and "Umsatz" meet; "Unternehmen" and "Unterstützung" stay apart.
 */
export function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .slice(0, 6);
}

/** The stems of a text's content words: no function words, no bare numbers, no one- or two-letter words. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of words(text)) {
    const lower = word.toLowerCase();
    if (lower.length < 3 || STOPWORDS.has(lower) || /^[\d.,'’-]+$/.test(lower)) continue;
    stems.add(stem(lower));
  }
  return stems;
}

/** How many members two sets share. */
export function sharedCount<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let count = 0;
  for (const item of small) if (large.has(item)) count++;
  return count;
}

/** Jaccard similarity of two sets (0 when both are empty). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const shared = sharedCount(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
