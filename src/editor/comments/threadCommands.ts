/**
 * The commands of the annotation threads' menus and reply box: reply, resolve and unresolve, edit
 * and delete one's own comments, and change the verdict (the existing verdict command, on the
 * thread's annotation). Every change goes through the store, so it is validated, merged with what
 * arrived from disk, and saved; the thread then shows it from the next snapshot.
 */
import * as vscode from 'vscode';
import { withDeletion, withEditOrReply, withReply } from '../../core/discussion/thread';
import { commentChangeFailure, deleteCommentQuestion, postedAsReplyMessage } from '../../core/discussion/threadWords';
import type { AnnotationPatch } from '../../core/store';
import type { Annotation } from '../../core/store/annotation';
import type { AnnotationService } from '../annotationService';
import { run, type AnnotationArgs } from '../commands/context';
import { AnnotationComment, type AnnotationThreads, type ThreadTarget } from './annotationThreads';

/** Runs a change of a thread's annotation; a refusal or a failed save is said, nothing is thrown. */
async function change(
  annotations: AnnotationService,
  target: ThreadTarget | undefined,
  patchFor: (current: Annotation, me: string, now: Date) => AnnotationPatch,
): Promise<Annotation | undefined> {
  if (!target) return undefined;
  const patch = (current: Annotation, me: string): AnnotationPatch => patchFor(current, me, new Date());
  return run(() => annotations.updateWith(target.folder, target.annotationId, patch), (_reason, error) => commentChangeFailure(vscode.l10n, error));
}

function isThreadComment(value: unknown): value is AnnotationComment {
  return value instanceof AnnotationComment;
}

/** The annotation of a thread, or of the thread a comment is in, as the verdict commands take it. */
function annotationArgs(threads: AnnotationThreads, value: vscode.CommentThread | AnnotationComment): AnnotationArgs | undefined {
  const target = threads.targetOf(isThreadComment(value) ? value.parent : value);
  return target && { folder: target.folder.uri.toString(), id: target.annotationId };
}

export function registerThreadCommands(threads: AnnotationThreads, annotations: AnnotationService): vscode.Disposable[] {
  const reply = (input: vscode.CommentReply): Promise<Annotation | undefined> =>
    change(annotations, threads.targetOf(input.thread), (current, me, now) => ({ comments: withReply(current.comments, { author: me, body: input.text, at: now }) }));
  const setResolved = (thread: vscode.CommentThread, resolved: boolean): Promise<Annotation | undefined> =>
    change(annotations, threads.targetOf(thread), () => ({ resolved }));

  const save = async (comment: AnnotationComment): Promise<Annotation | undefined> => {
    const id = comment.commentId;
    if (!id) return undefined;
    let asReply = false;
    const saved = await change(annotations, threads.targetOf(comment.parent), (current, me, now) => {
      const edit = withEditOrReply(current.comments, id, comment.editedText(), me, now);
      asReply = edit.asReply;
      return { comments: edit.comments };
    });
    // Refused or failed: the edit box stays open with the text, so nothing typed is lost.
    if (saved) threads.stopEditing(comment);
    if (saved && asReply) void vscode.window.showInformationMessage(postedAsReplyMessage(vscode.l10n));
    return saved;
  };

  const remove = async (comment: AnnotationComment, confirmed?: boolean): Promise<Annotation | undefined> => {
    const id = comment.commentId;
    if (!id) return undefined;
    const confirm = vscode.l10n.t('Delete');
    const sure = confirmed === true || (await vscode.window.showWarningMessage(deleteCommentQuestion(vscode.l10n), { modal: true }, confirm)) === confirm;
    if (!sure) return undefined;
    return change(annotations, threads.targetOf(comment.parent), (current, me, now) => ({ comments: withDeletion(current.comments, id, me, now) }));
  };

  const runVerdictCommand = (command: string, value: vscode.CommentThread | AnnotationComment): Thenable<unknown> | undefined => {
    const args = annotationArgs(threads, value);
    return args && vscode.commands.executeCommand(command, args);
  };

  return [
    vscode.commands.registerCommand('aiNews.replyToAnnotation', reply),
    vscode.commands.registerCommand('aiNews.resolveThread', (thread: vscode.CommentThread) => setResolved(thread, true)),
    vscode.commands.registerCommand('aiNews.unresolveThread', (thread: vscode.CommentThread) => setResolved(thread, false)),
    vscode.commands.registerCommand('aiNews.changeVerdictInThread', (value: vscode.CommentThread | AnnotationComment) => runVerdictCommand('aiNews.setStatus', value)),
    vscode.commands.registerCommand('aiNews.editNoteInThread', (value: vscode.CommentThread | AnnotationComment) => runVerdictCommand('aiNews.editNote', value)),
    vscode.commands.registerCommand('aiNews.editComment', (comment: AnnotationComment) => isThreadComment(comment) && threads.startEditing(comment)),
    vscode.commands.registerCommand('aiNews.saveComment', (comment: AnnotationComment) => (isThreadComment(comment) ? save(comment) : undefined)),
    vscode.commands.registerCommand('aiNews.cancelEditComment', (comment: AnnotationComment) => isThreadComment(comment) && threads.stopEditing(comment)),
    vscode.commands.registerCommand('aiNews.deleteComment', (comment: AnnotationComment, confirmed?: boolean) => (isThreadComment(comment) ? remove(comment, confirmed) : undefined)),
  ];
}
