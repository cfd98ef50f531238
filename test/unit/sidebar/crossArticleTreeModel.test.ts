import assert from 'node:assert/strict';
import type { CrossIndex, EntityMention, IndexedEntity, QuantityConflict } from '../../../src/core/crossref/index';
import { PWC_CONFLICT } from '../../support/crossIndex';
import { crossArticleChildren, crossArticleRoots, crossItemId, locateIndexPath, mentionElements, snippetOf } from '../../../src/core/sidebar/crossArticleTreeModel';

const TEXT = 'Erste Zeile.\nPwC schätzt 15,7 Billionen Dollar. Danach kommt noch ein langer Satz ohne jeden Bezug.';
const pwc = TEXT.indexOf('PwC');
const later = TEXT.indexOf('Bezug');
const mention = (article: string, start: number, end: number, claim?: [number, number]): EntityMention =>
  ({ article, start, end, ...(claim ? { claimStart: claim[0], claimEnd: claim[1] } : {}) });
const entity: IndexedEntity = {
  canonical: 'PwC',
  type: 'org',
  mentions: [mention('a.md', later, later + 5), mention('b.md', 0, 3), mention('a.md', pwc, pwc + 3, [pwc, TEXT.indexOf('.', pwc) + 1])],
  articleCount: 2,
};
const conflict = PWC_CONFLICT;
const index = (conflicts: QuantityConflict[]): CrossIndex => ({ entities: [entity], conflicts, claims: [], tolerance: 0.05 });

describe('sidebar: the "Across articles" view\'s nodes', () => {
  it('lists the conflicts first (when there are any), then the entities', () => {
    assert.deepEqual(crossArticleRoots(index([conflict])).map((e) => e.kind), ['conflicts', 'entity']);
    assert.deepEqual(crossArticleRoots(index([])).map((e) => e.kind), ['entity']);
    assert.deepEqual(crossArticleRoots(undefined), []);
  });

  it('lists a conflict\'s two figures, and an entity\'s articles in the order of its mentions', () => {
    const [conflicts] = crossArticleRoots(index([conflict]));
    assert.ok(conflicts.kind === 'conflicts');
    const [one] = crossArticleChildren(conflicts);
    assert.ok(one.kind === 'conflict');
    assert.deepEqual(crossArticleChildren(one), [{ kind: 'figure', mention: conflict.a }, { kind: 'figure', mention: conflict.b }]);
    const articles = crossArticleChildren({ kind: 'entity', entity });
    assert.deepEqual(articles.map((a) => a.kind === 'entityArticle' && [a.article, a.mentions.length]), [['a.md', 2], ['b.md', 1]]);
  });

  it('lists an article\'s mentions in text order with their line and what they say; without the text, only the mentions', () => {
    const [inA] = crossArticleChildren({ kind: 'entity', entity });
    assert.ok(inA.kind === 'entityArticle');
    const mentions = mentionElements(inA, TEXT);
    assert.deepEqual(mentions.map((m) => [m.mention.start, m.line]), [[pwc, 2], [later, 2]]);
    assert.equal(mentions[0].snippet, 'PwC schätzt 15,7 Billionen Dollar.', 'the claim it is in');
    assert.deepEqual(mentionElements(inA, undefined).map((m) => [m.mention.start, m.snippet, m.line]), [[pwc, undefined, undefined], [later, undefined, undefined]]);
  });

  it('shows a mention outside a claim with the text around it, marking what is cut off', () => {
    assert.equal(snippetOf(TEXT, mention('a.md', later, later + 5)), `…${TEXT.slice(later - 30)}`, '30 characters before, the end of the text after');
    assert.equal(snippetOf(TEXT, mention('a.md', pwc, pwc + 3)), `${TEXT.slice(0, pwc + 33)}…`, 'from the start of the text');
    assert.equal(snippetOf('kurz PwC', mention('a.md', 5, 8)), 'kurz PwC');
  });

  it('gives ids that stay the same across refreshes', () => {
    assert.equal(crossItemId({ kind: 'conflict', conflict }), 'conflict|PwC|usd|a.md|1|b.md|2');
    assert.equal(crossItemId({ kind: 'entityArticle', entity, article: 'a.md', mentions: [] }), 'article|PwC|org|a.md');
  });

  it('finds an index path: a URI or an absolute path as it is, else in the folder it names (multi-root) or the first', () => {
    assert.deepEqual(locateIndexPath('vscode-vfs://github/x/a.md', ['news']), { kind: 'uri', uri: 'vscode-vfs://github/x/a.md' });
    assert.deepEqual(locateIndexPath('/tmp/a.md', ['news']), { kind: 'absolute', path: '/tmp/a.md' });
    assert.deepEqual(locateIndexPath('articles/a.md', ['news']), { kind: 'folder', folder: 0, segments: ['articles', 'a.md'] });
    assert.deepEqual(locateIndexPath('blog/articles/a.md', ['news', 'blog']), { kind: 'folder', folder: 1, segments: ['articles', 'a.md'] });
    assert.deepEqual(locateIndexPath('news/a.md', ['news']), { kind: 'folder', folder: 0, segments: ['news', 'a.md'] }, 'one folder: its name is no prefix');
    assert.equal(locateIndexPath('a.md', []), undefined);
  });
});
