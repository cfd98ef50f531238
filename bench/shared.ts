/** What the benchmark sections share: reproducible randomness and the seed articles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export { random } from '../test/support/random';

const MB = 1 << 20;

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
