import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  analyze, CLAIM_SIGNALS, ClaimModel, defaultClaimModel, DEFAULT_CLAIM_THRESHOLD, findModelFile, readClaimModel, reasonLine,
  type ClaimFinding, type ClaimModelFile, type ClaimScorer,
} from '../../../src/core/analysis';
import { featureLayout } from '../../../src/core/analysis/claimModel';
import { binaryScores, expectedCalibrationError, reliabilityBins } from '../../../src/core/analysis/classification';
import { readJsonl, type ClaimRecord } from '../../../src/train/corpora';
import { fitPlatt, seededRandom, trainLogistic, type Example } from '../../../src/train/logistic';
import {
  debateFolds, debateTrainable, emptyModel, englishTrainable, guidelineSignals, readFeedbackExamples, trainClaimModel, type ClaimCorpora,
} from '../../../src/train/claims';
import { parseTrainArguments } from '../../../src/train/arguments';
import { claims } from './helpers';

/** The repository root: the folder whose models/ holds the shipped claim model. */
const ROOT = dirname(dirname(findModelFile('claims.json', __dirname) ?? join(process.cwd(), 'models', 'claims.json')));

function claimOf(text: string): ClaimFinding {
  const found = claims(text, { claimThreshold: 0 });
  assert.equal(found.length, 1, `expected one sentence in ${JSON.stringify(text)}`);
  return found[0];
}

function signalsOf(text: string): string[] {
  return claimOf(text).signals.map((s) => s.signal);
}

/** A scorer that gives every signal that fired as a reason. */
const LIST_FIRED: ClaimScorer = { score: () => 1, explain: (_facts, fired) => fired.map((f) => ({ signal: f.signal.id, evidence: f.evidence, against: false })) };

/** Every signal that fires in the text's sentences. */
function firedSignals(text: string): string[] {
  return claims(text, { claimThreshold: 0, claimScorer: LIST_FIRED }).flatMap((c) => c.signals.map((s) => s.signal));
}

function assertFires(text: string, id: string): void {
  const fired = firedSignals(text);
  assert.ok(fired.includes(id), `${id} not among ${fired.join(', ')} in ${JSON.stringify(text)}`);
}

describe('claims: the signal table', () => {
  it('has unique ids and a reason for every signal', () => {
    const ids = CLAIM_SIGNALS.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of CLAIM_SIGNALS) assert.ok(s.reason.trim().length > 5, s.id);
  });

  it('reads figures, dates, names, attribution, events and comparisons', () => {
    for (const id of ['figure', 'date', 'names', 'attribution', 'event', 'comparison']) assertFires('Laut Reuters stieg der Umsatz von Nvidia am 3. März 2025 um 114 Prozent, mehr als erwartet.', id);
  });

  it('reads questions, hedges, the reader addressed and sentences too short to assert', () => {
    assertFires('Wird Nvidia 2026 mehr als 200 Milliarden Dollar umsetzen?', 'question');
    assertFires('Samsung könnte die Produktion bald kürzen.', 'hedge');
    assertFires('Das sollten Sie wissen.', 'addressesReader');
    assertFires('Ganz klar.', 'tooShort');
  });

  it('does not read "@USER" as a name', () => {
    assert.ok(!signalsOf('@USER Die Regierung hat die Steuern erhöht.').includes('names'));
  });

  it('has classifier-only signals for who speaks, unnamed groups and hyperbole', () => {
    const weightOf = (id: string) => CLAIM_SIGNALS.find((s) => s.id === id)?.weight;
    for (const id of ['firstPersonSingular', 'firstPersonPlural', 'secondPerson', 'unnamedGroup', 'hyperbole']) assert.equal(weightOf(id), 0, id);
    assertFires('We cut taxes for working families.', 'firstPersonPlural');
    assertFires('I voted against the bill.', 'firstPersonSingular');
    assertFires('Die Politiker haben die Renten gekürzt.', 'unnamedGroup');
    assertFires('Ich habe das schon tausendmal gesagt!', 'hyperbole');
  });
});

