import assert from 'node:assert/strict';
import { ArticleSession, type ArticleSnapshot } from '../../../src/core/session/articleSession';
import { annotationAt, hasUnanchored, unreviewedClaims } from '../../../src/core/session/articleViews';
import { ClosedAnalyses } from '../../../src/core/session/closedAnalyses';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';

const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden Dollar.';

function annotationOn(words: string, id: string, text = ARTICLE): Annotation {
  const start = text.indexOf(words);
  return { id, article: 'a.md', status: 'verified', quote: makeQuote(text, start, start + words.length), position: { start, end: start + words.length }, note: '', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', author: 'A' } as Annotation;
}

function snapshotWith(annotations: Annotation[], text = ARTICLE): ArticleSnapshot {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 });
  session.setAnnotations(annotations);
  session.analyze();
  return session.snapshot(new Date('2025-03-01T00:00:00Z'));
}

describe('articleViews: what the Problems panel and the context keys read off a snapshot', () => {
  it('lists the claims no annotation overlaps', () => {
    const all = snapshotWith([]);
    assert.ok(all.claims.length >= 2, 'the article has claims');
    assert.deepEqual(unreviewedClaims(all), all.claims);
    const one = snapshotWith([annotationOn('12 von 14', 'a')]);
    const benchmark = ARTICLE.indexOf('12 von 14');
    assert.deepEqual(unreviewedClaims(one).map((c) => c.text), one.claims.filter((c) => !(c.start <= benchmark && benchmark < c.end)).map((c) => c.text));
    assert.equal(unreviewedClaims(one).length, one.claims.length - 1);
  });

  it('tells whether the cursor is on an annotation and whether one needs a new place', () => {
    const snapshot = snapshotWith([annotationOn('Qwen 2.5', 'a'), annotationOn('gibt es nicht', 'b', `${ARTICLE} gibt es nicht`)]);
    assert.equal(annotationAt(snapshot, ARTICLE.indexOf('Qwen') + 2), true);
    assert.equal(annotationAt(snapshot, 0), false);
    assert.equal(annotationAt(undefined, 0), false);
    assert.equal(hasUnanchored(snapshot), true, 'the second one is orphaned');
    assert.equal(hasUnanchored(snapshotWith([annotationOn('Qwen 2.5', 'a')])), false);
    assert.equal(hasUnanchored(undefined), false);
  });
});

describe('ClosedAnalyses: analyses of closed articles', () => {
  it('reuses an analysis while text and corrections are the same, and forgets files', () => {
    const cache = new ClosedAnalyses();
    const first = cache.analysisOf('a', ARTICLE, {});
    assert.equal(cache.analysisOf('a', ARTICLE, {}), first);
    assert.notEqual(cache.analysisOf('a', `${ARTICLE} Neu.`, {}), first, 'the text changed');
    const again = cache.analysisOf('a', ARTICLE, {});
    const start = ARTICLE.indexOf('Alibaba');
    const corrected = cache.analysisOf('a', ARTICLE, { feedback: [{ id: 'c', article: 'a.md', kind: 'not-an-entity', quote: makeQuote(ARTICLE, start, start + 7), position: { start, end: start + 7 }, author: 'A', created: '2025-01-01T00:00:00.000Z' }] });
    assert.notEqual(corrected, again, 'a correction analyses it again');
    assert.ok(!corrected.findings.some((f) => f.kind === 'entity' && f.text === 'Alibaba'));
    cache.keepOnly(new Set(['b']));
    assert.notEqual(cache.analysisOf('a', ARTICLE, {}), again, 'forgotten');
  });
});
