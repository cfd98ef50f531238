import assert from 'node:assert/strict';
import type { PlacedAnnotation } from '../../../src/core/session/articleSession';
import { anyFilterActive, knownStatuses, statusFilterFor, visibleAnnotations, withFilterChange } from '../../../src/core/sidebar/annotationTreeFilters';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

const team: TeamConfig = { ...DEFAULT_TEAM, statuses: [{ id: 'misleading', label: { en: 'Misleading' }, verdict: true }] };

describe('sidebar: the Annotations view\'s filters', () => {
  it('applies the status, the tag/author/date and the work filter together', () => {
    const placed: PlacedAnnotation[] = [
      { annotation: sampleAnnotation({ id: 'v', tags: ['Wahl'], assignee: 'Anna' }), state: 'exact', span: { start: 0, end: 4 }, flags: [] },
      { annotation: sampleAnnotation({ id: 'd', status: 'disputed', tags: ['Wahl'] }), state: 'exact', span: { start: 0, end: 4 }, flags: [] },
      { annotation: sampleAnnotation({ id: 'o', status: 'disputed' }), state: 'orphaned', flags: [] },
    ];
    const ids = (filters: Parameters<typeof visibleAnnotations>[1], me: string | undefined): string[] => visibleAnnotations(placed, filters, { me, team }).map((p) => p.annotation.id);
    assert.deepEqual(ids({ annotation: {} }, 'Anna'), ['v', 'd', 'o']);
    assert.deepEqual(ids({ statuses: ['verified'], annotation: {} }, 'Anna'), ['v', 'o'], 'orphans pass the status filter');
    assert.deepEqual(ids({ annotation: { tags: ['Wahl'] } }, 'Anna'), ['v', 'd'], 'but not the tag filter');
    assert.deepEqual(ids({ work: 'assigned-to-me', annotation: {} }, 'Anna'), ['v']);
    assert.deepEqual(ids({ work: 'assigned-to-me', annotation: {} }, undefined), [], 'nothing while "me" is not known');
  });

  it('knows when a filter is on', () => {
    assert.equal(anyFilterActive({ annotation: {} }), false);
    assert.equal(anyFilterActive({ statuses: ['verified'], annotation: {} }), true);
    assert.equal(anyFilterActive({ work: 'awaiting-my-review', annotation: {} }), true);
    assert.equal(anyFilterActive({ annotation: { authors: ['Ben'] } }), true);
  });

  it('changes only the parts of the tag/author/date filter a change names; undefined switches one off', () => {
    const current = { tags: ['Wahl'], authors: ['Ben'] };
    assert.deepEqual(withFilterChange(current, { dates: { from: '2025-01-01' } }), { tags: ['Wahl'], authors: ['Ben'], dates: { from: '2025-01-01' } });
    const off = withFilterChange(current, { tags: undefined });
    assert.deepEqual(off, { authors: ['Ben'] });
    assert.equal('tags' in off, false);
  });

  it('turns a status choice into no filter when nothing or every known status is chosen', () => {
    const known = ['verified', 'disputed'];
    assert.equal(statusFilterFor(undefined, known), undefined);
    assert.equal(statusFilterFor([], known), undefined);
    assert.equal(statusFilterFor(['disputed', 'verified', 'verified'], known), undefined);
    assert.deepEqual(statusFilterFor(['disputed', 'disputed'], known), ['disputed']);
  });

  it('knows the built-in statuses, the team\'s, and any other an annotation has, each with the team for its label', () => {
    const statuses = knownStatuses([
      { team, annotations: [sampleAnnotation({ status: 'satire' }), sampleAnnotation({ status: 'verified' })] },
      { team: DEFAULT_TEAM, annotations: [sampleAnnotation({ status: 'gone' })] },
    ]);
    assert.deepEqual(statuses.map((s) => s.status), ['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress', 'misleading', 'satire', 'gone']);
    assert.equal(statuses[0].team, undefined);
    assert.equal(statuses.find((s) => s.status === 'misleading')?.team, team);
    assert.equal(statuses.find((s) => s.status === 'gone')?.team, DEFAULT_TEAM);
  });
});
