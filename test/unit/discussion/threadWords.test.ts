import assert from 'node:assert/strict';
import { CommentChangeError, commentView } from '../../../src/core/discussion/thread';
import { commentChangeFailure, commentLabel, controllerLabel, deletedMeanwhileLabel, deleteCommentQuestion, postedAsReplyMessage, replyBoxOptions, verdictBodyParts } from '../../../src/core/discussion/threadWords';
import { englishL10n } from '../../../src/core/labels/l10n';
import { germanL10n } from '../../support/l10nBundles';

describe('discussion: what a thread says', () => {
  it('labels the verdict and an edited comment, nothing else', () => {
    assert.equal(commentLabel(englishL10n, commentView({ kind: 'verdict', author: 'Anna', status: 'verified', markdown: '', at: '2025-03-01T10:00:00Z' })), 'verdict');
    assert.equal(commentLabel(englishL10n, { source: 'x', role: 'own', at: '2025-03-01T10:00:00Z', edited: true, commentId: 'c1' }), 'edited');
    assert.equal(commentLabel(englishL10n, { source: 'x', role: 'other', at: '2025-03-01T10:00:00Z', edited: false, commentId: 'c1' }), undefined);
  });

  it('shows the verdict\'s label in bold as text (not markup), then the note', () => {
    assert.deepEqual(verdictBodyParts('**Geprüft** [x](command:y)', 'Quelle: *Reuters*'), [
      { kind: 'markdown', value: '**' },
      { kind: 'text', value: '**Geprüft** [x](command:y)' },
      { kind: 'markdown', value: '**' },
      { kind: 'markdown', value: '\n\nQuelle: *Reuters*' },
    ]);
    assert.deepEqual(verdictBodyParts('verified', '').map((p) => p.value), ['**', 'verified', '**'], 'no empty note');
  });

  it('words a refused change and passes any other failure through', () => {
    assert.equal(commentChangeFailure(englishL10n, new CommentChangeError('empty')), 'A comment needs some text.');
    assert.match(commentChangeFailure(englishL10n, new CommentChangeError('gone')), /^This comment no longer exists: it was deleted/);
    assert.equal(commentChangeFailure(englishL10n, new CommentChangeError('not-yours', 'Ben')), 'Only Ben can change this comment.');
    assert.equal(commentChangeFailure(englishL10n, new Error('disk full')), 'disk full');
    assert.equal(commentChangeFailure(englishL10n, 'odd'), 'odd');
  });

  it('has every word in German', () => {
    const german = germanL10n();
    const all = (l10n: typeof englishL10n): string[] => [
      controllerLabel(l10n),
      ...Object.values(replyBoxOptions(l10n)),
      deletedMeanwhileLabel(l10n),
      postedAsReplyMessage(l10n),
      deleteCommentQuestion(l10n),
      commentChangeFailure(l10n, new CommentChangeError('not-yours', 'Ben')),
    ];
    const english = all(englishL10n);
    all(german).forEach((word, i) => assert.notEqual(word, english[i], `${english[i]} has no German words`));
  });
});
