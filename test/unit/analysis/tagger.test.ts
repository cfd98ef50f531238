import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenize } from '../../../src/core/analysis';
import { findModelsDir, modelsIn, shippedModels } from '../../../src/core/analysis/models';
import { T, describeFeature, emitFeatures, emitWordFeatures, featureHash, longShape, shortShape, viewOf, type WordContext } from '../../../src/core/analysis/tagger/features';
import { decodeTagger, FINE_WEIGHT_RANGE } from '../../../src/core/analysis/tagger/model';
import { gazetteerOf, tagEntities, trimEdges, wordContext, type TaggedSpan } from '../../../src/core/analysis/tagger/tagSentence';
import { combineEntities } from '../../../src/core/analysis/tagger/combine';
import type { EntityFinding, NumberFinding } from '../../../src/core/analysis';
import { trainTagger, type TrainingSequence } from '../../../src/core/analysis/tagger/train';
import { roughSentenceStarts, tagWords, type TagWord } from '../../../src/core/analysis/tagger/words';
import { PartScores } from '../../../src/core/analysis/tagger/partScores';
import { NameLists } from '../../../src/core/analysis/tagger/nameLists';
import { defaultLexicon, findEntities, type Language } from '../../../src/core/analysis';
import { distinctArticle } from '../../../bench/distinctText';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TaggerModel } from '../../../src/core/analysis/tagger/model';
import { random } from '../../support/random';

/** A training sentence from "word/TAG" pairs; untagged words are O. */
function sequence(marked: string): TrainingSequence {
  const parts = marked.split(' ').map((p) => p.split('/'));
  const text = parts.map(([w]) => w).join(' ');
  const tokens = tokenize(text);
  const words = tagWords(tokens, text, roughSentenceStarts(tokens));
  assert.equal(words.length, parts.length, `one unit per word in ${text}`);
  return { words, context: wordContext(words.map(() => ''), 'de'), gold: parts.map(([, tag]) => tag ?? 'O') };
}

/** A toy language: the word after "Herr" is a person, the word after "in" is a place. */
const TOY = [
  'Herr Abel/B-person kam gestern in Bernau/B-place an',
  'Gestern war Herr Bodo/B-person in Cottbus/B-place',
  'In Dessau/B-place traf Herr Carlo/B-person Freunde',
  'Herr Dirk/B-person wohnt in Erfurt/B-place',
  'Die Stadt Gera/B-place liegt fern und Herr Emil/B-person auch',
  'Herr Fritz/B-person fuhr in Hagen/B-place los',
].map(sequence);
const OPTIONS = { language: 'de', types: ['person', 'place'], epochs: 6, seed: 7, minCount: 1, pruneBelow: 0 };

