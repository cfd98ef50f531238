import assert from 'node:assert/strict';
import { articleFileName, numberedName, slugify } from '../../../src/core/import';

describe('import: article file names', () => {
  it('slugs titles to lower-case ASCII with German letters spelt out', () => {
    assert.equal(slugify('Alibaba launcht Qwen 2.5'), 'alibaba-launcht-qwen-2-5');
    assert.equal(slugify('KI im Rathaus: Wie Städte im Südwesten Chatbots einsetzen'), 'ki-im-rathaus-wie-staedte-im-suedwesten-chatbots-einsetzen');
    assert.equal(slugify('Straße, Größe & Ölpreis — café'), 'strasse-groesse-oelpreis-cafe');
    assert.equal(slugify('„“ — !!'), 'article');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('AI agents are coming for your browser and they will book restaurants fill in forms and shop for you');
    assert.ok(slug.length <= 60);
    assert.ok(!slug.endsWith('-'));
    assert.equal(slug, 'ai-agents-are-coming-for-your-browser-and-they-will-book');
  });

  it('names an article by date and title, numbering when the name is taken', () => {
    assert.equal(articleFileName('2025-01-29', 'Alibaba stellt Qwen 2.5-Max vor'), '2025-01-29-alibaba-stellt-qwen-2-5-max-vor.md');
    assert.equal(articleFileName('2025-01', 'Alibaba launcht Qwen 2.5', '.txt'), '2025-01-alibaba-launcht-qwen-2-5.txt');
    assert.equal(numberedName('a.md', 1), 'a.md');
    assert.equal(numberedName('a.md', 3), 'a-3.md');
  });
});
