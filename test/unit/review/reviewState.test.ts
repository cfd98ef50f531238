import assert from 'node:assert/strict';
import type { Analysis, ClaimFinding } from '../../../src/core/analysis/types';
import type { Annotation } from '../../../src/core/store/annotation';
import { contentHash } from '../../../src/core/review/contentHash';
import { parseDatePeriod } from '../../../src/core/review/dates';
import { reviewByPatch } from '../../../src/core/review/reviewBy';
import { reviewFlags, suggestOutdated } from '../../../src/core/review/reviewState';
import { sampleAnnotation } from '../../support/annotations';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const TEXT = 'Alibaba meldet derzeit 94,60 Euro je Aktie.\nZweite Zeile.\n';

function annotation(overrides: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({
    id: 'x1',
    quote: { exact: 'Alibaba', prefix: '', suffix: ' meldet' },
    position: { start: 0, end: 7 },
    created: '2025-05-01T10:00:00.000Z',
    modified: '2025-05-01T10:00:00.000Z',
    ...overrides,
  });
}

const context = { now: NOW, maxVerifiedAgeDays: 180 };

describe('reviewFlags', () => {
  it('has no flags for a fresh verified verdict without a review date', () => {
    assert.deepEqual(reviewFlags(annotation(), context), []);
  });

  it('needs a re-check once the reviewBy day has passed, not on the day itself', () => {
    assert.deepEqual(reviewFlags(annotation({ reviewBy: '2025-05-31' }), context), ['needs re-check']);
    assert.deepEqual(reviewFlags(annotation({ reviewBy: '2025-06-01' }), context), []);
    assert.deepEqual(reviewFlags(annotation({ reviewBy: '2025-12-31' }), context), []);
  });

  it('applies reviewBy to disputed verdicts too, but not to outdated ones', () => {
    assert.deepEqual(reviewFlags(annotation({ status: 'disputed', reviewBy: '2025-01-01' }), context), ['needs re-check']);
    assert.deepEqual(reviewFlags(annotation({ status: 'outdated', reviewBy: '2025-01-01' }), context), []);
  });

  it('needs a re-check when a verified verdict is older than the configured age', () => {
    const old = annotation({ created: '2024-10-01T00:00:00.000Z', modified: '2024-11-01T00:00:00.000Z' });
    assert.deepEqual(reviewFlags(old, context), ['needs re-check']); // 212 days
    assert.deepEqual(reviewFlags(old, { ...context, maxVerifiedAgeDays: 365 }), []);
    assert.deepEqual(reviewFlags({ ...old, status: 'disputed' }, context), []);
  });

  it('counts the age from the last change to verified in the history', () => {
    const reverified = annotation({
      modified: '2024-01-01T00:00:00.000Z',
      history: [
        { status: 'verified', at: '2024-01-01T00:00:00.000Z', author: 'Anna' },
        { status: 'disputed', at: '2024-06-01T00:00:00.000Z', author: 'Ben' },
        { status: 'verified', at: '2025-04-01T00:00:00.000Z', author: 'Anna' },
      ],
    });
    assert.deepEqual(reviewFlags(reverified, context), []);
    const stale = annotation({ modified: '2025-05-30T00:00:00.000Z', history: [{ status: 'verified', at: '2024-01-01T00:00:00.000Z', author: 'Anna' }] });
    assert.deepEqual(reviewFlags(stale, context), ['needs re-check']);
  });

  it('reports an article changed since review when the stored hash differs from the text', () => {
    const made = annotation({ articleHash: contentHash(TEXT) });
    assert.deepEqual(reviewFlags(made, { ...context, articleText: TEXT }), []);
    assert.deepEqual(reviewFlags(made, { ...context, articleText: TEXT + ' Neu.' }), ['article changed since review']);
    assert.deepEqual(reviewFlags(made, { ...context, articleText: TEXT.replace(/\n/g, '\r\n') }), []);
    // Without the text, or without a stored hash, nothing can be said.
    assert.deepEqual(reviewFlags(made, context), []);
    assert.deepEqual(reviewFlags(annotation(), { ...context, articleText: 'other' }), []);
  });

  it('uses a precomputed hash of the current text when given', () => {
    const made = annotation({ articleHash: contentHash(TEXT) });
    assert.deepEqual(reviewFlags(made, { ...context, articleText: TEXT, articleTextHash: contentHash('x') }), ['article changed since review']);
  });

  it('reports both flags together', () => {
    const both = annotation({ reviewBy: '2025-01-01', articleHash: contentHash('old') });
    assert.deepEqual(reviewFlags(both, { ...context, articleText: TEXT }), ['needs re-check', 'article changed since review']);
  });
});

