import assert from 'node:assert/strict';
import { countReviewedClaims, groupEntities, orderClaims, overlaps, reviewedClaims, summarizeArticle } from '../../../src/core/sidebar/findingGroups';

/** The obvious O(n·m) version, to check the fast one against. */
function naiveReviewed(claims: { start: number; end: number }[], annotations: { start: number; end: number }[]): boolean[] {
  return claims.map((c) => annotations.some((a) => overlaps(a, c)));
}

describe('sidebar: claims reviewed', () => {
  it('treats a claim as reviewed when an annotation overlaps it', () => {
    const claims = [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }, { start: 40, end: 50 }];
    const annotations = [{ start: 5, end: 12 }, { start: 29, end: 29 }, { start: 30, end: 40 }];
    assert.deepEqual(reviewedClaims(claims, annotations), [true, true, true, false]);
  });

  it('does not count touching spans as overlapping', () => {
    assert.deepEqual(reviewedClaims([{ start: 10, end: 20 }], [{ start: 0, end: 10 }, { start: 20, end: 25 }]), [false]);
  });

  it('sees a long annotation that started before many others', () => {
    const annotations = [{ start: 0, end: 100 }, { start: 1, end: 2 }, { start: 3, end: 4 }];
    assert.deepEqual(reviewedClaims([{ start: 50, end: 60 }, { start: 100, end: 110 }], annotations), [true, false]);
  });

  it('agrees with the naive check on random spans', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const span = (): { start: number; end: number } => {
      const start = rand(200);
      return { start, end: start + rand(15) };
    };
    for (let round = 0; round < 200; round++) {
      const claims = Array.from({ length: rand(20) }, span);
      const annotations = Array.from({ length: rand(20) }, span);
      const naive = naiveReviewed(claims, annotations);
      assert.deepEqual(reviewedClaims(claims, annotations), naive, JSON.stringify({ claims, annotations }));
      assert.equal(countReviewedClaims(claims, annotations), naive.filter(Boolean).length, JSON.stringify({ claims, annotations }));
    }
  });

  it('orders unreviewed claims first, then by position', () => {
    const claims = [{ start: 0, end: 5, n: 'a' }, { start: 10, end: 15, n: 'b' }, { start: 20, end: 25, n: 'c' }];
    const ordered = orderClaims(claims, [{ start: 0, end: 3 }]);
    assert.deepEqual(ordered.map((o) => [o.claim.n, o.reviewed]), [['b', false], ['c', false], ['a', true]]);
  });
});

describe('sidebar: entity groups', () => {
  it('groups mentions by canonical name, most mentioned first', () => {
    const entities = [
      { start: 50, end: 55, canonical: 'Alibaba', type: 'org', text: 'Alibabas' },
      { start: 0, end: 6, canonical: 'OpenAI', type: 'org', text: 'OpenAI' },
      { start: 10, end: 17, canonical: 'Alibaba', type: 'org', text: 'Alibaba' },
      { start: 60, end: 65, canonical: 'Berlin', type: 'place', text: 'Berlin' },
    ];
    const groups = groupEntities(entities);
    assert.deepEqual(groups.map((g) => [g.canonical, g.mentions.length]), [['Alibaba', 2], ['Berlin', 1], ['OpenAI', 1]]);
    assert.deepEqual(groups[0].mentions.map((m) => m.start), [10, 50]);
    assert.equal(groups[1].type, 'place');
  });

  it('takes the most common type of a group', () => {
    const groups = groupEntities([
      { start: 0, end: 1, canonical: 'Q', type: 'product' },
      { start: 2, end: 3, canonical: 'Q', type: 'org' },
      { start: 4, end: 5, canonical: 'Q', type: 'org' },
    ]);
    assert.equal(groups[0].type, 'org');
  });
});

describe('sidebar: article summary', () => {
  it('counts reviewed claims, verdicts and problems', () => {
    const claims = [{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 40, end: 50 }];
    const summary = summarizeArticle(claims, [
      { status: 'verified', state: 'exact', span: { start: 2, end: 4 }, flags: ['needs re-check'] },
      { status: 'disputed', state: 'fuzzy', span: { start: 22, end: 24 }, flags: ['needs re-check', 'article changed since review'] },
      // An orphan has no place in the text: it reviews no claim.
      { status: 'disputed', state: 'orphaned', span: { start: 40, end: 45 }, flags: [] },
    ]);
    assert.deepEqual(summary, {
      claims: 3, reviewedClaims: 2, annotations: 3, verified: 1, disputed: 2, outdated: 0,
      fuzzy: 1, orphaned: 1, needsRecheck: 2, articleChanged: 1,
    });
  });
});
