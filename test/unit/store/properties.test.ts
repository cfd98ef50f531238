import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeQuote, mapPositionThroughEdit, resolveAnchor, type TextEdit } from '../../../src/core/store/anchor';
import { requiredFileVersion, STATUSES, type Annotation, type Comment, type Review, type AnnotationFile, type TextPosition } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { canonicalAnnotationJson, orderedAnnotation, parseAnnotationFile, serializeAnnotationFile, sortAnnotations } from '../../../src/core/store/file';
import { mergeAnnotationFiles } from '../../../src/core/store/merge';
import { ArticleSession } from '../../../src/core/session/articleSession';
import { annotationArb, commentArb, fileArb, isoDate, person, review, text } from '../../support/annotationArbitraries';

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
  | { kind: 'move'; index: number; shift: number }
  | { kind: 'version2'; index: number; change: Version2Change };

/** A change of one version-2 field, as the editor makes them. */
type Version2Change =
  | { field: 'review'; review: Review }
  | { field: 'assignee'; assignee: string }
  | { field: 'tag'; tag: string }
  | { field: 'resolved'; resolved: boolean }
  | { field: 'reply'; comment: Comment }
  | { field: 'edit'; which: number; body: string; at: string }
  | { field: 'delete'; which: number }
  | { field: 'archive'; url: string; sha256: string; at: string };

const version2ChangeArb: fc.Arbitrary<Version2Change> = fc.oneof(
  review.map((r) => ({ field: 'review' as const, review: r })),
  person.map((assignee) => ({ field: 'assignee' as const, assignee })),
  fc.constantFrom('Wahl', 'Zahlen', 'needs source').map((tag) => ({ field: 'tag' as const, tag })),
  fc.boolean().map((resolved) => ({ field: 'resolved' as const, resolved })),
  fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), author: person, at: isoDate, body: text }).map((comment) => ({ field: 'reply' as const, comment })),
  fc.record({ which: fc.nat(5), body: text, at: isoDate }).map((e) => ({ field: 'edit' as const, ...e })),
  fc.nat(5).map((which) => ({ field: 'delete' as const, which })),
  fc.record({ url: fc.constantFrom('https://a', 'https://d'), sha256: fc.stringMatching(/^[0-9a-f]{64}$/), at: isoDate }).map((e) => ({ field: 'archive' as const, ...e })),
);

