/**
 * The store's fast paths give exactly what their slow references give (property tests): each fast
 * path exists only for speed (bench/storeDiscussion.ts), never for a different answer.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnnotationFile } from '../../../src/core/store/annotation';
import { parseAnnotationFile } from '../../../src/core/store/file';
import { parseJsonTree } from '../../../src/core/store/jsonTree';
import { annotationArb, fileArb } from '../../support/annotationArbitraries';

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

describe('store fast paths agree with their slow references', () => {
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
