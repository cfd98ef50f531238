import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, AnnotationFile } from '../../../src/core/store/annotation';
import { serializeAnnotationFile } from '../../../src/core/store/file';
import { mergeAnnotationFiles, resolveConflictMarkers } from '../../../src/core/store/merge';
import { sampleAnnotation } from '../../support/annotations';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'store');

function ann(id: string, overrides: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({ id, article: 'a.md', quote: { exact: 'Qwen', prefix: '', suffix: '' }, ...overrides });
}

const file = (...annotations: Annotation[]): AnnotationFile => ({ version: 1, annotations });
const ids = (f: AnnotationFile) => f.annotations.map((a) => a.id);
const find = (f: AnnotationFile, id: string) => f.annotations.find((a) => a.id === id);

/** Merges both ways and checks that the order of the sides does not matter. */
function merge(base: AnnotationFile | null, ours: AnnotationFile, theirs: AnnotationFile): AnnotationFile {
  const result = mergeAnnotationFiles(base, ours, theirs);
  assert.equal(serializeAnnotationFile(mergeAnnotationFiles(base, theirs, ours)), serializeAnnotationFile(result), 'merge is not commutative');
  return result;
}

describe('store/merge: mergeAnnotationFiles', () => {
  const base = file(ann('a'), ann('b'), ann('c'));

  it('keeps annotations added on either side', () => {
    const merged = merge(base, file(ann('a'), ann('b'), ann('c'), ann('d')), file(ann('a'), ann('b'), ann('c'), ann('e')));
    assert.deepEqual(ids(merged), ['a', 'b', 'c', 'd', 'e']);
  });

  it('applies a change made on one side only', () => {
    const changed = ann('b', { note: 'geprüft', modified: '2025-01-02T10:00:00.000Z' });
    const merged = merge(base, file(ann('a'), changed, ann('c')), base);
    assert.deepEqual(find(merged, 'b'), changed);
  });

  it('respects a deletion when the other side left the annotation alone', () => {
    assert.deepEqual(ids(merge(base, file(ann('a'), ann('c')), base)), ['a', 'c']);
  });

  it('counts a mere position change (text edits) as leaving it alone', () => {
    const moved = ann('b', { position: { start: 10, end: 14 } });
    assert.deepEqual(ids(merge(base, file(ann('a'), ann('c')), file(ann('a'), moved, ann('c')))), ['a', 'c']);
  });

  it('keeps an annotation deleted on one side but changed on the other: nothing is lost', () => {
    const changed = ann('b', { status: 'disputed', modified: '2025-01-05T10:00:00.000Z' });
    const merged = merge(base, file(ann('a'), ann('c')), file(ann('a'), changed, ann('c')));
    assert.deepEqual(find(merged, 'b'), changed);
  });

  it('merges changes of different fields of the same annotation', () => {
    const ours = ann('b', { note: 'Quelle: Pressemitteilung', modified: '2025-01-02T10:00:00.000Z' });
    const theirs = ann('b', { status: 'disputed', modified: '2025-01-03T10:00:00.000Z', history: [{ status: 'verified', at: '2025-01-01T10:00:00.000Z', author: 'Anna' }, { status: 'disputed', at: '2025-01-03T10:00:00.000Z', author: 'Ben' }] });
    const merged = find(merge(base, file(ann('a'), ours, ann('c')), file(ann('a'), theirs, ann('c'))), 'b');
    assert.equal(merged?.note, 'Quelle: Pressemitteilung');
    assert.equal(merged?.status, 'disputed');
    assert.equal(merged?.modified, '2025-01-03T10:00:00.000Z');
    assert.equal(merged?.history?.length, 2);
  });

  it('lets the later modified win where both changed the same field', () => {
    const ours = ann('b', { note: 'alt', modified: '2025-01-02T10:00:00.000Z' });
    const theirs = ann('b', { note: 'neu', modified: '2025-01-02T11:00:00.000+00:30' });
    assert.equal(find(merge(base, file(ours), file(theirs)), 'b')?.note, 'neu');
    // The same instant written in another time zone is not later.
    const sameInstant = ann('b', { note: 'zone', modified: '2025-01-02T10:30:00.000+00:30' });
    const tie = merge(base, file(ann('b', { note: 'utc', modified: '2025-01-02T10:00:00.000Z' })), file(sameInstant));
    assert.ok(['zone', 'utc'].includes(find(tie, 'b')?.note ?? ''));
  });

  it('breaks ties of equal modified times the same way whichever side is ours', () => {
    const ours = ann('b', { note: 'eins', modified: '2025-01-02T10:00:00.000Z' });
    const theirs = ann('b', { note: 'zwei', modified: '2025-01-02T10:00:00.000Z' });
    merge(base, file(ours), file(theirs));
    merge(null, file(ours), file(theirs));
  });

  it('keeps the status history of both sides as one log, oldest first', () => {
    const h0 = { status: 'verified' as const, at: '2025-01-01T10:00:00.000Z', author: 'Anna' };
    const ours = ann('b', { status: 'disputed', modified: '2025-01-02T10:00:00.000Z', history: [h0, { status: 'disputed', at: '2025-01-02T10:00:00.000Z', author: 'Anna' }] });
    const theirs = ann('b', { status: 'outdated', modified: '2025-01-03T10:00:00.000Z', history: [h0, { status: 'outdated', at: '2025-01-03T10:00:00.000Z', author: 'Ben' }] });
    const merged = find(merge(base, file(ours), file(theirs)), 'b');
    assert.equal(merged?.status, 'outdated');
    assert.deepEqual(merged?.history?.map((h) => h.status), ['verified', 'disputed', 'outdated']);
  });

  it('set-merges evidence links', () => {
    const b = ann('b', { evidence: ['https://a', 'https://b'] });
    const ours = ann('b', { evidence: ['https://a', 'https://b', 'https://c'], modified: '2025-01-02T10:00:00.000Z' });
    const theirs = ann('b', { evidence: ['https://b', 'https://d'], modified: '2025-01-03T10:00:00.000Z' });
    assert.deepEqual(find(merge(file(b), file(ours), file(theirs)), 'b')?.evidence, ['https://b', 'https://c', 'https://d']);
  });

  it('takes the anchor (quote and position) as a whole from one side', () => {
    const ours = ann('b', { quote: { exact: 'Qwen 2.5', prefix: '', suffix: '' }, position: { start: 0, end: 8 }, modified: '2025-01-04T10:00:00.000Z' });
    const theirs = ann('b', { position: { start: 30, end: 34 } });
    const merged = find(merge(base, file(ours), file(theirs)), 'b');
    assert.deepEqual([merged?.quote.exact, merged?.position], ['Qwen 2.5', { start: 0, end: 8 }]);
  });

  it('without a base, keeps everything from both sides', () => {
    const merged = merge(null, file(ann('a'), ann('b')), file(ann('b'), ann('c')));
    assert.deepEqual(ids(merged), ['a', 'b', 'c']);
  });

  it('changes nothing when a file is merged with itself', () => {
    const f = file(ann('x', { article: 'z.md' }), ann('a', { note: 'n', history: [{ status: 'verified', at: '2025-01-01T10:00:00.000Z', author: 'A' }] }));
    assert.equal(serializeAnnotationFile(merge(f, f, f)), serializeAnnotationFile(f));
    assert.equal(serializeAnnotationFile(merge(null, f, f)), serializeAnnotationFile(f));
  });
});

