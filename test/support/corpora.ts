import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** data/corpora, found upwards from the bundled test. */
export function corpora(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'corpora', 'ner'))) return join(dir, 'data', 'corpora');
  }
  throw new Error(`data/corpora not found above ${__dirname}`);
}
