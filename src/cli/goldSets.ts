/**
 * Readers of the hand-labelled article sets: gold JSON labels next to their texts, and the annotated
 * master format of the labelling guidelines. Used by `npm run eval` and by the claim trainer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnnotated, type GoldLabels } from '../core/analysis/scoring';

export interface Article {
  name: string;
  /** The file the text was read from (corrections of `.ainews/feedback.json` are matched by it). */
  path: string;
  text: string;
  gold: GoldLabels;
}

/** Every `*.json` label file of `labelsDir` with the text it names (in `textsDir`). */
export function readJsonSet(labelsDir: string, textsDir: string): Article[] {
  return readdirSync(labelsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(readFileSync(join(labelsDir, f), 'utf8')) as GoldLabels & { source?: string };
      const source = data.source ?? f.replace(/\.json$/, '.txt');
      return { name: source, path: join(textsDir, source), text: readFileSync(join(textsDir, source), 'utf8'), gold: data };
    });
}

/** Every `*.ann.md` / `*.ann.txt` file of `dir`, in the annotated master format. */
export function readAnnotatedSet(dir: string): Article[] {
  return readdirSync(dir)
    .filter((f) => /\.ann\.(md|txt)$/.test(f))
    .sort()
    .map((f) => {
      const { text, labels } = parseAnnotated(readFileSync(join(dir, f), 'utf8'));
      return { name: f, path: join(dir, f), text, gold: labels };
    });
}
