import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fetchPage, importSource } from '../../../src/core/import';
import { startLocalServer, streamMegabytes, type LocalServer } from '../../support/localServer';
import { developmentPages, ROOT } from './pages';

const CLI = join(ROOT, 'dist/cli.js');
const NESTED_SENTENCE = 'OpenAI said revenue grew by 45 percent in 2024, according to the company.';

/** The answers the tests need, from a real HTTP server on 127.0.0.1. */
function startServer(): Promise<LocalServer> {
  const page = developmentPages().find((p) => p.name === 'en-wire-chip-exports');
  assert.ok(page);
  return startLocalServer((url, response) => {
    const redirect = /^\/hop\/(\d+)$/.exec(url);
    if (redirect) {
      const n = Number(redirect[1]);
      response.writeHead(302, { location: n > 1 ? `/hop/${n - 1}` : '/article' }).end();
    } else if (url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.bytes);
    } else if (url === '/gzip') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page.bytes));
    } else if (url === '/slow') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>');
      // never finishes: the client must give up
    } else if (url === '/huge') {
      response.writeHead(200, { 'content-type': 'text/html' });
      streamMegabytes(response, 50);
    } else if (url === '/nested') {
      // The audit's page: a paragraph and 100,000 nested <div>s (1.1 MB).
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Nested</title></head><body><article><p>${NESTED_SENTENCE}</p>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</article></body></html>`);
    } else if (url === '/json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    } else {
      response.writeHead(404, 'Not Found', { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
}

/** Runs the built command line asynchronously (the server answers in this process meanwhile). */
function cli(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('import: fetching from a server on 127.0.0.1', function () {
  this.timeout(20000);
  let server: LocalServer;
  let base: string;
  let requests: string[];
  let temp: string;
  before(async () => {
    server = await startServer();
    ({ base, requests } = server);
  });
  after(() => server.close());
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ainews-import-'));
    requests.length = 0;
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('follows up to five redirects, records the final address and requests nothing else', async () => {
    const article = await importSource(`${base}/hop/5`);
    assert.equal(article.provenance.source, `${base}/article`);
    assert.equal(article.provenance.published, '2025-01-13');
    assert.deepEqual(requests, ['/hop/5', '/hop/4', '/hop/3', '/hop/2', '/hop/1', '/article'], 'no image, script or style was requested');
  });

  it('refuses a sixth redirect', async () => {
    await assert.rejects(fetchPage(`${base}/hop/6`), /more than 5 redirects/);
  });

  it('gives up on a slow answer after the timeout', async () => {
    const started = Date.now();
    await assert.rejects(fetchPage(`${base}/slow`, { timeoutMs: 300 }), /no complete answer from 127\.0\.0\.1:\d+ within the time limit/);
    assert.ok(Date.now() - started < 5000);
  });

  it('names the HTTP status of a missing page, a refused connection, a non-HTML answer and a huge one', async () => {
    await assert.rejects(fetchPage(`${base}/missing`), /the server answered 404 Not Found/);
    await assert.rejects(fetchPage('http://127.0.0.1:1/'), /the server refused the connection/);
    await assert.rejects(importSource(`${base}/json`), /sent application\/json, not an HTML page/);
    await assert.rejects(fetchPage(`${base}/huge`), /over the 10 MB limit/);
    await assert.rejects(fetchPage('ftp://example.org/x.html'), /only http and https addresses/);
  });

  it('unpacks a gzip answer', async () => {
    const page = await fetchPage(`${base}/gzip`);
    assert.ok(Buffer.from(page.bytes).toString('utf8').includes('US tightens curbs'));
  });

  it('CLI: imports addresses and saved pages into articles/, names each, exits 1 naming a failed source', async () => {
    const saved = developmentPages().find((p) => p.name === 'de-blog-eu-ai-act');
    assert.ok(saved);
    const result = await cli(['import', `${base}/article`, saved.path, `${base}/missing`], temp);
    assert.equal(result.code, 1, result.err);
    assert.deepEqual(result.out.trim().split('\n'), [
      join(temp, 'articles', '2025-01-13-us-tightens-curbs-on-ai-chip-exports-adds-global-licence.md'),
      join(temp, 'articles', '2025-01-20-eu-ai-act-was-ab-februar-2025-verboten-ist.md'),
    ]);
    assert.equal(result.err, `ai-news-annotator import: ${base}/missing: the server answered 404 Not Found\n`);
    const written = readFileSync(join(temp, 'articles', '2025-01-20-eu-ai-act-was-ab-februar-2025-verboten-ist.md'), 'utf8');
    assert.match(written, /^---\ntitle: "EU AI Act: Was ab Februar 2025 verboten ist"\nsource: "file:de-blog-eu-ai-act.html"\n/);
  });

  it('CLI: never overwrites; --out FILE.md writes that file once', async () => {
    const first = await cli(['import', `${base}/article`], temp);
    const second = await cli(['import', `${base}/article`], temp);
    assert.equal(first.code, 0);
    assert.equal(second.code, 0);
    assert.ok(second.out.trim().endsWith('-licence-2.md'));
    assert.equal(readdirSync(join(temp, 'articles')).length, 2);
    const target = join(temp, 'mine.md');
    writeFileSync(target, 'my notes');
    const refused = await cli(['import', '--out', target, `${base}/article`], temp);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /mine\.md exists already; it is never overwritten/);
    assert.equal(readFileSync(target, 'utf8'), 'my notes');
  });

  it('CLI: a saved page is read without any network access, and a 50 MB file is refused before reading', async () => {
    const big = join(temp, 'big.html');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    const result = await cli(['import', '--out', join(temp, 'out'), big, join(temp, 'notes.txt')], temp);
    assert.equal(result.code, 1);
    assert.match(result.err, /big\.html: the file is 50\.0 MB, over the 10 MB limit/);
    assert.match(result.err, /notes\.txt: a saved page must be an \.html or \.htm file/);
    assert.deepEqual(requests, []);
  });

  it('CLI: imports a page nested 100,000 deep at once, and gives up on a slow extraction at its time limit', async () => {
    const nested = await cli(['import', '--out', join(temp, 'nested'), `${base}/nested`], temp);
    assert.equal(nested.code, 0, nested.err);
    const article = readFileSync(nested.out.trim(), 'utf8');
    assert.ok(article.includes(`\n# Nested\n\n${NESTED_SENTENCE}\n\nx\n`), article);
    assert.ok(article.includes('extractor: "ai-news-annotator-fallback@1"'));
    const large = join(temp, 'large.html');
    writeFileSync(large, `<html><body><article>${'<p>OpenAI said revenue grew by 45 percent in 2024, according to the company.</p>\n'.repeat(40_000)}</article></body></html>`);
    const slow = await cli(['import', '--extract-timeout', '0.2', '--out', join(temp, 'slow'), large], temp);
    assert.equal(slow.code, 1);
    assert.equal(slow.err, `ai-news-annotator import: ${large}: gave up after 200 ms: extracting the article took too long (the page's markup is too large or too deeply nested)\n`);
    assert.equal(slow.out, '');
  });

  it('CLI: usage errors exit 2', async () => {
    assert.equal((await cli(['import'], temp)).code, 2);
    assert.equal((await cli(['import', '--out', 'a.md', 'x.html', 'y.html'], temp)).code, 2);
    assert.equal((await cli(['import', '--timeout', 'soon', 'x.html'], temp)).code, 2);
    assert.equal((await cli(['import', '--extract-timeout', '0', 'x.html'], temp)).code, 2);
    const unknown = await cli(['import', '--frobnicate', 'x.html'], temp);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^ai-news-annotator import: unknown option '--frobnicate'\n\nUsage: ai-news-annotator import/);
  });
});
