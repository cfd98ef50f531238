/**
 * `npm run bench`: every figure printed side by side with a baseline measured in the same run.
 * Each area contributes one section; run one with `npm run bench -- <area>`.
 */
import { exportBench } from './export';
import { storeBench } from './store';
import { analysisBench } from './analysis';
import { modelsBench } from './models';

export interface BenchSection {
  name: string;
  run(): Promise<void>;
}

const sections: BenchSection[] = [exportBench, storeBench, analysisBench, modelsBench];

async function main(): Promise<void> {
  const only = process.argv[2];
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
