import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/analysis/types';
import { ArticleSession, type ArticleSnapshot, type PlacedAnnotation } from '../../../src/core/session/articleSession';
import { colorDotUri, DECORATION_KINDS, followEdits, FULL_PAINT_LIMIT, fullHex, planDecorations, planSnapshot, repaintsOnScroll, sameSpans, ShownSpans, windowLines, type HighlightSettings } from '../../../src/core/session/decorationPlan';
import { DECORATION_STYLES, tagColorStyle, teamColorStyle } from '../../../src/core/session/decorationStyles';
import type { Span } from '../../../src/core/span';
import type { Annotation, Status } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';

const ARTICLE = ' date 2020-01 Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft derzeit GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.';
const ALL_ON: HighlightSettings = { highlight: { claims: true, numbers: true, entities: true }, claimScoreThreshold: 0 };
const TEAM: TeamConfig = {
  ...DEFAULT_TEAM,
  statuses: [{ id: 'needs-source', label: { en: 'Needs source' }, color: '#C60', verdict: false }, { id: 'parked', label: { en: 'Parked' }, verdict: false }],
  tags: [{ name: 'Finance', color: '#0A0' }],
};

function placed(status: Status, span: Span | undefined, extra: Partial<Annotation> & { fuzzy?: boolean; flagged?: boolean } = {}): PlacedAnnotation {
  const annotation = { id: `${status}-${span?.start}`, article: 'a.md', status, quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 7, end: 9 }, note: '', created: '', modified: '', author: 'A', ...extra } as Annotation;
  return { annotation, state: extra.fuzzy ? 'fuzzy' : span ? 'exact' : 'orphaned', span, flags: extra.flagged ? ['needs re-check'] : [] } as PlacedAnnotation;
}

const orphanLine = (offset: number): Span => ({ start: offset - 1, end: offset - 1 });

