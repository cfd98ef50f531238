import assert from 'node:assert/strict';
import { analyze, countFunctionWords, detectLanguage, modelsOf, paragraphLanguage, shippedModels } from '../../../src/core/analysis';
import { decodeLanguageModel, trainLanguageModel } from '../../../src/core/analysis/languageModel';

const GERMAN = [
  'Die Bundesregierung will die Förderung für künstliche Intelligenz im kommenden Jahr deutlich erhöhen.',
  'Der Chiphersteller meldete am Mittwoch einen Rekordumsatz, die Aktie stieg um zwölf Prozent.',
  'Forscher warnen vor den Risiken großer Sprachmodelle für Wahlen und Demokratie.',
];
const ENGLISH = [
  'The government wants to increase funding for artificial intelligence significantly next year.',
  'The chipmaker reported record revenue on Wednesday, and its shares jumped twelve percent.',
  'Researchers are warning about the risks that large language models pose to elections.',
];

describe('analysis: language model', () => {
  const model = shippedModels().languageModel();

  it('reads short English texts without function words as English, where the cue list says German', () => {
    for (const text of ['AI chip export rules tightened', 'Breaking: Nvidia shares slump', 'Microsoft Copilot pricing explained']) {
      assert.equal(detectLanguage(text, model), 'en', text);
    }
    // The function-word cues it replaces had nothing to count here and fell back to German.
    assert.equal(detectLanguage('AI chip export rules tightened'), 'de');
  });

  it('still reads short German texts as German', () => {
    for (const text of ['Neue Regeln für KI-Chips', 'Nvidia-Aktie bricht ein', 'Warum Sprachmodelle halluzinieren']) {
      assert.equal(detectLanguage(text, model), 'de', text);
    }
  });

  it('reads an English paragraph in a German article as English, and the article as German', () => {
    const article = `${GERMAN.join(' ')}\n\n"${ENGLISH[1]}"\n\n${GERMAN.slice(0, 2).join(' ')}`;
    assert.ok(model);
    const paragraphs = article.split('\n\n').map((p) => model.evidence(p));
    const total = paragraphs.reduce((a, c) => ({ de: a.de + c.de, en: a.en + c.en }), { de: 0, en: 0 });
    const articleLanguage = total.en > total.de ? 'en' : 'de';
    assert.equal(articleLanguage, 'de');
    assert.deepEqual(paragraphs.map((c) => paragraphLanguage(c, articleLanguage, true)), ['de', 'en', 'de']);
    assert.equal(analyze(article).language, 'de');
  });

  it('leaves a German paragraph full of English names German', () => {
    const cues = model!.evidence('OpenAI, Google DeepMind und Anthropic haben am Montag neue Modelle vorgestellt.');
    assert.equal(paragraphLanguage(cues, 'de', true), 'de');
  });

  it('analyses an English paragraph of a German article with the English rules', () => {
    // "1.5 billion" is a decimal point in English; German reads "1.5" as a date or a thousands group.
    const article = `${GERMAN.join(' ')}\n\nThe startup raised $1.5 billion from investors in London last week.\n\n${GERMAN[0]}`;
    const money = analyze(article).findings.find((f) => f.kind === 'number' && f.text.includes('1.5'));
    assert.ok(money && money.kind === 'number');
    assert.equal(money.value, 1.5e9);
  });

  it('trains from two small corpora and round-trips through its file format', () => {
    const trained = trainLanguageModel(GERMAN, ENGLISH, 1 << 12);
    const copy = decodeLanguageModel(trained.toBytes());
    assert.deepEqual(copy.evidence(ENGLISH[0]), trained.evidence(ENGLISH[0]));
    assert.equal(detectLanguage('Die Regierung will mehr Geld', copy), 'de');
    assert.equal(detectLanguage('The government wants more money', copy), 'en');
    assert.throws(() => decodeLanguageModel(new Uint8Array(20)), /not a language model/);
  });

  it('falls back to function words without a model', () => {
    assert.deepEqual(countFunctionWords('the cat and the dog'), { de: 0, en: 3 });
    assert.equal(analyze('the cat and the dog are in the house', { models: modelsOf({}) }).language, 'en');
  });
});