describe('claims: the trained model', () => {
  it('scores with a probability and gives its strongest reasons, those for first', () => {
    const claim = claimOf('Laut Reuters stieg der Umsatz von Nvidia im Jahr 2024 um 114 Prozent.');
    assert.ok(claim.score >= DEFAULT_CLAIM_THRESHOLD && claim.score <= 1, String(claim.score));
    assert.ok(claim.reasons.some((r) => r.startsWith('names a figure')), claim.reasons.join(' | '));
    assert.equal(claim.reasons.length, claim.signals.length);
    const firstAgainst = claim.signals.findIndex((s) => s.against);
    assert.ok(firstAgainst < 0 || claim.signals.slice(firstAgainst).every((s) => s.against));
    const hedged = claimOf('Samsung könnte die Produktion von Speicherchips bald kürzen.');
    assert.ok(hedged.score < DEFAULT_CLAIM_THRESHOLD);
    assert.ok(hedged.reasons.includes('against: hedged (könnte)'), hedged.reasons.join(' | '));
  });

  it('sums the margin while hashing exactly as over the built features', () => {
    const model = defaultClaimModel();
    const margins: [number, number][] = [];
    const recorder: ClaimScorer = {
      score: (facts, fired) => {
        margins.push([model.sentenceMargin(facts, fired), model.margin(model.features(facts, fired))]);
        return 0;
      },
      explain: () => [],
    };
    analyze('Laut Reuters stieg der Umsatz um 5 Prozent. We cut taxes! Ganz klar.', { claimScorer: recorder });
    assert.equal(margins.length, 3);
    for (const [fast, built] of margins) assert.ok(Math.abs(fast - built) < 1e-9, `${fast} vs ${built}`);
  });

  it('writes reasons in words: evidence in place of {0}, "against:" before a reason against', () => {
    assert.equal(reasonLine({ signal: 'figure', evidence: '"3 %"', against: false }), 'names a figure ("3 %")');
    assert.equal(reasonLine({ signal: 'hedge', evidence: 'könnte', against: true }), 'against: hedged (könnte)');
    assert.equal(reasonLine({ signal: 'question', evidence: '', against: true }), 'against: a question');
    assert.equal(reasonLine({ signal: 'wording', evidence: '"percent"', against: false }), 'wording typical of claims ("percent")');
  });

  it('caps a question, however many figures it holds', () => {
    assert.ok(claimOf('Wird Nvidia im Jahr 2026 mehr als 200 Milliarden Dollar umsetzen?').score <= 0.3);
  });

  it('was trained to the default threshold, which the editor setting shares', () => {
    assert.equal(defaultClaimModel().threshold, DEFAULT_CLAIM_THRESHOLD);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    assert.equal(manifest.contributes.configuration.properties['aiNews.claimScoreThreshold'].default, DEFAULT_CLAIM_THRESHOLD);
  });

  it('is calibrated on the ClaimBuster dev split: expected calibration error below 0.05', () => {
    const records = readJsonl<ClaimRecord>(join(ROOT, 'data', 'corpora', 'claims', 'claimbuster-crowdsourced-dev.en.jsonl'));
    const probabilities = records.map((r) => Math.max(0, ...analyze(r.text, { claimThreshold: 0 }).findings.map((f) => (f.kind === 'claim' ? f.score : 0))));
    const gold = records.map((r) => r.label === 1);
    const ece = expectedCalibrationError(probabilities, gold);
    assert.ok(ece < 0.05, `ECE ${ece.toFixed(3)}`);
    // And it separates: the top bins are mostly check-worthy, the bottom ones mostly not.
    const bins = reliabilityBins(probabilities, gold).filter((b) => b.count >= 20);
    assert.ok(bins[0].positiveRate < 0.15 && bins[bins.length - 1].positiveRate > 0.7, JSON.stringify(bins));
  });

  it('calibrates a language on its own where the file says so, and reads a file without that as before', () => {
    const model = defaultClaimModel();
    const english = { a: 2, b: -1 };
    const file = { ...model.toFile([]), plattByLanguage: { en: english } };
    const copy = ClaimModel.fromFile(file);
    assert.deepEqual(copy.plattOf('en'), english);
    assert.deepEqual(copy.plattOf('de'), file.platt);
    assert.deepEqual(ClaimModel.fromFile(copy.toFile([])).plattOf('en'), english);
    const older: ClaimModelFile = { ...file };
    delete older.plattByLanguage;
    assert.deepEqual(ClaimModel.fromFile(older).plattOf('en'), file.platt);
    assert.throws(() => ClaimModel.fromFile({ ...file, plattByLanguage: { en: { a: 'x', b: 0 } } } as unknown as ClaimModelFile), /plattByLanguage\.en is not a calibration/);
  });

  it('hashes each language\'s n-grams into a table of its own, and reads a file of one shared table (version 1) as before', () => {
    const model = defaultClaimModel();
    assert.ok(model.hasLanguageTables());
    const gramsOf = (text: string) => {
      const indices: number[] = [];
      analyze(text, { claimScorer: { score: (facts, fired) => { indices.push(...model.features(facts, fired).indices.filter((i) => i >= model.layout.hashed)); return 0; }, explain: () => [] } });
      return indices;
    };
    const { de, en } = model.layout.grams;
    const german = gramsOf('Die Bürgermeisterin eröffnete gestern feierlich das renovierte Hallenbad.');
    const english = gramsOf('The senator voted against the budget in 1999.');
    assert.ok(german.length > 5 && german.every((i) => i >= de.first && i < de.first + de.count), german.join(', '));
    assert.ok(english.length > 5 && english.every((i) => i >= en.first && i < en.first + en.count), english.join(', '));
    // A model of one shared table (no German table of its own) is written and read as version 1.
    const signals = [...model.signalIndex.keys()];
    const sharedLayout = featureLayout(signals.length, 4);
    const older = ClaimModel.fromFile(new ClaimModel(new Float32Array(sharedLayout.size).fill(0.5), signals, 4, model.platt, 0.4).toFile([]));
    assert.equal(older.toFile([]).version, 1);
    assert.ok(!older.hasLanguageTables());
    const shared = { first: sharedLayout.hashed, count: 16 };
    assert.deepEqual([older.layout.grams.de, older.layout.grams.en], [shared, shared]);
    assert.equal(older.weights[sharedLayout.hashed + 3], Math.fround(0.5));
  });

  it('reads back what it writes, and refuses a file of another format with a clear message', () => {
    const model = defaultClaimModel();
    const copy = ClaimModel.fromFile(model.toFile([]));
    assert.deepEqual(copy.weights, model.weights);
    assert.throws(() => ClaimModel.fromFile({ ...model.toFile([]), version: 99 } as ClaimModelFile), /not a claim model this version can read/);
    assert.throws(() => readClaimModel(join(ROOT, 'models', 'no-such-model.json')), /cannot read the claim model .*no-such-model\.json/);
  });
});

