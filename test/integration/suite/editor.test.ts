import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { StatusBar } from '../../../src/editor/statusBar';
import {
  EXTENSION_ID, annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, openArticle, openSeed, waitFor, workspaceFolder,
} from '../helpers';

const SEED = '004_4d0229219e58456e.txt';
/** The seed's copy in the workspace has a readable name. */
const COPY = '2025-01-alibaba-launcht-qwen-2-5.txt';
const STOCK_CLAIM = 'Alibabas Aktie legt um 2,71 Prozent auf 94,60 Euro zu.';

function offsetOf(editor: vscode.TextEditor, text: string): number {
  const offset = editor.document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in the article`);
  return offset;
}

function placeCursor(editor: vscode.TextEditor, offset: number): void {
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
}

describe('Editor: highlights, verdicts, hover, code actions', function () {
  this.timeout(60_000);

  before(async () => {
    fs.rmSync(annotationFilePath(), { force: true });
    await closeAllEditors();
  });

  it('highlights the numbers, entities and claims of a seed article', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    const painted = await waitFor(() => {
      const d = api.decorations(editor.document.uri);
      return d && d.number.length > 0 && d.entity.length > 0 && d.claim.length > 0 ? d : undefined;
    }, 'the article is painted');
    const text = editor.document.getText();
    const numbers = painted.number.map((s) => text.slice(s.start, s.end));
    const entities = painted.entity.map((s) => text.slice(s.start, s.end));
    assert.ok(numbers.includes('2,71 Prozent'), `numbers: ${numbers.join(' | ')}`);
    assert.ok(entities.includes('Alibaba'), `entities: ${entities.join(' | ')}`);
    assert.ok(!numbers.some((n) => n.includes('2025-01')), 'nothing is found in the date metadata');
  });

  it('marks the claim under the cursor verified with a note and writes the shared file', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    placeCursor(editor, offsetOf(editor, '2,71 Prozent'));
    await vscode.commands.executeCommand('aiNews.markVerified', { note: 'Kurs laut Börse Frankfurt' });
    const [saved] = await waitFor(() => (annotationsOnDisk().length === 1 ? annotationsOnDisk() : undefined), 'one annotation on disk');
    assert.equal(saved.status, 'verified');
    assert.equal(saved.article, `articles/${COPY}`);
    assert.ok(saved.quote.exact.includes(STOCK_CLAIM), saved.quote.exact);
    assert.equal(saved.note, 'Kurs laut Börse Frankfurt');
    assert.equal(editor.document.getText().slice(saved.position.start, saved.position.end), saved.quote.exact);
    const painted = await waitFor(() => api.decorations(editor.document.uri)?.verified.length === 1 && api.decorations(editor.document.uri), 'painted as verified');
    assert.deepEqual(painted.verified[0], saved.position);
  });

  it('updates the verdict on the same claim instead of stacking a duplicate, keeping history', async () => {
    const editor = await openSeed(SEED);
    placeCursor(editor, offsetOf(editor, '94,60 Euro'));
    await vscode.commands.executeCommand('aiNews.markDisputed', { note: '' });
    const [saved] = await waitFor(() => {
      const all = annotationsOnDisk();
      return all.length === 1 && all[0].status === 'disputed' ? all : undefined;
    }, 'the annotation is disputed');
    assert.equal(saved.note, 'Kurs laut Börse Frankfurt', 'an empty note keeps the old one');
    assert.ok(Array.isArray(saved.history) && saved.history.length >= 1, 'the status change is in the history');
  });

  it('re-anchors once per verdict and publishes one snapshot for it', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    await waitFor(() => !api.snapshot(editor.document) ? undefined : api.snapshot(editor.document)?.version === editor.document.version, 'a current snapshot');
    const reanchoringsBefore = api.reanchorings(editor.document) ?? 0;
    let snapshots = 0;
    const counting = api.onDidChangeArticle(({ document }) => {
      if (document === editor.document) snapshots += 1;
    });
    placeCursor(editor, offsetOf(editor, 'Deepseek App'));
    const created = await vscode.commands.executeCommand<{ id: string }>('aiNews.markOutdated', { note: 'one verdict' });
    assert.ok(created, 'a verdict was set');
    await waitFor(() => annotationsOnDisk().some((a) => a.id === created.id), 'the verdict is on disk');
    await waitFor(() => api.placedAnnotations(editor.document).some((p) => p.annotation.id === created.id), 'the snapshot has it');
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything late would show up now
    counting.dispose();
    assert.equal((api.reanchorings(editor.document) ?? 0) - reanchoringsBefore, 1, 'one re-anchoring for one verdict');
    assert.equal(snapshots, 1, 'one snapshot for one verdict');
    await vscode.commands.executeCommand('aiNews.removeAnnotation', { folder: workspaceFolder().uri.toString(), id: created.id });
  });

  it('renders notes from other people as inert text in the hover', async () => {
    const editor = await openSeed(SEED);
    const [saved] = annotationsOnDisk();
    const hostile = 'See [this](command:aiNews.removeAnnotation?%5B%5D) <img src=x onerror=alert(1)> **bold**';
    await vscode.commands.executeCommand('aiNews.editNote', { folder: workspaceFolder().uri.toString(), id: saved.id, note: hostile });
    await waitFor(() => annotationsOnDisk()[0]?.note === hostile, 'the note is saved');
    const position = editor.document.positionAt(offsetOf(editor, '2,71 Prozent') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.ok(markdown.includes('Disputed'), markdown);
    assert.ok(!markdown.includes('[this](command:'), 'the note\'s command link is escaped');
    assert.ok(!/(?<!\\)<img/.test(markdown), 'the note\'s HTML is escaped (\\< renders as text)');
    assert.ok(markdown.includes('command:aiNews.setStatus?'), 'the extension\'s own links are there');
    assert.ok(markdown.includes('2,71') && markdown.includes('percent'), 'the number under the cursor is described');
  });

  it('says in the hover why a word is an entity', async () => {
    const editor = await openSeed(SEED);
    const position = editor.document.positionAt(offsetOf(editor, STOCK_CLAIM) + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    // Plain text in the hover keeps its spaces as &nbsp;.
    assert.ok(markdown.replace(/&nbsp;/g, ' ').includes('Name: Alibaba\n\nWhy: lexicon'), markdown);
  });

  it('offers the three verdicts as code actions on a claim', async () => {
    const editor = await openSeed(SEED);
    const offset = offsetOf(editor, 'Platz sechs');
    const position = editor.document.positionAt(offset);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(position, position));
    const titles = actions.map((a) => a.title);
    for (const verdict of ['verified', 'disputed', 'outdated']) {
      assert.ok(titles.some((t) => t.includes(`Mark ${verdict}`)), titles.join(' | '));
    }
  });

  it('moves annotations with every live edit and writes the new position when the article is saved', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    const before = annotationsOnDisk()[0].position;
    const inserted = 'Eilmeldung: ';
    await editor.edit((b) => b.insert(editor.document.positionAt(before.start - 1), inserted));
    const placed = await waitFor(() => {
      const p = api.placedAnnotations(editor.document)[0];
      return p?.span?.start === before.start + inserted.length ? p : undefined;
    }, 'the annotation moved with the edit');
    assert.equal(placed.state, 'exact');
    await editor.document.save();
    await waitFor(() => annotationsOnDisk()[0].position.start === before.start + inserted.length, 'the new position is written');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(before.start - 1), editor.document.positionAt(before.start - 1 + inserted.length))));
    await editor.document.save();
    await waitFor(() => annotationsOnDisk()[0].position.start === before.start, 'the position is back');
  });

  it('merges a change of the annotation file on disk into memory instead of overwriting it', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8'));
    const text = editor.document.getText();
    const quote = 'Platz sechs';
    const start = text.indexOf(quote);
    const teammate = {
      id: 'teammate-annotation-1', article: `articles/${COPY}`, status: 'outdated',
      quote: { exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32) },
      position: { start, end: start + quote.length }, note: 'from a git pull',
      created: '2025-02-01T10:00:00.000Z', modified: '2025-02-01T10:00:00.000Z', author: 'Teammate',
    };
    file.annotations.push(teammate);
    fs.writeFileSync(annotationFilePath(), JSON.stringify(file, null, 2) + '\n');
    await waitFor(() => api.placedAnnotations(editor.document).some((p) => p.annotation.id === teammate.id), 'the teammate\'s annotation is loaded');
    placeCursor(editor, offsetOf(editor, 'Deepseek App'));
    await vscode.commands.executeCommand('aiNews.markVerified', { note: 'mine' });
    const all = await waitFor(() => (annotationsOnDisk().length === 3 ? annotationsOnDisk() : undefined), 'three annotations on disk');
    assert.ok(all.some((a) => a.id === teammate.id && a.note === 'from a git pull'), 'the teammate\'s work is kept');
    assert.ok(all.some((a) => a.note === 'mine'), 'my work is saved');
  });

  it('re-anchors when the article changes outside the editor', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    const path = editor.document.uri.fsPath;
    const original = fs.readFileSync(path, 'utf8');
    fs.writeFileSync(path, original.replace('Alibaba launcht Qwen 2.5', 'Update: Alibaba legt nach.\n\nAlibaba launcht Qwen 2.5'));
    const placed = await waitFor(() => {
      if (!editor.document.getText().includes('Update: Alibaba legt nach.')) return undefined;
      const p = api.placedAnnotations(editor.document).find((x) => x.annotation.quote.exact.includes(STOCK_CLAIM));
      return p?.span && editor.document.getText().slice(p.span.start, p.span.end) === p.annotation.quote.exact ? p : undefined;
    }, 'the annotation is found again after the reload');
    assert.ok(placed.state === 'exact' || placed.state === 'moved', placed.state);
    fs.writeFileSync(path, original);
    await waitFor(() => !editor.document.getText().includes('Update: Alibaba legt nach.'), 'reverted');
  });

  it('moves to the next unreviewed claim', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    placeCursor(editor, 0);
    await vscode.commands.executeCommand('aiNews.nextUnreviewedClaim');
    const selected = editor.document.getText(editor.selection);
    const claims = api.analysis(editor.document)!.findings.filter((f) => f.kind === 'claim').map((f) => f.text);
    assert.ok(claims.includes(selected), `"${selected}" is a claim`);
    assert.ok(!api.placedAnnotations(editor.document).some((p) => p.span && p.span.start === editor.document.offsetAt(editor.selection.start)));
  });

  it('switches number highlights off and on', async () => {
    const api = await extensionApi();
    const editor = await openSeed(SEED);
    await vscode.commands.executeCommand('aiNews.toggleNumberHighlights');
    await waitFor(() => api.decorations(editor.document.uri)?.number.length === 0, 'numbers hidden');
    await vscode.commands.executeCommand('aiNews.toggleNumberHighlights');
    await waitFor(() => (api.decorations(editor.document.uri)?.number.length ?? 0) > 0, 'numbers shown again');
  });

  it('adds evidence, removes an annotation, and explains what a command needs', async () => {
    const folder = workspaceFolder().uri.toString();
    const [first] = annotationsOnDisk();
    await vscode.commands.executeCommand('aiNews.addEvidence', { folder, id: first.id, link: 'https://www.boerse-frankfurt.de/aktie/alibaba' });
    await waitFor(() => annotationsOnDisk().find((a) => a.id === first.id)?.evidence?.[0] === 'https://www.boerse-frankfurt.de/aktie/alibaba', 'evidence saved');
    const count = annotationsOnDisk().length;
    await vscode.commands.executeCommand('aiNews.removeAnnotation', { folder, id: 'teammate-annotation-1' });
    await waitFor(() => annotationsOnDisk().length === count - 1, 'removed');
    await closeAllEditors();
    const result = await vscode.commands.executeCommand('aiNews.markVerified', { note: 'x' });
    assert.equal(result, undefined, 'nothing is marked without an article');
  });

  it('analyses a large article in slices: what is on screen first, the rest in idle time', async () => {
    const api = await extensionApi();
    await closeAllEditors();
    const seeds = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'seeds');
    const seed = fs.readFileSync(path.join(seeds, SEED), 'utf8').replace(/^ date \d{4}-\d{2} /, '');
    let text = ' date 2025-01 Gesammelte KI-Nachrichten\n\n';
    // Every line different, so that no block's result can be reused from an earlier copy.
    for (let copy = 1; text.length < 400_000; copy++) text += `${seed.split('\n').map((line) => (line ? `${line} (Teil ${copy})` : line)).join('\n')}\n\n`;
    const statusBar = (api.parts as { statusBar: StatusBar }).statusBar;
    const paints: { complete: boolean | undefined; spans: number; lastEnd: number; status: string | undefined }[] = [];
    const painting = api.onDidPaint((e) => {
      if (!e.document.uri.fsPath.endsWith('sliced-400k.txt')) return;
      const spans = api.decorations(e.document.uri);
      const all = spans ? [...spans.claim, ...spans.number, ...spans.entity] : [];
      statusBar.update();
      paints.push({ complete: api.analysisComplete(e.document), spans: all.length, lastEnd: Math.max(0, ...all.map((s) => s.end)), status: statusBar.current()?.text });
    });
    const completed = new Promise<vscode.TextDocument>((resolve) => {
      const subscription = api.onDidChangeArticle(({ document }) => {
        if (document.uri.fsPath.endsWith('sliced-400k.txt') && api.analysisComplete(document)) {
          subscription.dispose();
          resolve(document);
        }
      });
    });
    const editor = await openArticle('sliced-400k.txt', text);
    await completed;
    painting.dispose();
    const first = paints.find((p) => p.spans > 0);
    assert.ok(first, 'painted');
    assert.equal(first.complete, false, 'the first highlights came before the rest was analysed');
    assert.ok(first.lastEnd < text.length / 4, 'the first highlights are those near the top, on screen');
    const statuses = paints.filter((p) => p.complete === false).map((p) => p.status ?? '');
    assert.ok(statuses.some((t) => /analys/i.test(t)), `the status bar says the article is being analysed: ${statuses.join(' | ')}`);
    const analysis = api.analysis(editor.document)!;
    assert.ok(analysis.findings.some((f) => f.start > text.length * 0.9), 'the end of the article is analysed too');
    const shown = await waitFor(() => statusBar.current()?.text.match(/\d+\/\d+/), 'the status bar counts claims');
    assert.ok(shown);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('does not treat an ordinary README as an article until the user opts it in', async () => {
    const api = await extensionApi();
    const editor = await openArticle('../README-notes.md', '# Notes\n\nOpenAI sagt, 50 Prozent der Firmen nutzen KI.\n');
    assert.equal(api.analysis(editor.document), undefined);
    await vscode.commands.executeCommand('aiNews.analyzeThisDocument');
    await waitFor(() => api.analysis(editor.document), 'opted in');
    await vscode.commands.executeCommand('aiNews.stopAnalyzingThisDocument');
    await waitFor(() => api.analysis(editor.document) === undefined, 'opted out');
  });
});
