import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAnnotationFile, serializeAnnotationFile } from '../../../src/core/store/file';
import { requiredFileVersion, type Annotation } from '../../../src/core/store/annotation';
import { validateAnnotation } from '../../../src/core/store/validate';
import { mergeAnnotationFiles } from '../../../src/core/store/merge';
import { sampleAnnotation } from '../../support/annotations';

const HASH = 'a'.repeat(64);
const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'annotations.schema.json'), 'utf8')) as object;
const archived = { url: 'https://example.org/pm', title: 'Pressemitteilung', archive: { file: `.ainews/evidence/${HASH}.html`, sha256: HASH, fetched: '2025-02-01T10:00:00.000Z', contentType: 'text/html' } };

/** An annotation using every version-2 field. */
function version2Annotation(overrides: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({
    status: 'misleading',
    evidence: ['https://example.org/a', archived],
    assignee: 'Ben',
    review: { by: 'Ben', at: '2025-02-02T10:00:00.000Z', result: 'approved', status: 'misleading', note: 'ok' },
    tags: ['Wahl 2025'],
    resolved: false,
    comments: [{ id: 'c1', author: 'Ben', at: '2025-02-01T11:00:00.000Z', body: 'Where is this from?' }],
    ...overrides,
  });
}

describe('store/version 2: the file contract', () => {
  it('writes version 1 until an annotation needs version 2, then version 2', () => {
    const v1 = serializeAnnotationFile({ version: 1, annotations: [sampleAnnotation({ evidence: ['https://example.org/a'] })] });
    assert.match(v1, /^\{\n {2}"version": 1,/);
    for (const field of [{ status: 'unverifiable' }, { status: 'in-progress' }, { status: 'misleading' }, { assignee: 'Ben' }, { tags: ['x'] }, { resolved: true }, { evidence: [archived] }, { comments: [] }] as Partial<Annotation>[]) {
      const text = serializeAnnotationFile({ version: 1, annotations: [sampleAnnotation(field)] });
      assert.match(text, /^\{\n {2}"version": 2,/, JSON.stringify(field));
      assert.equal(parseAnnotationFile(text).kind, 'ok');
    }
  });

  it('reads a version-2 file with every new field and writes it back byte for byte, keys in the fixed order', () => {
    const text = serializeAnnotationFile({ version: 1, annotations: [version2Annotation()] });
    const parsed = parseAnnotationFile(text);
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind !== 'ok') return;
    assert.equal(parsed.file.version, 2);
    assert.deepEqual(parsed.file.annotations[0], version2Annotation());
    assert.equal(serializeAnnotationFile(parsed.file), text);
    const keys = Object.keys(JSON.parse(text).annotations[0] as object);
    assert.deepEqual(keys, ['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author', 'evidence', 'assignee', 'review', 'tags', 'resolved', 'comments']);
  });

  it('keeps evidence strings as strings next to objects', () => {
    const parsed = parseAnnotationFile(serializeAnnotationFile({ version: 2, annotations: [version2Annotation()] }));
    assert.ok(parsed.kind === 'ok');
    assert.deepEqual(parsed.file.annotations[0].evidence, ['https://example.org/a', archived]);
  });

  it('opens a file of version 3 read-only, as before', () => {
    assert.equal(parseAnnotationFile('{"version": 3, "annotations": []}').kind, 'newer');
  });

  it('the version a set of annotations needs', () => {
    assert.equal(requiredFileVersion([sampleAnnotation()]), 1);
    assert.equal(requiredFileVersion([sampleAnnotation(), sampleAnnotation({ id: 'b', history: [{ status: 'unverifiable', at: '2025-01-01T10:00:00.000Z', author: 'A' }] })]), 2);
  });
});

describe('store/version 2: validation with line and column', () => {
  it('names every wrong new field where it is', () => {
    const bad = {
      ...sampleAnnotation(),
      review: { by: '', at: 'gestern', result: 'ok', status: 'Verified', extra: 1 },
      tags: ['a', 'a', 'zwei\nZeilen'],
      resolved: 'yes',
      comments: [{ id: 'c1', author: 'A', at: '2025-01-01T10:00:00.000Z', body: 'x' }, { id: 'c1', author: 'A', at: '2025-01-01T10:00:00.000Z', body: 'y', deleted: 'no' }, { author: 'A' }],
      evidence: [{ url: 'https://a', archive: { file: '../x', sha256: 'abc', fetched: '2025-01-01T10:00:00.000Z' } }, { title: 'no url' }, 3],
      assignee: '',
    };
    const text = JSON.stringify({ version: 2, annotations: [bad] }, null, 2);
    const result = parseAnnotationFile(text);
    assert.equal(result.kind, 'invalid');
    if (result.kind !== 'invalid') return;
    const lines = text.split('\n');
    const expect = (prefix: string, pattern: RegExp, lineText: string) => {
      const problem = result.problems.find((p) => p.message.startsWith(prefix) && pattern.test(p.message));
      assert.ok(problem, `no problem "${prefix}" ${pattern} in ${JSON.stringify(result.problems.map((p) => p.message), null, 1)}`);
      assert.ok(lines[problem.line - 1].includes(lineText), `${prefix} at line ${problem.line}: ${lines[problem.line - 1]}`);
    };
    expect('annotations[0].review.by', /must not be empty/, '"by": ""');
    expect('annotations[0].review.at', /ISO 8601/, '"at": "gestern"');
    expect('annotations[0].review.result', /"approved" or "changes-requested"/, '"result": "ok"');
    expect('annotations[0].review.status', /team status id/, '"status": "Verified"');
    expect('annotations[0].review.extra', /unknown field/, '"extra"');
    expect('annotations[0].tags[1]', /repeats/, '"a"');
    expect('annotations[0].tags[2]', /one line/, 'zwei');
    expect('annotations[0].resolved', /true or false/, '"resolved"');
    expect('annotations[0].comments[1].id', /duplicates the id of comments\[0\]/, '"id": "c1"');
    expect('annotations[0].comments[1].deleted', /true or false/, '"deleted"');
    expect('annotations[0].comments[2]', /is missing "id"/, '{');
    expect('annotations[0].evidence[0].archive.file', /relative/, '"file"');
    expect('annotations[0].evidence[0].archive.sha256', /sha256/, '"sha256"');
    expect('annotations[0].evidence[0].archive', /is missing "contentType"/, '"archive"');
    expect('annotations[0].evidence[1]', /is missing "url"/, '{');
    expect('annotations[0].evidence[2]', /must be a string/, '3');
    expect('annotations[0].assignee', /must not be empty/, '"assignee"');
  });

  it('accepts team status ids and refuses what cannot be one', () => {
    for (const status of ['misleading', 'false-context', 'x1']) assert.deepEqual(validateAnnotation(sampleAnnotation({ status })), [], status);
    for (const status of ['Misleading', 'two words', '-x', 'x-', 'a--b', 'x'.repeat(41), '']) assert.ok(validateAnnotation(sampleAnnotation({ status })).length > 0, status);
  });
});

describe('store/version 2: merge per field', () => {
  const base = version2Annotation({ review: undefined, comments: undefined, tags: undefined, assignee: undefined, evidence: ['https://example.org/pm'] });
  const file = (a: Annotation) => ({ version: 2, annotations: [a] });
  const merge = (ours: Annotation, theirs: Annotation) => {
    const one = mergeAnnotationFiles(file(base), file(ours), file(theirs));
    assert.equal(serializeAnnotationFile(mergeAnnotationFiles(file(base), file(theirs), file(ours))), serializeAnnotationFile(one), 'not commutative');
    return one.annotations[0];
  };

  it('takes a field changed on one side only from that side, each new field', () => {
    const ours = { ...base, assignee: 'Chen', tags: ['Wahl'], modified: '2025-03-01T10:00:00.000Z' };
    const theirs = { ...base, review: { by: 'Ben', at: '2025-02-01T10:00:00.000Z', result: 'approved' as const, status: base.status }, resolved: true, modified: '2025-02-01T10:00:00.000Z' };
    const merged = merge(ours, theirs);
    assert.equal(merged.assignee, 'Chen');
    assert.deepEqual(merged.tags, ['Wahl']);
    assert.deepEqual(merged.review, theirs.review);
    assert.equal(merged.resolved, true);
  });

  it('decides a tie at equal modified by the field alone, so merging the result again changes nothing', () => {
    // Found by the property test: two reviews that differ only in an empty note, with the same modified.
    const review = { by: 'Anna', at: '2020-01-01T00:00:00.000Z', result: 'approved' as const, status: base.status };
    for (const [oursReview, theirsReview] of [[review, { ...review, note: '' }], [{ ...review, note: '' }, review]]) {
      for (const [oursExtra, theirsExtra] of [[{ assignee: 'Anna' }, {}], [{}, { assignee: 'Anna' }]]) {
        const ours = { ...base, review: oursReview, ...oursExtra };
        const theirs = { ...base, review: theirsReview, ...theirsExtra };
        const merged = mergeAnnotationFiles(file(base), file(ours), file(theirs));
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(file(base), merged, file(theirs))), serializeAnnotationFile(merged));
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(file(base), merged, file(ours))), serializeAnnotationFile(merged));
      }
    }
  });

  it('merges a comment changed on one side only to that side, even two tombstones that differ (found by the property test)', () => {
    const tomb = (id: string, body: string) => ({ id, author: 'A', at: '2020-01-01T00:00:00.000Z', body, deleted: true });
    const withTombs = { ...base, comments: [tomb('a', 'x'), tomb('b', 'x')] };
    const ours = { ...withTombs, comments: [tomb('a', ''), tomb('b', 'x')] };
    const theirs = { ...withTombs, comments: [tomb('a', 'x'), tomb('b', '')] };
    const merged = mergeAnnotationFiles(file(withTombs), file(ours), file(theirs));
    assert.deepEqual(merged.annotations[0].comments, [tomb('a', ''), tomb('b', '')]);
    for (const side of [ours, theirs]) assert.equal(serializeAnnotationFile(mergeAnnotationFiles(file(withTombs), merged, file(side))), serializeAnnotationFile(merged));
  });

  it('gives a field both changed to the later modified', () => {
    const ours = { ...base, assignee: 'Chen', modified: '2025-03-01T10:00:00.000Z' };
    const theirs = { ...base, assignee: 'Dana', modified: '2025-02-01T10:00:00.000Z' };
    assert.equal(merge(ours, theirs).assignee, 'Chen');
  });

  it('merges evidence per address: an archived copy replaces its link, and a link added on the other side stays', () => {
    const ours = { ...base, evidence: [archived], modified: '2025-02-01T10:00:00.000Z' };
    const theirs = { ...base, evidence: ['https://example.org/pm', 'https://example.org/other'], modified: '2025-02-02T10:00:00.000Z' };
    assert.deepEqual(merge(ours, theirs).evidence, [archived, 'https://example.org/other']);
  });

  it('keeps two archived copies of one address through a merge, from one side or from both', () => {
    const copy = (hex: string) => ({ url: 'press.eml', archive: { file: `.ainews/evidence/${hex.repeat(64)}.eml`, sha256: hex.repeat(64), fetched: '2025-02-01T10:00:00.000Z', contentType: 'message/rfc822' } });
    const ours = { ...base, evidence: ['https://example.org/pm', copy('1'), copy('2')], modified: '2025-02-01T10:00:00.000Z' };
    const theirs = { ...base, evidence: ['https://example.org/pm', 'https://example.org/other'], modified: '2025-02-02T10:00:00.000Z' };
    assert.deepEqual(merge(ours, theirs).evidence, ['https://example.org/pm', 'https://example.org/other', copy('1'), copy('2')]);

    const page = (hex: string) => ({ ...archived, archive: { ...archived.archive, file: `.ainews/evidence/${hex.repeat(64)}.html`, sha256: hex.repeat(64) } });
    const oursPage = { ...base, evidence: [page('1')], modified: '2025-02-01T10:00:00.000Z' };
    const theirsPage = { ...base, evidence: [page('2')], modified: '2025-02-02T10:00:00.000Z' };
    assert.deepEqual(merge(oursPage, theirsPage).evidence, [page('1'), page('2')], 'both clones archived the page: both copies stay');
  });

  it('merges tags as a set: added on either side, removed where one side removed it', () => {
    const withTags = { ...base, tags: ['a', 'b'] };
    const ours = { ...withTags, tags: ['a', 'b', 'c'] };
    const theirs = { ...withTags, tags: ['b'] };
    const merged = mergeAnnotationFiles(file(withTags), file(ours), file(theirs)).annotations[0];
    assert.deepEqual(merged.tags, ['b', 'c']);
  });

  it('unites comments by id; the later edit wins; a tombstone is never revived', () => {
    const c = (id: string, at: string, extra = {}) => ({ id, author: 'A', at, body: id, ...extra });
    const withComment = { ...base, comments: [c('c1', '2025-02-01T10:00:00.000Z'), c('c2', '2025-02-01T11:00:00.000Z')] };
    const ours = { ...withComment, comments: [c('c1', '2025-02-01T10:00:00.000Z', { body: 'new', edited: '2025-02-03T10:00:00.000Z' }), { id: 'c2', author: 'A', at: '2025-02-01T11:00:00.000Z', body: '', deleted: true }, c('o1', '2025-02-02T09:00:00.000Z')] };
    const theirs = { ...withComment, comments: [c('c1', '2025-02-01T10:00:00.000Z', { body: 'older', edited: '2025-02-02T10:00:00.000Z' }), c('c2', '2025-02-01T11:00:00.000Z', { body: 'edited later', edited: '2025-02-09T10:00:00.000Z' }), c('t1', '2025-02-02T08:00:00.000Z')] };
    const merged = mergeAnnotationFiles(file(withComment), file(ours), file(theirs)).annotations[0];
    assert.deepEqual(merged.comments?.map((x) => [x.id, x.body, x.deleted ?? false]), [
      ['c1', 'new', false],
      ['c2', '', true],
      ['t1', 't1', false],
      ['o1', 'o1', false],
    ]);
  });
});

