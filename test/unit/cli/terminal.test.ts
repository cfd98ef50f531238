/**
 * Other people's control characters never reach a terminal raw: the core escape, and the real
 * command line (dist/cli.js) with its standard output a pipe and, through util-linux `script`, a
 * terminal.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printableText } from '../../../src/core/export/escape';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';
import { serializeAnnotationFile } from '../../../src/core/store/file';

const CLI = join(__dirname, '../../../../dist/cli.js');

/** What the audit's imported page carried: OSC 0 (window title) and OSC 52 (the clipboard set to `rm -rf ~`). */
const OSC = '\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4K\u0007';
const ARTICLE = `# Test\n\nOpenAI sagt ${OSC}GPT-5 sei schneller.\n`;
/** A note with a screen clear, a hyperlink, an 8-bit CSI, a full reset (ESC c) and a right-to-left override. */
const NOTE = 'Quelle:\u001b[2J\u001b[H\u001b]8;;https://evil.example\u0007hier\u001b]8;;\u0007 \u009b31m rot \u001bc \u202egnuerp';

/** Any raw control character a terminal acts on (tab, LF and CR of a CRLF aside). */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('printableText', () => {
  it('shows C0, DEL, C1 and bidi controls as \\u escapes and leaves other text alone', () => {
    assert.equal(printableText(`a${OSC}b`), 'a\\u001b]0;pwned\\u0007\\u001b]52;c;cm0gLXJmIH4K\\u0007b');
    assert.equal(printableText('\u009b31m \u007f \u202eabc\u2066 \u061c\u200e\u200f'), '\\u009b31m \\u007f \\u202eabc\\u2066 \\u061c\\u200e\\u200f');
    assert.equal(printableText('Grüße, 12 % – “ok” \\u001b 🙂'), 'Grüße, 12 % – “ok” \\u001b 🙂');
    assert.equal(printableText('a\tb\nc\r\nd'), 'a\\u0009b\\u000ac\\u000d\\u000ad');
  });

  it('keeps tabs, line feeds and CRLF with keepLines, but not a lone CR (a line that overwrites itself)', () => {
    assert.equal(printableText('a\tb\nc\r\nd\re\u001bc', { keepLines: true }), 'a\tb\nc\r\nd\\u000de\\u001bc');
  });
});

describe('ai-news-annotator: control characters from the workspace on a terminal', function () {
  this.timeout(30_000);
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-terminal-'));
    mkdirSync(join(root, 'articles'));
    mkdirSync(join(root, '.ainews'));
    writeFileSync(join(root, 'articles', 'imp.md'), ARTICLE);
    const start = ARTICLE.indexOf('OpenAI');
    const end = ARTICLE.indexOf(' schneller');
    const annotation: Annotation = {
      id: 'a1', article: 'articles/imp.md', status: 'disputed', quote: makeQuote(ARTICLE, start, end), position: { start, end },
      note: NOTE, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', author: 'Mallory\u001b]0;x\u0007',
    };
    writeFileSync(join(root, '.ainews', 'annotations.json'), serializeAnnotationFile({ version: 1, annotations: [annotation] }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** The real command line with standard output a pipe. */
  function piped(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** The real command line on a pseudo-terminal (util-linux `script`); what the terminal received. */
  function onTerminal(args: string[]): { status: number | null; output: string } {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, TERM: 'dumb' } });
    assert.equal(r.error, undefined, 'util-linux script is needed for this test');
    // The terminal turns each line feed into CR LF: undone, so that only what the command wrote is judged.
    return { status: r.status, output: r.stdout.replace(/\r*\n/g, '\n') };
  }

  it('check prints the article text with its controls as escapes, also into a pipe', () => {
    const r = piped(['check', '--root', root]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /OpenAI sagt \\u001b\]0;pwned\\u0007\\u001b\]52;c;cm0gLXJmIH4K\\u0007GPT-5/);
  });

  it('export --format csv and report escape on a terminal, and write exact bytes to a pipe and to --out', () => {
    const csv = onTerminal(['export', '--format', 'csv', '--root', root]);
    assert.equal(csv.status, 0, csv.output);
    assert.doesNotMatch(csv.output, RAW_CONTROL);
    assert.ok(csv.output.includes('Quelle:\\u001b[2J\\u001b[H\\u001b]8;;https://evil.example\\u0007hier'), csv.output);
    assert.ok(csv.output.includes('\\u009b31m rot \\u001bc \\u202egnuerp'), csv.output);
    const report = onTerminal(['report', '--root', root]);
    assert.equal(report.status, 0, report.output);
    assert.doesNotMatch(report.output, RAW_CONTROL);
    assert.match(report.output, /\\u001bc/);

    const pipedCsv = piped(['export', '--format', 'csv', '--root', root]);
    assert.equal(pipedCsv.status, 0, pipedCsv.stderr);
    assert.ok(pipedCsv.stdout.includes(NOTE), 'a pipe gets the note as written');
    const out = join(root, 'out.csv');
    assert.equal(piped(['export', '--format', 'csv', '--root', root, '--out', out]).status, 0);
    assert.equal(readFileSync(out, 'utf8'), pipedCsv.stdout);
  });
});
