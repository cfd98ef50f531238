import assert from 'node:assert/strict';
import { measureAgreement, roundedAgreement, spanIoU } from '../../../src/core/agreement/agreement';
import { cohenKappa, krippendorffAlphaNominal } from '../../../src/core/agreement/statistics';
import type { Annotation } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

/** `count` copies of a pair of ratings. */
const times = (count: number, pair: [string, string]): [string, string][] => Array.from({ length: count }, () => pair);

describe('agreement/statistics: against worked examples of the literature', () => {
  it("Cohen's kappa: the textbook example of 50 grant proposals (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) is 0.4", () => {
    // pₒ = 35/50 = 0.7; pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 (e.g. Wikipedia, "Cohen's kappa", simple example).
    const pairs = [...times(20, ['yes', 'yes']), ...times(5, ['yes', 'no']), ...times(10, ['no', 'yes']), ...times(15, ['no', 'no'])];
    assert.ok(Math.abs((cohenKappa(pairs) ?? NaN) - 0.4) < 1e-12);
  });

  it("Cohen's kappa: the same percent agreement gives different kappas (0.1304 and 0.2593)", () => {
    // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": both tables agree on 60 of 100.
    const first = [...times(45, ['yes', 'yes']), ...times(15, ['yes', 'no']), ...times(25, ['no', 'yes']), ...times(15, ['no', 'no'])];
    const second = [...times(25, ['yes', 'yes']), ...times(35, ['yes', 'no']), ...times(5, ['no', 'yes']), ...times(35, ['no', 'no'])];
    assert.equal(Number((cohenKappa(first) ?? NaN).toFixed(4)), 0.1304);
    assert.equal(Number((cohenKappa(second) ?? NaN).toFixed(4)), 0.2593);
  });

  it('kappa is undefined when both raters always used the one same category', () => {
    assert.equal(cohenKappa(times(4, ['verified', 'verified'])), null);
    assert.equal(cohenKappa([]), null);
  });

  it("Krippendorff's alpha, nominal: his own reliability data (4 observers, 12 units, missing values) gives 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C; * = missing.
    const rows = [
      '1 2 3 3 2 1 4 1 2 * * *',
      '1 2 3 3 2 2 4 1 2 5 * 3',
      '* 3 3 3 2 3 4 2 2 5 1 *',
      '1 2 3 3 2 4 4 1 2 5 1 *',
    ].map((row) => row.split(' '));
    const units = rows[0].map((_, unit) => rows.map((row) => row[unit]).filter((value) => value !== '*'));
    assert.equal(Number((krippendorffAlphaNominal(units) ?? NaN).toFixed(3)), 0.743);
  });

  it("Krippendorff's alpha, nominal: his binary example with two observers and ten units gives 0.095", () => {
    // Krippendorff (2011), section A: observers A and B, values 0/1.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    assert.equal(Number((krippendorffAlphaNominal(a.map((x, i) => [String(x), String(b[i])])) ?? NaN).toFixed(3)), 0.095);
  });

  it('alpha is undefined without pairable values or with one category only', () => {
    assert.equal(krippendorffAlphaNominal([['a'], ['b']]), null);
    assert.equal(krippendorffAlphaNominal([['a', 'a'], ['a', 'a']]), null);
  });
});

describe('agreement: doubly-checked claims in an annotation file', () => {
  let n = 0;
  const at = (author: string, start: number, end: number, status: string, extra: Partial<Annotation> = {}) =>
    sampleAnnotation({ id: `x${(n += 1)}`, author, status, position: { start, end }, quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, ...extra });

  it('span IoU', () => {
    assert.equal(spanIoU({ start: 0, end: 10 }, { start: 5, end: 15 }), 5 / 15);
    assert.equal(spanIoU({ start: 0, end: 10 }, { start: 0, end: 10 }), 1);
    assert.equal(spanIoU({ start: 0, end: 4 }, { start: 6, end: 9 }), 0);
  });

  it('pairs annotations by different authors on the same claim (IoU ≥ 0.5), and gives the JSON figures', () => {
    const annotations = [
      at('Anna', 0, 10, 'verified'), at('Ben', 1, 10, 'verified'), // same claim, agree
      at('Anna', 20, 30, 'disputed'), at('Ben', 20, 31, 'verified'), // same claim, disagree
      at('Anna', 40, 50, 'verified'), at('Ben', 46, 60, 'disputed'), // IoU 4/20: not the same claim
      at('Anna', 70, 80, 'verified'), at('Anna', 70, 80, 'disputed', { modified: '2025-03-01T10:00:00.000Z' }), // one checker only
      at('Anna', 90, 100, 'in-progress'), at('Ben', 90, 100, 'verified'), // in progress is no verdict
      at('Anna', 0, 10, 'verified', { article: 'articles/b.md' }), at('Ben', 0, 10, 'verified', { article: 'articles/b.md' }), at('Chen', 0, 10, 'verified', { article: 'articles/b.md' }),
    ];
    const report = roundedAgreement(measureAgreement(annotations, DEFAULT_TEAM));
    assert.deepEqual(Object.keys(report), ['claims', 'percentAgreement', 'kappa', 'alpha', 'confusion']);
    assert.equal(report.claims, 3);
    // Pairs: Anna|Ben ×3 (agree, disagree, agree), Anna|Chen, Ben|Chen (agree): 4 of 5.
    assert.equal(report.percentAgreement, 80);
    assert.deepEqual(Object.keys(report.kappa), ['Anna|Ben', 'Anna|Chen', 'Ben|Chen']);
    assert.deepEqual(report.confusion['Anna|Ben'], { disputed: { verified: 1 }, verified: { verified: 2 } });
    // Anna|Ben: pₒ = 2/3, pₑ = (2/3)(1) = 2/3 → κ = 0.
    assert.equal(report.kappa['Anna|Ben'], 0);
    assert.equal(report.kappa['Anna|Chen'], null);
  });

  it('counts a checker with the latest of two annotations on one claim', () => {
    const annotations = [at('Anna', 0, 10, 'verified'), at('Anna', 0, 10, 'disputed', { modified: '2025-05-01T10:00:00.000Z' }), at('Ben', 0, 10, 'disputed')];
    const report = measureAgreement(annotations, DEFAULT_TEAM);
    assert.deepEqual(report.checked.map((c) => c.verdicts), [{ Anna: 'disputed', Ben: 'disputed' }]);
    assert.equal(report.percentAgreement, 100);
  });
});
