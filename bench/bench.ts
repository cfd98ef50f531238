/**
 * `npm run bench`: every figure printed side by side with a baseline measured in the same run.
 * Each area contributes one section; run one with `npm run bench -- <area>`.
 */
import { exportBench } from './export';
import { storeBench } from './store';
import { analysisBench } from './analysis';
import { claimsBench } from './claims';
import { importBench } from './import';
import { distinctArticles, firstCallProbe, FIRST_CALL_PROBE } from './distinct';
import { adversarialBench, CHILD_MODE, measureOneInput } from './adversarial';
import { modelsBench } from './models';
import { taggerPairBench } from './taggerPair';
import { feedbackBench } from './feedback';
import { searchBench } from './search';
import { discussionBench } from './discussion';
import { turnsBench } from './turns';
import { paintBench } from './paint';
import { FIRST_KEYSTROKES_PROBE, firstKeystrokesProbe, keystrokeBench } from './keystroke';

export interface BenchSection {
  name: string;
  run(): Promise<void>;
}

const sections: BenchSection[] = [exportBench, storeBench, analysisBench, modelsBench, claimsBench, importBench, adversarialBench, feedbackBench, searchBench, discussionBench, turnsBench, paintBench, keystrokeBench, taggerPairBench];

async function main(): Promise<void> {
  if (process.env[FIRST_CALL_PROBE]) {
    // A child process of the analysis section: one fresh first analysis, reported as JSON.
    console.log(JSON.stringify(firstCallProbe(distinctArticles())));
    return;
  }
  if (process.env[FIRST_KEYSTROKES_PROBE]) {
    // A child process of the keystroke section: the first keystrokes after opening, reported as JSON.
    console.log(JSON.stringify(firstKeystrokesProbe()));
    return;
  }
  const only = process.argv[2];
  // One adversarial input measured in a process of its own (see adversarial.ts).
  if (only === CHILD_MODE) return measureOneInput(process.argv[3], Number(process.argv[4]));
  for (const section of sections) {
    if (only && section.name !== only) continue;
    console.log(`\n## ${section.name}\n`);
    await section.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
