/**
 * Hostile and unlucky workspaces: every case refused with a message naming the file, nothing read or
 * written outside the workspace folder, nothing hanging. The command line runs as a real process
 * (dist/cli.js) with a time limit, so that a hang fails the test instead of stopping the run.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { serializeAnnotationFile } from '../../../src/core/store/file';
import { readRegularFile, workspaceFileRefusal } from '../../../src/core/workspace/guardedRead';

const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const SECRET_TEXT = 'The token is PREFIX ghp_SECRET1234567890 SUFFIX and more.';

interface CliRun {
  code: number | null;
  out: string;
  err: string;
  timedOut: boolean;
}

function cli(args: string[], cwd: string, timeoutMs = 8_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      const killed = (error as { killed?: boolean } | null)?.killed === true;
      const code = error ? ((error as { code?: unknown }).code as number | null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, out, err, timedOut: killed });
    });
  });
}

function annotationOn(article: string, text: string, exact: string): Annotation {
  const start = Math.max(0, text.indexOf(exact));
  return {
    id: `id${article.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 60),
    article,
    status: 'verified',
    quote: makeQuote(text, start, start + exact.length),
    position: { start, end: start + exact.length },
    note: '',
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    author: 'Mallory',
  };
}

describe('hostile workspaces: refused, nothing read or written outside, nothing hangs', function () {
  this.timeout(30_000);
  let temp: string;
  let root: string;
  let outside: string;
  const writeAnnotations = (annotations: Annotation[]) => {
    mkdirSync(join(root, '.ainews'), { recursive: true });
    writeFileSync(join(root, '.ainews', 'annotations.json'), serializeAnnotationFile({ version: 1, annotations }));
  };

  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ainews-hostile-'));
    root = join(temp, 'workspace');
    outside = join(temp, 'outside');
    mkdirSync(join(root, 'articles'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), SECRET_TEXT);
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('an article that is a symbolic link out of the workspace: check and report print nothing of it', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(root, 'articles', 's.md'));
    // The attacker's quote: a prefix and suffix around the words to be leaked.
    writeAnnotations([{ ...annotationOn('articles/s.md', SECRET_TEXT, 'ghp_SECRET1234567890'), quote: { exact: 'ghp_XXXXXXXXXXXXXXXX', prefix: 'The token is PREFIX ', suffix: ' SUFFIX and more.' } }]);
    for (const args of [['check', '--json'], ['check'], ['report'], ['export', '--format', 'csv']]) {
      const run = await cli(args, root);
      assert.equal(run.timedOut, false);
      assert.ok(!run.out.includes('SECRET') && !run.err.includes('SECRET'), `${args.join(' ')} leaked: ${run.out}`);
      assert.equal(run.code, 1, args.join(' '));
      assert.match(run.err, /articles\/s\.md: resolves to .*outside the workspace folder/, args.join(' '));
    }
  });

  it('"article": ".git/config" is invalid in the file itself, with line and column; report prints nothing of it', async () => {
    mkdirSync(join(root, '.git'));
    const config = '[remote "origin"]\n\turl = https://x-access-token:ghp_SECRET1234567890@example.org/r.git\n';
    writeFileSync(join(root, '.git', 'config'), config);
    writeAnnotations([annotationOn('.git/config', config, 'ghp_SECRET1234567890'), annotationOn('articles/.GIT/x.md', 'abc', 'abc')]);
    for (const args of [['check', '--json'], ['report'], ['export', '--format', 'w3c']]) {
      const run = await cli(args, root);
      assert.ok(!run.out.includes('SECRET') && !run.err.includes('SECRET'), `${args.join(' ')} leaked`);
      assert.equal(run.code, 1, args.join(' '));
      assert.match(run.err, /annotations\.json:\d+:\d+: annotations\[0\]\.article .*'\.git\/'/, args.join(' '));
      assert.match(run.err, /annotations\[1\]\.article/, args.join(' '));
    }
    const store = await AnnotationStore.open(root);
    assert.match(store.readOnlyReason ?? '', /line \d+, column \d+: annotations\[0\]\.article/);
  });

  it('an article that is a FIFO: check and scan refuse it at once instead of hanging', async () => {
    execFileSync('mkfifo', [join(root, 'articles', 'pipe.md')]);
    writeAnnotations([annotationOn('articles/pipe.md', 'abc', 'abc')]);
    const check = await cli(['check', '--json'], root);
    assert.equal(check.timedOut, false, 'check hung on a FIFO');
    assert.equal(check.code, 1);
    assert.match(check.err, /articles\/pipe\.md: is a named pipe \(FIFO\), not a regular file/);
    const scan = await cli(['scan', join(root, 'articles', 'pipe.md')], root);
    assert.equal(scan.timedOut, false, 'scan hung on a FIFO');
    assert.equal(scan.code, 1);
    assert.match(scan.err, /pipe\.md: is a named pipe \(FIFO\), not a regular file/);
  });

  it('an article that is /dev/zero (directly or through a link): refused before reading a byte', async () => {
    symlinkSync('/dev/zero', join(root, 'articles', 'zero.md'));
    writeAnnotations([annotationOn('articles/zero.md', 'abc', 'abc')]);
    const check = await cli(['check', '--json'], root);
    assert.equal(check.timedOut, false, 'check read /dev/zero');
    assert.equal(check.code, 1);
    assert.match(check.err, /articles\/zero\.md: resolves to \/dev\/zero, outside the workspace folder/);
    const scan = await cli(['scan', '/dev/zero'], root);
    assert.equal(scan.timedOut, false, 'scan read /dev/zero');
    assert.equal(scan.code, 1);
    assert.match(scan.err, /\/dev\/zero: is a device, not a regular file/);
    const direct = await readRegularFile('/dev/zero', 1024);
    assert.equal(direct.kind === 'refused' ? direct.reason : direct.kind, 'is a device, not a regular file');
  });

  it('an article that is a folder: a clear refusal, not "EISDIR"', async () => {
    mkdirSync(join(root, 'articles', 'folder.md'));
    writeAnnotations([annotationOn('articles/folder.md', 'abc', 'abc')]);
    const check = await cli(['check'], root);
    assert.equal(check.code, 1);
    assert.match(check.err, /articles\/folder\.md: is a folder, not a file/);
    assert.doesNotMatch(check.err, /EISDIR/);
  });

  it('.ainews as a symbolic link out of the workspace: read-only with a message, nothing read or written there', async () => {
    const theirs = join(outside, 'ainews');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'annotations.json'), serializeAnnotationFile({ version: 1, annotations: [annotationOn('articles/a.md', 'abc', 'abc')] }));
    symlinkSync(theirs, join(root, '.ainews'));
    const store = await AnnotationStore.open(root);
    assert.equal(store.annotations.length, 0, 'the file outside was read');
    assert.match(store.readOnlyReason ?? '', /\.ainews\/annotations\.json: resolves to .*outside the workspace folder.*read-only/);
    store.add({ article: 'articles/b.md', status: 'disputed', quote: makeQuote('xyz', 0, 3), position: { start: 0, end: 3 } });
    const saved = await store.save();
    assert.equal(saved.saved, false);
    assert.equal(store.pending.length, 1, 'the change is kept');
    assert.deepEqual(readdirSync(theirs), ['annotations.json'], 'something was written outside');
    const check = await cli(['check'], root);
    assert.equal(check.code, 1);
    assert.match(check.err, /outside the workspace folder/);
  });

  it('the annotation file itself as a link out of the workspace, or a FIFO: read-only, never hanging', async () => {
    mkdirSync(join(root, '.ainews'));
    symlinkSync(join(outside, 'secret.txt'), join(root, '.ainews', 'annotations.json'));
    const linked = await AnnotationStore.open(root);
    assert.match(linked.readOnlyReason ?? '', /outside the workspace folder/);
    rmSync(join(root, '.ainews', 'annotations.json'));
    execFileSync('mkfifo', [join(root, '.ainews', 'annotations.json')]);
    const piped = await AnnotationStore.open(root);
    assert.match(piped.readOnlyReason ?? '', /is a named pipe \(FIFO\), not a regular file/);
    assert.ok(existsSync(join(outside, 'secret.txt')));
  });

  it('the editor\'s check before opening an article: the same refusals, without reading', async () => {
    writeFileSync(join(root, 'articles', 'ok.md'), 'Text');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'articles', 'link.md'));
    execFileSync('mkfifo', [join(root, 'articles', 'pipe.md')]);
    mkdirSync(join(root, 'articles', 'folder.md'));
    assert.equal(await workspaceFileRefusal(root, 'articles/ok.md'), undefined);
    assert.equal(await workspaceFileRefusal(root, 'articles/missing.md'), undefined, 'a missing file fails on its own when opened');
    assert.match((await workspaceFileRefusal(root, 'articles/link.md'))?.message ?? '', /outside the workspace folder/);
    assert.match((await workspaceFileRefusal(root, 'articles/pipe.md'))?.message ?? '', /named pipe/);
    assert.match((await workspaceFileRefusal(root, 'articles/folder.md'))?.message ?? '', /is a folder/);
    assert.match((await workspaceFileRefusal(root, '.git/config'))?.message ?? '', /'\.git\/'/);
  });
});
