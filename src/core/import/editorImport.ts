/**
 * What the editor's import commands load from dist/importer.js the first time an import runs: the
 * fetch, the saved-page read and the writing of the new file. The extraction (linkedom, Readability,
 * unified's HTML tools) runs in the worker's own bundle, dist/importWorker.js, so this bundle
 * carries none of those libraries.
 */
export { seedCopyName } from './articleFileName';
export { ImportCancelled, importInWorker } from './importInWorker';
export { ImportRefusal } from './importRefusal';
export { loadCommandSource, writeImportedArticle } from './loadSources';
