/**
 * Text from other people is never trusted as markup or commands (audit 9), in the real workbench:
 * a command link in a teammate's team.json shows as text in the warning, not as a link that runs;
 * a path given as a command's argument outside the workspace folder is acted on only after a yes;
 * an evidence string with line breaks stays one link in the hover.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../../src/core/store/annotation';
import { vscodeLinksIn } from '../../support/vscodeLinks';
import { annotationFilePath, extensionApi, openArticle, readInWorkbench, waitFor, workspaceFolder, workspacePath } from '../helpers';

const ARTICLE_TEXT = 'Vertrauen\n\nDer Konzern investiert 2025 rund 53 Milliarden US-Dollar in KI-Infrastruktur.\n';
const QUOTE = 'rund 53 Milliarden US-Dollar';

/** The runner outside VS Code reads the workbench; a desktop VS Code under @vscode/test-electron has none. */
const runnerReads = (): boolean => process.env.AINEWS_TEST_SHOTS !== undefined;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Other people\'s text: inert in notifications; scripted paths asked; one link in the hover', function () {
  this.timeout(60_000);
  let target: { folder: string; id: string };
  let uri: vscode.Uri;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ainews-outside-'));

  before(async () => {
    const editor = await openArticle('trust.md', ARTICLE_TEXT);
    uri = editor.document.uri;
    const start = ARTICLE_TEXT.indexOf(QUOTE);
    const annotation = await vscode.commands.executeCommand<Annotation>('aiNews.markDisputed', { uri: uri.toString(), start, end: start + QUOTE.length, note: 'drei Jahre' });
    assert.ok(annotation);
    target = { folder: workspaceFolder().uri.toString(), id: annotation.id };
  });

  afterEach(() => vscode.commands.executeCommand('notifications.clearAll'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('a command link in a teammate\'s team.json shows as text in the warning: no link, nothing runs', async function () {
    if (!runnerReads()) this.skip();
    const args = encodeURIComponent(JSON.stringify([{ ...target, status: 'verified' }]));
    const teamFile = workspacePath('.ainews', 'team.json');
    fs.writeFileSync(teamFile, JSON.stringify({ secondReview: `[Fix the team file](command:aiNews.setStatus?${args})` }, null, 2) + '\n');
    try {
      const warning = await waitFor(
        async () => (await readInWorkbench('team-warning', '.notification-list-item-message'))?.find((e) => e.text.includes('team.json')),
        'the warning about team.json is shown',
        20_000,
      );
      assert.ok(warning.text.includes('Fix the team file') && warning.text.includes('command:aiNews.setStatus'), `the value is shown as text: ${warning.text}`);
      assert.deepEqual(warning.links, [], 'no link in the notification');
      assert.deepEqual(vscodeLinksIn(warning.text), [], 'nor anything VS Code would read as one');
      const disk = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { annotations: Annotation[] };
      assert.equal(disk.annotations.find((a) => a.id === target.id)?.status, 'disputed');
    } finally {
      fs.rmSync(teamFile, { force: true });
    }
  });

  // VS Code refuses modal dialogs while extension tests run, and the refusal quotes the question: a
  // question asked shows as that error. A person answers it; no answer writes nothing.
  const refusedQuestion = (words: RegExp) => (error: Error) => /refused to show dialog in tests/.test(error.message) && words.test(error.message);

  it('an export path outside the workspace folder, given as an argument, is not written without asking', async () => {
    const out = path.join(scratch, 'report.md');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('aiNews.export', { format: 'markdown', out, scope: 'all', statuses: ['disputed'] })),
      refusedQuestion(new RegExp(`Write the export to ${escapeRegExp(out)}\\?`)),
    );
    assert.ok(!fs.existsSync(out), 'nothing written');
    const inside = workspacePath('exports-trust', 'report.md');
    try {
      assert.equal(await vscode.commands.executeCommand('aiNews.export', { format: 'markdown', out: inside, scope: 'all', statuses: ['disputed'] }), inside, 'inside the folder: written without a question');
      assert.ok(fs.readFileSync(inside, 'utf8').includes(QUOTE));
    } finally {
      fs.rmSync(workspacePath('exports-trust'), { recursive: true, force: true });
    }
  });

  it('an evidence file given as an argument that leads out of the workspace (a link) is not copied without asking', async () => {
    const secret = path.join(scratch, 'id_rsa');
    fs.writeFileSync(secret, 'PRIVATE KEY\n');
    const innocent = workspacePath('innocent.txt');
    fs.symlinkSync(secret, innocent);
    const evidenceFolder = workspacePath('.ainews', 'evidence');
    const copies = () => (fs.existsSync(evidenceFolder) ? fs.readdirSync(evidenceFolder).sort() : []);
    const before = copies();
    try {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('aiNews.addEvidence', { ...target, file: innocent })),
        refusedQuestion(new RegExp(`Copy ${escapeRegExp(innocent)} into \\.ainews/evidence`)),
      );
      assert.deepEqual(copies(), before, 'nothing archived');
      const disk = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { annotations: Annotation[] };
      assert.equal(disk.annotations.find((a) => a.id === target.id)?.evidence, undefined);
    } finally {
      fs.rmSync(innocent, { force: true });
    }
  });

  it('an evidence string with line breaks is one link in the hover: no heading, rule or icon', async () => {
    const evidence = 'https://example.org/report\n\n---\n\n$(pass-filled) APPROVED BY THE DESK\n\n# Verified';
    const file = JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { annotations: Annotation[] };
    file.annotations.find((a) => a.id === target.id)!.evidence = [evidence];
    fs.writeFileSync(annotationFilePath(), JSON.stringify(file, null, 2) + '\n');
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(uri);
    const placed = await waitFor(() => api.placedAnnotations(document).find((p) => p.annotation.id === target.id && p.annotation.evidence?.length), 'the evidence arrived');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(placed.span!.start + 1));
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    const line = markdown.split('\n').find((l) => l.includes('example.org/report'));
    assert.ok(line, markdown);
    assert.match(line, /^\[https:\/\/example\.org\/report---\\\$\(pass-filled\)%20APPROVED%20BY%20THE%20DESK#%20Verified\]\(https:\/\/example\.org\/report---\$%28pass-filled%29%20APPROVED%20BY%20THE%20DESK#%20Verified\)$/);
  });
});
