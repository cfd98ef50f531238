/**
 * One comment thread per annotation in VS Code's Comments UI (the editor and the Comments panel),
 * on the annotation's current range in the article's published snapshot: threads follow edits and
 * re-anchoring exactly as the highlights do. Only open articles get threads, and a new snapshot
 * updates only the threads whose annotation, range or viewer changed (an article with thousands of
 * annotations does not rebuild them on every keystroke).
 *
 * An orphaned annotation gets no thread: a thread at the article's start would claim a place the
 * annotation does not have, and the Comments panel would list it there. Its discussion stays in the
 * file and comes back with the thread when the annotation is re-anchored (the Annotations view
 * lists orphans for that). A thread with a comment being edited stays until the edit ends, so that
 * nothing typed is lost; so does a comment deleted meanwhile. These decisions are the core's
 * (src/core/discussion/threadSync.ts); this module maps them to VS Code's threads and comments.
 *
 * Bodies are other people's markdown: rewritten inert by the core and rendered untrusted.
 */
import * as vscode from 'vscode';
import { commentView, threadEntries, type CommentRole, type ThreadEntry } from '../../core/discussion/thread';
import { commentLabel, controllerLabel, deletedMeanwhileLabel, replyBoxOptions, verdictBodyParts } from '../../core/discussion/threadWords';
import { threadComments, threadPlan, type PlacedRange, type PlacedThread, type ThreadBasis } from '../../core/discussion/threadSync';
import type { TeamConfig } from '../../core/team/team';
import type { AnnotationService } from '../annotationService';
import type { ArticleSnapshot, SnapshotSource } from '../articleSessions';
import type { TeamSource } from '../decorations';
import { appendParts } from '../hover';
import { Disposable } from '../disposable';
import { groupLabel } from '../labels';
import { onDidChangeSettings } from '../settings';
import { toRange, type Span } from '../ranges';

export const COMMENT_CONTROLLER_ID = 'aiNews.annotations';

/** The annotation a thread belongs to. */
export interface ThreadTarget {
  folder: vscode.WorkspaceFolder;
  annotationId: string;
}

/** Markdown from other people: no command links, no HTML, no theme icons. */
export function untrustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** One comment of a thread; the commands get it back from VS Code (edit, save, delete). */
export class AnnotationComment implements vscode.Comment {
  body: string | vscode.MarkdownString;
  mode = vscode.CommentMode.Preview;
  readonly author: vscode.CommentAuthorInformation;
  readonly contextValue: CommentRole;
  readonly timestamp: Date;
  label: string | undefined;
  /** The comment's id in the file; undefined for the verdict. */
  readonly commentId: string | undefined;
  /** The body as written, what an edit starts from. */
  readonly source: string;

  constructor(readonly parent: vscode.CommentThread, entry: ThreadEntry, team: TeamConfig) {
    const view = commentView(entry);
    this.author = { name: entry.author };
    this.timestamp = new Date(view.at);
    this.commentId = view.commentId;
    this.source = view.source;
    this.contextValue = view.role;
    this.label = commentLabel(vscode.l10n, view);
    this.body = entry.kind === 'verdict' ? appendParts(untrustedMarkdown(''), verdictBodyParts(groupLabel(entry.status, team), entry.markdown)) : untrustedMarkdown(entry.markdown);
  }

  /** Shows the text as written in an edit box. */
  startEditing(): void {
    this.mode = vscode.CommentMode.Editing;
    this.body = this.source;
  }

  /** The text in the edit box (VS Code writes what was typed into the body before the save command runs). */
  editedText(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

/** A thread on screen and what it was built from (to update only what changed). */
interface ShownThread extends PlacedThread<TeamConfig> {
  thread: vscode.CommentThread;
  target: ThreadTarget;
}

function placedRange(span: Span, range: vscode.Range): PlacedRange {
  return { span, firstLine: range.start.line, lastLine: range.end.line };
}

function isEditing(shown: ShownThread): boolean {
  return shown.thread.comments.some((c) => c.mode === vscode.CommentMode.Editing);
}

export class AnnotationThreads extends Disposable {
  private readonly controller = this.register(vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, controllerLabel(vscode.l10n)));
  /** Shown threads by document URI, then by annotation id. */
  private readonly documents = new Map<string, { document: vscode.TextDocument; snapshot: ArticleSnapshot; lineCount: number; threads: Map<string, ShownThread> }>();
  private readonly targets = new WeakMap<vscode.CommentThread, ThreadTarget>();

  constructor(
    sessions: SnapshotSource,
    private readonly annotations: AnnotationService,
    private readonly teams: TeamSource,
  ) {
    super();
    this.controller.options = replyBoxOptions(vscode.l10n);
    this.register(sessions.onDidChangeArticle(({ document, snapshot }) => this.show(document, snapshot)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())));
    // Who "I" am and the team's labels change what threads show, without a new snapshot.
    this.register(teams.onDidChange(() => this.refreshAll()));
    this.register(onDidChangeSettings(['aiNews.author'], () => this.refreshAll()));
    this.register({ dispose: () => this.forgetAll() });
  }

