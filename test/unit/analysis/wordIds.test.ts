import assert from 'node:assert/strict';
import { analyze, analyzeBlock, defaultLexicon, DEFAULT_CLAIM_THRESHOLD, RULE_SCORER, tokenize, type Language } from '../../../src/core/analysis';
import { shippedModels, type Models } from '../../../src/core/analysis/models';
import { GermanWordVerdicts } from '../../../src/core/analysis/entityGuards';
import { WordIds } from '../../../src/core/analysis/wordIds';
import { distinctArticle } from '../../../bench/distinctText';
import { corpora } from '../../support/corpora';

describe('analysis: word ids given once per word', () => {
  it('gives a word the same id wherever it stands, and near misses other ids', () => {
    const ids = new WordIds();
    const words = ['a', 'ab', 'Ab', 'abc', 'Merkel', 'Merkels', 'Bundeskanzlerin', 'Bundeskanzlerinnen', 'Köln', 'Koln', '北京', '😀x'];
    const given = words.map((w) => ids.idOf(`  ${w}.`, 2, 2 + w.length));
    assert.equal(new Set(given).size, words.length);
    words.forEach((w, k) => {
      assert.equal(ids.idOf(`(${w})`, 1, 1 + w.length), given[k], w);
      assert.equal(ids.textOf(given[k]), w);
      assert.equal(ids.lowerOf(given[k]), w.toLowerCase());
    });
    assert.equal(ids.size, words.length);
  });

  it('keeps every id when it grows, and gives ids afresh past its limit only between blocks', () => {
    const ids = new WordIds(5_000);
    const words = Array.from({ length: 6_000 }, (_, k) => `w${k.toString(36)}`);
    const given = words.map((w) => ids.idOf(w, 0, w.length));
    words.forEach((w, k) => assert.equal(ids.idOf(w, 0, w.length), given[k]));
    assert.equal(ids.generation, 0);
    ids.beginBlock();
    assert.equal(ids.generation, 1);
    assert.equal(ids.size, 0);
    assert.equal(ids.idOf('w0', 0, 2), 0);
  });

  it('gives a new word no id once its ids run out within a block, and knows the others still', () => {
    const ids = new WordIds(5_000, 3);
    const text = 'eins zwei drei vier eins fünf drei';
    const tokens = tokenize(text, 0, text.length, ids);
    assert.deepEqual(tokens.map((t) => t.id), [0, 1, 2, -1, 0, -1, 2]);
    assert.deepEqual(tokens.map((t) => t.text), text.split(' '));
  });

  it('keeps an owner\'s bytes as its words grow, and forgets both kinds of facts together past MAX_OWNERS', () => {
    const ids = new WordIds();
    const owner = {};
    ids.idOf('a', 0, 1);
    ids.bitsFor(owner)[0] = 3;
    ids.factsFor<string>(owner)[0] = 'kept';
    for (let k = 0; k < 3_000; k++) ids.idOf(`w${k}`, 0, `w${k}`.length);
    const grown = ids.bitsFor(owner);
    assert.ok(grown.length >= ids.size);
    assert.equal(grown[0], 3);
    assert.equal(ids.factsFor<string>(owner)[0], 'kept');
    // Eight other owners of names (factsFor) push the first one out: its bytes go with its names.
    for (let k = 0; k < 8; k++) ids.factsFor({});
    assert.equal(ids.bitsFor(owner)[0], 0);
    assert.equal(ids.factsFor<string>(owner)[0], undefined);
  });

  it('tokenizes as without ids: the same tokens, the table\'s string for a word met again', () => {
    const ids = new WordIds();
    const text = 'Die KI-Firma DeepSeek sagte, die KI sei 2,5-mal schneller. Die Firma…';
    const plain = tokenize(text);
    const withIds = tokenize(text, 0, text.length, ids);
    assert.deepEqual(withIds.map(({ id: _id, ...t }) => t), plain.map(({ id: _id, ...t }) => t));
    assert.ok(plain.every((t) => t.id === -1));
    assert.ok(withIds.every((t) => (t.kind === 'word') === t.id >= 0));
    const dies = withIds.filter((t) => t.text === 'Die');
    assert.equal(dies.length, 2);
    assert.equal(dies[0].id, dies[1].id);
  });

  for (const language of ['de', 'en'] as Language[]) {
    it(`finds in every ${language} block what the stages find looking each word up themselves (entities, tagger, numbers, claims)`, () => {
      const lexicon = defaultLexicon();
      const models = shippedModels();
      const tagger = models.entityTagger(language);
      const scorer = models.claimModel() ?? RULE_SCORER;
      assert.ok(tagger, 'the shipped tagger');
      // A small table: ids are given afresh many times, between blocks.
      const ids = new WordIds(500);
      let findings = 0;
      for (const block of distinctArticle(language, 30_000, corpora()).split('\n\n')) {
        const plain = analyzeBlock(block, language, lexicon, DEFAULT_CLAIM_THRESHOLD, false, tagger, scorer, new GermanWordVerdicts(), null);
        const withIds = analyzeBlock(block, language, lexicon, DEFAULT_CLAIM_THRESHOLD, false, tagger, scorer, new GermanWordVerdicts(), ids);
        assert.deepEqual(withIds, plain, block.slice(0, 80));
        findings += plain.findings.length;
      }
      assert.ok(ids.generation > 2);
      assert.ok(findings > 100);
    });

    it(`finds in every ${language} block the same when the table runs out of ids within a block (the words past it looked up stage by stage)`, () => {
      const lexicon = defaultLexicon();
      const models = shippedModels();
      const tagger = models.entityTagger(language);
      const scorer = models.claimModel() ?? RULE_SCORER;
      const ids = new WordIds(100, 120);
      let withoutId = 0;
      for (const block of distinctArticle(language, 20_000, corpora()).split('\n\n')) {
        const plain = analyzeBlock(block, language, lexicon, DEFAULT_CLAIM_THRESHOLD, false, tagger, scorer, new GermanWordVerdicts(), null);
        const withIds = analyzeBlock(block, language, lexicon, DEFAULT_CLAIM_THRESHOLD, false, tagger, scorer, new GermanWordVerdicts(), ids);
        assert.deepEqual(withIds, plain, block.slice(0, 80));
        withoutId += tokenize(block, 0, block.length, ids).filter((t) => t.kind === 'word' && t.id < 0).length;
      }
      assert.ok(withoutId > 100);
    });

    it(`finds in ${language} what it finds with ids given afresh, with ids kept from other articles and started afresh in between`, () => {
      const text = distinctArticle(language, 40_000, corpora());
      const lexicon = defaultLexicon();
      const withIds = (wordIds: WordIds): Models => ({ ...shippedModels(), wordIds });
      const fresh = analyze(text, { lexicon, models: withIds(new WordIds()) });
      // A small table starts afresh many times within the article; the second analysis reads the ids the first left.
      const shared = withIds(new WordIds(800));
      const first = analyze(text, { lexicon, models: shared });
      const again = analyze(text, { lexicon, models: shared });
      assert.ok(shared.wordIds.generation > 2);
      assert.ok(fresh.findings.length > 100);
      assert.deepEqual(first.findings, fresh.findings);
      assert.deepEqual(again.findings, fresh.findings);
    });
  }
});
