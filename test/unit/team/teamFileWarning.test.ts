import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/core/labels/l10n';
import { parseTeamFile } from '../../../src/core/team/team';
import { teamFileWarning } from '../../../src/core/team/teamFileWarning';

describe('team: what the editor says about a team file', () => {
  it('names the first mistake at its line and column, and that the defaults apply', () => {
    const warning = teamFileWarning(englishL10n, parseTeamFile('{\n  "secondReview": "sometimes"\n}'));
    assert.match(warning ?? '', /^line 2, column \d+: .*\(the defaults apply until it is fixed\)$/);
  });

  it('says a newer file is read for what this version understands, and names an ignored field', () => {
    assert.match(teamFileWarning(englishL10n, parseTeamFile('{"version": 99, "statuses": []}')) ?? '', /newer version .*team file version 99/);
    assert.match(teamFileWarning(englishL10n, parseTeamFile('{"statuses": [], "colour": "red"}')) ?? '', /^line 1, column \d+: .*colour.*\(the rest of the file applies\)$/);
  });

  it('says nothing about a good file', () => {
    assert.equal(teamFileWarning(englishL10n, parseTeamFile('{"statuses": [], "secondReview": "required"}')), undefined);
    assert.equal(teamFileWarning(englishL10n, parseTeamFile('')), undefined);
  });
});
