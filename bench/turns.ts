/**
 * Bench section `turns`: the editor's turns while it opens a 1 MB article, in plain Node (faster and
 * less noisy than `npm run bench:editor`, which measures the same schedule inside VS Code).
 *
 * The article is the editor bench's (the seeds again and again, every line marked with its copy) with
 * 200 annotations on it. Each run opens it in a fresh ArticleSession and follows
 * src/editor/articleSessions.ts: analysis slices of 8 ms with the first screen first, a partial
 * publication once the screen is analysed, the final one when the analysis is complete. Every
 * publication assembles the findings, then builds the snapshot in a turn of its own.
 *
 * Baseline in the same run: the assembly in one turn (`analysisSoFar()` at once, as before issue 12's
 * assembly in parts). Target: no turn over 50 ms; the findings of both are identical, and identical
 * to a whole-text analysis.
 *
 * Then hover and light bulb in the middle of the article, after the first slices: what the editor
 * does in their turn (`at` and, on a claim, `suggestsOutdated`). Baseline: the same turn as before
 * (the split finished in the hover's turn, the whole result assembled for the article's date).
 */
import { createHash } from 'node:crypto';
import type { BenchSection } from './bench';
import { median, printTable, seedTexts } from './shared';
import { analyze, warmUpSteps } from '../src/core/analysis/analyzer';
import type { Finding } from '../src/core/analysis/types';
import { ArticleSession } from '../src/core/session/articleSession';
import { makeQuote } from '../src/core/store/anchor';
import type { Annotation } from '../src/core/store/annotation';
import { contentHash } from '../src/core/review/contentHash';

const TARGET_BYTES = 1024 * 1024;
const ANNOTATIONS = 200;
const SLICE_BUDGET_MS = 8;
const SCREEN: { start: number; end: number }[] = [{ start: 0, end: 6000 }];
const RUNS = 3;
const TURN_TARGET_MS = 50;

/** The editor bench's article: the seeds again and again, every line marked with its copy. */
export function largeArticle(): string {
  const texts = seedTexts().map((t) => t.replace(/^ date \d{4}-\d{2} /, ''));
  let text = ' date 2025-01 KI-Nachrichten, gesammelt\n\n';
  for (let i = 0; Buffer.byteLength(text) < TARGET_BYTES; i++) {
    text += `${texts[i % texts.length].split('\n').map((line) => (line.trim() ? `${line} (${i})` : line)).join('\n')}\n\n`;
  }
  return text;
}

/** ANNOTATIONS verdicts on sentences spread evenly through the article, as in the editor bench. */
export function annotationsOn(text: string): Annotation[] {
  const hash = contentHash(text);
  return Array.from({ length: ANNOTATIONS }, (_, i): Annotation => {
    const from = text.indexOf('. ', Math.floor(((i + 0.5) / ANNOTATIONS) * text.length)) + 2;
    const end = text.indexOf('.', from + 20) + 1;
    return {
      id: `bench-${String(i).padStart(3, '0')}`, article: 'bench.md', status: (['verified', 'disputed', 'outdated'] as const)[i % 3],
      quote: makeQuote(text, from, end), position: { start: from, end }, note: `Anmerkung ${i}`,
      created: '2025-02-01T10:00:00.000Z', modified: '2025-02-01T10:00:00.000Z', author: 'Bench', articleHash: hash,
    };
  });
}

