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
  /** The thread's JSON text as UTF-8, in the file's canonical layout; undefined once the array was replaced. */
  bytes: Buffer | undefined;
  /** The array, once parsed or assigned. */
  comments: Comment[] | undefined;
}

type Holder = Annotation & { [THREAD]?: ThreadSlot };

function readComments(this: Holder): Comment[] | undefined {
  const slot = this[THREAD] as ThreadSlot;
  slot.comments ??= JSON.parse((slot.bytes as Buffer).toString('utf8')) as Comment[];
  return slot.comments;
}

function replaceComments(this: Holder, comments: Comment[] | undefined): void {
  (this[THREAD] as ThreadSlot).bytes = undefined;
  (this[THREAD] as ThreadSlot).comments = comments;
}

const ACCESSOR: PropertyDescriptor = { get: readComments, set: replaceComments, enumerable: true, configurable: true };

/**
 * Gives an annotation a held thread as its `comments`, added as its last key (where the file's
 * order puts it). The annotation must not have `comments` yet.
 * @param bytes The thread's JSON array as the file holds it (canonical layout, valid UTF-8).
 */
export function holdThread(annotation: Annotation, bytes: Buffer): void {
  Object.defineProperty(annotation, 'comments', ACCESSOR);
  Object.defineProperty(annotation, THREAD, { value: { bytes, comments: undefined } satisfies ThreadSlot, writable: true });
}

/**
 * The bytes of an annotation's thread when it is still held as read (its `comments` neither
 * replaced nor redefined), else undefined.
 */
export function heldThreadBytes(annotation: Annotation): Buffer | undefined {
  const slot = (annotation as Holder)[THREAD];
  if (slot?.bytes === undefined) return undefined;
  // `delete a.comments` or a redefinition leaves the slot behind: the thread counts only while the accessor is there.
  return Object.getOwnPropertyDescriptor(annotation, 'comments')?.get === readComments ? slot.bytes : undefined;
}

/** Whether an annotation has comments (a held thread or an array), without parsing a held thread. */
export function hasComments(annotation: Annotation): boolean {
  return heldThreadBytes(annotation) !== undefined || annotation.comments !== undefined;
}

/**
 * Whether two annotations' threads are equal, told from their bytes when both are held: equal bytes
 * are equal threads. Undefined when that does not settle it (one is not held, or the bytes differ
 * and the arrays must be compared: the layout is canonical, but an equal thread read from a
 * differently indented place would differ in bytes).
 */
export function heldThreadsEqual(a: Annotation, b: Annotation): boolean | undefined {
  const x = heldThreadBytes(a);
  if (x === undefined) return undefined;
  const y = heldThreadBytes(b);
  return y !== undefined && x.equals(y) ? true : undefined;
}

/** Gives `copy` the same held thread as `annotation` (as its last key), when it has one. @returns whether it had. */
export function shareHeldThread(annotation: Annotation, copy: Annotation): boolean {
  const bytes = heldThreadBytes(annotation);
  if (bytes === undefined) return false;
  holdThread(copy, bytes);
  // The parsed array is shared too, as a copy of a plain annotation would share it.
  ((copy as Holder)[THREAD] as ThreadSlot).comments = ((annotation as Holder)[THREAD] as ThreadSlot).comments;
  return true;
}
