import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analysis';
import type { ClaimFinding } from '../../../src/core/analysis/types';
import { buildCrossIndex, findClaimAmong, findClaimInOtherArticles, type CrossIndex, type IndexedArticle } from '../../../src/core/crossref';
import { exportFixtures } from '../export/fixtures';

function loadArticles(folder: string, prefix: string): IndexedArticle[] {
  return readdirSync(folder)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      return { path: `${prefix}/${name}`, text, analysis: analyze(text) };
    });
}

function conflictPairs(index: CrossIndex): string[] {
  return index.conflicts.map((c) => `${c.entity} ${c.unit}: ${c.a.article.split('/').pop()} ${c.a.text} ≠ ${c.b.article.split('/').pop()} ${c.b.text}`);
}

describe('cross-article index', () => {
  let articles: IndexedArticle[];
  let index: CrossIndex;
  before(() => {
    articles = loadArticles(join(exportFixtures(), 'crossref'), 'articles');
    index = buildCrossIndex(articles);
  });

  it('warns when two articles give different figures for the same quantity (15,7 vs 13 Billionen)', () => {
    const pairs = conflictPairs(index);
    const billions = index.conflicts.find((c) => c.a.article.endsWith('pwc-a.md') && c.b.article.endsWith('pwc-b.md'));
    assert.ok(billions, pairs.join('\n'));
    assert.equal(billions.entity, 'PwC');
    assert.equal(billions.unit, 'USD');
    assert.equal(billions.a.value, 15.7e12);
    assert.equal(billions.b.value, 13e12);
    assert.match(billions.a.text, /15,7 Billionen/);
    assert.ok(Math.abs(billions.difference - 2.7 / 15.7) < 1e-9);
  });

  it('stays quiet for figures within the tolerance, for other years and for other measures', () => {
    const pairs = conflictPairs(index);
    // 15,7 vs 15,6 Billionen: within 5 %.
    assert.ok(!index.conflicts.some((c) => c.a.article.endsWith('pwc-a.md') && c.b.article.endsWith('pwc-d.md')), pairs.join('\n'));
    // 2025 vs 2030: different quantities.
    assert.ok(!index.conflicts.some((c) => c.a.article.endsWith('pwc-c.md') || c.b.article.endsWith('pwc-c.md')), pairs.join('\n'));
    // 13 vs 15,6 Billionen is beyond the tolerance again.
    assert.ok(index.conflicts.some((c) => c.a.article.endsWith('pwc-b.md') && c.b.article.endsWith('pwc-d.md')), pairs.join('\n'));
  });

  it('takes the tolerance as an option', () => {
    const lenient = buildCrossIndex(articles, { tolerance: 0.25 });
    assert.deepEqual(lenient.conflicts, []);
  });

  it('never reports a conflict within one article', () => {
    const doubled = buildCrossIndex([articles[0], { ...articles[0], path: 'copy.md', text: articles[0].text }]);
    assert.deepEqual(doubled.conflicts, []);
  });

  it('lists each entity with the articles and claims that mention it', () => {
    const pwc = index.entities.find((e) => e.canonical === 'PwC');
    assert.ok(pwc, index.entities.map((e) => e.canonical).join(', '));
    assert.equal(pwc.articleCount, 4);
    assert.deepEqual([...new Set(pwc.mentions.map((m) => m.article.split('/').pop()))], ['pwc-a.md', 'pwc-b.md', 'pwc-c.md', 'pwc-d.md']);
    for (const mention of pwc.mentions) {
      const article = articles.find((a) => a.path === mention.article);
      assert.match(article?.text.slice(mention.start, mention.end) ?? '', /^PwC/);
      if (mention.claimStart !== undefined) assert.ok(mention.claimStart <= mention.start && mention.end <= (mention.claimEnd ?? 0));
    }
    assert.ok(pwc.mentions.some((m) => m.claimStart !== undefined));
    // Sorted by how many articles mention an entity.
    assert.equal(index.entities[0].articleCount, Math.max(...index.entities.map((e) => e.articleCount)));
  });

  it('finds the same claim in other articles, best match first', () => {
    const source = articles.find((a) => a.path.endsWith('pwc-a.md'));
    assert.ok(source);
    const claim = source.analysis.findings.find((f): f is ClaimFinding => f.kind === 'claim' && f.text.includes('15,7 Billionen'));
    assert.ok(claim, 'the analysis finds the claim');
    const matches = findClaimInOtherArticles(index, source.path, claim, articles);
    assert.ok(matches.length >= 2);
    assert.ok(matches.every((m) => m.article !== source.path));
    // pwc-d says nearly the same (same entity, year and wording); pwc-b gives another figure.
    assert.ok(matches[0].article.endsWith('pwc-d.md'), JSON.stringify(matches, null, 1));
    assert.ok(matches.some((m) => m.article.endsWith('pwc-b.md')));
    assert.ok(matches[0].sharedEntities.includes('PwC'));
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1].score >= matches[i].score);
    // The investment claim of pwc-c is not the same claim.
    assert.ok(!matches.some((m) => m.text.includes('Schulung')));
  });

  it('finds a claim of an article the workspace load left out by indexing that article too', () => {
    const source = articles.find((a) => a.path.endsWith('pwc-a.md'));
    const claim = source?.analysis.findings.find((f): f is ClaimFinding => f.kind === 'claim' && f.text.includes('15,7 Billionen'));
    assert.ok(source && claim);
    const others = articles.filter((a) => a !== source);
    const unsaved = { ...source, path: 'drafts/pwc-a.md' };
    const matches = findClaimAmong(others, unsaved, claim);
    assert.deepEqual(matches, findClaimInOtherArticles(buildCrossIndex([...others, unsaved]), unsaved.path, claim, [...others, unsaved]));
    assert.ok(matches[0].article.endsWith('pwc-d.md'));
    assert.deepEqual(findClaimAmong(articles, source.path, claim), findClaimInOtherArticles(index, source.path, claim, articles));
  });
});
