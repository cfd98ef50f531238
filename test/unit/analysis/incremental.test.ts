import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultLexicon, IncrementalAnalyzer, warmUpEditPath } from '../../../src/core/analysis';
import { commonPrefix, commonSuffix, spliced } from '../../../src/core/analysis/analyzer';
import { PieceText } from '../../../src/core/pieceText';
import { assertExactSpans } from './helpers';
import { naivePrefix, naiveSuffix } from '../../support/naiveCompare';
import { random } from '../../support/random';

const SEEDS = join(__dirname, '../../../../seeds');

const PIECES = ['e', ' ', '\n', '\n\n', '.', '5', '17 Prozent ', 'Nvidia ', '```\n', '- ', '# ', '<div>', '`', '[', '  ', 'The '];

describe('analysis: IncrementalAnalyzer', () => {
  it('finishes a keystroke in its first slice when the other units on screen are analysed already, however long', () => {
    // The pace estimate once stopped before an analysed long paragraph below the edited one, so
    // every keystroke's first slice was unfinished and its findings were rebuilt, not spliced.
    const text = Array.from({ length: 400 }, (_, i) => `Der Konzern investierte ${i} Milliarden Dollar in Rechenzentren, teilte er am Dienstag mit.`).join('\n\n');
    const analyzer = new IncrementalAnalyzer({});
    analyzer.analyze(text);
    assert.equal(analyzer.update(`x${text}`, { priority: [{ start: 0, end: 2000 }], deadline: performance.now() - 1 }), true);
  });

  it('splices lists of any length (a large paste, Undo after Replace All): no RangeError from spread arguments', () => {
    const old = Array.from({ length: 10 }, (_, i) => i);
    const put = Array.from({ length: 200_000 }, (_, i) => 100 + i);
    const result = spliced(old, 3, 5, put);
    assert.equal(result.length, 10 - 2 + 200_000);
    assert.deepEqual([result[2], result[3], result[200_002], result[200_003]], [2, 100, 200_099, 5]);
    assert.deepEqual(spliced(old, 3, 5, [7, 8, 9]), [0, 1, 2, 7, 8, 9, 5, 6, 7, 8, 9]);
  });

  const lexicon = defaultLexicon();
  const seed = readFileSync(join(SEEDS, '003_99335840e0870e45.txt'), 'utf8');
  const markdown = '---\ntitle: x\n---\n\n# Nvidia\n\nLaut Reuters fiel die Aktie um 17 Prozent.\nAlibaba legte zu.\n\n```\ncode 5\n```\n\n- Punkt 1\n- Punkt 2\n\n' + seed.slice(0, 1500);

  for (const [name, start] of [['a seed', seed], ['Markdown with a seed', markdown]] as const) {
    it(`gives the same result as analyze() after random edits (${name})`, function () {
      this.timeout(20000);
      const next = random(name.length);
      const analyzer = new IncrementalAnalyzer({ lexicon });
      let text = start;
      analyzer.analyze(text);
      for (let edit = 0; edit < 40; edit++) {
        const at = Math.floor(next() * (text.length + 1));
        const r = next();
        if (r < 0.45) text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
        else if (r < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        else text = text.slice(0, at) + text.slice(at + 40) + text.slice(at, at + 40);
        const incremental = analyzer.analyze(text);
        assert.deepEqual(incremental, analyze(text, { lexicon }), `after edit ${edit} at ${at}`);
        assertExactSpans(text, incremental.findings);
      }
    });
  }

  it('gives the same result as analyze() when the text is held in pieces: windows after an edit, fences and front matter that move every block after them', function () {
    this.timeout(60000);
    const next = random(5);
    const analyzer = new IncrementalAnalyzer({ lexicon });
    // Larger than a piece and than the first window after an edit; a '---' line mid-text is no front matter.
    const pieces = [...PIECES, '---\n', '\n---\n', '~~~\n', '<pre>\n', '    '];
    let text = `${markdown}\n\n---\n\n${seed}\n\n${seed.replace(/\n\n/g, '\n\n\n')}\n\n${seed.slice(0, 3000)}`;
    let held = PieceText.of(text);
    analyzer.update(held);
    for (let edit = 0; edit < 40; edit++) {
      const offset = Math.floor(next() * (text.length + 1));
      const r = next();
      const change = r < 0.6
        ? { offset, deletedLength: 0, insertedText: pieces[Math.floor(next() * pieces.length)] }
        : { offset, deletedLength: Math.min(text.length - offset, 1 + Math.floor(next() * (r < 0.9 ? 3 : 200))), insertedText: '' };
      text = text.slice(0, offset) + change.insertedText + text.slice(offset + change.deletedLength);
      held = held.withEdits([change]);
      analyzer.update(held);
      const incremental = analyzer.result();
      assert.deepEqual(incremental, analyze(text, { lexicon }), `after edit ${edit} at ${offset}`);
      assertExactSpans(text, incremental.findings);
    }
  });

  it('reads front matter in pieces as a whole-text analysis does when its closing line lies beyond the window after an edit', () => {
    const body = readFileSync(join(SEEDS, '000_a3906dffcfde8554.txt'), 'utf8');
    // A thematic break far below: typing "---" and Enter at the top makes everything up to it front matter.
    const typed = `Titel der Meldung\n\n${body}\n\n---\n\n${body}`;
    // Deleting front matter's closing line makes the same break, far below, close it.
    const closed = `---\ntitle: KI\npublished: 2024-03-01\n---\n\n${body}\n\n---\n\n${body}`;
    const cases = [
      { text: typed, edits: ['-', '-', '-', '\n'].map((insertedText, i) => ({ offset: i, deletedLength: 0, insertedText })) },
      { text: closed, edits: [{ offset: closed.indexOf('\n---\n') + 1, deletedLength: 4, insertedText: '' }] },
    ];
    for (const { text: start, edits } of cases) {
      const analyzer = new IncrementalAnalyzer({ lexicon });
      let held = PieceText.of(start);
      let text = start;
      analyzer.update(held);
      for (const edit of edits) {
        held = held.withEdits([edit]);
        text = text.slice(0, edit.offset) + edit.insertedText + text.slice(edit.offset + edit.deletedLength);
        analyzer.update(held);
        assert.deepEqual(analyzer.result(), analyze(text, { lexicon }));
      }
    }
  });

  it('splices the findings of an edit into the last result exactly as a full assembly would, learned names included', function () {
    this.timeout(20000);
    const next = random(7);
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const pieces = ['Kai-Fu Lee sagte, das sei gut.\n', 'Lee ', 'x', '\n\n', ' 14. April ', '.', 'Derzeit wächst Alibaba um 12 Prozent.\n'];
    let text = `${seed.slice(0, 3000)}\n\nKai-Fu Lee sagte, das sei gut.\n\n${seed.slice(3000, 6000)}\n\nLee wächst um 12 Prozent.`;
    analyzer.analyze(text);
    let timeSensitive = 0;
    for (let edit = 0; edit < 40; edit++) {
      const at = Math.floor(next() * (text.length + 1));
      text = next() < 0.6 ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 30));
      // Now and then two versions between two results: the next result is assembled whole.
      if (next() < 0.2) analyzer.update(text.slice(0, -1));
      const incremental = analyzer.analyze(text);
      assert.deepEqual(incremental, analyze(text, { lexicon }), `after edit ${edit} at ${at}`);
      // The claim lists are spliced alongside: the claims of the result, and those with time-sensitive wording.
      const claims = incremental.findings.filter((f) => f.kind === 'claim');
      const lists = analyzer.claimsSoFar();
      assert.deepEqual(lists.claims, claims, `claims after edit ${edit}`);
      assert.deepEqual(lists.timeSensitive, claims.filter((c) => c.timeSensitive.length > 0), `time-sensitive claims after edit ${edit}`);
      assert.ok(lists.claims.every((c, i) => c === claims[i]), 'the same objects as in the result');
      timeSensitive += lists.timeSensitive.length;
    }
    assert.ok(timeSensitive > 0, 'some claims had time-sensitive wording');
  });

  it('follows edits that switch the article language back and forth', () => {
    const english = 'OpenAI said on Tuesday that the new model was trained on 20,000 GPUs, and the company expects revenue to double this year.\n\n';
    const analyzer = new IncrementalAnalyzer({ lexicon });
    let text = seed;
    analyzer.analyze(text);
    const at = seed.indexOf('\n\n') + 2;
    for (let round = 0; round < 2; round++) {
      // English three times as long as the German seed: the article is English by any measure.
      text = text.slice(0, at) + english.repeat(Math.ceil((3 * seed.length) / english.length)) + text.slice(at);
      const switched = analyzer.analyze(text);
      assert.equal(switched.language, 'en');
      assert.deepEqual(switched, analyze(text, { lexicon }));
      text = seed;
      const back = analyzer.analyze(text);
      assert.equal(back.language, 'de');
      assert.deepEqual(back, analyze(text, { lexicon }));
    }
  });

  it('warms up the edit path on any text, leaving other analyzers alone', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const before = structuredClone(analyzer.analyze(seed));
    for (const text of ['', 'x', '\n\n', 'Nvidia', seed, seed.replace(/\n/g, ' '), '```\ncode\n'.repeat(500)]) {
      warmUpEditPath(text, { lexicon });
    }
    assert.deepEqual(analyzer.analyze(seed), before);
    const edited = seed.replace('Alibaba', 'Alibaba Cloud');
    assert.deepEqual(analyzer.analyze(edited), analyze(edited, { lexicon }));
  });

  it('reads front matter again when text is typed before it (it is front matter only at the start)', () => {
    const body = readFileSync(join(SEEDS, '000_a3906dffcfde8554.txt'), 'utf8').slice(0, 3000);
    const text = `---\n${body}\n---\n\nDanach kommt der Text. OpenAI investiert 10 Milliarden Dollar.\n`;
    const analyzer = new IncrementalAnalyzer({});
    analyzer.analyze(text);
    const edited = `\n\n${text}`;
    const whole = analyze(edited).findings;
    assert.ok(whole.some((f) => f.kind === 'number' && f.start < body.length), 'the former front matter has findings of its own');
    assert.deepEqual(analyzer.analyze(edited).findings, whole);
  });

  it('reuses results when nothing changed and after undo', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const first = analyzer.analyze(seed);
    assert.deepEqual(analyzer.analyze(seed), first);
    const edited = seed.replace('Alibaba', 'Alibaba Cloud');
    assert.deepEqual(analyzer.analyze(edited), analyze(edited, { lexicon }));
    assert.deepEqual(analyzer.analyze(seed), first);
  });
});

