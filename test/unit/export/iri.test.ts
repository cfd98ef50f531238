import assert from 'node:assert/strict';
import { annotationIri, articleIri, baseIriProblem, collectionIri } from '../../../src/core/export';

describe('export IRIs', () => {
  const base = 'https://git.example/team/news/blob/main';

  it('makes article IRIs below the base, percent-encoding each path segment', () => {
    assert.equal(articleIri('articles/Über KI #1.md', base), 'https://git.example/team/news/blob/main/articles/%C3%9Cber%20KI%20%231.md');
    assert.equal(articleIri('seeds/a.txt', `${base}/`), 'https://git.example/team/news/blob/main/seeds/a.txt');
  });

  it('keeps odd paths below the base', () => {
    assert.ok(articleIri('//evil.example/x.md', base).startsWith(`${base}/`));
    assert.ok(articleIri('a:b.md', base).startsWith(`${base}/`));
  });

  it('uses urn:ainews: names without a base', () => {
    assert.equal(articleIri('articles/Über KI.md'), 'urn:ainews:article:articles/%C3%9Cber%20KI.md');
    assert.equal(annotationIri('abc_1-X'), 'urn:ainews:annotation:abc_1-X');
    assert.equal(collectionIri(), 'urn:ainews:annotations');
  });

  it('names annotations as fragments of the annotation file below the base', () => {
    assert.equal(annotationIri('abc', base), 'https://git.example/team/news/blob/main/.ainews/annotations.json#abc');
  });

  it('accepts only absolute http(s) bases without query or fragment', () => {
    assert.equal(baseIriProblem(base), null);
    assert.match(baseIriProblem('git.example/news') ?? '', /not an absolute address/);
    assert.match(baseIriProblem('file:///home/me/news') ?? '', /http\(s\)/);
    assert.match(baseIriProblem('https://git.example/news?ref=main') ?? '', /query or fragment/);
  });
});
