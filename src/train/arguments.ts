/** The command line of `npm run train` (src/train/main.ts), apart so that it can be tested without training. */

/** What the command line gives every trainer besides the models folder. */
export interface TrainOptions {
  /** Feedback exports (JSONL in the corpora format) to train on as well, as given on the command line. */
  feedback: string[];
}

/** Splits the arguments into model names, the files of `--feedback FILE` / `--feedback=FILE`, and the other flags. */
export function parseTrainArguments(argv: readonly string[]): { models: string[]; options: TrainOptions } {
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
  }
  return { models, options: { feedback } };
}