describe('contentHash', () => {
  it('is the sha256 in hex', () => {
    assert.equal(contentHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores line-ending style and a byte-order mark, but nothing else', () => {
    assert.equal(contentHash('a\r\nb\r\n'), contentHash('a\nb\n'));
    assert.equal(contentHash('\uFEFFa'), contentHash('a'));
    assert.notEqual(contentHash('a b'), contentHash('a  b'));
  });
});

describe('parseDatePeriod', () => {
  it('reads years, months, days and timestamps as periods', () => {
    assert.deepEqual(parseDatePeriod('2024-02'), { start: new Date('2024-02-01T00:00:00.000Z'), end: new Date('2024-02-29T23:59:59.999Z') });
    assert.deepEqual(parseDatePeriod('2025'), { start: new Date('2025-01-01T00:00:00.000Z'), end: new Date('2025-12-31T23:59:59.999Z') });
    assert.equal(parseDatePeriod('2025-01-30T10:00:00+01:00')?.start.toISOString(), '2025-01-30T09:00:00.000Z');
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'soon', '2025-13', '2025-02-30', '30.01.2025', '2025-1-3']) assert.equal(parseDatePeriod(bad), null, bad);
  });
});

describe('suggestOutdated', () => {
  function claim(start: number, text: string, timeSensitive: string[]): ClaimFinding {
    return { kind: 'claim', type: null, start, end: start + text.length, text, score: 0.8, reasons: [], signals: [], timeSensitive };
  }
  const analysis: Analysis = {
    language: 'de',
    date: '2024-08',
    findings: [
      claim(60, 'Das neueste Modell führt die Rangliste an.', ['neueste']),
      claim(0, 'Qwen ist derzeit das beste offene Modell.', ['derzeit']),
      claim(120, 'Qwen wurde 2023 veröffentlicht.', []),
    ],
  };

  it('suggests time-sensitive claims of articles older than the limit, in text order', () => {
    const suggested = suggestOutdated(analysis, '2024-08', NOW, 180);
    assert.deepEqual(suggested.map((c) => c.timeSensitive[0]), ['derzeit', 'neueste']);
  });

  it('suggests nothing for young articles or articles without a date', () => {
    assert.deepEqual(suggestOutdated(analysis, '2024-08', NOW, 365), []);
    assert.deepEqual(suggestOutdated(analysis, null, NOW, 0), []);
    assert.deepEqual(suggestOutdated(analysis, 'unbekannt', NOW, 0), []);
  });

  it('counts a month-precise date from the end of the month', () => {
    // 2024-08-31 end of day to 2024-09-30 noon: 30 days, not more.
    assert.equal(suggestOutdated(analysis, '2024-08', new Date('2024-09-30T12:00:00Z'), 30).length, 0);
    assert.equal(suggestOutdated(analysis, '2024-08', new Date('2024-10-02T12:00:00Z'), 30).length, 2);
  });
});

describe('review date: what Set Review Date writes', () => {
  it('sets a valid day, clears on nothing typed, and refuses anything else', () => {
    assert.deepEqual(reviewByPatch('2026-03-01'), { reviewBy: '2026-03-01' });
    assert.deepEqual(reviewByPatch(''), { reviewBy: null });
    for (const bad of ['2026-3-1', '2026-13-01', '01.03.2026', 'tomorrow', ' 2026-03-01']) assert.equal(reviewByPatch(bad), undefined, bad);
  });
});
