import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitAuthor } from '../../../src/core/git/gitAuthor';

describe('git: the author name for new annotations', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'ainews-author-'));
    execFileSync('git', ['init', '-q'], { cwd: folder });
    execFileSync('git', ['config', 'user.name', 'Anna Beispiel'], { cwd: folder });
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads user.name of the folder\'s repository without blocking', async () => {
    assert.equal(await gitAuthor(folder), 'Anna Beispiel');
  });

  it('is undefined where git cannot run', async () => {
    assert.equal(await gitAuthor(join(folder, 'no such folder')), undefined);
  });
});
