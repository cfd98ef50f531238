import assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/analysis';
import { viterbi, type Lattice } from '../../../src/core/analysis/tagger/viterbi';
import { decodeTagger } from '../../../src/core/analysis/tagger/model';
import { tagEntities, wordContext } from '../../../src/core/analysis/tagger/tagSentence';
import { trainTagger, type TrainingSequence } from '../../../src/core/analysis/tagger/train';
import { roughSentenceStarts, tagWords } from '../../../src/core/analysis/tagger/words';
import { T, featureHash, shortShape } from '../../../src/core/analysis/tagger/features';
import { PartScores } from '../../../src/core/analysis/tagger/partScores';
import { parseTrainArguments } from '../../../src/train/arguments';
import { random } from '../../support/random';

/** Tags O, B-a, I-a, B-b, I-b: I-x only after B-x or I-x. */
const TAGS = ['O', 'B-a', 'I-a', 'B-b', 'I-b'];
const N = TAGS.length;
const ALLOWED_AFTER = Uint8Array.from([-1, ...TAGS.keys()].flatMap((p) => TAGS.map((tag) => (!tag.startsWith('I-') || (p > 0 && TAGS[p].slice(2) === tag.slice(2)) ? 1 : 0))));

function randomLattice(next: () => number, count: number): Lattice & { starts: boolean[] } {
  const stride = (N + 1) * N;
  const starts = Array.from({ length: count }, (_, i) => i === 0 || next() < 0.2);
  return {
    scores: Float64Array.from({ length: count * N }, () => Math.round(next() * 20 - 10)),
    count,
    n: N,
    starts,
    startsSentence: (i) => starts[i],
    table: Float64Array.from({ length: count * stride }, () => Math.round(next() * 20 - 10)),
    transitionAt: Int32Array.from({ length: count }, (_, i) => i * stride),
    allowedAfter: ALLOWED_AFTER,
  };
}

/** Every allowed tag sequence's score, by brute force: the best score, and the first sequence (in counting order) that reaches it. */
function bruteForce(lattice: Lattice): { score: number; tags: number[] } {
  let best = { score: -Infinity, tags: [] as number[] };
  const walk = (i: number, tags: number[], score: number): void => {
    if (i === lattice.count) {
      if (score > best.score) best = { score, tags: [...tags] };
      return;
    }
    const previous = i === 0 || lattice.startsSentence(i) ? -1 : tags[i - 1];
    for (let t = 0; t < N; t++) {
      if (lattice.allowedAfter[(previous + 1) * N + t] === 0) continue;
      tags.push(t);
      walk(i + 1, tags, score + lattice.scores[i * N + t] + Number(lattice.table[lattice.transitionAt[i] + (previous + 1) * N + t]));
      tags.pop();
    }
  };
  walk(0, [], 0);
  return best;
}

function scoreOf(lattice: Lattice, tags: readonly number[]): number {
  let score = 0;
  tags.forEach((t, i) => {
    const previous = i === 0 || lattice.startsSentence(i) ? -1 : tags[i - 1];
    score += lattice.scores[i * N + t] + Number(lattice.table[lattice.transitionAt[i] + (previous + 1) * N + t]);
  });
  return score;
}

function buffersFor(count: number) {
  return { best: new Float64Array(count * N), back: new Int32Array(count * N), tags: new Int32Array(count) };
}

describe('analysis: Viterbi decoding', () => {
  it('finds the best allowed tag sequence, across sentence starts, on random lattices (checked by brute force)', () => {
    const next = random(5);
    for (let round = 0; round < 300; round++) {
      const lattice = randomLattice(next, 1 + Math.floor(next() * 6));
      const tags = Array.from(viterbi(lattice, buffersFor(lattice.count)));
      const expected = bruteForce(lattice);
      assert.equal(scoreOf(lattice, tags), expected.score, `round ${round}: ${tags.join(' ')} against ${expected.tags.join(' ')}`);
      tags.forEach((t, i) => assert.equal(ALLOWED_AFTER[((i === 0 || lattice.startsSentence(i) ? -1 : tags[i - 1]) + 1) * N + t], 1, `round ${round}: ${TAGS[t]} at ${i}`));
    }
  });

  it('does not cut a name short where a greedy choice would: a weak first word is taken for the strong one after it', () => {
    // Word 0 leans to O by a little; word 1 is I-a by far, which only B-a before it allows.
    const lattice: Lattice = {
      scores: Float64Array.from([3, 2, 0, 0, 0, /* word 1 */ 0, 0, 9, 0, 0]),
      count: 2,
      n: N,
      startsSentence: (i) => i === 0,
      table: new Float64Array(2 * (N + 1) * N),
      transitionAt: Int32Array.from([0, (N + 1) * N]),
      allowedAfter: ALLOWED_AFTER,
    };
    assert.deepEqual(Array.from(viterbi(lattice, buffersFor(2))), [1, 2]);
  });
});

/** A training sentence from "word/TAG" pairs; untagged words are O. */
function sequence(marked: string): TrainingSequence {
  const parts = marked.split(' ').map((p) => p.split('/'));
  const text = parts.map(([w]) => w).join(' ');
  const tokens = tokenize(text);
  const words = tagWords(tokens, text, roughSentenceStarts(tokens));
  return { words, context: wordContext(words.map(() => ''), 'de'), gold: parts.map(([, tag]) => tag ?? 'O') };
}