describe('decorationPlan: what the painter draws of a snapshot', () => {
  it('sorts findings by kind, with the claim threshold and the highlight switches', () => {
    const session = new ArticleSession(ARTICLE, 1, { analysis: {}, maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 });
    session.analyze();
    const snapshot = session.snapshot(new Date());
    const findings = snapshot.analysis!.findings;
    const all = planDecorations(findings, [], ALL_ON, [], orphanLine, DEFAULT_TEAM);
    for (const kind of ['claim', 'number', 'entity'] as const) assert.equal(all[kind].length, findings.filter((f) => f.kind === kind).length, kind);
    const noNumbers = planDecorations(findings, [], { ...ALL_ON, highlight: { ...ALL_ON.highlight, numbers: false } }, [], orphanLine, DEFAULT_TEAM);
    assert.deepEqual(noNumbers.number, []);
    const strict = planDecorations(findings, [], { ...ALL_ON, claimScoreThreshold: 1.01 }, [], orphanLine, DEFAULT_TEAM);
    assert.deepEqual(strict.claim, []);
  });

  it('paints annotations by status, team colour, tag colour, fuzzy, re-check and orphaned on their line', () => {
    const plan = planDecorations([], [
      placed('verified', { start: 1, end: 5 }, { flagged: true }),
      placed('disputed', { start: 6, end: 8 }, { fuzzy: true, tags: ['finance'] }),
      placed('needs-source', { start: 10, end: 12 }),
      placed('parked', { start: 13, end: 14 }),
      placed('outdated', undefined),
    ], ALL_ON, [{ start: 20, end: 30 }], orphanLine, TEAM);
    assert.deepEqual(plan.verified, [{ start: 1, end: 5 }]);
    assert.deepEqual(plan.needsRecheck, [{ start: 1, end: 5 }]);
    assert.deepEqual(plan.disputed, [{ start: 6, end: 8 }]);
    assert.deepEqual(plan.fuzzy, [{ start: 6, end: 8 }]);
    assert.deepEqual(plan.tagged, { '#0a0': [{ start: 6, end: 8 }] });
    assert.deepEqual(plan.colored, { '#c60': [{ start: 10, end: 12 }] });
    assert.deepEqual(plan.otherStatus, [{ start: 13, end: 14 }]);
    assert.deepEqual(plan.orphaned, [{ start: 6, end: 6 }], 'the line of its last position');
    assert.deepEqual(plan.outdated, [], 'an orphan has no status highlight');
    assert.deepEqual(plan.possiblyOutdated, [{ start: 20, end: 30 }]);
  });

  it('paints only the window of an article with many findings, asking for the window only then', () => {
    const findings: Finding[] = [];
    for (let i = 0; i <= FULL_PAINT_LIMIT; i++) findings.push({ kind: 'number', type: 'number', start: i * 10, end: i * 10 + 3, text: '123', value: 123 } as Finding);
    const snapshot = { analysis: { language: 'de', date: null, findings }, complete: true, placements: [placed('verified', { start: 99_990, end: 99_995 })], possiblyOutdated: [] } as unknown as ArticleSnapshot;
    let asked = 0;
    const plan = planSnapshot(snapshot, () => {
      asked += 1;
      return { start: 1000, end: 1100 };
    }, ALL_ON, orphanLine, DEFAULT_TEAM);
    assert.equal(asked, 1);
    assert.deepEqual(plan.number.map((s) => s.start), [1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090]);
    assert.equal(plan.verified.length, 1, 'every annotation, wherever it is');
    assert.equal(repaintsOnScroll(snapshot), true);
    const small = { ...snapshot, analysis: { ...snapshot.analysis!, findings: findings.slice(0, 10) } };
    assert.equal(planSnapshot(small, () => assert.fail('no window needed'), ALL_ON, orphanLine, DEFAULT_TEAM).number.length, 10);
    assert.equal(repaintsOnScroll(small), false);
    assert.equal(repaintsOnScroll({ ...small, complete: false }), true, 'an unfinished article fills in as it scrolls');
  });

  it('keeps the window inside the document, and writes team colours in full', () => {
    assert.deepEqual(windowLines(10, 40, 100), { first: 0, last: 99 });
    assert.deepEqual(windowLines(1000, 1040, 5000), { first: 800, last: 1240 });
    assert.equal(fullHex('#c60'), '#cc6600');
    assert.equal(fullHex('#cc6600'), '#cc6600');
    assert.match(decodeURIComponent(colorDotUri('#c60')), /^data:image\/svg\+xml;utf8,<svg .*fill="#c60"/);
  });

  it('keeps the painted window while scrolling stays half a margin inside it', () => {
    const window = windowLines(1000, 1040, 5000);
    assert.equal(windowLines(1050, 1090, 5000, window), window, 'a little scrolling keeps it');
    assert.deepEqual(windowLines(1150, 1190, 5000, window), { first: 950, last: 1390 }, 'too near its end: a new one');
    assert.deepEqual(windowLines(4000, 4040, 5000, window), { first: 3800, last: 4240 });
    const top = windowLines(0, 40, 5000);
    assert.equal(windowLines(5, 45, 5000, top), top, 'at the top of the document');
    assert.deepEqual(windowLines(1000, 1040, 1100, { first: 800, last: 1240 }), { first: 800, last: 1099 }, 'the document got shorter');
  });

  it('tells whether a decoration type already shows the same spans', () => {
    assert.equal(sameSpans([{ start: 1, end: 2 }], [{ start: 1, end: 2 }]), true);
    assert.equal(sameSpans([{ start: 1, end: 2 }], [{ start: 1, end: 3 }]), false);
    assert.equal(sameSpans([], [{ start: 1, end: 2 }]), false);
    assert.equal(sameSpans(undefined, []), false, 'never sent');
  });

  it('has a style for every kind; team and tag colours in full, the status with a tint and a gutter dot', () => {
    for (const kind of DECORATION_KINDS) assert.ok(DECORATION_STYLES[kind], kind);
    assert.equal(DECORATION_STYLES.verified.gutterIcon, 'verified');
    const team = teamColorStyle('#c60');
    assert.deepEqual([team.backgroundColor, team.borderColor, team.overviewRulerLane, team.growsAtEdges], ['#cc660026', '#cc6600', 'left', true]);
    assert.equal(team.gutterIcon, colorDotUri('#c60'));
    const tag = tagColorStyle('#0a0');
    assert.deepEqual([tag.after?.color, tag.overviewRulerLane, tag.backgroundColor, tag.gutterIcon], ['#00aa00', 'right', undefined, undefined]);
  });

  it('sends a decoration type again only when its spans changed in this version, and every type after an edit', () => {
    const shown = new ShownSpans<string>();
    const finding = { start: 5, end: 9 };
    assert.equal(shown.update(1, 'claim', [finding]), true, 'first paint');
    assert.equal(shown.update(1, 'verified', []), true);
    finding.end = 10; // the analyzer moves findings in place: what was sent is a copy
    assert.equal(shown.update(1, 'claim', [{ start: 5, end: 9 }]), false, 'same version, same spans');
    assert.equal(shown.update(1, 'verified', [{ start: 1, end: 2 }]), true, 'a verdict came');
    assert.equal(shown.update(1, 'verified', [{ start: 1, end: 2 }]), false);
    assert.equal(shown.update(2, 'claim', [{ start: 5, end: 9 }]), true, 'after an edit VS Code has moved them: sent again');
    assert.equal(shown.update(2, 'verified', [{ start: 1, end: 2 }]), true);
  });

  it('moves a span as VS Code moves a decoration, and gives up on one an edit touches, even at an edge', () => {
    const insert = (offset: number, text: string) => ({ offset, deletedLength: 0, insertedText: text });
    const remove = (offset: number, length: number) => ({ offset, deletedLength: length, insertedText: '' });
    assert.deepEqual(followEdits({ start: 10, end: 20 }, [insert(30, 'xy')]), { start: 10, end: 20 }, 'an edit after it');
    assert.deepEqual(followEdits({ start: 10, end: 20 }, [insert(5, 'xy')]), { start: 12, end: 22 }, 'an insertion before it');
    assert.deepEqual(followEdits({ start: 10, end: 20 }, [remove(2, 3)]), { start: 7, end: 17 }, 'a deletion before it');
    assert.deepEqual(followEdits({ start: 10, end: 20 }, [insert(30, 'x'), insert(0, 'ab'), remove(0, 1)]), { start: 11, end: 21 }, 'edits in the order they were made');
    for (const edit of [insert(10, 'x'), insert(20, 'x'), insert(15, 'x'), remove(8, 2), remove(19, 4), remove(0, 30)]) {
      assert.equal(followEdits({ start: 10, end: 20 }, [edit]), undefined, `touched by ${JSON.stringify(edit)}`);
    }
    assert.equal(followEdits({ start: 10, end: 10 }, [insert(10, 'x')]), undefined, 'an empty span (an orphan\'s line) at the insertion');
    assert.deepEqual(followEdits({ start: 10, end: 20 }, []), { start: 10, end: 20 });
  });

  it('after a keystroke sends only the types whose spans did not just move with the text', () => {
    const shown = new ShownSpans<string>();
    shown.update(1, 'claim', [{ start: 5, end: 9 }, { start: 40, end: 60 }]);
    shown.update(1, 'entity', [{ start: 20, end: 25 }]);
    shown.update(1, 'verified', []);
    // 'x' typed at 30: the claims and the entity lie before or after it; VS Code moved them.
    assert.equal(shown.follow(2, { from: 1, edits: [{ offset: 30, deletedLength: 0, insertedText: 'x' }] }), true, 'followed: the painter settles once typing pauses');
    assert.equal(shown.follow(2, { from: 1, edits: [{ offset: 30, deletedLength: 0, insertedText: 'x' }] }), false, 'already at that version');
    assert.equal(shown.update(2, 'claim', [{ start: 5, end: 9 }, { start: 41, end: 61 }]), false, 'moved as VS Code moved them');
    assert.equal(shown.update(2, 'entity', [{ start: 20, end: 26 }]), true, 'the analysis changed it');
    assert.equal(shown.update(2, 'verified', []), false);
    // 'y' typed inside the entity: that type is sent, whatever the analysis says.
    shown.follow(3, { from: 2, edits: [{ offset: 22, deletedLength: 0, insertedText: 'y' }] });
    assert.equal(shown.update(3, 'entity', [{ start: 20, end: 27 }]), true, 'touched: VS Code may have grown it');
    assert.equal(shown.update(3, 'claim', [{ start: 5, end: 9 }, { start: 42, end: 62 }]), false);
    // Edits from another version than the one shown (a snapshot was skipped): every type again.
    assert.equal(shown.follow(5, { from: 4, edits: [] }), false);
    assert.equal(shown.update(5, 'claim', [{ start: 5, end: 9 }, { start: 42, end: 62 }]), true);
    assert.equal(shown.follow(6, undefined), false);
    assert.equal(new ShownSpans<string>().follow(1, { from: 0, edits: [] }), false, 'nothing shown yet');
    assert.equal(shown.update(6, 'claim', [{ start: 5, end: 9 }, { start: 42, end: 62 }]), true, 'too many edits to keep');
  });

  it('once typing pauses, sends again only the types sent while typing', () => {
    const shown = new ShownSpans<string>();
    const claims = [{ start: 5, end: 9 }, { start: 40, end: 60 }];
    shown.update(1, 'claim', claims);
    shown.update(1, 'entity', [{ start: 20, end: 25 }]);
    shown.update(1, 'verified', [{ start: 70, end: 80 }]);
    shown.settle();
    assert.equal(shown.update(1, 'claim', claims), false, 'sent before any keystroke: placed in the text it was planned for');
    // 'y' typed inside the entity, then 'x' after the claims: the entity and the annotation are sent while typing.
    shown.follow(2, { from: 1, edits: [{ offset: 22, deletedLength: 0, insertedText: 'y' }] });
    assert.equal(shown.update(2, 'entity', [{ start: 20, end: 26 }]), true);
    shown.follow(3, { from: 2, edits: [{ offset: 65, deletedLength: 0, insertedText: 'x' }] });
    const verified = [{ start: 72, end: 82 }, { start: 90, end: 95 }];
    assert.equal(shown.update(3, 'verified', verified), true, 'a verdict came meanwhile');
    assert.equal(shown.update(3, 'entity', [{ start: 20, end: 26 }]), false, 'moved by VS Code since');
    shown.settle();
    assert.equal(shown.update(3, 'claim', [{ start: 5, end: 9 }, { start: 41, end: 61 }]), false, 'only moved by VS Code: left alone');
    assert.equal(shown.update(3, 'entity', [{ start: 20, end: 26 }]), true, 'sent while typing: sent again');
    assert.equal(shown.update(3, 'verified', verified), true);
    shown.settle();
    assert.equal(shown.update(3, 'entity', [{ start: 20, end: 26 }]), false, 'what the settling paint sent is at rest');
  });

  it('counts a paint sent at rest just before a keystroke as sent while typing (it may land after it)', () => {
    const shown = new ShownSpans<string>();
    assert.equal(shown.update(5, 'claim', [{ start: 10, end: 20 }]), true, 'the debounced analysis finished: sent at rest');
    shown.follow(6, { from: 5, edits: [{ offset: 0, deletedLength: 0, insertedText: 'x' }] });
    assert.equal(shown.update(6, 'claim', [{ start: 11, end: 21 }]), false, 'while typing: VS Code moved it');
    shown.settle();
    assert.equal(shown.update(6, 'claim', [{ start: 11, end: 21 }]), true, 'once typing pauses: sent again');
  });
});
