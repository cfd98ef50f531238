import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tokenize } from '../../../src/core/analysis';
import { shippedModels } from '../../../src/core/analysis/models';
import { T, emitFeatures, viewOf } from '../../../src/core/analysis/tagger/features';
import { decodeTagger } from '../../../src/core/analysis/tagger/model';
import { NameLists } from '../../../src/core/analysis/tagger/nameLists';
import { tagEntities, wordContext } from '../../../src/core/analysis/tagger/tagSentence';
import { trainTagger, type TrainingSequence } from '../../../src/core/analysis/tagger/train';
import { roughSentenceStarts, tagWords } from '../../../src/core/analysis/tagger/words';
import { readNameLists } from '../../../src/train/nameLists';

/** The repository: the folder above this test that holds data/gazetteers. */
function repositoryRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (readdirSync(dir).includes('data') && readdirSync(join(dir, 'data')).includes('gazetteers')) return dir;
  }
  throw new Error(`data/gazetteers not found above ${__dirname}`);
}

const TOY_LISTS = new NameLists(['Bonn\tplace-home3', 'Cottbus\tplace-home3', 'Erfurt\tplace-home3', 'Gera\tplace-home2', 'Jena\tplace-home2', 'Kiel\tplace-home3', 'Zwickau\tplace-home2'].join('\n'));

/** A training sentence from "word/TAG" pairs (untagged words are O), its words looked up in `lists`. */
function sequence(marked: string, lists: NameLists): TrainingSequence {
  const parts = marked.split(' ').map((p) => p.split('/'));
  const text = parts.map(([w]) => w).join(' ');
  const tokens = tokenize(text);
  const words = tagWords(tokens, text, roughSentenceStarts(tokens));
  return { words, context: wordContext(words.map(() => ''), 'de', lists), gold: parts.map(([, tag]) => tag ?? 'O') };
}

/**
 * A toy corpus where only the list tells a place from a thing: both stand in the same places, with
 * the same shape, and the listed words are places (no ending in "-au", as the test's words have).
 */
const TOY = [
  'ich sah Bonn/B-place und Gabel',
  'ich sah Messer und Cottbus/B-place',
  'wir mögen Jena/B-place und Teller',
  'wir mögen Becher und Erfurt/B-place',
  'sie kennt Gera/B-place und Kanne',
  'sie kennt Tasse und Kiel/B-place',
  'er lobt Cottbus/B-place und Schale',
  'er lobt Krug und Jena/B-place',
].map((s) => sequence(s, TOY_LISTS));
const OPTIONS = { language: 'de', types: ['place'], epochs: 6, seed: 7, minCount: 1, pruneBelow: 0, nameLists: TOY_LISTS };

