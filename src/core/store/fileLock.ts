/**
 * A lock that works across processes and VS Code windows: a lock file created with exclusive create
 * (`wx`), so that the read-merge-write of a save never replaces a file it has not merged.
 *
 * The lock file holds `{pid, host, token}`. While held, its modification time is refreshed, so a
 * lock left behind by a crashed process is recognised as stale (its process is gone on this host, or
 * it has not been refreshed for `staleMs`) and removed. Removal renames it to a unique name first and
 * checks it is still the lock judged stale, so two waiters cannot both remove one lock and then one
 * another's fresh one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOptions {
  /** How long to wait for another holder before giving up (default 10 s). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is stale (default 30 s; refreshed every third of it). */
  staleMs?: number;
}

/** The lock could not be taken in time: another process holds it. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly waitedMs: number,
  ) {
    super(`${lockPath} is held by another window or process (waited ${(waitedMs / 1000).toFixed(1)} s)`);
  }
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** The lock file's owner and age, or undefined when there is no lock file (any more). */
async function inspect(lockPath: string): Promise<{ owner: LockOwner | undefined; text: string; ageMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    return { owner: parseOwner(text), text, ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(lock: { owner: LockOwner | undefined; ageMs: number }, staleMs: number): boolean {
  if (lock.ageMs > staleMs) return true;
  // A half-written lock file (its creator is between create and write) is young, not stale.
  return lock.owner !== undefined && lock.owner.host === hostname() && lock.owner.pid !== process.pid && !isProcessAlive(lock.owner.pid);
}

/** Removes a stale lock file unless it was replaced meanwhile; a replacement is put back. */
async function removeStale(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale.${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another waiter removed it
    throw error;
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => staleText);
  if (moved !== staleText) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner), 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

/** Releases the lock if it is still ours (a holder judged stale may have lost it). */
async function release(lockPath: string, owner: LockOwner): Promise<void> {
  const current = await inspect(lockPath).catch(() => undefined);
  if (current?.owner?.token === owner.token) await fs.rm(lockPath, { force: true });
}

/**
 * Runs `task` while holding the lock file `lockPath` (its folder must exist).
 * @throws LockTimeoutError when another holder keeps the lock longer than `timeoutMs`.
 */
export async function withFileLock<T>(lockPath: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
  const started = Date.now();
  for (let attempt = 0; !(await tryCreate(lockPath, owner)); attempt += 1) {
    const lock = await inspect(lockPath);
    if (lock && isStale(lock, staleMs)) {
      await removeStale(lockPath, lock.text);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new LockTimeoutError(lockPath, waited);
    // Short random waits: saves hold the lock for milliseconds, and waiters should not move in step.
    await delay(Math.min(2 + Math.random() * 4 * Math.min(attempt + 1, 10), timeoutMs - waited));
  }
  const refresh = setInterval(() => {
    const now = new Date();
    fs.utimes(lockPath, now, now).catch(() => undefined);
  }, staleMs / 3);
  refresh.unref();
  try {
    return await task();
  } finally {
    clearInterval(refresh);
    await release(lockPath, owner);
  }
}
