import assert from 'node:assert/strict';
import { CLAIM_SIGNALS, reasonText } from '../../../src/core/analysis/claimSignals';
import type { ClaimFinding } from '../../../src/core/analysis/types';
import { claimReasonText } from '../../../src/core/labels/claimReasons';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';
import { germanL10n } from '../../support/l10nBundles';

const team: TeamConfig = { ...DEFAULT_TEAM, statuses: [{ id: 'needs-source', label: { en: 'Needs Source', de: 'Quelle fehlt' }, verdict: true }] };
const english = wordsFor(englishL10n, 'en');

describe('labels: the words of the editor', () => {
  let german: ReturnType<typeof wordsFor>;
  before(() => {
    german = wordsFor(germanL10n(), 'de-DE');
  });

  it('names statuses, the group of orphans and a team\'s own status in the UI language', () => {
    assert.equal(english.groupLabel('orphaned'), 'Orphaned');
    assert.equal(german.groupLabel('orphaned'), 'Verwaist');
    assert.equal(german.groupLabel('disputed'), 'Umstritten');
    assert.equal(german.groupLabel('needs-source', team), 'Quelle fehlt');
    assert.equal(german.verdictLabel('verified'), 'verifiziert');
    assert.equal(english.countedLabel('Disputed', 3), 'Disputed (3)');
  });

  it('keeps a type a newer analyser gives as it is, and says who is unassigned', () => {
    assert.equal(english.numberTypeLabel('percent'), 'percent');
    assert.equal(english.numberTypeLabel('ratio' as never), 'ratio');
    assert.equal(german.entityTypeLabel('org'), 'Organisation');
    assert.equal(german.entityTypeLabel('vehicle'), 'vehicle');
    assert.equal(english.assigneeLabel(''), 'Unassigned');
    assert.equal(english.assigneeLabel('Ben'), 'Ben');
  });

  it('has a German word for every state, flag, kind, workflow step and work filter', () => {
    const all = (w: typeof english): string[] => [
      ...(['exact', 'moved', 'fuzzy', 'orphaned'] as const).map(w.stateLabel),
      ...(['needs re-check', 'article changed since review'] as const).map(w.flagLabel),
      ...(['number', 'entity', 'claim'] as const).map(w.kindLabel),
      ...(['in-progress', 'awaiting-review', 'changes-requested', 'final'] as const).map(w.workflowLabel),
      ...(['assigned-to-me', 'awaiting-my-review'] as const).map(w.workFilterLabel),
    ];
    const de = all(german);
    assert.equal(new Set(de).size, de.length, 'every word differs');
    assert.notDeepEqual(de, all(english));
  });

  it('words a review with the verdict it approved, and the reviewer\'s note on its own line', () => {
    const review = { by: 'Ben', at: '2025-02-01T10:00:00Z', result: 'changes-requested' as const, status: 'disputed', note: 'Quelle?' };
    assert.deepEqual(english.reviewLines(sampleAnnotation({ review }), DEFAULT_TEAM), ['Changes requested by Ben on 2025-02-01 (verdict: Disputed)', 'Review note: Quelle?']);
    assert.deepEqual(english.reviewLines(sampleAnnotation({ review: { ...review, result: 'approved', note: undefined } }), DEFAULT_TEAM), ['Approved by Ben on 2025-02-01 (verdict: Disputed)']);
    assert.deepEqual(english.reviewLines(sampleAnnotation(), DEFAULT_TEAM), []);
  });
});

describe('labels: a claim\'s reasons', () => {
  it('words every signal of the claim table as the table does (the English is the l10n key)', () => {
    for (const signal of CLAIM_SIGNALS) {
      assert.equal(claimReasonText(englishL10n, { signal: signal.id, evidence: '"3 %"', against: false }), reasonText(signal, '"3 %"'), signal.id);
    }
  });

  it('translates every signal, marks reasons against a claim, and keeps an unknown signal as its id', () => {
    const german = germanL10n();
    for (const signal of CLAIM_SIGNALS) assert.doesNotThrow(() => claimReasonText(german, { signal: signal.id, evidence: 'x', against: false }), signal.id);
    assert.equal(claimReasonText(englishL10n, { signal: 'hedge', evidence: 'could', against: true }), 'against: hedged (could)');
    assert.equal(claimReasonText(englishL10n, { signal: 'wording', evidence: 'sagte', against: false }), 'wording typical of claims (sagte)');
    assert.equal(claimReasonText(englishL10n, { signal: 'newSignal', evidence: 'x', against: false }), 'newSignal');
    const claim = { signals: [{ signal: 'figure', evidence: '"3 %"', against: false }, { signal: 'hedge', evidence: 'might', against: true }] } as ClaimFinding;
    assert.equal(english.claimReasonsText(claim, '; '), 'names a figure ("3 %"); against: hedged (might)');
  });
});
