import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { FALLBACK_EXTRACTOR, READABILITY_EXTRACTOR } from '../../../src/core/import/importPage';
import { extractWithoutDom } from '../../../src/core/import/extractArticle';
import { htmlToMarkdown, ImportRefusal, importPage, importPlainText, renderFrontMatter } from '../../../src/core/import';
import { markdownToPlainText, sentenceRecall, tokenScore } from '../../../src/core/import/extractionScore';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { developmentPages, pageWith, PARAGRAPHS } from './pages';

const FETCHED = new Date('2025-02-01T10:00:00.000Z');
const encode = (html: string) => new TextEncoder().encode(html);

/** The front matter's fields as written (one `key: value` per line). */
function frontMatter(markdown: string): Map<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  assert.ok(block, 'front matter first');
  return new Map(block[1].split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
}

describe('import: saved pages of the development set', () => {
  for (const page of developmentPages()) {
    describe(page.name, () => {
      const imported = importPage(page.bytes, { fileName: `${page.name}.html`, fetched: FETCHED });
      const text = markdownToPlainText(imported.body);

      it('keeps every required sentence of the article', () => {
        for (const sentence of page.gold.with) assert.equal(sentenceRecall(text, [sentence]).found, 1, sentence);
      });
      it('removes navigation, banners, share buttons, ads, comments and related links', () => {
        for (const sentence of page.gold.without) {
          const known = page.gold.knownLeaks?.includes(sentence) ?? false;
          assert.equal(sentenceRecall(text, [sentence]).found, known ? 1 : 0, known ? `a known leak is gone, drop it from knownLeaks: ${sentence}` : sentence);
        }
      });
      it('scores token F1 of at least 0.95 against the gold text', () => {
        assert.ok(tokenScore(text, page.gold.body.join('\n')).f1 >= 0.95);
      });
      it('writes the provenance as front matter, the title as # heading', () => {
        const fields = frontMatter(imported.markdown);
        assert.deepEqual([...fields.keys()], ['title', 'source', 'canonical', 'fetched', 'published', 'author', 'outlet', 'lang', 'sha256', 'extractor']);
        assert.equal(JSON.parse(fields.get('title') as string), page.gold.title);
        assert.equal(fields.get('source'), JSON.stringify(`file:${page.name}.html`));
        assert.equal(fields.get('canonical'), JSON.stringify(page.gold.canonical));
        assert.equal(fields.get('fetched'), '"2025-02-01T10:00:00.000Z"');
        assert.equal(fields.get('published'), JSON.stringify(page.gold.published));
        assert.equal(fields.get('outlet'), JSON.stringify(page.gold.outlet));
        assert.equal(fields.get('lang'), JSON.stringify(page.gold.lang));
        assert.equal(fields.get('sha256'), JSON.stringify(createHash('sha256').update(page.bytes).digest('hex')));
        assert.equal(fields.get('extractor'), JSON.stringify(READABILITY_EXTRACTOR));
        assert.ok(imported.markdown.includes(`\n# ${page.gold.title.replace(/([\\`*_[\]<>#])/g, '\\$1')}\n`));
      });
    });
  }

  it('keeps headings, lists, quotes and tables as markdown', () => {
    const byName = new Map(developmentPages().map((p) => [p.name, importPage(p.bytes, { fileName: 'p.html', fetched: FETCHED }).body]));
    assert.match(byName.get('de-zeitung-kommunen-cp1252') as string, /^## Kosten bleiben unklar$/m);
    assert.match(byName.get('de-zeitung-kommunen-cp1252') as string, /^\| im Einsatz +\| 23 +\|$/m);
    assert.match(byName.get('de-zeitung-kommunen-cp1252') as string, /^KI-Assistenten in Kommunen \(Umfrage, Herbst 2024\)$/m);
    assert.match(byName.get('de-blog-eu-ai-act') as string, /^- das sogenannte Social Scoring/m);
    assert.match(byName.get('de-blog-eu-ai-act') as string, /^> „Die Pflicht trifft/m);
    assert.match(byName.get('en-magazine-agents') as string, /^1\. booked a table for four/m);
    assert.match(byName.get('en-research-blog-benchmarks') as string, /^\| LiveBench +\| maths, coding/m);
  });

  it('decodes a windows-1252 page by its declared charset (quotes and dashes included)', () => {
    const page = developmentPages().find((p) => p.name === 'de-zeitung-kommunen-cp1252');
    assert.ok(page && page.bytes.includes(0x84), 'the fixture is really windows-1252');
    const imported = importPage(page.bytes, { fileName: 'p.html', fetched: FETCHED });
    assert.ok(imported.body.includes('„Der Chatbot ersetzt niemanden'));
    assert.ok(imported.body.includes('können – und was nicht'));
    assert.equal(imported.provenance.author, 'Markus Wälde');
  });

  it('decodes by the HTTP charset when the page itself declares none, and a page declaring ISO-8859-1 as windows-1252', () => {
    // \x84 and \x93 are windows-1252's „ and “ (control characters in ISO-8859-1 proper).
    const html = pageWith(`<p>Gr\u00fc\u00dfe aus M\u00fcnchen \x84zitiert\x93.</p>${PARAGRAPHS}`).replace('<meta charset="utf-8">', '');
    const bytes = Buffer.from(html, 'latin1');
    const viaHeader = importPage(bytes, { url: 'https://news.example/a', contentType: 'text/html; charset=ISO-8859-1', fetched: FETCHED });
    assert.ok(viaHeader.body.includes('Grüße aus München „zitiert“.'));
  });

  it('makes relative links of a saved page absolute against its canonical address', () => {
    const imported = importPage(encode(pageWith(`<p>See <a href="/report.pdf">the report</a>.</p>${PARAGRAPHS}`, '<link rel="canonical" href="https://news.example/2025/story">')), { fileName: 'story.html', fetched: FETCHED });
    assert.ok(imported.body.includes('[the report](https://news.example/report.pdf)'));
    assert.equal(imported.provenance.canonical, 'https://news.example/2025/story');
  });

  it('turns an image into its alt text and address, never an image to load', () => {
    const imported = importPage(encode(pageWith(`${PARAGRAPHS}<p><img src="https://cdn.example/chart.png" alt="Chart of GPU exports"></p>`)), { url: 'https://news.example/a', fetched: FETCHED });
    assert.ok(imported.body.includes('[Chart of GPU exports](https://cdn.example/chart.png)'));
    assert.ok(!imported.markdown.includes('!['));
  });

  it('keeps a subheading whose class sounds like page furniture', () => {
    const html = pageWith(`${PARAGRAPHS}<h2 class="header-anchor-post" id="why">Why it matters</h2>${PARAGRAPHS.replaceAll('paragraph', 'passage')}`);
    const imported = importPage(encode(html), { fileName: 'sub.html', fetched: FETCHED });
    assert.match(imported.body, /^## Why it matters$/m);
  });

  it('keeps a layout wrapper whose class sounds like furniture when it holds the article', () => {
    const html = `<html><head><title>Wrapped</title></head><body><div class="layout has-sidebar"><div class="content">${PARAGRAPHS}</div><div class="sidebar">Most read today</div></div></body></html>`;
    const imported = importPage(encode(html), { fileName: 'wrapped.html', fetched: FETCHED });
    assert.ok(imported.body.includes('The second paragraph adds a number'));
    assert.ok(!imported.body.includes('Most read today'));
  });

  it('without a DOM (when the DOM library fails on a page) takes the <article>, else the body', () => {
    const page = `<html><head><title>Fallback</title></head><body><nav>Menu</nav><article><p>The text.</p></article><footer>Foot</footer></body></html>`;
    const extracted = extractWithoutDom(page);
    assert.equal(extracted.title, 'Fallback');
    assert.equal(extracted.method, 'fallback');
    assert.equal(htmlToMarkdown(extracted.contentHtml), 'The text.');
    assert.equal(htmlToMarkdown(extractWithoutDom('<body><p>Only body</p><script>x()</script></body>').contentHtml), 'Only body');
  });

  it('falls back to the page body when Readability finds no article', () => {
    const imported = importPage(encode('<html><head><title>Short note</title></head><body><p>Only one short line here.</p></body></html>'), { fileName: 'note.html', fetched: FETCHED });
    assert.equal(imported.provenance.extractor, FALLBACK_EXTRACTOR);
    assert.equal(imported.body, 'Only one short line here.');
    assert.equal(imported.provenance.title, 'Short note');
  });
});

describe('import: the held-out pages (written after the tuning)', () => {
  for (const page of developmentPages('import/heldout')) {
    it(`${page.name}: every required sentence, no listed boilerplate, token F1 of at least 0.93`, () => {
      const text = markdownToPlainText(importPage(page.bytes, { fileName: `${page.name}.html`, fetched: FETCHED }).body);
      assert.equal(sentenceRecall(text, page.gold.with).found, page.gold.with.length);
      assert.equal(sentenceRecall(text, page.gold.without).found, 0);
      assert.ok(tokenScore(text, page.gold.body.join('\n')).f1 >= 0.93);
    });
  }
});

describe('import: hostile and unusable pages', () => {
  const hostile = pageWith(`
    <p onclick="steal()">A paragraph with an <a href="javascript:alert(1)">evil link</a> and a <a href="https://ok.example/" onmouseover="x()">good one</a>.</p>
    <img src="x" onerror="alert('img')" alt="">
    <script>alert('script')</script><style>body{background:url(https://tracker.example/p.gif)}</style>
    <iframe src="https://evil.example/frame"></iframe>
    <p style="display:none">HIDDEN INLINE TEXT</p><p class="secret">HIDDEN BY STYLESHEET</p><div hidden>HIDDEN ATTRIBUTE</div>
    <form action="https://evil.example/"><input name="q" value="FORM VALUE"><button>SEND</button></form>
    <p>Markup in text: &lt;script&gt;alert('text')&lt;/script&gt; stays text.</p>
    ${PARAGRAPHS}`, '<style>.secret { display: none }</style>');

  it('gives safe markdown: no script, handler, javascript: link, frame, form or hidden text', () => {
    const { markdown } = importPage(encode(hostile), { url: 'https://news.example/a', fetched: FETCHED });
    for (const bad of ['alert(\'script\')', 'onerror', 'onclick', 'javascript:', 'evil.example', 'tracker.example', 'HIDDEN', 'FORM VALUE', 'SEND', '<iframe', '<img']) {
      assert.ok(!markdown.includes(bad), `${bad} in\n${markdown}`);
    }
    assert.ok(markdown.includes('evil link'), 'the text of an unsafe link stays');
    assert.ok(markdown.includes('[good one](https://ok.example/)'));
    assert.ok(markdown.includes("\\<script>alert('text')\\</script>") || markdown.includes("<script>alert('text')</script>") === false);
  });

  it('keeps a title from a page from breaking out of the front matter', () => {
    const title = 'Evil"\n---\ninjected: true\n# and more';
    const rendered = renderFrontMatter({ title, source: 'file:x.html', canonical: null, fetched: FETCHED.toISOString(), published: null, author: null, outlet: null, lang: null, sha256: 'x', extractor: 'e' });
    assert.equal(rendered.split('\n').filter((l) => l === '---').length, 2);
    assert.ok(!/^injected:/m.test(rendered));
    assert.equal(JSON.parse(rendered.split('\n')[1].slice('title: '.length)), title);
  });

  it('refuses a page over 10 MB with the reason', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    assert.throws(() => importPage(big, { fileName: 'big.html', fetched: FETCHED }), (e: Error) => e instanceof ImportRefusal && /50\.0 MB, over the 10 MB limit/.test(e.message));
  });

  it('refuses what is not an HTML page', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    assert.throws(() => importPage(png, { fileName: 'x.html', fetched: FETCHED }), /binary file, not an HTML page/);
    assert.throws(() => importPage(encode('just some words, no markup at all'), { fileName: 'x.html', fetched: FETCHED }), /not an HTML page \(no markup/);
    assert.throws(() => importPage(encode('{"a": 1}'), { url: 'https://x.example/', contentType: 'application/json', fetched: FETCHED }), /sent application\/json, not an HTML page/);
  });
});

describe('import: plain text from the clipboard', () => {
  it('takes the first line as title and keeps the text as text, not markdown or HTML', () => {
    const text = 'KI im Rathaus\r\n\r\n# not a heading\n- not a list\n<b>not bold</b> and *not emphasis*\n\n\n\n1. not a list either';
    const imported = importPlainText(text, { label: 'clipboard', fetched: FETCHED });
    assert.equal(imported.provenance.title, 'KI im Rathaus');
    assert.equal(imported.provenance.source, 'clipboard');
    assert.equal(imported.provenance.extractor, 'ai-news-annotator-plain-text@1');
    assert.equal(imported.body, '\\# not a heading\n\\- not a list\n\\<b\\>not bold\\</b\\> and \\*not emphasis\\*\n\n1\\. not a list either');
    const tree = unified().use(remarkParse).parse(imported.body);
    assert.deepEqual(tree.children.map((node) => node.type), ['paragraph', 'paragraph'], 'only text, no heading, list or HTML');
  });
});
