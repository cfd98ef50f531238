import assert from 'node:assert/strict';
import { flattenMarkup, htmlToMarkdown, importPage, MAX_NESTING_DEPTH, measureMarkup } from '../../../src/core/import';
import { extractArticle, MAX_READABILITY_ELEMENTS } from '../../../src/core/import/extractArticle';
import { FALLBACK_EXTRACTOR, READABILITY_EXTRACTOR } from '../../../src/core/import/importPage';
import { markdownToPlainText } from '../../../src/core/import/extractionScore';
import { parseHTML } from 'linkedom';
import { developmentPages, pageWith, PARAGRAPHS } from './pages';

const FETCHED = new Date('2025-02-01T10:00:00.000Z');
const SENTENCE = 'OpenAI said revenue grew by 45 percent in 2024, according to the company and many other sources of information.';

/** The audit's page: a paragraph, then `depth` nested `<div>`s around one word. */
function nestedPage(depth: number, word = 'x'): string {
  return `<html><head><title>T</title></head><body><article><p>${SENTENCE}</p>${'<div>'.repeat(depth)}${word}${'</div>'.repeat(depth)}</article></body></html>`;
}

/** Elapsed milliseconds of a call (a bound against hangs, not a performance figure). */
function elapsed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('import: the shape of a page, measured without a DOM', () => {
  it('counts depth and elements the way an HTML parser nests them', () => {
    assert.deepEqual(measureMarkup('<div><p>a <b>b</b></p></div>'), { depth: 3, elements: 3 });
    assert.deepEqual(measureMarkup('text only'), { depth: 0, elements: 0 });
    // Void and raw-text elements add no depth; markup inside a script is not markup.
    assert.deepEqual(measureMarkup('<p>a<br>b<img src="x"><script>if (a<b) { "<div><div><div>" }</script></p>'), { depth: 1, elements: 4 });
    // Implied end tags: paragraphs and list items close their unclosed siblings.
    assert.equal(measureMarkup('<p>one<p>two<p>three<div>four</div>').depth, 1);
    assert.equal(measureMarkup('<ul><li>a<li>b<li>c</ul>').depth, 2);
    // `<div/>` opens a div in HTML (it nests); `<path/>` in an SVG closes itself.
    assert.equal(measureMarkup('<div/><div/><div/>').depth, 3);
    assert.equal(measureMarkup('<svg><path/><path/><path/></svg>').depth, 1);
    // A second <body> (pages pasted into pages) nests in linkedom's tree like any element.
    assert.equal(measureMarkup('<html><body><div>a</div><body><div>b</div><html><body><div>c</div></body></html>').depth, 6);
    // Quoted attribute values may hold '>' and comments may hold tags.
    assert.equal(measureMarkup('<div title="a > b"><span data-x=\'<div>\'>t</span></div><!-- <div><div> -->').depth, 2);
  });

  it('finds the development pages 7–14 levels deep, far below the limit', () => {
    for (const page of [...developmentPages(), ...developmentPages('import/heldout')]) {
      const shape = measureMarkup(page.bytes.toString('latin1'));
      assert.ok(shape.depth >= 5 && shape.depth <= 20, `${page.name}: ${shape.depth}`);
      assert.ok(shape.depth < MAX_NESTING_DEPTH && shape.elements < MAX_READABILITY_ELEMENTS);
    }
  });

  it('measures and flattens 100,000 nested elements in one pass, without recursion', () => {
    const html = nestedPage(100_000);
    let flat = '';
    const ms = elapsed(() => {
      assert.deepEqual(measureMarkup(html), { depth: 100_003, elements: 100_006 });
      flat = flattenMarkup(html, MAX_NESTING_DEPTH);
    });
    assert.ok(ms < 10_000, `${ms} ms`);
    assert.equal(measureMarkup(flat).depth, MAX_NESTING_DEPTH);
    assert.ok(flat.includes(SENTENCE) && flat.includes('>x<'));
  });

  it('flattens only below the limit: text stays, a block boundary down there ends a paragraph', () => {
    assert.equal(flattenMarkup('<div><div><div><p>a<b>b</b><div>c</div><script>x()</script><br>d</div></div></div>', 3),
      '<div><div> <p>ab</p> <p>c</p><p><br>d</p></div></div>');
    const page = developmentPages()[0].bytes.toString('utf8');
    assert.equal(markdownToPlainText(htmlToMarkdown(flattenMarkup(page, MAX_NESTING_DEPTH))), markdownToPlainText(htmlToMarkdown(page)), 'a page within the limit converts as before');
  });

  it('keeps the depth bound for unclosed or mismatched end tags (counted deeper, never shallower)', () => {
    const unclosed = '<span>'.repeat(1000) + 'text';
    assert.equal(measureMarkup(unclosed).depth, 1000);
    assert.equal(measureMarkup(flattenMarkup(unclosed, 10)).depth, 9, 'spans are not flow containers: their text needs no paragraph');
    assert.equal(measureMarkup(`${'<div>'.repeat(100)}${'</span>'.repeat(100)}`).depth, 100);
  });
});

