import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/store/annotation';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import { assigneePatch, refusalMessage, reviewVerdict, startCheckingPatch } from '../../../src/core/team/reviewActions';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { workflowState } from '../../../src/core/team/workflow';
import { assigneeKey, awaitsMyReview, blindVisible, myWorkCounts, passesWorkFilter } from '../../../src/core/team/myWork';
import { sampleAnnotation } from '../../support/annotations';
import { random } from '../../support/random';
import { SAME_CLAIM_IOU, spanIoU } from '../../../src/core/agreement/agreement';

const required: TeamConfig = {
  ...DEFAULT_TEAM,
  secondReview: 'required',
  statuses: [{ id: 'waiting', label: { en: 'Waiting for source' }, verdict: false }],
};
const AT = '2025-02-01T10:00:00.000Z';
const annaDisputed = (overrides: Partial<Annotation> = {}): Annotation => sampleAnnotation({ status: 'disputed', author: 'Anna', ...overrides });

/** Applies a review outcome's patch as the store would (the review field only). */
function reviewed(annotation: Annotation, reviewer: string, result: 'approved' | 'changes-requested', note = ''): Annotation {
  const outcome = reviewVerdict(annotation, required, reviewer, result, AT, note);
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  return { ...annotation, review: outcome.kind === 'ok' ? outcome.patch.review ?? undefined : undefined };
}

describe('team/reviewActions: approve, request changes, start checking', () => {
  it('an approval by a second person makes the verdict final; it names the verdict it saw', () => {
    const approved = reviewed(annaDisputed(), 'Ben', 'approved');
    assert.deepEqual(approved.review, { by: 'Ben', at: AT, result: 'approved', status: 'disputed' });
    assert.equal(workflowState(approved, required), 'final');
    assert.equal(workflowState({ ...approved, status: 'verified' }, required), 'awaiting-review', 'a verdict changed after approval waits again');
  });

  it('refuses self-approval: the author, and whoever set the current verdict', () => {
    assert.deepEqual(reviewVerdict(annaDisputed(), required, 'Anna', 'approved', AT), { kind: 'refused', reason: 'own-verdict' });
    const changedByBen = annaDisputed({ history: [{ status: 'verified', at: AT, author: 'Anna' }, { status: 'disputed', at: AT, author: 'Ben' }] });
    assert.deepEqual(reviewVerdict(changedByBen, required, 'Ben', 'approved', AT), { kind: 'refused', reason: 'own-verdict' });
    assert.equal(reviewVerdict(changedByBen, required, 'Chen', 'approved', AT).kind, 'ok');
  });

  it('refuses a review of a work state, and a review by nobody', () => {
    assert.deepEqual(reviewVerdict(annaDisputed({ status: 'in-progress' }), required, 'Ben', 'approved', AT), { kind: 'refused', reason: 'not-a-verdict' });
    assert.deepEqual(reviewVerdict(annaDisputed({ status: 'waiting' }), required, 'Ben', 'approved', AT), { kind: 'refused', reason: 'not-a-verdict' });
    assert.deepEqual(reviewVerdict(annaDisputed(), required, '  ', 'approved', AT), { kind: 'refused', reason: 'no-reviewer' });
  });

  it('a request for changes keeps its note (an empty one is left out)', () => {
    const asked = reviewed(annaDisputed(), 'Ben', 'changes-requested', 'Quelle fehlt');
    assert.equal(asked.review?.note, 'Quelle fehlt');
    assert.equal(workflowState(asked, required), 'changes-requested');
    assert.equal(reviewed(annaDisputed(), 'Ben', 'changes-requested', ' ').review?.note, undefined);
  });

  it('start checking: in progress and assigned to me; an empty assignee removes the assignment', () => {
    assert.deepEqual(startCheckingPatch('Ben'), { status: 'in-progress', assignee: 'Ben' });
    assert.deepEqual(assigneePatch(' Chen '), { assignee: 'Chen' });
    assert.deepEqual(assigneePatch(''), { assignee: null });
  });
});

