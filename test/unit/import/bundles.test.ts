import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedCopyName } from '../../../src/core/import';
import { ROOT } from './pages';

describe('import: bundles and seed copies', () => {
  it('keeps the import libraries out of the extension bundle: they load from dist/importer.js when an import runs', () => {
    const extension = readFileSync(join(ROOT, 'dist', 'extension.js'), 'utf8');
    for (const library of ['linkedom', 'Readability', 'rehype-sanitize', 'iconv-lite']) assert.ok(!extension.includes(library), `${library} in dist/extension.js`);
    assert.ok(extension.includes("'dist', 'importer.js'") || extension.includes('"dist", "importer.js"'));
    const importer = join(ROOT, 'dist', 'importer.js');
    assert.ok(existsSync(importer));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(importer) as Record<string, unknown>;
    for (const name of ['writeImportedArticle', 'seedCopyName', 'loadCommandSource', 'importInWorker']) assert.equal(typeof loaded[name], 'function', name);
    // The extraction and its libraries are the worker's own bundle, next to the importer (and to
    // the command line): the editor's importer never loads them.
    const importerCode = readFileSync(importer, 'utf8');
    for (const library of ['linkedom', 'Readability', 'rehype-sanitize', 'iconv-lite']) assert.ok(!importerCode.includes(library), `${library} in dist/importer.js`);
    const worker = readFileSync(join(ROOT, 'dist', 'importWorker.js'), 'utf8');
    for (const library of ['Readability', 'iconv-lite']) assert.ok(worker.includes(library), `${library} in dist/importWorker.js`);
    assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').includes('!dist/importWorker.js'), 'the worker is packaged');
  });

  it('names seed copies readably from the manifest, every name different', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'manifest.json'), 'utf8')) as { articles: { file: string; title: string; date: string | null }[] };
    const names = manifest.articles.map(seedCopyName);
    assert.equal(names[4], '2025-01-alibaba-launcht-qwen-2-5.txt');
    assert.equal(names[0], 'alibaba-llm-im-vergleich-zu-openai-wie-der-osten-aufholt.txt');
    assert.equal(new Set(names).size, names.length);
  });
});
