/**
 * `npm run bench`: every figure printed side by side with a baseline measured in the same run.
 * Each area contributes one section; run one with `npm run bench -- <area>`.
 */
import { exportBench } from './export';
import { storeBench } from './store';
import { analysisBench } from './analysis';
import { adversarialBench, CHILD_MODE, measureOneInput } from './adversarial';

export interface BenchSection {
  name: string;
  run(): Promise<void>;
}

const sections: BenchSection[] = [exportBench, storeBench, analysisBench, adversarialBench];

async function main(): Promise<void> {
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
