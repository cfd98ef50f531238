/**
 * Bench section `feedback`: what honouring the team's corrections adds to an analysis. A German
 * article of 200,000 characters of distinct corpus text, 50 corrections (25 entities, 25 claims),
 * applied to its findings: unchanged text, text shifted by an edit above every correction, and every
 * correction orphaned (its words gone: the costliest case, the approximate search runs for each).
 * Baseline, measured in the same run: the analysis of the same text by the rules alone, which every
 * application of the corrections follows.
 */
import type { BenchSection } from './bench';
import { distinctArticle } from './distinctText';
import { analyze, NO_MODELS } from '../src/core/analysis';
import { applyFeedback, type Correction } from '../src/core/feedback';
import { makeQuote } from '../src/core/store/anchor';

const SIZE = 200_000;
const CORRECTIONS_PER_KIND = 25;
const RUNS = 20;

function medianMs(runs: number, task: () => void): number {
  task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export const feedbackBench: BenchSection = {
  name: 'feedback',
  run(): Promise<void> {
    const text = distinctArticle('de', SIZE);
    const findings = analyze(text, { models: NO_MODELS }).findings;
    const picked = [...findings.filter((f) => f.kind === 'entity').slice(0, CORRECTIONS_PER_KIND), ...findings.filter((f) => f.kind === 'claim').slice(0, CORRECTIONS_PER_KIND)];
    const corrections: Correction[] = picked.map((f, i) => ({
      id: String(i), article: 'a.md', kind: f.kind === 'claim' ? 'not-a-claim' : 'not-an-entity',
      quote: makeQuote(text, f.start, f.end), position: { start: f.start, end: f.end }, author: 'bench', created: '2026-01-01T00:00:00Z',
    }));
    const edited = `Ein neuer Absatz am Anfang.\n\n${text}`;
    const editedFindings = analyze(edited, { models: NO_MODELS }).findings;
    const orphaned = corrections.map((c) => ({ ...c, quote: { ...c.quote, exact: `${c.quote.exact} (entfernt)` } }));
    const baseline = medianMs(3, () => analyze(text, { models: NO_MODELS }));
    const rows: [string, number][] = [
      ['corrections applied, text unchanged', medianMs(RUNS, () => applyFeedback(text, findings, corrections))],
      ['corrections applied, text shifted by an edit above', medianMs(RUNS, () => applyFeedback(edited, editedFindings, corrections))],
      ['corrections applied, every one orphaned', medianMs(RUNS, () => applyFeedback(text, findings, orphaned))],
    ];
    console.log(`${text.length.toLocaleString('en')} characters, ${findings.length} findings, ${corrections.length} corrections (median of ${RUNS})`);
    console.log(`  baseline: analysis by the rules alone, same text      ${baseline.toFixed(1).padStart(8)} ms`);
    for (const [label, ms] of rows) console.log(`  ${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  (${((100 * ms) / baseline).toFixed(1)}% of the analysis)`);
    return Promise.resolve();
  },
};
