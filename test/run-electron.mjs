// Runs the same integration test index under @vscode/test-electron, for contributors with a desktop
// VS Code (or internet access to download one). Offline CI uses scripts/run-integration.mjs instead.
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const workspace = mkdtempSync(join(tmpdir(), 'ainews-electron-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_EXECUTABLE ? undefined : '1.100.3',
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { AINEWS_TEST_RESULTS: join(workspace, '.results.json') },
  });
} catch (error) {
  console.error(`integration tests failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
