/**
 * Structural equality of JSON values (objects compared by their keys, whatever their order). Much
 * cheaper than comparing two `JSON.stringify` results on large files: it allocates nothing and stops
 * at the first difference. Two annotations whose comment threads are both still held (heldThreads.ts)
 * have equal threads exactly when their bytes are equal, told without parsing them.
 */
import type { Annotation } from './annotation';
import { heldThreadsEqual } from './heldThreads';

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Held threads are told equal or not by their bytes (reading one parses it).
  const threadsEqual = heldThreadsEqual(x as unknown as Annotation, y as unknown as Annotation);
  if (threadsEqual === false) return false;
  const settled = threadsEqual === true ? 'comments' : undefined;
  let keys = 0;
  for (const key in x) {
    if (key === settled) {
      keys += 1;
      continue;
    }
    if (x[key] === undefined) continue;
    keys += 1;
    if (!jsonEqual(x[key], y[key])) return false;
  }
  for (const key in y) if (key === settled || y[key] !== undefined) keys -= 1;
  return keys === 0;
}
