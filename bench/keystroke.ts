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
 *
 * Then what each turn allocates (the heap's growth across it, from a round of its own in which
 * every turn is followed by an idle one; a turn in which the collector ran is left out): garbage
 * made per keystroke is what brings the collector's pauses into the editor's keystrokes.
 *
 * Then the first keystrokes after opening, in fresh processes (this script again, with
 * FIRST_KEYSTROKES_PROBE set): before V8 has optimised the edit path, a loop over every finding behind
 * the edit runs unoptimised, so these cost several times the median; the CPU time of each keystroke's
 * turns, next to the baseline's join in the same process.
 */
import { spawnSync } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';
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
  /** The analysis slice's CPU time (process.cpuUsage): unlike its wall time, it does not grow while the process waits for a core. */
  analysisCpu: number[];
  assembly: number[];
  hash: number[];
  snapshot: number[];
}

/**
 * Types KEYSTROKES characters into a completely analysed session, timing each turn. The session gets
 * the new text as the editor gives it: joined from the document's lines when first read (`getText`),
 * or, with `follow`, built from the text it has read through the edit, the editor checking its length.
 */
async function typeInto(text: string, follow: boolean): Promise<Steps> {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotationsOn(text));
  session.analyze();
  session.snapshot(NOW, contentHash(text));
  const steps: Steps = { text: [], edit: [], analysis: [], analysisCpu: [], assembly: [], hash: [], snapshot: [] };
  const offset = text.indexOf('\n\n', 5000) + 2;
  const lines = text.split('\n');
  const line = text.slice(0, offset).split('\n').length - 1;
  // What VS Code's getText() does: join the document's lines.
  const getText = (): string => lines.join('\n');
  for (let i = 0; i < KEYSTROKES; i++) {
    const at = offset + i;
    lines[line] = `${lines[line].slice(0, i)}x${lines[line].slice(i)}`; // the paragraph starts the line
    const length = text.length + i + 1;
    steps.edit.push(time(() => session.edit(i + 2, [{ offset: at, deletedLength: 0, insertedText: 'x' }], getText, follow ? (followed) => followed.length === length : undefined)));
    steps.text.push(time(() => void getText()));
    // The session reads its text first thing in the slice.
    const cpu = process.cpuUsage();
    steps.analysis.push(time(() => session.analyze()));
    const used = process.cpuUsage(cpu);
    steps.analysisCpu.push((used.user + used.system) / 1000);
    steps.assembly.push(time(() => session.assembleUntil(Infinity)));
    const hashing = performance.now();
    const hash = session.needsContentHash ? await session.contentHash(() => Promise.resolve()) : undefined;
    steps.hash.push(performance.now() - hashing);
    steps.snapshot.push(time(() => session.snapshot(NOW, hash)));
  }
  if (session.text !== getText()) throw new Error('the session\'s text is not the document\'s');
  return steps;
}

const ms = (values: number[]): string => values.map((v) => v.toFixed(2)).join(' / ');

/** Set in the environment of the child process that measures the first keystrokes after opening. */
export const FIRST_KEYSTROKES_PROBE = 'AINEWS_BENCH_FIRST_KEYSTROKES';
const FIRST_KEYSTROKES = 6;
const FRESH_PROCESSES = 3;

/** Milliseconds of this process's CPU time (all threads) that `run` takes. */
function cpuTime(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * In a fresh process (after the editor's warm-up steps): opens the article with its annotations and
 * types FIRST_KEYSTROKES characters, each keystroke's turns as the editor takes them (the text built
 * through the keystroke); the CPU time of each, and of joining the document's lines (the baseline).
 */
export function firstKeystrokesProbe(): { keystrokes: number[]; joins: number[] } {
  for (const step of warmUpSteps()) step();
  const text = largeArticle();
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotationsOn(text));
  session.analyze();
  session.snapshot(NOW, contentHash(text));
  const offset = text.indexOf('\n\n', 5000) + 2;
  const lines = text.split('\n');
  const keystrokes: number[] = [];
  const joins: number[] = [];
  for (let i = 0; i < FIRST_KEYSTROKES; i++) {
    const length = text.length + i + 1;
    const edit = { offset: offset + i, deletedLength: 0, insertedText: 'x' };
    joins.push(cpuTime(() => void lines.join('\n')));
    keystrokes.push(cpuTime(() => {
      session.edit(i + 2, [edit], () => {
        throw new Error('the text built through the keystroke is taken');
      }, (followed) => followed.length === length);
      session.analyze();
      session.assembleUntil(Infinity);
      session.snapshot(NOW, undefined);
    }));
  }
  return { keystrokes, joins };
}

