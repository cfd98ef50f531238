import assert from 'node:assert/strict';
import { commonPrefixOf, commonSuffixOf, PieceText, sameText } from '../../src/core/pieceText';
import type { TextEdit } from '../../src/core/store/anchor';
import { naivePrefix, naiveSuffix } from '../support/naiveCompare';
import { random } from '../support/random';

/** A text of `length` characters of letters, line breaks, carriage returns and umlauts. */
function textOf(length: number, next: () => number): string {
  const alphabet = 'abcdefghij \n\r\u00fc\u00df.';
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

const carriageReturns = (text: string): number => text.split('\r').length - 1;

describe('PieceText: an article held in pieces', () => {
  it('follows random edits exactly as one string would: slices, characters, length, carriage returns, UTF-8 size', () => {
    const next = random(3);
    let text = textOf(40_000, next);
    let pieces = PieceText.of(text);
    for (let round = 0; round < 300; round++) {
      const offset = Math.floor(next() * (text.length + 1));
      const r = next();
      // Mostly keystrokes; now and then a deletion across pieces or a paste larger than a piece.
      const deletedLength = r < 0.5 ? 0 : r < 0.9 ? Math.min(text.length - offset, Math.floor(next() * 4)) : Math.min(text.length - offset, Math.floor(next() * 30_000));
      const insertedText = r < 0.95 ? textOf(Math.floor(next() * 3), next) : textOf(20_000, next);
      const before = pieces;
      pieces = pieces.withEdits([{ offset, deletedLength, insertedText }]);
      text = text.slice(0, offset) + insertedText + text.slice(offset + deletedLength);
      assert.equal(pieces.length, text.length, `length after edit ${round}`);
      assert.equal(pieces.carriageReturns, carriageReturns(text), `carriage returns after edit ${round}`);
      for (let k = 0; k < 5; k++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = start + Math.floor(next() * 20_000);
        assert.equal(pieces.slice(start, end), text.slice(start, end), `slice ${start}-${end} after edit ${round}`);
        assert.equal(pieces.charCodeAt(start), text.charCodeAt(start));
      }
      assert.equal(before.length === pieces.length && sameText(before, pieces), before.slice(0, before.length) === text, 'the same text or not');
    }
    assert.equal(pieces.byteLength(), Buffer.byteLength(text, 'utf8'));
    assert.equal(pieces.toString(), text);
    assert.equal(PieceText.of('').withEdits([{ offset: 0, deletedLength: 0, insertedText: 'x' }]).toString(), 'x');
    assert.equal(PieceText.of(text).withEdits([{ offset: 0, deletedLength: text.length, insertedText: '' }]).toString(), '');
  });

  it('counts a surrogate pair cut between two pieces as the 4 UTF-8 bytes it is', () => {
    const text = `${'a'.repeat(8191)}\u{1F600}${'b'.repeat(100)}\u{1F600}`;
    // An edit drops the joined string, so that the size is counted piece by piece, with the emoji cut at 8,192.
    const edited = PieceText.of(text).withEdits([{ offset: 0, deletedLength: 0, insertedText: 'x' }]);
    const expected = Buffer.byteLength(`x${text}`, 'utf8');
    assert.equal(edited.byteLength(), expected);
    assert.equal(PieceText.of(`${'a'.repeat(8192)}\udc00`).withEdits([{ offset: 0, deletedLength: 1, insertedText: '' }]).byteLength(), 8191 + 3, 'a lone low surrogate after a piece that ends in a letter counts 3');
  });

  it('applies simultaneous edits in descending order, as VS Code reports a multi-cursor change', () => {
    const edits: TextEdit[] = [
      { offset: 17, deletedLength: 5, insertedText: 'DELTA!' },
      { offset: 6, deletedLength: 4, insertedText: '' },
      { offset: 0, deletedLength: 0, insertedText: '>> ' },
    ];
    assert.equal(PieceText.of('alpha beta gamma delta').withEdits(edits).toString(), '>> alpha  gamma DELTA!');
  });

  it('finds where two versions differ as a character-by-character comparison does, pieces shared or not', () => {
    const next = random(11);
    const base = textOf(70_000, next);
    const pieces = PieceText.of(base);
    for (const at of [0, 1, 4095, 4096, 8191, 8192, 8193, 40_000, 69_999, 70_000, ...Array.from({ length: 30 }, () => Math.floor(next() * 70_000))]) {
      for (const edit of [{ offset: at, deletedLength: 0, insertedText: 'É' }, { offset: at, deletedLength: Math.min(1, base.length - at), insertedText: '' }, { offset: at, deletedLength: base.length - at, insertedText: '' }]) {
        const edited = pieces.withEdits([edit]);
        const flat = base.slice(0, at) + edit.insertedText + base.slice(at + edit.deletedLength);
        const expected = naivePrefix(base, flat);
        const limit = Math.min(base.length, flat.length) - expected;
        for (const [a, b] of [[pieces, edited], [base, edited], [pieces, flat]] as const) {
          assert.equal(commonPrefixOf(a, b), expected, `prefix, edit at ${at}`);
          assert.equal(commonSuffixOf(a, b, limit), naiveSuffix(base, flat, limit), `suffix, edit at ${at}`);
        }
      }
    }
    assert.equal(commonPrefixOf(pieces, PieceText.of(base)), base.length);
    assert.equal(sameText(pieces, base), true);
  });
});
