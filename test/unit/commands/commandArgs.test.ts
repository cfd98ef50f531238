import assert from 'node:assert/strict';
import { isAnnotationArgs, messageOf, namesSpan, spanOfArgs } from '../../../src/core/commands/commandArgs';

describe('commands: the arguments they accept', () => {
  it('names an annotation only with a folder and an id, both strings', () => {
    assert.equal(isAnnotationArgs({ folder: 'file:///news', id: 'a1' }), true);
    assert.equal(isAnnotationArgs({ folder: 'file:///news', id: 1 }), false);
    assert.equal(isAnnotationArgs({ id: 'a1' }), false);
    assert.equal(isAnnotationArgs(null), false);
    assert.equal(isAnnotationArgs('a1'), false);
  });

  it('names a span only with both offsets as numbers', () => {
    assert.deepEqual(spanOfArgs({ uri: 'file:///a.md', start: 3, end: 9, note: 'x' }), { start: 3, end: 9 });
    assert.equal(spanOfArgs({ start: 3 }), undefined);
    assert.equal(spanOfArgs({ start: '3', end: 9 } as never), undefined);
    assert.equal(spanOfArgs(undefined), undefined);
    assert.equal(namesSpan({ start: 0, end: 4 }), true);
    assert.equal(namesSpan({ folder: 'f', id: 'a1' }), false);
    assert.equal(namesSpan(undefined), false);
  });

  it('reads an error\'s message, or says what was thrown', () => {
    assert.equal(messageOf(new Error('disk full')), 'disk full');
    assert.equal(messageOf('cancelled'), 'cancelled');
    assert.equal(messageOf(undefined), 'undefined');
  });
});
