/**
 * A file's bytes as pieces (fileBytes.ts): what a save writes without joining them. Equality of two
 * differently cut sequences is the equality of their joined bytes, and a file written from pieces
 * holds exactly their concatenation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { joinedBytes, sameFileBytes } from '../../../src/core/store/fileBytes';
import { writeFileAtomic } from '../../../src/core/store/fileIo';

/** Bytes cut into pieces at random places (empty pieces included), some shared with another cut. */
const cutBytes = fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat({ max: 64 }), { maxLength: 8 })).map(([bytes, cuts]) => {
  const at = [0, ...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => Buffer.from(bytes.subarray(at[i], end)));
});

describe('file bytes in pieces', () => {
  it('two cuts are the same bytes exactly when their joined bytes are equal', () => {
    fc.assert(
      fc.property(cutBytes, cutBytes, fc.boolean(), (a, b, sameContent) => {
        // Half the time the second is a different cut of the first's bytes, sharing some piece objects.
        const other = sameContent ? [...a.slice(0, 1), ...reCut(Buffer.concat(a.slice(1)), b.length)] : b;
        const expected = Buffer.concat(a).equals(Buffer.concat(other));
        assert.equal(sameFileBytes(a, other), expected);
        assert.equal(sameFileBytes(other, a), expected);
        assert.equal(sameFileBytes(joinedBytes(a), other), expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a piece changed in place is told apart even when the other pieces are the same objects', () => {
    const pieces = [Buffer.from('{\n  "a": '), Buffer.from('1'), Buffer.from('\n}\n')];
    assert.equal(sameFileBytes(pieces, [pieces[0], Buffer.from('2'), pieces[2]]), false);
    assert.equal(sameFileBytes(pieces, [pieces[0], Buffer.from('1'), pieces[2]]), true);
    assert.equal(sameFileBytes(pieces, [pieces[0], pieces[1]]), false);
  });

  it('an atomic write of pieces holds their concatenation, more pieces than one system call takes included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-pieces-'));
    try {
      // 5,000 pieces (Linux writes at most 1,024 per call), empty ones and non-ASCII among them.
      const pieces = Array.from({ length: 5000 }, (_, i) => Buffer.from(i % 7 === 0 ? '' : `${i}: Straße «${'x'.repeat(i % 50)}»\n`));
      const path = join(dir, 'annotations.json');
      assert.notEqual(await writeFileAtomic(path, pieces), null);
      assert.ok(readFileSync(path).equals(Buffer.concat(pieces)));
      assert.notEqual(await writeFileAtomic(path, []), null);
      assert.equal(readFileSync(path).length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The bytes cut into `count` pieces of about equal length. */
function reCut(bytes: Buffer, count: number): Buffer[] {
  if (count <= 1) return [bytes];
  const size = Math.ceil(bytes.length / count);
  return Array.from({ length: count }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}
