import assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/analysis';
import { allowedTransition, bioToBilou, schemeTagSet } from '../../../src/core/analysis/tagger/tagScheme';
import { decodeTagger, TaggerModel } from '../../../src/core/analysis/tagger/model';
import { tagEntities, wordContext } from '../../../src/core/analysis/tagger/tagSentence';
import { trainTagger, type TrainingSequence } from '../../../src/core/analysis/tagger/train';
import { roughSentenceStarts, tagWords } from '../../../src/core/analysis/tagger/words';
import { T, featureHash } from '../../../src/core/analysis/tagger/features';

/** A training sentence from "word/TAG" pairs (BIO); untagged words are O. */
function sequence(marked: string): TrainingSequence {
  const parts = marked.split(' ').map((p) => p.split('/'));
  const text = parts.map(([w]) => w).join(' ');
  const tokens = tokenize(text);
  const words = tagWords(tokens, text, roughSentenceStarts(tokens));
  assert.equal(words.length, parts.length, `one unit per word in ${text}`);
  return { words, context: wordContext(words.map(() => ''), 'de'), gold: parts.map(([, tag]) => tag ?? 'O') };
}

/** A toy language: "Herr" and one or two names is a person, the word after "in" a place. */
const TOY = [
  'Herr Abel/B-person Hahn/I-person kam gestern in Bernau/B-place an',
  'Gestern war Herr Bodo/B-person in Cottbus/B-place',
  'In Dessau/B-place traf Herr Carlo/B-person Imhof/I-person Freunde',
  'Herr Dirk/B-person Jansen/I-person wohnt in Erfurt/B-place',
  'Die Stadt Gera/B-place liegt fern und Herr Emil/B-person auch',
  'Herr Fritz/B-person Keller/I-person fuhr in Hagen/B-place los',
  'Herr Gustav/B-person kam in Ilmenau/B-place an',
  'Heute ist Herr Hugo/B-person in Jena/B-place',
].map(sequence);
const OPTIONS = { language: 'de', types: ['person', 'place'], epochs: 6, seed: 7, minCount: 1, pruneBelow: 0 };

function typedSpans(text: string, model: TaggerModel): string[] {
  const tokens = tokenize(text);
  return tagEntities(model, tokens, text, roughSentenceStarts(tokens), []).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

/** A hand-made model whose only feature is each word's lower case, so that the tags are known. */
function modelTagging(tagsByWord: Record<string, string>, tags: string[], scheme?: 'bilou'): TaggerModel {
  const entries = Object.entries(tagsByWord).map(([word, tag]) => [featureHash(T.Lower, word), tags.indexOf(tag)] as const).sort((a, b) => a[0] - b[0]);
  const weights = new Int8Array(entries.length * tags.length);
  entries.forEach(([, tag], k) => { weights[k * tags.length + tag] = 100; });
  return new TaggerModel({ language: 'de', tags, scale: 1, temperature: 1, count: entries.length, ...(scheme ? { scheme } : {}) }, Uint32Array.from(entries.map(([hash]) => hash)), weights);
}

describe('analysis: BILOU tags', () => {
  it('converts gold BIO to BILOU: L ends a name of several words, U is a name of one', () => {
    const initial = [true, false, false, false, false, false, false];
    assert.deepEqual(
      bioToBilou(['B-person', 'I-person', 'I-person', 'O', 'B-place', 'B-place', 'I-org'], initial),
      ['B-person', 'I-person', 'L-person', 'O', 'U-place', 'U-place', 'U-org'],
    );
  });

  it('ends a name at a sentence start, where decoding restarts its history', () => {
    assert.deepEqual(bioToBilou(['B-place', 'I-place', 'I-place'], [true, false, true]), ['B-place', 'L-place', 'U-place']);
  });

  it('makes tags only for what the converted gold holds', () => {
    const golds = [['U-person', 'O', 'B-place', 'L-place'], ['B-place', 'I-place', 'L-place']];
    assert.deepEqual(schemeTagSet('bilou', golds, ['person', 'org', 'place']), ['O', 'U-person', 'B-place', 'I-place', 'L-place']);
  });

  it('allows I and L only inside an open name of their type, and nothing else there', () => {
    const tags = ['O', 'B-person', 'I-person', 'L-person', 'U-person', 'B-place', 'L-place', 'U-place'];
    const allowed = (prev: string, next: string): boolean => allowedTransition('bilou', tags, tags.indexOf(prev), tags.indexOf(next));
    assert.ok(allowed('O', 'U-person') && allowed('L-person', 'B-place') && allowed('U-place', 'O'));
    assert.ok(allowed('B-person', 'I-person') && allowed('I-person', 'L-person'));
    assert.ok(!allowed('B-person', 'O'), 'a name begun is closed by L');
    assert.ok(!allowed('B-person', 'L-place'), 'nor by another type');
    assert.ok(!allowed('O', 'L-person') && !allowed('U-person', 'I-person') && !allowed('L-person', 'L-person'));
    assert.ok(allowedTransition('bilou', tags, -1, tags.indexOf('B-person')) && !allowedTransition('bilou', tags, -1, tags.indexOf('I-person')));
  });

  it('decodes spans that L and U close: two one-word names side by side stay two', () => {
    const tags = ['O', 'B-person', 'I-person', 'L-person', 'U-person', 'U-place'];
    const model = modelTagging({ anna: 'U-person', bert: 'U-person', carl: 'B-person', dora: 'I-person', emil: 'L-person', rom: 'U-place' }, tags, 'bilou');
    assert.deepEqual(typedSpans('und Anna Bert sahen Carl Dora Emil in Rom', model), ['person:Anna', 'person:Bert', 'person:Carl Dora Emil', 'place:Rom']);
  });

  it('reads a file without a scheme as BIO, as before', () => {
    const tags = ['O', 'B-person', 'I-person'];
    const model = decodeTagger(modelTagging({ anna: 'B-person', bert: 'I-person' }, tags).toBytes());
    assert.equal(model.header.scheme, undefined);
    assert.deepEqual(typedSpans('und Anna Bert kamen', model), ['person:Anna Bert']);
  });

  it('trains BILOU as an option, keeps the scheme in the file, and learns the toy pattern', () => {
    const model = trainTagger(TOY, { ...OPTIONS, scheme: 'bilou' });
    assert.deepEqual(model.tags, ['O', 'B-person', 'L-person', 'U-person', 'U-place']);
    const copy = decodeTagger(model.toBytes());
    assert.equal(copy.header.scheme, 'bilou');
    const text = 'Morgen ist Herr Zoltan Vogel in Quedlinburg';
    assert.deepEqual(typedSpans(text, copy), ['person:Zoltan Vogel', 'place:Quedlinburg']);
    assert.deepEqual(typedSpans('Heute kam Herr Zoltan in Quedlinburg an', copy), ['person:Zoltan', 'place:Quedlinburg']);
  });

  it('trains BIO without a scheme in the header, byte for byte as an explicit BIO', () => {
    const bio = trainTagger(TOY, OPTIONS);
    assert.equal(bio.header.scheme, undefined);
    assert.deepEqual(Buffer.from(trainTagger(TOY, { ...OPTIONS, scheme: 'bio' }).toBytes()), Buffer.from(bio.toBytes()));
    assert.deepEqual(Buffer.from(trainTagger(TOY, { ...OPTIONS, scheme: 'bilou' }).toBytes()), Buffer.from(trainTagger(TOY, { ...OPTIONS, scheme: 'bilou' }).toBytes()));
  });
});
