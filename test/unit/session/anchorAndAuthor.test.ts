import assert from 'node:assert/strict';
import { contentHash } from '../../../src/core/review/contentHash';
import { anchorAt } from '../../../src/core/session/anchorAt';
import { Authors } from '../../../src/core/session/authors';
import { resolveAnchor } from '../../../src/core/store/anchor';

describe('anchorAt: where a new verdict sits', () => {
  it('quotes the words with their context, keeps the span and the text\'s hash', () => {
    const text = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o.';
    const start = text.indexOf('Qwen 2.5');
    const anchor = anchorAt('articles/qwen.md', text, { start, end: start + 8 });
    assert.equal(anchor.article, 'articles/qwen.md');
    assert.equal(anchor.quote.exact, 'Qwen 2.5');
    assert.equal(anchor.quote.prefix, 'Alibaba hat ');
    assert.deepEqual(anchor.position, { start, end: start + 8 });
    assert.equal(anchor.articleHash, contentHash(text));
    assert.equal(resolveAnchor(text, anchor.quote, anchor.position).state, 'exact');
  });
});

describe('Authors: who signs a verdict', () => {
  it('takes the configured name, else git\'s user.name read once per folder, else "unknown"; known without waiting only once read', async () => {
    const authors = new Authors();
    let reads = 0;
    const git = (name: string | undefined) => async () => {
      reads += 1;
      return name;
    };
    assert.equal(await authors.of('/a', 'Ada', git('Bob')), 'Ada');
    assert.equal(reads, 0, 'git is not asked when a name is configured');
    assert.equal(authors.known('/a', ''), undefined, 'not read yet');
    const first = authors.of('/a', '', git('Bob'));
    assert.equal(await authors.of('/a', '', git('Cy')), 'Bob', 'read once');
    assert.equal(await first, 'Bob');
    assert.equal(authors.known('/a', ''), 'Bob');
    assert.equal(authors.known('/a', 'Ada'), 'Ada');
    assert.equal(await authors.of('/b', '', git(undefined)), 'unknown');
    assert.equal(authors.known('/b', ''), 'unknown');
    assert.equal(reads, 2);
  });
});
