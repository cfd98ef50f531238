import assert from 'node:assert/strict';
import { makeQuote, mapPositionThroughEdit, resolveAll, resolveAnchor, type AnchorResolution } from '../../../src/core/store/anchor';
import type { TextPosition } from '../../../src/core/store/annotation';

/** Where `needle` first occurs in `text` (must occur). */
function rangeOf(text: string, needle: string, from = 0): TextPosition {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `"${needle}" not in text`);
  return { start, end: start + needle.length };
}

function textAt(text: string, r: AnchorResolution): string | undefined {
  return r.state === 'orphaned' ? undefined : text.slice(r.start, r.end);
}

const ARTICLE = [
  'Alibaba hat am Mittwoch Qwen 2.5 vorgestellt.',
  'Das Modell übertrifft laut Hersteller GPT-4o in 12 von 14 Benchmarks.',
  'Unabhängige Tests stehen noch aus; Fachleute mahnen zur Vorsicht.',
  'Der Konzern investiert 2025 rund 53 Milliarden US-Dollar in KI-Infrastruktur.',
].join('\n');

describe('store/anchor: makeQuote', () => {
  it('takes the exact words and up to 32 characters of context on each side', () => {
    const r = rangeOf(ARTICLE, 'in 12 von 14 Benchmarks');
    const q = makeQuote(ARTICLE, r.start, r.end);
    assert.equal(q.exact, 'in 12 von 14 Benchmarks');
    assert.equal(q.prefix, ARTICLE.slice(r.start - 32, r.start));
    assert.equal(q.suffix, ARTICLE.slice(r.end, r.end + 32));
  });

  it('keeps shorter context at the edges of the text', () => {
    const q = makeQuote('kurz', 0, 4);
    assert.deepEqual(q, { exact: 'kurz', prefix: '', suffix: '' });
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}Qwen${'🚀'.repeat(20)}`;
    const r = rangeOf(text, 'Qwen');
    const q = makeQuote(text, r.start, r.end);
    assert.equal(q.prefix, '😀'.repeat(16));
    assert.equal(q.suffix, '🚀'.repeat(16));
    // An odd cut: 33 code units before the quote would start inside a pair.
    const odd = `x${text}`;
    const q2 = makeQuote(odd, r.start + 1, r.end + 1);
    assert.ok(!/^[\udc00-\udfff]/.test(q2.prefix) && !/[\ud800-\udbff]$/.test(q2.suffix));
  });

  it('stores CRLF line breaks as LF', () => {
    const text = 'Zeile eins\r\nZeile zwei\r\nZeile drei';
    const r = rangeOf(text, 'eins\r\nZeile zwei');
    const q = makeQuote(text, r.start, r.end);
    assert.equal(q.exact, 'eins\nZeile zwei');
    assert.equal(q.prefix, 'Zeile ');
    assert.equal(q.suffix, '\nZeile drei');
  });
});

describe('store/anchor: mapPositionThroughEdit', () => {
  const range = { start: 10, end: 20 };
  const edit = (offset: number, deletedLength: number, insertedText: string) => ({ offset, deletedLength, insertedText });

  it('shifts a range after an edit before it', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(2, 3, 'abcdef')), { start: 13, end: 23 });
    assert.deepEqual(mapPositionThroughEdit(range, edit(2, 8, '')), { start: 2, end: 12 });
  });

  it('leaves a range alone for an edit after it', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(25, 3, 'x')), range);
    assert.deepEqual(mapPositionThroughEdit(range, edit(20, 3, '')), range);
  });

  it('keeps text inserted exactly at the start or the end outside the range', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(10, 0, 'abc')), { start: 13, end: 23 });
    assert.deepEqual(mapPositionThroughEdit(range, edit(20, 0, 'abc')), range);
  });

  it('grows or shrinks with edits strictly inside', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(15, 0, 'abc')), { start: 10, end: 23 });
    assert.deepEqual(mapPositionThroughEdit(range, edit(12, 5, 'x')), { start: 10, end: 16 });
    assert.deepEqual(mapPositionThroughEdit(range, edit(10, 2, 'xyz')), { start: 10, end: 21 });
  });

  it('keeps what survives when an edit overlaps one end', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(5, 10, 'ab')), { start: 7, end: 12 });
    assert.deepEqual(mapPositionThroughEdit(range, edit(15, 10, 'ab')), { start: 10, end: 15 });
  });

  it('takes the new text when exactly the range is replaced', () => {
    assert.deepEqual(mapPositionThroughEdit(range, edit(10, 10, '43 %')), { start: 10, end: 14 });
  });

  it('returns null when the whole range is deleted, or replaced together with text around it', () => {
    assert.equal(mapPositionThroughEdit(range, edit(10, 10, '')), null);
    assert.equal(mapPositionThroughEdit(range, edit(5, 20, '')), null);
    assert.equal(mapPositionThroughEdit(range, edit(5, 20, 'a new paragraph')), null);
  });
});

describe('store/anchor: resolveAnchor', () => {
  const claim = 'in 12 von 14 Benchmarks';
  const at = rangeOf(ARTICLE, claim);
  const quote = makeQuote(ARTICLE, at.start, at.end);

  it('exact: the quote is still at its position', () => {
    assert.deepEqual(resolveAnchor(ARTICLE, quote, at), { state: 'exact', start: at.start, end: at.end });
  });

  it('moved: text inserted before it (found unchanged elsewhere)', () => {
    const edited = `Eilmeldung: Neue Zahlen.\n\n${ARTICLE}`;
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'moved');
    assert.equal(textAt(edited, r), claim);
    assert.equal(r.start, at.start + 26);
  });

  it('moved: paragraphs reordered', () => {
    const lines = ARTICLE.split('\n');
    const edited = [lines[3], lines[2], lines[1], lines[0]].join('\n');
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'moved');
    assert.deepEqual(r.start, edited.indexOf(claim));
  });

  it('fuzzy: the words changed a little (status needs a second look)', () => {
    const edited = ARTICLE.replace('in 12 von 14 Benchmarks', 'in 11 von 14 Benchmarks');
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'fuzzy');
    assert.equal(textAt(edited, r), 'in 11 von 14 Benchmarks');
  });

  it('fuzzy: the words changed and moved far away', () => {
    const edited = `${'Vorspann mit viel Text. '.repeat(200)}${ARTICLE.replace('12 von 14', 'zwölf von 14')}`;
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'fuzzy');
    assert.equal(textAt(edited, r), 'in zwölf von 14 Benchmarks');
  });

  it('orphaned: the sentence was deleted', () => {
    const edited = ARTICLE.replace('Das Modell übertrifft laut Hersteller GPT-4o in 12 von 14 Benchmarks.\n', '');
    assert.deepEqual(resolveAnchor(edited, quote, at), { state: 'orphaned' });
  });

  it('orphaned: a short quote without its context is not guessed', () => {
    const text = 'Umsatz: 42 Prozent mehr als im Vorjahr.';
    const r = rangeOf(text, '42 Prozent');
    const q = makeQuote(text, r.start, r.end);
    const unrelated = 'Ganz anderer Text, in dem 43 Punkte vorkommen, aber kein Umsatz.';
    assert.equal(resolveAnchor(unrelated, q, r).state, 'orphaned');
  });

  it('a pasted copy of the quote elsewhere does not win over the original place (exact original)', () => {
    // The copy is pasted near the top, before the original, which therefore moves.
    const edited = ARTICLE.replace('Alibaba hat', `Zitat: ${claim}. Alibaba hat`);
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'moved');
    assert.equal(r.start, edited.indexOf(claim, edited.indexOf('GPT-4o')));
  });

  it('a pasted exact copy does not win over the original place when only the context identifies it (edited original)', () => {
    // Original slightly edited; an exact copy with foreign context is pasted closer to the old position.
    const edited = ARTICLE.replace('in 12 von 14 Benchmarks', 'in 12 von 15 Benchmarks').replace('Alibaba hat am', `Siehe: ${claim}. Alibaba hat am`);
    const r = resolveAnchor(edited, quote, at);
    assert.equal(r.state, 'fuzzy');
    assert.equal(textAt(edited, r), 'in 12 von 15 Benchmarks');
    assert.equal(r.start, edited.indexOf('in 12 von 15'));
  });

  it('with two exact copies, the one with the right context wins even when the other is nearer the old position', () => {
    const text = 'A: Das Ergebnis ist beeindruckend, sagt der Analyst. B: Das Ergebnis ist beeindruckend, meint die Kritikerin.';
    const r = rangeOf(text, 'Das Ergebnis ist beeindruckend', 40);
    const q = makeQuote(text, r.start, r.end);
    // Shift the text so that the first copy now sits just before where the second one was.
    const edited = `${'x'.repeat(r.start - 5)}A: Das Ergebnis ist beeindruckend, sagt der Analyst. B: Das Ergebnis ist beeindruckend, meint die Kritikerin.`;
    const found = resolveAnchor(edited, q, r);
    assert.equal(found.state, 'moved');
    assert.equal(found.start, edited.lastIndexOf('Das Ergebnis'));
  });

  it('CRLF: exact in a CRLF text, and found across a change of line endings', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const spanning = rangeOf(crlf, 'Benchmarks.\r\nUnabhängige');
    const q = makeQuote(crlf, spanning.start, spanning.end);
    assert.equal(q.exact, 'Benchmarks.\nUnabhängige');
    assert.deepEqual(resolveAnchor(crlf, q, spanning), { state: 'exact', ...spanning });
    // A teammate's LF checkout: found, one code unit earlier per line break before it.
    const r = resolveAnchor(ARTICLE, q, spanning);
    assert.equal(r.state, 'moved');
    assert.equal(textAt(ARTICLE, r), 'Benchmarks.\nUnabhängige');
    // Annotated in LF, resolved in CRLF: the range covers the CR too.
    const lfRange = rangeOf(ARTICLE, 'Benchmarks.\nUnabhängige');
    const r2 = resolveAnchor(crlf, makeQuote(ARTICLE, lfRange.start, lfRange.end), lfRange);
    assert.equal(r2.state, 'moved');
    assert.equal(textAt(crlf, r2), 'Benchmarks.\r\nUnabhängige');
  });

  it('CRLF: fuzzy matches map back to CRLF offsets', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const r0 = rangeOf(crlf, 'rund 53 Milliarden');
    const q = makeQuote(crlf, r0.start, r0.end);
    const edited = crlf.replace('rund 53 Milliarden', 'rund 52 Milliarden');
    const r = resolveAnchor(edited, q, r0);
    assert.equal(r.state, 'fuzzy');
    assert.equal(textAt(edited, r), 'rund 52 Milliarden');
  });

  it('emoji before the quote: offsets are UTF-16 code units', () => {
    const r0 = rangeOf(ARTICLE, claim);
    const withEmoji = ARTICLE.replace('Alibaba hat', '🚀🇨🇳 Alibaba hat');
    const r = resolveAnchor(withEmoji, quote, r0);
    assert.equal(r.state, 'moved');
    assert.equal(r.start, r0.start + '🚀🇨🇳 '.length);
    assert.equal(textAt(withEmoji, r), claim);
  });

  it('emoji inside the quote: exact, moved and fuzzy', () => {
    const text = 'Die Reaktion im Netz: 🔥🔥 begeisterte Nutzer 😀 und skeptische Stimmen.';
    const r0 = rangeOf(text, '🔥🔥 begeisterte Nutzer 😀');
    const q = makeQuote(text, r0.start, r0.end);
    assert.deepEqual(resolveAnchor(text, q, r0), { state: 'exact', ...r0 });
    const moved = `👋 ${text}`;
    const r1 = resolveAnchor(moved, q, r0);
    assert.equal(r1.state, 'moved');
    assert.equal(textAt(moved, r1), '🔥🔥 begeisterte Nutzer 😀');
    const changed = text.replace('😀', '😎');
    const r2 = resolveAnchor(changed, q, r0);
    assert.equal(r2.state, 'fuzzy');
    assert.equal(textAt(changed, r2), '🔥🔥 begeisterte Nutzer 😎');
  });

  it('a stored position beyond the end of a shortened text is only a hint', () => {
    const r = resolveAnchor(claim, quote, { start: 5000, end: 5023 });
    assert.deepEqual(r, { state: 'moved', start: 0, end: claim.length });
  });

  it('without approximate search, only unchanged words are found', () => {
    const edited = ARTICLE.replace('12 von 14', '11 von 14');
    assert.equal(resolveAnchor(edited, quote, at, { approximate: false }).state, 'orphaned');
  });
});

describe('store/anchor: resolveAll', () => {
  it('resolves many annotations in the order given, learning the shift from neighbours', () => {
    const sentences = Array.from({ length: 50 }, (_, i) => `Satz ${i} behauptet, dass Modell ${i * 7} genau ${i * 3} Punkte erreicht.`);
    const text = sentences.join(' ');
    const targets = sentences.map((s, i) => {
      const r = rangeOf(text, `Modell ${i * 7} genau ${i * 3} Punkte`, text.indexOf(s));
      return { quote: makeQuote(text, r.start, r.end), position: r };
    });
    const edited = `Vorbemerkung. ${text.replace('Modell 70 genau 30', 'Modell 70 fast 30')}`;
    const reversed = [...targets].reverse();
    const results = resolveAll(edited, reversed);
    results.forEach((r, j) => {
      const i = targets.length - 1 - j;
      if (i === 10) {
        assert.equal(r.state, 'fuzzy');
        assert.equal(textAt(edited, r), 'Modell 70 fast 30 Punkte');
      } else {
        assert.equal(r.state, 'moved', `annotation ${i}`);
        assert.equal(textAt(edited, r), targets[i].quote.exact);
      }
    });
  });

  it('gives the same answers as resolveAnchor one by one', () => {
    const text = ARTICLE;
    const targets = ['Qwen 2.5', 'GPT-4o', 'Unabhängige Tests', '53 Milliarden'].map((w) => {
      const r = rangeOf(text, w);
      return { quote: makeQuote(text, r.start, r.end), position: r };
    });
    const edited = text.replace('Qwen 2.5', 'Qwen 2.5 Max').replace('Unabhängige', 'Unabhängig durchgeführte');
    assert.deepEqual(
      resolveAll(edited, targets),
      targets.map((t) => resolveAnchor(edited, t.quote, t.position)),
    );
  });
});

describe('store/anchor: common words', () => {
  it('finds a one-word annotation late in a long text full of the same word', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `Die KI von Firma ${i} ist neu.`).join(' ');
    const text = `${filler} Am Ende sagt die Studie: KI bleibt ein Werkzeug, kein Orakel.`;
    const r0 = rangeOf(text, 'KI bleibt');
    const q = makeQuote(text, r0.start, r0.start + 2);
    // Far beyond the nearby search: the place must be found among thousands of occurrences.
    const preface = 'Vorwort ohne das Kürzel. '.repeat(200);
    const edited = `${preface}${text}`;
    const r = resolveAnchor(edited, q, { start: r0.start, end: r0.start + 2 });
    assert.equal(r.state, 'moved');
    assert.equal(r.start, r0.start + preface.length);
  });
});
