/**
 * The import worker's entry (bundled as dist/importWorker.js): extracts one article from the page
 * in `workerData` and posts the result back. It runs in a `worker_threads` Worker so that a page
 * that is slow to extract never blocks the thread that asked for it (the extension host), and so
 * that the asker can stop it (importInWorker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportRefusal } from './decode';
import { importInput } from './importSources';
import type { ImportInput } from './loadSources';
import type { WorkerAnswer } from './importInWorker';

function answer(): WorkerAnswer {
  try {
    return { article: importInput(workerData as ImportInput) };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error), refused: error instanceof ImportRefusal };
  }
}

parentPort?.postMessage(answer());
