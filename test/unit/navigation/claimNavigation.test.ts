import assert from 'node:assert/strict';
import type { ClaimFinding, EntityFinding, Finding } from '../../../src/core/analysis/types';
import { claimAt, nextClaim, unreviewedClaims } from '../../../src/core/navigation/claimNavigation';

function claim(start: number, end: number, score = 0.9): ClaimFinding {
  return { kind: 'claim', type: null, start, end, text: 'x'.repeat(end - start), score, reasons: [], signals: [], timeSensitive: [] };
}

function entity(start: number, end: number): EntityFinding {
  return { kind: 'entity', type: 'org', start, end, text: 'x'.repeat(end - start), canonical: 'X' };
}

describe('claim navigation: unreviewed claims', () => {
  const findings: Finding[] = [claim(0, 10), entity(2, 5), claim(20, 30, 0.2), claim(40, 50), claim(60, 70)];

  it('keeps claims at or above the threshold that no annotation overlaps, in order', () => {
    assert.deepEqual(unreviewedClaims(findings, [], 0.5).map((c) => c.start), [0, 40, 60]);
    assert.deepEqual(unreviewedClaims(findings, [], 0.2).map((c) => c.start), [0, 20, 40, 60]);
  });

  it('leaves out a claim an annotation overlaps, even by one character, but not one it only touches', () => {
    assert.deepEqual(unreviewedClaims(findings, [{ start: 49, end: 55 }], 0.5).map((c) => c.start), [0, 60]);
    assert.deepEqual(unreviewedClaims(findings, [{ start: 50, end: 60 }], 0.5).map((c) => c.start), [0, 40, 60]);
  });
});

describe('claim navigation: the next claim from the cursor', () => {
  const claims = [claim(0, 10), claim(40, 50), claim(60, 70)];

  it('goes forward to the first claim starting at or after the cursor, and wraps to the first', () => {
    assert.equal(nextClaim(claims, 11, 1).start, 40);
    assert.equal(nextClaim(claims, 40, 1).start, 40);
    assert.equal(nextClaim(claims, 65, 1).start, 0);
  });

  it('goes back to the last claim ending at or before the cursor, and wraps to the last', () => {
    assert.equal(nextClaim(claims, 55, -1).start, 40);
    assert.equal(nextClaim(claims, 50, -1).start, 40);
    assert.equal(nextClaim(claims, 5, -1).start, 60);
  });
});

describe('claim navigation: the claim under the cursor', () => {
  it('finds the claim whose span holds the offset, its ends included, and never an entity', () => {
    const findings: Finding[] = [entity(0, 4), claim(0, 10), claim(20, 30)];
    assert.equal(claimAt(findings, 0)?.start, 0);
    assert.equal(claimAt(findings, 10)?.start, 0);
    assert.equal(claimAt(findings, 20)?.start, 20);
    assert.equal(claimAt(findings, 15), undefined);
  });
});
