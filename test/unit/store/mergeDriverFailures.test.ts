/**
 * The merge driver when it cannot merge by id: it exits 1, so that git records a conflict instead of
 * committing an invalid annotation file; and it replaces %A atomically, so that a full disk leaves
 * %A as it was. Real git repositories; the full disk is a small tmpfs (skipped where mounting one is
 * not allowed).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';
import { serializeAnnotationFile } from '../../../src/core/store/file';

const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks.';

function annotation(id: string, note = ''): Annotation {
  return { id, article: 'articles/qwen.md', status: 'verified', quote: makeQuote(ARTICLE, 0, 7), position: { start: 0, end: 7 }, note, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', author: 'A' };
}

function fileOf(...annotations: Annotation[]): string {
  return serializeAnnotationFile({ version: 1, annotations });
}

describe('merge driver: exit 1 whenever it cannot merge by id, %A replaced atomically', function () {
  this.timeout(30_000);
  let dir: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  const annotationsPath = () => join(repo, '.ainews', 'annotations.json');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-driver-'));
    repo = join(dir, 'repo');
    mkdirSync(join(repo, '.ainews'), { recursive: true });
    env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    execFileSync(process.execPath, [CLI, 'setup-git', '--root', repo, '--driver', `node '${CLI}' merge-driver %O %A %B`], { cwd: repo, env });
    const many = Array.from({ length: 12 }, (_, i) => annotation(`id${String(i).padStart(2, '0')}`));
    writeFileSync(annotationsPath(), fileOf(...many));
    git('add', '-A');
    git('commit', '-qm', 'base');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Commits `ours` on main and `theirs` on a branch, merges the branch; the merge's exit status and output. */
  function mergeWith(ours: (text: string) => string | Buffer, theirs: (text: string) => string | Buffer): { status: number | null; output: string } {
    const base = readFileSync(annotationsPath(), 'utf8');
    git('checkout', '-qb', 'theirs');
    writeFileSync(annotationsPath(), theirs(base));
    git('commit', '-qam', 'theirs');
    git('checkout', '-q', 'main');
    writeFileSync(annotationsPath(), ours(base));
    git('commit', '-qam', 'ours');
    const merge = spawnSync('git', ['merge', '--no-edit', 'theirs'], { cwd: repo, env, encoding: 'utf8' });
    return { status: merge.status, output: merge.stdout + merge.stderr };
  }

  it('a hand-edited invalid version whose lines do not conflict: git records a conflict instead of committing it', () => {
    const merge = mergeWith(
      (base) => base.replace('"status": "verified"', '"status": "OK"'),
      (base) => base.replace(/"note": ""(?![\s\S]*"note": "")/, '"note": "zuletzt geprüft"'),
    );
    assert.equal(merge.status, 1, merge.output);
    assert.match(merge.output, /cannot merge by id: our version .* must be one of/);
    assert.match(git('status', '--porcelain'), /^UU \.ainews\/annotations\.json$/m);
    assert.equal(git('rev-list', '--count', 'HEAD').trim(), '2', 'a merge commit was made');
  });

  it('a version that is not UTF-8: a conflict, never a silently rewritten note', () => {
    const merge = mergeWith(
      (base) => {
        // "café" in Latin-1: one byte 0xE9 where UTF-8 needs two.
        const bytes = Buffer.from(base.replace('"note": ""', '"note": "cafX"'));
        bytes[bytes.indexOf('cafX') + 3] = 0xe9;
        return bytes;
      },
      (base) => base.replace(/"note": ""(?![\s\S]*"note": "")/, '"note": "zuletzt geprüft"'),
    );
    assert.equal(merge.status, 1, merge.output);
    assert.match(merge.output, /our version .* line \d+, column \d+: not valid UTF-8/);
    assert.match(git('status', '--porcelain'), /^UU \.ainews\/annotations\.json$/m);
  });

  it('both readable: merged by id, exit 0, the merge committed', () => {
    const merge = mergeWith(
      (base) => base.replace('"note": ""', '"note": "ours"'),
      (base) => base.replace(/"note": ""(?![\s\S]*"note": "")/, '"note": "theirs"'),
    );
    assert.equal(merge.status, 0, merge.output);
    const text = readFileSync(annotationsPath(), 'utf8');
    assert.ok(text.includes('"note": "ours"') && text.includes('"note": "theirs"'));
    assert.equal(git('status', '--porcelain').trim(), '');
  });

  it('annotation files whose notes quote a feedback file\'s key are merged by annotation id, not as feedback', () => {
    // The driver tells an annotation file by `"annotations":` near its start before it searches for `"corrections"`.
    const merge = mergeWith(
      (base) => base.replace('"note": ""', '"note": "\\"corrections\\": [] stand im Export"'),
      (base) => base.replace(/"note": ""(?![\s\S]*"note": "")/, '"note": "theirs: \\"corrections\\": []"'),
    );
    assert.equal(merge.status, 0, merge.output);
    const text = readFileSync(annotationsPath(), 'utf8');
    assert.ok(text.includes('stand im Export') && text.includes('theirs: '), text);
    assert.equal(git('status', '--porcelain').trim(), '');
  });

  it('on a full disk, %A is left exactly as it was and the driver exits 1', function () {
    const mount = join(dir, 'small-disk');
    mkdirSync(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]).status !== 0) this.skip();
    try {
      const ours = join(mount, 'ours');
      const theirsAnnotations = Array.from({ length: 60 }, (_, i) => annotation(`theirs${i}`, 'x'.repeat(400)));
      writeFileSync(join(mount, 'base'), fileOf());
      writeFileSync(ours, fileOf(annotation('ours1')));
      writeFileSync(join(mount, 'theirs'), fileOf(...theirsAnnotations));
      // Fill what is left, so that the merge (bigger than ours) cannot be written.
      const filler = Buffer.alloc(4096, 0x20);
      try {
        for (let i = 0; ; i++) writeFileSync(join(mount, `filler${i}`), filler);
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      }
      const before = readFileSync(ours);
      const run = spawnSync(process.execPath, [CLI, 'merge-driver', join(mount, 'base'), ours, join(mount, 'theirs')], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /ENOSPC.*left as it was/);
      assert.deepEqual(readFileSync(ours), before, '%A changed');
      assert.deepEqual(readdirSync(mount).filter((f) => f.endsWith('.tmp')), [], 'a temporary file was left behind');
    } finally {
      spawnSync('umount', [mount]);
    }
    assert.ok(!existsSync(join(mount, 'ours')));
  });
});