describe('store/merge: resolveConflictMarkers', () => {
  it('merges both sides of a file git left with conflict markers', () => {
    const result = resolveConflictMarkers(readFileSync(join(FIXTURES, 'conflicted.json'), 'utf8'));
    assert.ok('merged' in result, JSON.stringify(result));
    if (!('merged' in result)) return;
    assert.deepEqual(ids(result.merged), ['common000000000000001', 'ours00000000000000001', 'theirs00000000000001']);
    assert.equal(find(result.merged, 'common000000000000001')?.modified, '2025-01-02T10:00:00.000Z');
    assert.deepEqual([result.oursCount, result.theirsCount], [2, 2]);
  });

  it('uses the base section of diff3-style markers to respect deletions', () => {
    const a = ann('a');
    const b = ann('b', { position: { start: 5, end: 9 } });
    const c = ann('c', { position: { start: 9, end: 13 } });
    const [baseText, oursText, theirsText] = [file(a, b), file(a, b, c), file(a)].map(serializeAnnotationFile);
    // Build a whole-file conflict: every side is a full file.
    const marked = `<<<<<<< ours\n${oursText}||||||| base\n${baseText}=======\n${theirsText}>>>>>>> theirs\n`;
    const result = resolveConflictMarkers(marked);
    assert.ok('merged' in result);
    if ('merged' in result) assert.deepEqual(ids(result.merged), ['a', 'c']);
  });

  it('says which side cannot be read', () => {
    const marked = `<<<<<<< ours\n${serializeAnnotationFile(file(ann('a')))}=======\n{"version": 1, "annotations": [\n>>>>>>> theirs\n`;
    const result = resolveConflictMarkers(marked);
    assert.ok('error' in result);
    if ('error' in result) assert.match(result.error, /^their side of the conflict cannot be read/);
  });
});
