/**
 * Bench section `keystroke`: one keystroke's work in the core, turn by turn, in plain Node (less
 * noisy than `npm run bench:editor`, which measures the same keystrokes inside VS Code with the views).
 *
 * The article and its 200 annotations are the editor bench's (see turns.ts), analysed completely.
 * Each of 50 keystrokes types one character at the start of a paragraph near the top, as the editor
 * bench does, and takes the turns of the editor's schedule (src/core/session/articleWork.ts): the
 * placements moved in the keystroke's turn, then the analysis slice, the assembly of the findings,
 * the content hash when the session needs it (in slices of turns of their own, summed here), the
 * snapshot, each in a turn of its own.
 *
 * Baseline in the same run: what a keystroke costs whatever the extension does, joining the 1 MB
 * article's lines into one string as VS Code's `getText()` does (the session's first step after the
 * debounce, and what VS Code's own merge-conflict extension does on every change).
 */
import type { BenchSection } from './bench';
import { median, printTable, time } from './shared';
import { annotationsOn, largeArticle } from './turns';
import { warmUpSteps } from '../src/core/analysis/analyzer';
import { ArticleSession } from '../src/core/session/articleSession';
import { contentHash } from '../src/core/review/contentHash';

const KEYSTROKES = 50;
const ROUNDS = 3;
const NOW = new Date('2026-01-01');

interface Steps {
  text: number[];
  edit: number[];
  analysis: number[];
  assembly: number[];
  hash: number[];
  snapshot: number[];
}

/** Types KEYSTROKES characters into a completely analysed session, timing each turn. */
async function typeInto(text: string): Promise<Steps> {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotationsOn(text));
  session.analyze();
  session.snapshot(NOW, contentHash(text));
  const steps: Steps = { text: [], edit: [], analysis: [], assembly: [], hash: [], snapshot: [] };
  const offset = text.indexOf('\n\n', 5000) + 2;
  let current = text;
  const lines = current.split('\n');
  for (let i = 0; i < KEYSTROKES; i++) {
    const at = offset + i;
    const next = current.slice(0, at) + 'x' + current.slice(at);
    steps.edit.push(time(() => session.edit(i + 2, [{ offset: at, deletedLength: 0, insertedText: 'x' }], () => next)));
    // What VS Code's getText() does: join the document's lines.
    steps.text.push(time(() => void lines.join('\n')));
    current = next;
    steps.analysis.push(time(() => session.analyze()));
    steps.assembly.push(time(() => session.assembleUntil(Infinity)));
    const hashing = performance.now();
    const hash = session.needsContentHash ? await session.contentHash(() => Promise.resolve()) : undefined;
    steps.hash.push(performance.now() - hashing);
    steps.snapshot.push(time(() => session.snapshot(NOW, hash)));
  }
  return steps;
}

const ms = (values: number[]): string => values.map((v) => v.toFixed(2)).join(' / ');

export const keystrokeBench: BenchSection = {
  name: 'keystroke',
  async run() {
    for (const step of warmUpSteps()) step();
    const text = largeArticle();
    const rounds: Steps[] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await typeInto(text));
    const row = (label: string, pick: (s: Steps) => number[]): string[] => [label, ms(rounds.map((r) => median(pick(r)))), ms(rounds.map((r) => Math.max(...pick(r))))];
    printTable(['1 MB article, 200 annotations, one keystroke', `median of ${KEYSTROKES}, ms (${ROUNDS} rounds)`, 'longest, ms'], [
      row('baseline: the document\'s text joined (VS Code\'s getText)', (s) => s.text),
      row('placements moved (the keystroke\'s turn)', (s) => s.edit),
      row('analysis slice: the changed paragraph', (s) => s.analysis),
      row('assembly: the findings spliced', (s) => s.assembly),
      row('content hash, when needed (its slices summed)', (s) => s.hash),
      row('snapshot', (s) => s.snapshot),
    ]);
  },
};
