import assert from 'node:assert/strict';
import {
  attentionCount,
  byPosition,
  groupByKey,
  groupItems,
  groupByAssignee,
  groupOf,
  groupsFor,
  needsAttention,
  passesFilter,
  type GroupableAnnotation,
} from '../../../src/core/sidebar/annotationGroups';

const item = (status: GroupableAnnotation['status'], state: GroupableAnnotation['state'], name = ''): GroupableAnnotation & { name: string } => ({ status, state, name });

describe('sidebar: annotation groups', () => {
  it('puts orphans in their own group whatever their status', () => {
    assert.equal(groupOf(item('verified', 'exact')), 'verified');
    assert.equal(groupOf(item('disputed', 'fuzzy')), 'disputed');
    assert.equal(groupOf(item('disputed', 'orphaned')), 'orphaned');
  });

  it('lists non-empty groups in a fixed order, keeping item order', () => {
    const items = [item('verified', 'exact', 'v1'), item('disputed', 'orphaned', 'o1'), item('disputed', 'moved', 'd1'), item('verified', 'fuzzy', 'v2')];
    const groups = groupItems(items);
    assert.deepEqual(groups.map((g) => g.key), ['disputed', 'verified', 'orphaned']);
    assert.deepEqual(groups.map((g) => g.items.map((i) => i.name)), [['d1'], ['v1', 'v2'], ['o1']]);
  });

  it('never drops a status it does not name: version 2\'s and a team\'s own come before the orphans', () => {
    const items = [item('misleading', 'exact', 'm1'), item('verified', 'exact', 'v1'), item('in-progress', 'exact', 'p1'), item('unverifiable', 'moved', 'u1'), item('satire', 'orphaned', 'o1'), item('satire', 'exact', 's1')];
    const groups = groupItems(items);
    assert.deepEqual(groups.map((g) => g.key), ['unverifiable', 'in-progress', 'verified', 'misleading', 'satire', 'orphaned']);
    assert.equal(groups.reduce((sum, g) => sum + g.items.length, 0), items.length);
  });

  it('filters by status but never hides orphans', () => {
    assert.equal(passesFilter(item('verified', 'exact'), undefined), true);
    assert.equal(passesFilter(item('verified', 'exact'), ['disputed']), false);
    assert.equal(passesFilter(item('disputed', 'fuzzy'), ['disputed']), true);
    assert.equal(passesFilter(item('verified', 'orphaned'), ['disputed']), true);
    assert.equal(passesFilter(item('verified', 'orphaned'), []), true);
  });

  it('counts disputed, fuzzy and orphaned annotations once each for the badge', () => {
    assert.equal(needsAttention(item('verified', 'exact')), false);
    assert.equal(needsAttention(item('outdated', 'moved')), false);
    const items = [item('disputed', 'fuzzy'), item('verified', 'fuzzy'), item('outdated', 'orphaned'), item('disputed', 'exact'), item('verified', 'moved')];
    assert.equal(attentionCount(items), 4);
    assert.equal(attentionCount([]), 0);
  });

  it('sorts by position with orphans (no position) last, stable', () => {
    const rows = [{ n: 'a', s: 30 }, { n: 'b', s: undefined }, { n: 'c', s: 10 }, { n: 'd', s: undefined }, { n: 'e', s: 10 }];
    assert.deepEqual(byPosition(rows, (r) => r.s).map((r) => r.n), ['c', 'e', 'a', 'b', 'd']);
  });

  it('groups by key in first-seen order', () => {
    const groups = groupByKey(['b1', 'a1', 'b2'], (s) => s[0]);
    assert.deepEqual([...groups], [['b', ['b1', 'b2']], ['a', ['a1']]]);
  });

  it('groups by assignee: people alphabetically, the unassigned last (orphans too, their assignee stays)', () => {
    const items = [
      { ...item('verified', 'exact', 'v1'), assignee: 'Ben' },
      item('disputed', 'exact', 'none1'),
      { ...item('disputed', 'orphaned', 'o1'), assignee: 'Anna' },
      { ...item('in-progress', 'exact', 'p1'), assignee: 'Ben' },
    ];
    const groups = groupByAssignee(items);
    assert.deepEqual(groups.map((g) => g.key), ['Anna', 'Ben', '']);
    assert.deepEqual(groups.map((g) => g.items.map((i) => i.name)), [['o1'], ['v1', 'p1'], ['none1']]);
    assert.deepEqual(groupsFor(items, 'assignee'), groups);
    assert.deepEqual(groupsFor(items, 'status').map((g) => g.key), ['disputed', 'in-progress', 'verified', 'orphaned']);
  });
});
