import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Annotation, AnnotationFile } from '../../../src/core/store/annotation';
import { parseAnnotationFile, serializeAnnotationFile, type ParseResult } from '../../../src/core/store/file';
import { validateAnnotation } from '../../../src/core/store/validate';
import { sampleAnnotation } from '../../support/annotations';

const ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'store');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'annotations.schema.json'), 'utf8')) as object;

function ok(result: ParseResult): AnnotationFile {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return (result as { file: AnnotationFile }).file;
}


describe('store/file: serialize and parse', () => {
  it('reads the valid fixture and writes it back byte for byte', () => {
    const text = fixture('valid.json');
    const file = ok(parseAnnotationFile(text));
    assert.equal(file.annotations.length, 2);
    assert.equal(serializeAnnotationFile(file), text);
  });

  it('writes sorted by article, start, id, with a fixed key order, 2 spaces, LF and a final newline', () => {
    const b = sampleAnnotation({ id: 'b', article: 'z.md' });
    const c = sampleAnnotation({ id: 'c', position: { start: 9, end: 12 } });
    const a2 = sampleAnnotation({ id: 'a2', position: { start: 9, end: 12 } });
    // Keys deliberately out of order.
    const { author, ...rest } = sampleAnnotation({ id: 'a0' });
    const scrambled = { author, ...rest } as Annotation;
    const text = serializeAnnotationFile({ version: 1, annotations: [b, c, a2, scrambled] });
    assert.deepEqual(ok(parseAnnotationFile(text)).annotations.map((a) => a.id), ['a0', 'a2', 'c', 'b']);
    assert.ok(text.endsWith('}\n') && !text.includes('\r'));
    assert.ok(text.startsWith('{\n  "version": 1,\n  "annotations": [\n    {\n      "id": "a0",\n      "article"'));
    const keys = [...text.matchAll(/^ {6}"(\w+)":/gm)].slice(0, 9).map((m) => m[1]);
    assert.deepEqual(keys, ['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author']);
  });

  it('leaves absent optional fields out, so a change touches only its own lines', () => {
    const before = serializeAnnotationFile({ version: 1, annotations: [sampleAnnotation({ id: 'a' }), sampleAnnotation({ id: 'b', position: { start: 5, end: 9 } })] });
    assert.ok(!/evidence|reviewBy|articleHash|private|history/.test(before));
    const after = serializeAnnotationFile({ version: 1, annotations: [sampleAnnotation({ id: 'a' }), sampleAnnotation({ id: 'b', position: { start: 5, end: 9 }, note: 'geprüft' })] });
    const changed = before.split('\n').filter((line, i) => line !== after.split('\n')[i]);
    assert.deepEqual(changed, ['      "note": "",']);
  });

  it('reads a blank file as an empty one and ignores a byte-order mark', () => {
    assert.deepEqual(ok(parseAnnotationFile('')), { version: 1, annotations: [] });
    assert.deepEqual(ok(parseAnnotationFile(' \n')), { version: 1, annotations: [] });
    assert.equal(ok(parseAnnotationFile(`\uFEFF${fixture('valid.json')}`)).annotations.length, 2);
  });

  it('reads CRLF files (a Windows checkout) and writes LF', () => {
    const crlf = fixture('valid.json').replace(/\n/g, '\r\n');
    assert.equal(serializeAnnotationFile(ok(parseAnnotationFile(crlf))), fixture('valid.json'));
  });

  it('keeps emoji and lone surrogates through a round trip', () => {
    const a = sampleAnnotation({ quote: { exact: '🔥 KI-Hype 🚀', prefix: 'x\ud800', suffix: '😀' }, note: 'Zitat mit "Anführungszeichen" und \\ Backslash' });
    const text = serializeAnnotationFile({ version: 1, annotations: [a] });
    assert.deepEqual(ok(parseAnnotationFile(text)).annotations[0], a);
  });
});

