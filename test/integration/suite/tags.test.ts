/**
 * Tags and search in the real editor: Add Tag… writes the tag into the annotation file and the
 * tree shows it; a bad tag is refused with the rule; the tag filter narrows the Annotations view;
 * a tag the team file colours paints its dot; Search Annotations… finds an annotation of a closed
 * article by a word of its note and, when its item is accepted in the quick pick, opens the
 * article with the annotation selected.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AnnotationTreeElement, AnnotationTreeProvider } from '../../../src/editor/sidebar/annotationTree';
import { annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, waitFor, workspaceFolder, workspacePath } from '../helpers';

const ARTICLE = 'tags.md';
const ARTICLE_TEXT = [
  '# Wahlkampf und KI',
  '',
  'Laut Reuters investiert Alibaba derzeit 53 Milliarden Dollar in KI-Rechenzentren.',
  '',
  'DeepSeek hat nach eigenen Angaben nur 5,6 Millionen Dollar für das Training ausgegeben.',
  '',
].join('\n');
const TAGGED = 'Alibaba derzeit 53 Milliarden Dollar';
const UNTAGGED = 'nur 5,6 Millionen Dollar';
/** In the note of the untagged annotation, which changed before the other: a blank search would not list it first. */
const OTHER_NOTE = 'Laut Geschäftsbericht waren es 6 Millionen.';

interface DiskAnnotation {
  id: string;
  quote: { exact: string };
  tags?: string[];
}

const disk = (): DiskAnnotation[] => annotationsOnDisk() as unknown as DiskAnnotation[];

