/**
 * The store's fast paths give exactly what their slow references give (property tests): each fast
 * path exists only for speed (bench/storeDiscussion.ts), never for a different answer.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation, AnnotationFile } from '../../../src/core/store/annotation';
import { AnnotationTexts } from '../../../src/core/store/annotationTexts';
import { canonicalAnnotationJson, parseAnnotationFile, serializeAnnotationFile, serializeAnnotationFileKeepingTexts } from '../../../src/core/store/file';
import { jsonEqual } from '../../../src/core/store/jsonEqual';
import { parseAnnotationFileBytes } from '../../../src/core/store/lazyRead';
import { parseJsonTree } from '../../../src/core/store/jsonTree';
import { annotationProblemsInDetail, checkAnnotationFileValue } from '../../../src/core/store/validate';
import { annotationArb, commentArb, fileArb, text } from '../../support/annotationArbitraries';
import { sampleAnnotation } from '../../support/annotations';

/** Strings that look like JSON structure: a suffix after `Absatz 3`, a quoted key, a trailing backslash. */
const trickyText = fc.constantFrom(': weiter', ' : so', '"Zitat": so', 'er sagte \\"x\\": y', 'C:\\', '\\', '"', '",', '{"id": "x"}', 'a": ', '');

/** How a JSON writer other than ours may lay out the same value. */
interface Layout {
  indent: number;
  /** Per key, in order of writing: a space before the colon. */
  spaceBeforeColon: boolean[];
  /** Per key: its first letter written as a \u escape (JSON.parse reads the same name). */
  escapedKey: boolean[];
  /** Write the first key of the n-th object (in order of writing) a second time, if there is one. */
  duplicateIn: number | undefined;
}

/** JSON text of `value` in `layout`; JSON.parse of it gives `value` back unless a key is written twice. */
function writeJson(value: unknown, layout: Layout): string {
  let keyIndex = 0;
  let objectIndex = 0;
  const flag = (flags: boolean[]) => flags[keyIndex % Math.max(1, flags.length)] ?? false;
  const write = (v: unknown, depth: number): string => {
    const pad = layout.indent > 0 ? `\n${' '.repeat(layout.indent * (depth + 1))}` : '';
    const end = layout.indent > 0 ? `\n${' '.repeat(layout.indent * depth)}` : '';
    if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map((item) => `${pad}${write(item, depth + 1)}`).join(',')}${end}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const entries = Object.entries(v as Record<string, unknown>);
    if (objectIndex++ === layout.duplicateIn && entries.length > 0) entries.push(entries[0]);
    const members = entries.map(([key, item]) => {
      const name = flag(layout.escapedKey) ? `"\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}"` : JSON.stringify(key);
      const colon = flag(layout.spaceBeforeColon) ? ' : ' : ': ';
      keyIndex += 1;
      return `${pad}${name}${colon}${write(item, depth + 1)}`;
    });
    return entries.length === 0 ? '{}' : `{${members.join(',')}${end}}`;
  };
  return write(value, 0);
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(0, 2, 4),
  spaceBeforeColon: fc.array(fc.boolean(), { maxLength: 7 }),
  escapedKey: fc.array(fc.boolean(), { maxLength: 7 }),
  duplicateIn: fc.option(fc.nat(40), { nil: undefined }),
});

/** Files whose notes, suffixes and comment bodies look like JSON structure. */
const trickyFileArb: fc.Arbitrary<AnnotationFile> = fc
  .tuple(fc.uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 6 }), fc.array(trickyText, { minLength: 3, maxLength: 3 }))
  .map(([annotations, [note, suffix, body]]) => ({
    version: 2,
    annotations: annotations.map((a) => ({ ...a, note, quote: { ...a.quote, suffix }, ...(a.comments ? { comments: a.comments.map((c) => ({ ...c, body })) } : {}) })),
  }));

/** The slow reference: every key of every object, counted by walking the whole value. */
function keysIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + keysIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, item) => sum + 1 + keysIn(item), 0);
}

