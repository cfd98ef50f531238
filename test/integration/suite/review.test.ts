/**
 * The team's verdict workflow in the real editor: assign and start checking, a team status from
 * `.ainews/team.json` (label and colour), approval by a second author (aiNews.author), a request
 * for changes, and the blind double check. Two people are played by changing aiNews.author.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AnnotationTreeElement, AnnotationTreeProvider } from '../../../src/editor/sidebar/annotationTree';
import type { StatusBar } from '../../../src/editor/statusBar';
import { annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, waitFor, workspaceFolder, workspacePath } from '../helpers';

const ARTICLE = 'review.md';
const ARTICLE_TEXT = [
  '# KI-Rechenzentren',
  '',
  'Laut Reuters investiert Alibaba derzeit 53 Milliarden Dollar in KI-Rechenzentren.',
  '',
  'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar für das Training ausgegeben.',
  '',
].join('\n');
const CLAIM = 'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar';
const TEAM_FILE = {
  statuses: [{ id: 'misleading', label: { en: 'Misleading', de: 'Irreführend' }, color: '#d97706', verdict: true, rating: 2 }],
  secondReview: 'required',
  ratingScale: { worst: 1, best: 5 },
};

interface DiskAnnotation {
  id: string;
  status: string;
  author: string;
  assignee?: string;
  review?: { by: string; at: string; result: string; status: string; note?: string };
}

const disk = (): DiskAnnotation[] => annotationsOnDisk() as unknown as DiskAnnotation[];

async function setAuthor(name: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('aiNews').update('author', name, vscode.ConfigurationTarget.Workspace);
}

async function setBlind(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('aiNews').update('blindDoubleCheck', on, vscode.ConfigurationTarget.Workspace);
}

function select(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

async function hoverText(editor: vscode.TextEditor, text: string): Promise<string> {
  const position = editor.document.positionAt(editor.document.getText().indexOf(text) + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
  const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

async function treeLabels(tree: AnnotationTreeProvider, element?: AnnotationTreeElement): Promise<{ label: string; description: string; element: AnnotationTreeElement }[]> {
  const children = await tree.getChildren(element);
  return children.map((child) => {
    const item = tree.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return { label, description: typeof item.description === 'string' ? item.description : '', element: child };
  });
}

describe('Review: assign, team statuses, second review, blind double check', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let id: string;
  const target = (): { folder: string; id: string } => ({ folder: workspaceFolder().uri.toString(), id });

  before(async () => {
    await closeAllEditors();
    fs.rmSync(annotationFilePath(), { force: true });
    fs.mkdirSync(workspacePath('.ainews'), { recursive: true });
    fs.writeFileSync(workspacePath('.ainews', 'team.json'), JSON.stringify(TEAM_FILE, null, 2));
    await setAuthor('Anna');
    editor = await openArticle(ARTICLE, ARTICLE_TEXT);
    const api = await extensionApi();
    await waitFor(() => api.analysis(editor.document), 'the article is analysed');
  });

  after(async () => {
    await setBlind(undefined);
    await setAuthor(undefined);
    fs.rmSync(workspacePath('.ainews', 'team.json'), { force: true });
    fs.rmSync(annotationFilePath(), { force: true });
    await closeAllEditors();
  });

  it('starts checking (in progress, assigned to me) and assigns to someone else; the tree groups by assignee', async () => {
    select(editor, CLAIM);
    await vscode.commands.executeCommand('aiNews.startChecking');
    await waitFor(() => disk().length === 1, 'the claim is on disk');
    assert.deepEqual([disk()[0].status, disk()[0].assignee, disk()[0].author], ['in-progress', 'Anna', 'Anna']);
    id = disk()[0].id;

    await vscode.commands.executeCommand('aiNews.assignTo', { ...target(), assignee: 'Ben' });
    await waitFor(() => disk()[0].assignee === 'Ben', 'assigned to Ben on disk');

    const tree = (await extensionApi()).parts.annotationTree as AnnotationTreeProvider;
    await vscode.commands.executeCommand('aiNews.groupByAssignee');
    // The open article's snapshot carries the assignment once the session republished it.
    await waitFor(async () => (await treeLabels(tree)).map((g) => g.label).join() === 'Ben (1)', 'one group per assignee: Ben (1)');
    await vscode.commands.executeCommand('aiNews.showAssignedToMe');
    assert.deepEqual(await treeLabels(tree), [], 'nothing is assigned to Anna');
    await vscode.commands.executeCommand('aiNews.showAllWork');
    await vscode.commands.executeCommand('aiNews.groupByArticle');
  });

  it('sets a team status from team.json: its label in the tree and hover, its colour in the highlight', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('aiNews.setStatus', { ...target(), status: 'misleading' });
    await waitFor(() => disk()[0].status === 'misleading', 'misleading on disk');
    const painted = await waitFor(() => api.decorations(editor.document.uri)?.colored['#d97706']?.length === 1 && api.decorations(editor.document.uri), 'painted in the team colour');
    assert.equal(painted.otherStatus.length, 0, 'not the neutral style');
    const hover = await hoverText(editor, CLAIM);
    assert.ok(hover.includes('Misleading') && hover.includes('awaiting review'), hover);
    assert.ok(hover.includes('command:aiNews.approveVerdict?'), 'the hover offers the review');

    const tree = (await extensionApi()).parts.annotationTree as AnnotationTreeProvider;
    await vscode.commands.executeCommand('aiNews.groupByStatus');
    const groups = (await treeLabels(tree)).map((g) => g.label);
    assert.ok(groups.includes('Misleading (1)'), groups.join(' | '));
    // The status filter offers the team's status in its own words and can show it alone.
    assert.ok(tree.statusChoices().some((c) => c.status === 'misleading' && c.label === 'Misleading'), JSON.stringify(tree.statusChoices()));
    await vscode.commands.executeCommand('aiNews.filterByStatus', { statuses: ['misleading'] });
    assert.deepEqual(tree.statusFilter, ['misleading']);
    assert.ok((await treeLabels(tree)).some((g) => g.label === 'Misleading (1)'), 'the team status passes its own filter');
    await vscode.commands.executeCommand('aiNews.filterByStatus', { statuses: ['verified'] });
    assert.ok(!(await treeLabels(tree)).some((g) => g.label.startsWith('Misleading')), 'and is hidden by another');
    await vscode.commands.executeCommand('aiNews.filterByStatus', { statuses: tree.knownStatuses() });
    assert.equal(tree.statusFilter, undefined, 'every known status: no filter');
    await vscode.commands.executeCommand('aiNews.groupByArticle');
  });

  it('refuses self-approval; a second author (aiNews.author) approves, and a changed verdict waits again', async () => {
    const statusBar = (await extensionApi()).parts.statusBar as StatusBar;
    const refused = await vscode.commands.executeCommand('aiNews.approveVerdict', target());
    assert.equal(refused, undefined, 'Anna set the verdict');
    assert.equal(disk()[0].review, undefined, 'no review written');

    await setAuthor('Ben');
    statusBar.update();
    await waitFor(() => statusBar.current()?.text.includes('1 for you'), 'the status bar counts the verdict awaiting Ben\'s review');
    await vscode.commands.executeCommand('aiNews.approveVerdict', target());
    await waitFor(() => disk()[0].review?.result === 'approved', 'approved on disk');
    assert.deepEqual({ ...disk()[0].review, at: undefined }, { by: 'Ben', at: undefined, result: 'approved', status: 'misleading' });
    const hover = await waitFor(async () => {
      const text = await hoverText(editor, CLAIM);
      return text.includes('Approved by Ben') ? text : undefined;
    }, 'the hover says who approved');
    assert.ok(hover.includes('final'), hover);

    await setAuthor('Anna');
    await vscode.commands.executeCommand('aiNews.setStatus', { ...target(), status: 'disputed' });
    await waitFor(() => disk()[0].status === 'disputed', 'the verdict changed');
    await waitFor(async () => (await hoverText(editor, CLAIM)).includes('awaiting review'), 'back to awaiting review after the approval');
  });

  it('requests changes with a note; the tree says so and who asked', async () => {
    await setAuthor('Ben');
    await vscode.commands.executeCommand('aiNews.requestChanges', { ...target(), note: 'Quelle für 5,6 Millionen fehlt' });
    await waitFor(() => disk()[0].review?.result === 'changes-requested', 'the request on disk');
    assert.equal(disk()[0].review?.note, 'Quelle für 5,6 Millionen fehlt');
    assert.equal(disk()[0].review?.status, 'disputed');

    const tree = (await extensionApi()).parts.annotationTree as AnnotationTreeProvider;
    // The open article's snapshot takes the change in after the save: the tree follows it without being asked.
    const item = await waitFor(async () => {
      const article = (await treeLabels(tree)).find((r) => r.label.includes(ARTICLE));
      const group = article && (await treeLabels(tree, article.element))[0];
      const [annotation] = group ? await tree.getChildren(group.element) : [];
      const shown = annotation && tree.getTreeItem(annotation);
      return shown && /changes requested/.test(String(shown.description)) && shown;
    }, 'the tree shows the request');
    assert.match(String(item.description), /@Ben · changes requested/);
    assert.match(String(item.tooltip), /Changes requested by Ben on \d{4}-\d{2}-\d{2} \(verdict: Disputed\)\nReview note: Quelle für 5,6 Millionen fehlt/);
  });

  it('blind double check: hides Anna\'s verdict from Chen until Chen gave his own on the claim', async () => {
    const api = await extensionApi();
    await setAuthor('Chen');
    await setBlind(true);
    await waitFor(() => api.placedAnnotations(editor.document).length === 0, 'Anna\'s verdict is hidden');
    await waitFor(() => (api.decorations(editor.document.uri)?.disputed.length ?? -1) === 0, 'and not painted');
    const hover = await hoverText(editor, CLAIM);
    assert.ok(!hover.includes('**Disputed**'), `nor in the hover: ${hover}`);
    const tree = api.parts.annotationTree as AnnotationTreeProvider;
    await tree.refresh();
    assert.deepEqual(await treeLabels(tree), [], 'nor in the tree');

    select(editor, CLAIM);
    await vscode.commands.executeCommand('aiNews.markVerified', { note: 'Geschäftsbericht geprüft' });
    await waitFor(() => disk().length === 2, 'Chen\'s own verdict is a second annotation');
    assert.equal(disk().find((a) => a.id === id)?.status, 'disputed', 'Anna\'s verdict is untouched');
    await waitFor(() => api.placedAnnotations(editor.document).length === 2, 'both verdicts show once Chen gave his');
    await setBlind(false);
  });
});
