/**
 * JavaScript strings count UTF-16 code units; the W3C Web Annotation model counts Unicode code
 * points (an emoji outside the BMP is 2 units but 1 code point).
 */

/**
 * Builds a converter from UTF-16 offsets to code-point offsets for one text. Built once per
 * article, it converts each offset in O(log n) over the text's astral characters.
 * An offset inside a surrogate pair counts as the start of that character.
 * @param text The article text.
 * @returns A function mapping a UTF-16 offset (0..text.length) to a code-point offset.
 */
export function codePointConverter(text: string): (utf16Offset: number) => number {
  // Positions of the low surrogates of well-formed pairs: each one is a UTF-16 unit without a code point.
  const lowSurrogates: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        lowSurrogates.push(i + 1);
        i++;
      }
    }
  }
  if (lowSurrogates.length === 0) return (offset) => offset;
  return (offset) => {
    // Count the low surrogates before `offset`: each stands for no code point of its own.
    let lo = 0;
    let hi = lowSurrogates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowSurrogates[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    const insidePair = lowSurrogates[lo] === offset;
    return offset - lo - (insidePair ? 1 : 0);
  };
}
