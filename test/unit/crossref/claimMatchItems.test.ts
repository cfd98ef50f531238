import assert from 'node:assert/strict';
import { claimMatchItem } from '../../../src/core/crossref/claimMatchItems';
import type { ClaimMatch } from '../../../src/core/crossref/types';
import { englishL10n } from '../../../src/core/labels/l10n';

const match: ClaimMatch = { article: 'b/$(zap).md', start: 0, end: 10, text: 'PwC schätzt 15,7 Billionen.', score: 0.8, sharedEntities: ['PwC'], sharedFigures: ['15,7 Billionen'], wordOverlap: 0.5 };

describe('crossref: how a matching claim is listed', () => {
  it('shows the claim, its article as text, and what it shares', () => {
    assert.deepEqual(claimMatchItem(englishL10n, match), { label: match.text, description: 'b/\\$(zap).md', detail: 'same figures: 15,7 Billionen · shared names: PwC', match });
    assert.equal(claimMatchItem(englishL10n, { ...match, sharedFigures: [], sharedEntities: [] }).detail, '');
  });

  it('cuts a long claim at 120 characters', () => {
    const label = claimMatchItem(englishL10n, { ...match, text: 'x'.repeat(130) }).label;
    assert.equal(label.length, 120);
    assert.ok(label.endsWith('…'));
    assert.equal(claimMatchItem(englishL10n, { ...match, text: 'x'.repeat(120) }).label, 'x'.repeat(120));
  });
});
