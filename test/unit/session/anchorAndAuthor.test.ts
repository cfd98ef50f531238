import assert from 'node:assert/strict';
import { contentHash } from '../../../src/core/review/contentHash';
import { anchorAt } from '../../../src/core/session/anchorAt';
import { ReadOnce } from '../../../src/core/session/readOnce';
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

describe('ReadOnce: a value per key, read once', () => {
  it('reads each key once, and knows the value (undefined too) only after it was read', async () => {
    const memo = new ReadOnce<string | undefined>();
    let reads = 0;
    const reader = (value: string | undefined) => async () => {
      reads += 1;
      return value;
    };
    const first = memo.read('a', reader('Ada'));
    assert.equal(memo.known('a'), undefined, 'not before it is read');
    assert.equal(await memo.read('a', reader('Bob')), 'Ada');
    assert.equal(await first, 'Ada');
    assert.deepEqual(memo.known('a'), { value: 'Ada' });
    await memo.read('b', reader(undefined));
    assert.deepEqual(memo.known('b'), { value: undefined }, 'read, and nothing there');
    assert.equal(reads, 2);
  });
});
