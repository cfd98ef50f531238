/**
 * Bench section `tagger-pair`: the shipped English tagger against another English tagger file, on
 * the same 1 MB of distinct English corpus text, in one process, alternating, so that a change of
 * model (16-bit weights, more features) is timed paired with the file before it:
 *
 *   git show bb5bac5:models/entities-en.bin > /tmp/en-8bit.bin
 *   AINEWS_BASELINE_TAGGER=/tmp/en-8bit.bin npm run bench -- tagger-pair
 *
 * Three measures, each the sum over chunks of 20 paragraphs of the fastest of the repeats for that
 * chunk (on cores shared with other work, a chunk's fastest run is the one nobody interrupted):
 * tagging with a fresh model (every word and pair learnt by the memo, as in a first analysis),
 * tagging with a warm one, and the whole analysis with a fresh model. Every figure is paired with
 * the baseline file in the same run; the baseline against itself shows the noise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchSection } from './bench';
import { printTable } from './shared';
import { distinctArticle } from './distinctText';
import { analyze, defaultLexicon, findEntities, findModelsDir, tokenize, type Lexicon } from '../src/core/analysis';
import { modelsOf } from '../src/core/analysis/models';
import { decodeTagger } from '../src/core/analysis/tagger/model';
import { tagEntities } from '../src/core/analysis/tagger/tagSentence';
import { roughSentenceStarts } from '../src/core/analysis/tagger/words';
import type { EntityFinding, Token } from '../src/core/analysis';

const REPEATS = 10;
const CHUNK = 20;

interface Paragraph {
  text: string;
  tokens: Token[];
  starts: number[];
  rules: EntityFinding[];
}

type Measure = 'fresh' | 'warm' | 'analysis';

/** Per chunk, the wall time of one measure with the model in `bytes` (a fresh model per call). */
function chunkTimes(bytes: Uint8Array, paragraphs: readonly Paragraph[], lexicon: Lexicon, measure: Measure): number[] {
  const model = decodeTagger(bytes);
  const models = modelsOf({ en: model });
  if (measure === 'warm') for (const p of paragraphs) tagEntities(model, p.tokens, p.text, p.starts, p.rules);
  const times: number[] = [];
  for (let at = 0; at < paragraphs.length; at += CHUNK) {
    const chunk = paragraphs.slice(at, at + CHUNK);
    const text = measure === 'analysis' ? chunk.map((p) => p.text).join('\n\n') : '';
    const start = performance.now();
    if (measure === 'analysis') analyze(text, { lexicon, models });
    else for (const p of chunk) tagEntities(model, p.tokens, p.text, p.starts, p.rules);
    times.push(performance.now() - start);
  }
  return times;
}

/** The sum over chunks of each chunk's fastest time, for each file, measured alternately. */
function fastest(files: readonly Uint8Array[], paragraphs: readonly Paragraph[], lexicon: Lexicon, measure: Measure): number[] {
  const best = files.map(() => new Array<number>(Math.ceil(paragraphs.length / CHUNK)).fill(Infinity));
  for (let r = 0; r < REPEATS; r++) {
    const order = r % 2 ? [...files.keys()].reverse() : [...files.keys()];
    for (const k of order) chunkTimes(files[k], paragraphs, lexicon, measure).forEach((t, c) => { best[k][c] = Math.min(best[k][c], t); });
  }
  return best.map((times) => times.reduce((a, t) => a + t, 0));
}

export const taggerPairBench: BenchSection = {
  name: 'tagger-pair',
  async run() {
    const baselineFile = process.env.AINEWS_BASELINE_TAGGER;
    const dir = findModelsDir();
    if (!baselineFile || !dir) {
      console.log('set AINEWS_BASELINE_TAGGER to an English tagger file to compare with (see bench/taggerPair.ts); skipped');
      return;
    }
    const baseline = readFileSync(baselineFile);
    const shipped = readFileSync(join(dir, 'entities-en.bin'));
    const lexicon = defaultLexicon();
    const paragraphs = distinctArticle('en', 1 << 20).split('\n\n').map((text) => {
      const tokens = tokenize(text);
      const starts = roughSentenceStarts(tokens);
      return { text, tokens, starts, rules: findEntities(tokens, text, 'en', lexicon, starts).findings };
    });
    const rows: string[][] = [];
    for (const measure of ['fresh', 'warm', 'analysis'] as const) {
      // The baseline twice: its two figures differ by the noise alone.
      const [base, again, mine] = fastest([baseline, baseline, shipped], paragraphs, lexicon, measure);
      rows.push([measure, `${base.toFixed(1)} ms`, `${again.toFixed(1)} ms (${(again / base).toFixed(3)}x)`, `${mine.toFixed(1)} ms`, `${(mine / base).toFixed(3)}x`]);
    }
    console.log(`1 MB of distinct English text, ${paragraphs.length} paragraphs in chunks of ${CHUNK}; sum of each chunk's fastest of ${REPEATS} runs.\n`);
    printTable(['measure', 'baseline file', 'baseline again (noise)', 'models/entities-en.bin', 'vs baseline'], rows);
  },
};
