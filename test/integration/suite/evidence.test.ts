/**
 * Evidence that cannot rot, in the real editor: Add Evidence fetches a page from a server on
 * 127.0.0.1 (also through the http.proxy setting), archives it under its hash in .ainews/evidence
 * and stores the evidence object; Open Evidence shows the saved copy; a failed fetch loses nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { Annotation, EvidenceObject } from '../../../src/core/store/annotation';
import { annotationsOnDisk, openArticle, waitFor, workspaceFolder, workspacePath } from '../helpers';

const ARTICLE_TEXT = ' date 2025-01 Alibaba investiert\n\nDer Konzern investiert 2025 rund 53 Milliarden US-Dollar in KI-Infrastruktur.\n';
const PRESS_RELEASE = '<!doctype html><html><body><h1>Pressemitteilung</h1><p>53 Milliarden US-Dollar über drei Jahre.</p><script>alert(1)</script></body></html>';
const REPORT = '%PDF-1.4 Geschäftsbericht 2024';
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

function evidenceOnDisk(id: string): (string | EvidenceObject)[] {
  const annotation = annotationsOnDisk().find((a) => a.id === id) as unknown as Annotation | undefined;
  return annotation?.evidence ?? [];
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('Evidence: add with an archived copy, open it', function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let target: { folder: string; id: string };

  before(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/moved') response.writeHead(302, { location: '/press' }).end();
      else if (request.url === '/press') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRESS_RELEASE);
      else response.writeHead(404, 'Not Found').end();
    });
    base = await listen(server);
    const editor = await openArticle('evidence.md', ARTICLE_TEXT);
    const start = ARTICLE_TEXT.indexOf('rund 53 Milliarden US-Dollar');
    const annotation = await vscode.commands.executeCommand<Annotation>('aiNews.markDisputed', { uri: editor.document.uri.toString(), start, end: start + 'rund 53 Milliarden US-Dollar'.length, note: 'drei Jahre' });
    assert.ok(annotation);
    target = { folder: workspaceFolder().uri.toString(), id: annotation.id };
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('archives a page fetched after a redirect: the copy in .ainews/evidence with the right hash, the object in the annotation file', async () => {
    requests.length = 0;
    const before = Date.now();
    const updated = await vscode.commands.executeCommand<Annotation | undefined>('aiNews.addEvidence', { ...target, link: `${base}/moved`, title: 'Pressemitteilung', archive: true });
    assert.ok(updated, 'the command stored the evidence');
    assert.deepEqual(requests, ['/moved', '/press'], 'fetched once, on request');
    const item = await waitFor(() => evidenceOnDisk(target.id).find((e): e is EvidenceObject => typeof e !== 'string' && e.archive !== undefined), 'the evidence object is in the file');
    const hash = sha256(PRESS_RELEASE);
    assert.equal(item.url, `${base}/moved`, 'the address the user gave');
    assert.equal(item.title, 'Pressemitteilung');
    assert.deepEqual({ ...item.archive, fetched: undefined }, { file: `.ainews/evidence/${hash}.html`, sha256: hash, fetched: undefined, contentType: 'text/html; charset=utf-8' });
    assert.ok(Date.parse(item.archive?.fetched ?? '') >= before - 1000, 'the fetch time is recorded');
    assert.equal(item.accessed, item.archive?.fetched);
    const saved = fs.readFileSync(workspacePath('.ainews', 'evidence', `${hash}.html`));
    assert.equal(sha256(saved), hash);
    const file = JSON.parse(fs.readFileSync(workspacePath('.ainews', 'annotations.json'), 'utf8')) as { version: number };
    assert.equal(file.version, 2, 'an evidence object needs version 2 of the file');
  });

  it('opens the archived copy as text in a read-only editor, never rendered', async () => {
    const hash = sha256(PRESS_RELEASE);
    const opened = await vscode.commands.executeCommand<boolean>('aiNews.openEvidence', { ...target, url: `${base}/moved` });
    assert.equal(opened, true);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path === `/.ainews/evidence/${hash}.html` && vscode.window.activeTextEditor, 'the saved copy is the active editor');
    assert.equal(editor.document.uri.scheme, 'ainews-evidence', 'a read-only document');
    assert.equal(editor.document.languageId, 'html', 'shown as HTML source');
    assert.equal(editor.document.getText(), PRESS_RELEASE, 'the source, as saved');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText, true, 'a text editor, not a webview');
    // Typing goes through the editor's own read-only check (an extension's edit API call would not).
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(editor.document.getText(), PRESS_RELEASE, 'typing changes nothing');
    assert.equal(editor.document.isDirty, false);
  });

  it('fetches through the proxy named in the http.proxy setting', async () => {
    const proxied: string[] = [];
    const proxy = createServer((request, response) => {
      proxied.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(REPORT);
    });
    const proxyAddress = await listen(proxy);
    const http = vscode.workspace.getConfiguration('http');
    await http.update('proxy', proxyAddress, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('aiNews.addEvidence', { ...target, link: 'http://reports.invalid/2024.pdf', archive: true });
      assert.deepEqual(proxied, ['http://reports.invalid/2024.pdf']);
      const item = await waitFor(() => evidenceOnDisk(target.id).find((e): e is EvidenceObject => typeof e !== 'string' && e.url === 'http://reports.invalid/2024.pdf'), 'the second evidence object is in the file');
      assert.equal(item.archive?.file, `.ainews/evidence/${sha256(REPORT)}.pdf`);
      assert.equal(sha256(fs.readFileSync(workspacePath(...(item.archive?.file ?? '').split('/')))), sha256(REPORT));
    } finally {
      await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('archives a local file the user chose under its hash, named by its file name', async () => {
    const mail = workspacePath('Antwort der Pressestelle.eml');
    fs.writeFileSync(mail, 'From: presse@example.org\n\nDie Summe gilt für 2025 bis 2027.\n');
    try {
      await vscode.commands.executeCommand('aiNews.addEvidence', { ...target, file: mail, quote: 'für 2025 bis 2027' });
      const item = await waitFor(() => evidenceOnDisk(target.id).find((e): e is EvidenceObject => typeof e !== 'string' && e.url === 'Antwort der Pressestelle.eml'), 'the mail is evidence');
      const hash = sha256(fs.readFileSync(mail));
      assert.deepEqual({ ...item.archive, fetched: undefined }, { file: `.ainews/evidence/${hash}.eml`, sha256: hash, fetched: undefined, contentType: 'message/rfc822' });
      assert.equal(item.quote, 'für 2025 bis 2027');
      assert.equal(sha256(fs.readFileSync(workspacePath('.ainews', 'evidence', `${hash}.eml`))), hash);
    } finally {
      fs.rmSync(mail);
    }
  });

  it('archives a program as .bin and never hands it to the system: Open Evidence offers to reveal it instead', async () => {
    const program = workspacePath('setup.exe');
    fs.writeFileSync(program, 'MZ pretend program');
    try {
      await vscode.commands.executeCommand('aiNews.addEvidence', { ...target, file: program });
      const item = await waitFor(() => evidenceOnDisk(target.id).find((e): e is EvidenceObject => typeof e !== 'string' && e.url === 'setup.exe'), 'the program is evidence');
      assert.equal(item.archive?.file, `.ainews/evidence/${sha256('MZ pretend program')}.bin`);
      const tabsBefore = vscode.window.tabGroups.all.flatMap((group) => group.tabs).length;
      const opened = await vscode.commands.executeCommand<boolean>('aiNews.openEvidence', { ...target, url: 'setup.exe' });
      assert.equal(opened, false, 'not opened');
      assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, tabsBefore, 'no editor either');
    } finally {
      fs.rmSync(program);
    }
  });

  it('a failed fetch stores nothing and archives nothing; a plain link stays a string next to the objects', async () => {
    const evidenceBefore = evidenceOnDisk(target.id);
    const filesBefore = fs.readdirSync(workspacePath('.ainews', 'evidence')).sort();
    const failed = await vscode.commands.executeCommand('aiNews.addEvidence', { ...target, link: `${base}/gone`, archive: true });
    assert.equal(failed, undefined);
    assert.deepEqual(evidenceOnDisk(target.id), evidenceBefore);
    assert.deepEqual(fs.readdirSync(workspacePath('.ainews', 'evidence')).sort(), filesBefore);
    await vscode.commands.executeCommand('aiNews.addEvidence', { ...target, link: 'https://example.org/plain' });
    const items = await waitFor(() => evidenceOnDisk(target.id).length === evidenceBefore.length + 1 && evidenceOnDisk(target.id), 'the link is added');
    assert.deepEqual(items.slice(0, evidenceBefore.length), evidenceBefore, 'the objects are untouched');
    assert.equal(items.at(-1), 'https://example.org/plain');
  });
});