/** Two-word names after "Herr", places after "in". */
const TOY = [
  'Herr Abel/B-person Kunz/I-person kam gestern in Bernau/B-place an',
  'Gestern war Herr Bodo/B-person Lenz/I-person in Cottbus/B-place',
  'In Dessau/B-place traf Herr Carlo/B-person Mertens/I-person Freunde',
  'Herr Dirk/B-person Nolte/I-person wohnt in Erfurt/B-place',
  'Die Stadt Gera/B-place liegt fern und Herr Emil/B-person Otto/I-person auch',
  'Herr Fritz/B-person Pohl/I-person fuhr in Hagen/B-place los',
].map(sequence);
const OPTIONS = { language: 'de', types: ['person', 'place'], epochs: 6, seed: 7, minCount: 1, pruneBelow: 0, structured: true };

function typedSpans(text: string, model: ReturnType<typeof trainTagger>): string[] {
  const tokens = tokenize(text);
  return tagEntities(model, tokens, text, roughSentenceStarts(tokens), []).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

describe('analysis: entity tagger trained for Viterbi decoding', () => {
  it('learns a toy pattern as a structured perceptron, deterministically, and says so in its file', () => {
    const model = trainTagger(TOY, OPTIONS);
    assert.equal(model.header.decoder, 'viterbi');
    assert.deepEqual(typedSpans('Morgen ist Herr Zoltan Quast in Quedlinburg', model), ['person:Zoltan Quast', 'place:Quedlinburg']);
    assert.deepEqual(Buffer.from(trainTagger(TOY, OPTIONS).toBytes()), Buffer.from(model.toBytes()));
    const copy = decodeTagger(model.toBytes());
    assert.equal(copy.header.decoder, 'viterbi');
    assert.deepEqual(typedSpans('Herr Zoltan Quast kam', copy), typedSpans('Herr Zoltan Quast kam', model));
  });

  it('learns only the previous tag as history (the best path is exact), and gives each span a probability', () => {
    const model = trainTagger(TOY, OPTIONS);
    for (const p2 of ['<s>', ...model.tags]) for (const p1 of ['<s>', ...model.tags]) assert.equal(model.row(featureHash(T.PrevTwoTags, p2, p1)), -1, `${p2} ${p1}`);
    const text = 'Herr Zoltan Quast kam';
    const tokens = tokenize(text);
    const spans = tagEntities(model, tokens, text, [0], []);
    assert.equal(spans.length, 1);
    assert.ok(spans[0].confidence > 0 && spans[0].confidence <= 1, String(spans[0].confidence));
  });

  it('still decodes a file without a decoder greedily, as before', () => {
    const greedy = trainTagger(TOY, { ...OPTIONS, structured: false });
    assert.equal(greedy.header.decoder, undefined);
    assert.deepEqual(typedSpans('Morgen ist Herr Zoltan Quast in Quedlinburg', greedy), ['person:Zoltan Quast', 'place:Quedlinburg']);
  });
});

describe('analysis: the tagger memo\'s transition tables for Viterbi decoding', () => {
  it('holds exactly PrevTag + PrevTagShape for every previous tag, per word\'s shape', () => {
    const model = trainTagger(TOY, OPTIONS);
    const parts = new PartScores(model);
    const text = 'Laut Herr Zoltan Quast kam GPT-4o am 3. Mai nach Köln , sagte „ Der Spiegel “ .';
    const words = tagWords(tokenize(text), text, [0]);
    const { shapes } = parts.wordsOf(words, wordContext(words.map(() => ''), 'de'));
    const { table, at } = parts.transitionTables(shapes);
    const n = model.tags.length;
    const name = (t: number): string => (t < 0 ? '<s>' : model.tags[t]);
    let nonZero = 0;
    words.forEach((word, w) => {
      for (let previous = -1; previous < n; previous++) {
        const reference = new Float64Array(n);
        model.add(featureHash(T.PrevTag, name(previous)), reference);
        model.add(featureHash(T.PrevTagShape, name(previous), shortShape(word.text)), reference);
        const row = Array.from(table.subarray(at[w] + (previous + 1) * n, at[w] + (previous + 2) * n));
        assert.deepEqual(row, Array.from(reference), `${word.text} after ${name(previous)}`);
        nonZero += row.filter((x) => x !== 0).length;
      }
    });
    assert.ok(nonZero > 0);
  });
});

describe('train: --decoder', () => {
  it('trains the entity taggers for the decoder asked for, and refuses any other', () => {
    assert.deepEqual(parseTrainArguments(['entities-de', '--decoder', 'viterbi']), { models: ['entities-de'], options: { feedback: [], decoder: 'viterbi' } });
    assert.equal(parseTrainArguments(['--decoder=greedy', '--cv-seeds', '1']).options.decoder, 'greedy');
    assert.deepEqual(parseTrainArguments([]).options, { feedback: [] });
    assert.throws(() => parseTrainArguments(['--decoder', 'beam']), /greedy or viterbi \(got beam\)/);
    assert.throws(() => parseTrainArguments(['--decoder']), /got nothing/);
  });
});
