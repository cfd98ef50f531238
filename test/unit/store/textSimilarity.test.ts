import assert from 'node:assert/strict';
import { anchoredEditDistance, bestAnchoredMatch, editDistance } from '../../../src/core/store/textSimilarity';
import { random } from '../../support/random';

/** The fewest edits from `pattern` to any beginning (or, fromEnd, any ending) of `text`, by trying every one. */
function bruteAnchored(pattern: string, text: string, fromEnd: boolean): number {
  let best = Infinity;
  for (let k = 0; k <= text.length; k++) best = Math.min(best, editDistance(pattern, fromEnd ? text.slice(text.length - k) : text.slice(0, k)));
  return best;
}

describe('store: anchored edit distance', () => {
  it('agrees with trying every beginning and ending of the text', () => {
    const next = random(11);
    const word = (length: number) => Array.from({ length }, () => 'abcé '[Math.floor(next() * 5)]).join('');
    for (let k = 0; k < 300; k++) {
      const pattern = word(Math.floor(next() * 8));
      const text = word(Math.floor(next() * 14));
      for (const fromEnd of [false, true]) {
        const expected = bruteAnchored(pattern, text, fromEnd);
        assert.equal(anchoredEditDistance(pattern, text, fromEnd), expected, `${JSON.stringify(pattern)} in ${JSON.stringify(text)}, fromEnd ${fromEnd}`);
        const match = bestAnchoredMatch(pattern, text, fromEnd);
        const covered = fromEnd ? text.slice(text.length - match.length) : text.slice(0, match.length);
        assert.equal(editDistance(pattern, covered), match.errors, 'the length it reports has that many errors');
      }
    }
  });
});