describe('claims: training', () => {
  it('learns a toy pattern with logistic regression, the same weights every run', () => {
    const random = seededRandom(7);
    const examples: Example[] = [];
    for (let i = 0; i < 400; i++) {
      const signal = random() < 0.5 ? 1 : 0;
      const noise = 2 + Math.floor(random() * 4);
      examples.push({ indices: [0, signal ? 1 : 2, noise], values: [1, 1, 1], label: signal as 0 | 1, weight: 1 });
    }
    const options = { size: 6, epochs: 5, learningRate: 0.2, l2: 1e-4, seed: 3 };
    const weights = trainLogistic(examples, options);
    assert.ok(weights[1] > 1 && weights[2] < -1, Array.from(weights).join(', '));
    assert.deepEqual(trainLogistic(examples, options), weights);
  });

  it('fits Platt scaling that recovers a known slope and offset', () => {
    const random = seededRandom(11);
    const margins: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 4000; i++) {
      const z = random() * 8 - 4;
      margins.push(z);
      labels.push(random() < 1 / (1 + Math.exp(-(2 * z - 1))) ? 1 : 0);
    }
    const { a, b } = fitPlatt(margins, labels);
    assert.ok(Math.abs(a - 2) < 0.3 && Math.abs(b + 1) < 0.3, `a ${a}, b ${b}`);
  });

  it('fits Platt scaling on a small separable set with a positive slope and probabilities between its targets', () => {
    // Margins far apart: a full Newton step from slope 1 overshoots; the line search keeps the fit sane.
    const margins = [-9, -7.5, -6, -5, -4.2, 3.9, 5.1, 6.3, 7.7, 8.8];
    const labels: (0 | 1)[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const { a, b } = fitPlatt(margins, labels);
    assert.ok(a > 0, `slope ${a}`);
    const probability = (m: number): number => 1 / (1 + Math.exp(-(a * m + b)));
    assert.ok(probability(3.9) > 0.5 && probability(-4.2) < 0.5, `a ${a}, b ${b}`);
    // Platt's smoothed targets (6/7 and 1/7) bound how sure the fit may get.
    assert.ok(probability(8.8) < 0.99 && probability(-9) > 0.01, `a ${a}, b ${b}`);
  });

  it('trains the claim model on a tiny corpus: sentences with "zorp" are claims; deterministic', () => {
    const random = seededRandom(5);
    const nouns = ['company', 'market', 'lab', 'team', 'fund', 'startup'];
    const verbs = ['grew', 'changed', 'moved', 'waited', 'stayed'];
    const record = (i: number): ClaimRecord => {
      const label = random() < 0.5 ? 1 : 0;
      const text = `The ${label ? 'zorp ' : ''}${nouns[Math.floor(random() * nouns.length)]} ${verbs[Math.floor(random() * verbs.length)]} quietly again.`;
      return { id: `toy ${i}`, lang: 'en', text, label: label as 0 | 1, source_label: String(label) };
    };
    const corpora: ClaimCorpora = {
      claimBusterTrain: Array.from({ length: 300 }, (_, i) => record(i)),
      claimBusterDev: Array.from({ length: 60 }, (_, i) => record(1000 + i)),
      goldArticles: [], guidelineExamples: [], heldOutArticles: [], feedbackExamples: [], germanComments: null,
    };
    const config = { hashBits: 10, germanHashBits: 9, epochs: 8, learningRate: 0.2, l2: 1e-4, goldWeight: 1, priorScale: 0, seed: 1, englishEpochs: 2, englishLearningRate: 0.2, guidelineSignalsFromOwnSentences: true };
    const model = trainClaimModel(corpora, config, () => undefined);
    const score = (text: string) => claims(text, { claimThreshold: 0, claimScorer: model })[0].score;
    assert.ok(score('The zorp fund stayed quietly again.') > 0.8, String(score('The zorp fund stayed quietly again.')));
    assert.ok(score('The fund stayed quietly again.') < 0.2, String(score('The fund stayed quietly again.')));
    assert.deepEqual(trainClaimModel(corpora, config, () => undefined).toFile([]), model.toFile([]));
  });
});

