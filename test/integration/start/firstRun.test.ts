import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, screenshot, waitFor, workspaceFolder } from '../helpers';

/** The seed copy `npm start` opens first. */
const FIRST_ARTICLE = path.join('articles', '2025-01-alibaba-launcht-qwen-2-5.txt');

describe('First run (npm start): the workspace and settings of the start script', function () {
  this.timeout(60_000);

  it('opens straight into a seed article with its highlights, and nothing else', async () => {
    const api = await extensionApi();
    const expected = path.join(workspaceFolder().uri.fsPath, FIRST_ARTICLE);
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === expected), 'the seed article is open', 20_000);
    await waitFor(() => {
      const d = api.decorations(editor.document.uri);
      return d && d.claim.length > 0 && d.number.length > 0 && d.entity.length > 0;
    }, 'its claims, numbers and entities are highlighted', 20_000);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    assert.deepEqual(tabs, [path.basename(FIRST_ARTICLE)], 'no welcome page or walkthrough beside it');
  });

  it('shows the AI News sidebar with the article\'s claims', async () => {
    const api = await extensionApi();
    const view = api.parts.annotationView as vscode.TreeView<unknown>;
    await waitFor(() => view.visible, 'the AI News sidebar is visible', 20_000);
  });

  it('has telemetry off and wraps long lines', () => {
    assert.equal(vscode.env.isTelemetryEnabled, false);
    const article = vscode.Uri.joinPath(workspaceFolder().uri, ...FIRST_ARTICLE.split(path.sep));
    assert.equal(vscode.workspace.getConfiguration('editor', { uri: article, languageId: 'plaintext' }).get('wordWrap'), 'on');
  });

  it('is a clean git repository: articles and .ainews committed, nothing to commit', () => {
    const cwd = workspaceFolder().uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
    assert.equal(git('status', '--porcelain'), '');
    const tracked = git('ls-files').split('\n');
    assert.ok(tracked.includes('.ainews/annotations.json'));
    assert.ok(tracked.includes('.gitattributes'));
    assert.ok(tracked.includes('articles/2025-01-alibaba-launcht-qwen-2-5.txt'));
    assert.equal(tracked.filter((f) => f.startsWith('articles/')).length, 5);
  });

  it('takes the README screenshots on the real seed article: the first run, verdicts, a hover', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith(path.basename(FIRST_ARTICLE)));
    assert.ok(editor);
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshot('first-run');
    await vscode.workspace.getConfiguration('aiNews', workspaceFolder().uri).update('author', 'Lena Vogt', vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    select(editor, 'Alibabas Aktie legt um 2,71 Prozent auf 94,60 Euro zu');
    await vscode.commands.executeCommand('aiNews.markVerified', { note: 'Schlusskurs Xetra am 29.01.2025' });
    select(editor, 'dass Qwen 2.5 in nahezu allen Leistungsbereichen besser abschneide als etablierte Modelle wie GPT-4o, Deepseek-V3 und Llama');
    await vscode.commands.executeCommand('aiNews.markDisputed', { note: 'Nur Alibabas eigene Benchmarks; unabhängige Tests fehlen.' });
    const api = await extensionApi();
    await waitFor(() => api.placedAnnotations(editor.document).length === 2, 'two verdicts');
    await vscode.commands.executeCommand('workbench.view.extension.aiNews');
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('notifications.clearAll');
    await new Promise((r) => setTimeout(r, 800)); // let the views render before the picture
    await screenshot('sidebar-and-highlights');
    select(editor, 'in nahezu allen');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('hover');
  });
});

function select(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}
