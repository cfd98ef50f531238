import assert from 'node:assert/strict';
import { CommentChangeError, commentView, isOwnComment, newCommentId, showsSameThread, threadEntries, withDeletion, withEdit, withEditOrReply, withReply } from '../../../src/core/discussion/thread';
import type { Comment } from '../../../src/core/store/annotation';
import { mergeComments } from '../../../src/core/store/mergeVersion2';
import { validateAnnotation } from '../../../src/core/store/validate';
import { sampleAnnotation } from '../../support/annotations';

const AT = new Date('2025-03-01T12:00:00.000Z');
const LATER = new Date('2025-03-01T13:00:00.000Z');
const ben: Comment = { id: 'c1', author: 'Ben', at: '2025-03-01T10:00:00.000Z', body: 'Where is this from?' };
const anna: Comment = { id: 'c2', author: 'Anna', at: '2025-03-01T11:00:00.000Z', body: 'The press release, [here](https://example.org/pm)' };

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof CommentChangeError);
    return error.reason;
  }
  assert.fail('the change was allowed');
}

describe('discussion: an annotation\'s thread', () => {
  it('shows the verdict and note first, then the comments without tombstones, mine marked own', () => {
    const annotation = sampleAnnotation({ status: 'disputed', note: 'Says <b>three</b> years', comments: [ben, anna, { id: 'c3', author: 'Anna', at: '2025-03-01T11:30:00.000Z', body: '', deleted: true }] });
    const entries = threadEntries(annotation, 'Anna');
    assert.deepEqual(entries.map((e) => (e.kind === 'verdict' ? `verdict:${e.status}` : `${e.id}:${e.own}`)), ['verdict:disputed', 'c1:false', 'c2:true']);
    const [verdict] = entries;
    assert.ok(verdict.kind === 'verdict' && !verdict.markdown.includes('<b>'), 'the note is inert too');
  });

  it('gives each entry its role for the menus, the text an edit starts from and its last time', () => {
    const edited = { ...anna, edited: '2025-03-01T12:30:00.000Z' };
    const [verdict, bens, annas] = threadEntries(sampleAnnotation({ comments: [ben, edited] }), 'Anna').map(commentView);
    assert.deepEqual(verdict, { source: '', role: 'verdict', at: sampleAnnotation().created, edited: false });
    assert.deepEqual(bens, { commentId: 'c1', source: ben.body, role: 'other', at: ben.at, edited: false });
    assert.deepEqual(annas, { commentId: 'c2', source: anna.body, role: 'own', at: edited.edited, edited: true });
  });

  it('dates and signs the verdict by its last status change, not by the last reply', () => {
    const history = [{ status: 'verified', at: '2025-01-01T10:00:00.000Z', author: 'Anna' }, { status: 'disputed', at: '2025-02-01T10:00:00.000Z', author: 'Ben' }];
    const [changed] = threadEntries(sampleAnnotation({ status: 'disputed', history, modified: '2025-03-01T10:00:00.000Z', comments: [ben] }), 'Anna');
    assert.ok(changed.kind === 'verdict' && changed.at === '2025-02-01T10:00:00.000Z' && changed.author === 'Ben');
    const [first] = threadEntries(sampleAnnotation({ modified: '2025-03-01T10:00:00.000Z', comments: [ben] }), 'Anna');
    assert.ok(first.kind === 'verdict' && first.at === '2025-01-01T10:00:00.000Z' && first.author === 'Anna');
  });

  it('tells a moved annotation (same thread) from a changed one', () => {
    const annotation = sampleAnnotation({ comments: [ben] });
    assert.ok(showsSameThread(annotation, { ...annotation, position: { start: 10, end: 14 }, modified: '2025-03-01T00:00:00.000Z' }));
    assert.ok(!showsSameThread(annotation, { ...annotation, comments: withReply(annotation.comments, { author: 'Anna', body: 'new', at: AT }) }));
    assert.ok(!showsSameThread(annotation, { ...annotation, resolved: true }));
    assert.ok(!showsSameThread(annotation, { ...annotation, note: 'changed' }));
  });

  it('marks nothing as own while the author is not known yet', () => {
    const entries = threadEntries(sampleAnnotation({ comments: [anna] }), undefined);
    assert.ok(entries.every((e) => e.kind === 'verdict' || !e.own));
  });

  it('appends a reply with a fresh id, the author and the ISO time; the result is a valid annotation', () => {
    const comments = withReply([ben], { author: 'Anna', body: 'Checked with the company', at: AT });
    assert.equal(comments.length, 2);
    const reply = comments[1];
    assert.equal(reply.author, 'Anna');
    assert.equal(reply.at, '2025-03-01T12:00:00.000Z');
    assert.match(reply.id, /^[A-Za-z0-9_-]{1,64}$/);
    assert.notEqual(reply.id, ben.id);
    assert.deepEqual(validateAnnotation(sampleAnnotation({ comments })), []);
  });

  it('never reuses an id the thread has', () => {
    const ids = ['c1', 'c1', 'c2', 'fresh'];
    assert.equal(newCommentId([ben, anna], () => ids.shift() ?? 'x'), 'fresh');
  });

  it('refuses an empty reply', () => {
    assert.equal(refusal(() => withReply([], { author: 'Anna', body: '  \n', at: AT })), 'empty');
  });

  it('edits only my own comment, and records when', () => {
    const edited = withEdit([ben, anna], 'c2', 'The press release of 3 March', 'Anna', LATER);
    assert.deepEqual(edited[1], { ...anna, body: 'The press release of 3 March', edited: LATER.toISOString() });
    assert.equal(edited[0], ben);
    assert.equal(refusal(() => withEdit([ben, anna], 'c1', 'hijacked', 'Anna', LATER)), 'not-yours');
    assert.equal(refusal(() => withEdit([ben], 'nope', 'x', 'Ben', LATER)), 'gone');
    assert.deepEqual(withEdit([anna], 'c2', anna.body, 'Anna', LATER), [anna], 'the same text is no edit');
  });

  it('posts my edit as a new reply when the comment was deleted while I edited it', () => {
    const tombstone = withDeletion([ben, anna], 'c2', 'Anna', AT);
    const saved = withEditOrReply(tombstone, 'c2', 'Typed while Ben deleted it', 'Anna', LATER);
    assert.equal(saved.asReply, true);
    assert.deepEqual(saved.comments.slice(0, 2), tombstone, 'the tombstone stays a tombstone');
    assert.equal(saved.comments.length, 3);
    assert.deepEqual({ ...saved.comments[2], id: 'x' }, { id: 'x', author: 'Anna', at: LATER.toISOString(), body: 'Typed while Ben deleted it' });
    assert.equal(withEditOrReply([ben], 'c2', 'Gone without a trace', 'Anna', LATER).comments[1].body, 'Gone without a trace');
    assert.deepEqual(withEditOrReply([ben, anna], 'c2', 'A plain edit', 'Anna', LATER), { comments: withEdit([ben, anna], 'c2', 'A plain edit', 'Anna', LATER), asReply: false });
    assert.equal(refusal(() => withEditOrReply([ben, anna], 'c1', 'hijacked', 'Anna', LATER)), 'not-yours');
    assert.equal(refusal(() => withEditOrReply(tombstone, 'c2', '  ', 'Anna', LATER)), 'empty');
  });

  it('deletes my comment as a tombstone that wins every merge', () => {
    const deleted = withDeletion([ben, anna], 'c2', 'Anna', LATER);
    assert.deepEqual(deleted[1], { id: 'c2', author: 'Anna', at: anna.at, body: '', edited: LATER.toISOString(), deleted: true });
    assert.equal(refusal(() => withDeletion([ben, anna], 'c1', 'Anna', LATER)), 'not-yours');
    assert.equal(refusal(() => withDeletion(deleted, 'c2', 'Anna', LATER)), 'gone');
    assert.deepEqual(validateAnnotation(sampleAnnotation({ comments: deleted })), []);
    // A teammate edited the same comment later in their clone: the deletion still wins.
    const theirs = withEdit([ben, anna], 'c2', 'edited elsewhere', 'Anna', new Date('2025-03-02T00:00:00.000Z'));
    const merged = mergeComments([ben, anna], deleted, theirs);
    assert.equal(merged?.find((c) => c.id === 'c2')?.deleted, true);
    assert.ok(!isOwnComment(deleted[1], 'Anna'), 'a tombstone is nobody\'s to edit');
  });

  it('keeps both clones\' replies to the same thread through a merge', () => {
    const ours = withReply([ben], { author: 'Anna', body: 'mine', at: AT });
    const theirs = withReply([ben], { author: 'Ben', body: 'his', at: LATER });
    assert.deepEqual(mergeComments([ben], ours, theirs)?.map((c) => c.body), ['Where is this from?', 'mine', 'his']);
  });
});
