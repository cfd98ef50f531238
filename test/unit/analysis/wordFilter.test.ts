import assert from 'node:assert/strict';
import { WordFilter } from '../../../src/core/analysis/wordFilter';

const LISTED = ['derzeit', 'jüngste', 'gegenwärtig', 'nun', 'so', 'bis', 'i̇stanbul', 'ǆ', '北京', 'x'];

describe('analysis: the word filter in front of a word list', () => {
  it('never turns away a listed word, in any casing when caseless', () => {
    const filter = new WordFilter(LISTED, true);
    for (const word of LISTED) {
      for (const casing of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) assert.ok(filter.mayHave(casing), casing);
    }
    // "İstanbul" lowers to eight code units, one more than it has: the filter asks the list.
    assert.ok(filter.mayHave('İstanbul'));
  });

  it('is case-sensitive unless told otherwise', () => {
    const filter = new WordFilter(['Kritiker', 'laut']);
    assert.ok(filter.mayHave('Kritiker'));
    assert.ok(filter.mayHave('laut'));
    assert.equal(filter.mayHave('kritiker'), false);
    assert.equal(filter.mayHave('Laut'), false);
  });

  it('turns away most words that are not listed', () => {
    const filter = new WordFilter(LISTED, true);
    const text = `Die Bundesregierung hat am Mittwoch einen Entwurf für ein Gesetz vorgelegt, das Anbieter großer Sprachmodelle
      verpflichtet, ihre Trainingsdaten offenzulegen. The company said revenue rose sharply in the third quarter of the year`;
    const words = text.split(/[\s,.]+/).filter(Boolean);
    const passed = words.filter((w) => filter.mayHave(w)).length;
    assert.ok(passed <= words.length / 4, `${passed} of ${words.length} passed`);
  });
});
