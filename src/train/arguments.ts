/** The command line of `npm run train` (src/train/main.ts), apart so that it can be tested without training. */

/** What the command line gives every trainer besides the models folder. */
export interface TrainOptions {
  /** Feedback exports (JSONL in the corpora format) to train on as well, as given on the command line. */
  feedback: string[];
}

/** What `npm run train -- --help` prints. */
export const TRAIN_USAGE = `usage: npm run train -- [MODEL...] [--feedback FILE]... [--no-cv]
  MODEL           language, entities-de, entities-en, claims (default: all, in that order)
  --feedback FILE a team's corrections (ai-news-annotator feedback export), repeatable
  --no-cv         skip the entity models' cross-validation (faster; the weights are the same)`;

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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--feedback') {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith('-')) throw new Error('--feedback needs a file: the output of ai-news-annotator feedback export');
      feedback.push(file);
      i++;
    } else if (arg.startsWith('--feedback=')) feedback.push(arg.slice('--feedback='.length));
    else if (!arg.startsWith('-')) models.push(arg);
    else if (!PLAIN_FLAGS.has(arg)) throw new Error(`unknown option ${arg}\n${TRAIN_USAGE}`);
  }
  return { models, options: { feedback } };
}
