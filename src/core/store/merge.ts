/**
 * Three-way merge of annotation files by annotation id.
 *
 * Per annotation, fields are merged in groups: a group changed on one side only takes that side's
 * value, so one person's note and another's status both survive. When both sides changed the same
 * group differently, the side with the later `modified` wins; equal times are broken by comparing
 * the JSON of the group's two values, so the merge does not depend on which side is "ours"
 * (commutative), merging a file with itself changes nothing, and merging the result again with
 * either side changes nothing either (idempotent).
 *
 * Groups: the anchor (`article`, `quote`, `position`, `articleHash`: they only make sense together),
 * `status`, `note`, `reviewBy`, `private`, `author`, `created`, and from version 2 `assignee`,
 * `review` (one group: an approval is of one verdict) and `resolved`; `evidence` is merged per
 * address and `tags` as a set; `history` is an append-only log, merged as a set; `comments` are a
 * union by id with tombstones (mergeVersion2.ts); `modified` is the later of both.
 *
 * Deletions: deleted on one side and unchanged on the other (position changes from text edits do not
 * count) deletes; deleted on one side and changed on the other keeps the changed one, so nothing is lost.
 */
import { requiredFileVersion, type Annotation, type AnnotationFile, type StatusChange } from './annotation';
import { compareStrings, parseAnnotationFile, sortAnnotations } from './file';
import { jsonEqual } from './jsonEqual';
import { heldThreadsDiffer, mergeComments, mergeEvidenceItems, mergeTags, takeSettledThread } from './mergeVersion2';

type Side = 'ours' | 'theirs';

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** The later of two ISO times; equal instants written differently resolve by string order. */
function laterTime(a: string, b: string): string {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta > tb ? a : b;
  return compareStrings(a, b) >= 0 ? a : b;
}

/** Decides, for one field both sides changed differently, whose value is taken. */
export type Winner = (oursValue: unknown, theirsValue: unknown) => Side;

/**
 * Which side wins where both changed the same field: the later `modified`; at equal times, the
 * field's value with the larger JSON. Deciding a tie by the field alone (not by the rest of the
 * annotation) keeps the merge idempotent: merging the result again with either side changes nothing.
 */
