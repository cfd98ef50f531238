/**
 * Which comment threads an open article shows, decided without the editor: one per placed annotation
 * (an orphan gets none: a thread at the article's start would claim a place the annotation does not
 * have). A new snapshot refills only the threads whose content changed, and a thread with a comment
 * being edited stays, even when its annotation was orphaned meanwhile, until the edit ends: what was
 * typed exists only in the edit box.
 */
import { followEdits } from '../session/decorationPlan';
import type { Span } from '../span';
import type { TextEdit } from '../store/anchor';
import type { Annotation } from '../store/annotation';
import type { SnapshotEdits } from '../session/articleSession';
import { showsSameThread, type ThreadEntry } from './thread';

/** What a thread shows is built from: the annotation, who "I" am, the team's labels, whether the file can be written. */
export interface ThreadBasis<Team = unknown> {
  annotation: Annotation;
  me: string | undefined;
  team: Team;
  readOnly: boolean;
}

/** Whether two bases show the same thread (a moved annotation does). */
export function sameThreadBasis<Team>(a: ThreadBasis<Team>, b: ThreadBasis<Team>): boolean {
  return showsSameThread(a.annotation, b.annotation) && a.me === b.me && a.team === b.team && a.readOnly === b.readOnly;
}

/** The changes that bring an article's threads in line with its placements. */
export interface ThreadChanges<Shown> {
  /** Placed annotations that have no thread yet. */
  create: { annotation: Annotation; span: Span }[];
  /** Shown threads of placed annotations: their span now, and whether what they show changed. */
  update: { shown: Shown; annotation: Annotation; span: Span; refill: boolean }[];
  /** Shown threads whose annotation is orphaned or gone, and which no edit holds. */
  drop: Shown[];
}

/**
 * @param shown the threads shown now, by annotation id
 * @param placements the article's annotations and their spans (none for orphans)
 * @param viewer who looks, with which team labels, and whether the file is read-only
 * @param isEditing whether a comment of a shown thread is being edited
 */
export function threadChanges<Team, Shown extends ThreadBasis<Team>>(
  shown: ReadonlyMap<string, Shown>,
  placements: readonly { annotation: Annotation; span?: Span }[],
  viewer: Omit<ThreadBasis<Team>, 'annotation'>,
  isEditing: (thread: Shown) => boolean,
): ThreadChanges<Shown> {
  const changes: ThreadChanges<Shown> = { create: [], update: [], drop: [] };
  const placed = new Set<string>();
  for (const { annotation, span } of placements) {
    if (!span) continue;
    placed.add(annotation.id);
    const thread = shown.get(annotation.id);
    if (thread) changes.update.push({ shown: thread, annotation, span, refill: !sameThreadBasis(thread, { ...viewer, annotation }) });
    else changes.create.push({ annotation, span });
  }
  for (const [id, thread] of shown) if (!placed.has(id) && !isEditing(thread)) changes.drop.push(thread);
  return changes;
}

/** A comment of a thread: a new one for an entry, or one being edited, kept with its edit box. */
export type ThreadComment<Editing> = { kind: 'entry'; entry: ThreadEntry } | { kind: 'editing'; comment: Editing; deletedMeanwhile: boolean };

/**
 * A thread's comments in order: one per entry, where a comment being edited keeps its edit box; then
 * the comments being edited that the entries no longer hold (deleted meanwhile, perhaps by a
 * teammate's git pull): they stay with their edit boxes, and saving posts the text as a new reply
 * (`withEditOrReply`).
 * @param editing the comments being edited, by comment id
 */
export function threadComments<Editing>(entries: readonly ThreadEntry[], editing: ReadonlyMap<string, Editing>): ThreadComment<Editing>[] {
  const comments = entries.map((entry): ThreadComment<Editing> => {
    const comment = entry.kind === 'comment' ? editing.get(entry.id) : undefined;
    return comment === undefined ? { kind: 'entry', entry } : { kind: 'editing', comment, deletedMeanwhile: false };
  });
  const shown = new Set(entries.map((e) => (e.kind === 'comment' ? e.id : undefined)));
  for (const [id, comment] of editing) if (!shown.has(id)) comments.push({ kind: 'editing', comment, deletedMeanwhile: true });
  return comments;
}

