import assert from 'node:assert/strict';
import type { Annotation, Review } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM, type SecondReview, type TeamConfig } from '../../../src/core/team/team';
import { workflowState } from '../../../src/core/team/workflow';
import { sampleAnnotation } from '../../support/annotations';

const team = (secondReview: SecondReview): TeamConfig => ({
  ...DEFAULT_TEAM,
  secondReview,
  statuses: [
    { id: 'misleading', label: { en: 'Misleading' }, verdict: true, rating: 1 },
    { id: 'waiting', label: { en: 'Waiting for source' }, verdict: false },
  ],
});
const review = (overrides: Partial<Review> = {}): Review => ({ by: 'Ben', at: '2025-02-01T10:00:00.000Z', result: 'approved', status: 'disputed', ...overrides });
const disputed = (overrides: Partial<Annotation> = {}) => sampleAnnotation({ status: 'disputed', author: 'Anna', ...overrides });

describe('team/workflow: when a verdict is final', () => {
  it('in progress: "in-progress" and a team status that is no verdict, in every mode', () => {
    for (const mode of ['required', 'optional', 'off'] as const) {
      assert.equal(workflowState(sampleAnnotation({ status: 'in-progress' }), team(mode)), 'in-progress');
      assert.equal(workflowState(sampleAnnotation({ status: 'waiting' }), team(mode)), 'in-progress');
    }
  });

  it('second review off: every verdict is final, even with a request for changes', () => {
    assert.equal(workflowState(disputed(), team('off')), 'final');
    assert.equal(workflowState(disputed({ review: review({ result: 'changes-requested' }) }), team('off')), 'final');
  });

  it('required: awaiting review until someone else approves the current verdict', () => {
    assert.equal(workflowState(disputed(), team('required')), 'awaiting-review');
    assert.equal(workflowState(disputed({ review: review() }), team('required')), 'final');
    assert.equal(workflowState(sampleAnnotation({ status: 'misleading', author: 'Anna', review: review({ status: 'misleading' }) }), team('required')), 'final');
  });

  it('never counts a self-approval, even written by hand: by the author, or by whoever set the current verdict', () => {
    assert.equal(workflowState(disputed({ review: review({ by: 'Anna' }) }), team('required')), 'awaiting-review');
    const changedByBen = disputed({ history: [{ status: 'verified', at: '2025-01-01T10:00:00.000Z', author: 'Anna' }, { status: 'disputed', at: '2025-01-02T10:00:00.000Z', author: 'Ben' }] });
    assert.equal(workflowState({ ...changedByBen, review: review({ by: 'Ben' }) }, team('required')), 'awaiting-review');
    assert.equal(workflowState({ ...changedByBen, review: review({ by: 'Chen' }) }, team('required')), 'final');
  });

  it('a verdict changed after its approval is awaiting review again (required and optional)', () => {
    const approvedThenChanged = sampleAnnotation({ status: 'verified', author: 'Anna', review: review({ status: 'disputed' }) });
    assert.equal(workflowState(approvedThenChanged, team('required')), 'awaiting-review');
    assert.equal(workflowState(approvedThenChanged, team('optional')), 'awaiting-review');
  });

  it('changes requested on the current verdict; a new verdict after the request waits for review', () => {
    assert.equal(workflowState(disputed({ review: review({ result: 'changes-requested' }) }), team('required')), 'changes-requested');
    assert.equal(workflowState(disputed({ review: review({ result: 'changes-requested' }) }), team('optional')), 'changes-requested');
    assert.equal(workflowState(sampleAnnotation({ status: 'verified', review: review({ result: 'changes-requested' }) }), team('required')), 'awaiting-review');
  });

  it('optional: an unreviewed verdict stands', () => {
    assert.equal(workflowState(disputed(), team('optional')), 'final');
    assert.equal(workflowState(disputed({ review: review({ by: 'Anna' }) }), team('optional')), 'final');
  });

  it('a status the team file no longer defines is still a verdict', () => {
    assert.equal(workflowState(sampleAnnotation({ status: 'satire' }), team('required')), 'awaiting-review');
  });
});
