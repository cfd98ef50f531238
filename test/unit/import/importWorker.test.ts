import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ImportCancelled, importInput, importInWorker, ImportRefusal, type ImportInput } from '../../../src/core/import';
import { developmentPages, ROOT } from './pages';
import { whileTicking } from '../../support/eventLoopWatch';

const WORKER = join(ROOT, 'dist', 'importWorker.js');
const FETCHED = new Date('2025-02-01T10:00:00.000Z');

/** A shallow page of ordinary paragraphs, `megabytes` large: seconds of work for the extraction. */
function largePage(megabytes: number): ImportInput {
  const paragraph = '<p>OpenAI said revenue grew by 45 percent in 2024, according to the company and several people familiar with the matter.</p>\n';
  const html = `<html><head><title>Large</title></head><body><article>${paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length))}</article></body></html>`;
  return { kind: 'page', bytes: new TextEncoder().encode(html), source: { fileName: 'large.html', fetched: FETCHED } };
}

describe('import: the extraction in a worker thread', function () {
  this.timeout(60_000);

  it('gives the same article as an import in this thread', async () => {
    const page = developmentPages()[1];
    const input: ImportInput = { kind: 'page', bytes: page.bytes, source: { fileName: `${page.name}.html`, fetched: FETCHED } };
    assert.deepEqual(await importInWorker(input, { workerPath: WORKER }), importInput(input));
    const text: ImportInput = { kind: 'text', text: 'A title\n\nSome *prose* from the clipboard.', label: 'clipboard', fetched: FETCHED };
    assert.deepEqual(await importInWorker(text, { workerPath: WORKER }), importInput(text));
  });

  it('passes a refusal on as a refusal, with its reason', async () => {
    const binary: ImportInput = { kind: 'page', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), source: { fileName: 'x.html', fetched: FETCHED } };
    await assert.rejects(importInWorker(binary, { workerPath: WORKER }), (error: Error) => error instanceof ImportRefusal && error.message === 'this is a binary file, not an HTML page');
  });

  it('keeps this thread free while a large page is extracted', async () => {
    const { result, ticks, longestGapMs, ms } = await whileTicking(() => importInWorker(largePage(0.5), { workerPath: WORKER }));
    assert.equal(result.status, 'fulfilled');
    assert.ok(ms > 200, `the extraction took ${ms} ms: long enough to tell`);
    assert.ok(longestGapMs < Math.max(150, ms / 4), `the timer waited ${longestGapMs} ms of ${ms} (${ticks} ticks)`);
  });

  it('stops the worker at once on cancel', async () => {
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    const { result, ms } = await whileTicking(() => importInWorker(largePage(4), { workerPath: WORKER, signal: cancel.signal }));
    assert.equal(result.status, 'rejected');
    assert.ok(result.status === 'rejected' && result.reason instanceof ImportCancelled && (result.reason as Error).message === 'cancelled');
    assert.ok(ms < 1500, `ended ${ms} ms after the start, cancelled at 100 ms`);
    await assert.rejects(importInWorker(largePage(0.01), { workerPath: WORKER, signal: AbortSignal.abort() }), ImportCancelled);
  });

  it('gives up at the time limit with a message that says why', async () => {
    const { result, ms } = await whileTicking(() => importInWorker(largePage(4), { workerPath: WORKER, timeLimitMs: 200 }));
    assert.ok(result.status === 'rejected' && result.reason instanceof ImportRefusal);
    assert.equal((result.reason as Error).message, 'gave up after 200 ms: extracting the article took too long (the page\'s markup is too large or too deeply nested)');
    assert.ok(ms < 1500, `${ms} ms`);
  });
});
