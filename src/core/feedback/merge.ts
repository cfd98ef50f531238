/**
 * Merging feedback files by correction id (git's merge driver, and a save that finds the file
 * changed on disk). Three-way: a correction added on either side is kept; one removed on one side
 * and unchanged on the other is removed; one changed on both sides (rare: corrections are written
 * once) is decided by its content, so that both clones reach the same result.
 */
import type { Correction, FeedbackFile } from './feedback';
import { FEEDBACK_FILE_VERSION, sortCorrections } from './feedback';

function byId(file: FeedbackFile | null): Map<string, Correction> {
  return new Map((file?.corrections ?? []).map((c) => [c.id, c]));
}

function same(a: Correction, b: Correction): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One id's merge; undefined when it is removed. */
function mergeOne(base: Correction | undefined, ours: Correction | undefined, theirs: Correction | undefined): Correction | undefined {
  if (ours && theirs) {
    if (same(ours, theirs) || (base && same(base, theirs))) return ours;
    if (base && same(base, ours)) return theirs;
    return JSON.stringify(ours) >= JSON.stringify(theirs) ? ours : theirs;
  }
  const present = ours ?? theirs;
  if (!present) return undefined;
  // Removed on one side: gone, unless the other side changed it meanwhile (a change wins).
  return base && same(base, present) ? undefined : present;
}

/**
 * Merges our and their feedback files against their common base (null when there is none).
 * @returns The merged file, corrections in stable order; fields of the file itself from ours.
 */
export function mergeFeedbackFiles(base: FeedbackFile | null, ours: FeedbackFile, theirs: FeedbackFile): FeedbackFile {
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const merged: Correction[] = [];
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const result = mergeOne(b.get(id), o.get(id), t.get(id));
    if (result) merged.push(result);
  }
  return { ...theirs, ...ours, version: FEEDBACK_FILE_VERSION, corrections: sortCorrections(merged) };
}
