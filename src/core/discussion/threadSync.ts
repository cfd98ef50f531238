/**
 * Which comment threads an open article shows, decided without the editor: one per placed annotation
 * (an orphan gets none: a thread at the article's start would claim a place the annotation does not
 * have). A new snapshot refills only the threads whose content changed, and a thread with a comment
 * being edited stays, even when its annotation was orphaned meanwhile, until the edit ends: what was
 * typed exists only in the edit box.
 */
import type { Span } from '../span';
import type { Annotation } from '../store/annotation';
import { showsSameThread } from './thread';

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

/**
 * The comments being edited that a thread's entries no longer hold (deleted meanwhile, perhaps by a
 * teammate's git pull): they stay in the thread with their edit boxes, and saving posts the text as
 * a new reply (`withEditOrReply`).
 */
export function editsWithoutComment(entries: readonly { kind: string; id?: string }[], editing: Iterable<string>): string[] {
  const shown = new Set(entries.map((e) => e.id));
  return [...editing].filter((id) => !shown.has(id));
}