describe('store/version 2: the JSON Schema agrees with the parser', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const comment = { id: 'c1', author: 'A', at: '2025-01-01T10:00:00.000Z', body: 'x' };

  it('accepts every version-2 field the extension writes', () => {
    const file = JSON.parse(serializeAnnotationFile({ version: 2, annotations: [version2Annotation(), sampleAnnotation({ id: 'b', status: 'in-progress', comments: [{ ...comment, body: '', deleted: true }] })] })) as unknown;
    assert.ok(validate(file), ajv.errorsText(validate.errors));
  });

  it('refuses what the parser refuses', () => {
    const broken: [string, unknown][] = [
      ['upper-case status', sampleAnnotation({ status: 'Misleading' })],
      ['review without status', sampleAnnotation({ review: { by: 'B', at: '2025-01-01T10:00:00.000Z', result: 'approved' } as never })],
      ['review result', sampleAnnotation({ review: { by: 'B', at: '2025-01-01T10:00:00.000Z', result: 'fine' as never, status: 'verified' } })],
      ['empty assignee', sampleAnnotation({ assignee: '' })],
      ['repeated tag', sampleAnnotation({ tags: ['a', 'a'] })],
      ['two-line tag', sampleAnnotation({ tags: ['a\nb'] })],
      ['resolved as string', sampleAnnotation({ resolved: 'yes' as never })],
      ['comment without body', sampleAnnotation({ comments: [{ id: 'c1', author: 'A', at: '2025-01-01T10:00:00.000Z' } as never] })],
      ['comment edited date', sampleAnnotation({ comments: [{ ...comment, edited: 'today' }] })],
      ['evidence object without url', sampleAnnotation({ evidence: [{ title: 'x' } as never] })],
      ['archive hash', sampleAnnotation({ evidence: [{ url: 'u', archive: { ...archived.archive, sha256: 'ABC' } }] })],
      ['archive path', sampleAnnotation({ evidence: [{ url: 'u', archive: { ...archived.archive, file: '../x.html' } }] })],
      ['evidence unknown field', sampleAnnotation({ evidence: [{ url: 'u', colour: 'red' } as never] })],
    ];
    for (const [name, annotation] of broken) {
      assert.ok(validateAnnotation(annotation).length > 0, `parser accepts ${name}`);
      assert.equal(validate({ version: 2, annotations: [annotation] }), false, `schema accepts ${name}`);
    }
  });
});
