import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { englishL10n } from '../../../src/core/labels/l10n';
import { isInsideWorkspaceFolder, scriptedPathConfirm, scriptedPathQuestion } from '../../../src/core/workspace/scriptedPath';
import { germanL10n } from '../../support/l10nBundles';

describe('workspace: paths given as command arguments', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'ainews-scripted-'));
    root = join(base, 'news');
    outside = join(base, 'home');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'mails'));
    mkdirSync(outside);
    writeFileSync(join(root, 'mails', 'answer.eml'), 'From: presse@example.org\n');
    writeFileSync(join(outside, 'id_rsa'), 'secret\n');
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('a file or a new file inside the workspace folder is inside', async () => {
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', 'answer.eml')), true);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'exports', 'report.md')), true, 'a file still to be written');
  });

  it('outside the folder, the folder itself, a relative path, `..` and .git/ are not', async () => {
    assert.equal(await isInsideWorkspaceFolder(root, join(outside, 'id_rsa')), false);
    assert.equal(await isInsideWorkspaceFolder(root, root), false);
    assert.equal(await isInsideWorkspaceFolder(root, 'mails/answer.eml'), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', '..', '..', 'home', 'id_rsa')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, '.git', 'config')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, '.git', 'hooks', 'pre-commit')), false);
  });

  it('hidden files and folders are not: the annotation file, .vscode/, a private .env (review of session 9)', async () => {
    mkdirSync(join(root, '.ainews'));
    writeFileSync(join(root, '.ainews', 'annotations.json'), '{}');
    writeFileSync(join(root, '.env'), 'TOKEN=secret\n');
    assert.equal(await isInsideWorkspaceFolder(root, join(root, '.ainews', 'annotations.json')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, '.vscode', 'settings.json')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, '.env')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', '.netrc')), false);
    symlinkSync(join(root, '.env'), join(root, 'mails', 'notes.txt'));
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', 'notes.txt')), false, 'a link to a hidden file is judged by where it leads');
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', 'answer.eml')), true);
  });

  it('a symbolic link in the workspace that leads out is judged by where it leads', async () => {
    symlinkSync(join(outside, 'id_rsa'), join(root, 'mails', 'innocent.txt'));
    symlinkSync(outside, join(root, 'shared'));
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'mails', 'innocent.txt')), false);
    assert.equal(await isInsideWorkspaceFolder(root, join(root, 'shared', 'report.md')), false, 'a new file in a linked folder');
  });

  it('asks before acting on such a path, naming it inert, in English and German', () => {
    const question = scriptedPathQuestion(englishL10n, 'export', '/tmp/[x](command:y).md');
    assert.match(question, /^Write the export to \/tmp\/\[x\]\u200b\(command:y\)\.md\?/);
    assert.match(scriptedPathQuestion(englishL10n, 'evidence', '/home/me/.env'), /^Copy \/home\/me\/\.env into \.ainews\/evidence/);
    assert.deepEqual([scriptedPathConfirm(englishL10n, 'evidence'), scriptedPathConfirm(englishL10n, 'export')], ['Add as evidence', 'Write the export']);
    assert.notEqual(scriptedPathQuestion(germanL10n(), 'export', '/tmp/a.md'), scriptedPathQuestion(englishL10n, 'export', '/tmp/a.md'));
    assert.notEqual(scriptedPathConfirm(germanL10n(), 'evidence'), 'Add as evidence');
  });
});