function typedSpans(text: string, model: ReturnType<typeof trainTagger>): string[] {
  const tokens = tokenize(text);
  return tagEntities(model, tokens, text, roughSentenceStarts(tokens), []).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

describe('analysis: entity tagger', () => {
  it('learns a toy pattern from a tiny corpus and applies it to names it never saw', () => {
    const model = trainTagger(TOY, OPTIONS);
    assert.deepEqual(typedSpans('Morgen ist Herr Zoltan in Quedlinburg', model), ['person:Zoltan', 'place:Quedlinburg']);
  });

  it('trains deterministically: the same corpus and seed give the same bytes, another seed may not', () => {
    const a = trainTagger(TOY, OPTIONS).toBytes();
    const b = trainTagger(TOY, OPTIONS).toBytes();
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
  });

  it('only decodes the tags seen in its training data', () => {
    const model = trainTagger(TOY, { ...OPTIONS, types: ['person', 'org', 'place', 'product'] });
    assert.deepEqual(model.tags, ['O', 'B-person', 'I-person', 'B-place', 'I-place']);
  });

  it('round-trips through its file format and rejects other bytes with a clear message', () => {
    const model = trainTagger(TOY, OPTIONS);
    const copy = decodeTagger(model.toBytes());
    assert.deepEqual(typedSpans('Herr Zoltan kam', copy), typedSpans('Herr Zoltan kam', model));
    assert.throws(() => decodeTagger(new TextEncoder().encode('not a model at all')), /not an entity tagger model/);
    const bytes = model.toBytes();
    assert.throws(() => decodeTagger(bytes.subarray(0, bytes.length - 3)), /header promises/);
  });

  it('explains each span with its strongest feature and a probability', () => {
    const model = trainTagger(TOY, OPTIONS);
    const text = 'Herr Zoltan kam';
    const tokens = tokenize(text);
    const [span] = tagEntities(model, tokens, text, [0], []);
    assert.ok(span.confidence > 0 && span.confidence <= 1, String(span.confidence));
    assert.match(span.reason, /after "herr"|written like a name|capitalised/);
  });
});

describe('analysis: entity tagger with 16-bit weights', () => {
  /** The weights of every feature of a model, as quantised, by feature hash (one array of tags each). */
  function quantised(model: TaggerModel, hashes: Iterable<number>): number[][] {
    return [...hashes].map((h) => model.tags.map((_, t) => model.weight(h, t)));
  }

  /** Every feature hash the toy corpus emits. */
  function toyHashes(): Set<number> {
    const out = new Set<number>();
    for (const seq of TOY) {
      const view = viewOf(seq.words);
      seq.words.forEach((_, i) => emitFeatures(view, i, seq.context, (template, a, b) => out.add(featureHash(template, a, b))));
    }
    return out;
  }

  it('keeps the small weights that 8 bits round to 0, rounds the others as 8 bits do, and learns the toy pattern', () => {
    const coarse = trainTagger(TOY, OPTIONS);
    const fine = trainTagger(TOY, { ...OPTIONS, weightRange: FINE_WEIGHT_RANGE });
    assert.equal(coarse.header.weightBytes, undefined, 'an 8-bit model is written as before');
    assert.equal(fine.header.weightBytes, 2);
    const hashes = toyHashes();
    const small = quantised(fine, hashes).flat().filter((w) => w !== 0 && Math.abs(w) * 254 < FINE_WEIGHT_RANGE);
    assert.ok(small.length > 0, 'the toy model has weights under 1/254 of its largest');
    // Every 16-bit weight, in 8-bit steps, is within one step of the 8-bit weight.
    const ratio = coarse.header.scale / fine.header.scale;
    const coarseWeights = quantised(coarse, hashes);
    quantised(fine, hashes).forEach((row, k) => row.forEach((w, t) => assert.ok(Math.abs(w / ratio - coarseWeights[k][t]) <= 1, `feature ${k}, tag ${t}`)));
    assert.deepEqual(typedSpans('Morgen ist Herr Zoltan in Quedlinburg', fine), ['person:Zoltan', 'place:Quedlinburg']);
  });

  it('round-trips a 16-bit model through its file, and reads an 8-bit file as before', () => {
    const fine = trainTagger(TOY, { ...OPTIONS, weightRange: FINE_WEIGHT_RANGE });
    const bytes = fine.toBytes();
    const copy = decodeTagger(bytes);
    assert.equal(copy.header.weightBytes, 2);
    assert.deepEqual(quantised(copy, toyHashes()), quantised(fine, toyHashes()));
    assert.deepEqual(Buffer.from(copy.toBytes()), Buffer.from(bytes));
    const coarse = trainTagger(TOY, OPTIONS);
    assert.deepEqual(quantised(decodeTagger(coarse.toBytes()), toyHashes()), quantised(coarse, toyHashes()));
    assert.throws(() => decodeTagger(bytes.subarray(0, bytes.length - 2)), /header promises/);
  });

  it('refuses a 16-bit file whose weights the tagger\'s 16-bit memo could not sum', () => {
    const bytes = trainTagger(TOY, { ...OPTIONS, weightRange: FINE_WEIGHT_RANGE }).toBytes();
    const model = decodeTagger(bytes);
    // The last weight of the file, set past the range (a file written by another tool, or damaged).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const last = bytes.length - 2;
    assert.ok(model.header.nameLists === undefined, 'the toy model ends with its weights');
    view.setInt16(last, FINE_WEIGHT_RANGE + 1, true);
    assert.throws(() => decodeTagger(bytes), /more than the 1023 the tagger can sum/);
    view.setInt16(last, -FINE_WEIGHT_RANGE, true);
    assert.doesNotThrow(() => decodeTagger(bytes));
  });

  it('refuses a weight range that the tagger\'s 16-bit memo could not sum', () => {
    assert.throws(() => trainTagger(TOY, { ...OPTIONS, weightRange: FINE_WEIGHT_RANGE + 1 }), /weightRange must be a whole number from 1 to/);
    assert.throws(() => trainTagger(TOY, { ...OPTIONS, weightRange: 0 }), /weightRange/);
  });

  it('sums no more features into one memo vector than FINE_WEIGHT_RANGE allows without overflow', () => {
    // A word that sets off every word feature: capitalised, all capitals, a hyphen, a given name, a
    // German noun, in three name lists (the most any word of the shipped lists is in).
    const text = 'ANNA-HAUS';
    const tokens = tokenize(text);
    const words = tagWords(tokens, text, [0]);
    const context: WordContext = { gazetteer: [''], isGivenName: () => true, isGermanNoun: () => true, nameListsOf: () => ['place-home3', 'surname', 'given'] };
    let count = 1; // and T.Initial, summed into the same vector
    emitWordFeatures(viewOf(words), 0, context, () => count++);
    assert.ok(count * FINE_WEIGHT_RANGE <= 32767, `${count} features of up to ${FINE_WEIGHT_RANGE}`);
  });
});

describe('analysis: tagger features', () => {
  it('keeps hyphenated compounds and glued versions one unit, and splits off punctuation', () => {
    const text = 'Der SPD-Kanzlerkandidat (Bush\'s Freund) lobte GPT-4o, sagte Merkel.';
    const tokens = tokenize(text);
    assert.deepEqual(tagWords(tokens, text, [0]).map((w) => w.text), ['Der', 'SPD-Kanzlerkandidat', '(', "Bush's", 'Freund', ')', 'lobte', 'GPT-4o', ',', 'sagte', 'Merkel', '.']);
  });

  it('marks the first word of each sentence', () => {
    const text = 'Er kam. Dann ging Anna.';
    const tokens = tokenize(text);
    assert.deepEqual(tagWords(tokens, text, roughSentenceStarts(tokens)).filter((w) => w.initial).map((w) => w.text), ['Er', 'Dann']);
  });

  it('describes word shapes', () => {
    assert.equal(shortShape('GPT-4o'), 'X-dx');
    assert.equal(shortShape('iPhone'), 'xXx');
    assert.equal(longShape('Merkel'), 'Xxxxx');
    assert.equal(longShape('2024'), 'dddd');
  });

  it('emits neighbours, the gazetteer, given names and German noun-ness', () => {
    const text = 'sagte Regierung Angela Merkel';
    const tokens = tokenize(text);
    const words = tagWords(tokens, text, [0]);
    const context: WordContext = wordContext(['', '', 'B-person rule', 'I-person rule'], 'de');
    const seen = (i: number): string[] => {
      const out: string[] = [];
      emitFeatures(viewOf(words), i, context, (template, a, b) => out.push(`${T[template]}=${a}${b === undefined ? '' : `|${b}`}`));
      return out;
    };
    assert.ok(seen(1).includes('GermanNoun='), 'Regierung is a common noun');
    assert.ok(seen(1).includes('Prev=sagte'));
    assert.ok(seen(2).includes('GivenName='));
    assert.ok(seen(2).includes('PrevAndWord=regierung|Xx'), 'the word before and this word\'s shape');
    assert.ok(seen(2).includes('Gazetteer=B-person rule'));
    assert.ok(seen(3).includes('PrevGazetteer=B-person rule'));
    assert.ok(!seen(3).includes('GermanNoun='), 'Merkel is not a common noun');
  });
});

describe('analysis: tagger span edges', () => {
  /** What trimEdges did with two regular expressions before it read the two ends itself. */
  function trimmedByExpressions(text: string, start: number, end: number): [number, number] {
    const inner = text.slice(start, end);
    const lead = /^[^\p{L}\p{N}]*/u.exec(inner)?.[0].length ?? 0;
    const trail = /[^\p{L}\p{N}+#)]*$/u.exec(inner.slice(lead))?.[0].length ?? 0;
    return [start + lead, end - trail];
  }

  it('cuts quotes, brackets and dots at a span\'s edges and keeps "+", "#" and ")" at its end', () => {
    const text = '„Ecce homo“ (C++) C# ...';
    assert.deepEqual(trimEdges(text, 0, 11), [1, 10]);
    assert.deepEqual(trimEdges(text, 12, 17), [13, 17]);
    assert.deepEqual(trimEdges(text, 18, 20), [18, 20]);
    assert.deepEqual(trimEdges(text, 21, 24), [24, 24]);
  });

  it('cuts what the regular expressions cut, on random spans with accents, digits, marks and surrogate pairs (lone ones too)', () => {
    const pieces = ['a', 'Z', '7', 'ä', 'ß', '½', '٣', '"', '„', '“', '(', ')', '+', '#', '.', '-', ' ', '\u0301', '😀', '𝐀', '\ud835', '\udc00', '中', '’'];
    const next = random(11);
    const below = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = below(9);
      for (let k = 0; k < length; k++) text += pieces[below(pieces.length)];
      const start = below(text.length + 1);
      const end = start + below(text.length - start + 1);
      assert.deepEqual(trimEdges(text, start, end), trimmedByExpressions(text, start, end), JSON.stringify({ text, start, end }));
    }
  });
});

describe('analysis: model files', () => {
  it('finds the shipped models folder from the bundle and reads the taggers lazily', () => {
    const dir = findModelsDir();
    assert.ok(dir, 'models/ above the test bundle');
    const models = modelsIn(dir);
    const de = models.entityTagger('de');
    const en = models.entityTagger('en');
    assert.ok(de && en, JSON.stringify(models.problems));
    assert.equal(de.header.language, 'de');
    assert.ok(en.tags.includes('B-product'));
    assert.ok(!de.tags.includes('B-product'), 'GermEval has no product type');
    assert.equal(models.entityTagger('de'), de, 'read once');
    assert.ok(shippedModels().languageModel());
  });

  it('reports a missing or broken model file and leaves the rules alone in charge', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-models-'));
    writeFileSync(join(dir, 'entities-de.bin'), 'garbage');
    const models = modelsIn(dir);
    assert.equal(models.entityTagger('de'), null);
    assert.equal(models.entityTagger('en'), null);
    assert.equal(models.languageModel(), null);
    assert.equal(models.problems.length, 3);
    assert.match(models.problems[0], /entities-de\.bin: not an entity tagger model/);
    assert.match(models.problems[1], /entities-en\.bin: missing/);
  });
});

