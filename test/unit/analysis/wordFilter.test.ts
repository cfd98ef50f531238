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

  it('asks about a prefix of a word, in any casing when caseless ("Alibabas": is "alibaba" listed?)', () => {
    const filter = new WordFilter(['alibaba', 'china'], true);
    assert.ok(filter.mayHave('Alibabas', 7));
    assert.ok(filter.mayHave('CHINAS', 5));
    assert.equal(filter.mayHave('Alibabas'), false);
    // A character inside the word that lowers to two units: the length of the lower case is unknown.
    assert.ok(filter.mayHave('Xİy'));
  });

  it('lets through every listed word and turns away nearly all others of a real text', () => {
    const listed = ['the', 'und', 'OpenAI', 'Nvidia', 'Bundesregierung'];
    const filter = new WordFilter(listed);
    for (const word of listed) assert.ok(filter.mayHave(word), word);
    const words = 'die der und oder the a of to in Regierung Unternehmen Prozent Nvidias sagte said company market'.split(' ');
    const passed = words.filter((w) => !listed.includes(w) && filter.mayHave(w));
    assert.ok(passed.length <= 1, passed.join(' '));
  });
});
