/** What the benchmark sections share: reproducible randomness and the seed articles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export { random } from '../test/support/random';

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

/** The repository's test/fixtures folder, found like seeds/. */
export function fixturesFolder(): string {
  return join(dirname(seedsFolder()), 'test', 'fixtures');
}