describe('claims: the English-only training', () => {
  const random = seededRandom(13);
  const englishRecord = (i: number): ClaimRecord => {
    const label = random() < 0.5 ? 1 : 0;
    const text = label ? `The senator voted against the budget in ${1990 + (i % 20)}.` : 'We need to do better for the families of this country.';
    return { id: `Sentence_id ${1000 - i}`, lang: 'en', text, label: label as 0 | 1, source_label: String(label) };
  };
  const german: ClaimRecord[] = [
    { id: 'de-1', lang: 'de', text: 'Der Umsatz von Nvidia stieg im Jahr 2024 um 114 Prozent.', label: 1, source_label: '1' },
    { id: 'de-2', lang: 'de', text: 'Wir sollten uns das genauer ansehen und darüber nachdenken.', label: 0, source_label: '0' },
  ];
  const corpora: ClaimCorpora = {
    claimBusterTrain: Array.from({ length: 200 }, (_, i) => englishRecord(i)),
    claimBusterDev: Array.from({ length: 40 }, (_, i) => englishRecord(500 + i)),
    goldArticles: [], guidelineExamples: german, heldOutArticles: [], feedbackExamples: [], germanComments: null,
  };
  const config = { hashBits: 10, germanHashBits: 9, epochs: 3, learningRate: 0.1, l2: 1e-4, goldWeight: 5, priorScale: 6, seed: 1, englishEpochs: 0, englishLearningRate: 0.3, guidelineSignalsFromOwnSentences: true };
  const score = (model: ClaimModel, text: string) => claims(text, { claimThreshold: 0, claimScorer: model })[0].score;

  it('moves English and leaves German as the joint training left it, calibration included', () => {
    const joint = trainClaimModel(corpora, config, () => undefined);
    const further = trainClaimModel(corpora, { ...config, englishEpochs: 3 }, () => undefined);
    for (const { text } of german) assert.equal(score(further, text), score(joint, text), text);
    assert.equal(further.threshold, joint.threshold, 'the operating point is the joint model\'s');
    assert.deepEqual(further.plattOf('de'), joint.plattOf('de'));
    assert.notDeepEqual(further.plattOf('en'), joint.plattOf('en'));
    // The English claims' margins grow (their rounded scores may already be near 1).
    const marginOf = (model: ClaimModel, text: string) => {
      let margin = NaN;
      analyze(text, { claimScorer: { score: (facts, fired) => { margin = model.sentenceMargin(facts, fired); return 0; }, explain: () => [] } });
      return margin;
    };
    const claim = 'The senator voted against the budget in 1999.';
    assert.ok(marginOf(further, claim) > marginOf(joint, claim) + 0.1, `${marginOf(further, claim)} vs ${marginOf(joint, claim)}`);
  });

  it('trains only the English corrections, the English bias and English\'s own n-gram table', () => {
    const layout = emptyModel({ hashBits: 4, germanHashBits: 3 }).layout;
    const trainable = englishTrainable(layout);
    assert.equal(trainable[layout.shared], 0);
    assert.equal(trainable[layout.german], 0);
    assert.equal(trainable[layout.english], 1);
    assert.deepEqual([trainable[layout.bias], trainable[layout.germanBias], trainable[layout.englishBias]], [0, 0, 1]);
    assert.deepEqual([layout.grams.de, layout.grams.en], [{ first: layout.hashed, count: 8 }, { first: layout.hashed + 8, count: 16 }]);
    assert.deepEqual(Array.from(trainable.subarray(layout.hashed)), [...Array<number>(8).fill(0), ...Array<number>(16).fill(1)]);
  });

  it('scores a German sentence of words no German training sentence holds the same with and without the English-only training', () => {
    // A small table, so that with one table for both languages these words share buckets with the debates' words.
    const small = { ...config, hashBits: 6, germanHashBits: 5 };
    const joint = trainClaimModel(corpora, small, () => undefined);
    const further = trainClaimModel(corpora, { ...small, englishEpochs: 3 }, () => undefined);
    const marginOf = (model: ClaimModel, text: string) => {
      let margin = NaN;
      analyze(text, { claimScorer: { score: (facts, fired) => { margin = model.sentenceMargin(facts, fired); return 0; }, explain: () => [] } });
      return margin;
    };
    const unseen = [
      'Pierre Boulez hat die Grenzen der Musik ausgelotet.',
      'Die Bürgermeisterin eröffnete gestern feierlich das renovierte Hallenbad.',
      'Schneefälle behinderten frühmorgens zahlreiche Pendler zwischen Kassel und Göttingen.',
    ];
    for (const text of unseen) {
      assert.equal(marginOf(further, text), marginOf(joint, text), text);
      assert.equal(score(further, text), score(joint, text), text);
    }
    // And the English sentences did move.
    assert.notEqual(marginOf(further, 'We need to do better for the families of this country.'), marginOf(joint, 'We need to do better for the families of this country.'));
  });

  it('learns the English corrections of the guideline signals from our own sentences, not from the debates', () => {
    // The debates call a definition check-worthy; our guideline sentences call it background.
    const debates: ClaimRecord[] = Array.from({ length: 200 }, (_, i) => ({
      id: `Sentence_id ${i}`, lang: 'en', text: i % 2 ? `The budget is a kind of tax on families in ${1990 + (i % 20)}.` : 'We need to do better for the families of this country.', label: (i % 2) as 0 | 1, source_label: '',
    }));
    const own: ClaimRecord[] = ['A transformer is a kind of neural network.', 'An agent is a kind of program that acts on its own.'].map((text, i) => ({ id: `own-${i}`, lang: 'en', text, label: 0, source_label: '' }));
    const toy: ClaimCorpora = { ...corpora, claimBusterTrain: debates, claimBusterDev: debates.slice(0, 40), guidelineExamples: [...german, ...own] };
    const definition = (model: ClaimModel) => model.weights[model.layout.english + (model.signalIndex.get('definition') ?? NaN)];
    const withDebates = trainClaimModel(toy, { ...config, englishEpochs: 2, guidelineSignalsFromOwnSentences: false }, () => undefined);
    const ownOnly = trainClaimModel(toy, { ...config, englishEpochs: 2 }, () => undefined);
    assert.ok(definition(withDebates) > 0.1, `with the debates: ${definition(withDebates)}`);
    assert.ok(definition(ownOnly) < 0, `from our own sentences: ${definition(ownOnly)}`);
    // Every other English weight the debates may move as before.
    const model = emptyModel({ hashBits: 4, germanHashBits: 3 });
    const mask = debateTrainable(model.layout, model.signalIndex);
    assert.deepEqual(CLAIM_SIGNALS.filter((_, i) => mask[model.layout.english + i] === 0).map((s) => s.id), guidelineSignals());
    assert.ok(guidelineSignals().includes('definition') && guidelineSignals().includes('intention') && !guidelineSignals().includes('figure'));
    assert.equal(mask.reduce((sum, x) => sum + x, 0), model.layout.size - guidelineSignals().length);
  });

  it('folds ClaimBuster by neighbouring sentence ids, so that a fold holds whole debates', () => {
    const documents = [7, 3, 12, 1, 9, 4].map((n) => ({ name: `Sentence_id ${n}`, sentences: [], label: 0 as const }));
    assert.deepEqual(debateFolds(documents, 3).map((fold) => fold.map((d) => d.name)), [['Sentence_id 1', 'Sentence_id 3'], ['Sentence_id 4', 'Sentence_id 7'], ['Sentence_id 9', 'Sentence_id 12']]);
  });
});

