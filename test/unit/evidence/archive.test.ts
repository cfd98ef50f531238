import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ARCHIVE_FOLDER,
  archiveBytes,
  archiveExtension,
  archiveFileProblem,
  archiveLocalFile,
  archiveOpening,
  contentTypeOfFile,
  fetchAndArchive,
  hashWorkspaceFile,
  verifyEvidence,
} from '../../../src/core/evidence';
import { sampleAnnotation } from '../../support/annotations';
import { startLocalServer, streamMegabytes, type LocalServer } from '../../support/localServer';

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const PRESS_RELEASE = '<html><body><p>Alibaba investiert 53 Milliarden US-Dollar über drei Jahre.</p></body></html>';
const MB = 1024 * 1024;

/** Answers from a real HTTP server on 127.0.0.1: pages of several types, redirects, errors, a slow and a huge answer. */
function startServer(): Promise<LocalServer> {
  return startLocalServer((url, response) => {
    const hop = /^\/hop\/(\d+)$/.exec(url);
    if (hop) {
      const n = Number(hop[1]);
      response.writeHead(301, { location: n > 1 ? `/hop/${n - 1}` : '/press' }).end();
    } else if (url === '/press') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRESS_RELEASE);
    } else if (url === '/report.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 annual report');
    } else if (url === '/data') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"capex":53}');
    } else if (url === '/untyped/figures.csv') {
      response.writeHead(200).end('year,capex\n2025,53\n');
    } else if (url === '/download/setup.exe') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end('MZ not a program');
    } else if (url === '/gzip') {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('unpacked text'));
    } else if (url === '/to-ftp') {
      response.writeHead(302, { location: 'ftp://example.org/file' }).end();
    } else if (url === '/slow') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>');
    } else if (url === '/announced-huge') {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(30 * MB) });
      response.write('%PDF');
    } else if (url === '/streamed-huge') {
      // No Content-Length: the limit must hold while the answer streams in.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      streamMegabytes(response, 40);
    } else {
      response.writeHead(404, 'Not Found', { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
}

describe('evidence: archiving copies in .ainews/evidence', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ainews-evidence-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('saves bytes as <sha256>.<ext> with the archive record, and the same content once', async () => {
    const fetched = new Date('2025-02-01T10:00:00.000Z');
    const first = await archiveBytes(root, Buffer.from(PRESS_RELEASE), 'text/html; charset=utf-8', { fetched });
    const hash = sha256(PRESS_RELEASE);
    assert.deepEqual(first, { file: `.ainews/evidence/${hash}.html`, sha256: hash, fetched: '2025-02-01T10:00:00.000Z', contentType: 'text/html; charset=utf-8' });
    assert.equal(readFileSync(join(root, '.ainews', 'evidence', `${hash}.html`), 'utf8'), PRESS_RELEASE);
    // The same bytes of the same type again: the copy that is there is reused.
    const again = await archiveBytes(root, Buffer.from(PRESS_RELEASE), 'text/html', { fetched: new Date('2025-03-01T00:00:00.000Z') });
    assert.equal(again.file, first.file);
    assert.equal(again.fetched, '2025-03-01T00:00:00.000Z');
    assert.deepEqual(readdirSync(join(root, '.ainews', 'evidence')), [`${hash}.html`], 'one file, no temporary left over');
    // Under another type: a file with that type's extension (the extension always is the type's).
    assert.equal((await archiveBytes(root, Buffer.from(PRESS_RELEASE), 'text/plain')).file, `.ainews/evidence/${hash}.txt`);
  });

  it('rewrites a saved copy that was tampered with instead of reusing it', async () => {
    const record = await archiveBytes(root, Buffer.from(PRESS_RELEASE), 'text/html');
    writeFileSync(join(root, ...record.file.split('/')), '<p>changed</p>');
    const again = await archiveBytes(root, Buffer.from(PRESS_RELEASE), 'text/html');
    assert.equal(again.file, record.file);
    assert.equal(readFileSync(join(root, ...record.file.split('/')), 'utf8'), PRESS_RELEASE);
  });

  it('takes the extension only from an allowlist of content types, else bin', () => {
    assert.equal(archiveExtension('text/html; charset=ISO-8859-1'), 'html');
    assert.equal(archiveExtension('Application/PDF'), 'pdf');
    assert.equal(archiveExtension('image/jpeg'), 'jpg');
    assert.equal(archiveExtension('message/rfc822'), 'eml');
    assert.equal(archiveExtension('application/octet-stream'), 'bin');
    assert.equal(archiveExtension(''), 'bin');
    assert.equal(archiveExtension('application/x-msdownload'), 'bin');
    assert.equal(archiveExtension('application/x-unknown'), 'bin');
    assert.equal(contentTypeOfFile('/home/me/Mail von Alibaba.eml'), 'message/rfc822');
    assert.equal(contentTypeOfFile('screenshot.PNG'), 'image/png');
    assert.equal(contentTypeOfFile('notes.txt'), 'text/plain; charset=utf-8');
    assert.equal(contentTypeOfFile('archive.xyz'), 'application/octet-stream');
    assert.equal(contentTypeOfFile('setup.exe'), 'application/octet-stream');
  });

  it('names a local file of an unknown type .bin, never by its own extension', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ainews-evidence-source-'));
    try {
      for (const name of ['setup.exe', 'run.bat', 'page.hta', 'app.desktop', 'tool.js']) {
        writeFileSync(join(outside, name), `#!${name}`);
        assert.equal((await archiveLocalFile(root, join(outside, name))).file, `${ARCHIVE_FOLDER}/${sha256(`#!${name}`)}.bin`, name);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a copy over the size limit, politely and before writing', async () => {
    await assert.rejects(archiveBytes(root, Buffer.alloc(2 * MB), 'application/pdf', { maxBytes: MB }), /the copy is 2\.0 MiB, over the 1\.0 MiB limit for archived evidence/);
    const big = join(root, 'big.pdf');
    writeFileSync(big, Buffer.alloc(2 * MB));
    await assert.rejects(archiveLocalFile(root, big, { maxBytes: MB }), /big\.pdf: is 2\.0 MiB, over the 1\.0 MiB limit for archived evidence/);
    assert.deepEqual(readdirSync(root), ['big.pdf']);
  });

  it('archives a local file by its content, whatever its name, and refuses what is not a regular file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ainews-evidence-source-'));
    try {
      const mail = join(outside, 'Mail von Alibaba.eml');
      writeFileSync(mail, 'From: press@alibaba\n\nDrei Jahre, nicht eins.');
      const record = await archiveLocalFile(root, mail, { fetched: new Date('2025-02-02T00:00:00.000Z') });
      assert.equal(record.file, `${ARCHIVE_FOLDER}/${sha256('From: press@alibaba\n\nDrei Jahre, nicht eins.')}.eml`);
      assert.equal(record.contentType, 'message/rfc822');
      await assert.rejects(archiveLocalFile(root, outside), /is a folder, not a file/);
      await assert.rejects(archiveLocalFile(root, join(outside, 'gone.pdf')), /gone\.pdf: no such file/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never writes through an evidence folder that leads outside the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ainews-evidence-outside-'));
    try {
      mkdirSync(join(root, '.ainews'));
      symlinkSync(outside, join(root, '.ainews', 'evidence'));
      await assert.rejects(archiveBytes(root, Buffer.from('x'), 'text/plain'), /evidence cannot be archived: .*outside the workspace folder/);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('evidence: tamper detection (what check reports)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ainews-verify-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('archived, changed, missing and not-archived, each by its own hash', async () => {
    const kept = await archiveBytes(root, Buffer.from('kept'), 'text/plain');
    const changed = await archiveBytes(root, Buffer.from('original'), 'text/plain');
    const missing = await archiveBytes(root, Buffer.from('gone'), 'text/plain');
    writeFileSync(join(root, ...changed.file.split('/')), 'origina1');
    rmSync(join(root, ...missing.file.split('/')));
    const annotation = sampleAnnotation({
      evidence: ['https://example.org/plain', { url: 'https://example.org/kept', archive: kept }, { url: 'https://example.org/changed', archive: changed }, { url: 'https://example.org/missing', archive: missing }],
    });
    const checks = await verifyEvidence(root, annotation);
    assert.deepEqual(checks.map((c) => [c.url, c.state]), [
      ['https://example.org/plain', 'not-archived'],
      ['https://example.org/kept', 'archived'],
      ['https://example.org/changed', 'changed'],
      ['https://example.org/missing', 'missing'],
    ]);
  });

  it('never reads an archive path that leads outside the workspace, into .git or to a FIFO', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ainews-verify-outside-'));
    try {
      const secret = join(outside, 'id_rsa');
      writeFileSync(secret, 'secret');
      mkdirSync(join(root, '.ainews', 'evidence'), { recursive: true });
      symlinkSync(secret, join(root, '.ainews', 'evidence', `${sha256('secret')}.txt`));
      mkdirSync(join(root, '.git'));
      writeFileSync(join(root, '.git', 'config'), 'token');
      execFileSync('mkfifo', [join(root, '.ainews', 'evidence', `${sha256('')}.txt`)]);
      const record = (file: string, content: string) => ({ url: `https://example.org/${file}`, archive: { file, sha256: sha256(content), fetched: '2025-02-01T10:00:00.000Z', contentType: 'text/plain' } });
      const annotation = sampleAnnotation({
        evidence: [record(`.ainews/evidence/${sha256('secret')}.txt`, 'secret'), record('.git/config', 'token'), record(`.ainews/evidence/${sha256('')}.txt`, '')],
      });
      const checks = await verifyEvidence(root, annotation);
      assert.deepEqual(checks.map((c) => c.state), ['missing', 'missing', 'missing']);
      assert.match(checks[0].reason ?? '', /outside the workspace folder/);
      assert.match(checks[1].reason ?? '', /is not an archived copy/);
      assert.match(checks[2].reason ?? '', /not a regular file/);
      assert.deepEqual(await hashWorkspaceFile(root, 'nothing/here.txt'), { kind: 'missing' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('evidence: only records that name an archived copy of their own hash are trusted', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ainews-archive-name-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const record = (file: string, content: string, contentType = 'application/pdf') => ({ file, sha256: sha256(content), fetched: '2025-02-01T10:00:00.000Z', contentType });

  it('check reports a record whose file is not .ainews/evidence/<its sha256>.<allowlisted ext>, even when the hash matches', async () => {
    const script = '#!/bin/sh\necho run';
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts', 'run.sh'), script);
    mkdirSync(join(root, '.ainews', 'evidence'), { recursive: true });
    const other = sha256('other');
    writeFileSync(join(root, '.ainews', 'evidence', `${sha256(script)}.exe`), script);
    writeFileSync(join(root, '.ainews', 'evidence', `${other}.pdf`), script);
    const annotation = sampleAnnotation({
      evidence: [
        { url: 'a', archive: record('scripts/run.sh', script) },
        { url: 'b', archive: record(`.ainews/evidence/${sha256(script)}.exe`, script) },
        { url: 'c', archive: record(`.ainews/evidence/${other}.pdf`, script) },
        { url: 'd', archive: record(`.ainews/evidence/sub/../${sha256(script)}.pdf`, script) },
      ],
    });
    const checks = await verifyEvidence(root, annotation);
    assert.deepEqual(checks.map((c) => c.state), ['missing', 'missing', 'missing', 'missing']);
    for (const check of checks.slice(0, 2)) assert.match(check.reason ?? '', /is not an archived copy: those are \.ainews\/evidence\/<sha256>\.<ext>/);
    assert.match(checks[2].reason ?? '', /not named by the sha256 recorded for it/);
    assert.equal(archiveFileProblem(await archiveBytes(root, Buffer.from(script), 'application/x-sh')), undefined, 'what archiving writes passes');
  });

  it('opens as text, in the image preview or in the default app only what is safe, else offers to reveal it', () => {
    const hash = 'a'.repeat(64);
    const at = (ext: string, contentType: string) => archiveOpening({ file: `.ainews/evidence/${hash}.${ext}`, contentType });
    assert.equal(at('html', 'text/html; charset=utf-8'), 'text');
    assert.equal(at('bin', 'text/plain'), 'text', 'text is shown as its source whatever the name');
    assert.equal(at('eml', 'message/rfc822'), 'text');
    assert.equal(at('png', 'image/png'), 'image');
    assert.equal(at('pdf', 'application/pdf'), 'external');
    assert.equal(at('bin', 'application/octet-stream'), 'reveal');
    assert.equal(at('pdf', 'application/octet-stream'), 'reveal', 'the extension must be the content type\'s');
    assert.equal(at('png', 'application/pdf'), 'reveal');
    assert.equal(at('bin', 'application/pdf'), 'reveal');
  });
});

describe('evidence: fetching from a server on 127.0.0.1', function () {
  this.timeout(20_000);
  let server: LocalServer;
  let base: string;
  let requests: string[];
  let root: string;
  before(async () => {
    server = await startServer();
    ({ base, requests } = server);
  });
  after(() => server.close());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-fetch-evidence-'));
    requests.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('follows redirects, archives the answer under its hash and records the time it arrived', async () => {
    const result = await fetchAndArchive(root, `${base}/hop/3`, { now: () => new Date('2025-02-01T10:00:00.000Z') });
    assert.equal(result.finalUrl, `${base}/press`);
    assert.deepEqual(requests, ['/hop/3', '/hop/2', '/hop/1', '/press']);
    const hash = sha256(PRESS_RELEASE);
    assert.deepEqual(result.archive, { file: `.ainews/evidence/${hash}.html`, sha256: hash, fetched: '2025-02-01T10:00:00.000Z', contentType: 'text/html; charset=utf-8' });
    assert.equal(sha256(readFileSync(join(root, ...result.archive.file.split('/')))), hash);
  });

  it('names the file by the content type, else .bin (never by the address); unpacks gzip', async () => {
    assert.match((await fetchAndArchive(root, `${base}/report.pdf`)).archive.file, /^\.ainews\/evidence\/[0-9a-f]{64}\.pdf$/);
    assert.match((await fetchAndArchive(root, `${base}/data`)).archive.file, /\.json$/);
    const untyped = await fetchAndArchive(root, `${base}/untyped/figures.csv`);
    assert.match(untyped.archive.file, /\.bin$/);
    assert.match((await fetchAndArchive(root, `${base}/download/setup.exe`)).archive.file, /^\.ainews\/evidence\/[0-9a-f]{64}\.bin$/);
    assert.equal(untyped.archive.contentType, 'application/octet-stream');
    const packed = await fetchAndArchive(root, `${base}/gzip`);
    assert.equal(readFileSync(join(root, ...packed.archive.file.split('/')), 'utf8'), 'unpacked text');
    assert.equal(packed.archive.sha256, sha256('unpacked text'));
  });

  it('gives clear reasons: HTTP status, refused connection, timeout, too large, redirects, schemes', async () => {
    await assert.rejects(fetchAndArchive(root, `${base}/missing`), /the server answered 404 Not Found/);
    await assert.rejects(fetchAndArchive(root, 'http://127.0.0.1:1/'), /the server refused the connection/);
    await assert.rejects(fetchAndArchive(root, `${base}/slow`, { timeoutMs: 300 }), /no complete answer from 127\.0\.0\.1:\d+ within the time limit/);
    await assert.rejects(fetchAndArchive(root, `${base}/announced-huge`), /the page is 30\.0 MB, over the 20 MB limit/);
    await assert.rejects(fetchAndArchive(root, `${base}/streamed-huge`, { maxBytes: 5 * MB }), /over the 5 MB limit/);
    await assert.rejects(fetchAndArchive(root, `${base}/hop/9`, { maxRedirects: 3 }), /more than 3 redirects/);
    await assert.rejects(fetchAndArchive(root, `${base}/to-ftp`), /only http and https addresses can be fetched, not ftp:/);
    await assert.rejects(fetchAndArchive(root, 'file:///etc/passwd'), /only http and https addresses can be fetched, not file:/);
    await assert.rejects(fetchAndArchive(root, 'not an address'), /'not an address' is not a web address/);
    await assert.rejects(fetchAndArchive(root, 'http://ainews-no-such-host.invalid/'), /cannot be resolved/);
    assert.deepEqual(readdirSync(root), [], 'nothing was written for a failed fetch');
  });

  it('stops when cancelled', async () => {
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    await assert.rejects(fetchAndArchive(root, `${base}/slow`, { signal: cancel.signal }), /^Error: cancelled$/);
  });
});