/** firstKeystrokesProbe in a fresh process: this bench script again, with FIRST_KEYSTROKES_PROBE set. */
function firstKeystrokesInFreshProcess(): { keystrokes: number[]; joins: number[] } {
  const child = spawnSync(process.execPath, [process.argv[1]], { env: { ...process.env, [FIRST_KEYSTROKES_PROBE]: '1' }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the first-keystrokes probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { keystrokes: number[]; joins: number[] };
}

/**
 * Kilobytes each turn of a keystroke allocates, per turn: the keystroke's (the text followed through
 * it, in pieces), analysis, assembly, hash, snapshot. The session no longer joins the whole text
 * (2,034 KB per version before: see docs/performance.md).
 */
interface Allocations {
  edit: number[];
  analysis: number[];
  assembly: number[];
  hash: number[];
  snapshot: number[];
}

/**
 * Types KEYSTROKES characters as the editor does (the text built through the keystroke), each turn
 * followed by an idle one, and records how far the heap grew in each turn in which no garbage
 * collection ran (the observer reports collections in the idle turn after them).
 */
async function allocationsOf(text: string): Promise<Allocations> {
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ['gc'] });
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotationsOn(text));
  session.analyze();
  session.snapshot(NOW, contentHash(text));
  const kb: Allocations = { edit: [], analysis: [], assembly: [], hash: [], snapshot: [] };
  const turn = async (step: keyof Allocations, run: () => unknown): Promise<void> => {
    const before = collections;
    const heap = process.memoryUsage().heapUsed;
    await run();
    const grown = process.memoryUsage().heapUsed - heap;
    await new Promise((resolve) => setImmediate(resolve));
    if (collections === before) kb[step].push(grown / 1024);
  };
  const offset = text.indexOf('\n\n', 5000) + 2;
  for (let i = 0; i < KEYSTROKES; i++) {
    const length = text.length + i + 1;
    const edit = { offset: offset + i, deletedLength: 0, insertedText: 'x' };
    await turn('edit', () => session.edit(i + 2, [edit], () => {
      throw new Error('the text built through the keystroke is taken');
    }, (followed) => followed.length === length));
    await turn('analysis', () => session.analyze());
    await turn('assembly', () => session.assembleUntil(Infinity));
    let hash: string | undefined;
    await turn('hash', async () => {
      hash = session.needsContentHash ? await session.contentHash(() => Promise.resolve()) : undefined;
    });
    await turn('snapshot', () => session.snapshot(NOW, hash));
  }
  observer.disconnect();
  return kb;
}

const TYPED_FOR_COLLECTIONS = 300;

/**
 * Types TYPED_FOR_COLLECTIONS characters as the editor does (the text built through each keystroke,
 * then the slice, the assembly and the snapshot, the snapshot kept until the next one as the views
 * keep it) and counts the collector's major (mark-compact) collections and their pauses: a version's
 * text outlives the debounce, so what each keystroke keeps is what fills the old generation.
 */
