/**
 * The check as a whole, in the real editor: the sidebar trees and the status bar follow the
 * verdicts, exports leave the editor, time makes verdicts stale, a broken or conflicted annotation
 * file loses nothing, and claims are found across articles.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContextKeys } from '../../../src/editor/contextKeys';
import type { AnnotationTreeElement, AnnotationTreeProvider } from '../../../src/editor/sidebar/annotationTree';
import type { ArticleTreeElement, ArticleTreeProvider } from '../../../src/editor/sidebar/articleTree';
import type { CrossArticleElement, CrossArticleTreeProvider } from '../../../src/editor/sidebar/crossArticleTree';
import type { StatusBar } from '../../../src/editor/statusBar';
import {
  annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, waitFor, workspacePath,
} from '../helpers';

const ARTICLE = 'workflow.md';
const ARTICLE_TEXT = [
  ' date 2023-05 Chinas KI-Firmen holen auf',
  '',
  'Laut Reuters investiert Alibaba derzeit 53 Milliarden Dollar in KI-Rechenzentren.',
  '',
  'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar für das Training von DeepSeek-V3 ausgegeben.',
  '',
  'Das Modell Qwen 2.5 von Alibaba liegt laut LMArena auf Platz sechs der weltweiten Rangliste.',
  '',
].join('\n');
const OTHER_ARTICLE = 'other.md';
const OTHER_TEXT = [
  ' date 2024-02 KI-Investitionen',
  '',
  'Alibaba will in den nächsten drei Jahren 53 Milliarden Dollar in Rechenzentren und KI investieren, berichtet Reuters.',
  '',
].join('\n');

interface Parts {
  annotationTree: AnnotationTreeProvider;
  annotationView: vscode.TreeView<AnnotationTreeElement>;
  articleTree: ArticleTreeProvider;
  crossTree: CrossArticleTreeProvider;
  statusBar: StatusBar;
  contextKeys: ContextKeys;
}

async function parts(): Promise<Parts> {
  return (await extensionApi()).parts as unknown as Parts;
}

function select(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

async function labels(tree: AnnotationTreeProvider, element?: AnnotationTreeElement): Promise<{ label: string; element: AnnotationTreeElement }[]> {
  const children = await tree.getChildren(element);
  return children.map((child) => {
    const item = tree.getTreeItem(child);
    return { label: typeof item.label === 'string' ? item.label : item.label?.label ?? '', element: child };
  });
}

function writeAnnotationFile(content: string): void {
  fs.mkdirSync(path.dirname(annotationFilePath()), { recursive: true });
  fs.writeFileSync(annotationFilePath(), content);
}

describe('Workflow: sidebar, status bar, exports, time, safety', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    await closeAllEditors();
    fs.rmSync(annotationFilePath(), { force: true });
    fs.mkdirSync(workspacePath('articles'), { recursive: true });
    fs.writeFileSync(workspacePath('articles', OTHER_ARTICLE), OTHER_TEXT);
    editor = await openArticle(ARTICLE, ARTICLE_TEXT);
    const api = await extensionApi();
    await waitFor(() => api.analysis(editor.document), 'the article is analysed');
    await waitFor(() => api.placedAnnotations(editor.document).length === 0 && annotationsOnDisk().length === 0, 'no annotations yet');
  });

  it('shows verdicts in the annotation tree with counts, a badge, grouping and a filter', async () => {
    const { annotationTree, annotationView } = await parts();
    select(editor, 'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar');
    await vscode.commands.executeCommand('aiNews.markDisputed', { note: 'Ohne Hardwarekosten' });
    select(editor, 'Qwen 2.5 von Alibaba');
    await vscode.commands.executeCommand('aiNews.markVerified', { note: '' });
    await waitFor(() => annotationsOnDisk().length === 2, 'two verdicts on disk');
    // The tree reads the article's snapshot, published a few event-loop turns after the verdict.
    let groups: string[] = [];
    await waitFor(async () => {
      await annotationTree.refresh();
      const roots = await labels(annotationTree);
      const article = roots.find((r) => r.label.includes(ARTICLE));
      groups = article ? (await labels(annotationTree, article.element)).map((g) => g.label) : roots.map((r) => r.label);
      return groups.some((g) => g.includes('Verified'));
    }, 'both verdicts in the tree').catch(() => undefined);
    assert.ok(groups.some((g) => g.includes('Disputed') && g.includes('(1)')), groups.join(' | '));
    assert.ok(groups.some((g) => g.includes('Verified') && g.includes('(1)')), groups.join(' | '));
    assert.equal(annotationView.badge?.value, 1, 'the badge counts the disputed verdict');
    assert.match(annotationView.badge?.tooltip ?? '', /^1 annotation needs a look/, 'a singular for one');

    await vscode.commands.executeCommand('aiNews.groupByStatus');
    const byStatus = (await labels(annotationTree)).map((r) => r.label);
    assert.ok(byStatus.some((l) => l.includes('Disputed')), `status first: ${byStatus.join(' | ')}`);
    await vscode.commands.executeCommand('aiNews.filterByStatus', { statuses: ['verified'] });
    const filtered = (await labels(annotationTree)).map((r) => r.label);
    assert.ok(!filtered.some((l) => l.includes('Disputed')), `filtered: ${filtered.join(' | ')}`);
    // Every built-in status selected: no filter (statuses a filter does not name would be hidden).
    await vscode.commands.executeCommand('aiNews.filterByStatus', { statuses: ['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress'] });
    await vscode.commands.executeCommand('aiNews.groupByArticle');
    // The README's screenshots are taken on a real seed article: test/integration/start.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  it('lists the active article\'s claims (unreviewed first), numbers and entities grouped by name', async () => {
    const { articleTree } = await parts();
    articleTree.refresh();
    const sections = articleTree.getChildren() as ArticleTreeElement[];
    const claims = sections.find((s) => s.kind === 'section' && s.section === 'claims');
    const entities = sections.find((s) => s.kind === 'section' && s.section === 'entities');
    assert.ok(claims && entities, 'claims and entities sections');
    const claimItems = articleTree.getChildren(claims).map((c) => articleTree.getTreeItem(c));
    assert.ok(claimItems.length >= 3, `claims: ${claimItems.length}`);
    const firstLabel = String(typeof claimItems[0].label === 'string' ? claimItems[0].label : claimItems[0].label?.label);
    assert.ok(firstLabel.includes('Alibaba investiert') || firstLabel.includes('Laut Reuters'), `unreviewed claim first: ${firstLabel}`);
    const entityGroups = articleTree.getChildren(entities).map((g) => articleTree.getTreeItem(g));
    const alibaba = entityGroups.find((g) => String(typeof g.label === 'string' ? g.label : g.label?.label).startsWith('Alibaba'));
    assert.ok(alibaba, 'Alibaba is listed');
    assert.match(String(typeof alibaba.label === 'string' ? alibaba.label : alibaba.label?.label), /^Alibaba \(2\)$/, 'with its count of mentions');
  });

  it('summarises the article in the status bar', async () => {
    const { statusBar } = await parts();
    statusBar.update();
    const shown = await waitFor(() => statusBar.current(), 'the status bar shows the article');
    assert.match(shown.text, /2\/\d+ claims reviewed/, shown.text);
    assert.match(shown.text, /1 disputed/, shown.text);
  });

  it('flags a verified claim whose review date has passed as "needs re-check"', async () => {
    const api = await extensionApi();
    const { statusBar } = await parts();
    const verified = annotationsOnDisk().find((a) => a.status === 'verified');
    assert.ok(verified);
    await vscode.commands.executeCommand('aiNews.setReviewBy', { folder: vscode.workspace.workspaceFolders![0].uri.toString(), id: verified.id, reviewBy: '2024-01-31' });
    await waitFor(() => annotationsOnDisk().find((a) => a.id === verified.id)?.reviewBy === '2024-01-31', 'reviewBy written');
    const placed = await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === verified.id && p.flags.includes('needs re-check')), 'flagged');
    assert.ok(placed);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(placed.span!.start + 1));
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    // appendText writes spaces as &nbsp; and escapes markdown punctuation
    const plain = markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.ok(plain.includes('needs re-check'), plain);
    statusBar.update();
    assert.match(statusBar.current()?.text ?? '', /1 needs re-check/);
    await waitFor(() => (api.decorations(editor.document.uri)?.needsRecheck.length ?? 0) === 1, 'painted as needing a re-check');
    // ... and in the annotation tree: article -> Verified -> the annotation, described as "needs re-check".
    const { annotationTree } = await parts();
    await annotationTree.refresh();
    const article = (await labels(annotationTree)).find((r) => r.label.includes(ARTICLE))!;
    const group = (await labels(annotationTree, article.element)).find((g) => g.label.includes('Verified'))!;
    const [leaf] = await annotationTree.getChildren(group.element);
    const item = annotationTree.getTreeItem(leaf);
    assert.match(String(item.description), /needs re-check/, String(item.description));
    assert.match(String(item.contextValue), /\.recheck$/);
  });

  it('suggests time-sensitive claims of an old article as possibly outdated, never deciding by itself', async () => {
    const api = await extensionApi();
    const text = editor.document.getText();
    const claimStart = text.indexOf('Laut Reuters');
    const painted = await waitFor(() => api.decorations(editor.document.uri)?.possiblyOutdated, 'possibly outdated painted');
    assert.ok(painted.some((s) => s.start <= claimStart && claimStart < s.end), 'the "derzeit" claim of 2023 is suggested');
    const position = editor.document.positionAt(claimStart + 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(position, position));
    assert.ok(actions.some((a) => /outdated/i.test(a.title)), actions.map((a) => a.title).join(' | '));
    assert.ok(!annotationsOnDisk().some((a) => a.status === 'outdated'), 'no verdict was set automatically');
  });

  it('exports W3C, ClaimReview, CSV and markdown from the command, never with private notes', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const disputed = annotationsOnDisk().find((a) => a.status === 'disputed')!;
    await vscode.commands.executeCommand('aiNews.editNote', { folder: folder.uri.toString(), id: disputed.id, note: 'Ohne Hardwarekosten' });
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8'));
    const secret = 'SECRET source: Max in Peking';
    file.annotations.find((a: { id: string }) => a.id === disputed.id).private = true;
    file.annotations.find((a: { id: string }) => a.id === disputed.id).note = secret;
    writeAnnotationFile(JSON.stringify(file, null, 2) + '\n');
    const api = await extensionApi();
    await waitFor(() => api.placedAnnotations(editor.document).some((p) => p.annotation.note === secret), 'the private note is loaded');

    // In the workspace folder: a path given as an argument outside it is written only after a yes.
    const out = fs.mkdtempSync(workspacePath('exports-'));
    try {
      for (const format of ['w3c', 'claimreview', 'csv', 'markdown'] as const) {
        const target = path.join(out, `export.${format}`);
        const written = await vscode.commands.executeCommand<string>('aiNews.export', { format, out: target, scope: 'all', statuses: ['verified', 'disputed', 'outdated'] });
        assert.equal(written, target);
        const content = fs.readFileSync(target, 'utf8');
        assert.ok(!content.includes(secret), `${format} keeps the private note inside`);
        if (format === 'w3c') {
          const collection = JSON.parse(content);
          assert.equal(collection.type, 'AnnotationCollection');
          assert.ok(JSON.stringify(collection['@context']).includes('http://www.w3.org/ns/anno.jsonld'));
          assert.equal(collection.first.items.length, 2);
          assert.ok(collection.first.items.every((a: { motivation: string }) => a.motivation === 'assessing'));
        }
        if (format === 'claimreview') assert.ok(content.includes('"ClaimReview"'));
        if (format === 'csv') assert.equal(content.trim().split(/\r?\n/).length, 3, 'a header and two rows');
        if (format === 'markdown') assert.ok(content.includes(ARTICLE) && /unreviewed/i.test(content), 'report with unreviewed claims');
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('finds the same claim in another article', async () => {
    const start = editor.document.getText().indexOf('investiert Alibaba derzeit');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start));
    const matches = await vscode.commands.executeCommand<{ article: string; sharedFigures: string[] }[]>('aiNews.findClaimInOtherArticles', { pick: false });
    assert.ok(matches.some((m) => m.article === `articles/${OTHER_ARTICLE}`), JSON.stringify(matches));
  });

  it('lists an entity across articles, with each mention\'s line and text read from its article', async () => {
    const { crossTree } = await parts();
    crossTree.refresh();
    const label = (element: CrossArticleElement): string => String(crossTree.getTreeItem(element).label);
    const alibaba = (await crossTree.getChildren()).find((e) => e.kind === 'entity' && e.entity.canonical === 'Alibaba');
    assert.ok(alibaba, 'Alibaba is indexed');
    const articles = await crossTree.getChildren(alibaba);
    const other = articles.find((e) => e.kind === 'entityArticle' && e.article.endsWith(OTHER_ARTICLE));
    assert.ok(other, articles.map(label).join(' | '));
    assert.equal(crossTree.getTreeItem(other).resourceUri?.fsPath, workspacePath('articles', OTHER_ARTICLE), 'the index path found in the workspace folder');
    const [mention] = await crossTree.getChildren(other);
    const item = crossTree.getTreeItem(mention);
    assert.equal(item.description, 'line 3');
    assert.match(label(mention), /^Alibaba will in den nächsten drei Jahren/);
    assert.deepEqual(item.command?.arguments, [{ uri: vscode.Uri.file(workspacePath('articles', OTHER_ARTICLE)).toString(), start: OTHER_TEXT.indexOf('Alibaba'), end: OTHER_TEXT.indexOf('Alibaba') + 7 }]);
  });

  it('never overwrites an annotation file it cannot parse, and keeps the pending verdict until it is fixed', async () => {
    const api = await extensionApi();
    const good = fs.readFileSync(annotationFilePath(), 'utf8');
    const broken = good.replace('"annotations": [', '"annotations": [,');
    writeAnnotationFile(broken);
    await waitFor(() => api.placedAnnotations(editor.document).length === 2 && readOnly(), 'the store went read-only');
    select(editor, 'Laut Reuters investiert Alibaba derzeit 53 Milliarden Dollar in KI-Rechenzentren.');
    await vscode.commands.executeCommand('aiNews.markOutdated', { note: 'pending while broken' });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(fs.readFileSync(annotationFilePath(), 'utf8'), broken, 'the broken file is untouched');
    writeAnnotationFile(good);
    await waitFor(() => !readOnly(), 'writable again');
    await vscode.commands.executeCommand('aiNews.markOutdated', { note: 'pending while broken' });
    const all = await waitFor(() => (annotationsOnDisk().length === 3 ? annotationsOnDisk() : undefined), 'the pending verdict is written once the file is fixed');
    assert.equal(all.filter((a) => a.note === 'pending while broken').length, 1);

    function readOnly(): boolean {
      return api.placedAnnotations(editor.document).length > 0 && (api.parts.readOnlyReason as () => string | undefined)() !== undefined;
    }
  });

  it('merges an annotation file with git conflict markers by id, writing it only when accepted', async () => {
    const api = await extensionApi();
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8'));
    const ours = JSON.stringify(file, null, 2).split('\n');
    const theirsFile = { ...file, annotations: [...file.annotations, { ...file.annotations[0], id: 'from-theirs-0001', note: 'theirs', private: undefined }] };
    const theirs = JSON.stringify(theirsFile, null, 2).split('\n');
    const conflicted = ['<<<<<<< HEAD', ...ours, '=======', ...theirs, '>>>>>>> origin/main', ''].join('\n');
    writeAnnotationFile(conflicted);
    await waitFor(() => (api.parts.readOnlyReason as () => string | undefined)() !== undefined, 'conflict noticed');
    assert.equal(fs.readFileSync(annotationFilePath(), 'utf8'), conflicted, 'nothing written before the user accepts');
    const { contextKeys } = await parts();
    assert.equal(contextKeys.get('aiNews.hasConflicts'), true, 'the Resolve command is offered');
    const accepted = await vscode.commands.executeCommand<boolean>('aiNews.resolveAnnotationConflicts', { accept: true });
    assert.equal(accepted, true);
    const merged = await waitFor(() => (fs.readFileSync(annotationFilePath(), 'utf8').includes('<<<<<<<') ? undefined : annotationsOnDisk()), 'the merge is written');
    assert.equal(merged.length, file.annotations.length + 1);
    assert.ok(merged.some((a) => a.id === 'from-theirs-0001'));
    await waitFor(() => !contextKeys.get('aiNews.hasConflicts'), 'the Resolve command is no longer offered');
  });

  it('opens a version-2 file from a teammate: new statuses are listed and hovered, and a save keeps every version-2 field', async () => {
    const api = await extensionApi();
    const { annotationTree } = await parts();
    if (annotationsOnDisk().length < 2) {
      // Run alone (--grep): make the two verdicts the earlier tests leave.
      select(editor, 'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar');
      await vscode.commands.executeCommand('aiNews.markDisputed', { note: '' });
      select(editor, 'Qwen 2.5 von Alibaba');
      await vscode.commands.executeCommand('aiNews.markVerified', { note: '' });
      await waitFor(() => annotationsOnDisk().length >= 2, 'two verdicts on disk');
    }
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { version: number; annotations: Record<string, unknown>[] };
    const [first, second] = file.annotations;
    const comments = [{ id: 'c1', author: 'Ben', at: '2025-02-01T10:00:00.000Z', body: 'Quelle?' }];
    const version2 = {
      version: 2,
      annotations: [
        { ...first, status: 'unverifiable', assignee: 'Ben', tags: ['Zahlen'], comments },
        { ...second, status: 'misleading', review: { by: 'Ben', at: '2025-02-01T10:00:00.000Z', result: 'approved', status: 'misleading' } },
        ...file.annotations.slice(2),
      ],
    };
    writeAnnotationFile(`${JSON.stringify(version2, null, 2)}\n`);
    await waitFor(() => api.placedAnnotations(editor.document).some((p) => p.annotation.status === 'misleading'), 'the version-2 file is read');
    await annotationTree.refresh();
    const article = (await labels(annotationTree)).find((r) => r.label.includes(ARTICLE));
    assert.ok(article);
    const groups = (await labels(annotationTree, article.element)).map((g) => g.label);
    assert.ok(groups.some((g) => g.includes('Unverifiable') && g.includes('(1)')), groups.join(' | '));
    assert.ok(groups.some((g) => g.includes('misleading') && g.includes('(1)')), `a status no team file defines is listed by its id: ${groups.join(' | ')}`);
    const misleading = api.placedAnnotations(editor.document).find((p) => p.annotation.status === 'misleading');
    assert.ok(misleading?.span);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(misleading.span.start + 1));
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(markdown, /\*\*misleading\*\*/);

    // A change made in the editor is saved next to the teammate's version-2 fields, which all stay.
    await vscode.commands.executeCommand('aiNews.editNote', { folder: vscode.workspace.workspaceFolders?.[0].uri.toString(), id: second.id, note: 'neben Version-2-Feldern' });
    const saved = await waitFor(() => (annotationsOnDisk().some((a) => a.note === 'neben Version-2-Feldern') ? fs.readFileSync(annotationFilePath(), 'utf8') : undefined), 'the note is saved');
    const written = JSON.parse(saved) as typeof version2;
    assert.equal(written.version, 2);
    const kept = written.annotations.find((a) => a.id === first.id);
    assert.deepEqual([kept?.status, kept?.assignee, kept?.tags, kept?.comments], ['unverifiable', 'Ben', ['Zahlen'], comments]);
    const noted = written.annotations.find((a) => a.id === second.id);
    assert.deepEqual([noted?.status, noted?.review], ['misleading', version2.annotations[1].review]);
  });
});
