/**
 * The lazy reader (src/core/store/lazyRead.ts) gives every consumer exactly what the eager reader
 * gives, holds the threads of the files this extension writes, and leaves every unusual file to the
 * eager reader: property tests over random files, canonical and otherwise.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Annotation, AnnotationFile } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { parseAnnotationFile, serializeAnnotationFile, type ParseResult } from '../../../src/core/store/file';
import { heldThreadBytes } from '../../../src/core/store/heldThreads';
import { jsonEqual } from '../../../src/core/store/jsonEqual';
import { ISO_DATE_TIME, parseAnnotationFileBytes } from '../../../src/core/store/lazyRead';
import { mergeAnnotationFiles } from '../../../src/core/store/merge';
import { isIsoDateTime } from '../../../src/core/store/validate';
import { annotationArb, commentArb } from '../../support/annotationArbitraries';
import { sampleAnnotation } from '../../support/annotations';

/** Comment bodies that are hard for a reader of JSON text: escapes, brackets, quotes, non-ASCII, the layout's own lines. */
const bodyArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('"', '\\', '\\"', '[', ']', '{"id": "x"}', '],\n    }', '\n          "id": "a"', 'ä€😀', '\u2028\u2029', '\u0000\u001f\u007f', '\t\b\f\r', '<<<<<<< ours', '"comments": [', ''),
  fc.array(fc.constantFrom('a', 'ß', '"', '\\', ']', '}', '\n', '\u00a0', '\ud800', '😀', '/', 'u00'), { maxLength: 12 }).map((parts) => parts.join('')),
);

/** Valid files whose comments have those bodies; some annotations with an empty or no thread. */
const fileArb: fc.Arbitrary<AnnotationFile> = fc
  .tuple(fc.uniqueArray(annotationArb, { selector: (a) => a.id, minLength: 1, maxLength: 6 }), fc.array(bodyArb, { minLength: 6, maxLength: 6 }))
  .map(([annotations, bodies]) => ({
    version: 2,
    annotations: annotations.map((a, i) => (a.comments ? { ...a, comments: a.comments.map((c, j) => ({ ...c, body: bodies[(i + j) % bodies.length] })) } : a)),
  }));