async function majorCollectionsWhileTyping(text: string): Promise<{ count: number; ms: number }> {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotationsOn(text));
  session.analyze();
  let kept = session.snapshot(NOW, contentHash(text));
  const offset = text.indexOf('\n\n', 5000) + 2;
  const major = { count: 0, ms: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((((entry as { detail?: { kind?: number } }).detail?.kind ?? 0) & constants.NODE_PERFORMANCE_GC_MAJOR) !== 0) {
        major.count++;
        major.ms += entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  for (let i = 0; i < TYPED_FOR_COLLECTIONS; i++) {
    const length = text.length + i + 1;
    session.edit(i + 2, [{ offset: offset + i, deletedLength: 0, insertedText: 'x' }], () => {
      throw new Error('the text built through the keystroke is taken');
    }, (followed) => followed.length === length);
    session.analyze();
    session.assembleUntil(Infinity);
    kept = session.snapshot(NOW, undefined);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer reports a little later
  observer.disconnect();
  if (kept.version !== TYPED_FOR_COLLECTIONS + 1) throw new Error('a keystroke was not followed');
  return major;
}

export const keystrokeBench: BenchSection = {
  name: 'keystroke',
  async run() {
    for (const step of warmUpSteps()) step();
    const text = largeArticle();
    const rounds: Steps[] = [];
    const followed: Steps[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await typeInto(text, false));
      followed.push(await typeInto(text, true));
    }
    const row = (label: string, pick: (s: Steps) => number[]): string[] => [label, ms(rounds.map((r) => median(pick(r)))), ms(rounds.map((r) => Math.max(...pick(r))))];
    printTable(['1 MB article, 200 annotations, one keystroke', `median of ${KEYSTROKES}, ms (${ROUNDS} rounds)`, 'longest, ms'], [
      row('baseline: the document\'s text joined (VS Code\'s getText)', (s) => s.text),
      row('placements moved (the keystroke\'s turn)', (s) => s.edit),
      row('analysis slice: the changed paragraph, the text from getText', (s) => s.analysis),
      ['… the text built through the keystroke instead', ms(followed.map((r) => median(r.analysis))), ms(followed.map((r) => Math.max(...r.analysis)))],
      row('… its CPU time, the text from getText', (s) => s.analysisCpu),
      ['… its CPU time, the text built through the keystroke', ms(followed.map((r) => median(r.analysisCpu))), ms(followed.map((r) => Math.max(...r.analysisCpu)))],
      row('assembly: the findings spliced', (s) => s.assembly),
      row('content hash, when needed (its slices summed)', (s) => s.hash),
      row('snapshot', (s) => s.snapshot),
    ]);
    const kb = await allocationsOf(text);
    const kbRow = (label: string, values: number[]): string[] => [label, median(values).toFixed(0), Math.max(...values).toFixed(0), `${values.length}`];
    printTable(['one keystroke, the text built through it: heap allocated in', 'median KB', 'most KB', `turns without a collection, of ${KEYSTROKES}`], [
      kbRow('the keystroke\'s turn (the text followed in pieces, placements moved)', kb.edit),
      kbRow('analysis slice (windows of the text around the edit)', kb.analysis),
      kbRow('assembly: the findings spliced', kb.assembly),
      kbRow('content hash, when needed', kb.hash),
      kbRow('snapshot', kb.snapshot),
      ['in all (the medians summed)', Object.values(kb).reduce((sum, values) => sum + median(values), 0).toFixed(0), '', ''],
    ]);
    const collections = [await majorCollectionsWhileTyping(text), await majorCollectionsWhileTyping(text)];
    printTable([`${TYPED_FOR_COLLECTIONS} keystrokes, each analysed, assembled and its snapshot kept`, 'major collections (2 rounds)', 'their pauses summed, ms'], [
      ['the 1 MB article with 200 annotations', collections.map((c) => c.count).join(' / '), collections.map((c) => c.ms.toFixed(0)).join(' / ')],
    ]);
    const fresh = Array.from({ length: FRESH_PROCESSES }, firstKeystrokesInFreshProcess);
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    printTable([`the first ${FIRST_KEYSTROKES} keystrokes after opening, fresh processes`, `CPU ms, each keystroke (${FRESH_PROCESSES} processes)`, 'summed'], [
      ...fresh.map((f, i) => [`process ${i + 1}: the keystrokes' turns`, ms(f.keystrokes), sum(f.keystrokes).toFixed(1)]),
      ...fresh.map((f, i) => [`process ${i + 1}: baseline, the lines joined`, ms(f.joins), sum(f.joins).toFixed(1)]),
    ]);
  },
};
