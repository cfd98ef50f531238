/**
 * Merging the lists version 2 of the annotation file adds, item by item rather than as a whole:
 * evidence by address and archived copy, tags as a set, comments as a union by id with tombstones. Every function is
 * symmetric in `ours` and `theirs` (the merge stays commutative) and merging a list with itself
 * gives the list (idempotent).
 */
import { evidenceKey, type Annotation, type Comment, type Evidence } from './annotation';
import { compareStrings } from './file';
import { heldThreadsEqual, shareHeldThread } from './heldThreads';

/** Whose value a field (or list item) both sides changed takes: see merge.ts. */
type Winner = (oursValue: unknown, theirsValue: unknown) => 'ours' | 'theirs';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function timeOf(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Three-way merge of a list whose items have a key: an item on one side only is new (kept), or was
 * removed by the other side (kept only if this side changed it: nothing is lost); an item on both
 * sides is merged by `mergeItem`. Survivors keep the base's order; a new key follows the last base
 * key of its `groupOf` (an archived copy stands where its link stood), the others come at the end;
 * new keys in one place are in key order.
 * @param differ The caller knows that no two of the lists are the same (their JSON is not compared again).
 */
export function mergeKeyed<T>(
  base: readonly T[] | undefined,
  ours: readonly T[] | undefined,
  theirs: readonly T[] | undefined,
  keyOf: (item: T) => string,
  mergeItem: (base: T | undefined, ours: T, theirs: T) => T,
  groupOf: (key: string) => string = (key) => key,
  differ = false,
): T[] | undefined {
  if (!differ) {
    if (sameJson(ours, theirs)) return ours && [...ours];
    if (base !== undefined && sameJson(ours, base)) return theirs && [...theirs];
    if (base !== undefined && sameJson(theirs, base)) return ours && [...ours];
  }
  const baseByKey = new Map((base ?? []).map((item) => [keyOf(item), item]));
  const oursByKey = new Map((ours ?? []).map((item) => [keyOf(item), item]));
  const theirsByKey = new Map((theirs ?? []).map((item) => [keyOf(item), item]));
  const choose = (key: string): T | undefined => {
    const b = baseByKey.get(key);
    const o = oursByKey.get(key);
    const t = theirsByKey.get(key);
    if (o !== undefined && t !== undefined) return mergeItem(b, o, t);
    const only = o ?? t;
    if (only === undefined) return undefined;
    return b === undefined || !sameJson(only, b) ? only : undefined;
  };
  const newKeys = [...new Set([...oursByKey.keys(), ...theirsByKey.keys()])].filter((key) => !baseByKey.has(key)).sort(compareStrings);
  const merged = orderKeys([...baseByKey.keys()], newKeys, groupOf).map(choose).filter((item): item is T => item !== undefined);
  return merged.length > 0 ? merged : undefined;
}

/** Base keys in their order, each new key right after the last base key of its group, the rest at the end. */
function orderKeys(baseKeys: readonly string[], newKeys: readonly string[], groupOf: (key: string) => string): string[] {
  const lastOfGroup = new Map(baseKeys.map((key, index) => [groupOf(key), index]));
  const after = new Map<number, string[]>();
  for (const key of newKeys) {
    const index = lastOfGroup.get(groupOf(key)) ?? baseKeys.length;
    after.set(index, [...(after.get(index) ?? []), key]);
  }
  const ordered: string[] = [];
  baseKeys.forEach((key, index) => ordered.push(key, ...(after.get(index) ?? [])));
  return [...ordered, ...(after.get(baseKeys.length) ?? [])];
}

/** An item both sides have: the side that changed it, else `winner`'s. */
function byWinner<T>(winner: Winner): (base: T | undefined, ours: T, theirs: T) => T {
  return (b, o, t) => {
    if (sameJson(o, t) || (b !== undefined && sameJson(t, b))) return o;
    if (b !== undefined && sameJson(o, b)) return t;
    return winner(o, t) === 'ours' ? o : t;
  };
}

/**
 * Evidence merged per address and archived copy ({@link evidenceKey}): two copies of one address
 * both survive, and a copy archived on one side takes the place of the link it archived.
 */
export function mergeEvidenceItems(base: Evidence[] | undefined, ours: Evidence[] | undefined, theirs: Evidence[] | undefined, winner: Winner): Evidence[] | undefined {
  return mergeKeyed(base, ours, theirs, evidenceKey, byWinner(winner), urlOfEvidenceKey);
}

function urlOfEvidenceKey(key: string): string {
  const newline = key.indexOf('\n');
  return newline < 0 ? key : key.slice(0, newline);
}

/** Tags merged as a set: what either side added, minus what one side removed. */
export function mergeTags(base: string[] | undefined, ours: string[] | undefined, theirs: string[] | undefined, winner: Winner): string[] | undefined {
  return mergeKeyed(base, ours, theirs, (tag) => tag, byWinner(winner));
}

/**
 * Comments merged by id, like the annotations themselves: both sides' new replies always survive,
 * and a comment leaves the list only when one side removed it and the other left it untouched (the
 * editor never removes one: deleting writes a tombstone). A comment changed on one side only takes that side's
 * version; changed on both, a tombstone (`deleted`) wins, so that a merge never brings a deleted
 * comment back, else the later `edited` (an unedited comment counts as edited when written), else
 * the larger canonical JSON, so the result does not depend on the side and merging it again changes
 * nothing.
 * @param differ The caller knows that no two of the lists are the same (told from held threads' bytes).
 * @returns The comments in order of writing (`at`, then id); undefined when there are none.
 */
export function mergeComments(base: Comment[] | undefined, ours: Comment[] | undefined, theirs: Comment[] | undefined, differ = false): Comment[] | undefined {
  if (!differ) {
    if (sameJson(ours, theirs)) return ours;
    if (base !== undefined && sameJson(ours, base)) return theirs;
    if (base !== undefined && sameJson(theirs, base)) return ours;
  }
  const merged = mergeKeyed(base, ours, theirs, (c) => c.id, mergeComment, undefined, true);
  return merged?.sort((a, b) => timeOf(a.at) - timeOf(b.at) || compareStrings(a.id, b.id));
}

/**
 * Gives `merged` the comments of a merge when held threads (heldThreads.ts) settle it by their bytes,
 * as {@link mergeComments} would and without parsing them: both sides the same, or one side as the
 * base (the other side's taken). @returns false when the threads must be merged comment by comment.
 */
export function takeSettledThread(base: Annotation | undefined, ours: Annotation, theirs: Annotation, merged: Annotation): boolean {
  if (heldThreadsEqual(ours, theirs) === true) return shareHeldThread(ours, merged);
  if (base !== undefined && heldThreadsEqual(base, ours) === true) return takeThreadOf(theirs, merged);
  if (base !== undefined && heldThreadsEqual(base, theirs) === true) return takeThreadOf(ours, merged);
  return false;
}

/**
 * Whether the threads of a merge's versions are known to differ pairwise without reading them: all
 * held, and no two with the same bytes (what {@link takeSettledThread} found settles nothing).
 */
export function heldThreadsDiffer(base: Annotation | undefined, ours: Annotation, theirs: Annotation): boolean {
  return heldThreadsEqual(ours, theirs) === false && (base === undefined || (heldThreadsEqual(base, ours) === false && heldThreadsEqual(base, theirs) === false));
}

function takeThreadOf(side: Annotation, merged: Annotation): true {
  if (!shareHeldThread(side, merged) && side.comments !== undefined) merged.comments = side.comments;
  return true;
}

/** One comment both sides have: a tombstone first, then the side that changed it, then the later edit. */
function mergeComment(base: Comment | undefined, ours: Comment, theirs: Comment): Comment {
  if (sameJson(ours, theirs)) return ours;
  const oursDeleted = ours.deleted === true;
  if (oursDeleted !== (theirs.deleted === true)) return oursDeleted ? ours : theirs;
  if (base !== undefined && sameJson(ours, base)) return theirs;
  if (base !== undefined && sameJson(theirs, base)) return ours;
  return laterComment(ours, theirs);
}

/** Of two versions of one comment: the later edit, else the larger canonical JSON. */
function laterComment(a: Comment, b: Comment): Comment {
  const ta = timeOf(a.edited ?? a.at);
  const tb = timeOf(b.edited ?? b.at);
  if (ta !== tb) return ta > tb ? a : b;
  return compareStrings(JSON.stringify(a), JSON.stringify(b)) >= 0 ? a : b;
}
