import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Correction } from '../../../src/core/feedback';
import type { FeedbackService } from '../../../src/editor/feedbackService';
import { closeAllEditors, extensionApi, openArticle, waitFor, workspacePath } from '../helpers';

const ARTICLE = [
  '# OpenAI stellt GPT-5 vor',
  '',
  'OpenAI hat am Mittwoch GPT-5 vorgestellt. Laut Sam Altman ist das Modell schneller.',
  '',
  'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.',
  '',
].join('\n');
const CLAIM = 'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.';

const feedbackPath = (): string => workspacePath('.ainews', 'feedback.json');

function correctionsOnDisk(): Correction[] {
  if (!fs.existsSync(feedbackPath())) return [];
  return (JSON.parse(fs.readFileSync(feedbackPath(), 'utf8')) as { corrections: Correction[] }).corrections;
}

async function actionsAt(editor: vscode.TextEditor, offset: number): Promise<vscode.CodeAction[]> {
  const position = editor.document.positionAt(offset);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(position, position));
}

/** The quick fix titled `title` at an offset, once the light bulb offers it. */
async function quickFix(editor: vscode.TextEditor, offset: number, title: string): Promise<vscode.Command> {
  let titles: string[] = [];
  const action = await waitFor(async () => {
    const actions = await actionsAt(editor, offset);
    titles = actions.map((a) => a.title);
    return actions.find((a) => a.title.includes(title))?.command;
  }, `"${title}" is offered at ${offset} (offered: ${titles.join(' | ')})`);
  return action;
}

async function run(command: vscode.Command): Promise<void> {
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

describe('Editor: correcting the detector with quick fixes', function () {
  this.timeout(60_000);

  before(async () => {
    fs.rmSync(feedbackPath(), { force: true });
    await closeAllEditors();
  });
  after(async () => {
    await closeAllEditors();
    // Wait until the extension has read the deletion (it analyses every open article again then),
    // so that the suites after this one never meet that reset half-way.
    const api = await extensionApi();
    const feedback = api.parts.feedback as FeedbackService;
    const article = vscode.Uri.file(workspacePath('articles', 'feedback-gpt5.md'));
    fs.rmSync(feedbackPath(), { force: true });
    await waitFor(() => feedback.correctionsFor(article).length === 0, 'the extension read the deletion of the feedback file');
  });

  it('"Not a claim" removes the highlight at once and writes .ainews/feedback.json', async () => {
    const api = await extensionApi();
    const editor = await openArticle('feedback-gpt5.md', ARTICLE);
    const start = editor.document.getText().indexOf(CLAIM);
    const claimPainted = () => api.decorations(editor.document.uri)?.claim.some((s) => s.start === start && s.end === start + CLAIM.length);
    await waitFor(claimPainted, 'the claim is highlighted');
    await run(await quickFix(editor, start + 2, 'Not a claim'));
    await waitFor(() => !claimPainted(), 'the claim is no longer highlighted');
    const [saved] = await waitFor(() => (correctionsOnDisk().length === 1 ? correctionsOnDisk() : undefined), 'the correction is on disk');
    assert.equal(saved.kind, 'not-a-claim');
    assert.equal(saved.article, 'articles/feedback-gpt5.md');
    assert.equal(saved.quote.exact, CLAIM);
    assert.ok(typeof saved.id === 'string' && saved.id.length > 0 && typeof saved.author === 'string' && !Number.isNaN(Date.parse(saved.created)));
  });

  it('"Not an entity" and "Wrong entity type…" change the entities, and survive an edit above them', async () => {
    const api = await extensionApi();
    const editor = await openArticle('feedback-gpt5.md', ARTICLE);
    const entityAt = (words: string) => {
      const at = editor.document.getText().indexOf(words);
      return api.snapshot(editor.document)?.analysis?.findings.find((f) => f.kind === 'entity' && f.start === at && f.end === at + words.length);
    };
    await waitFor(() => entityAt('Gemini') && entityAt('Sam Altman'), 'both entities are found');
    await run(await quickFix(editor, editor.document.getText().indexOf('Gemini') + 1, 'Not an entity'));
    await waitFor(() => !entityAt('Gemini'), 'Gemini is no longer an entity');
    const altman = await quickFix(editor, editor.document.getText().indexOf('Sam Altman') + 1, 'Wrong entity type');
    await vscode.commands.executeCommand(altman.command, { ...(altman.arguments?.[0] as object), type: 'other' });
    await waitFor(() => entityAt('Sam Altman')?.type === 'other', 'Sam Altman is retyped');
    await waitFor(() => correctionsOnDisk().length === 3, 'three corrections on disk');

    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Vorab: ein neuer Absatz.\n'));
    await waitFor(() => api.snapshot(editor.document)?.version === editor.document.version && api.snapshot(editor.document)?.complete, 'the edited article is analysed');
    assert.equal(entityAt('Gemini'), undefined);
    assert.equal(entityAt('Sam Altman')?.type, 'other');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
