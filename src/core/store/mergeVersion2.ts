/**
 * Merging the lists version 2 of the annotation file adds, item by item rather than as a whole:
 * evidence by address, tags as a set, comments as a union by id with tombstones. Every function is
 * symmetric in `ours` and `theirs` (the merge stays commutative) and merging a list with itself
 * gives the list (idempotent).
 */
import { evidenceUrl, type Comment, type Evidence } from './annotation';
import { compareStrings } from './file';

type Side = 'ours' | 'theirs';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function timeOf(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Three-way merge of a list whose items have a key: an item changed on one side only takes that
 * side's version; changed on both, `winner`'s; removed on one side and unchanged on the other, it
 * is removed; removed on one side and changed on the other, the change is kept (nothing is lost).
 * Survivors keep the base's order, new keys follow in key order.
 */
export function mergeKeyed<T>(
  base: readonly T[] | undefined,
  ours: readonly T[] | undefined,
  theirs: readonly T[] | undefined,
  keyOf: (item: T) => string,
  winner: Side,
): T[] | undefined {
  if (sameJson(ours, theirs)) return ours && [...ours];
  if (base !== undefined && sameJson(ours, base)) return theirs && [...theirs];
  if (base !== undefined && sameJson(theirs, base)) return ours && [...ours];
  const baseByKey = new Map((base ?? []).map((item) => [keyOf(item), item]));
  const oursByKey = new Map((ours ?? []).map((item) => [keyOf(item), item]));
  const theirsByKey = new Map((theirs ?? []).map((item) => [keyOf(item), item]));
  const choose = (key: string): T | undefined => {
    const b = baseByKey.get(key);
    const o = oursByKey.get(key);
    const t = theirsByKey.get(key);
    if (o !== undefined && t !== undefined) {
      if (sameJson(o, t) || (b !== undefined && sameJson(t, b))) return o;
      if (b !== undefined && sameJson(o, b)) return t;
      return winner === 'ours' ? o : t;
    }
    const only = o ?? t;
    if (only === undefined) return undefined;
    // On one side only: new, or removed by the other side (kept only if this side changed it).
    return b === undefined || !sameJson(only, b) ? only : undefined;
  };
  const baseKeys = [...baseByKey.keys()];
  const newKeys = [...new Set([...oursByKey.keys(), ...theirsByKey.keys()])].filter((key) => !baseByKey.has(key)).sort(compareStrings);
  const merged = [...baseKeys, ...newKeys].map(choose).filter((item): item is T => item !== undefined);
  return merged.length > 0 ? merged : undefined;
}

/** Evidence merged per address: a link string and the object that archived it are one item. */
export function mergeEvidenceItems(base: Evidence[] | undefined, ours: Evidence[] | undefined, theirs: Evidence[] | undefined, winner: Side): Evidence[] | undefined {
  return mergeKeyed(base, ours, theirs, evidenceUrl, winner);
}

/** Tags merged as a set: what either side added, minus what one side removed. */
export function mergeTags(base: string[] | undefined, ours: string[] | undefined, theirs: string[] | undefined, winner: Side): string[] | undefined {
  return mergeKeyed(base, ours, theirs, (tag) => tag, winner);
}

/**
 * Comments merged as a union by id, whatever the base: both sides' replies always survive. A
 * tombstone (`deleted`) beats any version of the comment, so a merge never brings a deleted comment
 * back; otherwise the later `edited` wins (an unedited comment counts as edited when written);
 * equal times are decided by the canonical JSON, so the result does not depend on the side.
 * @returns The comments in order of writing (`at`, then id); undefined when there are none.
 */
export function mergeComments(ours: Comment[] | undefined, theirs: Comment[] | undefined): Comment[] | undefined {
  if (sameJson(ours, theirs)) return ours;
  const byId = new Map<string, Comment>();
  for (const comment of [...(ours ?? []), ...(theirs ?? [])]) {
    const other = byId.get(comment.id);
    byId.set(comment.id, other === undefined ? comment : laterComment(other, comment));
  }
  const merged = [...byId.values()].sort((a, b) => timeOf(a.at) - timeOf(b.at) || compareStrings(a.id, b.id));
  return merged.length > 0 ? merged : undefined;
}

/** Of two versions of one comment: the tombstone, else the later edit, else the larger canonical JSON. */
function laterComment(a: Comment, b: Comment): Comment {
  if ((a.deleted === true) !== (b.deleted === true)) return a.deleted === true ? a : b;
  const ta = timeOf(a.edited ?? a.at);
  const tb = timeOf(b.edited ?? b.at);
  if (ta !== tb) return ta > tb ? a : b;
  return compareStrings(JSON.stringify(a), JSON.stringify(b)) >= 0 ? a : b;
}
