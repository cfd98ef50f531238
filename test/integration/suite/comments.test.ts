/**
 * Discussion threads in the real editor: one thread per annotation through VS Code's Comments API,
 * on the annotation's range; a reply typed into the thread's box lands in the annotation file; a
 * teammate's reply arriving from disk appears; hostile markdown renders inert; resolve, edit and
 * delete write the file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnnotationComment, AnnotationThreads } from '../../../src/editor/comments/annotationThreads';
import { actLikeAPerson, annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, screenshot, waitFor, workspacePath } from '../helpers';

const ARTICLE = 'discussion.md';
const ARTICLE_TEXT = [
  '# KI-Startups sammeln Rekordsummen',
  '',
  'Mistral AI hat nach eigenen Angaben 600 Millionen Euro eingesammelt.',
  '',
  'Die Bewertung liegt laut Bloomberg bei sechs Milliarden Dollar.',
  '',
].join('\n');
const CLAIM = 'Mistral AI hat nach eigenen Angaben 600 Millionen Euro eingesammelt.';
const HOSTILE = 'Click [x](command:workbench.action.quit) or <img src="https://tracker.example/p.gif" onerror="alert(1)"> ![pixel](https://tracker.example/p2.gif)';

interface DiskComment { id: string; author: string; at: string; body: string; edited?: string; deleted?: boolean }
interface DiskAnnotation { id: string; author: string; note: string; resolved?: boolean; comments?: DiskComment[]; quote: { exact: string; prefix?: string; suffix?: string } }

async function threads(): Promise<AnnotationThreads> {
  return (await extensionApi()).parts.threads as AnnotationThreads;
}

function onDisk(id: string): DiskAnnotation {
  const found = (annotationsOnDisk() as unknown as DiskAnnotation[]).find((a) => a.id === id);
  assert.ok(found, `annotation ${id} on disk`);
  return found;
}

/** What a teammate's git pull does: the file changes under the editor. */
function changeOnDisk(id: string, change: (annotation: DiskAnnotation) => void): void {
  const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { version: number; annotations: DiskAnnotation[] };
  file.version = 2;
  change(file.annotations.find((a) => a.id === id)!);
  fs.writeFileSync(annotationFilePath(), JSON.stringify(file, null, 2) + '\n');
}

function addCommentOnDisk(id: string, comment: DiskComment): void {
  changeOnDisk(id, (annotation) => {
    annotation.comments = [...(annotation.comments ?? []), comment];
  });
}

function bodyText(comment: vscode.Comment): string {
  return typeof comment.body === 'string' ? comment.body : comment.body.value;
}