interface Turns {
  slices: number[];
  /** Each slice's CPU time (process.cpuUsage): unlike its wall time, it does not grow while the process waits for a core. */
  sliceCpu: number[];
  assembly: number[];
  snapshot: number[];
  findings: Finding[];
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Opens the article the way the editor does; `inParts` assembles with a deadline per turn. */
function openArticle(text: string, annotations: Annotation[], inParts: boolean): Turns {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  session.setAnnotations(annotations);
  const hash = contentHash(text);
  const turns: Turns = { slices: [], sliceCpu: [], assembly: [], snapshot: [], findings: [] };
  const publish = (): void => {
    if (inParts) {
      for (let done = false; !done;) turns.assembly.push(timed(() => (done = session.assembleUntil(performance.now() + SLICE_BUDGET_MS))));
    } else {
      turns.assembly.push(timed(() => session.analysisSoFar()));
    }
    turns.snapshot.push(timed(() => session.snapshot(new Date('2026-01-01'), hash)));
  };
  let publishPartial = true;
  for (let complete = false; !complete;) {
    const cpu = process.cpuUsage();
    turns.slices.push(timed(() => (complete = session.analyze({ priority: SCREEN, deadline: performance.now() + SLICE_BUDGET_MS }))));
    const used = process.cpuUsage(cpu);
    turns.sliceCpu.push((used.user + used.system) / 1000);
    if (complete || (publishPartial && session.isAnalysed(SCREEN))) {
      publishPartial = false;
      publish();
    }
  }
  turns.findings = session.analysisSoFar()?.findings ?? [];
  return turns;
}

/** Slices after which the hover comes: while the article is still being split, and midway through its analysis. */
const HOVER_AFTER_SLICES = [1, 2, 3, 20];

/** The turn of a hover and the light bulb in the middle of the article after `slices` slices; `before` as before this change. */
function hoverTurn(text: string, slices: number, before: boolean): { ms: number; answered: boolean } {
  const session = new ArticleSession(text, 1, { analysis: {}, maxVerifiedAgeDays: 365, maxArticleAgeDays: 180 });
  for (let i = 0; i < slices; i++) session.analyze({ priority: SCREEN, deadline: performance.now() + SLICE_BUDGET_MS });
  const offset = text.indexOf('Prozent', text.length / 2);
  const now = new Date('2026-01-01');
  let answered = false;
  const turn = timed(() => {
    const claim = session.at(offset, before ? Infinity : undefined).findings.find((f) => f.kind === 'claim');
    if (before) session.analysisSoFar();
    if (claim?.kind === 'claim') session.suggestsOutdated(claim, now);
    answered = claim !== undefined;
  });
  return { ms: turn, answered };
}

function digest(findings: readonly Finding[]): string {
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 12);
}

const ms = (values: number[]): string => values.map((v) => v.toFixed(1)).join(' / ');
const longest = (values: number[]): number => Math.max(...values);

export const turnsBench: BenchSection = {
  name: 'turns',
  async run() {
    for (const step of warmUpSteps()) step();
    const text = largeArticle();
    const annotations = annotationsOn(text);
    const oneTurn: Turns[] = [];
    const inParts: Turns[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternating, so that load and the JIT's progress fall on both alike.
      oneTurn.push(openArticle(text, annotations, false));
      inParts.push(openArticle(text, annotations, true));
    }
    const hovers = HOVER_AFTER_SLICES.map((slices) => {
      const before: ReturnType<typeof hoverTurn>[] = [];
      const now: ReturnType<typeof hoverTurn>[] = [];
      for (let run = 0; run < RUNS; run++) {
        before.push(hoverTurn(text, slices, true));
        now.push(hoverTurn(text, slices, false));
      }
      const answered = now.filter((h) => h.answered).length;
      return [
        `hover and light bulb after ${slices} slice${slices > 1 ? 's' : ''}`,
        ms(now.map((h) => h.ms)),
        `before: ${ms(before.map((h) => h.ms))}; the claim found ${answered} of ${RUNS} times (before: always)`,
      ];
    });
    const whole = digest(analyze(text).findings);
    const digests = [...oneTurn, ...inParts].map((t) => digest(t.findings));
    const rows = (name: string, all: Turns[]): string[][] => [
      [`${name}: longest analysis slice`, ms(all.map((t) => longest(t.slices))), ''],
      [`${name}: longest analysis slice, CPU time`, ms(all.map((t) => longest(t.sliceCpu))), `CPU summed over the slices: ${ms(all.map((t) => t.sliceCpu.reduce((a, b) => a + b, 0)))}`],
      [`${name}: longest assembly turn`, ms(all.map((t) => longest(t.assembly))), `${median(all.map((t) => t.assembly.length))} turns (median)`],
      [`${name}: longest snapshot turn`, ms(all.map((t) => longest(t.snapshot))), ''],
    ];
    const worst = longest(inParts.map((t) => Math.max(longest(t.slices), longest(t.assembly), longest(t.snapshot))));
    printTable(['1 MB article, 200 annotations, opened', `ms (${RUNS} runs)`, ''], [
      ...rows('assembly in one turn (baseline)', oneTurn),
      ...rows('assembly in parts', inParts),
      ['longest turn, assembly in parts', worst.toFixed(1), `target <= ${TURN_TARGET_MS} ms ${worst <= TURN_TARGET_MS ? 'ok' : 'MISSED'}`],
      ...hovers,
      ['findings digest (whole-text analysis)', `${digests.every((d) => d === whole) ? 'all runs equal' : 'DIFFERENT'}`, `${whole}, ${inParts[0].findings.length} findings`],
    ]);
  },
};
