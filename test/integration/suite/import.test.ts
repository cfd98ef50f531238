import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor, workspacePath } from '../helpers';
import { valueOf, whileTicking } from '../../support/eventLoopWatch';

const NESTED_SENTENCE = 'OpenAI said revenue grew by 45 percent in 2024, according to the company.';
/** The audit's page: a paragraph, then 100,000 nested <div>s (1.1 MB; it kept the extension host busy for minutes). */
const NESTED_PAGE = `<html><head><title>Nested</title></head><body><article><p>${NESTED_SENTENCE}</p>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</article></body></html>`;
/** 4 MB of ordinary paragraphs: seconds of extraction. */
const LARGE_PAGE = `<html><head><title>Large</title></head><body><article>${`<p>${NESTED_SENTENCE}</p>\n`.repeat(50_000)}</article></body></html>`;

function importerLoaded(): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}dist${path.sep}importer.js`));
}

describe('Import Article', function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let pages: string;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    pages = path.join(extension.extensionPath, 'test', 'fixtures', 'import', 'pages');
    const page = fs.readFileSync(path.join(pages, 'en-wire-chip-exports.html'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/moved') response.writeHead(301, { location: '/article' }).end();
      else if (request.url === '/article') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (request.url === '/nested') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NESTED_PAGE);
      else if (request.url === '/large') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LARGE_PAGE);
      else response.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the activated extension has not loaded the import libraries', async () => {
    await extensionApi();
    assert.equal(importerLoaded(), false, 'dist/importer.js is loaded only when an import runs');
  });

  it('imports a saved page through the command: a markdown article in articles/, opened with its highlights', async () => {
    const api = await extensionApi();
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('aiNews.importArticleFromHtmlFile', { files: [path.join(pages, 'de-techportal-qwen.html')] });
    assert.equal(written.length, 1);
    assert.equal(written[0].fsPath, workspacePath('articles', '2025-01-29-alibaba-stellt-qwen-2-5-max-vor-wie-gut-ist-das-modell.md'));
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === written[0].fsPath), 'the article opens');
    const text = editor.document.getText();
    assert.match(text, /^---\ntitle: "Alibaba stellt Qwen 2\.5-Max vor: Wie gut ist das Modell wirklich\?"\nsource: "file:de-techportal-qwen\.html"\n/);
    assert.ok(!text.includes('Wir respektieren Ihre Privatsphäre'), 'no cookie banner');
    const painted = await waitFor(() => {
      const d = api.decorations(editor.document.uri);
      return d && d.claim.length > 0 && d.number.length > 0 && d.entity.length > 0 && d;
    }, 'claims, numbers and entities are highlighted');
    assert.ok(painted.claim.length >= 3);
    assert.equal(api.analysis(editor.document)?.date, '2025-01-29', 'the article is dated by `published`');
    assert.equal(importerLoaded(), true);
  });

  it('imports from a URL on a local server after a redirect, requesting only the page', async () => {
    requests.length = 0;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('aiNews.importArticleFromUrl', { url: `${base}/moved` });
    assert.ok(uri);
    assert.deepEqual(requests, ['/moved', '/article']);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.ok(text.includes(`source: "${base}/article"`));
    assert.ok(text.includes('# US tightens curbs on AI chip exports, adds global licence tiers'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
  });

  it('fetches through the proxy named in the http.proxy setting', async () => {
    const proxied: string[] = [];
    const page = fs.readFileSync(path.join(pages, 'en-magazine-agents.html'));
    // A forward proxy answers absolute-form requests; the host name does not exist anywhere else.
    const proxy = createServer((request, response) => {
      proxied.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const http = vscode.workspace.getConfiguration('http');
    await http.update('proxy', `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, vscode.ConfigurationTarget.Global);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('aiNews.importArticleFromUrl', { url: 'http://news.invalid/2025/agents' });
      assert.deepEqual(proxied, ['http://news.invalid/2025/agents']);
      assert.ok(uri && fs.readFileSync(uri.fsPath, 'utf8').includes('# AI agents are coming for your browser. Are they ready?'));
    } finally {
      await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('imports a page nested 100,000 deep in a worker: the extension host keeps running', async () => {
    const { result, longestGapMs, ms } = await whileTicking(() => vscode.commands.executeCommand<vscode.Uri | undefined>('aiNews.importArticleFromUrl', { url: `${base}/nested` }), 20);
    const uri = valueOf(result);
    assert.ok(uri);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.ok(text.includes(`\n# Nested\n\n${NESTED_SENTENCE}\n\nx\n`), text);
    assert.ok(text.includes('extractor: "ai-news-annotator-fallback@1"'), 'flattened, without Readability');
    assert.ok(longestGapMs < 1500, `a 20 ms timer in the extension host waited ${longestGapMs.toFixed(0)} ms during the ${ms.toFixed(0)} ms import`);
  });

  it('gives up on an extraction at its time limit without blocking, and writes nothing', async () => {
    const before = fs.readdirSync(workspacePath('articles')).length;
    const { result, longestGapMs, ms } = await whileTicking(() => vscode.commands.executeCommand<vscode.Uri | undefined>('aiNews.importArticleFromUrl', { url: `${base}/large`, timeLimitMs: 300 }), 20);
    assert.equal(valueOf(result), undefined);
    assert.equal(fs.readdirSync(workspacePath('articles')).length, before);
    assert.ok(ms < 5000, `ended after ${ms.toFixed(0)} ms with a time limit of 300 ms`);
    assert.ok(longestGapMs < 1500, `the timer waited ${longestGapMs.toFixed(0)} ms`);
  });

  it('says why a page could not be imported and writes nothing', async () => {
    const before = fs.readdirSync(workspacePath('articles')).length;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('aiNews.importArticleFromUrl', { url: `${base}/gone` });
    assert.equal(uri, undefined);
    assert.equal(fs.readdirSync(workspacePath('articles')).length, before);
  });
});
