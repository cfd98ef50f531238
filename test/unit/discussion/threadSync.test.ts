import assert from 'node:assert/strict';
import { threadEntries, withDeletion, withReply } from '../../../src/core/discussion/thread';
import { editsWithoutComment, sameThreadBasis, threadChanges, type ThreadBasis } from '../../../src/core/discussion/threadSync';
import { sampleAnnotation } from '../../support/annotations';

const viewer = { me: 'Anna', team: 'team-1', readOnly: false };
const a = sampleAnnotation({ id: 'a' });
const b = sampleAnnotation({ id: 'b' });
const c = sampleAnnotation({ id: 'c' });

interface Shown extends ThreadBasis<string> {
  editing: boolean;
}

const shownOf = (annotation: typeof a, editing = false): Shown => ({ annotation, ...viewer, editing });

describe('discussion: which threads an article shows', () => {
  it('creates threads for placed annotations, none for orphans', () => {
    const changes = threadChanges(new Map<string, Shown>(), [{ annotation: a, span: { start: 0, end: 5 } }, { annotation: b }], viewer, (s) => s.editing);
    assert.deepEqual(changes.create, [{ annotation: a, span: { start: 0, end: 5 } }]);
    assert.deepEqual([changes.update, changes.drop], [[], []]);
  });

  it('moves every shown thread, refills only those whose content or viewer changed', () => {
    const shown = new Map([['a', shownOf(a)], ['b', shownOf(b)]]);
    const moved = { ...a, position: { start: 10, end: 15 } };
    const replied = { ...b, comments: withReply(b.comments, { author: 'Ben', body: 'Source?', at: new Date() }) };
    const changes = threadChanges(shown, [{ annotation: moved, span: { start: 10, end: 15 } }, { annotation: replied, span: { start: 20, end: 25 } }], viewer, (s) => s.editing);
    assert.deepEqual(changes.update.map((u) => [u.annotation.id, u.span.start, u.refill]), [['a', 10, false], ['b', 20, true]]);
    const asBen = threadChanges(shown, [{ annotation: a, span: { start: 0, end: 5 } }], { ...viewer, me: 'Ben' }, (s) => s.editing);
    assert.equal(asBen.update[0].refill, true, 'another viewer sees other comments as own');
    assert.ok(!sameThreadBasis(shownOf(a), { ...shownOf(a), readOnly: true }));
  });

  it('drops the threads of orphaned and removed annotations, but keeps one while a comment in it is being edited', () => {
    const shown = new Map([['a', shownOf(a)], ['b', shownOf(b, true)], ['c', shownOf(c)]]);
    const changes = threadChanges(shown, [{ annotation: a }, { annotation: b }], viewer, (s) => s.editing);
    assert.deepEqual(changes.drop.map((s) => s.annotation.id), ['a', 'c']);
    assert.deepEqual([changes.create, changes.update], [[], []]);
  });

  it('keeps a comment being edited that a teammate deleted meanwhile', () => {
    const comments = withReply(withReply(undefined, { author: 'Anna', body: 'one', at: new Date(), id: 'c1' }), { author: 'Anna', body: 'two', at: new Date(), id: 'c2' });
    const entries = threadEntries(sampleAnnotation({ comments: withDeletion(comments, 'c2', 'Anna', new Date()) }), 'Anna');
    assert.deepEqual(editsWithoutComment(entries, ['c1', 'c2']), ['c2']);
    assert.deepEqual(editsWithoutComment(entries, []), []);
  });
});