/** The annotation with one version-2 field changed. */
function applyVersion2(a: Annotation, change: Version2Change): Annotation {
  const comments = a.comments ?? [];
  switch (change.field) {
    case 'review':
      return { ...a, review: change.review };
    case 'assignee':
      return { ...a, assignee: change.assignee };
    case 'tag':
      return { ...a, tags: [...new Set([...(a.tags ?? []), change.tag])] };
    case 'resolved':
      return { ...a, resolved: change.resolved };
    case 'reply':
      return comments.some((c) => c.id === change.comment.id) ? a : { ...a, comments: [...comments, change.comment] };
    case 'edit': {
      if (comments.length === 0) return a;
      const i = change.which % comments.length;
      return { ...a, comments: comments.map((c, j) => (j === i && !c.deleted ? { ...c, body: change.body, edited: change.at } : c)) };
    }
    case 'delete': {
      if (comments.length === 0) return a;
      const i = change.which % comments.length;
      return { ...a, comments: comments.map((c, j) => (j === i ? { id: c.id, author: c.author, at: c.at, body: '', deleted: true } : c)) };
    }
    case 'archive': {
      const others = (a.evidence ?? []).filter((item) => (typeof item === 'string' ? item : item.url) !== change.url);
      const archived = { url: change.url, archive: { file: `.ainews/evidence/${change.sha256}.html`, sha256: change.sha256, fetched: change.at, contentType: 'text/html' } };
      return { ...a, evidence: [...others, archived] };
    }
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  annotationArb.map((annotation) => ({ kind: 'add' as const, annotation })),
  fc.nat(20).map((index) => ({ kind: 'delete' as const, index })),
  fc.record({ kind: fc.constant('modify' as const), index: fc.nat(20), note: text, status: fc.constantFrom(...STATUSES), modified: isoDate, evidence: fc.option(fc.array(fc.constantFrom('https://a', 'https://b', 'https://c'), { minLength: 1, maxLength: 3 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('move' as const), index: fc.nat(20), shift: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('version2' as const), index: fc.nat(20), change: version2ChangeArb }),
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
    else if (op.kind === 'version2') annotations[i] = orderedAnnotation(applyVersion2(a, op.change));
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

describe('store properties: merge of the version-2 fields', () => {
  const commentsOf = (f: AnnotationFile) => new Map<string, Comment>(f.annotations.flatMap((a) => (a.comments ?? []).map((c): [string, Comment] => [`${a.id}/${c.id}`, c])));

  it('keeps every comment of either side unless the other removed it untouched, and a tombstone always wins', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, oursOps, theirsOps }) => {
        const ours = applyOps(base, oursOps);
        const theirs = applyOps(base, theirsOps);
        const merged = commentsOf(mergeAnnotationFiles(base, ours, theirs));
        const mergedIds = new Set(mergeAnnotationFiles(base, ours, theirs).annotations.map((a) => a.id));
        const inBase = commentsOf(base);
        for (const [side, other] of [[ours, theirs], [theirs, ours]]) {
          const inOther = commentsOf(other);
          for (const a of side.annotations) {
            if (!mergedIds.has(a.id)) continue;
            for (const c of a.comments ?? []) {
              const key = `${a.id}/${c.id}`;
              // Removed on the other side (never by the editor) and untouched here: a deletion.
              if (!inOther.has(key) && JSON.stringify(inBase.get(key)) === JSON.stringify(c)) continue;
              const kept = merged.get(key);
              assert.ok(kept, `comment ${key} was lost`);
              if (c.deleted) assert.equal(kept.deleted, true, `deleted comment ${c.id} came back`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a comment deleted on one side and edited on the other stays deleted, whatever the times', () => {
    fc.assert(
      fc.property(annotationArb, commentArb, isoDate, text, (original, comment, editedAt, body) => {
        const live = { ...comment, deleted: undefined };
        delete live.deleted;
        const a = orderedAnnotation({ ...original, comments: [live] });
        const tombstone = orderedAnnotation({ ...a, comments: [{ id: live.id, author: live.author, at: live.at, body: '', deleted: true }] });
        const edited = orderedAnnotation({ ...a, comments: [{ ...live, body, edited: editedAt }] });
        const merged = mergeAnnotationFiles({ version: 2, annotations: [a] }, { version: 2, annotations: [tombstone] }, { version: 2, annotations: [edited] });
        assert.deepEqual(merged.annotations[0].comments, tombstone.comments);
      }),
      { numRuns: 200 },
    );
  });

  it('an approval on one side and a note edit on the other both survive, whatever the times', () => {
    fc.assert(
      fc.property(annotationArb, isoDate, isoDate, text, (original, approvedAt, editedAt, note) => {
        const a = orderedAnnotation({ ...original, review: undefined, author: 'Anna' });
        const base: AnnotationFile = { version: 2, annotations: [a] };
        const approval = { by: 'Ben', at: approvedAt, result: 'approved' as const, status: a.status };
        const approved = orderedAnnotation({ ...a, review: approval, modified: approvedAt });
        const edited = orderedAnnotation({ ...a, note: `${note}!`, modified: editedAt });
        for (const merged of [mergeAnnotationFiles(base, { version: 2, annotations: [approved] }, { version: 2, annotations: [edited] }), mergeAnnotationFiles(base, { version: 2, annotations: [edited] }, { version: 2, annotations: [approved] })]) {
          assert.deepEqual(merged.annotations[0].review, approval);
          assert.equal(merged.annotations[0].note, `${note}!`);
        }
      }),
      { numRuns: 200 },
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
          const session = new ArticleSession(initial, 1, { analysis: 'not an article', maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 });
          session.setAnnotations(store.annotationsOf('a.md'));
          for (const [version, raw] of edits.entries()) {
            const offset = raw.at % (current.length + 1);
            const edit: TextEdit = { offset, deletedLength: Math.min(raw.deleted, current.length - offset), insertedText: raw.inserted };
            current = current.slice(0, offset) + edit.insertedText + current.slice(offset + edit.deletedLength);
            for (const t of tracked) {
              if (!t.position) continue;
              const editEnd = edit.offset + edit.deletedLength;
              if (!(editEnd <= t.position.start || edit.offset >= t.position.end)) t.touched = true;
              t.position = mapPositionThroughEdit(t.position, edit);
            }
            session.edit(version + 2, [edit], current);
          }
          for (const t of tracked) {
            if (t.position) {
              assert.ok(t.position.start >= 0 && t.position.start < t.position.end && t.position.end <= current.length, 'range inside the text');
            }
            if (t.position && !t.touched) {
              assert.equal(current.slice(t.position.start, t.position.end), t.words);
              const placement = session.placements.find((p) => p.annotation.id === t.id);
              assert.deepEqual(placement?.span, t.position);
              assert.equal(placement?.state, 'exact');
              const annotation = store.get(t.id) as Annotation;
              assert.deepEqual(resolveAnchor(current, annotation.quote, t.position), { state: 'exact', ...t.position });
            }
            const span = session.placements.find((p) => p.annotation.id === t.id)?.span;
            if (span) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= current.length, 'a placement stays in the text');
          }
          store.movePositions(new Map(session.placements.flatMap((p) => (p.span && p.state !== 'fuzzy' ? [[p.annotation.id, p.span] as const] : []))));
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
