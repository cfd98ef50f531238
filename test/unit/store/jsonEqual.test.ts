import assert from 'node:assert/strict';
import { jsonEqual } from '../../../src/core/store/jsonEqual';

describe('store/jsonEqual', () => {
  it('compares JSON values by structure, objects whatever their key order', () => {
    assert.ok(jsonEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }));
    assert.ok(jsonEqual({ a: 1, b: undefined }, { a: 1 }), 'an undefined field is an absent one (as in JSON)');
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!jsonEqual({ a: [1, 2] }, { a: [2, 1] }));
    assert.ok(!jsonEqual([], {}));
    assert.ok(!jsonEqual({}, []));
    assert.ok(!jsonEqual({ a: null }, { a: {} }));
    assert.ok(!jsonEqual('1', 1));
  });
});
