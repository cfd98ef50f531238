/**
 * An annotation's discussion thread, as plain data: what the thread shows (the verdict first, then
 * the comments that are not deleted), who may change which comment, and the changes themselves
 * (reply, edit, delete as a tombstone). The editor renders this through VS Code's Comments API and
 * stores the result with `AnnotationStore.update({ comments })`; merges are the store's business.
 */
import { nanoid } from 'nanoid';
import type { Annotation, Comment, Status } from '../store/annotation';
import { inertMarkdown } from './inertMarkdown';

/** The first entry of every thread: the verdict and its note, read-only (changed through the verdict commands). */
export interface VerdictEntry {
  kind: 'verdict';
  status: Status;
  author: string;
  /** When the verdict was given or last changed (not the annotation's `modified`, which every reply moves). */
  at: string;
  /** The note as inert markdown; '' when there is none. */
  markdown: string;
}

/** A comment as a thread shows it. */
export interface CommentEntry {
  kind: 'comment';
  id: string;
  author: string;
  at: string;
  edited?: string;
  /** The body as written (what an edit starts from). */
  body: string;
  /** The body as inert markdown (what is shown). */
  markdown: string;
  /** Whether "I" wrote it, and so may edit or delete it. */
  own: boolean;
}

export type ThreadEntry = VerdictEntry | CommentEntry;

/** What a thread's comment is, for the menus' `comment == …` clauses: the verdict, mine (edit, delete) or someone else's. */
export type CommentRole = 'verdict' | 'own' | 'other';

/** How a thread shows an entry: its id in the file (none for the verdict), the text an edit starts from, its role, when it was last written. */
export interface CommentView {
  commentId?: string;
  source: string;
  role: CommentRole;
  at: string;
  edited: boolean;
}

export function commentView(entry: ThreadEntry): CommentView {
  if (entry.kind === 'verdict') return { source: '', role: 'verdict', at: entry.at, edited: false };
  return { commentId: entry.id, source: entry.body, role: entry.own ? 'own' : 'other', at: entry.edited ?? entry.at, edited: entry.edited !== undefined };
}

/** Why a change to a comment was refused: an empty text, a comment gone (deleted, perhaps by a merge), someone else's. */
export type CommentRefusal = 'empty' | 'gone' | 'not-yours';

/** Raised when a change to a comment is not allowed or not possible; the editor words `reason` for the person. */
export class CommentChangeError extends Error {
  constructor(readonly reason: CommentRefusal, readonly author?: string) {
    super(reason === 'empty' ? 'A comment needs some text.' : reason === 'gone' ? 'This comment no longer exists.' : `Only ${author ?? 'its author'} can change this comment.`);
  }
}

/** Whether a comment is one "I" may edit or delete: written by me and not deleted. */
export function isOwnComment(comment: Comment, me: string): boolean {
  return comment.author === me && comment.deleted !== true;
}

/** What a thread shows: the verdict, then the comments in file order without tombstones. */
export function threadEntries(annotation: Annotation, me: string | undefined): ThreadEntry[] {
  const lastChange = annotation.history?.at(-1);
  const verdict: VerdictEntry = {
    kind: 'verdict',
    status: annotation.status,
    author: lastChange?.author ?? annotation.author,
    at: lastChange?.at ?? annotation.created,
    markdown: inertMarkdown(annotation.note),
  };
  const comments = (annotation.comments ?? [])
    .filter((c) => c.deleted !== true)
    .map((c): CommentEntry => ({
      kind: 'comment',
      id: c.id,
      author: c.author,
      at: c.at,
      ...(c.edited !== undefined ? { edited: c.edited } : {}),
      body: c.body,
      markdown: inertMarkdown(c.body),
      own: me !== undefined && isOwnComment(c, me),
    }));
  return [verdict, ...comments];
}

/**
 * Whether two versions of an annotation show the same thread: a saved article moves every
 * annotation's position (new objects), which must not rebuild every thread.
 */
export function showsSameThread(a: Annotation, b: Annotation): boolean {
  return a === b || (a.status === b.status && a.note === b.note && a.author === b.author && a.created === b.created &&
    a.resolved === b.resolved && a.history === b.history && a.comments === b.comments);
}

/** An id not yet used in the list (nanoid: the letters, digits, '_' and '-' the contract allows). */
export function newCommentId(comments: readonly Comment[] | undefined, generate: () => string = () => nanoid(12)): string {
  const taken = new Set((comments ?? []).map((c) => c.id));
  for (;;) {
    const id = generate();
    if (!taken.has(id)) return id;
  }
}

function requireText(body: string): string {
  if (body.trim() === '') throw new CommentChangeError('empty');
  return body;
}

/** The list with a new comment at its end. */
export function withReply(comments: readonly Comment[] | undefined, reply: { author: string; body: string; at: Date; id?: string }): Comment[] {
  const id = reply.id ?? newCommentId(comments);
  return [...(comments ?? []), { id, author: reply.author, at: reply.at.toISOString(), body: requireText(reply.body) }];
}

function ownComment(comments: readonly Comment[] | undefined, id: string, me: string): Comment {
  const comment = comments?.find((c) => c.id === id);
  if (!comment || comment.deleted === true) throw new CommentChangeError('gone');
  if (!isOwnComment(comment, me)) throw new CommentChangeError('not-yours', comment.author);
  return comment;
}

/** The list with my comment's body replaced and `edited` set; unchanged text changes nothing. */
export function withEdit(comments: readonly Comment[] | undefined, id: string, body: string, me: string, at: Date): Comment[] {
  const comment = ownComment(comments, id, me);
  if (comment.body === requireText(body)) return [...(comments ?? [])];
  return (comments ?? []).map((c) => (c.id === id ? { ...c, body, edited: at.toISOString() } : c));
}

/**
 * My edit of a comment saved even when the comment is gone (deleted, perhaps by a teammate through a
 * git pull, while my edit box was open): then the text becomes a new reply, so that nothing typed is
 * lost. Someone else's comment is still refused.
 */
export function withEditOrReply(comments: readonly Comment[] | undefined, id: string, body: string, me: string, at: Date): { comments: Comment[]; asReply: boolean } {
  const comment = comments?.find((c) => c.id === id);
  if (comment && comment.deleted !== true) return { comments: withEdit(comments, id, body, me, at), asReply: false };
  return { comments: withReply(comments, { author: me, body, at }), asReply: true };
}

/** The list with my comment turned into a tombstone: its body is gone, and a merge cannot bring it back. */
export function withDeletion(comments: readonly Comment[] | undefined, id: string, me: string, at: Date): Comment[] {
  ownComment(comments, id, me);
  return (comments ?? []).map((c) => (c.id === id ? { id: c.id, author: c.author, at: c.at, body: '', edited: at.toISOString(), deleted: true } : c));
}
