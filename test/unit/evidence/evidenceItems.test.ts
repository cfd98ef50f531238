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

  it('a second copy of an address or of a local file name is a new item: the earlier copy is never replaced', () => {
    const copy = (hex: string, fetched: string, extension = 'eml') => ({ file: `.ainews/evidence/${hex.repeat(64)}.${extension}`, sha256: hex.repeat(64), fetched, contentType: 'message/rfc822' });
    const january = { url: 'press.eml', title: 'Januar', archive: copy('1', '2025-01-10T10:00:00.000Z') };
    const february = { url: 'press.eml', archive: copy('2', '2025-02-10T10:00:00.000Z') };
    const both = withEvidenceItem([january], february);
    assert.deepEqual(both, [january, february]);

    const page = { url: 'https://example.org/pm', archive: ARCHIVE };
    const changed = { url: 'https://example.org/pm', archive: { ...ARCHIVE, file: `.ainews/evidence/${'b'.repeat(64)}.html`, sha256: 'b'.repeat(64), fetched: '2025-03-01T10:00:00.000Z' } };
    assert.deepEqual(withEvidenceItem(['https://example.org/x', page], changed), ['https://example.org/x', page, changed]);
  });

  it('the same copy again updates only title and quote; details without a copy go to the latest item of the address', () => {
    const page = { url: 'https://example.org/pm', title: 'Alt', archive: ARCHIVE };
    const again = { url: 'https://example.org/pm', title: 'Neu', quote: 'drei Jahre', accessed: '2025-04-01T10:00:00.000Z', archive: { ...ARCHIVE, fetched: '2025-04-01T10:00:00.000Z' } };
    assert.deepEqual(withEvidenceItem([page], again), [{ url: 'https://example.org/pm', title: 'Neu', quote: 'drei Jahre', archive: ARCHIVE }]);

    const later = { url: 'https://example.org/pm', archive: { ...ARCHIVE, sha256: 'b'.repeat(64), file: `.ainews/evidence/${'b'.repeat(64)}.html` } };
    assert.deepEqual(withEvidenceItem([page, later], { url: 'https://example.org/pm', quote: 'Q' }), [page, { ...later, quote: 'Q' }]);
  });
});
