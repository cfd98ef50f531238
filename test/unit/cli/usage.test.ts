import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../../../dist/cli.js');

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('ai-news-annotator: one option parser, usage errors exit 2 with the usage', function () {
  this.timeout(30000);
  let temp: string;
  before(() => (temp = mkdtempSync(join(tmpdir(), 'ainews-usage-'))));
  after(() => rmSync(temp, { recursive: true, force: true }));

  const cases: [string[], RegExp][] = [
    [['scan', '--bogus', 'a.txt'], /^ai-news-annotator scan: unknown option '--bogus'\n\nUsage: ai-news-annotator scan/],
    [['scan', '--lexicon'], /^ai-news-annotator scan: --lexicon needs a value\n/],
    [['scan'], /^ai-news-annotator scan: name at least one file\n/],
    [['check', '--bogus'], /^ai-news-annotator check: unknown option '--bogus'\n\nUsage: ai-news-annotator check/],
    [['check', '--root'], /^ai-news-annotator check: --root needs a value\n/],
    [['check', '--root='], /^ai-news-annotator check: --root needs a value\n/],
    [['check', '--max-verified-age', 'soon'], /^ai-news-annotator check: --max-verified-age: 'soon' is not a whole number of days\n/],
    [['check', 'stray'], /^ai-news-annotator check: unexpected argument 'stray'\n/],
    [['export', '--format', 'pdf'], /^ai-news-annotator export: unknown format 'pdf'/],
    [['export', '--json'], /^ai-news-annotator export: unknown option '--json'\n/],
    [['report', '--format', 'csv'], /^ai-news-annotator report: unknown option '--format'\n\nUsage: ai-news-annotator report/],
    [['setup-git', '--frobnicate'], /^ai-news-annotator setup-git: unknown option '--frobnicate'\n/],
    [['setup-git', '--driver', 'echo'], /^ai-news-annotator setup-git: --driver needs a command that contains git's %O %A %B\n/],
    [['merge-driver', 'a', 'b'], /^ai-news-annotator merge-driver: expected 3 files \(git's %O %A %B\), got 2\n\nUsage: ai-news-annotator merge-driver/],
    [['merge-driver', '--ours', 'a', 'b', 'c'], /^ai-news-annotator merge-driver: unknown option '--ours'\n/],
    [['import', '--out'], /^ai-news-annotator import: --out needs a value\n/],
    [['feedback'], /^ai-news-annotator feedback: name the action: 'export'\n\nUsage: ai-news-annotator feedback export/],
    [['feedback', 'import'], /^ai-news-annotator feedback: unknown action 'import'\n/],
    [['feedback', 'export', '--kind', 'all'], /^ai-news-annotator feedback: --kind must be ner or claims, got 'all'\n/],
    [['scan', '--feedback'], /^ai-news-annotator scan: --feedback needs a value\n/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const result = cli(args, temp);
      assert.equal(result.code, 2, result.err);
      assert.match(result.err, message);
      assert.equal(result.out, '');
    });
  }

  it('--help of every subcommand prints its usage and exits 0', () => {
    for (const name of ['scan', 'check', 'export', 'report', 'setup-git', 'merge-driver', 'import']) {
      for (const flag of ['--help', '-h']) {
        const result = cli([name, flag], temp);
        assert.equal(result.code, 0, `${name} ${flag}`);
        assert.match(result.out, new RegExp(`^Usage: ai-news-annotator ${name}`), name);
      }
    }
  });

  it('keeps the --name=value form', () => {
    const result = cli(['check', `--root=${temp}`, '--json'], temp);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(JSON.parse(result.out), { annotations: [] });
  });
});