describe('store fast paths agree with their slow references', () => {
  it('the validation counts every key of a valid file on its way, as a walk of the whole value does', () => {
    fc.assert(
      fc.property(fc.oneof(fileArb, trickyFileArb), (file) => {
        const value: unknown = JSON.parse(JSON.stringify(file));
        const { problems, keys } = checkAnnotationFileValue(value);
        assert.deepEqual(problems, []);
        assert.equal(keys, keysIn(value));
      }),
      { numRuns: 300 },
    );
  });

  it('an annotation passes the plain check (no problem paths built) exactly when the detailed checks find no problem, with the same keys', () => {
    /** Where a field may be changed: every field of every kind of object an annotation holds. */
    const paths = [
      ...['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author', 'evidence', 'reviewBy', 'articleHash', 'private'],
      ...['assignee', 'review', 'tags', 'resolved', 'history', 'comments', 'mood'],
      ...['quote.exact', 'quote.prefix', 'quote.suffix', 'quote.mood', 'position.start', 'position.end', 'position.mood'],
      ...['history.0', 'history.0.status', 'history.0.at', 'history.0.author', 'history.0.mood', 'history.1'],
      ...['review.by', 'review.at', 'review.result', 'review.status', 'review.note', 'review.mood', 'tags.0', 'tags.1', 'evidence.0', 'evidence.1'],
      ...['comments.0', 'comments.0.id', 'comments.0.at', 'comments.0.body', 'comments.0.edited', 'comments.0.deleted', 'comments.1.id'],
    ];
    const oddValue = fc.constantFrom<unknown>(
      undefined, null, true, 0, -1, 1.5, 2 ** 53, '', 'x', 'verified', 'approved', 'a\nb', 'x'.repeat(51), 'ä'.repeat(33), '😀'.repeat(32),
      '/abs.md', 'a/../b.md', '.git/config', 'ok.md', '2025-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z', '2025-06-30', '2025-06-31',
      'f'.repeat(64), 'F'.repeat(64), [], ['x'], ['x', 'x'], [''], {}, { by: 'A', at: '2025-01-01T00:00:00.000Z', result: 'approved', status: 'verified' },
    );
    /** A copy of `a` with the field at `path` set to `value` (`undefined`: removed), where the objects on the way exist. */
    const changed = (a: Annotation, path: string, value: unknown): unknown => {
      const copy = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
      const steps = path.split('.');
      let at: Record<string, unknown> | undefined = copy;
      for (const step of steps.slice(0, -1)) at = typeof at?.[step] === 'object' && at[step] !== null ? (at[step] as Record<string, unknown>) : undefined;
      const last = steps[steps.length - 1];
      if (at === undefined) return copy;
      if (value === undefined) delete at[last];
      else at[last] = value;
      return copy;
    };
    fc.assert(
      fc.property(annotationArb, fc.array(fc.tuple(fc.constantFrom(...paths), oddValue), { maxLength: 2 }), (a, changes) => {
        const value = changes.reduce<unknown>((v, [path, odd]) => changed(v as Annotation, path, odd), a);
        const detailed = annotationProblemsInDetail(value);
        const checked = checkAnnotationFileValue({ version: 2, annotations: [value] });
        assert.equal(checked.problems.length === 0, detailed.problems.length === 0, JSON.stringify(value));
        if (detailed.problems.length === 0) assert.equal(checked.keys, detailed.keys + 2);
      }),
      { numRuns: 3000 },
    );
  });

  it('the store tells changed annotations by a structural comparison exactly as by their canonical JSON', () => {
    /** A copy of `a` with one field changed, or with its keys in another order, or the same. */
    const variantArb = (a: Annotation) =>
      fc.oneof(
        fc.constant(JSON.parse(JSON.stringify(a)) as Annotation),
        fc.constant(Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation),
        text.map((note) => ({ ...a, note })),
        fc.constant({ ...a, position: { end: a.position.end, start: a.position.start } }),
        commentArb.map((c) => ({ ...a, comments: [...(a.comments ?? []), c] })),
        fc.constant(a.comments ? { ...a, comments: a.comments.map((c) => ({ ...c, body: `${c.body}.` })) } : { ...a, resolved: true }),
      );
    fc.assert(
      fc.property(annotationArb.chain((a) => fc.tuple(fc.constant(a), variantArb(a))), ([a, b]) => {
        assert.equal(jsonEqual(a, b), canonicalAnnotationJson(a) === canonicalAnnotationJson(b));
      }),
      { numRuns: 500 },
    );
  });

  it('a store that keeps its annotations\' texts writes the same bytes as serialising the whole file, save after save', () => {
    /** What a save may bring: each annotation kept (the same object), changed (a new one, maybe out of file order), or removed; new ones added. */
    const stepArb = fc.record({ fates: fc.array(fc.constantFrom('keep', 'keep', 'keep', 'change', 'reorder', 'remove'), { maxLength: 12 }), added: fc.uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 3 }), note: text });
    fc.assert(
      fc.property(fileArb, fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (written, steps, lazily) => {
        const texts = new AnnotationTexts();
        // Read back by the lazy reader, the annotations hold their threads as bytes (heldThreads.ts).
        const first = lazily ? (parseAnnotationFileBytes(Buffer.from(serializeAnnotationFile(written), 'utf8')) as { file: AnnotationFile }).file : written;
        let file = first;
        assert.equal(serializeAnnotationFileKeepingTexts(file, texts), serializeAnnotationFile(file));
        for (const { fates, added, note } of steps) {
          const kept = file.annotations.flatMap((a, i) => {
            const fate = fates[i] ?? 'keep';
            if (fate === 'remove') return [];
            if (fate === 'change') return [{ ...a, note }];
            if (fate === 'reorder') return [Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation];
            return [a];
          });
          const ids = new Set(kept.map((a) => a.id));
          file = { version: file.version, annotations: [...kept, ...added.filter((a) => !ids.has(a.id))] };
          assert.equal(serializeAnnotationFileKeepingTexts(file, texts), serializeAnnotationFile(file));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('comments of a long thread (a Set of ids) and a short one (a look back) report a repeated id alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(commentArb, { selector: (c) => c.id, minLength: 1, maxLength: 40 }), fc.nat(), (comments, pick) => {
        const repeated = [...comments, { ...comments[pick % comments.length] }];
        const problems = checkAnnotationFileValue({ version: 2, annotations: [{ ...sampleAnnotation(), comments: repeated }] }).problems;
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, /duplicates the id of comments\[\d+\]/);
        assert.deepEqual(checkAnnotationFileValue({ version: 2, annotations: [{ ...sampleAnnotation(), comments }] }).problems, []);
      }),
      { numRuns: 200 },
    );
  });

  it('duplicate keys: the key count finds one exactly when the strict tree parser does, whatever the layout', () => {
    fc.assert(
      fc.property(fc.oneof(fileArb, trickyFileArb), layoutArb, (file, layout) => {
        const text = writeJson(file, layout);
        let treeSaysDuplicate = false;
        try {
          parseJsonTree(text);
        } catch {
          treeSaysDuplicate = true;
        }
        const parsed = parseAnnotationFile(text);
        assert.equal(parsed.kind === 'invalid', treeSaysDuplicate, `${parsed.kind}: ${text.slice(0, 300)}`);
        if (parsed.kind === 'invalid') assert.match(parsed.problems[0].message, /Duplicate key/);
      }),
      { numRuns: 400 },
    );
  });
});