/** How the text of a canonical file may be changed: other layouts, escapes, key orders, and corruptions of a thread. */
const EDITS: { name: string; edit: (text: string) => string }[] = [
  { name: 'as written', edit: (text) => text },
  { name: 'an empty thread', edit: (text) => text.replace(/"comments": \[[\s\S]*?\n {6}\]/, '"comments": []') },
  { name: 'no space after a colon', edit: (text) => text.replace(/"author": /, '"author":') },
  { name: 'indented by 4', edit: (text) => JSON.stringify(JSON.parse(text), null, 4) },
  { name: 'on one line', edit: (text) => JSON.stringify(JSON.parse(text)) },
  { name: 'CRLF', edit: (text) => text.replaceAll('\n', '\r\n') },
  { name: 'a \\u escape of a letter', edit: (text) => text.replace(/("body": "[^"\\]*)a/, '$1\\u0061') },
  { name: 'an escaped slash', edit: (text) => text.replace(/("body": "[^"\\]*)\//, '$1\\/') },
  { name: 'upper-case hex escape', edit: (text) => text.replace(/\\u001f/, '\\u001F') },
  { name: 'comment keys in another order', edit: (text) => text.replace(/("id": "[^"]*"),\n(\s*)("author": "(?:[^"\\]|\\.)*")/, '$3,\n$2$1') },
  { name: 'comments before history', edit: (text) => text.replace(/(\n {6}"history": \[[\s\S]*?\n {6}\]),(\n {6}"comments": \[[\s\S]*?\n {6}\])/, '$2,$1') },
  { name: 'a BOM', edit: (text) => `\ufeff${text}` },
  { name: 'the 30th of February', edit: (text) => text.replace(/"at": "\d{4}-\d\d-\d\d/, '"at": "2025-02-30') },
  { name: 'a leap day', edit: (text) => text.replace(/"at": "\d{4}-\d\d-\d\d/, '"at": "2024-02-29') },
  { name: 'the leap day of a century', edit: (text) => text.replace(/"at": "\d{4}-\d\d-\d\d/, '"at": "2100-02-29') },
  { name: 'an hour of 24', edit: (text) => text.replace(/"at": "(\d{4}-\d\d-\d\d)T\d\d/, '"at": "$1T24') },
  { name: 'a repeated comment id', edit: (text) => text.replace(/(\n {10}"id": ("[^"]*")(?:(?!\n {6}\])[\s\S])*?\n {8}\},\n {8}\{\n {10}"id": )"[^"]*"/, '$1$2') },
  { name: 'a bad comment id', edit: (text) => text.replace(/(\n {10}"id": ")[^"]*"/, '$1a b"') },
  { name: 'a raw control character', edit: (text) => text.replace(/("body": ")/, '$1\u0001') },
  { name: 'an unknown comment key', edit: (text) => text.replace(/(\n {10}"body": )/, '\n          "mood": "ok",$1') },
  { name: 'a comment key twice', edit: (text) => text.replace(/(\n {10}"author": "(?:[^"\\]|\\.)*",)/, '$1$1') },
  { name: 'comments twice', edit: (text) => text.replace(/(\n {6}"comments": )/, '\n      "comments": [],$1') },
  { name: 'deleted as a string', edit: (text) => text.replace(/"body": ("(?:[^"\\]|\\.)*")\n/, '"body": $1,\n          "deleted": "yes"\n') },
  { name: 'a missing body', edit: (text) => text.replace(/,\n {10}"body": "(?:[^"\\]|\\.)*"/, '') },
  { name: 'a thread after an open brace', edit: (text) => text.replace(/\n {4}\{\n {6}"id"/, '\n    {,\n      "id"') },
  { name: 'a comma missing after a thread', edit: (text) => text.replace(/\n {6}\]\n {4}\},/, '\n      ]\n    }') },
  { name: 'conflict markers', edit: (text) => `<<<<<<< ours\n${text}=======\n${text}>>>>>>> theirs\n` },
  { name: 'a newer version', edit: (text) => text.replace(/"version": \d+/, '"version": 7') },
  { name: 'a number for comments', edit: (text) => text.replace(/(\n {6}"note": )/, '\n      "comments": 0,$1') },
  { name: 'a thread inside the quote', edit: (text) => text.replace(/(\n {8}"suffix": "(?:[^"\\]|\\.)*")\n {6}\}/, '$1,\n      "comments": [\n        {\n          "id": "q",\n          "author": "x",\n          "at": "2025-01-01T00:00:00.000Z",\n          "body": "y"\n        }\n      ]\n    }') },
];

/** The result as data: what a consumer can see of it (key order included), threads read through their accessors. */
function seen(result: ParseResult): string {
  return JSON.stringify(result);
}

describe('store: the lazy reader (comment threads held as bytes)', () => {
  it('gives exactly what the eager reader gives, for canonical files and every other layout or corruption', () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...EDITS), (file, { name, edit }) => {
        const text = edit(serializeAnnotationFile(file));
        const eager = parseAnnotationFile(text);
        const lazy = parseAnnotationFileBytes(Buffer.from(text, 'utf8'));
        // The serialisation first, while the threads are still unparsed (it writes their bytes).
        if (lazy.kind === 'ok' && eager.kind === 'ok') assert.equal(serializeAnnotationFile(lazy.file), serializeAnnotationFile(eager.file), name);
        assert.equal(seen(lazy), seen(eager), name);
        assert.deepStrictEqual(lazy, eager, name);
      }),
      { numRuns: 800 },
    );
  });

  it('holds every thread of a file as this extension writes it (unless a body needs a \\u escape of a surrogate)', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const text = serializeAnnotationFile(file);
        // Conflict markers anywhere, even inside a body, send the whole file to the eager reader.
        fc.pre(!text.includes('<<<<<<<'));
        const result = parseAnnotationFileBytes(Buffer.from(text, 'utf8'));
        assert.equal(result.kind, 'ok');
        const written = (result as { file: AnnotationFile }).file.annotations;
        for (const a of written) {
          const original = file.annotations.find((o) => o.id === a.id) as Annotation;
          const surrogateEscape = /\\ud[89a-f]/.test(JSON.stringify(original.comments ?? []));
          assert.equal(heldThreadBytes(a) !== undefined, original.comments !== undefined && !surrogateEscape);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merges lazily read files as it merges eagerly read ones, and compares their annotations alike', () => {
    const sideArb = (file: AnnotationFile) =>
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('note', 'reply', 'same')), { maxLength: 4 }).chain((changes) =>
        commentArb.map((reply) => ({
          version: 2,
          annotations: file.annotations.map((a, i) => {
            const change = changes.find(([n]) => n % file.annotations.length === i)?.[1];
            if (change === 'note') return { ...a, note: `${a.note}!`, modified: '2031-01-01T00:00:00.000Z' };
            if (change === 'reply') return { ...a, comments: [...(a.comments ?? []), { ...reply, id: `${reply.id}r${i}` }], modified: '2031-01-02T00:00:00.000Z' };
            return a;
          }),
        })),
      );
    fc.assert(
      fc.property(fileArb.chain((base) => fc.tuple(fc.constant(base), sideArb(base), sideArb(base))), ([base, ours, theirs]) => {
        const texts = [base, ours, theirs].map((f) => serializeAnnotationFile(f));
        const eager = texts.map((t) => (parseAnnotationFile(t) as { file: AnnotationFile }).file);
        const lazy = texts.map((t) => (parseAnnotationFileBytes(Buffer.from(t, 'utf8')) as { file: AnnotationFile }).file);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(lazy[0], lazy[1], lazy[2])), serializeAnnotationFile(mergeAnnotationFiles(eager[0], eager[1], eager[2])));
        for (const [i, a] of lazy[1].annotations.entries()) {
          const b = lazy[2].annotations.find((x) => x.id === a.id) as Annotation;
          assert.equal(jsonEqual(a, b), jsonEqual(eager[1].annotations[i], eager[2].annotations.find((x) => x.id === a.id)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a held thread replaced by an assignment (even by nothing) is the array assigned; its accessor cannot be deleted or redefined', () => {
    const file: AnnotationFile = { version: 2, annotations: [{ ...sampleAnnotation(), comments: [{ id: 'c1', author: 'Gül', at: '2025-01-02T00:00:00.000Z', body: 'Quelle?' }] }] };
    const read = parseAnnotationFileBytes(Buffer.from(serializeAnnotationFile(file), 'utf8'));
    assert.equal(read.kind, 'ok');
    const [a, b] = [0, 1].map(() => (parseAnnotationFileBytes(Buffer.from(serializeAnnotationFile(file), 'utf8')) as { file: AnnotationFile }).file.annotations[0]);
    assert.ok(heldThreadBytes(a) !== undefined && jsonEqual(a, b));
    assert.throws(() => delete (a as { comments?: unknown }).comments, TypeError);
    assert.throws(() => Object.defineProperty(a, 'comments', { value: [] }), TypeError);
    a.comments = undefined;
    assert.equal(a.comments, undefined);
    assert.equal(heldThreadBytes(a), undefined);
    assert.equal(jsonEqual(a, b), false);
    b.comments = [];
    assert.deepEqual(b.comments, []);
    assert.equal(serializeAnnotationFile({ version: 2, annotations: [b] }), serializeAnnotationFile({ version: 2, annotations: [{ ...file.annotations[0], comments: [] }] }));
  });

  it('reads a time in a thread as isIsoDateTime does (every day of months 00-13 in leap and other years; times and zones)', () => {
    const pattern = new RegExp(`^${ISO_DATE_TIME}$`);
    const two = (n: number) => String(n).padStart(2, '0');
    for (const year of ['0000', '0004', '1900', '1996', '2000', '2024', '2025', '2100']) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${year}-${two(month)}-${two(day)}T12:30:59.000Z`;
          assert.equal(pattern.test(value), isIsoDateTime(value), value);
        }
      }
    }
    const time = fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('Z', '+01:00', '-23:59', '+24:00', '+01:60', '', 'z'), fc.constantFrom('', '.5', '.123456789', '.1234567890', '.'))
      .map(([hour, minute, zone, fraction]) => `2025-03-01T${two(hour)}:${two(minute)}:59${fraction}${zone}`);
    fc.assert(
      fc.property(fc.oneof(time, fc.string({ maxLength: 30 })), (value) => {
        assert.equal(pattern.test(value), isIsoDateTime(value), value);
      }),
      { numRuns: 2000 },
    );
  });

  it('the store opens a file with its threads held, reads and changes them, and saves what serialising gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-lazy-'));
    try {
      const file: AnnotationFile = {
        version: 2,
        annotations: ['a1', 'a2'].map((id, i) => ({
          id,
          article: 'articles/a.md',
          status: 'verified',
          quote: { exact: 'drei Jahre', prefix: '', suffix: '' },
          position: { start: i * 10, end: i * 10 + 5 },
          note: '',
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z',
          author: 'Anna',
          comments: [{ id: `c${i}`, author: 'Gül', at: '2025-01-02T00:00:00.000Z', body: 'Quelle? "drei" [1] \\ 😀' }],
        })),
      };
      mkdirSync(join(dir, '.ainews'));
      const path = join(dir, '.ainews', 'annotations.json');
      writeFileSync(path, serializeAnnotationFile(file));
      const store = await AnnotationStore.open(dir, '.ainews/annotations.json', { now: () => new Date('2025-02-01T00:00:00.000Z') });
      assert.ok(store.annotations.every((a) => heldThreadBytes(a) !== undefined));
      assert.deepEqual(store.get('a2')?.comments, file.annotations[1].comments);
      const reply = { id: 'r', author: 'Ben', at: '2025-02-01T00:00:00.000Z', body: 'Pressemitteilung, S. 2' };
      store.update('a1', { comments: [...(store.get('a1')?.comments ?? []), reply] });
      assert.equal((await store.save()).kind, 'written');
      const expected: AnnotationFile = { version: 2, annotations: [{ ...file.annotations[0], comments: [...(file.annotations[0].comments ?? []), reply], modified: '2025-02-01T00:00:00.000Z' }, file.annotations[1]] };
      assert.equal(readFileSync(path, 'utf8'), serializeAnnotationFile(expected));
      store.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