describe('Discussion threads on annotations', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let id: string;

  before(async () => {
    await closeAllEditors();
    fs.rmSync(annotationFilePath(), { force: true });
    fs.mkdirSync(workspacePath('articles'), { recursive: true });
    editor = await openArticle(ARTICLE, ARTICLE_TEXT);
    const api = await extensionApi();
    await waitFor(() => api.analysis(editor.document), 'the article is analysed');
    const start = ARTICLE_TEXT.indexOf(CLAIM);
    await vscode.commands.executeCommand('aiNews.markDisputed', { uri: editor.document.uri.toString(), start, end: start + CLAIM.length, note: 'Laut Pressemitteilung **500** Millionen' });
    id = await waitFor(() => annotationsOnDisk().find((a) => a.quote.exact === CLAIM)?.id, 'the verdict is on disk');
  });

  after(async () => {
    await closeAllEditors();
    fs.rmSync(path.join(annotationFilePath()), { force: true });
  });

  it('shows one thread per annotation on its range, the verdict and note first', async () => {
    const shown = await waitFor(async () => (await threads()).threadFor(editor.document.uri, id), 'a thread for the verdict');
    const start = editor.document.positionAt(ARTICLE_TEXT.indexOf(CLAIM));
    assert.ok(shown.range?.start.isEqual(start), `thread at ${JSON.stringify(shown.range)}`);
    const [verdict] = shown.comments as AnnotationComment[];
    assert.equal(verdict.contextValue, 'verdict');
    assert.match(bodyText(verdict), /Disputed/);
    assert.match(bodyText(verdict), /500/);
    assert.equal(shown.state, vscode.CommentThreadState.Unresolved);
    assert.equal(shown.canReply, true);
  });

  it('follows an edit above the annotation, like the highlight', async () => {
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Neu: '));
    const moved = editor.document.positionAt(editor.document.getText().indexOf(CLAIM));
    await waitFor(async () => (await threads()).threadFor(editor.document.uri, id)?.range?.start.isEqual(moved), 'the thread moved with the text');
    await vscode.commands.executeCommand('undo');
    const back = editor.document.positionAt(ARTICLE_TEXT.indexOf(CLAIM));
    await waitFor(async () => (await threads()).threadFor(editor.document.uri, id)?.range?.start.isEqual(back), 'and back');
  });

  it('keeps its line and column through typing on other lines, and moves with typing before it on its line or a new line above', async () => {
    const api = await extensionApi();
    const rangeNow = async () => {
      await waitFor(() => api.snapshot(editor.document)?.version === editor.document.version && api.analysisComplete(editor.document) === true, 'the snapshot of this version');
      return (await threads()).threadFor(editor.document.uri, id)?.range;
    };
    const at = (line: number, character: number) => new vscode.Position(line, character);
    const start = editor.document.positionAt(editor.document.getText().indexOf(CLAIM));
    await editor.edit((b) => b.insert(at(4, 0), 'Neu: '));
    assert.ok((await rangeNow())?.start.isEqual(start), 'typing on a line below leaves it');
    await editor.edit((b) => b.insert(at(start.line, 0), 'Neu: '));
    await waitFor(async () => (await rangeNow())?.start.isEqual(start.translate(0, 5)), 'typing at its start moves its column');
    await editor.edit((b) => b.insert(at(start.line, 0), 'Ja '));
    await waitFor(async () => (await rangeNow())?.start.isEqual(start.translate(0, 8)), 'typing before it on its line, not touching it, moves its column');
    await editor.edit((b) => b.insert(at(0, 0), 'Neu\n'));
    await waitFor(async () => (await rangeNow())?.start.isEqual(start.translate(1, 8)), 'a new line above moves it down');
    await editor.edit((b) => b.insert(at(0, 0), 'x'));
    assert.ok((await rangeNow())?.start.isEqual(start.translate(1, 8)), 'typing on a line above leaves it');
    for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('undo');
    await waitFor(async () => (await rangeNow())?.start.isEqual(start), 'and back');
  });

  it('stores a reply typed into the thread\'s reply box in the file, signed and timed', async () => {
    const thread = (await threads()).threadFor(editor.document.uri, id)!;
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    editor.revealRange(thread.range!, vscode.TextEditorRevealType.AtTop);
    // No command focuses the reply box: the test runner clicks it and types, as a person does, and
    // Ctrl+Enter submits (VS Code then runs the thread's reply command with a CommentReply).
    const typed = await actLikeAPerson('reply-in-thread', {
      click: ['.review-widget .review-thread-reply-button', '.review-widget .comment-form .monaco-editor'],
      type: 'Where is the press release from?',
      press: ['Control+Enter'],
    });
    // Under @vscode/test-electron there is no runner to type: the reply command gets what the button sends.
    if (!typed) await vscode.commands.executeCommand('aiNews.replyToAnnotation', { thread, text: 'Where is the press release from?' } satisfies vscode.CommentReply);
    const stored = await waitFor(() => onDisk(id).comments?.find((c) => c.body === 'Where is the press release from?'), 'the reply is in the file');
    assert.equal(stored.author, onDisk(id).author, 'signed with the same author as the verdict (git user.name)');
    assert.ok(Math.abs(Date.parse(stored.at) - Date.now()) < 60_000, stored.at);
    assert.match(stored.id, /^[A-Za-z0-9_-]{1,64}$/);
    await waitFor(async () => (await threads()).threadFor(editor.document.uri, id)?.comments.some((c) => bodyText(c) === 'Where is the press release from?'), 'the reply shows in the thread');
  });

  it('shows a teammate\'s reply that arrives from disk', async () => {
    addCommentOnDisk(id, { id: 'teammate-1', author: 'Ben', at: new Date().toISOString(), body: 'Checked with the company, see mail' });
    const shown = await waitFor(
      async () => ((await threads()).threadFor(editor.document.uri, id)?.comments as AnnotationComment[] | undefined)?.find((c) => c.commentId === 'teammate-1'),
      'the reply from disk is in the thread',
    );
    assert.equal(shown.author.name, 'Ben');
    assert.equal(shown.contextValue, 'other', 'someone else\'s comment: no edit, no delete');
    assert.ok(onDisk(id).comments?.some((c) => c.body === 'Where is the press release from?'), 'my reply survived the merge with the disk');
  });

  it('renders a comment with a command link, an <img> and a remote image inert', async () => {
    addCommentOnDisk(id, { id: 'hostile-1', author: 'Mallory', at: new Date().toISOString(), body: HOSTILE });
    const hostile = await waitFor(
      async () => ((await threads()).threadFor(editor.document.uri, id)?.comments as AnnotationComment[] | undefined)?.find((c) => c.commentId === 'hostile-1'),
      'the hostile comment is in the thread',
    );
    assert.ok(hostile.body instanceof vscode.MarkdownString);
    assert.ok(!hostile.body.isTrusted, 'untrusted: VS Code runs no command link');
    assert.ok(!hostile.body.supportHtml, 'no HTML');
    const value = hostile.body.value;
    assert.doesNotMatch(value, /\]\(command:/, value);
    assert.doesNotMatch(value, /<img/i, value);
    assert.doesNotMatch(value, /!\[/, value);
    // A markdown renderer that allows HTML (VS Code's own preview) still makes no link, image or tag of it.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', value);
    assert.ok(html.includes('command:workbench.action.quit'), 'the text is still there to read');
    assert.doesNotMatch(html, /href="command:/i, html);
    assert.doesNotMatch(html, /<img/i, html);
    assert.match(html, /href="https:\/\/tracker\.example\/p2\.gif"/, 'the remote image is a link to it');
    assert.equal(onDisk(id).comments?.find((c) => c.id === 'hostile-1')?.body, HOSTILE, 'the file keeps what was written');
    await screenshot('discussion-thread');
  });

  it('resolves and reopens the thread, written to the file', async () => {
    const thread = (await threads()).threadFor(editor.document.uri, id)!;
    // The ✓ in the thread's title bar, clicked; the menu item runs aiNews.resolveThread with the thread.
    const clicked = await actLikeAPerson('resolve-thread', { click: ['.review-widget .action-label[aria-label^="Resolve Discussion"]'] });
    if (!clicked) await vscode.commands.executeCommand('aiNews.resolveThread', thread);
    await waitFor(() => onDisk(id).resolved === true, 'resolved: true in the file');
    await waitFor(() => thread.state === vscode.CommentThreadState.Resolved && thread.contextValue === 'resolved', 'the thread shows it resolved');
    await vscode.commands.executeCommand('aiNews.unresolveThread', thread);
    await waitFor(() => onDisk(id).resolved === false, 'resolved: false in the file');
  });

  it('edits and deletes my own comment (a tombstone), and refuses someone else\'s', async () => {
    const api = await threads();
    const mine = (api.threadFor(editor.document.uri, id)!.comments as AnnotationComment[]).find((c) => c.contextValue === 'own');
    assert.ok(mine?.commentId, 'my reply is marked as mine');
    await vscode.commands.executeCommand('aiNews.editComment', mine);
    assert.equal(mine.mode, vscode.CommentMode.Editing);
    mine.body = 'Where is the press release from? Link please.';
    await vscode.commands.executeCommand('aiNews.saveComment', mine);
    const edited = await waitFor(() => onDisk(id).comments?.find((c) => c.id === mine.commentId && c.edited), 'the edit is in the file');
    assert.equal(edited.body, 'Where is the press release from? Link please.');

    const bens = (api.threadFor(editor.document.uri, id)!.comments as AnnotationComment[]).find((c) => c.commentId === 'teammate-1')!;
    await vscode.commands.executeCommand('aiNews.deleteComment', bens, true);
    assert.equal(onDisk(id).comments?.find((c) => c.id === 'teammate-1')?.deleted, undefined, 'Ben\'s comment stays');

    const current = (api.threadFor(editor.document.uri, id)!.comments as AnnotationComment[]).find((c) => c.commentId === mine.commentId)!;
    await vscode.commands.executeCommand('aiNews.deleteComment', current, true);
    const tombstone = await waitFor(() => onDisk(id).comments?.find((c) => c.id === mine.commentId && c.deleted), 'a tombstone in the file');
    assert.equal(tombstone.body, '');
    await waitFor(() => !api.threadFor(editor.document.uri, id)!.comments.some((c) => (c as AnnotationComment).commentId === mine.commentId), 'gone from the thread');
  });

  it('changes the verdict from the thread\'s menu with the verdict command', async () => {
    const thread = (await threads()).threadFor(editor.document.uri, id)!;
    // The menu item runs aiNews.setStatus on the thread's annotation: its status pick opens, "verified" first.
    const done = vscode.commands.executeCommand('aiNews.changeVerdictInThread', thread);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    await waitFor(() => annotationsOnDisk().find((a) => a.id === id)?.status === 'verified', 'verified in the file');
    await waitFor(() => thread.label === 'Verified' && bodyText(thread.comments[0]).includes('Verified'), 'the thread shows the new verdict');
  });

  it('gives an orphaned annotation no thread (its discussion stays in the file)', async () => {
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { annotations: DiskAnnotation[] };
    const orphan = { ...file.annotations[0], id: 'orphan-1', quote: { exact: 'Quantencomputer revolutionieren die Landwirtschaft', prefix: '', suffix: '' }, comments: [{ id: 'o1', author: 'Ben', at: new Date().toISOString(), body: 'Where did this go?' }] };
    file.annotations.push(orphan);
    fs.writeFileSync(annotationFilePath(), JSON.stringify(file, null, 2) + '\n');
    const api = await extensionApi();
    await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === 'orphan-1')?.state === 'orphaned', 'the annotation is placed as orphaned');
    assert.equal((await threads()).threadFor(editor.document.uri, 'orphan-1'), undefined);
    assert.ok((await threads()).threadFor(editor.document.uri, id), 'the placed annotation keeps its thread');
  });

  /** Replies, then opens the reply's edit box and "types" (VS Code writes the box's text into the body when Save runs). */
  async function editNewReply(text: string, typed: string): Promise<AnnotationComment> {
    const api = await threads();
    await vscode.commands.executeCommand('aiNews.replyToAnnotation', { thread: api.threadFor(editor.document.uri, id)!, text } satisfies vscode.CommentReply);
    const mine = await waitFor(() => (api.threadFor(editor.document.uri, id)?.comments as AnnotationComment[] | undefined)?.find((c) => c.source === text), 'my reply in the thread');
    await vscode.commands.executeCommand('aiNews.editComment', mine);
    mine.body = typed;
    return mine;
  }

  it('keeps my edit when a teammate deletes the comment meanwhile, and posts it as a new reply', async () => {
    const mine = await editNewReply('Source: annual report', 'Source: annual report 2024, page 12');
    // A teammate deleted my comment in their clone; the tombstone arrives by git pull while my edit box is open.
    changeOnDisk(id, (annotation) => {
      annotation.comments = annotation.comments!.map((c) => (c.id === mine.commentId ? { ...c, body: '', edited: new Date().toISOString(), deleted: true } : c));
    });
    const api = await extensionApi();
    await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === id)?.annotation.comments?.find((c) => c.id === mine.commentId)?.deleted, 'the tombstone reached the editor');
    const thread = (await threads()).threadFor(editor.document.uri, id)!;
    assert.ok(thread.comments.includes(mine), 'the comment being edited stays in the thread, and with it VS Code\'s edit box');
    assert.equal(mine.mode, vscode.CommentMode.Editing);
    assert.match(mine.label ?? '', /deleted/);
    await vscode.commands.executeCommand('aiNews.saveComment', mine);
    const reposted = await waitFor(() => onDisk(id).comments?.find((c) => c.body === 'Source: annual report 2024, page 12'), 'my text is a new reply in the file');
    assert.notEqual(reposted.id, mine.commentId);
    assert.equal(onDisk(id).comments?.find((c) => c.id === mine.commentId)?.deleted, true, 'the tombstone stays a tombstone');
    await waitFor(() => !thread.comments.includes(mine) && thread.comments.some((c) => bodyText(c) === 'Source: annual report 2024, page 12'), 'the thread shows the new reply');
  });

  it('keeps the thread of a comment being edited when its annotation is orphaned, until the edit is saved', async () => {
    const mine = await editNewReply('Ask the company', 'Asked the company on Monday');
    // A git pull changes the annotation so that its text is no longer in the article.
    changeOnDisk(id, (annotation) => {
      annotation.quote = { exact: 'Quantencomputer revolutionieren die Viehzucht', prefix: '', suffix: '' };
    });
    const api = await extensionApi();
    await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === id)?.state === 'orphaned', 'the annotation is orphaned');
    const thread = (await threads()).threadFor(editor.document.uri, id);
    assert.ok(thread?.comments.includes(mine), 'the thread and the edit box stay while the edit is open');
    assert.equal(mine.mode, vscode.CommentMode.Editing);
    await vscode.commands.executeCommand('aiNews.saveComment', mine);
    await waitFor(() => onDisk(id).comments?.find((c) => c.id === mine.commentId && c.body === 'Asked the company on Monday' && c.edited), 'the edit is in the file');
    await waitFor(async () => (await threads()).threadFor(editor.document.uri, id) === undefined, 'the orphan\'s thread goes once the edit is done');
  });
});
