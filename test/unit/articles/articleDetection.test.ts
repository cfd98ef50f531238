import assert from 'node:assert/strict';
import { declaresArticle, hasDatePrefix, hasFrontMatterFlag } from '../../../src/core/articles/articleDetection';

describe('article detection', () => {
  it('recognises the seeds\' leading date prefix, with or without a BOM', () => {
    assert.equal(hasDatePrefix(' date 2025-01 Die Fortschritte'), true);
    assert.equal(hasDatePrefix('\uFEFF date 2024-08 Was haben'), true);
    assert.equal(hasDatePrefix('The date 2025-01 is later in the line'), false);
    assert.equal(hasDatePrefix('# README\n\ndate 2025-01'), false);
  });

  it('recognises a front-matter flag and ignores other front matter', () => {
    assert.equal(hasFrontMatterFlag('---\ntitle: X\nainews: true\n---\nBody'), true);
    assert.equal(hasFrontMatterFlag('---\r\narticle: yes\r\n---\r\nBody'), true);
    assert.equal(hasFrontMatterFlag('---\ntitle: X\n---\nainews: true'), false);
    assert.equal(hasFrontMatterFlag('ainews: true'), false);
  });

  it('does not treat an ordinary README as an article', () => {
    assert.equal(declaresArticle('# My project\n\nInstall with npm.\n'), false);
  });
});
