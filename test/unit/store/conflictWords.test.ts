import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/core/labels/l10n';
import type { Annotation } from '../../../src/core/store/annotation';
import { conflictQuestion } from '../../../src/core/store/conflictWords';
import { germanL10n } from '../../support/l10nBundles';
import { sampleAnnotation } from '../../support/annotations';

const proposal = {
  merged: { version: 1 as const, annotations: [sampleAnnotation({ id: 'a' }), sampleAnnotation({ id: 'b' }), sampleAnnotation({ id: 'c' })] as Annotation[] },
  oursCount: 2,
  theirsCount: 1,
};

describe('store: what resolving an annotation file with conflict markers asks', () => {
  it('counts each side and the result, with the folder name as plain text', () => {
    assert.equal(
      conflictQuestion(englishL10n, 'news', proposal),
      'The annotation file of news has git conflict markers. Merged by id: 2 annotations on our side, 1 on theirs, 3 in the result (shown). Write it?',
    );
    const question = conflictQuestion(englishL10n, '[click](command:aiNews.removeAnnotation)', proposal);
    assert.ok(!question.includes('](command:'), question);
  });

  it('asks in German', () => {
    const question = conflictQuestion(germanL10n(), 'news', proposal);
    assert.ok(question.includes('news') && question.includes('2') && question.includes('3'), question);
    assert.notEqual(question, conflictQuestion(englishL10n, 'news', proposal));
  });
});
