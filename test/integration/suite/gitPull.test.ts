/**
 * A `git pull` that changes both an open article and the annotation file: whichever file VS Code
 * notices first, a teammate's annotation on the new text ends up anchored and painted, not orphaned.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { annotationFilePath, closeAllEditors, extensionApi, openArticle, waitFor } from '../helpers';

const BEFORE = [
  ' date 2025-02 KI-Nachrichten',
  '',
  'Mistral hat ein neues Modell vorgestellt. Es soll schneller sein als die Vorgänger.',
  '',
  'Das Unternehmen sitzt in Paris und beschäftigt rund 600 Menschen.',
  '',
].join('\n');
/** The teammate's version: a new paragraph in the middle, which the teammate annotated. */
const NEW_CLAIM = 'Die Finanzierungsrunde brachte 1,7 Milliarden Euro ein.';
const AFTER = BEFORE.replace('\n\nDas Unternehmen', `\n\nLaut Handelsblatt stieg der Umsatz 2024 um 40 Prozent. ${NEW_CLAIM}\n\nDas Unternehmen`);

function teammateFile(name: string): string {
  const start = AFTER.indexOf(NEW_CLAIM);
  const end = start + NEW_CLAIM.length;
  const annotation = {
    id: `teammate-pull-${name.replace(/\W/g, '-')}`, article: `articles/${name}`, status: 'disputed',
    quote: { exact: NEW_CLAIM, prefix: AFTER.slice(Math.max(0, start - 32), start), suffix: AFTER.slice(end, end + 32) },
    position: { start, end }, note: 'Die Summe stammt aus zwei Runden.',
    created: '2025-02-03T09:00:00.000Z', modified: '2025-02-03T09:00:00.000Z', author: 'Teammate',
  };
  return JSON.stringify({ version: 1, annotations: [annotation] }, null, 2) + '\n';
}

describe('A git pull never orphans a teammate\'s note', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    // The clone already shares an annotation file; the pull changes it.
    fs.mkdirSync(path.dirname(annotationFilePath()), { recursive: true });
    fs.writeFileSync(annotationFilePath(), '{\n  "version": 1,\n  "annotations": []\n}\n');
    await closeAllEditors();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the file watcher takes the folder in
  });

  for (const order of ['annotation file first', 'article first'] as const) {
    it(`anchors and paints the teammate's annotation (${order})`, async () => {
      const api = await extensionApi();
      const name = `pull-${order.startsWith('annotation') ? 'a' : 'b'}.txt`;
      const editor = await openArticle(name, BEFORE);
      const id = `teammate-pull-${name.replace(/\W/g, '-')}`;
      const writeAnnotations = async (): Promise<void> => {
        fs.writeFileSync(annotationFilePath(), teammateFile(name));
        // Wait until the extension has taken the file in: with the old article text it cannot place the note yet.
        await waitFor(() => api.placedAnnotations(editor.document).some((p) => p.annotation.id === id), 'the annotation file is loaded');
      };
      const writeArticle = async (): Promise<void> => {
        fs.writeFileSync(editor.document.uri.fsPath, AFTER);
        await waitFor(() => editor.document.getText() === AFTER, 'VS Code reloaded the article');
      };
      if (order === 'annotation file first') {
        await writeAnnotations();
        await writeArticle();
      } else {
        await writeArticle();
        await writeAnnotations();
      }
      const start = AFTER.indexOf(NEW_CLAIM);
      const placed = await waitFor(() => {
        const p = api.placedAnnotations(editor.document).find((x) => x.annotation.id === id);
        return p?.span ? p : undefined;
      }, 'the teammate\'s annotation is anchored', 5000);
      assert.equal(placed.state, 'exact');
      assert.deepEqual(placed.span, { start, end: start + NEW_CLAIM.length });
      await waitFor(() => api.decorations(editor.document.uri)?.disputed.some((s) => s.start === start), 'painted as disputed', 5000);
      assert.deepEqual(api.decorations(editor.document.uri)?.orphaned, [], 'no orphan marker');
    });
  }

  it('follows a change of the end-of-line sequence (VS Code reports it without a content change)', async () => {
    const api = await extensionApi();
    const name = 'pull-eol.txt';
    const editor = await openArticle(name, AFTER);
    const id = `teammate-pull-${name.replace(/\W/g, '-')}`;
    fs.writeFileSync(annotationFilePath(), teammateFile(name));
    await waitFor(() => api.placedAnnotations(editor.document).find((p) => p.annotation.id === id)?.state === 'exact', 'the annotation is placed');
    assert.ok(await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.CRLF)));
    const crlf = editor.document.getText();
    assert.ok(crlf.includes('\r\n'), 'the article has CRLF line endings now');
    const start = crlf.indexOf(NEW_CLAIM);
    const placed = await waitFor(() => {
      const p = api.placedAnnotations(editor.document).find((x) => x.annotation.id === id);
      return api.snapshot(editor.document)?.version === editor.document.version && p?.span?.start === start ? p : undefined;
    }, 'the annotation is where the CRLF text has it', 5000);
    assert.deepEqual(placed.span, { start, end: start + NEW_CLAIM.length });
    await waitFor(() => api.decorations(editor.document.uri)?.disputed.some((s) => s.start === start), 'painted where the CRLF text has it', 5000);
    // Typing a line break into the CRLF text: the session builds its text through the edit (or asks
    // VS Code for it when that is not the document's); every finding is where the document has its text.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Neu\n')));
    await waitFor(() => api.snapshot(editor.document)?.version === editor.document.version && api.analysisComplete(editor.document), 'the edit analysed', 5000);
    const typed = editor.document.getText();
    const findings = api.snapshot(editor.document)?.analysis?.findings ?? [];
    assert.ok(findings.length > 0 && findings.every((f) => typed.slice(f.start, f.end) === f.text), 'every finding is the text at its offsets');
    assert.equal(api.placedAnnotations(editor.document).find((p) => p.annotation.id === id)?.span?.start, typed.indexOf(NEW_CLAIM), 'the annotation moved with the line');
  });

  it('places and paints a teammate\'s annotation on a file that is not an article, analysing nothing', async () => {
    const api = await extensionApi();
    const file = path.join(path.dirname(path.dirname(annotationFilePath())), 'notes', 'pulled-note.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, AFTER.replace(/^ date \d{4}-\d{2} /, ''));
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(annotationFilePath(), teammateFile('x').replace('"articles/x"', '"notes/pulled-note.txt"').replace(/"start": \d+/, `"start": ${text.indexOf(NEW_CLAIM)}`).replace(/"end": \d+/, `"end": ${text.indexOf(NEW_CLAIM) + NEW_CLAIM.length}`));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document, { preview: false });
    const start = text.indexOf(NEW_CLAIM);
    await waitFor(() => api.decorations(document.uri)?.disputed.some((s) => s.start === start), 'painted as disputed', 5000);
    const painted = api.decorations(document.uri);
    assert.deepEqual([painted?.claim.length, painted?.number.length, painted?.entity.length], [0, 0, 0], 'no analysis of a file that is not an article');
  });
});
