import assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/analysis/tokens';

describe('tokenize: long runs of glued symbols', () => {
  it('reads prose symbols one by one, also a 256-character rule line', () => {
    const rule = '-'.repeat(256);
    const tokens = tokenize(`Ende... ${rule} (855 kB)`);
    assert.deepEqual(tokens.slice(0, 4).map((t) => t.text), ['Ende', '.', '.', '.']);
    assert.equal(tokens.filter((t) => t.text === '-').length, 256);
  });

  it('makes a run longer than that one token, so that 2 MB of dots is not two million objects', () => {
    const text = `Satz. ${'.'.repeat(100_000)} Weiter`;
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => [t.kind, t.text.length]), [['word', 4], ['sym', 1], ['sym', 100_000], ['word', 6]]);
    assert.equal(tokens[2].start, 6);
    assert.equal(tokens[2].end, 100_006);
  });

  it('a run of mixed symbols ends at a letter, a digit or a space, and never splits a surrogate pair', () => {
    const run = '![*_'.repeat(100);
    assert.deepEqual(tokenize(`${run}a`).map((t) => t.text), [run, 'a']);
    const emoji = '😀'.repeat(200);
    const [only] = tokenize(emoji);
    assert.equal(only.text, emoji);
    assert.equal(tokenize(`${'!'.repeat(300)}7`).map((t) => t.kind).join(','), 'sym,num');
  });
});
