/**
 * Runs an import's extraction in a `worker_threads` Worker (dist/importWorker.js, next to the
 * bundle that runs this), with a time limit and a memory limit, and stops it on cancel: the
 * extension host and the command line never wait on a page without an end.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportRefusal } from './importRefusal';
import type { ImportedArticle } from './importPage';
import type { ImportInput } from './loadSources';

/** What the worker posts back: the article, or why it failed. */
export type WorkerAnswer = { article: ImportedArticle } | { failure: string; refused: boolean };

/**
 * How long an extraction may take. A shallow 9.5 MB page takes 13 s on an idle 2-core machine and
 * over 30 s on a busy one; the editor's Cancel ends any import sooner.
 */
export const DEFAULT_EXTRACTION_TIME_LIMIT_MS = 60_000;
/** The worker's heap limit: a 10 MB page needs about 400 MB. */
export const EXTRACTION_MEMORY_LIMIT_MB = 1536;

/** Ends an import that the user cancelled (the editor shows no error for it). */
export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface WorkerOptions {
  /** The worker bundle; by default importWorker.js next to the running bundle. */
  workerPath?: string;
  /** Gives up (and stops the worker) after this long. */
  timeLimitMs?: number;
  /** Stops the worker at once. */
  signal?: AbortSignal;
}

/** The worker bundle next to the bundle this code runs in (dist/importer.js, dist/cli.js). */
export function defaultWorkerPath(): string {
  return join(__dirname, 'importWorker.js');
}

function describeSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/** The message for a worker that ended without an answer. */
function workerFailure(error: Error): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ImportRefusal(`gave up: extracting the article needed more than ${EXTRACTION_MEMORY_LIMIT_MB} MB of memory`);
  }
  return new Error(`the importer failed: ${error.message}`);
}

/**
 * Extracts an article in a worker.
 * @throws ImportRefusal when the page cannot be imported or the time or memory limit was reached;
 *   ImportCancelled when `signal` aborted it
 */
export function importInWorker(input: ImportInput, options: WorkerOptions = {}): Promise<ImportedArticle> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_EXTRACTION_TIME_LIMIT_MS;
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new ImportCancelled());
  return new Promise<ImportedArticle>((resolve, reject) => {
    const worker = new Worker(options.workerPath ?? defaultWorkerPath(), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: EXTRACTION_MEMORY_LIMIT_MB },
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => finish(() => reject(new ImportCancelled()));
    const timer = setTimeout(() => finish(() => reject(new ImportRefusal(
      `gave up after ${describeSeconds(timeLimitMs)}: extracting the article took too long (the page's markup is too large or too deeply nested)`,
    ))), timeLimitMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (answer: WorkerAnswer) => finish(() => {
      if ('article' in answer) resolve(answer.article);
      else reject(answer.refused ? new ImportRefusal(answer.failure) : new Error(answer.failure));
    }));
    worker.once('error', (error) => finish(() => reject(workerFailure(error))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the importer stopped (exit code ${code}) without an answer`))));
  });
}
