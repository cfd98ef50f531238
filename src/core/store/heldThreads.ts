/**
 * Comment threads held as the bytes the file holds them in, parsed on first access.
 *
 * Opening a file of 10,000 annotations with 5 comments each spent most of its time parsing the
 * comments and collecting the garbage of that (docs/performance.md). The lazy reader
 * (lazyRead.ts) therefore gives an annotation whose thread it checked at open an own, enumerable
 * accessor `comments` in place of the array: reading it parses the thread once and keeps the
 * array, so every consumer sees what JSON.parse would have given; assigning it replaces the thread.
 * The bytes stay available to the parts that need no array: equality (`jsonEqual`), the merge of
 * unchanged threads and the serialiser, which writes them as they are (they are in the file's
 * canonical form: the reader holds nothing else).
 *
 * The getter and setter are one pair of functions for all annotations, so that V8 keeps the
 * objects in fast mode (a closure per object would turn each into a dictionary).
 */
import type { Annotation, Comment } from './annotation';

/** Where an annotation keeps its held thread: not enumerable, so spreads, JSON and `for...in` never see it. */
const THREAD = Symbol('held comment thread');

interface ThreadSlot {
  /** The bytes the thread was read from (a whole file's, shared by its threads: no buffer per thread at open). */
  readonly source: Buffer;
  /** Where the thread's JSON text is in `source` (UTF-8, the file's canonical layout). */
  readonly start: number;
  readonly end: number;
  /** The thread's bytes as a buffer of their own, cut from `source` when first asked for. */
  bytes: Buffer | undefined;
  /** The array, once parsed or assigned. */
  comments: Comment[] | undefined;
  /** Whether `comments` was assigned: the bytes are then no longer the thread. */
  replaced: boolean;
}

type Holder = Annotation & { [THREAD]?: ThreadSlot };

function readComments(this: Holder): Comment[] | undefined {
  const slot = this[THREAD] as ThreadSlot;
  if (!slot.replaced) slot.comments ??= JSON.parse(slot.source.toString('utf8', slot.start, slot.end)) as Comment[];
  return slot.comments;
}

function replaceComments(this: Holder, comments: Comment[] | undefined): void {
  const slot = this[THREAD] as ThreadSlot;
  slot.replaced = true;
  slot.bytes = undefined;
  slot.comments = comments;
}

/**
 * Not configurable: `delete` or a redefinition of `comments` fails (a TypeError in strict code), so
 * the slot always belongs to the accessor that reads it.
 */
const ACCESSOR: PropertyDescriptor = { get: readComments, set: replaceComments, enumerable: true, configurable: false };

function holdSlot(annotation: Annotation, slot: ThreadSlot): void {
  Object.defineProperty(annotation, 'comments', ACCESSOR);
  Object.defineProperty(annotation, THREAD, { value: slot });
}

/**
 * Gives an annotation a held thread as its `comments`, added as its last key (where the file's
 * order puts it). The annotation must not have `comments` yet.
 * @param source Bytes holding the thread's JSON array from `start` to `end` as the file holds it
 *   (canonical layout, valid UTF-8); kept, not copied.
 */
export function holdThread(annotation: Annotation, source: Buffer, start: number, end: number): void {
  holdSlot(annotation, { source, start, end, bytes: undefined, comments: undefined, replaced: false });
}

/** The annotation's slot when its thread is still held as read (its `comments` not replaced). */
function heldSlot(annotation: Annotation): ThreadSlot | undefined {
  const slot = (annotation as Holder)[THREAD];
  return slot === undefined || slot.replaced ? undefined : slot;
}

/** Whether an annotation's thread is still held as read (its `comments` not replaced), without cutting or parsing it. */
export function holdsThread(annotation: Annotation): boolean {
  return heldSlot(annotation) !== undefined;
}

/** The bytes of an annotation's thread when it is still held as read (its `comments` not replaced), else undefined. */
export function heldThreadBytes(annotation: Annotation): Buffer | undefined {
  const slot = heldSlot(annotation);
  if (slot === undefined) return undefined;
  slot.bytes ??= slot.source.subarray(slot.start, slot.end);
  return slot.bytes;
}

/** Whether an annotation has comments (a held thread or an array), without parsing a held thread. */
export function hasComments(annotation: Annotation): boolean {
  return holdsThread(annotation) || annotation.comments !== undefined;
}

/**
 * Whether two annotations' threads are equal, told from their bytes when both are held; undefined
 * when one is not held (the arrays must be compared then). Held threads are in the file's canonical
 * layout at the same depth (the reader holds nothing else), so their bytes are a function of their
 * comments: equal bytes are equal threads, and different bytes different ones.
 */
export function heldThreadsEqual(a: Annotation, b: Annotation): boolean | undefined {
  const x = heldSlot(a);
  const y = x === undefined ? undefined : heldSlot(b);
  if (x === undefined || y === undefined) return undefined;
  if (x.end - x.start !== y.end - y.start) return false;
  return (x.source === y.source && x.start === y.start) || x.source.compare(y.source, y.start, y.end, x.start, x.end) === 0;
}

/** Gives `copy` the same held thread as `annotation` (as its last key), when it has one. @returns whether it had. */
export function shareHeldThread(annotation: Annotation, copy: Annotation): boolean {
  const slot = heldSlot(annotation);
  if (slot === undefined) return false;
  // The parsed array is shared too, as a copy of a plain annotation would share it.
  holdSlot(copy, { ...slot });
  return true;
}
