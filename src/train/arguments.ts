/** The command line of `npm run train` (src/train/main.ts), apart so that it can be tested without training. */

/** What the command line gives every trainer besides the models folder. */
export interface TrainOptions {
  /** Feedback exports (JSONL in the corpora format) to train on as well, as given on the command line. */
  feedback: string[];
  /**
   * More shuffling seeds for the entity models' cross-validation (`--cv-seeds 1,2,3`): a tagger's
   * figure moves by up to a point with the seed alone, so a change is judged over several.
   */
  cvSeeds?: number[];
}

/** What `npm run train -- --help` prints. */
export const TRAIN_USAGE = `usage: npm run train -- [MODEL...] [--feedback FILE]... [--no-cv] [--cv-seeds N,N...]
  MODEL           language, entities-de, entities-en, claims (default: all, in that order)
  --feedback FILE a team's corrections (ai-news-annotator feedback export), repeatable
  --no-cv         skip the entity models' cross-validation (faster; the weights are the same)
  --cv-seeds N,N  cross-validate the entity models with these shuffling seeds too, and print the mean
                  (the figure moves by up to a point with the seed alone; the weights are the same)`;

/** The flags the trainers read themselves (entities.ts reads `--no-cv`). */
const PLAIN_FLAGS = new Set(['--no-cv']);

/**
 * Splits the arguments into model names and the files of `--feedback FILE` / `--feedback=FILE`;
 * `help` when asked for. An unknown flag is an error, so that a typo never starts a long training.
 */
export function parseTrainArguments(argv: readonly string[]): { models: string[]; options: TrainOptions; help?: true } {
  if (argv.includes('--help') || argv.includes('-h')) return { models: [], options: { feedback: [] }, help: true };
  const models: string[] = [];
  const feedback: string[] = [];
  let cvSeeds: number[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--feedback') {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith('-')) throw new Error('--feedback needs a file: the output of ai-news-annotator feedback export');
      feedback.push(file);
      i++;
    } else if (arg.startsWith('--feedback=')) feedback.push(arg.slice('--feedback='.length));
    else if (arg === '--cv-seeds' || arg.startsWith('--cv-seeds=')) {
      const list = arg === '--cv-seeds' ? argv[++i] : arg.slice('--cv-seeds='.length);
      cvSeeds = parseSeeds(list);
    }
    else if (!arg.startsWith('-')) models.push(arg);
    else if (!PLAIN_FLAGS.has(arg)) throw new Error(`unknown option ${arg}\n${TRAIN_USAGE}`);
  }
  return { models, options: cvSeeds ? { feedback, cvSeeds } : { feedback } };
}

/** "1,2,3" as seeds; anything else is an error before any training starts. */
function parseSeeds(list: string | undefined): number[] {
  const seeds = (list ?? '').split(',').map((s) => s.trim());
  if (!list || seeds.some((s) => !/^\d{1,9}$/.test(s))) throw new Error(`--cv-seeds needs whole numbers separated by commas, e.g. --cv-seeds 1,2,3 (got ${list ?? 'nothing'})`);
  return seeds.map(Number);
}
