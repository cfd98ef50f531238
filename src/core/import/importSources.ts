/**
 * The extraction step of an import: a source fetched or read by loadSources.ts becomes an article.
 * The command line and the editor run it in a worker (importWorker.ts); `importSource` and
 * `importCommandSource` run the whole import in this thread.
 */
import type { FetchOptions } from './fetchPage';
import type { ImportCommandSource } from './importCommandSources';
import { importPage, importPlainText, type ImportedArticle } from './importPage';
import { loadCommandSource, loadSource, type ImportInput } from './loadSources';

/**
 * Extracts the article from a fetched or read page: the CPU-bound part of an import, which the
 * editor and the command line run in a worker with a time limit.
 * @throws ImportRefusal when the page cannot be imported
 */
export function importInput(input: ImportInput): ImportedArticle {
  return input.kind === 'page' ? importPage(input.bytes, input.source) : importPlainText(input.text, { label: input.label, fetched: input.fetched });
}

/** Fetches or reads one source and imports it, in this thread. */
export async function importSource(source: string, options: FetchOptions & { now?: () => Date } = {}): Promise<ImportedArticle> {
  return importInput(await loadSource(source, options));
}

/**
 * Fetches, reads or takes one source and imports it, in this thread.
 * @param signal Cancels a fetch.
 */
export async function importCommandSource(source: ImportCommandSource, signal?: AbortSignal): Promise<ImportedArticle> {
  return importInput(await loadCommandSource(source, signal));
}