/** Where a thread was placed: its annotation's span then, and the lines its range covered. */
export interface PlacedRange {
  span: Span;
  firstLine: number;
  lastLine: number;
}

/**
 * The lines of the text now that the edits (in the order they were made) touched, when none of them
 * added or removed a line break: the line count stayed and no edit inserts one. Undefined when
 * lines may have moved.
 * @param lineOf the line of an offset of the text now
 */
export function touchedLines(edits: readonly TextEdit[], lineCountBefore: number, lineCountNow: number, lineOf: (offset: number) => number): ReadonlySet<number> | undefined {
  if (lineCountBefore !== lineCountNow || edits.some((e) => /[\r\n]/.test(e.insertedText))) return undefined;
  const lines = new Set<number>();
  edits.forEach((edit, i) => {
    // Where the edit lies after the later ones (the same line: they move no line break).
    let offset = edit.offset;
    for (const later of edits.slice(i + 1)) {
      if (later.offset + later.deletedLength <= offset) offset += later.insertedText.length - later.deletedLength;
      else if (later.offset < offset) offset = later.offset;
    }
    lines.add(lineOf(offset));
  });
  return lines;
}

/**
 * True when a thread placed at `before` keeps its lines and columns with its annotation's span now
 * `span`: the span only moved with edits on other lines (a keystroke moves the offsets of every later
 * annotation, but the line and column of none on other lines), so VS Code need not be sent its range again.
 * @param touched {@link touchedLines} of `edits`; undefined when lines may have moved
 */
export function keepsLinesAndColumns(before: PlacedRange, span: Span, edits: readonly TextEdit[], touched: ReadonlySet<number> | undefined): boolean {
  if (!touched) return false;
  const followed = followEdits(before.span, edits);
  if (!followed || followed.start !== span.start || followed.end !== span.end) return false;
  for (const line of touched) if (line >= before.firstLine && line <= before.lastLine) return false;
  return true;
}

/** A thread as the editor shows it: what it was built from, and where it was placed. */
export interface PlacedThread<Team> extends ThreadBasis<Team> {
  placed: PlacedRange;
}

/** {@link ThreadChanges}, each update saying whether its thread keeps its range on screen. */
export interface ThreadPlan<Shown> extends ThreadChanges<Shown> {
  update: (ThreadChanges<Shown>['update'][number] & { keepsRange: boolean })[];
}

/**
 * How a new snapshot changes an article's threads ({@link threadChanges}). A keystroke moves the
 * offsets of every later annotation, but lines and columns only on its own line: a thread whose span
 * only moved with the snapshot's edits on other lines keeps its range (see keepsLinesAndColumns); only
 * the others are placed again.
 * @param before the snapshot version the shown threads were placed in, and the article's line count then; undefined when none were
 * @param now the article's line count now, and the line of an offset of its text now
 */
export function threadPlan<Team, Shown extends PlacedThread<Team>>(
  shown: ReadonlyMap<string, Shown>,
  snapshot: { placements: readonly { annotation: Annotation; span?: Span }[]; edits: SnapshotEdits | undefined },
  viewer: Omit<ThreadBasis<Team>, 'annotation'>,
  isEditing: (thread: Shown) => boolean,
  before: { version: number; lineCount: number } | undefined,
  now: { lineCount: number; lineOf: (offset: number) => number },
): ThreadPlan<Shown> {
  const changes = threadChanges(shown, snapshot.placements, viewer, isEditing);
  // The edits since the threads were placed, and the lines they touched (none moved: see touchedLines).
  const edits = before && snapshot.edits?.from === before.version ? snapshot.edits.edits : undefined;
  const touched = edits && touchedLines(edits, before!.lineCount, now.lineCount, now.lineOf);
  const update = changes.update.map((u) => ({ ...u, keepsRange: edits !== undefined && keepsLinesAndColumns(u.shown.placed, u.span, edits, touched) }));
  return { ...changes, update };
}
