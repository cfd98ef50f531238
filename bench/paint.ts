/**
 * Bench section `paint`: what the painter plans when an article's snapshot is published, in plain
 * Node (the part of the views' reaction that does not need VS Code; `npm run bench:editor` times the
 * whole reaction inside VS Code).
 *
 * The article and its 200 annotations are the editor bench's (see turns.ts), analysed completely.
 * Shipped: the findings of the painted window (400 lines around a screen in the middle) and every
 * annotation (planSnapshot), then the check whether each decoration type already shows those spans
 * (sameSpans, against the plan of the same version). Baseline in the same run: planning every
 * finding of the article, as a full paint would.
 */
import type { BenchSection } from './bench';
import { median, printTable, time } from './shared';
import { annotationsOn, largeArticle } from './turns';
import { warmUpSteps } from '../src/core/analysis/analyzer';
import { ArticleSession } from '../src/core/session/articleSession';
import { DECORATION_KINDS, planDecorations, planSnapshot, sameSpans, VISIBLE_MARGIN_LINES, type HighlightSettings } from '../src/core/session/decorationPlan';
import { DEFAULT_TEAM } from '../src/core/team/team';

const ROUNDS = 50;
const SETTINGS: HighlightSettings = { highlight: { claims: true, numbers: true, entities: true }, claimScoreThreshold: 0.45 };

/** The offsets of `lines` lines around the middle of the text: the painted window of a screen there. */
function middleWindow(text: string, lines: number): { start: number; end: number } {
  let start = text.length / 2;
  let end = start;
  for (let i = 0; i < lines / 2; i++) start = Math.max(0, text.lastIndexOf('\n', start - 1));
  for (let i = 0; i < lines / 2 && end >= 0; i++) end = text.indexOf('\n', end + 1);
  return { start, end: end < 0 ? text.length : end };
}

export const paintBench: BenchSection = {
  name: 'paint',
  async run() {
    for (const step of warmUpSteps()) step();
    const text = largeArticle();
    const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
    session.setAnnotations(annotationsOn(text));
    session.analyze();
    const snapshot = session.snapshot(new Date('2026-01-01'));
    const findings = snapshot.analysis!.findings;
    const window = middleWindow(text, 2 * VISIBLE_MARGIN_LINES + 40);
    const orphanLine = (offset: number) => ({ start: offset, end: offset });
    const whole: number[] = [];
    const windowed: number[] = [];
    const check: number[] = [];
    let painted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating, so that load and the JIT's progress fall on both alike.
      whole.push(time(() => planDecorations(findings, snapshot.placements, SETTINGS, snapshot.possiblyOutdated, orphanLine, DEFAULT_TEAM)));
      let plan = planSnapshot(snapshot, () => window, SETTINGS, orphanLine, DEFAULT_TEAM);
      windowed.push(time(() => (plan = planSnapshot(snapshot, () => window, SETTINGS, orphanLine, DEFAULT_TEAM))));
      const again = planSnapshot(snapshot, () => window, SETTINGS, orphanLine, DEFAULT_TEAM);
      check.push(time(() => DECORATION_KINDS.every((kind) => sameSpans(plan[kind], again[kind]))));
      painted = DECORATION_KINDS.reduce((sum, kind) => sum + plan[kind].length, 0);
    }
    printTable(['1 MB article, 200 annotations, one publication', `ms (median of ${ROUNDS})`, ''], [
      ['plan of every finding (baseline: a full paint)', median(whole).toFixed(2), `${findings.length} findings`],
      ['plan of the painted window and every annotation (shipped)', median(windowed).toFixed(2), `${painted} spans painted`],
      ['  is every decoration type unchanged? (the reuse check)', median(check).toFixed(3), ''],
    ]);
  },
};
