import assert from 'node:assert/strict';
import { exportClaimReview, RATING_VALUES, type ExportInput, type JsonLd } from '../../../src/core/export';
import { loadFixtureWorkspace, NOW } from './fixtures';

const BASE = 'https://git.example/team/news/blob/main/';

interface Review extends JsonLd {
  url: string;
  claimReviewed: string;
  reviewRating: { '@type': string; ratingValue: number; bestRating: number; worstRating: number; alternateName: string };
  itemReviewed: { '@type': string; appearance: { '@type': string; url: string; datePublished?: string }; datePublished?: string };
  author: { '@type': string; name: string };
}

function byId(reviews: JsonLd[], id: string): Review {
  const review = reviews.find((r) => String(r.url).endsWith(`#${id}`) || String(r.url).endsWith(`:${id}`));
  assert.ok(review, `no review for ${id}`);
  return review as Review;
}

describe('ClaimReview export', () => {
  let input: ExportInput;
  before(async () => {
    input = await loadFixtureWorkspace();
  });

  it('gives every review the fields Google fact-check markup requires', () => {
    const reviews = exportClaimReview({ ...input, baseIri: BASE }, { now: NOW }) as Review[];
    assert.equal(reviews.length, input.annotations.length);
    for (const review of reviews) {
      assert.equal(review['@context'], 'https://schema.org');
      assert.equal(review['@type'], 'ClaimReview');
      assert.ok(review.claimReviewed.trim().length > 0);
      assert.ok(review.reviewRating.alternateName.trim().length > 0);
      assert.equal(review.reviewRating['@type'], 'Rating');
      assert.equal(new URL(review.url).protocol, 'https:');
      assert.ok(review.url.startsWith(BASE));
    }
  });

  it('names the claim, its appearance, the rating, the author and the dates', () => {
    const review = byId(exportClaimReview({ ...input, baseIri: BASE, reviewer: 'Faktencheck-Team' }, { now: NOW }), 'b-deepseek');
    assert.equal(review.claimReviewed, 'Am 26. Januar 2025 erreichte die Deepseek App einen Meilenstein');
    assert.deepEqual(review.reviewRating, { '@type': 'Rating', ratingValue: 1, bestRating: 3, worstRating: 1, alternateName: 'Disputed' });
    assert.deepEqual(review.itemReviewed, {
      '@type': 'Claim',
      appearance: { '@type': 'CreativeWork', url: `${BASE}seeds/004_4d0229219e58456e.txt`, datePublished: '2025-01' },
      datePublished: '2025-01',
    });
    assert.deepEqual(review.author, { '@type': 'Organization', name: 'Faktencheck-Team' });
    assert.equal(review.datePublished, '2025-02-03');
    assert.match(String(review.reviewBody), /^Laut App-Store-Archiv/);
    assert.equal(review.expires, undefined);
  });

  it('rates verified 3, outdated 2, disputed 1 on a 1..3 scale', () => {
    assert.deepEqual(RATING_VALUES, { verified: 3, outdated: 2, disputed: 1 });
    const reviews = exportClaimReview(input, { now: NOW });
    assert.equal(byId(reviews, 'a-aktie').reviewRating.alternateName, 'Verified');
    assert.equal(byId(reviews, 'c-chips').reviewRating.ratingValue, 2);
  });

  it('sets expires for outdated verdicts and for verdicts with a review date', () => {
    const reviews = exportClaimReview(input, { now: NOW });
    assert.equal(byId(reviews, 'c-chips').expires, '2025-01-10');
    assert.equal(byId(reviews, 'a-aktie').expires, '2025-03-01');
    assert.equal(byId(reviews, 'e-billionen').expires, '2030-12-31');
    assert.equal(byId(reviews, 'f-emoji').expires, undefined);
  });

  it('names the annotator as the author when no reviewing organisation is configured', () => {
    const review = byId(exportClaimReview(input, { now: NOW }), 'b-deepseek');
    assert.deepEqual(review.author, { '@type': 'Person', name: 'Ben Okafor' });
    assert.equal(review.url, 'urn:ainews:annotation:b-deepseek');
  });

  it('puts a multi-line quote on one line in claimReviewed', () => {
    const copy = structuredClone(input);
    copy.annotations[0].quote.exact = 'line one\n  line two';
    const review = exportClaimReview(copy, { now: NOW }).find((r) => String(r.url).endsWith(copy.annotations[0].id)) as Review;
    assert.equal(review.claimReviewed, 'line one line two');
  });
});
