import assert from 'node:assert/strict';
import { MAX_TAG_LENGTH, normalizeTag, tagColor, tagProblem, tagsInUse, withoutTag, withTag } from '../../../src/core/tags/tags';
import { DEFAULT_TEAM, parseTeamFile, type TeamConfig } from '../../../src/core/team/team';
import { validateAnnotationFileValue } from '../../../src/core/store/validate';
import type { Annotation } from '../../../src/core/store/annotation';
import { sampleAnnotation } from '../../support/annotations';

function annotation(id: string, tags?: string[]): Annotation {
  return sampleAnnotation({ id, ...(tags ? { tags } : {}) });
}

describe('tags: what can be a tag', () => {
  it('trims a typed tag and composes its accents (NFC), so "Börse" typed two ways is one tag', () => {
    assert.equal(normalizeTag('  Wahl 2025 '), 'Wahl 2025');
    assert.equal(normalizeTag('Bo\u0308rse'), 'B\u00f6rse');
  });

  it('refuses an empty tag, one longer than 50 characters, control characters and a tag the annotation has', () => {
    assert.equal(tagProblem(normalizeTag('   ')), 'empty');
    assert.equal(tagProblem('x'.repeat(MAX_TAG_LENGTH)), undefined);
    assert.equal(tagProblem('x'.repeat(MAX_TAG_LENGTH + 1)), 'too-long');
    for (const bad of ['a\nb', 'a\tb', 'a\u0000b', 'a\u001bb', 'a\u0085b', 'a\u2028b']) assert.equal(tagProblem(bad), 'control-character', JSON.stringify(bad));
    assert.equal(tagProblem('Börse', ['Börse']), 'already-there');
    assert.equal(tagProblem('börse', ['Börse']), undefined, 'tags are case-sensitive, as the file merges them');
  });

  it('accepts what the annotation file accepts as a tag (every tag it lets through is a valid file entry)', () => {
    for (const tag of ['Wahl 2025', 'Börse', 'KI/Recht', '#faktencheck', '🙂 emoji', 'x'.repeat(MAX_TAG_LENGTH)]) {
      assert.equal(tagProblem(tag), undefined, tag);
      const problems = validateAnnotationFileValue({ version: 2, annotations: [annotation('a1', [tag])] });
      assert.deepEqual(problems, [], tag);
    }
  });

  it('adds a tag at the end once, and removes one', () => {
    assert.deepEqual(withTag(undefined, 'a'), ['a']);
    assert.deepEqual(withTag(['a', 'b'], 'c'), ['a', 'b', 'c']);
    assert.deepEqual(withTag(['a', 'b'], 'a'), ['a', 'b']);
    assert.deepEqual(withoutTag(['a', 'b'], 'a'), ['b']);
    assert.deepEqual(withoutTag(undefined, 'a'), []);
  });

  it('lists the tags in use, the most used first, then alphabetically', () => {
    const uses = tagsInUse([annotation('1', ['Wahl', 'Börse']), annotation('2', ['Wahl']), annotation('3'), annotation('4', ['Aktie'])]);
    assert.deepEqual(uses, [{ tag: 'Wahl', count: 2 }, { tag: 'Aktie', count: 1 }, { tag: 'Börse', count: 1 }]);
  });
});

describe('tags: colours from the team file', () => {
  const team = (text: string): TeamConfig => {
    const result = parseTeamFile(text);
    assert.equal(result.kind, 'ok');
    return result.team;
  };
  const TEAM = team(JSON.stringify({ tags: [{ name: 'Wahl 2025', color: '#2563eb' }, { name: 'Börse', color: '#16a34a' }] }));

  it('gives an annotation the colour of its tag, compared without regard to case', () => {
    assert.equal(tagColor(TEAM, ['Börse']), '#16a34a');
    assert.equal(tagColor(TEAM, ['wahl 2025']), '#2563eb');
    assert.equal(tagColor(TEAM, ['B\u006f\u0308rse']), '#16a34a', 'decomposed accents match too');
  });

  it('lets the team file\'s order decide between two coloured tags, whatever the annotation\'s order', () => {
    assert.equal(tagColor(TEAM, ['Börse', 'Wahl 2025']), '#2563eb');
    assert.equal(tagColor(TEAM, ['Wahl 2025', 'Börse']), '#2563eb');
  });

  it('gives no colour without coloured tags, without tags, or without a team file', () => {
    assert.equal(tagColor(TEAM, ['Aktie']), undefined);
    assert.equal(tagColor(TEAM, []), undefined);
    assert.equal(tagColor(TEAM, undefined), undefined);
    assert.equal(tagColor(DEFAULT_TEAM, ['Börse']), undefined);
  });
});
