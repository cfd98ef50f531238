import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ai-news-annotator.ai-news-annotator';

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests run with a workspace folder open');
  return folder;
}

describe('Open Seed Article', () => {
  it('is contributed with a category and registered once the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const contributed = (extension.packageJSON.contributes.commands as { command: string; category?: string }[])
      .find((c) => c.command === 'aiNews.openSeedArticle');
    assert.equal(contributed?.category, 'AI News');
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiNews.openSeedArticle'));
  });

  it('copies the article into articles/ under a readable name and opens the copy in the editor', async () => {
    const folder = workspaceFolder();
    const copy = path.join(folder.uri.fsPath, 'articles', '2025-01-alibaba-launcht-qwen-2-5.txt');
    fs.rmSync(copy, { force: true });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('aiNews.openSeedArticle', { file: '004_4d0229219e58456e.txt' });
    assert.equal(uri?.fsPath, copy);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.equal(editor.document.uri.fsPath, copy);
    assert.match(editor.document.getText(), /Alibaba launcht Qwen 2\.5/);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const seed = fs.readFileSync(path.join(extension.extensionPath, 'seeds', '004_4d0229219e58456e.txt'));
    assert.deepEqual(fs.readFileSync(copy), seed, 'the copy is byte for byte the seed');
  });

  it('keeps an existing copy (also one under the seed\'s own file name) instead of overwriting the user\'s edits', async () => {
    const folder = workspaceFolder();
    const copy = path.join(folder.uri.fsPath, 'articles', '001_948c208a42969402.txt');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.writeFileSync(copy, 'edited by a teammate\n');
    await vscode.commands.executeCommand('aiNews.openSeedArticle', { file: '001_948c208a42969402.txt' });
    assert.equal(vscode.window.activeTextEditor?.document.getText(), 'edited by a teammate\n');
    assert.equal(fs.readFileSync(copy, 'utf8'), 'edited by a teammate\n');
  });
});
