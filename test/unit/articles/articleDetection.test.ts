import assert from 'node:assert/strict';
import { articleReason, declaresArticle, hasDatePrefix, hasFrontMatterFlag } from '../../../src/core/articles/articleDetection';
import { englishL10n } from '../../../src/core/labels/l10n';
import { germanL10n } from '../../support/l10nBundles';

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

describe('article detection: why a document is an article', () => {
  const unread = (): string => assert.fail('the head is read only when neither an opt-in nor a glob decides');

  it('names the opt-in first, then the glob, then the text\'s own declaration', () => {
    assert.equal(articleReason(englishL10n, { optedIn: true, glob: 'articles/**', head: unread }), 'you opted it in ("AI News: Analyze This Document")');
    assert.equal(articleReason(englishL10n, { optedIn: false, glob: 'articles/**', head: unread }), 'it matches articles/**');
    assert.match(articleReason(englishL10n, { optedIn: false, glob: undefined, head: () => ' date 2025-01 Titel' }), /^it declares itself/);
    assert.equal(articleReason(englishL10n, { optedIn: false, glob: undefined, head: () => '# README' }), 'it was opted in');
  });

  it('says it in German', () => {
    assert.notEqual(articleReason(germanL10n(), { optedIn: false, glob: 'seeds/**', head: unread }), 'it matches seeds/**');
    assert.notEqual(articleReason(germanL10n(), { optedIn: true, glob: undefined, head: unread }), articleReason(englishL10n, { optedIn: true, glob: undefined, head: unread }));
  });
});
