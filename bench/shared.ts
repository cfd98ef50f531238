/** What the benchmark sections share: reproducible randomness and the seed articles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { random } from '../test/support/random';
import { analyze, IncrementalAnalyzer, type Lexicon } from '../src/core/analysis';

export { random };

const MB = 1 << 20;
/** One-character edits per measurement, and the target for their median. */
export const EDITS = 50;
export const EDIT_TARGET_MS = 5;

/** The repository's seeds/ folder, found upwards from the bundled script, else from the current folder. */
export function seedsFolder(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
      if (existsSync(join(dir, 'seeds', 'manifest.json'))) return join(dir, 'seeds');
    }
  }
  throw new Error(`seeds/ not found above ${__dirname} or ${process.cwd()}`);
}

/** The seed articles' texts, in file name order. */
export function seedTexts(): string[] {
  const folder = seedsFolder();
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds that `run` takes. */
export function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function mbPerSecond(chars: number, ms: number): string {
  return ((chars / MB) / (ms / 1000)).toFixed(2);
}

function row(cells: string[], widths: number[]): string {
  return '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(row(header, widths));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(row(r, widths));
}

/**
 * Times EDITS one-character edits at random places (inserting and deleting in turn, as typing and
 * backspace do), each re-analysed by an IncrementalAnalyzer.
 * @returns the first analysis's time and each edit's, in ms.
 * @throws Error when the last incremental result differs from a full analysis of the same text.
 */
export function timeOneCharacterEdits(text: string, lexicon: Lexicon, seed: number): { first: number; times: number[] } {
  const next = random(seed);
  const analyzer = new IncrementalAnalyzer({ lexicon });
  const first = time(() => analyzer.analyze(text));
  let current = text;
  const times: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const at = Math.floor(next() * current.length);
    current = edit % 2 === 0 ? current.slice(0, at) + 'e' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
    times.push(time(() => analyzer.analyze(current)));
  }
  if (JSON.stringify(analyzer.analyze(current)) !== JSON.stringify(analyze(current, { lexicon }))) {
    throw new Error('incremental analysis differs from a full analysis of the same text');
  }
  return { first, times };
}

/** The repository's test/fixtures folder, found like seeds/. */
export function fixturesFolder(): string {
  return join(dirname(seedsFolder()), 'test', 'fixtures');
}
