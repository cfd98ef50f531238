/**
 * Concurrent writers on one annotation file: two and three stores in one process, and two and three
 * OS processes, adding and saving at the same time. Every save that reported success must be in the
 * file, and in its own store's memory, afterwards: zero annotations lost.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { makeQuote } from '../../../src/core/store/anchor';
import { AnnotationStore } from '../../../src/core/store/annotationStore';

const run = promisify(execFile);
const TEXT = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks.';
const WORKER = join(__dirname, 'concurrentWriter.worker.js');

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The ids in the file now, as a fresh store reads them. */
async function idsOnDisk(folder: string): Promise<Set<string>> {
  const store = await AnnotationStore.open(folder);
  assert.equal(store.readOnlyReason, undefined);
  return new Set(store.annotations.map((a) => a.id));
}

/** One store's turn: add `adds` annotations, wait `pause` ms, save; the ids of a successful save. */
async function addAndSave(store: AnnotationStore, name: string, adds: number, pause: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < adds; i += 1) {
    const start = (i * 7) % 40;
    ids.push(store.add({ article: `articles/${name}.md`, status: 'disputed', quote: makeQuote(TEXT, start, start + 6), position: { start, end: start + 6 } }).id);
  }
  await delay(pause);
  const result = await store.save();
  assert.equal(result.saved, true, result.saved ? '' : result.reason);
  return ids;
}

describe('store: concurrent saves lose nothing', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-concurrent-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('two and three stores in one process, saving at once in many interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ adds: fc.integer({ min: 1, max: 3 }), pause: fc.integer({ min: 0, max: 2 }) }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        async (writers, rounds) => {
          const folder = mkdtempSync(join(dir, 'w-'));
          const stores = await Promise.all(writers.map(() => AnnotationStore.open(folder)));
          const saved: string[] = [];
          for (let round = 0; round < rounds; round += 1) {
            const results = await Promise.all(writers.map((w, i) => addAndSave(stores[i], `s${i}`, w.adds, w.pause)));
            saved.push(...results.flat());
          }
          const onDisk = await idsOnDisk(folder);
          assert.deepEqual(saved.filter((id) => !onDisk.has(id)), [], 'annotations whose save succeeded are missing from the file');
          for (const store of stores) {
            await store.reloadFromDisk();
            assert.deepEqual(saved.filter((id) => store.get(id) === undefined), [], 'a store lost an annotation from memory');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  for (const processes of [2, 3]) {
    it(`${processes} OS processes adding and saving 60 annotations each`, async () => {
      const outputs = await Promise.all(Array.from({ length: processes }, (_, i) => run(process.execPath, [WORKER, dir, `p${i}`, '60'], { encoding: 'utf8' })));
      const reports = outputs.map((o) => JSON.parse(o.stdout) as { saved: string[]; problems: string[]; missingFromMemory: string[] });
      const saved = reports.flatMap((r) => r.saved);
      const onDisk = await idsOnDisk(dir);
      assert.deepEqual(saved.filter((id) => !onDisk.has(id)), [], 'saved annotations are missing from the file');
      assert.deepEqual(reports.flatMap((r) => r.missingFromMemory), [], 'a process lost its own saved annotation from memory');
      assert.deepEqual(reports.flatMap((r) => r.problems), [], 'saves that did not succeed');
      assert.equal(onDisk.size, processes * 60);
    });
  }
});