describe('analysis: rules and tagger combined', () => {
  const text = 'Laut Reuters lobte Grammatik-Fan Zoltan Berg den Euro bei Quantaflux.';
  const at = (surface: string) => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length });
  const rule = (surface: string, type: EntityFinding['type'], reason: string): EntityFinding => ({ kind: 'entity', type, ...at(surface), text: surface, canonical: surface, reasons: [reason] });
  const tagged = (surface: string, type: EntityFinding['type']): TaggedSpan => ({ ...at(surface), type, confidence: 0.9, reason: 'after "lobte"' });
  /** A finding or span over `surface` in `sentence` (its first occurrence). */
  const over = (sentence: string, surface: string) => ({ start: sentence.indexOf(surface), end: sentence.indexOf(surface) + surface.length });
  const rule2 = (sentence: string, surface: string, type: EntityFinding['type'], reason: string): EntityFinding => ({ kind: 'entity', type, ...over(sentence, surface), text: surface, canonical: surface, reasons: [reason] });

  it('keeps the lexicon, lets the tagger decide over guessing rules, and drops figure words', () => {
    const combined = combineEntities(
      [rule('Reuters', 'outlet', 'lexicon'), rule('Quantaflux', 'org', 'rule: capitalised words')],
      [tagged('Reuters', 'org'), tagged('Zoltan Berg', 'person'), tagged('Euro', 'other')],
      [], text, 'de',
    ).entities;
    assert.deepEqual(combined.map((f) => `${f.type}:${f.text}:${f.reasons?.[0]}`), [
      'outlet:Reuters:lexicon',
      'person:Zoltan Berg:tagger: after "lobte", 90 %',
    ]);
    assert.equal(combined[1].confidence, 0.9);
  });

  it('does not take a lone German common noun for a name', () => {
    const sentence = 'Die Regierung lobte Zoltan.';
    const spans: TaggedSpan[] = ['Regierung', 'Zoltan'].map((w) => ({ start: sentence.indexOf(w), end: sentence.indexOf(w) + w.length, type: 'person', confidence: 0.9, reason: '' }));
    assert.deepEqual(combineEntities([], spans, [], sentence, 'de').entities.map((f) => f.text), ['Zoltan']);
    assert.deepEqual(combineEntities([], spans, [], sentence, 'en').entities.map((f) => f.text), ['Regierung', 'Zoltan']);
  });

  it('leaves a compound on a head of place names and surnames to the tagger ("Finnland", "Darmstadt", "Lehmann"), but not "Regierung" or "Land"', () => {
    const sentence = 'In Finnland, Darmstadt und Gelsenkirchen sprach Lehmann, nicht die Regierung oder das Land.';
    const words = ['Finnland', 'Darmstadt', 'Gelsenkirchen', 'Lehmann', 'Regierung', 'Land'];
    const spans: TaggedSpan[] = words.map((w) => ({ ...over(sentence, w), type: 'place', confidence: 0.9, reason: '' }));
    assert.deepEqual(combineEntities([], spans, [], sentence, 'de').entities.map((f) => f.text), ['Finnland', 'Darmstadt', 'Gelsenkirchen', 'Lehmann']);
  });

  const count = (sentence: string, surface: string, type: NumberFinding['type'] = 'count'): NumberFinding => ({ kind: 'number', type, value: null, ...over(sentence, surface), text: surface });
  const span = (sentence: string, surface: string, type: EntityFinding['type']): TaggedSpan => ({ ...over(sentence, surface), type, confidence: 0.9, reason: '' });

  it('lets a name carry its count or number word ("A 7", "Irmingard Achter"), and gives way to every other figure', () => {
    const sentence = 'Auf der A 7 lobte Irmingard Achter 600 Milliarden Dollar und das Jahr 1970, Bobick kam unter die Top 10.';
    const numbers = [
      count(sentence, '7'), count(sentence, 'Achter', 'rank'), { ...count(sentence, '600 Milliarden Dollar', 'money'), unit: 'USD' }, count(sentence, '1970', 'year'),
      count(sentence, '10'),
    ];
    const spans = [
      span(sentence, 'A 7', 'place'), span(sentence, 'Irmingard Achter', 'person'), span(sentence, 'Dollar', 'other'), span(sentence, 'Jahr 1970', 'other'),
      span(sentence, 'Bobick kam unter die Top 10', 'person'),
    ];
    const combined = combineEntities([], spans, numbers, sentence, 'de');
    assert.deepEqual(combined.entities.map((f) => f.text), ['A 7', 'Irmingard Achter']);
    assert.deepEqual(combined.numbers.map((n) => n.text), ['600 Milliarden Dollar', '1970', '10']);
  });

  it('lets a span that extends one finding by name words replace it ("Borussia Dortmund"), but not by a German word, a compound or after a genitive', () => {
    const sentence = 'Borussia Dortmund, SPD-Kanzlerkandidat, Europaminister Uwe Döring und Chinas Aufstieg.';
    const rules = [rule2(sentence, 'Dortmund', 'place', 'lexicon'), rule2(sentence, 'SPD', 'org', 'lexicon'), rule2(sentence, 'Uwe Döring', 'person', 'rule: given name and surname'), rule2(sentence, 'Chinas', 'place', 'lexicon')];
    const spans = [span(sentence, 'Borussia Dortmund', 'org'), span(sentence, 'SPD-Kanzlerkandidat', 'org'), span(sentence, 'Europaminister Uwe Döring', 'person'), span(sentence, 'Chinas Aufstieg', 'place')];
    assert.deepEqual(combineEntities(rules, spans, [], sentence, 'de').entities.map((f) => `${f.type}:${f.text}`), ['org:Borussia Dortmund', 'org:SPD', 'person:Uwe Döring', 'place:Chinas']);
  });

  it('types an English "person" written in capitals or with capitals inside ("MATLAB", "NumPy") a product, but not "McCarthy" or "LeCun"', () => {
    const sentence = 'MATLAB and NumPy were written by McCarthy, LeCun, Abel and R. Jones.';
    const spans = ['MATLAB', 'NumPy', 'McCarthy', 'LeCun', 'Abel', 'R. Jones'].map((w) => span(sentence, w, 'person'));
    const typed = (language: Language) => combineEntities([], spans, [], sentence, language).entities.map((f) => `${f.type}:${f.text}`);
    assert.deepEqual(typed('en'), ['product:MATLAB', 'product:NumPy', 'person:McCarthy', 'person:LeCun', 'person:Abel', 'person:R. Jones']);
    assert.deepEqual(typed('de').slice(0, 2), ['person:MATLAB', 'person:NumPy'], 'German is left as the tagger typed it');
    const [matlab, , mccarthy] = combineEntities([], spans, [], sentence, 'en').entities;
    assert.deepEqual([matlab.reasons?.length, mccarthy.reasons?.length], [2, 1], 'the retyping says why');
    assert.match(matlab.reasons?.[1] ?? '', /product, not a person/);
  });

  it('repairs German tagger spans: split at a comma, cut after a name before nouns or function words, "St ." joined with its name', () => {
    const sentence = 'Justin , Alex und Moein von dem Ergebnis sahen Hitlers Vizekanzler in St . Goar und St. Johann Baptist, nicht Christoph Ellebrecht.';
    const spans = [
      span(sentence, 'Justin , Alex', 'person'), span(sentence, 'Moein von dem Ergebnis', 'person'), span(sentence, 'Hitlers Vizekanzler', 'person'),
      span(sentence, 'St', 'place'), span(sentence, 'St.', 'place'), span(sentence, 'Johann Baptist', 'place'), span(sentence, 'Christoph Ellebrecht', 'person'),
    ];
    const found = (language: Language) => combineEntities([], spans, [], sentence, language).entities.map((f) => `${f.type}:${f.text}`);
    assert.deepEqual(found('de'), [
      'person:Justin', 'person:Alex', 'person:Moein', 'person:Hitlers', 'place:St . Goar', 'place:St. Johann Baptist',
      'person:Christoph Ellebrecht', // no lower-case word after it and no genitive: "-recht" is no noun here
    ]);
    assert.deepEqual(found('en'), ['person:Justin , Alex', 'person:Moein von dem Ergebnis', 'person:Hitlers Vizekanzler', 'place:St', 'place:St.', 'place:Johann Baptist', 'person:Christoph Ellebrecht'], 'English spans are left as tagged');
  });

  it('keeps German names whole that the repairs once cut: a given name ending in -s, a particle, a listed surname; drops a clause rest after a comma; leaves titles whole', () => {
    const sentence = 'Klaus Kleber, Thomas Müller, Ursula von der Leyen, Heinrich von Pierer und Urs Hofmann lasen „Ein Mann suchte Amerika, doch er konnte es nirgends finden“ und Sinnvoll schreiben , trennen , Zeichen setzen.';
    const spans = [
      span(sentence, 'Klaus Kleber', 'person'), span(sentence, 'Thomas Müller', 'person'), span(sentence, 'Ursula von der Leyen', 'person'),
      span(sentence, 'Heinrich von Pierer', 'person'), span(sentence, 'Urs Hofmann', 'person'), span(sentence, 'Amerika, doch er konnte es nirgends finden', 'place'),
      span(sentence, 'Sinnvoll schreiben , trennen , Zeichen setzen', 'other'),
    ];
    // "Urs" is no given name of the guards' list: the model's name lists know him, and "Hofmann" as a surname.
    const lists = new NameLists('Urs\tgiven\nHofmann\tsurname\n');
    const found = combineEntities([], spans, [], sentence, 'de', lists).entities.map((f) => `${f.type}:${f.text}`);
    assert.deepEqual(found, [
      'person:Klaus Kleber', 'person:Thomas Müller', 'person:Ursula von der Leyen', 'person:Heinrich von Pierer', 'person:Urs Hofmann',
      'place:Amerika', 'other:Sinnvoll schreiben , trennen , Zeichen setzen',
    ]);
    const withoutLists = combineEntities([], [span(sentence, 'Urs Hofmann', 'person')], [], sentence, 'de').entities.map((f) => f.text);
    assert.deepEqual(withoutLists, ['Urs'], 'without the lists, "Urs" reads as a genitive before a noun-like word');
  });

  it('leaves an org or place span ending in a noun whole ("Bundesamt für Gesundheit") and a name with a lower-case particle ("Ali al-Nuaimi")', () => {
    const sentence = 'Das Bundesamt für Gesundheit lud Ali al-Nuaimi und Constantin Boss Eichinger ein.';
    const spans = [span(sentence, 'Bundesamt für Gesundheit', 'org'), span(sentence, 'Ali al-Nuaimi', 'person'), span(sentence, 'Constantin Boss Eichinger', 'person')];
    assert.deepEqual(combineEntities([], spans, [], sentence, 'de').entities.map((f) => f.text), ['Bundesamt für Gesundheit', 'Ali al-Nuaimi', 'Constantin Boss Eichinger']);
  });

  it('keeps the finding inside a span that is refused as a name ("Dollar General": a figure word first)', () => {
    const sentence = 'Shares of Dollar General and Borussia Dortmund fell.';
    const rules = [rule2(sentence, 'General', 'org', 'lexicon'), rule2(sentence, 'Dortmund', 'place', 'lexicon')];
    const spans = [span(sentence, 'Dollar General', 'org'), span(sentence, 'Borussia Dortmund', 'org')];
    assert.deepEqual(combineEntities(rules, spans, [], sentence, 'en').entities.map((f) => `${f.type}:${f.text}`), ['org:General', 'org:Borussia Dortmund']);
  });
});

