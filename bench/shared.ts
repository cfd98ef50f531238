/** What the benchmark sections share: reproducible randomness and the seed articles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A small deterministic generator (mulberry32): every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
