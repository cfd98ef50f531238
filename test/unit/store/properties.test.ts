import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeQuote, mapPositionThroughEdit, resolveAnchor, type TextEdit } from '../../../src/core/store/anchor';
import { requiredFileVersion, STATUSES, type Annotation, type AnnotationFile, type TextPosition } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { canonicalAnnotationJson, orderedAnnotation, parseAnnotationFile, serializeAnnotationFile, sortAnnotations } from '../../../src/core/store/file';
import { mergeAnnotationFiles } from '../../../src/core/store/merge';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2030-01-01T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const text = fc.string({ unit: 'binary', maxLength: 40 });
const segment = fc.constantFrom('articles', 'a', 'Artikel ü', 'x.md', '2025', 'KI-News', '📰.md');
const statusChange = fc.record({ status: fc.constantFrom(...STATUSES), at: isoDate, author: text });

/** Any valid annotation, optional fields present or absent. */
const annotationArb: fc.Arbitrary<Annotation> = fc
  .record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,21}$/),
      article: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
      status: fc.constantFrom(...STATUSES),
      quote: fc.record({
        exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        prefix: fc.string({ unit: 'binary', maxLength: 32 }),
        suffix: fc.string({ unit: 'binary', maxLength: 32 }),
      }),
      position: fc.tuple(fc.nat(100_000), fc.nat(500)).map(([start, length]) => ({ start, end: start + length })),
      note: text,
      created: isoDate,
      modified: isoDate,
      author: text,
      evidence: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }),
      reviewBy: isoDate.map((d) => d.slice(0, 10)),
      articleHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      private: fc.boolean(),
      history: fc.array(statusChange, { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author'] },
  )
  .map((a) => orderedAnnotation(a));

const fileArb: fc.Arbitrary<AnnotationFile> = fc
  .uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 12 })
  .map((annotations) => ({ version: 1, annotations }));

describe('store properties: save → load identity', () => {
  it('parse(serialize(file)) is the file, sorted; serialising again gives the same bytes', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const text = serializeAnnotationFile(file);
        const parsed = parseAnnotationFile(text);
        assert.equal(parsed.kind, 'ok');
        if (parsed.kind !== 'ok') return;
        assert.deepEqual(parsed.file, { version: requiredFileVersion(file.annotations), annotations: sortAnnotations(file.annotations) });
        assert.equal(serializeAnnotationFile(parsed.file), text);
      }),
      { numRuns: 300 },
    );
  });

  it('a store opened on a saved file holds the same annotations and saving it changes no byte', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const dir = mkdtempSync(join(tmpdir(), 'ainews-prop-'));
        try {
          mkdirSync(join(dir, '.ainews'));
          const path = join(dir, '.ainews', 'annotations.json');
          const text = serializeAnnotationFile(file);
          writeFileSync(path, text);
          const store = await AnnotationStore.open(dir);
          assert.deepEqual([...store.annotations], sortAnnotations(file.annotations));
          assert.equal((await store.save()).kind, 'unchanged');
          assert.equal(readFileSync(path, 'utf8'), text);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});

type Op =
  | { kind: 'add'; annotation: Annotation }
  | { kind: 'delete'; index: number }
  | { kind: 'modify'; index: number; note: string; status: Annotation['status']; modified: string; evidence?: string[] }
  | { kind: 'move'; index: number; shift: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  annotationArb.map((annotation) => ({ kind: 'add' as const, annotation })),
  fc.nat(20).map((index) => ({ kind: 'delete' as const, index })),
  fc.record({ kind: fc.constant('modify' as const), index: fc.nat(20), note: text, status: fc.constantFrom(...STATUSES), modified: isoDate, evidence: fc.option(fc.array(fc.constantFrom('https://a', 'https://b', 'https://c'), { minLength: 1, maxLength: 3 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('move' as const), index: fc.nat(20), shift: fc.integer({ min: 1, max: 50 }) }),
);

/** One side's edits of the base file, as a teammate would make them. */
function applyOps(base: AnnotationFile, ops: Op[]): AnnotationFile {
  const annotations = [...base.annotations];
  for (const op of ops) {
    if (op.kind === 'add') {
      if (!annotations.some((a) => a.id === op.annotation.id)) annotations.push(op.annotation);
      continue;
    }
    if (annotations.length === 0) continue;
    const i = op.index % annotations.length;
    const a = annotations[i];
    if (op.kind === 'delete') annotations.splice(i, 1);
    else if (op.kind === 'move') annotations[i] = { ...a, position: { start: a.position.start + op.shift, end: a.position.end + op.shift } };
    else {
      const next: Annotation = { ...a, note: op.note, status: op.status, modified: op.modified };
      if (op.evidence) next.evidence = op.evidence;
      annotations[i] = orderedAnnotation(next);
    }
  }
  return { version: 1, annotations };
}

const scenarioArb = fc.record({ base: fileArb, oursOps: fc.array(opArb, { maxLength: 8 }), theirsOps: fc.array(opArb, { maxLength: 8 }) });

describe('store properties: merge', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, oursOps, theirsOps }) => {
        const ours = applyOps(base, oursOps);
        const theirs = applyOps(base, theirsOps);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(base, ours, theirs)), serializeAnnotationFile(mergeAnnotationFiles(base, theirs, ours)));
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(null, ours, theirs)), serializeAnnotationFile(mergeAnnotationFiles(null, theirs, ours)));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merging a file with itself, or with an unchanged side, changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, oursOps }) => {
        const ours = applyOps(base, oursOps);
        const expected = serializeAnnotationFile(ours);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(base, ours, ours)), expected);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(ours, ours, ours)), expected);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(null, ours, ours)), expected);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(base, base, ours)), expected);
        // Merging the result again with either side adds nothing.
        const theirs = applyOps(base, oursOps.slice().reverse());
        const merged = mergeAnnotationFiles(base, ours, theirs);
        assert.equal(serializeAnnotationFile(mergeAnnotationFiles(base, merged, theirs)), serializeAnnotationFile(merged));
      }),
      { numRuns: 300 },
    );
  });

  it('loses nothing: an annotation disappears only when deleted on one side and untouched on the other', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, oursOps, theirsOps }) => {
        const ours = applyOps(base, oursOps);
        const theirs = applyOps(base, theirsOps);
        const merged = new Map(mergeAnnotationFiles(base, ours, theirs).annotations.map((a) => [a.id, a]));
        const inBase = new Map(base.annotations.map((a) => [a.id, a]));
        const untouched = (a: Annotation | undefined, b: Annotation) => a !== undefined && canonicalAnnotationJson({ ...a, position: b.position }) === canonicalAnnotationJson(b);
        for (const [side, other] of [[ours, theirs], [theirs, ours]]) {
          for (const a of side.annotations) {
            if (merged.has(a.id)) continue;
            const b = inBase.get(a.id);
            const otherHas = other.annotations.some((x) => x.id === a.id);
            assert.ok(b && !otherHas && untouched(a, b), `annotation ${a.id} was lost`);
          }
        }
        // Every merged annotation comes from one of the inputs (no invention).
        for (const id of merged.keys()) assert.ok(ours.annotations.some((a) => a.id === id) || theirs.annotations.some((a) => a.id === id));
      }),
      { numRuns: 300 },
    );
  });
});