describe('claims: training on a team\'s feedback export', () => {
  const exportLines = [
    '{"id":"feedback-a1","lang":"de","text":"Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.","label":0,"source_label":"feedback:not-a-claim"}',
    '{"id":"feedback-b2","lang":"de","text":"Laut Sam Altman ist das Modell schneller.","spans":[{"start":5,"end":15,"label":"person","label_orig":"person","text":"Sam Altman","source":"team"}],"feedback":"wrong-entity-type"}',
  ];

  function withExport<T>(lines: string[], use: (path: string) => T): T {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-train-'));
    try {
      const path = join(dir, 'feedback.jsonl');
      writeFileSync(path, `${lines.join('\n')}\n`);
      return use(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reads the claim records of an export and leaves its NER records to the entity trainers', () => {
    const records = withExport(exportLines, (path) => readFeedbackExamples([path]));
    assert.deepEqual(records.map((r) => [r.id, r.lang, r.label]), [['feedback-a1', 'de', 0]]);
  });

  it('refuses a record it cannot learn from, naming the file and record, and a missing file', () => {
    withExport([exportLines[0], '{"id":"x","lang":"fr","text":"Bonjour.","label":0}'], (path) => {
      assert.throws(() => readFeedbackExamples([path]), (e: Error) => e.message.includes(path) && e.message.includes('record 2') && e.message.includes('lang'));
    });
    assert.throws(() => readFeedbackExamples(['/nonexistent/feedback.jsonl']), /no such feedback export/);
  });

  it('takes --feedback FILE (repeatable, also --feedback=FILE) apart from the model names', () => {
    assert.deepEqual(parseTrainArguments(['claims', '--feedback', 'a.jsonl', '--no-cv', '--feedback=b.jsonl']), { models: ['claims'], options: { feedback: ['a.jsonl', 'b.jsonl'] } });
    assert.throws(() => parseTrainArguments(['--feedback']), /needs a file/);
    assert.throws(() => parseTrainArguments(['claims', '--feedbak', 'a.jsonl']), /unknown option --feedbak/);
    assert.equal(parseTrainArguments(['claims', '--help']).help, true);
  });

  it('takes --cv-seeds 1,2,3 (also --cv-seeds=1,2,3) for the entity models, and refuses anything but whole numbers before training', () => {
    assert.deepEqual(parseTrainArguments(['entities-de', '--cv-seeds', '1,2,3']), { models: ['entities-de'], options: { feedback: [], cvSeeds: [1, 2, 3] } });
    assert.deepEqual(parseTrainArguments(['--cv-seeds=7']).options.cvSeeds, [7]);
    for (const bad of [['--cv-seeds'], ['--cv-seeds', '1,,2'], ['--cv-seeds=one'], ['--cv-seeds', '-1']]) assert.throws(() => parseTrainArguments(bad), /--cv-seeds needs whole numbers/);
  });

  it('learns from the corrections: a sentence the team marked "not a claim" scores lower after retraining', () => {
    const random = seededRandom(7);
    const subjects = ['The company', 'The market', 'The lab', 'The fund'];
    const record = (i: number): ClaimRecord => {
      const claim = random() < 0.5;
      const subject = subjects[Math.floor(random() * subjects.length)];
      // One label in eight disagrees with the wording, as real labels do: the set is not separable.
      const label = claim !== random() < 0.125 ? 1 : 0;
      return { id: `toy ${i}`, lang: 'en', text: claim ? `${subject} grew by ${10 + i} percent in 2024.` : `${subject} waited quietly again.`, label, source_label: String(label) };
    };
    const corpora: ClaimCorpora = {
      claimBusterTrain: Array.from({ length: 300 }, (_, i) => record(i)),
      claimBusterDev: Array.from({ length: 40 }, (_, i) => record(1000 + i)),
      goldArticles: [], guidelineExamples: [], heldOutArticles: [], feedbackExamples: [], germanComments: null,
    };
    const config = { hashBits: 10, germanHashBits: 9, epochs: 8, learningRate: 0.2, l2: 1e-4, goldWeight: 5, priorScale: 0, seed: 1, englishEpochs: 2, englishLearningRate: 0.2, guidelineSignalsFromOwnSentences: true };
    const corrected = 'The snack bar grew by 300 percent in 2024.';
    const feedback: ClaimRecord[] = Array.from({ length: 10 }, (_, i) => ({ id: `feedback-${i}`, lang: 'en', text: corrected, label: 0, source_label: 'feedback:not-a-claim' }));
    const score = (model: ClaimModel) => claims(corrected, { claimThreshold: 0, claimScorer: model })[0].score;
    const before = score(trainClaimModel(corpora, config, () => undefined));
    const after = score(trainClaimModel({ ...corpora, feedbackExamples: feedback }, config, () => undefined));
    assert.ok(before > 0.5 && after < before - 0.3, `before ${before}, after ${after}`);
  });
});

describe('claims: classification scores', () => {
  it('counts positive-class F1 and macro-F1', () => {
    const s = binaryScores([true, true, false, false, true], [true, false, true, false, true]);
    assert.deepEqual([s.tp, s.fp, s.fn, s.tn], [2, 1, 1, 1]);
    assert.equal(s.f1, 2 / 3);
    assert.equal(s.macroF1, (2 / 3 + 1 / 2) / 2);
  });
});
