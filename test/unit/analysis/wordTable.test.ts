import assert from 'node:assert/strict';
import { WordTable } from '../../../src/core/analysis/tagger/wordTable';

describe('analysis: the tagger memo word table', () => {
  it('finds exactly the words added, by every character: near misses, long words, odd lengths, other scripts', () => {
    const table = new WordTable(3);
    const words = ['a', 'ab', 'abc', 'Abc', 'abd', 'Merkel', 'Merkels', 'Bundeskanzlerin', 'Bundeskanzlerinnen', 'Bundeskanzlerinnem', 'Köln', 'Koln', '北京', '😀x', 'x😀', ''];
    const ids = words.map((w) => table.add(w));
    assert.deepEqual(ids, words.map((_, k) => k));
    words.forEach((w, k) => assert.equal(table.find(w), k, w));
    for (const absent of ['b', 'abe', 'ABC', 'Merke', 'Bundeskanzlerinnex', 'Bundeskanzlerin ', 'Kö', '北', '😀']) assert.equal(table.find(absent), -1, absent);
    // A word built from slices is found like the literal (no identity of strings involved).
    assert.equal(table.find('xBundeskanzlerinx'.slice(1, -1)), words.indexOf('Bundeskanzlerin'));
  });

  it('keeps each word\'s values, -1 until set, and keeps everything when it grows', () => {
    const table = new WordTable(10);
    // Short and long words (the long ones past what a record holds), past the table's first capacity.
    const words = Array.from({ length: 5_000 }, (_, k) => (k % 3 === 0 ? `Wort${k}`.padEnd(12 + (k % 7), 'ä') : `w${k.toString(36)}`));
    for (const [k, w] of words.entries()) {
      const id = table.add(w);
      assert.equal(table.value(id, 9), -1);
      table.setValue(id, 0, k * 3);
      table.setValue(id, 9, k);
    }
    assert.equal(table.size, words.length);
    for (const [k, w] of words.entries()) {
      const id = table.find(w);
      assert.equal(id, k, w);
      assert.deepEqual([table.value(id, 0), table.value(id, 1), table.value(id, 9)], [k * 3, -1, k]);
    }
    assert.equal(table.find(`${words[0]}\u0000`), -1);
  });
});
