// `npm run bench:editor`: the editor benchmarks (test/integration/bench/*.bench.ts) inside the real
// VS Code, through the same offline harness as the integration tests. The suite prints its table;
// the figures are also written to test-results/editor-bench.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/harness.mjs';
import { runIntegrationTests } from './run-integration.mjs';

execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
const { passed, failed } = await runIntegrationTests({ bench: true });
console.log(`editor benchmarks: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
