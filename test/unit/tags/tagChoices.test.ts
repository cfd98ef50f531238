import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/core/labels/l10n';
import { checkTypedTag, tagChoiceItem, tagChoices } from '../../../src/core/tags/tagChoices';
import { MAX_TAG_LENGTH } from '../../../src/core/tags/tags';

describe('tags: what Add Tag offers while typing', () => {
  const inUse = [{ tag: 'Wahl', count: 3 }, { tag: 'Börse', count: 1 }];

  it('offers the workspace\'s tags the annotation does not have yet, with their counts, when nothing is typed', () => {
    assert.deepEqual(tagChoices('', ['Wahl'], inUse), [{ kind: 'known', tag: 'Börse', count: 1 }]);
    assert.deepEqual(tagChoices('   ', [], inUse).map((c) => c.kind), ['known', 'known']);
  });

  it('puts a typed new tag first, normalised', () => {
    assert.deepEqual(tagChoices(' Aktie ', [], inUse)[0], { kind: 'new', tag: 'Aktie' });
    assert.deepEqual(tagChoices('Bo\u0308rse', [], inUse), tagChoices('', [], inUse), 'a typed known tag is offered once, as the known one');
  });

  it('explains a typed tag that cannot be added, showing control characters as spaces', () => {
    assert.deepEqual(tagChoices('a\tb', [], inUse)[0], { kind: 'refused', shown: 'a b', problem: 'control-character' });
    assert.deepEqual(tagChoices('x'.repeat(MAX_TAG_LENGTH + 1), [], inUse)[0], { kind: 'refused', shown: 'x'.repeat(MAX_TAG_LENGTH + 1), problem: 'too-long' });
    assert.deepEqual(tagChoices('Wahl', ['Wahl'], inUse)[0], { kind: 'refused', shown: 'Wahl', problem: 'already-there' });
  });

  it('checks a tag given by a command argument the same way', () => {
    assert.deepEqual(checkTypedTag(' Wahl ', []), { kind: 'ok', tag: 'Wahl' });
    assert.deepEqual(checkTypedTag('Wahl', ['Wahl']), { kind: 'refused', tag: 'Wahl', problem: 'already-there' });
    assert.deepEqual(checkTypedTag('', []), { kind: 'refused', tag: '', problem: 'empty' });
  });

  it('lists a choice as a pick item: a known tag with its count, a new one, and a refused one with the rule and no value', () => {
    const uses = [{ tag: 'KI', count: 1 }, { tag: '$(zap)', count: 3 }];
    assert.deepEqual(tagChoices('', [], uses).map((c) => tagChoiceItem(englishL10n, c)), [
      { label: 'KI', description: 'on 1 annotation', value: 'KI' },
      { label: '\\$(zap)', description: 'on 3 annotations', value: '$(zap)' },
    ]);
    assert.deepEqual(tagChoiceItem(englishL10n, { kind: 'new', tag: 'Wahl' }), { label: 'Wahl', description: 'new tag', value: 'Wahl', alwaysShow: true });
    const refused = tagChoiceItem(englishL10n, { kind: 'refused', shown: 'x'.repeat(3), problem: 'too-long' });
    assert.equal(refused.value, undefined);
    assert.equal(refused.detail, `A tag is at most ${MAX_TAG_LENGTH} characters long: shorten it.`);
    assert.equal(refused.label, '$(warning) xxx');
  });
});
