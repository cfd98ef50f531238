import assert from 'node:assert/strict';
import { statusChoices } from '../../../src/core/team/statusChoices';
import { DEFAULT_TEAM, parseTeamFile } from '../../../src/core/team/team';

describe('team: what Set Status offers', () => {
  it('offers the built-in statuses, marking the current one and the work state', () => {
    const choices = statusChoices('disputed', DEFAULT_TEAM);
    assert.deepEqual(choices.map((c) => c.status), ['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress']);
    assert.deepEqual(choices.filter((c) => c.current).map((c) => c.status), ['disputed']);
    assert.deepEqual(choices.filter((c) => !c.verdict).map((c) => c.status), ['in-progress']);
  });

  it('adds the team\'s own statuses, and keeps a status the team file no longer defines pickable, last', () => {
    const parsed = parseTeamFile(JSON.stringify({ statuses: [{ id: 'misleading', label: { en: 'Misleading' }, verdict: true }] }));
    assert.equal(parsed.kind, 'ok');
    assert.deepEqual(statusChoices('verified', parsed.team).map((c) => c.status).slice(5), ['misleading']);
    const stale = statusChoices('satire', parsed.team);
    assert.deepEqual(stale.map((c) => c.status).slice(5), ['misleading', 'satire']);
    assert.equal(stale[6].current, true);
  });
});
