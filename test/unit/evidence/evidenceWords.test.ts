import assert from 'node:assert/strict';
import { addressProblemMessage, archiveChoices, archivedCopyRefusal, evidencePickItem } from '../../../src/core/evidence/evidenceWords';
import { englishL10n } from '../../../src/core/labels/l10n';
import type { EvidenceArchive } from '../../../src/core/store/annotation';
import { germanL10n } from '../../support/l10nBundles';

const archive = { file: '.ainews/evidence/[x](command:y).html', sha256: 'ab', fetched: '2025-03-04T10:00:00Z', contentType: 'text/html' } as EvidenceArchive;

describe('evidence: what the commands say', () => {
  it('says why a typed value is not a web address, and nothing for one', () => {
    assert.equal(addressProblemMessage(englishL10n, 'ftp://example.org'), 'Evidence links start with https:// or http://');
    assert.equal(addressProblemMessage(englishL10n, 'Pressemitteilung'), 'Enter a web address, e.g. https://example.org/source');
    assert.equal(addressProblemMessage(englishL10n, ' https://example.org/a '), undefined);
    assert.notEqual(addressProblemMessage(germanL10n(), 'x'), addressProblemMessage(englishL10n, 'x'));
  });

  it('lists an item by its title with the address below and the day of its copy, icon names as text', () => {
    const item = { url: 'https://example.org/$(zap)', title: 'Brief $(zap)', archive };
    assert.deepEqual(evidencePickItem(englishL10n, item), { label: 'Brief \\$(zap)', description: 'archived 2025-03-04', detail: 'https://example.org/\\$(zap)', item });
    assert.deepEqual(evidencePickItem(englishL10n, 'Brief vom 3. Mai'), { label: 'Brief vom 3. Mai', description: 'link', detail: undefined, item: 'Brief vom 3. Mai' });
  });

  it('offers to archive a copy of the address (shown as text) or to link only, in English and German', () => {
    const choices = archiveChoices(englishL10n, 'https://example.org/$(zap)');
    assert.deepEqual(choices.map((c) => [c.label, c.archive]), [['Archive a copy', true], ['Link only', false]]);
    assert.match(choices[0].detail, /^Fetch https:\/\/example\.org\/\\\$\(zap\) now/);
    assert.notDeepEqual(archiveChoices(germanL10n(), 'https://example.org').map((c) => c.label), ['Archive a copy', 'Link only']);
  });

  it('says why a copy is not opened, its file name inert', () => {
    assert.match(archivedCopyRefusal(englishL10n, { kind: 'missing' }, archive), /^The archived copy \.ainews\/evidence\/\[x\]\u200b\(command:y\)\.html is missing\.$/);
    assert.match(archivedCopyRefusal(englishL10n, { kind: 'misnamed' }, archive), /named by their own sha256/);
    assert.equal(archivedCopyRefusal(englishL10n, { kind: 'refused', message: 'a link out of the workspace' }, archive), 'a link out of the workspace');
  });
});
