import assert from 'node:assert/strict';
import { analyze, readArticleDate } from '../../../src/core/analysis';
import { importPage } from '../../../src/core/import';
import { developmentPages } from './pages';

describe('import: the article date comes from front matter `published`', () => {
  it('an imported article is dated by its publication date, and its front matter is not analysed', () => {
    const page = developmentPages().find((p) => p.name === 'de-techportal-qwen');
    assert.ok(page);
    const { markdown } = importPage(page.bytes, { fileName: 'p.html', fetched: new Date('2026-01-01T00:00:00Z') });
    const analysis = analyze(markdown);
    assert.equal(analysis.date, '2025-01-29');
    assert.equal(analysis.language, 'de');
    const frontMatterEnd = markdown.indexOf('\n---\n', 4) + 5;
    assert.ok(analysis.findings.every((f) => f.start >= frontMatterEnd), 'nothing found in the front matter');
  });

  it('reads quoted and bare dates, ignores null and impossible months', () => {
    assert.equal(readArticleDate('---\ntitle: "x"\npublished: "2024-11-12"\n---\n# x\n').date, '2024-11-12');
    assert.equal(readArticleDate('---\npublished: 2024-11\n---\ntext').date, '2024-11');
    assert.equal(readArticleDate('---\npublished: null\n---\ntext').date, null);
    assert.equal(readArticleDate('---\npublished: "2024-13-01"\n---\ntext').date, null);
    assert.equal(readArticleDate('Text\n---\npublished: 2024-11-12\n---\n').date, null);
  });
});