describe('team/myWork: my assignments, my reviews, blind double check', () => {
  const items = [
    annaDisputed({ id: 'mine-to-review' }),
    annaDisputed({ id: 'own', author: 'Ben' }),
    annaDisputed({ id: 'approved', review: { by: 'Chen', at: AT, result: 'approved', status: 'disputed' } }),
    sampleAnnotation({ id: 'checking', status: 'in-progress', assignee: 'Ben' }),
    annaDisputed({ id: 'asked', assignee: 'Ben', review: { by: 'Chen', at: AT, result: 'changes-requested', status: 'disputed' } }),
    annaDisputed({ id: 'assigned-final', assignee: 'Ben', review: { by: 'Chen', at: AT, result: 'approved', status: 'disputed' } }),
  ];

  it('counts what awaits me: assigned work not yet final, and others\' verdicts awaiting review', () => {
    assert.deepEqual(myWorkCounts(items, required, 'Ben'), { assigned: 2, toReview: 1 });
    assert.deepEqual(myWorkCounts(items, { ...required, secondReview: 'off' }, 'Ben'), { assigned: 1, toReview: 0 });
    assert.equal(awaitsMyReview(items[1], required, 'Ben'), false, 'never my own verdict');
  });

  it('filters: assigned to me lists every assignment; awaiting my review only others\' open verdicts', () => {
    const ids = (filter: 'assigned-to-me' | 'awaiting-my-review'): string[] => items.filter((a) => passesWorkFilter(a, filter, required, 'Ben')).map((a) => a.id);
    assert.deepEqual(ids('assigned-to-me'), ['checking', 'asked', 'assigned-final']);
    assert.deepEqual(ids('awaiting-my-review'), ['mine-to-review']);
    assert.equal(items.every((a) => passesWorkFilter(a, undefined, required, 'Ben')), true);
    assert.deepEqual(items.map(assigneeKey), ['', '', '', 'Ben', 'Ben', 'Ben']);
  });

  it('blind: another\'s verdict is hidden until I gave mine on the same claim (IoU >= 0.5)', () => {
    const anna = annaDisputed({ id: 'anna', position: { start: 10, end: 30 } });
    const elsewhere = annaDisputed({ id: 'elsewhere', position: { start: 100, end: 120 } });
    assert.deepEqual(blindVisible([anna, elsewhere], required, 'Ben', true), []);
    const benChecking = sampleAnnotation({ id: 'ben', author: 'Ben', status: 'in-progress', position: { start: 12, end: 30 } });
    assert.deepEqual(blindVisible([anna, benChecking], required, 'Ben', true).map((a) => a.id), ['ben'], 'a work state is no verdict');
    const benVerdict = { ...benChecking, status: 'verified' };
    assert.deepEqual(blindVisible([anna, benVerdict, elsewhere], required, 'Ben', true).map((a) => a.id), ['anna', 'ben']);
    const barelyOverlapping = { ...benVerdict, position: { start: 25, end: 60 } };
    assert.deepEqual(blindVisible([anna, barelyOverlapping], required, 'Ben', true).map((a) => a.id), ['ben']);
  });

  it('blind off, or nothing hidden: the same array', () => {
    const list = [annaDisputed()];
    assert.equal(blindVisible(list, required, 'Ben', false), list);
    assert.equal(blindVisible(list, required, 'Anna', true), list);
  });

  it('blind: the windowed search hides exactly what comparing every pair would (random spans, empty ones too)', () => {
    const next = random(13);
    const span = (): { start: number; end: number } => {
      const start = Math.floor(next() * 200);
      return { start, end: start + Math.floor(next() * 40) };
    };
    for (let round = 0; round < 200; round += 1) {
      const list = Array.from({ length: 12 }, (_, i) => sampleAnnotation({ id: `x${i}`, author: next() < 0.3 ? 'Ben' : 'Anna', status: next() < 0.2 ? 'in-progress' : 'disputed', position: span() }));
      const mine = list.filter((a) => a.author === 'Ben' && a.status !== 'in-progress');
      const expected = list.filter((a) => a.author === 'Ben' || mine.some((m) => spanIoU(m.position, a.position) >= SAME_CLAIM_IOU));
      assert.deepEqual(blindVisible(list, required, 'Ben', true).map((a) => a.id), expected.map((a) => a.id), `round ${round}`);
    }
  });
});

describe('team: why a review is refused, in words', () => {
  it('names me (inert) for my own verdict, the work state, and how to set a name', () => {
    const words = wordsFor(englishL10n, 'en');
    const own = refusalMessage(words, 'own-verdict', sampleAnnotation(), 'Anna\n[x](command:y)');
    assert.match(own, /^You \(Anna \[x\]\u200b\(command:y\)\) gave this verdict/, 'the name cannot become a link or a second line');
    assert.equal(refusalMessage(words, 'not-a-verdict', sampleAnnotation({ status: 'in-progress' }), 'Anna'), '"in progress" is a work state, not a verdict: there is nothing to review yet.');
    assert.match(refusalMessage(words, 'no-reviewer', sampleAnnotation(), ''), /aiNews\.author/);
  });
});
