// `npm test`: build, type-check, lint, the unit tier in plain Node and the integration tier inside a
// real VS Code (first `npm ci` when node_modules is missing or stale; never apt-get). Ends with one line `N passed, N failed` over both tiers (CI reads that line) and
// exits non-zero on any failure.
//   --unit / --integration   run one tier only
//   --no-lint                skip tsc and eslint (quick local runs)
//   --grep PATTERN           only tests whose title matches
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ROOT } from './lib/harness.mjs';
import { runIntegrationTests } from './run-integration.mjs';

const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--integration') ? 'integration' : 'all';
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const require = createRequire(import.meta.url);

function step(title, command, commandArgs) {
  console.log(`\n> ${title}`);
  const started = Date.now();
  try {
    execFileSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
    console.log(`  ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch {
    console.error(`  ${title}: FAILED`);
    return false;
  }
}

function unitTestFiles(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Runs the unit tier in this process with mocha's API so that the counts can be read. */
function runUnitTests() {
  const Mocha = require('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: process.stdout.isTTY });
  if (grep) mocha.grep(grep);
  for (const file of unitTestFiles(join(ROOT, 'out', 'test', 'unit'))) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

ensureDependencies(ROOT);

const totals = { passed: 0, failed: 0 };
const add = (r) => { totals.passed += r.passed; totals.failed += r.failed; };
const started = Date.now();

if (!step('build', process.execPath, ['esbuild.mjs'])) add({ passed: 0, failed: 1 });
else {
  if (!args.includes('--no-lint')) {
    if (!step('type-check (tsc --noEmit)', process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.'])) add({ passed: 0, failed: 1 });
    if (!step('lint (eslint)', process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src', 'test', 'bench', 'scripts'])) add({ passed: 0, failed: 1 });
  }
  if (only !== 'integration') {
    console.log('\n> unit tests (plain Node)');
    const unit = await runUnitTests();
    console.log(`  unit: ${unit.passed} passed, ${unit.failed} failed`);
    add(unit);
  }
  if (only !== 'unit') {
    console.log('\n> integration tests (real VS Code extension host)');
    try {
      const integration = await runIntegrationTests({ grep });
      console.log(`  integration: ${integration.passed} passed, ${integration.failed} failed`);
      add(integration);
    } catch (error) {
      console.error(`  integration: FAILED: ${error.message}`);
      add({ passed: 0, failed: 1 });
    }
  }
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results', 'summary.txt'), summary + '\n');
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(summary);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
