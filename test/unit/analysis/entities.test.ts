import assert from 'node:assert/strict';
import { defaultLexicon, findEntities, parseLexiconFile, tokenize, withEntries } from '../../../src/core/analysis';
import { roughSentenceStarts } from '../../../src/core/analysis/tagger/words';
import { entities } from './helpers';

function typed(text: string, options?: Parameters<typeof entities>[1]): string[] {
  return entities(text, options).map((e) => `${e.type}:${e.text}`);
}

describe('analysis: entities', () => {
  it('types companies, models, people, places and outlets (German)', () => {
    const found = typed('Laut Reuters hat Nvidia-Chef Jensen Huang in Peking über den H20 gesprochen, während Alibaba Qwen 2.5 vorstellte.');
    for (const expected of ['outlet:Reuters', 'org:Nvidia', 'person:Jensen Huang', 'place:Peking', 'product:H20', 'org:Alibaba', 'product:Qwen 2.5']) {
      assert.ok(found.includes(expected), `${expected} missing in ${JSON.stringify(found)}`);
    }
  });

  it('types entities in English, without the possessive', () => {
    const found = typed("According to Bloomberg, OpenAI's Sam Altman met investors in London to discuss GPT-4o and the MMLU benchmark.");
    for (const expected of ['outlet:Bloomberg', 'org:OpenAI', 'person:Sam Altman', 'place:London', 'product:GPT-4o', 'other:MMLU']) {
      assert.ok(found.includes(expected), `${expected} missing in ${JSON.stringify(found)}`);
    }
  });

  it('keeps versions with model names', () => {
    assert.deepEqual(typed('DeepSeek-V3 und Qwen 2.5 treten gegen GPT-4o an.'), ['product:DeepSeek-V3', 'product:Qwen 2.5', 'product:GPT-4o']);
  });

  it('finds unknown names by shape: corporate suffix, "laut X", "entwickelt von X"', () => {
    const found = typed('Das Modell wurde entwickelt von Zephyrion, sagte die Quantaflux GmbH am Montag.');
    assert.ok(found.some((f) => f.endsWith(':Zephyrion')), JSON.stringify(found));
    assert.ok(found.some((f) => f.startsWith('org:Quantaflux')), JSON.stringify(found));
  });

  it('takes no field in a conference\'s or journal\'s title for a company ("Conference on Neural Information Processing Systems")', () => {
    const rules = (text: string) => {
      const tokens = tokenize(text);
      return findEntities(tokens, text, 'en', defaultLexicon(), roughSentenceStarts(tokens)).findings.map((f) => `${f.type}:${f.text}`);
    };
    for (const text of ['She spoke at the 2018 Conference on Neural Information Processing Systems.', 'It appeared in Advances in Neural Information Processing Systems.', 'See the Journal of Intelligent Systems.']) {
      assert.deepEqual(rules(text).filter((f) => f.startsWith('org:')), [], text);
    }
    assert.deepEqual(rules('He joined Quantaflux Systems in 2019.'), ['org:Quantaflux Systems']);
  });

  it('does not take capitalised German common nouns for names', () => {
    const found = typed('Die Regierung erwartet, dass Unternehmen im Wettbewerb um Sprachmodelle und Rechenzentren mehr Geld für Forschung ausgeben.');
    assert.deepEqual(found, []);
    assert.deepEqual(typed('KI verändert den Markt, und jedes LLM braucht eine GPU.'), []);
  });

  it('is extended by a workspace lexicon file', () => {
    const text = 'Wolkenbruch kündigte am Montag Nimbus an.';
    assert.ok(!typed(text).includes('org:Wolkenbruch'), JSON.stringify(typed(text)));
    const file = JSON.stringify({ version: 1, entities: [{ name: 'Wolkenbruch', type: 'org', aliases: ['Wolkenbruch AI'] }, { name: 'Nimbus', type: 'product', versioned: true }] });
    const { entries, errors } = parseLexiconFile(file);
    assert.deepEqual(errors, []);
    const lexicon = withEntries(defaultLexicon(), entries);
    assert.deepEqual(typed(text, { lexicon }), ['org:Wolkenbruch', 'product:Nimbus']);
    assert.ok(typed('Nimbus 2 ist schneller.', { lexicon }).includes('product:Nimbus 2'));
  });

  it('reports problems in a lexicon file and keeps the good entries', () => {
    const { entries, errors } = parseLexiconFile(JSON.stringify({ version: 1, entities: [{ name: 'Good', type: 'org' }, { name: 'Bad', type: 'company' }, { type: 'org' }] }));
    assert.deepEqual(entries.map((e) => e.name), ['Good']);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /type/);
    assert.equal(parseLexiconFile('{not json').errors.length, 1);
    assert.equal(parseLexiconFile('[]').entries.length, 0);
  });

  it('uses no entry of a lexicon file with a key written twice, and names it and syntax errors with line and column', () => {
    const twice = '{\n  "version": 1,\n  "entities": [\n    {"name": "Wolkenbruch", "type": "org", "type": "person"}\n  ]\n}\n';
    assert.deepEqual(parseLexiconFile(twice), { entries: [], errors: ['line 4, column 44: Duplicate key "type" (JSON readers keep only one of them; remove the other); no entry of the file is used until it is fixed'] });
    assert.deepEqual(parseLexiconFile('{\n  "version": 1,\n  "entities": [}\n'), { entries: [], errors: ["line 3, column 16: JSON syntax error: Expected a JSON value but found '}'"] });
  });
});
