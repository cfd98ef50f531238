import assert from 'node:assert/strict';
import { detokenize, distinctArticle } from '../../../bench/distinctText';
import { corpora } from '../../support/corpora';

describe('bench: distinct text from the corpora', () => {
  it('undoes the token spacing of CoNLL-style sentences', () => {
    assert.equal(detokenize('Fischer sei , so Hirsch ( SPD ) .'), 'Fischer sei, so Hirsch (SPD).');
    assert.equal(detokenize('Er sagte dem " Tagesspiegel " : ja'), 'Er sagte dem "Tagesspiegel": ja');
  });

  it('builds the same article every time, every paragraph once, at least as long as asked', () => {
    const size = 100_000;
    for (const language of ['de', 'en'] as const) {
      const article = distinctArticle(language, size, corpora());
      assert.equal(distinctArticle(language, size, corpora()), article);
      assert.ok(article.length >= size - 2);
      const paragraphs = article.split('\n\n');
      assert.equal(new Set(paragraphs).size, paragraphs.length);
    }
  });

  it('says how much text is missing when the corpora hold too little', () => {
    assert.throws(() => distinctArticle('en', 1e9, corpora()), /hold only \d+ characters of distinct en text, 1000000000 needed/);
  });
});
