import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types';
import { englishL10n } from '../../../src/core/labels/l10n';
import type { ArticleSummary } from '../../../src/core/sidebar/findingGroups';
import { statusBarContent } from '../../../src/core/statusBar/statusBarContent';
import { germanL10n } from '../../support/l10nBundles';

const analysis = { findings: [] } as unknown as Analysis;
const summary: ArticleSummary = { claims: 12, reviewedClaims: 3, annotations: 5, verified: 2, disputed: 1, outdated: 0, fuzzy: 1, orphaned: 0, needsRecheck: 1, articleChanged: 0 };
const MB = 1024 * 1024;

describe('status bar: what it says about the active article', () => {
  it('counts reviewed claims and what needs a look, with why the file is an article', () => {
    const content = statusBarContent(englishL10n, { analysis, summary }, 'it matches articles/**', MB, undefined);
    assert.equal(content.text, '$(checklist) 3/12 claims reviewed · 1 disputed · 1 needs re-check');
    assert.deepEqual(content.tooltip.split('\n'), [
      '3 of 12 claims have a verdict',
      'Verdicts: 2 verified, 1 disputed, 0 outdated',
      '1 needs re-check (review date passed or verification too old)',
      '1 whose text changed: needs a second look',
      '',
      'Treated as an article because: it matches articles/**',
      'Click to open the AI News sidebar.',
    ]);
    assert.equal(content.warning, false);
  });

  it('waits for the whole analysis before counting, and warns about an article over the limit', () => {
    assert.equal(statusBarContent(englishL10n, { analysis, summary: undefined }, 'x', MB, undefined).text, '$(sync~spin) AI News: analysing…');
    const tooLarge = statusBarContent(englishL10n, { analysis: undefined, summary: undefined }, 'x', 2 * MB, undefined);
    assert.equal(tooLarge.text, '$(warning) AI News: too large to analyse');
    assert.match(tooLarge.tooltip, /larger than 2048 KB/);
    assert.equal(tooLarge.warning, true);
  });

  it('adds what awaits me in the folder, in every state, and nothing when nothing does', () => {
    const mine = statusBarContent(englishL10n, { analysis, summary }, 'x', MB, { assigned: 2, toReview: 1 });
    assert.match(mine.text, / · \$\(account\) 3 for you$/);
    assert.deepEqual(mine.tooltip.split('\n').slice(0, 3), ['Assigned to you, not final: 2', 'Awaiting your review: 1', '']);
    assert.match(statusBarContent(englishL10n, { analysis: undefined, summary: undefined }, 'x', MB, { assigned: 0, toReview: 4 }).text, /4 for you$/);
    assert.equal(statusBarContent(englishL10n, { analysis, summary }, 'x', MB, { assigned: 0, toReview: 0 }).text, statusBarContent(englishL10n, { analysis, summary }, 'x', MB, undefined).text);
  });

  it('says it in German with the shipped bundle', () => {
    const content = statusBarContent(germanL10n(), { analysis, summary: { ...summary, claims: 1, reviewedClaims: 0, needsRecheck: 0, fuzzy: 2, orphaned: 3, articleChanged: 1 } }, 'x', MB, { assigned: 1, toReview: 0 });
    assert.doesNotMatch(content.text + content.tooltip, /claims reviewed|for you|orphaned|Treated as/);
  });
});
