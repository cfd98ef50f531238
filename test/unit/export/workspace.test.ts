import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globToRegExp, staticPrefix } from '../../../src/core/workspace/glob';
import { listArticles, readArticle, readFolderArticles, unsafePathReason } from '../../../src/core/workspace';

describe('workspace articles', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'ainews-outside-'));
    const files: Record<string, string | Buffer> = {
      'articles/a.md': '# A\n',
      'articles/2025/b.markdown': 'B',
      'articles/notes.json': '{}',
      'articles/.hidden/c.md': 'hidden',
      'seeds/s.txt': ' date 2025-01 S',
      'seeds/upper.TXT': 'upper case extension',
      'docs/readme.md': 'not an article',
      'articles/bom.md': '\uFEFFmit BOM',
      'articles/binary.txt': Buffer.from([0x41, 0x00, 0x42]),
      'articles/latin1.txt': Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]),
      'articles/big.txt': 'x'.repeat(2048),
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(join(outside, 'secret.md'), 'outside the workspace');
    symlinkSync(join(outside, 'secret.md'), join(root, 'articles', 'link.md'));
    symlinkSync(outside, join(root, 'articles', 'linked-folder'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists .md, .markdown and .txt files below articles/ and seeds/, skipping hidden folders and links', async () => {
    assert.deepEqual(await listArticles(root), [
      'articles/2025/b.markdown',
      'articles/a.md',
      'articles/big.txt',
      'articles/binary.txt',
      'articles/bom.md',
      'articles/latin1.txt',
      'seeds/s.txt',
      'seeds/upper.TXT',
    ]);
  });

  it('takes other globs and extensions', async () => {
    assert.deepEqual(await listArticles(root, { globs: ['docs/*.md', 'articles/*/*.markdown'] }), ['articles/2025/b.markdown', 'docs/readme.md']);
    assert.deepEqual(await listArticles(root, { globs: ['**'], extensions: ['.json'] }), ['articles/notes.json']);
    assert.deepEqual(await listArticles(root, { globs: ['missing/**'] }), []);
  });

  it('reads an article as UTF-8 without a byte-order mark', async () => {
    assert.deepEqual(await readArticle(root, 'articles/a.md'), { kind: 'ok', text: '# A\n' });
    assert.deepEqual(await readArticle(root, 'articles/bom.md'), { kind: 'ok', text: 'mit BOM' });
  });

  it('refuses binary, non-UTF-8 and oversized files with a message naming the file', async () => {
    const binary = await readArticle(root, 'articles/binary.txt');
    assert.equal(binary.kind, 'error');
    assert.match(binary.kind === 'error' ? binary.message : '', /^articles\/binary\.txt: looks binary/);
    const latin1 = await readArticle(root, 'articles/latin1.txt');
    assert.match(latin1.kind === 'error' ? latin1.message : '', /^articles\/latin1\.txt: is not valid UTF-8/);
    const big = await readArticle(root, 'articles/big.txt', { maxBytes: 1024 });
    assert.match(big.kind === 'error' ? big.message : '', /^articles\/big\.txt: is 2 KiB, over the 1 KiB limit/);
    assert.equal((await readArticle(root, 'articles/big.txt')).kind, 'ok');
  });

  it('refuses missing files, folders and paths that reach outside the workspace', async () => {
    const reason = async (path: string) => {
      const read = await readArticle(root, path);
      return read.kind === 'error' ? read.reason : 'read';
    };
    assert.equal(await reason('articles/none.md'), 'no such file');
    assert.equal(await reason('articles/2025'), 'is a folder, not a file');
    assert.match(await reason('../outside.md'), /'\.\.' is not allowed/);
    assert.match(await reason('/etc/passwd'), /absolute/);
    assert.match(await reason('articles/link.md'), /outside the workspace/);
    assert.match(await reason('articles/linked-folder/secret.md'), /outside the workspace/);
  });

  it('reads a folder\'s articles in path order with the extra paths, an open text winning over the disk, the unreadable with their reason', async () => {
    const openText = (path: string): string | undefined => (path === 'articles/a.md' ? '# A, being edited\n' : undefined);
    const read = await readFolderArticles(root, { globs: ['articles/**'], maxBytes: 1024, extraPaths: ['docs/readme.md', 'articles/a.md'], openText });
    assert.deepEqual(read.map((a) => a.path), ['articles/2025/b.markdown', 'articles/a.md', 'articles/big.txt', 'articles/binary.txt', 'articles/bom.md', 'articles/latin1.txt', 'docs/readme.md']);
    assert.deepEqual(read.find((a) => a.path === 'articles/a.md'), { path: 'articles/a.md', text: '# A, being edited\n' });
    assert.deepEqual(read.find((a) => a.path === 'docs/readme.md'), { path: 'docs/readme.md', text: 'not an article' });
    assert.deepEqual(read.find((a) => a.path === 'articles/bom.md'), { path: 'articles/bom.md', text: 'mit BOM' });
    for (const path of ['articles/big.txt', 'articles/binary.txt', 'articles/latin1.txt']) assert.ok('reason' in read.find((a) => a.path === path)!, `${path} is not read`);
  });

  it('explains unsafe paths', () => {
    assert.equal(unsafePathReason('articles/a.md'), null);
    assert.match(unsafePathReason('C:/x.md') ?? '', /absolute/);
    assert.match(unsafePathReason('articles\\a.md') ?? '', /separator/);
    assert.match(unsafePathReason('') ?? '', /empty/);
  });
});

describe('glob matching', () => {
  it('matches ** across folders, * within one and ? for one character', () => {
    const all = globToRegExp('articles/**');
    assert.ok(all.test('articles/a.md') && all.test('articles/x/y/z.txt'));
    assert.ok(!all.test('seeds/a.md') && !all.test('articles'));
    const one = globToRegExp('seeds/*.txt');
    assert.ok(one.test('seeds/a.txt') && !one.test('seeds/x/a.txt'));
    const deep = globToRegExp('**/*.md');
    assert.ok(deep.test('a.md') && deep.test('x/y/a.md') && !deep.test('a.txt'));
    assert.ok(globToRegExp('v?.md').test('v1.md') && !globToRegExp('v?.md').test('v10.md'));
    assert.ok(globToRegExp('a+b(1).md').test('a+b(1).md'));
  });

  it('finds the fixed folder a glob starts in', () => {
    assert.equal(staticPrefix('articles/**'), 'articles');
    assert.equal(staticPrefix('articles/2025/*.md'), 'articles/2025');
    assert.equal(staticPrefix('**/*.md'), '');
    assert.equal(staticPrefix('a.md'), '');
  });
});
