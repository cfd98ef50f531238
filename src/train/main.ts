/**
 * `npm run train`: rebuilds every shipped model from the corpora in data/corpora, with fixed seeds,
 * and writes the weights to models/.
 *
 *   node dist/train.js [MODEL...] [--feedback FILE]...      (default: all models)
 *
 * `--feedback FILE` (repeatable) adds a team's corrections, exported with `ai-news-annotator feedback
 * export`, to the training data of the models that read them (the claim model reads its claim records).
 *
 * Each trainer is one entry of TRAINERS; it reads its corpora, trains, writes its weights file and
 * prints what it measured.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimsTrainer } from './claims';
import { ENTITY_TRAINERS } from './entities';
import { LANGUAGE_TRAINER } from './language';
import { parseTrainArguments, TRAIN_USAGE, type TrainOptions } from './arguments';

export type { TrainOptions };

export interface Trainer {
  /** Short name, used on the command line and as the weights file's base name. */
  name: string;
  /** Trains and writes the weights below `modelsDir`. */
  run(modelsDir: string, options: TrainOptions): Promise<void> | void;
}

// The language model first: the entity trainers' cross-validation reads text through the analyzer.
const TRAINERS: Trainer[] = [LANGUAGE_TRAINER, ...ENTITY_TRAINERS, claimsTrainer];

async function main(argv: string[]): Promise<number> {
  const { models: wanted, options, help } = parseTrainArguments(argv);
  if (help) {
    console.log(TRAIN_USAGE);
    return 0;
  }
  const unknown = wanted.filter((name) => !TRAINERS.some((t) => t.name === name));
  if (unknown.length) {
    console.error(`unknown model: ${unknown.join(', ')} (known: ${TRAINERS.map((t) => t.name).join(', ') || 'none'})`);
    return 2;
  }
  const modelsDir = join(process.cwd(), 'models');
  mkdirSync(modelsDir, { recursive: true });
  for (const trainer of TRAINERS) {
    if (wanted.length && !wanted.includes(trainer.name)) continue;
    const started = Date.now();
    console.log(`\n> training ${trainer.name}`);
    await trainer.run(modelsDir, options);
    console.log(`  ${trainer.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
