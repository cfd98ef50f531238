// Bundles the extension, the command-line tool, the benchmarks and the tests.
// unified, remark-parse and nanoid are ESM-only; bundling turns them into CommonJS.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Lists test files below a folder, recursively. */
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.test.ts') || e.name.endsWith('.bench.ts') || e.name.endsWith('.worker.ts')))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // Node 20 reads \p{…} in regular expressions; without this, esbuild rewrites every such literal into
  // `new RegExp(…)`, which builds a new expression at every call in the analysis's hot loops (8% of it).
  supported: { 'regexp-unicode-property-escapes': true },
  // vscode is provided by the extension host; mocha is loaded from node_modules by the test runners.
  external: ['vscode', 'mocha'],
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  // The editor's import (fetch, read, write) in its own bundle, loaded only when an import runs; the
  // extraction and its HTML libraries run in a worker thread from their own bundle next to it
  // (src/core/import/importInWorker.ts).
  { ...common, entryPoints: { importer: 'src/core/import/editorImport.ts', importWorker: 'src/core/import/importWorker.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (!production) {
  const extra = {};
  if (existsSync('bench/bench.ts')) extra.bench = 'bench/bench.ts';
  if (existsSync('src/cli/eval.ts')) extra.eval = 'src/cli/eval.ts';
  if (existsSync('src/train/main.ts')) extra.train = 'src/train/main.ts';
  if (Object.keys(extra).length) builds.push({ ...common, entryPoints: extra, outdir: 'dist' });
  const tests = [...testFiles('test/unit'), ...testFiles('test/integration'), 'test/integration/index.ts'];
  rmSync('out', { recursive: true, force: true });
  builds.push({ ...common, entryPoints: tests.filter(existsSync), outdir: 'out', outbase: '.' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build finished, watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
