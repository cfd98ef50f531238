import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../../src/cli/export';
import { runReport } from '../../../src/cli/report';
import { parseRfc4180 } from './csvParse';
import { PRIVATE_NOTE, workspaceRoot } from './fixtures';

/** Runs a command, collecting what it writes to stdout and stderr (restored afterwards). */
async function run(command: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const written = { out: '', err: '' };
  const originals = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => ((written.out += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((written.err += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await command(args), ...written };
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
}

describe('ai-news-annotator export and report', () => {
  let temp: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ainews-cli-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('writes each format to --out', async () => {
    for (const format of ['markdown', 'csv', 'w3c', 'claimreview']) {
      const out = join(temp, `out.${format}`);
      const result = await run(runExport, ['--format', format, '--root', workspaceRoot(), '--out', out, '--base-iri', 'https://git.example/news/']);
      assert.equal(result.code, 0, result.err);
      const text = readFileSync(out, 'utf8');
      assert.ok(text.length > 100, format);
      assert.ok(!text.includes(PRIVATE_NOTE), format);
      if (format === 'w3c') assert.equal(JSON.parse(text).type, 'AnnotationCollection');
      if (format === 'claimreview') assert.equal(JSON.parse(text).length, 8);
    }
  });

  it('exports one article with chosen statuses to stdout', async () => {
    const result = await run(runExport, ['--format', 'csv', '--root', workspaceRoot(), '--article', 'seeds/004_4d0229219e58456e.txt', '--status', 'verified,disputed']);
    assert.equal(result.code, 0, result.err);
    const records = parseRfc4180(result.out);
    assert.equal(records.length, 3);
    assert.ok(records.slice(1).every((r) => r[0] === 'seeds/004_4d0229219e58456e.txt'));
  });

  it('skips an unreadable article nobody annotated, with a warning', async () => {
    const root = join(temp, 'ws');
    cpSync(workspaceRoot(), root, { recursive: true });
    writeFileSync(join(root, 'seeds', 'binary.txt'), Buffer.from([0, 1, 2]));
    const result = await run(runReport, ['--root', root]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /skipping .*seeds\/binary\.txt: looks binary/);
    assert.doesNotMatch(result.out, /binary\.txt/);
  });

  it('prints the markdown report with `report`', async () => {
    const result = await run(runReport, ['--root', workspaceRoot(), '--status', 'disputed']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^# Fact-check report\n/);
    assert.match(result.out, /statuses: Disputed/);
  });

  it('warns that ClaimReview needs a base address for Google', async () => {
    const result = await run(runExport, ['--format', 'claimreview', '--root', workspaceRoot(), '--out', join(temp, 'c.json')]);
    assert.equal(result.code, 0);
    assert.match(result.err, /--base-iri/);
  });

  it('shows help for both commands', async () => {
    const exportHelp = await run(runExport, ['--help']);
    assert.equal(exportHelp.code, 0);
    assert.match(exportHelp.out, /--format markdown\|csv\|w3c\|claimreview/);
    const reportHelp = await run(runReport, ['-h']);
    assert.equal(reportHelp.code, 0);
    assert.match(reportHelp.out, /^Usage: ai-news-annotator report/);
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--format is required/],
      [['--format', 'pdf'], /unknown format 'pdf'/],
      [['--format', 'csv', '--status', 'wahr!'], /unknown status 'wahr!'/],
      [['--format', 'csv', '--base-iri', 'repo/'], /not an absolute address/],
      [['--format', 'csv', '--max-verified-age', 'soon'], /not a whole number of days/],
      [['--format', 'csv', '--bogus'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const result = await run(runExport, args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, message);
    }
    assert.equal((await run(runReport, ['--format', 'csv'])).code, 2);
  });

  it('exits 1 when the annotation file is missing or invalid, naming the file and line', async () => {
    const missing = await run(runExport, ['--format', 'csv', '--root', temp]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, new RegExp(`${join(temp, '.ainews', 'annotations.json').replace(/[.\\]/g, '\\$&')}: no annotation file`));

    const root = join(temp, 'ws');
    cpSync(workspaceRoot(), root, { recursive: true });
    writeFileSync(join(root, '.ainews', 'annotations.json'), '{"version": 1,\n "annotations": [ {"id": "x"} ]}\n');
    const invalid = await run(runReport, ['--root', root]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /annotations\.json:\d+:\d+: /);
  });

  it('exits 1 when an annotated or requested article cannot be read, naming it', async () => {
    const root = join(temp, 'ws');
    cpSync(workspaceRoot(), root, { recursive: true });
    rmSync(join(root, 'articles', 'emoji-article.md'));
    const result = await run(runExport, ['--format', 'w3c', '--root', root]);
    assert.equal(result.code, 1);
    assert.match(result.err, /articles\/emoji-article\.md: no such file/);
    const report = await run(runReport, ['--root', root, '--status', 'disputed']);
    assert.equal(report.code, 1, 'an annotated article is missing, whatever the status filter');
    const requested = await run(runExport, ['--format', 'csv', '--root', workspaceRoot(), '--article', '../etc/passwd']);
    assert.equal(requested.code, 1);
    assert.match(requested.err, /'\.\.' is not allowed/);
  });
});
