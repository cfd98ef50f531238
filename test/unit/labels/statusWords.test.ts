import assert from 'node:assert/strict';
import { labelLanguage, statusHeading, statusInSentence } from '../../../src/core/labels/statusWords';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';

const team: TeamConfig = { ...DEFAULT_TEAM, statuses: [{ id: 'needs-source', label: { en: 'Needs Source', de: 'Quelle fehlt' }, verdict: true }] };

describe('labels: statuses in the UI language', () => {
  it('reads German for any German locale, else English', () => {
    assert.equal(labelLanguage('de'), 'de');
    assert.equal(labelLanguage('de-CH'), 'de');
    assert.equal(labelLanguage('en-GB'), 'en');
    assert.equal(labelLanguage('fr'), 'en');
  });

  it('heads a group with the built-in label or the team\'s, and keeps an unknown id', () => {
    assert.equal(statusHeading('verified', 'en'), 'Verified');
    assert.equal(statusHeading('unverifiable', 'de'), 'Nicht überprüfbar');
    assert.equal(statusHeading('needs-source', 'de', team), 'Quelle fehlt');
    assert.equal(statusHeading('needs-source', 'de'), 'needs-source', 'without the team file');
  });

  it('writes a built-in verdict in lower case inside a sentence, a team\'s label as written', () => {
    const words = (language: 'en' | 'de') => (['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress'] as const).map((s) => statusInSentence(s, language));
    assert.deepEqual(words('en'), ['verified', 'disputed', 'outdated', 'unverifiable', 'in progress']);
    assert.deepEqual(words('de'), ['verifiziert', 'umstritten', 'veraltet', 'nicht überprüfbar', 'in Prüfung']);
    assert.equal(statusInSentence('needs-source', 'en', team), 'Needs Source');
  });
});
