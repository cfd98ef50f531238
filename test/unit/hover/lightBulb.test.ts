import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/analysis/types';
import { feedbackActions, verdictActions } from '../../../src/core/hover/lightBulb';
import { englishL10n } from '../../../src/core/labels/l10n';
import { germanL10n } from '../../support/l10nBundles';

const span = { start: 4, end: 9 };

describe('hover: the light bulb\'s entries', () => {
  it('offers the three verdicts on the span, "outdated" first and preferred when the wording suggests it', () => {
    assert.deepEqual(verdictActions(englishL10n, span, false).map((a) => [a.title, a.command, a.preferred]), [
      ['AI News: Mark verified', 'aiNews.markVerified', false],
      ['AI News: Mark disputed', 'aiNews.markDisputed', false],
      ['AI News: Mark outdated', 'aiNews.markOutdated', false],
    ]);
    const suggested = verdictActions(englishL10n, span, true);
    assert.deepEqual(suggested[0], { title: 'AI News: Mark outdated (time-sensitive wording in an old article)', command: 'aiNews.markOutdated', target: span, preferred: true });
    assert.equal(suggested.length, 3);
  });

  it('offers the corrections of the entity and the claim under the cursor, on their own spans', () => {
    const entity = { kind: 'entity', start: 0, end: 3 } as Finding;
    const claim = { kind: 'claim', start: 0, end: 30 } as Finding;
    assert.deepEqual(feedbackActions(englishL10n, [claim, entity]).map((a) => [a.command, a.target.end]), [['aiNews.notAnEntity', 3], ['aiNews.wrongEntityType', 3], ['aiNews.notAClaim', 30]]);
    assert.deepEqual(feedbackActions(englishL10n, []), []);
    assert.doesNotThrow(() => feedbackActions(germanL10n(), [claim, entity]).concat(verdictActions(germanL10n(), span, true)));
  });
});
