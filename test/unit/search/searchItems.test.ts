import assert from 'node:assert/strict';
import { buildSearchIndex, searchAnnotations } from '../../../src/core/search/annotationSearch';
import { searchItemText } from '../../../src/core/search/searchItems';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import type { PlacedAnnotation } from '../../../src/core/session/articleSession';
import { DEFAULT_TEAM } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

const words = wordsFor(englishL10n, 'en');

function itemFor(query: string, placed: PlacedAnnotation) {
  const [hit] = searchAnnotations(buildSearchIndex([{ placed }], (s) => s.placed.annotation), query, 10);
  assert.ok(hit, `no hit for ${query}`);
  return searchItemText(words, hit, DEFAULT_TEAM);
}

describe('search: how a hit is listed', () => {
  it('shows the quote, then verdict, anchoring problem, article, author and tags, and the matched comment', () => {
    const annotation = sampleAnnotation({ status: 'disputed', tags: ['KI', 'Wahl'], quote: { exact: 'Qwen $(zap) 2.5', prefix: '', suffix: '' }, comments: [{ id: 'c1', author: 'Ben', at: '2025-01-02T00:00:00Z', body: 'Quelle fehlt' }] });
    const item = itemFor('quelle', { annotation, state: 'fuzzy', span: { start: 0, end: 4 }, flags: [] });
    assert.equal(item.label, 'Qwen \\$(zap) 2.5', 'an icon name in the quote stays text');
    assert.equal(item.description, 'Disputed · text changed: needs a second look · articles/a.md · Anna · #KI #Wahl');
    assert.equal(item.detail, 'Comment by Ben: Quelle fehlt');
  });

  it('falls back to the note, and names an empty quote', () => {
    const item = itemFor('anna', { annotation: sampleAnnotation({ note: 'geprüft', quote: { exact: '', prefix: '', suffix: '' } }), state: 'exact', span: { start: 0, end: 4 }, flags: [] });
    assert.equal(item.label, '(empty quote)');
    assert.equal(item.description, 'Verified · articles/a.md · Anna');
    assert.equal(item.detail, 'geprüft');
  });
});