  /** The annotation a thread (or a comment of one) belongs to; undefined for another controller's thread. */
  targetOf(thread: vscode.CommentThread): ThreadTarget | undefined {
    return this.targets.get(thread);
  }

  /** The thread shown for an annotation in an open article (tests and commands). */
  threadFor(uri: vscode.Uri, annotationId: string): vscode.CommentThread | undefined {
    return this.documents.get(uri.toString())?.threads.get(annotationId)?.thread;
  }

  /** Brings an article's threads in line with its snapshot: creates, updates and disposes only what changed. */
  private show(document: vscode.TextDocument, snapshot: ArticleSnapshot): void {
    // A snapshot of an older version would place threads in text that is gone; the next one follows.
    if (this.isDisposed || document.isClosed || snapshot.version !== document.version) return;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return;
    const key = document.uri.toString();
    const known = this.documents.get(key);
    const threads = known?.threads ?? new Map<string, ShownThread>();
    this.documents.set(key, { document, snapshot, lineCount: document.lineCount, threads });
    const viewer = {
      me: this.annotations.knownAuthor(document.uri),
      team: this.teams.teamFor(document.uri),
      readOnly: this.annotations.storeFor(folder)?.readOnlyReason !== undefined,
    };
    const before = known && { version: known.snapshot.version, lineCount: known.lineCount };
    const changes = threadPlan(threads, snapshot, viewer, isEditing, before, { lineCount: document.lineCount, lineOf: (offset) => document.positionAt(offset).line });
    for (const { annotation, span } of changes.create) threads.set(annotation.id, this.create(document, { folder, annotationId: annotation.id }, { annotation, ...viewer }, span));
    for (const { shown, annotation, span, refill, keepsRange } of changes.update) {
      // A thread placed again is sent to VS Code only when its range changed.
      if (keepsRange) shown.placed = { ...shown.placed, span };
      else {
        const range = toRange(document, span);
        if (!shown.thread.range?.isEqual(range)) shown.thread.range = range;
        shown.placed = placedRange(span, range);
      }
      Object.assign(shown, { annotation, ...viewer });
      if (refill) this.fill(shown);
    }
    for (const shown of changes.drop) {
      shown.thread.dispose();
      threads.delete(shown.target.annotationId);
    }
  }

  private create(document: vscode.TextDocument, target: ThreadTarget, basis: ThreadBasis<TeamConfig>, span: Span): ShownThread {
    const range = toRange(document, span);
    const thread = this.controller.createCommentThread(document.uri, range, []);
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
    this.targets.set(thread, target);
    const shown: ShownThread = { thread, target, placed: placedRange(span, range), ...basis };
    this.fill(shown);
    return shown;
  }

  /** Sets a thread's comments, label and state from its annotation; a comment being edited keeps its edit box. */
  private fill(shown: ShownThread): void {
    const { thread, annotation, me, team, readOnly } = shown;
    const editing = new Map<string, AnnotationComment>();
    for (const c of thread.comments) if (c instanceof AnnotationComment && c.commentId && c.mode === vscode.CommentMode.Editing) editing.set(c.commentId, c);
    thread.comments = threadComments(threadEntries(annotation, me), editing).map((c) => {
      if (c.kind === 'entry') return new AnnotationComment(thread, c.entry, team);
      if (c.deletedMeanwhile) c.comment.label = deletedMeanwhileLabel(vscode.l10n);
      return c.comment;
    });
    thread.label = groupLabel(annotation.status, team);
    const resolved = annotation.resolved === true;
    thread.state = resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    thread.contextValue = resolved ? 'resolved' : 'unresolved';
    thread.canReply = !readOnly;
  }

  /** Shows every open article's threads again from its last snapshot (a new author or team file). */
  private refreshAll(): void {
    for (const { document, snapshot } of [...this.documents.values()]) this.show(document, snapshot);
  }

  /** Opens a comment's edit box with the text as written. */
  startEditing(comment: AnnotationComment): void {
    comment.startEditing();
    // VS Code redraws a thread when its comments are assigned.
    comment.parent.comments = [...comment.parent.comments];
  }

  /** Closes a comment's edit box: the thread shows the annotation as it is now (and goes if it was kept only for the edit). */
  stopEditing(comment: AnnotationComment): void {
    comment.mode = vscode.CommentMode.Preview;
    const target = this.targets.get(comment.parent);
    const known = this.documents.get(comment.parent.uri.toString());
    const shown = target && known?.threads.get(target.annotationId);
    if (!known || !shown) return;
    this.fill(shown);
    this.show(known.document, known.snapshot);
  }

  private forget(key: string): void {
    const known = this.documents.get(key);
    if (!known) return;
    for (const shown of known.threads.values()) shown.thread.dispose();
    this.documents.delete(key);
  }

  private forgetAll(): void {
    for (const key of [...this.documents.keys()]) this.forget(key);
  }
}