const articleText = fc
  .array(fc.constantFrom('Qwen', ' ', '2.5', 'KI', '\r\n', '\n', '😀', 'ü', 'Modell', '.', 'GPT-4o', '🇨🇳', 'übertrifft', '12 von 14'), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));
const rawEdit = fc.record({ at: fc.nat(), deleted: fc.nat(12), inserted: fc.array(fc.constantFrom('x', 'Qwen', ' ', '\n', '🚀', '2.5', ''), { maxLength: 3 }).map((p) => p.join('')) });

describe('store properties: no annotation is ever lost under random edits', () => {
  it('tracked ranges stay in the text, untouched ones keep their words and resolve exact, and the store keeps every annotation', async () => {
    const scenario = articleText.chain((initial) =>
      fc.record({
        initial: fc.constant(initial),
        ranges: fc.array(fc.tuple(fc.nat(initial.length - 1), fc.nat(initial.length - 1)), { minLength: 1, maxLength: 6 }),
        edits: fc.array(rawEdit, { maxLength: 15 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ initial, ranges, edits }) => {
        const dir = mkdtempSync(join(tmpdir(), 'ainews-edits-'));
        try {
          const store = await AnnotationStore.open(dir);
          const tracked = ranges.map(([a, b]) => {
            const position = { start: Math.min(a, b), end: Math.max(a, b) + 1 };
            const annotation = store.add({ article: 'a.md', status: 'verified', quote: makeQuote(initial, position.start, position.end), position });
            return { id: annotation.id, words: initial.slice(position.start, position.end), position: position as TextPosition | null, touched: false };
          });
          let current = initial;
          for (const raw of edits) {
            const offset = raw.at % (current.length + 1);
            const edit: TextEdit = { offset, deletedLength: Math.min(raw.deleted, current.length - offset), insertedText: raw.inserted };
            current = current.slice(0, offset) + edit.insertedText + current.slice(offset + edit.deletedLength);
            for (const t of tracked) {
              if (!t.position) continue;
              const editEnd = edit.offset + edit.deletedLength;
              if (!(editEnd <= t.position.start || edit.offset >= t.position.end)) t.touched = true;
              t.position = mapPositionThroughEdit(t.position, edit);
            }
            store.applyEdits('a.md', [edit], current);
          }
          for (const t of tracked) {
            if (t.position) {
              assert.ok(t.position.start >= 0 && t.position.start < t.position.end && t.position.end <= current.length, 'range inside the text');
            }
            if (t.position && !t.touched) {
              assert.equal(current.slice(t.position.start, t.position.end), t.words);
              const annotation = store.get(t.id) as Annotation;
              assert.deepEqual(annotation.position, t.position);
              assert.deepEqual(resolveAnchor(current, annotation.quote, annotation.position), { state: 'exact', ...t.position });
              assert.equal(store.anchorOf(t.id)?.state, 'exact');
            }
            const resolution = resolveAnchor(current, (store.get(t.id) as Annotation).quote, (store.get(t.id) as Annotation).position);
            if (resolution.state !== 'orphaned') assert.ok(resolution.start >= 0 && resolution.start <= resolution.end && resolution.end <= current.length);
          }
          assert.equal(store.annotations.length, tracked.length, 'the store kept every annotation');
          await store.save();
          const reopened = await AnnotationStore.open(dir);
          assert.deepEqual(reopened.annotations.map((a) => a.id).sort(), tracked.map((t) => t.id).sort(), 'every annotation survives a save');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  });
});
