import assert from 'node:assert/strict';
import { mapLimit } from '../../../src/core/sidebar/concurrency';

describe('sidebar: mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n, i) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return `${i}:${n}`;
    });
    assert.deepEqual(results, ['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
    assert.equal(peak, 2);
  });

  it('handles no items', async () => {
    assert.deepEqual(await mapLimit([], 4, async () => 1), []);
  });

  it('rejects when the work rejects', async () => {
    await assert.rejects(mapLimit([1, 2], 1, async (n) => {
      if (n === 2) throw new Error('boom');
      return n;
    }), /boom/);
  });
});
