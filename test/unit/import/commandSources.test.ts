import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clipboardSource, importCommandSource, isSingleWebAddress, looksLikeHtml } from '../../../src/core/import';
import { importSourceName } from '../../../src/core/import/importCommandSources';
import { PLAIN_TEXT_EXTRACTOR } from '../../../src/core/import/importPage';
import { englishL10n } from '../../../src/core/labels/l10n';
import { germanL10n } from '../../support/l10nBundles';

describe('import: the sources of the editor\'s commands', () => {
  it('takes an address only when the text is one http(s) address and nothing else', () => {
    assert.ok(isSingleWebAddress(' https://example.org/a?b=1 \n'));
    assert.ok(isSingleWebAddress('HTTP://example.org'));
    assert.ok(!isSingleWebAddress('https://example.org and more'));
    assert.ok(!isSingleWebAddress('ftp://example.org'));
    assert.ok(!isSingleWebAddress('Lies https://example.org'));
  });

  it('tells an HTML page or fragment from prose that mentions a tag', () => {
    assert.ok(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>'));
    assert.ok(looksLikeHtml('  <p class="lead">Alibaba …</p>'));
    assert.ok(!looksLikeHtml('Das <p>-Element ist ein Absatz.'));
    assert.ok(!looksLikeHtml('<paragraph> ist kein HTML-Tag'));
  });

  it('makes a copied address a fetch (trimmed) and anything else text', () => {
    assert.deepEqual(clipboardSource(' https://example.org/a \n'), { kind: 'url', url: 'https://example.org/a' });
    assert.deepEqual(clipboardSource('Alibaba launcht Qwen 2.5\n\nText.'), { kind: 'text', text: 'Alibaba launcht Qwen 2.5\n\nText.' });
  });

  it('imports copied prose as it is and copied HTML through the extraction', async () => {
    const prose = await importCommandSource({ kind: 'text', text: 'Alibaba launcht Qwen 2.5\n\nDer Konzern investiert 53 Milliarden.' });
    assert.equal(prose.provenance.extractor, PLAIN_TEXT_EXTRACTOR);
    assert.equal(prose.provenance.source, 'clipboard');
    assert.equal(prose.provenance.title, 'Alibaba launcht Qwen 2.5');
    const html = await importCommandSource({ kind: 'text', text: '<html><head><title>Qwen 2.5</title></head><body><article><p>Der Konzern investiert 53 Milliarden US-Dollar über drei Jahre in die Cloud.</p></article></body></html>' });
    assert.notEqual(html.provenance.extractor, PLAIN_TEXT_EXTRACTOR);
    assert.ok(html.body.includes('53 Milliarden'));
  });

  it('reads a saved page from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-import-source-'));
    try {
      const page = join(dir, 'saved.html');
      writeFileSync(page, '<html><head><title>Gespeichert</title></head><body><article><p>Ein gespeicherter Artikel mit genug Text für die Extraktion.</p></article></body></html>');
      const article = await importCommandSource({ kind: 'file', path: page });
      assert.ok(article.body.includes('gespeicherter Artikel'));
      await assert.rejects(importCommandSource({ kind: 'file', path: join(dir, 'notes.txt') }), /\.html or \.htm/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import: how a source is named while it is imported', () => {
  it('names an address as given, a file by its shortened path, the clipboard in words (English and German)', () => {
    const shown = (path: string): string => path.replace('/home/me/news/', '');
    assert.equal(importSourceName(englishL10n, { kind: 'url', url: 'https://example.org/a' }, shown), 'https://example.org/a');
    assert.equal(importSourceName(englishL10n, { kind: 'file', path: '/home/me/news/saved/page.html' }, shown), 'saved/page.html');
    assert.equal(importSourceName(englishL10n, { kind: 'text', text: 'Qwen 2.5' }, shown), 'the clipboard');
    assert.notEqual(importSourceName(germanL10n(), { kind: 'text', text: 'x' }, shown), 'the clipboard');
  });
});