function winnerOf(ours: Annotation, theirs: Annotation): Winner {
  const to = timeOf(ours.modified);
  const tt = timeOf(theirs.modified);
  const byTime = to !== tt ? to - tt : compareStrings(ours.modified, theirs.modified);
  if (byTime !== 0) {
    const side: Side = byTime > 0 ? 'ours' : 'theirs';
    return () => side;
  }
  return (o, t) => (compareStrings(JSON.stringify(o) ?? '', JSON.stringify(t) ?? '') >= 0 ? 'ours' : 'theirs');
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function anchorOf(a: Annotation): unknown {
  return [a.article, a.quote.exact, a.quote.prefix, a.quote.suffix, a.position.start, a.position.end, a.articleHash ?? null];
}

/** Three-way choice for one group of fields. */
function pick<T>(base: T | undefined, ours: T, theirs: T, hasBase: boolean, winner: Winner): Side {
  if (sameJson(ours, theirs)) return 'ours';
  if (hasBase && sameJson(ours, base)) return 'theirs';
  if (hasBase && sameJson(theirs, base)) return 'ours';
  return winner(ours, theirs);
}

function changeKey(change: StatusChange): string {
  return JSON.stringify([change.status, change.at, change.author]);
}

/** Set merge of the status history: everything either side has, minus what one side removed from the base. */
function mergeHistory(base: StatusChange[] | undefined, ours: StatusChange[] | undefined, theirs: StatusChange[] | undefined): StatusChange[] | undefined {
  if (sameJson(ours, theirs)) return ours;
  if (base !== undefined && sameJson(ours, base)) return theirs;
  if (base !== undefined && sameJson(theirs, base)) return ours;
  const oursKeys = new Set((ours ?? []).map(changeKey));
  const theirsKeys = new Set((theirs ?? []).map(changeKey));
  const removed = new Set((base ?? []).map(changeKey).filter((key) => !oursKeys.has(key) || !theirsKeys.has(key)));
  const byKey = new Map<string, StatusChange>();
  for (const change of [...(ours ?? []), ...(theirs ?? [])]) {
    const key = changeKey(change);
    if (!removed.has(key)) byKey.set(key, change);
  }
  const merged = [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => timeOf(a.at) - timeOf(b.at) || compareStrings(ka, kb))
    .map(([, change]) => change);
  return merged.length > 0 ? merged : undefined;
}

/** Merges two versions of the same annotation (same id) against their common base, if any. */
export function mergeAnnotation(base: Annotation | undefined, ours: Annotation, theirs: Annotation): Annotation {
  // Most annotations are the same on both sides: tell so without building their JSON.
  if (jsonEqual(ours, theirs)) return ours;
  if (base && jsonEqual(ours, base)) return theirs;
  if (base && jsonEqual(theirs, base)) return ours;
  const winner = winnerOf(ours, theirs);
  const hasBase = base !== undefined;
  const from = <K extends keyof Annotation>(key: K): Annotation[K] => {
    const side = pick(base?.[key], ours[key], theirs[key], hasBase, winner);
    return side === 'ours' ? ours[key] : theirs[key];
  };
  const anchorSide = pick(base && anchorOf(base), anchorOf(ours), anchorOf(theirs), hasBase, winner);
  const anchor = anchorSide === 'ours' ? ours : theirs;
  const merged: Annotation = {
    id: ours.id,
    article: anchor.article,
    status: from('status'),
    quote: anchor.quote,
    position: anchor.position,
    note: from('note'),
    created: from('created'),
    modified: laterTime(ours.modified, theirs.modified),
    author: from('author'),
  };
  const evidence = mergeEvidenceItems(base?.evidence, ours.evidence, theirs.evidence, winner);
  if (evidence !== undefined) merged.evidence = evidence;
  const reviewBy = from('reviewBy');
  if (reviewBy !== undefined) merged.reviewBy = reviewBy;
  if (anchor.articleHash !== undefined) merged.articleHash = anchor.articleHash;
  const isPrivate = from('private');
  if (isPrivate !== undefined) merged.private = isPrivate;
  mergeVersion2Fields(merged, from, mergeTags(base?.tags, ours.tags, theirs.tags, winner));
  const history = mergeHistory(base?.history, ours.history, theirs.history);
  if (history !== undefined) merged.history = history;
  if (!takeSettledThread(base, ours, theirs, merged)) {
    const comments = mergeComments(base?.comments, ours.comments, theirs.comments, heldThreadsDiffer(base, ours, theirs));
    if (comments !== undefined) merged.comments = comments;
  }
  return merged;
}

/** Sets the merged single-valued fields of version 2 (assignee, review, tags, resolved), in file order. */
function mergeVersion2Fields(merged: Annotation, from: <K extends keyof Annotation>(key: K) => Annotation[K], tags: string[] | undefined): void {
  const assignee = from('assignee');
  if (assignee !== undefined) merged.assignee = assignee;
  const review = from('review');
  if (review !== undefined) merged.review = review;
  if (tags !== undefined) merged.tags = tags;
  const resolved = from('resolved');
  if (resolved !== undefined) merged.resolved = resolved;
}

/** Whether `changed` differs from `base` in anything but its position (which text edits move by themselves). */
function changedBeyondPosition(base: Annotation, changed: Annotation): boolean {
  return !jsonEqual({ ...changed, position: base.position }, base);
}

function byId(file: AnnotationFile | null): Map<string, Annotation> {
  return new Map((file?.annotations ?? []).map((a) => [a.id, a]));
}

/**
 * Three-way merge of annotation files by id.
 * @param base The common ancestor, or null when unknown (then nothing counts as deleted).
 * @param ours One side.
 * @param theirs The other side; swapping `ours` and `theirs` gives the same result.
 * @returns A new file, annotations in the file's order; its version is the higher of both sides', or
 *   2 when the merge needs it.
 */
export function mergeAnnotationFiles(base: AnnotationFile | null, ours: AnnotationFile, theirs: AnnotationFile): AnnotationFile {
  const baseById = byId(base);
  const oursById = byId(ours);
  const theirsById = byId(theirs);
  const merged: Annotation[] = [];
  for (const [id, o] of oursById) {
    const t = theirsById.get(id);
    const b = baseById.get(id);
    if (t) merged.push(mergeAnnotation(b, o, t));
    else if (!b || changedBeyondPosition(b, o)) merged.push(o);
  }
  for (const [id, t] of theirsById) {
    if (oursById.has(id)) continue;
    const b = baseById.get(id);
    if (!b || changedBeyondPosition(b, t)) merged.push(t);
  }
  const version = Math.max(ours.version, theirs.version, requiredFileVersion(merged));
  return { version, annotations: sortAnnotations(merged) };
}

/**
 * Resolves a file with git conflict markers by merging both sides by id (and the base, when git wrote
 * one with `merge.conflictStyle=diff3`).
 * @returns The merge and how many annotations each side had, or an error naming the side that cannot be read.
 */
export function resolveConflictMarkers(text: string): { merged: AnnotationFile; oursCount: number; theirsCount: number } | { error: string } {
  const parsed = parseAnnotationFile(text);
  if (parsed.kind === 'ok') return { merged: parsed.file, oursCount: parsed.file.annotations.length, theirsCount: parsed.file.annotations.length };
  if (parsed.kind !== 'conflicted') {
    return { error: parsed.kind === 'invalid' ? `no conflict to resolve: ${parsed.problems[0].message}` : 'no conflict to resolve: the file was written by a newer version' };
  }
  const sides: { name: string; text: string }[] = [
    { name: 'our side', text: parsed.ours },
    { name: 'their side', text: parsed.theirs },
  ];
  const files: AnnotationFile[] = [];
  for (const side of sides) {
    const result = parseAnnotationFile(side.text);
    if (result.kind === 'ok') {
      files.push(result.file);
    } else if (result.kind === 'invalid') {
      const p = result.problems[0];
      return { error: `${side.name} of the conflict cannot be read (line ${p.line}, column ${p.column} of that side: ${p.message})` };
    } else if (result.kind === 'newer') {
      return { error: `${side.name} of the conflict was written by a newer version (file version ${result.version})` };
    } else {
      return { error: `${side.name} of the conflict contains nested conflict markers` };
    }
  }
  const base = parsed.base === undefined ? undefined : parseAnnotationFile(parsed.base);
  const baseFile = base?.kind === 'ok' ? base.file : null;
  return { merged: mergeAnnotationFiles(baseFile, files[0], files[1]), oursCount: files[0].annotations.length, theirsCount: files[1].annotations.length };
}
