import assert from 'node:assert/strict';
import { decodeModelContainer, encodeModelContainer } from '../../../src/core/analysis/modelContainer';

const KIND = { magic: 0x54534554, version: 2, name: 'a test model' };

describe('model files: the shared container', () => {
  it('round-trips the header and pads it to 4 bytes before the payload', () => {
    const { bytes, payloadAt } = encodeModelContainer(KIND, { buckets: 3 }, 3);
    bytes.set([7, 8, 9], payloadAt);
    assert.equal(payloadAt % 4, 0);
    const read = decodeModelContainer<{ buckets: number }>(bytes, KIND);
    assert.deepEqual(read.header, { buckets: 3 });
    assert.deepEqual([...bytes.subarray(read.payloadAt)], [7, 8, 9]);
  });

  it('names the kind when the magic number or the format version is another', () => {
    const { bytes } = encodeModelContainer(KIND, {}, 0);
    assert.throws(() => decodeModelContainer(bytes, { ...KIND, magic: 1 }), /^Error: not a test model \(bad magic number\)$/);
    assert.throws(() => decodeModelContainer(bytes, { ...KIND, version: 3 }), /^Error: test model format 2, expected 3$/);
    assert.throws(() => decodeModelContainer(bytes.subarray(0, 8), KIND), /bad magic number/);
  });
});
