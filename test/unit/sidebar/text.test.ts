import assert from 'node:assert/strict';
import { shortenQuote, splitArticlePath } from '../../../src/core/sidebar/text';

describe('sidebar: shortenQuote', () => {
  it('keeps a short quote and puts it on one line', () => {
    assert.equal(shortenQuote('  Alibaba  investiert\n\t53 Mrd. Dollar '), 'Alibaba investiert 53 Mrd. Dollar');
  });

  it('cuts a long quote at a word boundary and marks the cut', () => {
    const quote = 'Laut einer Studie von PwC könnte KI bis 2030 rund 15,7 Billionen Dollar zur Weltwirtschaft beitragen.';
    const short = shortenQuote(quote);
    assert.ok(short.length <= 60, short);
    assert.ok(short.endsWith('…'));
    assert.ok(quote.startsWith(short.slice(0, -1)));
    assert.ok(!short.slice(0, -1).endsWith(' '));
    assert.equal(short, 'Laut einer Studie von PwC könnte KI bis 2030 rund 15,7…');
  });

  it('cuts mid-word when there is no space near the limit', () => {
    const short = shortenQuote('x'.repeat(100), 10);
    assert.equal(short, `${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const short = shortenQuote(`${'a'.repeat(8)}😀${'b'.repeat(20)}`, 10);
    assert.equal(short, `${'a'.repeat(8)}…`);
    assert.doesNotMatch(short, /[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('handles the empty quote', () => {
    assert.equal(shortenQuote(''), '');
    assert.equal(shortenQuote(' \n '), '');
  });
});

describe('sidebar: splitArticlePath', () => {
  it('splits into file name and folder', () => {
    assert.deepEqual(splitArticlePath('articles/2025/ki.md'), { name: 'ki.md', dir: 'articles/2025' });
    assert.deepEqual(splitArticlePath('ki.md'), { name: 'ki.md', dir: '' });
  });
});