describe('analysis: common prefix and suffix of two versions', () => {

  it('agree with a character-by-character comparison, differences at and around chunk boundaries', () => {
    const next = random(7);
    const base = Array.from({ length: 70_000 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
    const places = [0, 1, 1023, 1024, 1025, 2047, 2048, 3071, 4096, 12_345, 32_768, 65_535, 69_999, 70_000];
    for (let k = 0; k < 60; k++) places.push(Math.floor(next() * base.length));
    for (const at of places) {
      for (const edited of [base.slice(0, at) + 'É' + base.slice(at), base.slice(0, at) + base.slice(at + 1), base.slice(0, at)]) {
        const prefix = commonPrefix(base, edited);
        assert.equal(prefix, naivePrefix(base, edited), `prefix, change at ${at}`);
        const limit = Math.min(base.length, edited.length) - prefix;
        assert.equal(commonSuffix(base, edited, limit), naiveSuffix(base, edited, limit), `suffix, change at ${at}`);
      }
    }
    assert.equal(commonPrefix(base, base), base.length);
    assert.equal(commonSuffix(base, base, base.length), base.length);
  });
});

describe('analysis: IncrementalAnalyzer in slices', () => {
  const lexicon = defaultLexicon();
  const seeds = ['000_a3906dffcfde8554.txt', '003_99335840e0870e45.txt', '004_4d0229219e58456e.txt'].map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const article = seeds.join('\n\n');

  it('analyses the priority range first and nothing else when the deadline has passed', () => {
    const full = analyze(article, { lexicon }).findings;
    const claim = full.find((f) => f.kind === 'claim' && f.start > article.length / 2)!;
    const middle = { start: claim.start, end: claim.end };
    const analyzer = new IncrementalAnalyzer({ lexicon });
    // The first call splits the text and then keeps to its deadline; the next one analyses the priority range.
    assert.equal(analyzer.update(article, { priority: [middle], deadline: 0 }), false);
    assert.equal(analyzer.update(article, { priority: [middle], deadline: 0 }), false);
    assert.equal(analyzer.isAnalysed([middle]), true);
    const partial = analyzer.result().findings;
    assert.ok(partial.some((f) => f.kind === 'claim' && f.start === claim.start && f.end === claim.end), 'the claim in the priority range');
    assert.ok(partial.length < full.length / 2, `only a part is analysed (${partial.length} of ${full.length})`);
    // Whatever was analysed is already in its final place.
    const fullKeys = new Set(full.map((f) => `${f.kind}|${f.start}|${f.end}|${f.text}`));
    for (const f of partial) if (f.kind !== 'entity') assert.ok(fullKeys.has(`${f.kind}|${f.start}|${f.end}|${f.text}`), `${f.kind} ${f.text}`);
  });

  it('finishes in repeated slices with the same result as a full analysis', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    let slices = 1;
    while (!analyzer.update(article, { deadline: 0 })) slices++;
    assert.ok(slices > 3, `one block per slice when the deadline has passed (${slices} slices)`);
    assert.deepEqual(analyzer.result(), analyze(article, { lexicon }));
  });

  it('follows edits made while it is still unfinished', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    analyzer.update(article, { deadline: 0 });
    analyzer.update(article, { deadline: 0 });
    const edited = article.slice(0, 5000) + 'Laut Reuters stieg der Umsatz um 12 Prozent.\n\n' + article.slice(5000).replace('Alibaba', 'Tencent');
    while (!analyzer.update(edited, { deadline: 0 }));
    assert.deepEqual(analyzer.result(), analyze(edited, { lexicon }));
  });

  // Many short paragraphs: many blocks to split, little to analyse.
  const large = Array.from({ length: 400 }, (_, i) => `Laut Reuters stieg der Umsatz von Alibaba im Quartal ${i} um ${(i % 90) + 2} Prozent, sagte der Konzern.`).join('\n\n');

  it('splits a large article in slices too, analyses nothing before the split is whole, and keeps to the deadline of the call that completes it', () => {
    const full = analyze(large, { lexicon });
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const priority = [{ start: 100, end: 101 }];
    let calls = 0;
    do {
      assert.equal(analyzer.update(large, { priority, deadline: 0 }), false);
      assert.equal(analyzer.result().findings.length, 0, 'nothing analysed while splitting');
      calls++;
    } while (analyzer.isSplitting);
    assert.ok(calls > 3, `the split took ${calls} calls`);
    assert.equal(analyzer.isAnalysed(priority), false, 'the call that completes the split analyses nothing after its deadline');
    analyzer.update(large, { priority, deadline: 0 });
    assert.equal(analyzer.isAnalysed(priority), true);
    const first = analyzer.result().findings;
    assert.ok(first.length > 0 && first.every((f) => f.end > 0 && f.start < 200), 'the next call analyses the priority range first');
    while (!analyzer.update(large, { deadline: 0 }));
    assert.deepEqual(analyzer.result(), full);
  });

  it('finds what lies under an offset as the whole result has it, without assembling the rest', () => {
    // "Kai-Fu Lee" teaches a name that the last paragraph uses on its own.
    const text = `${large}\n\nKai-Fu Lee sagte, das sei gut.\n\nLee wächst am 14. April um 12 Prozent, sagte der Konzern.`;
    const full = analyze(text, { lexicon }).findings;
    const offsets = [100, text.indexOf('Lee wächst'), text.indexOf('14. April'), text.indexOf('12 Prozent'), text.length - 3, text.indexOf('\n\n') + 1];
    for (const offset of offsets) {
      const expected = full.filter((f) => (f.start === f.end ? offset === f.start : f.start <= offset && offset < f.end));
      const analyzer = new IncrementalAnalyzer({ lexicon });
      analyzer.update(text);
      assert.deepEqual(analyzer.findingsAt(offset), expected, `at ${offset}, before assembling`);
      analyzer.result();
      assert.deepEqual(analyzer.findingsAt(offset), expected, `at ${offset}, after assembling`);
    }
    assert.ok(full.some((f) => f.kind === 'entity' && f.start === offsets[1] && f.reasons?.includes('rule: named so elsewhere in the article')), 'the learned name is found');
  });

  it('answers for the priority range in one call when asked to (priorityNow), and restarts a split when the text changes', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    assert.equal(analyzer.update(large, { deadline: 0 }), false);
    const edited = 'Laut Reuters stieg der Umsatz um 12 Prozent.\n\n' + large;
    assert.equal(analyzer.update(edited, { priority: [{ start: 0, end: 1 }], deadline: 0, priorityNow: true }), false);
    assert.ok(analyzer.result().findings.some((f) => f.kind === 'number' && f.text === '12 Prozent'), 'the priority range of the new text');
    while (!analyzer.update(edited, { deadline: 0 }));
    assert.deepEqual(analyzer.result(), analyze(edited, { lexicon }));
  });

  it('answers for the priority range (priorityNow) without analysing the next unit in order, and finds the same after', () => {
    // A hover on an analysed unit while the rest is analysed in the background: the unit in order
    // after the last slice may be one seen for the first time, tens of milliseconds in the hover's turn.
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const found = (): number => analyzer.result().findings.length;
    while (analyzer.isSplitting || found() === 0) analyzer.update(large, { deadline: 0 });
    const before = found();
    assert.equal(analyzer.update(large, { priority: [{ start: 0, end: 1 }], deadline: 0, priorityNow: true }), false);
    assert.equal(found(), before, 'no other unit analysed');
    assert.equal(analyzer.update(large, { deadline: 0 }), false);
    assert.ok(found() > before, 'the background analysis goes on');
    while (!analyzer.update(large, { deadline: 0 }));
    assert.deepEqual(analyzer.result(), analyze(large, { lexicon }));
  });

  it('keeps an edit\'s splice when a hover elsewhere (priorityNow) comes before the edit is analysed', () => {
    // The light bulb asks on a resting cursor, often before the debounce: the edit's findings are
    // still spliced in (one call), not assembled again over every unit.
    const analyzer = new IncrementalAnalyzer({ lexicon });
    analyzer.analyze(large);
    const edited = `x${large}`;
    const far = edited.length - 10;
    assert.equal(analyzer.update(edited, { priority: [{ start: far, end: far + 1 }], deadline: 0, priorityNow: true }), true);
    assert.equal(analyzer.assembleUntil(0), true, 'spliced in one call');
    assert.deepEqual(analyzer.result(), analyze(edited, { lexicon }));
  });

  it('assembles in parts with a deadline, one batch per call, exactly as in one go, learned names and dates included', () => {
    const text = `${large}\n\nKai-Fu Lee sagte am 14. April, das sei gut.\n\nLee wächst um 12 Prozent, sagte der Konzern.`;
    const dated = ` date 2025-03 \n\n${text}`;
    for (const article of [text, dated]) {
      const analyzer = new IncrementalAnalyzer({ lexicon });
      analyzer.update(article);
      let calls = 1;
      while (!analyzer.assembleUntil(0)) calls++;
      assert.ok(calls > 3, `a batch of units per call once the deadline has passed (${calls} calls)`);
      assert.equal(analyzer.assembleUntil(0), true, 'nothing left to assemble');
      assert.deepEqual(analyzer.result(), analyze(article, { lexicon }));
    }
  });

  it('drops an assembly under way when the text changes or more is analysed, and assembles the new state', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    analyzer.update(large);
    assert.equal(analyzer.assembleUntil(0), false);
    // An edit after the part already placed, and one in it.
    const edited = large.slice(0, 20) + 'Alibaba ' + large.slice(20, large.length - 50) + ' Tencent sagte 7 Prozent.' + large.slice(large.length - 50);
    analyzer.update(edited);
    while (!analyzer.assembleUntil(0));
    assert.deepEqual(analyzer.result(), analyze(edited, { lexicon }));
    // A partial analysis assembled in part, then more analysed in slices, assembled in parts between them.
    const sliced = new IncrementalAnalyzer({ lexicon });
    while (!sliced.update(article, { deadline: 0 })) sliced.assembleUntil(0);
    while (!sliced.assembleUntil(0));
    assert.deepEqual(sliced.result(), analyze(article, { lexicon }));
  });

  it('reports complete at once when the text has not changed', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    const first = analyzer.analyze(article);
    assert.equal(analyzer.update(article, { deadline: 0 }), true);
    assert.equal(analyzer.result(), first);
  });
});

describe('analysis: dates without a year', () => {
  const lexicon = defaultLexicon();
  const body = 'Am 14. April stellte Alibaba das Modell Qwen 3 vor. Laut Reuters stieg die Aktie um 5 Prozent.\n';
  const dateOf = (findings: readonly { kind: string; type: string | null; text: string }[]): unknown =>
    (findings.find((f) => f.kind === 'number' && f.type === 'date' && f.text.startsWith('14.')) as { value?: unknown } | undefined)?.value;

  it('take the year of the article date', () => {
    assert.equal(dateOf(analyze(` date 2025-04 ${body}`, { lexicon }).findings), '2025-04-14');
    assert.equal(dateOf(analyze(body, { lexicon }).findings), null);
  });

  it('follow a change of the article date in the incremental analyzer', () => {
    const analyzer = new IncrementalAnalyzer({ lexicon });
    assert.equal(dateOf(analyzer.analyze(` date 2025-04 ${body}`).findings), '2025-04-14');
    assert.equal(dateOf(analyzer.analyze(` date 2024-04 ${body}`).findings), '2024-04-14');
    assert.equal(dateOf(analyzer.analyze(body).findings), null);
  });
});
