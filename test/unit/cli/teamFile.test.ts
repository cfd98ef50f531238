/**
 * A team file with a field this version does not know, or of a newer version, through the real
 * command line (dist/cli.js): the known rules still apply (second review above all), the ignored
 * part is named, and the exit codes stay what they were.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import { serializeAnnotationFile } from '../../../src/core/store/file';

const CLI = join(__dirname, '../../../../dist/cli.js');
const ARTICLE = 'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.\n';

describe('ai-news-annotator: a team file with fields this version does not know', function () {
  this.timeout(30_000);
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-teamfile-'));
    mkdirSync(join(root, '.ainews'));
    writeFileSync(join(root, 'a.md'), ARTICLE);
    const end = ARTICLE.indexOf('.');
    const annotation = { id: 'a1', article: 'a.md', status: 'disputed' as const, quote: makeQuote(ARTICLE, 0, end), position: { start: 0, end }, note: '', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', author: 'Ben' };
    writeFileSync(join(root, '.ainews', 'annotations.json'), serializeAnnotationFile({ version: 1, annotations: [annotation] }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI, ...args, '--root', root], { cwd: root, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('report keeps second review on and names the unknown field; check still exits 1 on it', () => {
    writeFileSync(join(root, '.ainews', 'team.json'), '{\n  "secondReview": "required",\n  "members": ["Ann"]\n}\n');
    const report = cli('report');
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /Awaiting review/);
    assert.match(report.stderr, /team\.json:3:3: members unknown field "members" .*; ignored \(the rest of the team file applies\)/);
    const check = cli('check', '--json');
    assert.equal(check.status, 1);
    assert.match(check.stderr, /team\.json:3:3: members unknown field/);
    assert.equal(JSON.parse(check.stdout).annotations[0].workflow, 'awaiting-review');
  });

  it('a newer team file is used for what this version understands and reported as newer', () => {
    writeFileSync(join(root, '.ainews', 'team.json'), '{"version": 2, "secondReview": "required", "quorum": 2}');
    const report = cli('report');
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /Awaiting review/);
    assert.match(report.stderr, /written by a newer version of AI News Annotator \(team file version 2, this one knows 1\)/);
    assert.match(report.stderr, /quorum unknown field/);
  });
});
