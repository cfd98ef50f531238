import assert from 'node:assert/strict';
import {
  authorsOf, dateFilterChoices, formatDateRange, inDateRange, isDay, isFilterActive, lastDays, parseDateRange, passesAnnotationFilter,
} from '../../../src/core/sidebar/annotationFilter';
import { englishL10n } from '../../../src/core/labels/l10n';
import type { Annotation } from '../../../src/core/store/annotation';
import { sampleAnnotation } from '../../support/annotations';

/** The shared sample, by Ben, last changed on 2025-01-10, with what the test is about. */
function annotation(id: string, fields: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({ id, author: 'Ben', modified: '2025-01-10T12:00:00.000Z', ...fields });
}

describe('sidebar: filters by tag, author and date', () => {
  const tagged = annotation('t', { tags: ['Wahl 2025', 'Börse'], author: 'Anna', modified: '2025-01-31T23:59:59.999Z' });
  const untagged = annotation('u', { modified: '2025-02-01T00:00:00.000Z' });

  it('lets everything through without a filter', () => {
    assert.equal(isFilterActive({}), false);
    assert.ok(passesAnnotationFilter(tagged, {}) && passesAnnotationFilter(untagged, {}));
  });

  it('by tag: an annotation with any of the tags passes; one without tags never does', () => {
    assert.ok(passesAnnotationFilter(tagged, { tags: ['Börse'] }));
    assert.ok(passesAnnotationFilter(tagged, { tags: ['Aktie', 'Wahl 2025'] }));
    assert.equal(passesAnnotationFilter(tagged, { tags: ['Aktie'] }), false);
    assert.equal(passesAnnotationFilter(tagged, { tags: ['börse'] }), false, 'the exact tag, as the file stores it');
    assert.equal(passesAnnotationFilter(untagged, { tags: ['Börse'] }), false);
  });

  it('by author: the annotation\'s author is one of the people', () => {
    assert.ok(passesAnnotationFilter(tagged, { authors: ['Anna', 'Chen'] }));
    assert.equal(passesAnnotationFilter(untagged, { authors: ['Anna'] }), false);
  });

  it('by date: the day of the last change within the range, both ends included, either end open', () => {
    assert.ok(inDateRange(tagged.modified, { from: '2025-01-31', to: '2025-01-31' }));
    assert.equal(inDateRange(untagged.modified, { to: '2025-01-31' }), false);
    assert.ok(inDateRange(untagged.modified, { from: '2025-02-01' }));
    assert.equal(inDateRange(tagged.modified, { from: '2025-02-01' }), false);
    // A time written with an offset counts on its UTC day.
    assert.ok(inDateRange('2025-01-31T23:30:00-05:00', { from: '2025-02-01', to: '2025-02-01' }));
    assert.equal(inDateRange('2025-02-01T00:30:00+02:00', { from: '2025-02-01' }), false);
    assert.ok(inDateRange('2025-01-31T23:30:00+00:00', { to: '2025-01-31' }));
    assert.ok(passesAnnotationFilter(tagged, { dates: { from: '2025-01-01', to: '2025-01-31' } }));
  });

  it('combines the parts: every part that is set must pass', () => {
    assert.ok(passesAnnotationFilter(tagged, { tags: ['Börse'], authors: ['Anna'], dates: { from: '2025-01-31' } }));
    assert.equal(passesAnnotationFilter(tagged, { tags: ['Börse'], authors: ['Ben'] }), false);
    assert.equal(passesAnnotationFilter(tagged, { tags: ['Börse'], dates: { to: '2025-01-30' } }), false);
  });

  it('judges orphans like any other annotation (their tags and dates are not lost with their text)', () => {
    // The filter sees only the annotation, never its place: nothing about an orphan lets it through.
    assert.equal(passesAnnotationFilter(untagged, { tags: ['Börse'] }), false);
  });

  it('lists the authors alphabetically, once each', () => {
    assert.deepEqual(authorsOf([untagged, tagged, annotation('v', { author: 'Chen' }), annotation('w')]), ['Anna', 'Ben', 'Chen']);
  });
});

describe('sidebar: date ranges', () => {
  it('reads a range, an open end, one day, and ends in the wrong order', () => {
    assert.deepEqual(parseDateRange('2025-01-01..2025-01-31'), { kind: 'ok', range: { from: '2025-01-01', to: '2025-01-31' } });
    assert.deepEqual(parseDateRange(' 2025-01-01 .. '), { kind: 'ok', range: { from: '2025-01-01' } });
    assert.deepEqual(parseDateRange('..2025-01-31'), { kind: 'ok', range: { to: '2025-01-31' } });
    assert.deepEqual(parseDateRange('2025-01-15'), { kind: 'ok', range: { from: '2025-01-15', to: '2025-01-15' } });
    assert.deepEqual(parseDateRange('2025-01-31..2025-01-01'), { kind: 'ok', range: { from: '2025-01-01', to: '2025-01-31' } });
  });

  it('refuses what is no range of real days', () => {
    for (const bad of ['', '..', 'gestern', '2025-02-30', '2025-1-1', '2025-01-01..2025-13-01', '2025-01-01..2025-01-02..2025-01-03', '15.01.2025']) {
      assert.deepEqual(parseDateRange(bad), { kind: 'invalid' }, bad);
    }
    assert.equal(isDay('2024-02-29'), true);
    assert.equal(isDay('2025-02-29'), false);
  });

  it('writes a range as it is typed, and reads it back', () => {
    for (const text of ['2025-01-01..2025-01-31', '2025-01-01..', '..2025-01-31', '2025-01-15']) {
      const parsed = parseDateRange(text);
      assert.equal(parsed.kind, 'ok');
      if (parsed.kind === 'ok') assert.equal(formatDateRange(parsed.range), text);
    }
  });

  it('counts the last days up to today in UTC', () => {
    const now = new Date('2025-03-01T08:00:00Z');
    assert.deepEqual(lastDays(now, 1), { from: '2025-03-01', to: '2025-03-01' });
    assert.deepEqual(lastDays(now, 7), { from: '2025-02-23', to: '2025-03-01' });
  });

  it('offers today, the last 7 and 30 days with their days, a typed range and any time', () => {
    const choices = dateFilterChoices(englishL10n, new Date('2025-03-10T12:00:00Z'));
    assert.deepEqual(choices.map((c) => [c.label, c.description ?? '']), [
      ['Today', '2025-03-10'],
      ['Last 7 days', '2025-03-04..2025-03-10'],
      ['Last 30 days', '2025-02-09..2025-03-10'],
      ['Between dates…', ''],
      ['Any time', ''],
    ]);
    assert.equal(choices[3].custom, true);
    assert.equal(choices[4].range, undefined);
  });
});
