/**
 * Hypothesis client issue #7571: after the annotated words are edited, fuzzy re-anchoring could jump
 * to a lookalike quote elsewhere, such as a near-identical paragraph that still holds the old words.
 * Here the context (prefix and suffix) decides: the annotation stays on its own paragraph, as
 * `fuzzy`, whether the lookalike comes before or after it, and wherever the position hint points.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeQuote, resolveAll, resolveAnchor, type AnchorResolution } from '../../../src/core/store/anchor';
import { AnnotationPlacements } from '../../../src/core/session/placements';
import { sampleAnnotation } from '../../support/annotations';

const LEAD = 'KI-Wochenrückblick\n\n';
const FIRST = 'Am Montag meldete Alibaba: Das neue Modell übertrifft GPT-4o in 12 von 14 Benchmarks, schreibt der Konzern in seinem Blog.';
const SECOND = 'Am Dienstag bestätigte ein Labor: Das neue Modell übertrifft GPT-4o in 12 von 14 Benchmarks, so die unabhängigen Tester aus Zürich.';
const WORDS = 'Das neue Modell übertrifft GPT-4o in 12 von 14 Benchmarks';
const EDITED = 'Das neue Modell übertrifft GPT-4o in 11 von 14 Benchmarks';

function textAt(text: string, r: AnchorResolution): string | undefined {
  return r.state === 'orphaned' ? undefined : text.slice(r.start, r.end);
}

/** Annotates WORDS in the paragraph `which` of `paragraphs`, edits them there, and resolves in the edited text. */
function annotateEditResolve(paragraphs: string[], which: number, editText: (text: string) => string = (t) => t) {
  const text = LEAD + paragraphs.join('\n\n');
  const paragraphStart = text.indexOf(paragraphs[which]);
  const start = text.indexOf(WORDS, paragraphStart);
  const quote = makeQuote(text, start, start + WORDS.length);
  const editedParagraphs = paragraphs.map((p, i) => (i === which ? p.replace(WORDS, EDITED) : p));
  const edited = editText(LEAD + editedParagraphs.join('\n\n'));
  const expectedStart = edited.indexOf(EDITED);
  return { edited, quote, position: { start, end: start + WORDS.length }, expectedStart };
}

