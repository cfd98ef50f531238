/**
 * The integration test index: runs inside a real VS Code extension host, started either by
 * scripts/run-integration.mjs (offline VS Code server + Chromium) or by test/run-electron.mjs
 * (@vscode/test-electron with a desktop VS Code). Exports `run()` as both launchers expect.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

/**
 * Test files, or with AINEWS_BENCH=1 the benchmarks that measure the editor (npm run bench:editor).
 * The suites under start/ check the workspace `npm start` prepares and run only in that session
 * (AINEWS_TEST_SESSION=start); the others never run there.
 */
function suiteFiles(dir: string): string[] {
  const suffix = process.env.AINEWS_BENCH === '1' ? '.bench.js' : '.test.js';
  const startSession = process.env.AINEWS_TEST_SESSION === 'start';
  const inStart = (folder: string) => path.relative(dir, folder).split(path.sep)[0] === 'start';
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix) && inStart(entry.parentPath) === startSession)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function run(): Promise<void> {
  console.log(`Running integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: process.env.AINEWS_BENCH === '1' ? 300_000 : 30_000, reporter: 'spec' });
  const grep = process.env.AINEWS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of suiteFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const results = process.env.AINEWS_TEST_RESULTS;
      if (results) {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        fs.writeFileSync(results, JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending, vscode: vscode.version }));
      }
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
