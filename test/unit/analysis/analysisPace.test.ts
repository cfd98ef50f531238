import assert from 'node:assert/strict';
import { AnalysisPace } from '../../../src/core/analysis/analysisPace';

describe('analysis: AnalysisPace', () => {
  it('expects nothing before a measurement, then the measured milliseconds per character', () => {
    const pace = new AnalysisPace();
    assert.equal(pace.estimate(1000), 0, 'no estimate: a slice keeps its old rule (stop after the unit that crossed the deadline)');
    pace.record(500, 2);
    assert.equal(pace.estimate(1000), 4);
  });

  it('follows the pace as a moving average, so that one slow unit (a collection, a wait for the CPU) moves it only part of the way', () => {
    const pace = new AnalysisPace();
    pace.record(1000, 1);
    pace.record(1000, 11);
    const afterOneSlow = pace.estimate(1000);
    assert.ok(afterOneSlow > 1 && afterOneSlow < 11, `between the two paces (${afterOneSlow})`);
    for (let i = 0; i < 50; i++) pace.record(1000, 1);
    assert.ok(Math.abs(pace.estimate(1000) - 1) < 0.01, 'back at the usual pace');
  });

  it('ignores measurements that tell nothing (no characters, a clock gone backwards, NaN)', () => {
    const pace = new AnalysisPace();
    pace.record(1000, 2);
    pace.record(0, 5);
    pace.record(100, -1);
    pace.record(100, Number.NaN);
    assert.equal(pace.estimate(1000), 2);
  });
});
