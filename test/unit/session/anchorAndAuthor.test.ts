import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../../src/core/review/contentHash';
import { anchorAt, giveVerdict } from '../../../src/core/session/anchorAt';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
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

describe('giveVerdict: a verdict in a folder\'s store', () => {
  const text = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o.';
  const start = text.indexOf('Qwen 2.5');
  const target = { article: 'articles/qwen.md', text, span: { start, end: start + 8 } };
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ainews-verdict-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an anchored annotation, with the version-2 fields when given', async () => {
    const store = await AnnotationStore.open(dir);
    const plain = giveVerdict(store, target, { status: 'disputed' }, 'Anna');
    assert.deepEqual([plain.status, plain.note, plain.quote.exact, plain.articleHash], ['disputed', '', 'Qwen 2.5', contentHash(text)]);
    const assigned = giveVerdict(store, target, { status: 'unverified', note: 'check', extra: { assignee: 'Ben' } }, 'Anna');
    assert.deepEqual([assigned.note, assigned.assignee, store.annotations.length], ['check', 'Ben', 2]);
  });

  it('updates the annotation already on the span, keeping its note when none is given, its history recording the change', async () => {
    const store = await AnnotationStore.open(dir);
    const first = giveVerdict(store, target, { status: 'disputed', note: 'Says three years' }, 'Anna');
    const again = giveVerdict(store, target, { status: 'verified', note: '', existingId: first.id }, 'Ben');
    assert.equal(again.id, first.id);
    assert.equal(store.annotations.length, 1);
    assert.deepEqual([again.status, again.note], ['verified', 'Says three years']);
    assert.deepEqual(again.history?.map((h) => `${h.status}:${h.author}`).slice(-1), ['verified:Ben']);
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
