import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

interface ScanFinding {
  kind: string;
  type: string | null;
  start: number;
  end: number;
  text: string;
  value?: number | null;
  unit?: string;
  score?: number;
  reasons?: string[];
}

function scan(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('ai-news-annotator scan (CLI contract)', function () {
  this.timeout(20000);
  let temp: string;
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.mjs` first');
  });
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ainews-scan-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('prints one JSON array with {file, language, date, findings}, offsets into the file as read', () => {
    const de = join(temp, 'de.txt');
    const en = join(temp, 'en.md');
    writeFileSync(de, '\uFEFF date 2025-01 Laut Reuters verlor Nvidia am 27. Januar rund 17 Prozent an Wert.\r\nDas kostete 593 Milliarden Dollar.\r\n');
    writeFileSync(en, '# Markets\n\nAccording to Bloomberg, Nvidia lost $593 billion on January 27, 2025.\n');
    const result = scan(['--json', 'de.txt', 'en.md'], temp);
    assert.equal(result.code, 0, result.err);
    const files = JSON.parse(result.out) as { file: string; language: string; date: string | null; findings: ScanFinding[] }[];
    assert.deepEqual(files.map((f) => [f.file, f.language, f.date]), [['de.txt', 'de', '2025-01'], ['en.md', 'en', null]]);
    for (const [i, path] of [de, en].entries()) {
      const text = readFileSync(path, 'utf8');
      const findings = files[i].findings;
      assert.ok(findings.length >= 4);
      for (const f of findings) {
        assert.ok(['number', 'entity', 'claim'].includes(f.kind));
        assert.equal(text.slice(f.start, f.end), f.text);
        assert.ok(f.kind === 'claim' ? f.type === null : typeof f.type === 'string');
        if (f.kind === 'number') assert.ok('value' in f);
        if (f.kind === 'claim') {
          assert.equal(typeof f.score, 'number');
          assert.ok(Array.isArray(f.reasons) && f.reasons.length > 0);
        }
      }
    }
    const money = files[1].findings.find((f) => f.text === '$593 billion');
    assert.deepEqual([money?.type, money?.value, money?.unit], ['money', 593e9, 'USD']);
    const percent = files[0].findings.find((f) => f.text === '17 Prozent');
    assert.deepEqual([percent?.value, percent?.unit], [17, '%']);
  });

  it('reports missing, binary and oversized files on stderr, exits non-zero and scans the rest', () => {
    writeFileSync(join(temp, 'good.txt'), 'Nvidia verlor 17 Prozent an Wert.\n');
    writeFileSync(join(temp, 'binary.txt'), Buffer.from([0x4e, 0, 1, 2, 0xff]));
    writeFileSync(join(temp, 'big.txt'), 'Nvidia verlor 17 Prozent. '.repeat(200));
    const result = scan(['--json', '--max-size', '2', 'missing.txt', 'binary.txt', 'good.txt', 'big.txt'], temp);
    assert.notEqual(result.code, 0);
    const lines = result.err.trim().split('\n');
    assert.equal(lines.length, 3, result.err);
    assert.match(lines[0], /missing\.txt/);
    assert.match(lines[1], /binary\.txt/);
    assert.match(lines[2], /big\.txt/);
    const files = JSON.parse(result.out) as { file: string }[];
    assert.deepEqual(files.map((f) => f.file), ['good.txt']);
  });

  it('prints a readable report without --json', () => {
    writeFileSync(join(temp, 'a.txt'), 'Nvidia verlor am Montag 17 Prozent an Wert.\n');
    const result = scan(['a.txt'], temp);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /a\.txt/);
    assert.match(result.out, /17 Prozent/);
    assert.throws(() => JSON.parse(result.out));
  });
});
