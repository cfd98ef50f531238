/**
 * The commands the other suites do not drive: re-anchoring an orphan, moving back to the previous
 * unreviewed claim, opening the annotation file, rescanning, toggling claims and entities, setting
 * a status from a hover link, and setting up git's merge driver in the workspace's repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, waitFor, workspaceFolder, workspacePath,
} from '../helpers';

const TEXT = [
  'Laut Bloomberg hat OpenAI im Jahr 2024 rund 3,7 Milliarden Dollar Umsatz gemacht.',
  '',
  'Anthropic sammelte nach Angaben von Reuters weitere 4 Milliarden Dollar ein.',
  '',
  'Mistral AI aus Paris ist mit 6 Milliarden Euro bewertet, berichtet die FAZ.',
  '',
].join('\n');

describe('Commands: re-anchor, navigation, file, rescan, toggles, status links, git set-up', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    await closeAllEditors();
    fs.rmSync(annotationFilePath(), { force: true });
    editor = await openArticle('commands.md', TEXT);
    const api = await extensionApi();
    await waitFor(() => api.analysis(editor.document), 'analysed');
  });

  it('re-anchors an orphaned annotation to the selection', async () => {
    const api = await extensionApi();
    const claim = 'Anthropic sammelte nach Angaben von Reuters weitere 4 Milliarden Dollar ein.';
    const start = editor.document.getText().indexOf(claim);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + claim.length));
    await vscode.commands.executeCommand('aiNews.markDisputed', { note: 'Betrag unklar' });
    const [saved] = await waitFor(() => (annotationsOnDisk().length === 1 ? annotationsOnDisk() : undefined), 'saved');
    // The sentence is rewritten beyond recognition: the annotation is orphaned, not dropped.
    const rewritten = 'Anthropic hat eine neue Runde abgeschlossen; Details nannte das Unternehmen nicht.';
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + claim.length)), rewritten));
    await editor.document.save();
    await vscode.commands.executeCommand('aiNews.rescan');
    await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === saved.id && p.state !== 'exact' && p.state !== 'moved'), 'no longer exact');
    const newStart = editor.document.getText().indexOf(rewritten);
    editor.selection = new vscode.Selection(editor.document.positionAt(newStart), editor.document.positionAt(newStart + rewritten.length));
    await vscode.commands.executeCommand('aiNews.reanchorAnnotation', { folder: workspaceFolder().uri.toString(), id: saved.id });
    const moved = await waitFor(() => annotationsOnDisk().find((a) => a.id === saved.id && a.quote.exact === rewritten), 're-anchored on disk');
    assert.equal(moved.position.start, newStart);
    assert.equal(moved.note, 'Betrag unklar', 'the verdict and note are kept');
    const placed = api.placedAnnotations(editor.document).find((p) => p.annotation.id === saved.id);
    assert.equal(placed?.state, 'exact');
  });

  it('moves back to the previous unreviewed claim', async () => {
    const text = editor.document.getText();
    editor.selection = new vscode.Selection(editor.document.positionAt(text.length), editor.document.positionAt(text.length));
    await vscode.commands.executeCommand('aiNews.previousUnreviewedClaim');
    const at = editor.document.offsetAt(editor.selection.start);
    assert.ok(at >= text.indexOf('Mistral AI') - 1, `the last claim is selected (offset ${at})`);
    await vscode.commands.executeCommand('aiNews.previousUnreviewedClaim');
    const before = editor.document.offsetAt(editor.selection.start);
    assert.ok(before < text.indexOf('Anthropic hat'), `skips the reviewed claim (offset ${before})`);
  });

  it('sets a status through the hover\'s command link arguments', async () => {
    const [annotation] = annotationsOnDisk();
    await vscode.commands.executeCommand('aiNews.setStatus', { folder: workspaceFolder().uri.toString(), id: annotation.id, status: 'outdated' });
    const updated = await waitFor(() => annotationsOnDisk().find((a) => a.id === annotation.id && a.status === 'outdated'), 'status changed');
    assert.ok((updated.history ?? []).length >= 1, 'the change is in the history');
  });

  it('opens the annotation file', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('aiNews.openAnnotationFile');
    assert.equal(uri?.fsPath, annotationFilePath());
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, annotationFilePath());
    editor = await vscode.window.showTextDocument(editor.document);
  });

  it('switches claim and entity highlights off and on', async () => {
    const api = await extensionApi();
    for (const [command, kind] of [['aiNews.toggleClaimHighlights', 'claim'], ['aiNews.toggleEntityHighlights', 'entity']] as const) {
      await vscode.commands.executeCommand(command);
      await waitFor(() => api.decorations(editor.document.uri)?.[kind].length === 0, `${kind} off`);
      await vscode.commands.executeCommand(command);
      await waitFor(() => (api.decorations(editor.document.uri)?.[kind].length ?? 0) > 0, `${kind} on`);
    }
  });

  it('sets up git to merge the annotation file by id', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('aiNews.setupGitMergeDriver');
    assert.equal(ok, true);
    const attributes = fs.readFileSync(workspacePath('.gitattributes'), 'utf8');
    assert.match(attributes, /^\.ainews\/annotations\.json merge=ainews$/m);
    const driver = execFileSync('git', ['config', '--get', 'merge.ainews.driver'], { cwd: workspaceFolder().uri.fsPath, encoding: 'utf8' });
    assert.match(driver, /dist[/\\]cli\.js" merge-driver %O %A %B/);
  });
});
