import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { LockTimeoutError, withFileLock } from '../../../src/core/store/fileLock';

const TEXT = 'Alibaba hat Qwen 2.5 vorgestellt.';

describe('store/fileLock: the cross-process lock', () => {
  let dir: string;
  let lockPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-lock-'));
    lockPath = join(dir, 'annotations.json.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs tasks one at a time and removes the lock file afterwards', async () => {
    let inside = 0;
    let most = 0;
    const task = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside -= 1;
    };
    await Promise.all([1, 2, 3, 4].map(() => withFileLock(lockPath, task)));
    assert.equal(most, 1);
    assert.equal(existsSync(lockPath), false);
  });

  it('releases the lock when the task throws', async () => {
    await assert.rejects(withFileLock(lockPath, () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(existsSync(lockPath), false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    // A pid far above any the kernel hands out (pid_max is at most 2^22).
    writeFileSync(lockPath, JSON.stringify({ pid: 2 ** 30, host: hostname(), token: 'dead' }));
    assert.equal(await withFileLock(lockPath, () => Promise.resolve('ran'), { timeoutMs: 500 }), 'ran');
  });

  it('takes over a lock nobody refreshed for longer than the stale time (another host, or unreadable)', async () => {
    writeFileSync(lockPath, 'half-written');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    assert.equal(await withFileLock(lockPath, () => Promise.resolve('ran'), { timeoutMs: 500, staleMs: 30_000 }), 'ran');
  });

  it('gives up after the timeout while a live holder keeps the lock', async () => {
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid === 1 ? 2 : 1, host: hostname(), token: 'alive' }));
    await assert.rejects(withFileLock(lockPath, () => Promise.resolve(), { timeoutMs: 100 }), LockTimeoutError);
    assert.match(readFileSync(lockPath, 'utf8'), /alive/, 'a live lock is never removed');
  });

  it('a save that cannot get the lock in time says so and keeps the change pending', async () => {
    const store = await AnnotationStore.open(dir, undefined, { lock: { timeoutMs: 100 } });
    mkdirSync(join(dir, '.ainews'));
    writeFileSync(join(dir, '.ainews', 'annotations.json.lock'), JSON.stringify({ pid: 1, host: hostname(), token: 'alive' }));
    store.add({ article: 'articles/a.md', status: 'verified', quote: makeQuote(TEXT, 0, 7), position: { start: 0, end: 7 } });
    const result = await store.save();
    assert.equal(result.saved, false);
    assert.match(result.saved ? '' : result.reason, /another window or process is writing it.*Your changes are kept/);
    assert.equal(store.pending.length, 1);
    assert.equal(existsSync(join(dir, '.ainews', 'annotations.json')), false);
    rmSync(join(dir, '.ainews', 'annotations.json.lock'));
    assert.equal((await store.save()).saved, true);
    assert.equal(store.pending.length, 0);
  });
});
