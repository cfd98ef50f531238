import assert from 'node:assert/strict';
import { threadEntries, withDeletion, withReply } from '../../../src/core/discussion/thread';
import { keepsLinesAndColumns, sameThreadBasis, threadChanges, threadComments, threadPlan, touchedLines, type PlacedThread } from '../../../src/core/discussion/threadSync';
import { followEdits } from '../../../src/core/session/decorationPlan';
import type { TextEdit } from '../../../src/core/store/anchor';
import { sampleAnnotation } from '../../support/annotations';

const viewer = { me: 'Anna', team: 'team-1', readOnly: false };
const a = sampleAnnotation({ id: 'a' });
const b = sampleAnnotation({ id: 'b' });
const c = sampleAnnotation({ id: 'c' });

interface Shown extends PlacedThread<string> {
  editing: boolean;
}

const shownOf = (annotation: typeof a, editing = false, placed = { span: { start: 0, end: 5 }, firstLine: 0, lastLine: 0 }): Shown => ({ annotation, ...viewer, editing, placed });

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

  it('keeps the comments being edited with their edit boxes, one a teammate deleted meanwhile at the end', () => {
    const comments = withReply(withReply(undefined, { author: 'Anna', body: 'one', at: new Date(), id: 'c1' }), { author: 'Anna', body: 'two', at: new Date(), id: 'c2' });
    const withThree = withReply(comments, { author: 'Ben', body: 'three', at: new Date(), id: 'c3' });
    const entries = threadEntries(sampleAnnotation({ comments: withDeletion(withThree, 'c2', 'Anna', new Date()) }), 'Anna');
    const shape = (editing: Map<string, string>) => threadComments(entries, editing).map((c) => (c.kind === 'entry' ? c.entry.kind === 'comment' ? c.entry.id : c.entry.kind : `${c.comment}${c.deletedMeanwhile ? ' (deleted)' : ''}`));
    assert.deepEqual(shape(new Map([['c1', 'box 1'], ['c2', 'box 2']])), ['verdict', 'box 1', 'c3', 'box 2 (deleted)']);
    assert.deepEqual(shape(new Map()), ['verdict', 'c1', 'c3']);
  });

  it('plans a snapshot: a thread keeps its range only after edits since its own version that left its lines alone', () => {
    const text = 'Erste Zeile.\nZweite Zeile.';
    const lines = { lineCount: 2, lineOf: (offset: number) => (offset > text.indexOf('\n') ? 1 : 0) };
    const onLine2 = { ...shownOf(b), placed: { span: { start: 13, end: 19 }, firstLine: 1, lastLine: 1 } };
    const shown = new Map([['a', shownOf(a)], ['b', onLine2]]);
    const typed = { from: 4, edits: [{ offset: 1, deletedLength: 0, insertedText: 'x' }] };
    const placements = [{ annotation: a, span: { start: 0, end: 6 } }, { annotation: b, span: { start: 14, end: 20 } }];
    const kept = (edits: typeof typed | undefined, before: { version: number; lineCount: number } | undefined) =>
      threadPlan(shown, { placements, edits }, viewer, (s) => s.editing, before, lines).update.map((u) => u.keepsRange);
    assert.deepEqual(kept(typed, { version: 4, lineCount: 2 }), [false, true], 'the keystroke on line 1 moves only the thread on it');
    assert.deepEqual(kept(typed, { version: 3, lineCount: 2 }), [false, false], 'edits since another version: placed again');
    assert.deepEqual(kept(typed, undefined), [false, false], 'nothing placed before');
    assert.deepEqual(kept(undefined, { version: 4, lineCount: 2 }), [false, false], 'too many edits to keep');
    assert.deepEqual(kept(typed, { version: 4, lineCount: 3 }), [false, false], 'a line break went: lines may have moved');
  });

  it('keeps a thread\'s range only when the edits moved no line break and none lay on its lines', () => {
    const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const position = (text: string, offset: number) => ({ line: lineOf(text)(offset), column: offset - text.lastIndexOf('\n', offset - 1) - 1 });
    const apply = (text: string, edits: readonly TextEdit[]) => edits.reduce((t, e) => t.slice(0, e.offset) + e.insertedText + t.slice(e.offset + e.deletedLength), text);
    const before = 'Erste Zeile mit einer Zahl.\nZweite Zeile: 42 Prozent.\nDritte Zeile, ein Name.\nVierte.';
    const spans = [{ start: 6, end: 11 }, { start: 41, end: 52 }, { start: 54, end: 60 }, { start: 75, end: 79 }];
    const range = (text: string, span: { start: number; end: number }) => [position(text, span.start), position(text, span.end)];
    const cases: { edits: TextEdit[]; kept: boolean[] }[] = [
      { edits: [{ offset: 30, deletedLength: 0, insertedText: 'x' }], kept: [true, false, true, true] }, // line 2, before the second span
      { edits: [{ offset: 30, deletedLength: 0, insertedText: 'x' }, { offset: 31, deletedLength: 0, insertedText: 'y' }, { offset: 0, deletedLength: 1, insertedText: '' }], kept: [false, false, true, true] },
      { edits: [{ offset: 30, deletedLength: 0, insertedText: 'x\n' }], kept: [false, false, false, false] }, // a new line: every line below moves
      { edits: [{ offset: 27, deletedLength: 1, insertedText: '' }], kept: [false, false, false, false] }, // a line break deleted
      { edits: [], kept: [true, true, true, true] },
    ];
    for (const { edits, kept } of cases) {
      const after = apply(before, edits);
      const touched = touchedLines(edits, before.split('\n').length, after.split('\n').length, lineOf(after));
      spans.forEach((span, i) => {
        const now = followEdits(span, edits) ?? span;
        const placed = { span, firstLine: lineOf(before)(span.start), lastLine: lineOf(before)(span.end) };
        const keeps = keepsLinesAndColumns(placed, now, edits, touched);
        assert.equal(keeps, kept[i], `${JSON.stringify(edits)}: span ${i}`);
        if (keeps) assert.deepEqual(range(after, now), range(before, span), 'kept: the same lines and columns');
      });
    }
    assert.equal(keepsLinesAndColumns({ span: spans[3], firstLine: 3, lastLine: 3 }, { start: 70, end: 74 }, [], new Set()), false, 'moved without an edit (re-anchored)');
  });
});