describe('store/anchor: a lookalike paragraph does not take over an edited annotation (Hypothesis #7571)', () => {
  for (const [name, paragraphs, which] of [
    ['annotated paragraph second, lookalike before it', [FIRST, SECOND], 1],
    ['annotated paragraph first, lookalike after it', [FIRST, SECOND], 0],
    ['lookalike repeated three times around it', [FIRST, SECOND, FIRST.replace('Montag', 'Mittwoch')], 1],
  ] as const) {
    it(`${name}: stays on its own paragraph, fuzzy`, () => {
      const { edited, quote, position, expectedStart } = annotateEditResolve([...paragraphs], which);
      const r = resolveAnchor(edited, quote, position);
      assert.equal(r.state, 'fuzzy');
      assert.equal(textAt(edited, r), EDITED);
      assert.equal((r as { start?: number }).start, expectedStart);
    });
  }

  it('also when text inserted above moves the lookalike onto the old position', () => {
    const { edited, quote, position } = annotateEditResolve([FIRST, SECOND], 1, (t) => t.replace(LEAD, LEAD + 'x'.repeat(FIRST.length + 2)));
    // The lookalike's words now sit exactly where the annotated words were.
    assert.ok(Math.abs(edited.indexOf(WORDS) - position.start) < 40);
    const r = resolveAnchor(edited, quote, position);
    assert.equal(r.state, 'fuzzy');
    assert.equal((r as { start?: number }).start, edited.indexOf(EDITED));
  });

  it('resolveAll: the annotation of the lookalike and the edited one each keep their own paragraph', () => {
    const text = `${LEAD}${FIRST}\n\n${SECOND}`;
    const first = text.indexOf(WORDS);
    const second = text.indexOf(WORDS, first + 1);
    const targets = [first, second].map((start) => ({ quote: makeQuote(text, start, start + WORDS.length), position: { start, end: start + WORDS.length } }));
    const edited = `${LEAD}${FIRST}\n\n${SECOND.replace(WORDS, EDITED)}`;
    const [a, b] = resolveAll(edited, targets);
    assert.deepEqual(a, { state: 'exact', start: first, end: first + WORDS.length });
    assert.equal(b.state, 'fuzzy');
    assert.equal((b as { start?: number }).start, edited.indexOf(EDITED));
  });

  it('property: whatever the edit of the words (up to 8 characters), a lookalike sharing the prefix or the suffix never wins', () => {
    const edit = fc.array(fc.tuple(fc.nat(WORDS.length - 1), fc.constantFrom('replace', 'delete', 'insert')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(0, 1), edit, fc.integer({ min: -100, max: 100 }), (shareSuffix, lookalikeFirst, fillerParagraphs, ops, shift) => {
        const prefix = 'Am Montag meldete der Hersteller: ';
        const suffix = ', schreibt der Konzern in seinem Blog.';
        const annotated = prefix + WORDS + suffix;
        const lookalike = shareSuffix ? `Am Dienstag bestätigte ein Labor: ${WORDS}${suffix}` : `${prefix}${WORDS}, so die unabhängigen Tester aus Zürich.`;
        const filler = 'Weitere Meldungen folgen. '.repeat(fillerParagraphs * 3);
        const text = LEAD + (lookalikeFirst ? `${lookalike}\n\n${filler}${annotated}` : `${annotated}\n\n${filler}${lookalike}`);
        const start = text.indexOf(annotated) + prefix.length;
        const quote = makeQuote(text, start, start + WORDS.length);
        const chars = [...WORDS];
        for (const [at, op] of ops) {
          const i = Math.min(at, chars.length - 1);
          if (op === 'replace') chars[i] = 'x';
          else if (op === 'delete') chars.splice(i, 1);
          else chars.splice(i, 0, 'y');
        }
        const edited = text.slice(0, start) + chars.join('') + text.slice(start + WORDS.length);
        const hint = Math.max(0, start + shift);
        const r = resolveAnchor(edited, quote, { start: hint, end: hint + WORDS.length });
        const lookalikeStart = edited.indexOf(WORDS);
        assert.ok(r.state === 'orphaned' || Math.abs(r.start - start) < 10, `went to ${r.state !== 'orphaned' ? r.start : '-'}, the lookalike is at ${lookalikeStart}, its own words at ${start}`);
      }),
      { numRuns: 500 },
    );
  });

  it('words rewritten completely between their own prefix and suffix: the lookalike with the old words does not win', () => {
    const text = `${LEAD}${FIRST}\n\n${SECOND}`;
    const start = text.lastIndexOf(WORDS);
    const quote = makeQuote(text, start, start + WORDS.length);
    const rewritten = 'Ein ganz anderer Satz steht nun hier';
    const edited = text.slice(0, start) + rewritten + text.slice(start + WORDS.length);
    for (const position of [{ start, end: start + WORDS.length }, { start: 0, end: WORDS.length }]) {
      const r = resolveAnchor(edited, quote, position);
      assert.equal(r.state, 'fuzzy', JSON.stringify(position));
      assert.equal(textAt(edited, r), rewritten);
    }
  });

  it('while typing: deleting the annotated words orphans the annotation, typing does not move it to the lookalike, undo brings it back', () => {
    const text = `${LEAD}${FIRST}\n\n${SECOND}`;
    const start = text.lastIndexOf(WORDS);
    const annotation = sampleAnnotation({ article: 'articles/a.md', quote: makeQuote(text, start, start + WORDS.length), position: { start, end: start + WORDS.length } });
    const placements = new AnnotationPlacements();
    placements.sync([annotation], text);
    const stateOf = () => placements.placements[0];
    const deleted = text.slice(0, start) + text.slice(start + WORDS.length);
    placements.edit([{ offset: start, deletedLength: WORDS.length, insertedText: '' }], () => deleted);
    assert.equal(stateOf().state, 'orphaned');
    const typed = deleted.slice(0, start) + 'Neu' + deleted.slice(start);
    placements.edit([{ offset: start, deletedLength: 0, insertedText: 'Neu' }], () => typed);
    assert.equal(stateOf().state, 'orphaned', 'the annotation jumped to the lookalike paragraph');
    const undone = typed.slice(0, start) + WORDS + typed.slice(start + 3);
    placements.edit([{ offset: start, deletedLength: 3, insertedText: WORDS }], () => undone);
    assert.deepEqual({ state: stateOf().state, span: stateOf().span }, { state: 'exact', span: { start, end: start + WORDS.length } });
  });
});
