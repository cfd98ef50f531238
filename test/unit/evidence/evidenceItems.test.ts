import assert from 'node:assert/strict';
import { evidenceItem, withEvidenceItem } from '../../../src/core/evidence';
import type { Evidence } from '../../../src/core/store/annotation';

const ARCHIVE = { file: `.ainews/evidence/${'a'.repeat(64)}.html`, sha256: 'a'.repeat(64), fetched: '2025-02-01T10:00:00.000Z', contentType: 'text/html' };

describe('evidence: items as the user adds them', () => {
  it('a link without details stays a string; details or an archive make an object', () => {
    assert.equal(evidenceItem({ url: 'https://example.org/a', title: '  ', quote: '' }), 'https://example.org/a');
    assert.deepEqual(evidenceItem({ url: 'https://example.org/a', title: ' Pressemitteilung ', accessed: '2025-02-01T10:00:00.000Z' }), {
      url: 'https://example.org/a',
      title: 'Pressemitteilung',
      accessed: '2025-02-01T10:00:00.000Z',
    });
    assert.deepEqual(evidenceItem({ url: 'https://example.org/a', archive: ARCHIVE }), { url: 'https://example.org/a', archive: ARCHIVE });
  });

  it('appends a new address and leaves every other item, string or object, exactly as it was', () => {
    const list: Evidence[] = ['https://example.org/old', { url: 'https://example.org/obj', title: 'T' }];
    const added = withEvidenceItem(list, { url: 'https://example.org/new', archive: ARCHIVE });
    assert.deepEqual(added, [...list, { url: 'https://example.org/new', archive: ARCHIVE }]);
    assert.strictEqual(added[0], list[0]);
    assert.strictEqual(added[1], list[1]);
  });

  it('an address cited already: that item is updated, nothing of it is lost', () => {
    const list: Evidence[] = ['https://example.org/a', { url: 'https://example.org/b', title: 'B', archive: ARCHIVE }];
    assert.deepEqual(withEvidenceItem(list, { url: 'https://example.org/a', archive: ARCHIVE }), [{ url: 'https://example.org/a', archive: ARCHIVE }, list[1]]);
    assert.deepEqual(withEvidenceItem(list, 'https://example.org/b'), list, 'the plain link again keeps the archived object');
    assert.deepEqual(withEvidenceItem(list, { url: 'https://example.org/b', quote: 'drei Jahre' }), ['https://example.org/a', { url: 'https://example.org/b', title: 'B', archive: ARCHIVE, quote: 'drei Jahre' }]);
    assert.deepEqual(withEvidenceItem(undefined, 'https://example.org/a'), ['https://example.org/a']);
  });
});
