/**
 * Annotation files that must never be rewritten silently or crash a reader: invalid UTF-8 in a
 * teammate's note, duplicate keys, values nested 100,000 levels deep, NUL in an article path. Each
 * gives a message with line and column; the store turns read-only and keeps the file byte for byte.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { parseAnnotationFile, serializeAnnotationFile } from '../../../src/core/store/file';

const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const TEXT = 'Alibaba hat Qwen 2.5 vorgestellt.';

function annotation(id: string, note = ''): Annotation {
  return { id, article: 'articles/a.md', status: 'verified', quote: makeQuote(TEXT, 0, 7), position: { start: 0, end: 7 }, note, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', author: 'A' };
}

describe('annotation file hazards: a message at line and column, never a silent rewrite or a crash', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-hazard-'));
    mkdirSync(join(dir, '.ainews'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'a.md'), TEXT);
    path = join(dir, '.ainews', 'annotations.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens a store on the file, tries an unrelated change and save: read-only, the file unchanged. */
  async function assertReadOnlyAndKept(pattern: RegExp): Promise<void> {
    const before = readFileSync(path);
    const store = await AnnotationStore.open(dir);
    assert.match(store.readOnlyReason ?? '(not read-only)', pattern);
    store.add({ article: 'articles/a.md', status: 'disputed', quote: makeQuote(TEXT, 8, 12), position: { start: 8, end: 12 } });
    const saved = await store.save();
    assert.equal(saved.saved, false);
    assert.equal(store.pending.length, 1);
    assert.deepEqual(readFileSync(path), before, 'the file was rewritten');
    const check = spawnSync(process.execPath, [CLI, 'check'], { cwd: dir, encoding: 'utf8' });
    assert.equal(check.status, 1);
    assert.match(check.stderr, /annotations\.json:\d+:\d+: /);
    assert.doesNotMatch(check.stderr, /Maximum call stack|RangeError|TypeError|ERR_INVALID_ARG/);
  }

  it('invalid UTF-8 in a note: read-only at its line and column, never turned into U+FFFD', async () => {
    const text = serializeAnnotationFile({ version: 1, annotations: [annotation('a1', 'cafX')] });
    const bytes = Buffer.from(text);
    bytes[bytes.indexOf('cafX') + 3] = 0xe9;
    writeFileSync(path, bytes);
    const line = text.slice(0, text.indexOf('cafX')).split('\n').length;
    await assertReadOnlyAndKept(new RegExp(`line ${line}, column \\d+: is not valid UTF-8`));
  });

  it('a duplicate key: read-only at the second key, never collapsed', async () => {
    const text = serializeAnnotationFile({ version: 1, annotations: [annotation('a1', 'erste Notiz')] }).replace('"note": "erste Notiz",', '"note": "erste Notiz",\n      "note": "zweite Notiz",');
    writeFileSync(path, text);
    const parsed = parseAnnotationFile(text);
    assert.equal(parsed.kind, 'invalid');
    const line = text.split('\n').findIndex((l) => l.includes('zweite')) + 1;
    assert.deepEqual(parsed.kind === 'invalid' ? [parsed.problems[0].line, parsed.problems[0].column] : [], [line, 7]);
    await assertReadOnlyAndKept(/Duplicate key "note"/);
  });

  it('a duplicate "annotations" at the top: the second one would hide the first', () => {
    const parsed = parseAnnotationFile('{"version": 1, "annotations": [], "annotations": []}');
    assert.match(parsed.kind === 'invalid' ? parsed.problems[0].message : parsed.kind, /Duplicate key "annotations"/);
  });

  it('text that only looks like more keys (a note containing \\":) is not a duplicate; a real one next to it is', () => {
    const text = serializeAnnotationFile({ version: 1, annotations: [annotation('a1', 'er sagte "Zitat": so \\'), annotation('a2', '\\"x\\": y')] });
    assert.equal(parseAnnotationFile(text).kind, 'ok');
    const duplicated = text.replace('"author": "A"', '"author": "A",\n      "author" : "B"');
    const parsed = parseAnnotationFile(duplicated);
    assert.match(parsed.kind === 'invalid' ? parsed.problems[0].message : parsed.kind, /Duplicate key "author"/);
  });

  it('a field nested 100,000 levels deep: a message with its place, no stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = serializeAnnotationFile({ version: 1, annotations: [annotation('a1', 'NOTE')] }).replace('"NOTE"', deep);
    writeFileSync(path, text);
    const parsed = parseAnnotationFile(text);
    assert.match(parsed.kind === 'invalid' ? `${parsed.problems[0].line}:${parsed.problems[0].message}` : parsed.kind, /^\d+:Nested deeper than 32 levels/);
    await assertReadOnlyAndKept(/Nested deeper than 32 levels/);
    // Unclosed: JSON.parse fails, and the locating parser must not overflow either.
    const unclosed = parseAnnotationFile(`{"version": 1, "annotations": ${'['.repeat(100_000)}`);
    assert.match(unclosed.kind === 'invalid' ? unclosed.problems[0].message : unclosed.kind, /Nested deeper/);
  });

  it('a NUL in an article path: invalid at its line and column, not a Node error about the path', async () => {
    writeFileSync(path, serializeAnnotationFile({ version: 1, annotations: [{ ...annotation('a1'), article: 'articles/a\u0000.md' }] }));
    await assertReadOnlyAndKept(/annotations\[0\]\.article must not contain control characters such as NUL/);
  });
});