describe('store/file: problems are located', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const result = parseAnnotationFile(fixture('invalid-syntax.json'));
    assert.equal(result.kind, 'invalid');
    if (result.kind !== 'invalid') return;
    assert.equal(result.problems.length, 1);
    assert.deepEqual({ line: result.problems[0].line, column: result.problems[0].column }, { line: 7, column: 5 });
    assert.match(result.problems[0].message, /Trailing comma/);
  });

  it('reports other syntax errors where they are', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{"version": 1, "annotations": [}', 1, 32, /value/],
      ['{\n  "version": 1\n  "annotations": []\n}', 3, 3, /Expected ',' or '}'/],
      ['{"version": 1, "annotations": ["unterminated]}', 1, 32, /Unterminated string/],
      ['{"version": 1} trailing', 1, 16, /after the end/],
      ["{'version': 1}", 1, 2, /double quotes/],
    ];
    for (const [text, line, column, message] of cases) {
      const result = parseAnnotationFile(text);
      assert.equal(result.kind, 'invalid', text);
      if (result.kind !== 'invalid') continue;
      assert.deepEqual([result.problems[0].line, result.problems[0].column], [line, column], text);
      assert.match(result.problems[0].message, message, text);
    }
  });

  it('names the annotation index and field of every schema problem, at its line', () => {
    const result = parseAnnotationFile(fixture('invalid-schema.json'));
    assert.equal(result.kind, 'invalid');
    if (result.kind !== 'invalid') return;
    const byStart = (prefix: string) => result.problems.find((p) => p.message.startsWith(prefix));
    assert.equal(byStart('annotations[0].article')?.line, 6);
    assert.match(byStart('annotations[0].article')?.message ?? '', /relative/);
    assert.equal(byStart('annotations[0].status')?.line, 7);
    assert.match(byStart('annotations[0].status')?.message ?? '', /"verified", "disputed", "outdated", "unverifiable", "in-progress" or a team status id \(lower-case letters, digits and hyphens\), not "OK"/);
    assert.equal(byStart('annotations[0].position.end')?.line, 9);
    assert.equal(byStart('annotations[0].created')?.line, 10);
    assert.equal(byStart('annotations[0].colour')?.line, 13);
    assert.match(byStart('annotations[0] is missing "note"')?.message ?? '', /note/);
    assert.equal(byStart('annotations[0] is missing "note"')?.line, 4);
  });

  it('refuses duplicate ids', () => {
    const text = JSON.stringify({ version: 1, annotations: [sampleAnnotation(), sampleAnnotation()] }, null, 2);
    const result = parseAnnotationFile(text);
    assert.equal(result.kind, 'invalid');
    assert.match(result.kind === 'invalid' ? result.problems[0].message : '', /annotations\[1\]\.id duplicates the id of annotations\[0\]/);
  });

  it('recognises a newer version, with its annotations when they still read as version 1', () => {
    assert.deepEqual(parseAnnotationFile(fixture('newer.json')), { kind: 'newer', version: 3, file: { version: 3, annotations: [] } });
    const unknownShape = parseAnnotationFile('{"version": 3, "annotations": [{"id": "x", "anchors": []}]}');
    assert.deepEqual(unknownShape, { kind: 'newer', version: 3 });
  });

  it('recognises git conflict markers and returns each side', () => {
    const result = parseAnnotationFile(fixture('conflicted.json'));
    assert.equal(result.kind, 'conflicted');
    if (result.kind !== 'conflicted') return;
    assert.equal(ok(parseAnnotationFile(result.ours)).annotations.length, 2);
    assert.equal(ok(parseAnnotationFile(result.theirs)).annotations.length, 2);
    assert.equal(result.base, undefined);
  });

  it('reports unbalanced conflict markers as invalid', () => {
    const result = parseAnnotationFile('{\n<<<<<<< HEAD\n"version": 1\n');
    assert.equal(result.kind, 'invalid');
    assert.match(result.kind === 'invalid' ? result.problems[0].message : '', /no closing/);
  });
});

describe('store/file: the JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is a valid draft-07 schema with a description on every field', () => {
    assert.ok(ajv.validateSchema(schema));
    const text = JSON.stringify(schema);
    const annotation = (schema as { definitions: { annotation: { properties: Record<string, { description?: string; $ref?: string }> } } }).definitions.annotation;
    for (const [name, property] of Object.entries(annotation.properties)) {
      assert.ok(property.description || property.$ref === '#/definitions/status', `no description for ${name}`);
    }
    assert.ok(text.includes('draft-07'));
  });

  it('accepts what the extension writes', () => {
    for (const name of ['valid.json', 'newer.json', 'workspace/.ainews/annotations.json']) {
      const file = JSON.parse(fixture(name)) as AnnotationFile;
      const serialized = JSON.parse(serializeAnnotationFile(file)) as unknown;
      assert.ok(validate(serialized), `${name}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('agrees with the parser on broken annotations', () => {
    const broken: [string, unknown][] = [
      ['absolute path', sampleAnnotation({ article: '/abs/a.md' })],
      ['windows path', sampleAnnotation({ article: 'articles\\a.md' })],
      ['drive letter', sampleAnnotation({ article: 'C:/a.md' })],
      ['dot-dot', sampleAnnotation({ article: '../a.md' })],
      ['inner dot-dot', sampleAnnotation({ article: 'a/../b.md' })],
      ['dot segment', sampleAnnotation({ article: './a.md' })],
      ['empty segment', sampleAnnotation({ article: 'a//b.md' })],
      ['bad status', sampleAnnotation({ status: 'Verified' })],
      ['status with a space', sampleAnnotation({ status: 'team status' })],
      ['empty exact', sampleAnnotation({ quote: { exact: '', prefix: '', suffix: '' } })],
      ['long prefix', sampleAnnotation({ quote: { exact: 'x', prefix: 'p'.repeat(33), suffix: '' } })],
      ['negative start', sampleAnnotation({ position: { start: -1, end: 3 } })],
      ['fractional end', sampleAnnotation({ position: { start: 0, end: 2.5 } })],
      ['date only', sampleAnnotation({ created: '2025-01-01' })],
      ['no zone', sampleAnnotation({ modified: '2025-01-01T10:00:00' })],
      ['bad review date', sampleAnnotation({ reviewBy: '01.07.2025' })],
      ['bad hash', sampleAnnotation({ articleHash: 'ABC' })],
      ['bad history', sampleAnnotation({ history: [{ status: 'verified', at: 'yesterday', author: 'A' }] })],
      ['empty evidence link', sampleAnnotation({ evidence: [''] })],
      ['private as string', sampleAnnotation({ private: 'yes' as never })],
      ['unknown field', { ...sampleAnnotation(), colour: 'red' }],
      ['bad id', sampleAnnotation({ id: 'has space' })],
    ];
    for (const [name, annotation] of broken) {
      assert.ok(validateAnnotation(annotation).length > 0, `parser accepts ${name}`);
      assert.equal(validate({ version: 1, annotations: [annotation] }), false, `schema accepts ${name}`);
    }
    const fine = [sampleAnnotation(), sampleAnnotation({ article: 'Ordner mit Leerzeichen/Artikel ü.md', quote: { exact: '😀', prefix: '😀'.repeat(32), suffix: '' } })];
    for (const annotation of fine) {
      assert.deepEqual(validateAnnotation(annotation), []);
      assert.ok(validate({ version: 1, annotations: [annotation] }), ajv.errorsText(validate.errors));
    }
  });
});
