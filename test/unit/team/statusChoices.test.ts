import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import { statusChoices, statusPickItems } from '../../../src/core/team/statusChoices';
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

  it('lists them as pick items with their labels, the current one picked, a work state described, a team\'s icon name as text', () => {
    const team = { ...DEFAULT_TEAM, statuses: [{ id: 'zap', label: { en: '$(zap) Satire', de: 'Satire' }, verdict: true }] };
    const items = statusPickItems(wordsFor(englishL10n, 'en'), 'disputed', team);
    assert.deepEqual(items.slice(0, 2).map((i) => [i.label, i.picked, i.description]), [['Verified', false, undefined], ['Disputed', true, 'current']]);
    assert.equal(items.find((i) => i.status === 'in-progress')?.description, 'work state, not a verdict');
    assert.equal(items.at(-1)?.label, '\\$(zap) Satire');
  });
});