function spanOf(document: vscode.TextDocument, text: string): { start: number; end: number } {
  const start = document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the article`);
  return { start, end: start + text.length };
}

/** Every annotation row of the tree (article → status → annotation), with its description. */
async function annotationRows(tree: AnnotationTreeProvider): Promise<{ label: string; description: string }[]> {
  const rows: { label: string; description: string }[] = [];
  const walk = async (element?: AnnotationTreeElement): Promise<void> => {
    for (const child of await tree.getChildren(element)) {
      if (child.kind === 'annotation') {
        const item = tree.getTreeItem(child);
        rows.push({ label: typeof item.label === 'string' ? item.label : item.label?.label ?? '', description: typeof item.description === 'string' ? item.description : '' });
      } else {
        await walk(child);
      }
    }
  };
  await walk();
  return rows;
}

describe('Tags and search: Add Tag, the tag filter, tag colours, Search Annotations', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let taggedId: string;
  let untaggedId: string;
  const target = (id: string): { folder: string; id: string } => ({ folder: workspaceFolder().uri.toString(), id });
  const tree = async (): Promise<AnnotationTreeProvider> => (await extensionApi()).parts.annotationTree as AnnotationTreeProvider;

  before(async () => {
    await closeAllEditors();
    fs.rmSync(annotationFilePath(), { force: true });
    fs.rmSync(workspacePath('.ainews', 'team.json'), { force: true });
    editor = await openArticle(ARTICLE, ARTICLE_TEXT);
    const api = await extensionApi();
    await waitFor(() => api.analysis(editor.document), 'the article is analysed');
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('aiNews.markVerified', { uri, ...spanOf(editor.document, TAGGED), note: 'Laut Pressestelle gilt die Summe für drei Jahre.' });
    await vscode.commands.executeCommand('aiNews.markDisputed', { uri, ...spanOf(editor.document, UNTAGGED), note: OTHER_NOTE });
    await waitFor(() => disk().length === 2, 'two annotations on disk');
    taggedId = disk().find((a) => a.quote.exact === TAGGED)!.id;
    untaggedId = disk().find((a) => a.quote.exact === UNTAGGED)!.id;
  });

  after(async () => {
    await vscode.commands.executeCommand('aiNews.clearFilters');
    fs.rmSync(workspacePath('.ainews', 'team.json'), { force: true });
    fs.rmSync(annotationFilePath(), { force: true });
    await closeAllEditors();
  });

  it('adds a tag from the command at the cursor: it lands in the file, the tree row and the hover', async () => {
    // The command acts on the annotation under the cursor, as from the editor's context menu.
    const { start } = spanOf(editor.document, TAGGED);
    editor.selection = new vscode.Selection(editor.document.positionAt(start + 3), editor.document.positionAt(start + 3));
    await vscode.commands.executeCommand('aiNews.addTag', { tag: '  Wahl 2025 ' });
    await waitFor(() => disk().find((a) => a.id === taggedId)?.tags?.join() === 'Wahl 2025', 'the trimmed tag is on disk');
    await vscode.commands.executeCommand('aiNews.addTag', { ...target(taggedId), tag: 'Börse' });
    await waitFor(() => disk().find((a) => a.id === taggedId)?.tags?.join() === 'Wahl 2025,Börse', 'a second tag, at the end');

    const t = await tree();
    await waitFor(async () => (await annotationRows(t)).some((r) => r.description.includes('#Wahl 2025 #Börse')), 'the tree row shows the tags');
    const position = editor.document.positionAt(start + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const hover = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.ok(hover.includes('Tags: Wahl 2025, Börse'), hover);
    assert.ok(hover.includes('command:aiNews.addTag?'), 'the hover offers Add tag');
  });

  it('refuses a tag with a line break or over 50 characters, and removes a tag', async () => {
    const before = fs.readFileSync(annotationFilePath(), 'utf8');
    await vscode.commands.executeCommand('aiNews.addTag', { ...target(taggedId), tag: 'zwei\nZeilen' });
    await vscode.commands.executeCommand('aiNews.addTag', { ...target(taggedId), tag: 'x'.repeat(51) });
    assert.equal(fs.readFileSync(annotationFilePath(), 'utf8'), before, 'nothing written');
    await vscode.commands.executeCommand('aiNews.removeTag', { ...target(taggedId), tag: 'Börse' });
    await waitFor(() => disk().find((a) => a.id === taggedId)?.tags?.join() === 'Wahl 2025', 'Börse removed');
  });

  it('Add Tag… offers the workspace\'s tags in its quick pick: accepting the first one tags the other annotation', async () => {
    const untagged = spanOf(editor.document, UNTAGGED);
    editor.selection = new vscode.Selection(editor.document.positionAt(untagged.start + 2), editor.document.positionAt(untagged.start + 2));
    const adding = vscode.commands.executeCommand('aiNews.addTag');
    // As pressing Enter in the pick does: the most used tag of the workspace comes first.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return disk().find((a) => a.id === untaggedId)?.tags !== undefined;
    }, 'a tag picked for the other annotation', 15_000);
    await adding;
    assert.deepEqual(disk().find((a) => a.id === untaggedId)?.tags, ['Wahl 2025']);
    await vscode.commands.executeCommand('aiNews.removeTag', { ...target(untaggedId), tag: 'Wahl 2025' });
    await waitFor(() => disk().find((a) => a.id === untaggedId)?.tags === undefined, 'removed again: no empty list is left in the file');
  });

  it('narrows the Annotations view to a tag, and shows everything again when the filters are cleared', async () => {
    const t = await tree();
    await waitFor(async () => (await annotationRows(t)).length === 2, 'both annotations listed');
    assert.deepEqual((await t.tagChoices()).map((c) => c.tag), ['Wahl 2025']);
    await vscode.commands.executeCommand('aiNews.filterByTag', { tags: ['Wahl 2025'] });
    const rows = await annotationRows(t);
    assert.deepEqual(rows.map((r) => r.label), [TAGGED]);
    const view = (await extensionApi()).parts.annotationView as vscode.TreeView<AnnotationTreeElement>;
    assert.ok(view.description?.includes('#Wahl 2025'), view.description);
    await vscode.commands.executeCommand('aiNews.filterByTag', { tags: ['no such tag'] });
    assert.deepEqual(await annotationRows(t), []);
    await waitFor(() => view.message?.includes('Clear Filters'), 'the empty view says how to see all');
    await vscode.commands.executeCommand('aiNews.clearFilters');
    assert.equal((await annotationRows(t)).length, 2);
  });

  it('paints the colour the team file gives a tag: a dot after the highlight, the verdict keeps its own', async () => {
    const api = await extensionApi();
    fs.writeFileSync(workspacePath('.ainews', 'team.json'), JSON.stringify({ tags: [{ name: 'wahl 2025', color: '#2563EB' }] }, null, 2));
    const painted = await waitFor(() => api.decorations(editor.document.uri)?.tagged['#2563eb']?.length === 1 && api.decorations(editor.document.uri), 'painted in the tag colour');
    assert.deepEqual(painted.tagged['#2563eb'], [spanOf(editor.document, TAGGED)]);
    assert.equal(painted.verified.length, 1, 'the verdict keeps its highlight');
  });

  it('Search Annotations finds a closed article\'s annotation by a word of its note (without accents) and jumps to it when the item is accepted', async () => {
    await closeAllEditors();
    // From the file, not a document: the article must stay closed, so that the search places it as `check` does.
    const start = fs.readFileSync(workspacePath('articles', ARTICLE), 'utf8').indexOf(UNTAGGED);
    const span = { start, end: start + UNTAGGED.length };
    const search = vscode.commands.executeCommand<{ id: string } | undefined>('aiNews.searchAnnotations', { query: 'geschaftsbericht' });
    // Accept the selected item of the quick pick, as pressing Enter does, once the search has filled it.
    const editorThere = await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === workspacePath('articles', ARTICLE) && active;
    }, 'the article opens from the search', 15_000);
    assert.deepEqual((await search)?.id, untaggedId);
    await waitFor(() => editorThere.document.offsetAt(editorThere.selection.start) === span.start && editorThere.document.offsetAt(editorThere.selection.end) === span.end, 'the annotation is selected');
  });
});