function places(text: string, model: ReturnType<typeof trainTagger>): string[] {
  const tokens = tokenize(text);
  return tagEntities(model, tokens, text, roughSentenceStarts(tokens), []).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

describe('analysis: name lists (gazetteers)', () => {
  it('reads the list values of each word, and names the line of a malformed one', () => {
    const lists = new NameLists('Essen\tplace-home3 place-abroad2\nHirsch\tsurname\n');
    assert.equal(lists.size, 2);
    assert.deepEqual(lists.valuesOf('Essen'), ['place-home3', 'place-abroad2']);
    assert.deepEqual(lists.valuesOf('essen'), [], 'as written');
    assert.throws(() => new NameLists('Essen\tplace-home3\nHirsch\n'), /line 2/);
  });

  it('emits a feature per list, paired with the word\'s German noun-ness, and none without lists', () => {
    const text = 'sagte Regierung in Chemnitz';
    const words = tagWords(tokenize(text), text, [0]);
    const lists = new NameLists('Regierung\tsurname\nChemnitz\tplace-home3');
    const seen = (context: ReturnType<typeof wordContext>, i: number): string[] => {
      const out: string[] = [];
      emitFeatures(viewOf(words), i, context, (template, a, b) => { if (template === T.NameList) out.push(`${a}|${b ?? ''}`); });
      return out;
    };
    const withLists = wordContext(words.map(() => ''), 'de', lists);
    assert.deepEqual(seen(withLists, 3), ['place-home3|name']);
    assert.deepEqual(seen(withLists, 1), ['surname|noun'], 'a listed word that is also a common noun is told apart');
    assert.deepEqual(seen(wordContext(words.map(() => ''), 'de'), 3), []);
  });

  it('teaches the tagger a list: a listed word it never saw is a place, the same word unlisted is not', () => {
    const model = trainTagger(TOY, OPTIONS);
    assert.deepEqual(places('ich sah Zwickau und Zwockau', model), ['place:Zwickau']);
    assert.deepEqual(places('wir mögen Zwockau und Zwickau', model), ['place:Zwickau']);
  });

  it('leaves a listed word to its context: the tagger learns when a list entry is no name', () => {
    const lists = new NameLists('Tafel\tsurname\nHirsch\tsurname\nRabe\tsurname');
    const corpus = [
      'laut Hirsch/B-person kam er', 'laut Rabe/B-person ging sie', 'laut Tafel/B-person kam sie',
      'die Tafel war voll', 'die Tafel ist leer', 'die Tafel blieb leer',
    ].map((s) => sequence(s, lists));
    const model = trainTagger(corpus, { ...OPTIONS, types: ['person'], nameLists: lists });
    assert.deepEqual(places('laut Tafel ging er', model), ['person:Tafel']);
    assert.deepEqual(places('die Tafel war leer', model), []);
  });

  it('trains listed words without their identity now and then, deterministically', () => {
    const dropped = { ...OPTIONS, listWordDropout: 0.5 };
    const a = Buffer.from(trainTagger(TOY, dropped).toBytes());
    assert.ok(a.equals(Buffer.from(trainTagger(TOY, dropped).toBytes())), 'the same seed gives the same bytes');
    assert.ok(!a.equals(Buffer.from(trainTagger(TOY, OPTIONS).toBytes())), 'dropping the word itself changes the weights');
    assert.deepEqual(places('ich sah Zwickau und Zwockau', trainTagger(TOY, dropped)), ['place:Zwickau']);
  });

  it('keeps the lists in the model file: a decoded model tags as the trained one', () => {
    const model = trainTagger(TOY, OPTIONS);
    const copy = decodeTagger(model.toBytes());
    assert.equal(copy.nameLists?.text, TOY_LISTS.text);
    assert.deepEqual(places('ich sah Zwickau und Zwockau', copy), ['place:Zwickau']);
    const plain = decodeTagger(trainTagger(TOY, { ...OPTIONS, nameLists: undefined }).toBytes());
    assert.equal(plain.nameLists, null);
    assert.equal(plain.header.nameLists, undefined);
  });

  it('compiles data/gazetteers into one sorted table, merging a word\'s lists, and names a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-gazetteers-'));
    writeFileSync(join(dir, 'places.tsv'), '# name\thome\tabroad\nHalle\t2\t2\nEssen\t3\t0\n');
    writeFileSync(join(dir, 'regions.txt'), 'Saarland\n');
    writeFileSync(join(dir, 'countries.txt'), 'Tschechien\n');
    writeFileSync(join(dir, 'surnames.txt'), 'Halle\nHirsch\n');
    writeFileSync(join(dir, 'given-names.txt'), 'Anna\n');
    const lists = readNameLists(dir);
    assert.deepEqual(lists.text.split('\n'), ['Anna\tgiven', 'Essen\tplace-home3', 'Halle\tplace-home2 place-abroad2 surname', 'Hirsch\tsurname', 'Saarland\tregion', 'Tschechien\tcountry']);
    writeFileSync(join(dir, 'places.tsv'), 'Halle\tbig\t2\n');
    assert.throws(() => readNameLists(dir), /places\.tsv: expected/);
    assert.throws(() => readNameLists(join(dir, 'missing')), /cannot read the name list .*npm run gazetteers/);
  });

  it('rebuilds data/gazetteers byte for byte from the pinned packages', function () {
    this.timeout(60_000);
    const root = repositoryRoot();
    const out = mkdtempSync(join(tmpdir(), 'ainews-gazetteers-build-'));
    execFileSync(process.execPath, [join(root, 'scripts', 'build-gazetteers.mjs'), '--out', out], { cwd: root, stdio: 'pipe' });
    const files = readdirSync(out).sort();
    assert.deepEqual(files, ['countries.txt', 'given-names.txt', 'places.tsv', 'regions.txt', 'surnames.txt']);
    for (const file of files) assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(root, 'data', 'gazetteers', file))), `${file} differs: rerun npm run gazetteers`);
  });

  it('ships a German tagger that carries exactly the lists of data/gazetteers (retrain after changing them)', () => {
    const model = shippedModels().entityTagger('de');
    assert.ok(model?.nameLists, 'models/entities-de.bin has name lists');
    assert.equal(model.nameLists.text, readNameLists(join(repositoryRoot(), 'data', 'gazetteers')).text);
    assert.equal(shippedModels().entityTagger('en')?.nameLists, null, 'the English tagger has none');
  });
});