/** data/corpora, found upwards from the bundled test. */
function corpora(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'corpora', 'ner'))) return join(dir, 'data', 'corpora');
  }
  throw new Error(`data/corpora not found above ${__dirname}`);
}

/** Real paragraphs of a language with what the tagger reads: its units and the rules' findings as gazetteer. */
function realBlocks(language: Language, size: number): { words: TagWord[]; gazetteer: string[] }[] {
  const lexicon = defaultLexicon();
  return distinctArticle(language, size, corpora()).split('\n\n').map((text) => {
    const tokens = tokenize(text);
    const starts = roughSentenceStarts(tokens);
    const words = tagWords(tokens, text, starts);
    return { words, gazetteer: gazetteerOf(words, findEntities(tokens, text, language, lexicon, starts).findings) };
  });
}

/** The scores feature by feature, as training sees them: every feature of emitFeatures hashed and looked up. */
function referenceScores(model: TaggerModel, words: TagWord[], context: WordContext): Float64Array {
  const n = model.tags.length;
  const view = viewOf(words);
  const out = new Float64Array(words.length * n);
  for (let i = 0; i < words.length; i++) emitFeatures(view, i, context, (template, a, b) => model.add(featureHash(template, a, b), out, i * n));
  return out;
}

describe('analysis: tagger part scores', () => {
  for (const language of ['de', 'en'] as const) {
    it(`sums exactly the weights of every feature, word by word, on real ${language} text (learning and remembering)`, () => {
      const model = shippedModels().entityTagger(language);
      assert.ok(model);
      const blocks = realBlocks(language, 40_000);
      // Small limits, so that the memo also starts afresh between blocks.
      const parts = new PartScores(model, { words: 2_000, pairs: 3_000 });
      let words = 0;
      for (const pass of [1, 2]) {
        for (const block of blocks) {
          const context = wordContext(block.gazetteer, language, model.nameLists);
          parts.beginBlock();
          const memo = parts.wordsOf(block.words, context);
          const fast = parts.scores(block.words, memo, block.gazetteer);
          assert.deepEqual(Array.from(fast), Array.from(referenceScores(model, block.words, context)), `pass ${pass}: ${block.words.map((w) => w.text).join(' ').slice(0, 80)}`);
          words += block.words.length;
        }
      }
      assert.ok(words > 10_000, String(words));
    });
  }

  it('gives each span the reason that emitFeatures gives: the first feature with the most weight for its tag', () => {
    for (const language of ['de', 'en'] as const) {
      const model = shippedModels().entityTagger(language);
      assert.ok(model);
      const lexicon = defaultLexicon();
      let spans = 0;
      for (const text of distinctArticle(language, 30_000, corpora()).split('\n\n')) {
        const tokens = tokenize(text);
        const starts = roughSentenceStarts(tokens);
        const rules = findEntities(tokens, text, language, lexicon, starts).findings;
        const words = tagWords(tokens, text, starts);
        const view = viewOf(words);
        const context = wordContext(gazetteerOf(words, rules), language, model.nameLists);
        for (const span of tagEntities(model, tokens, text, starts, rules)) {
          const i = words.findIndex((w) => w.end > span.start);
          const tag = model.tags.indexOf(`B-${span.type}`);
          let best = '';
          let bestWeight = 0;
          emitFeatures(view, i, context, (template, a, b) => {
            const weight = template === T.Bias ? 0 : model.weight(featureHash(template, a, b), tag);
            if (weight > bestWeight) [best, bestWeight] = [describeFeature(template, a), weight];
          });
          assert.equal(span.reason, best || 'its context', `${language}: ${text.slice(span.start, span.end)}`);
          spans++;
        }
      }
      assert.ok(spans > 100, `${language}: ${spans} spans`);
    }
  });

  it('adds exactly the weights of the previous-tag features', () => {
    const model = shippedModels().entityTagger('de');
    assert.ok(model);
    const parts = new PartScores(model);
    const text = 'Laut Angela Merkel kam GPT-4o am 3. Mai nach Köln , sagte „ Der Spiegel “ .';
    const words = tagWords(tokenize(text), text, [0]);
    const { shapes } = parts.wordsOf(words, wordContext(words.map(() => ''), 'de'));
    const n = model.tags.length;
    const history = [-1, ...model.tags.keys()];
    for (let w = 0; w < words.length; w++) {
      for (const p2 of history) {
        for (const p1 of history) {
          const fast = new Float64Array(n);
          parts.addTransitions(fast, 0, p2, p1, shapes[w]);
          const reference = new Float64Array(n);
          const name = (t: number): string => (t < 0 ? '<s>' : model.tags[t]);
          model.add(featureHash(T.PrevTag, name(p1)), reference);
          model.add(featureHash(T.PrevTwoTags, name(p2), name(p1)), reference);
          model.add(featureHash(T.PrevTagShape, name(p1), shortShape(words[w].text)), reference);
          assert.deepEqual(Array.from(fast), Array.from(reference), `${words[w].text} after ${name(p2)} ${name(p1)}`);
        }
      }
    }
  });
});