/** The deepest element nesting of linkedom's tree of a page (the parser whose cost the limit bounds). */
function linkedomDepth(html: string): number {
  let deepest = 0;
  const stack: { node: { children?: ArrayLike<unknown> }; depth: number }[] = [{ node: (parseHTML(html) as unknown as { document: { children?: ArrayLike<unknown> } }).document, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(node.children ?? [])) stack.push({ node: child as { children?: ArrayLike<unknown> }, depth: depth + 1 });
  }
  return deepest;
}

describe('import: the measured depth bounds linkedom\'s (review of session 9)', () => {
  it('reads <!--> and <!---> as whole comments, so a flattened page keeps what follows them', () => {
    const para = (word: string) => `<p>${word} ${'filler words for the article body. '.repeat(8)}</p>`;
    for (const comment of ['<!-->', '<!--->']) {
      assert.equal(measureMarkup(`${comment}${'<div>'.repeat(50)}`).depth, 50, comment);
      const html = `<html><body>${'<div>'.repeat(200)}x${'</div>'.repeat(200)}${comment}<article>${para('FIRST')}${para('SECOND')}</article></body></html>`;
      const flat = flattenMarkup(html, MAX_NESTING_DEPTH);
      assert.ok(flat.includes('FIRST') && flat.includes('SECOND'), comment);
    }
  });

  it('counts what htmlparser2 nests: iframe content, <x/> back in HTML context, <p><li>, <p><td>, a second <body>', () => {
    const pages = [
      `<iframe>${'<div>'.repeat(300)}`,
      `<noscript>${'<div>'.repeat(300)}`,
      `<svg><foreignObject>${'<div/>'.repeat(300)}`,
      `<math><mi>${'<span/>'.repeat(300)}`,
      '<p><li>'.repeat(150),
      '<p><td>'.repeat(150),
      '<body>'.repeat(300),
    ];
    for (const html of pages) {
      const actual = linkedomDepth(html);
      assert.ok(actual >= 250, `${html.slice(0, 30)}: linkedom nests ${actual}`);
      assert.ok(measureMarkup(html).depth >= actual, `${html.slice(0, 30)}: measured ${measureMarkup(html).depth}, linkedom ${actual}`);
      assert.ok(linkedomDepth(flattenMarkup(html, MAX_NESTING_DEPTH)) <= MAX_NESTING_DEPTH, `${html.slice(0, 30)}: flattened`);
    }
  });

  it('never measures a random page shallower than linkedom builds it (2,000 pages)', () => {
    const pieces = ['<div>', '</div>', '<p>', '</p>', '<li>', '<td>', '<th>', '<tr>', '<body>', '<svg>', '</svg>', '<math>', '<mi>', '<foreignObject>', '</foreignObject>',
      '<x/>', '<div/>', '<br>', '<br/>', '<span>', '</span>', '<!-->', '<!--->', '<!-- c -->', '<iframe>', '</iframe>', '<title>t</title>', '<script>s</script>', 'text ',
      '<dd>', '<dt>', '<option>', '<select>', '<tbody>', '<thead>', '<table>', '<h1>', '<ul>', '</ul>', '</p>', '</li>', '<template>', '<desc>', '</desc>'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let page = 0; page < 2000; page++) {
      let html = '';
      for (let i = 0, n = 5 + random(80); i < n; i++) html += pieces[random(pieces.length)];
      assert.ok(measureMarkup(html).depth >= linkedomDepth(html), html);
    }
  });
});

