import assert from 'node:assert/strict';
import { narrowedFilter } from '../../../src/core/sidebar/pickedValues';

describe('view filters: what a pick of values sets', () => {
  it('narrows to the ticked values when some are left out', () => {
    assert.deepEqual(narrowedFilter(['Wahl'], ['Wahl', 'Börse']), ['Wahl']);
  });

  it('turns the filter off when every value or none is ticked', () => {
    assert.equal(narrowedFilter(['Börse', 'Wahl'], ['Wahl', 'Börse']), undefined);
    assert.equal(narrowedFilter([], ['Wahl', 'Börse']), undefined);
  });
});