describe('import: deeply nested pages', () => {
  it('imports the audit page nested 100,000 deep (1.1 MB) without Readability, keeping its text', () => {
    let imported: ReturnType<typeof importPage> | undefined;
    const ms = elapsed(() => {
      imported = importPage(new TextEncoder().encode(nestedPage(100_000)), { fileName: 'nested.html', fetched: FETCHED });
    });
    assert.ok(ms < 20_000, `${ms} ms`);
    assert.ok(imported);
    assert.equal(imported.provenance.extractor, FALLBACK_EXTRACTOR);
    assert.equal(imported.body, `${SENTENCE}\n\nx`);
  });

  it('takes a page nested as deep as the limit with Readability, and one nested deeper without', () => {
    const article = PARAGRAPHS;
    const atLimit = pageWith(`${'<div>'.repeat(MAX_NESTING_DEPTH - 6)}${article}${'</div>'.repeat(MAX_NESTING_DEPTH - 6)}`);
    const shape = measureMarkup(atLimit);
    assert.ok(shape.depth <= MAX_NESTING_DEPTH, String(shape.depth));
    const deeper = pageWith(`${'<div>'.repeat(MAX_NESTING_DEPTH)}${article}${'</div>'.repeat(MAX_NESTING_DEPTH)}`);
    assert.equal(extractArticle(atLimit).method, 'readability');
    const limited = extractArticle(deeper);
    assert.equal(limited.method, 'fallback');
    assert.equal(limited.limited, `its elements nest ${measureMarkup(deeper).depth} levels deep (the limit is ${MAX_NESTING_DEPTH})`);
    const imported = importPage(new TextEncoder().encode(deeper), { fileName: 'deep.html', fetched: FETCHED });
    assert.equal(imported.provenance.title, 'Test page');
    for (const paragraph of PARAGRAPHS.split('\n')) assert.ok(markdownToPlainText(imported.body).includes(paragraph.replace(/<\/?p>/g, '')), paragraph);
    assert.ok(!imported.body.includes('<div'));
    assert.equal(importPage(new TextEncoder().encode(atLimit), { fileName: 'deep.html', fetched: FETCHED }).provenance.extractor, READABILITY_EXTRACTOR);
  });

  it('takes a page with more elements than Readability is given without it', () => {
    const many = pageWith(PARAGRAPHS + '<span>w</span>'.repeat(MAX_READABILITY_ELEMENTS));
    const extracted = extractArticle(many);
    assert.equal(extracted.method, 'fallback');
    assert.match(extracted.limited ?? '', /^it has 20,0\d\d elements \(the limit is 20,000\)$/);
  });

  it('converts article HTML nested 100,000 deep to markdown without overflowing the stack', () => {
    const fragment = `<p>${SENTENCE}</p>${'<blockquote><div>'.repeat(50_000)}<a href="https://example.org/x">deep link</a>${'</div></blockquote>'.repeat(50_000)}`;
    let markdown = '';
    const ms = elapsed(() => {
      markdown = htmlToMarkdown(fragment);
    });
    assert.ok(ms < 20_000, `${ms} ms`);
    assert.ok(markdown.startsWith(SENTENCE));
    assert.ok(markdown.includes('deep link'));
  });
});
