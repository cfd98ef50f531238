import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { inertMarkdown, isSafeTarget } from '../../../src/core/discussion/inertMarkdown';

/** Every node type and link target a markdown parser finds in the text (what a renderer would act on). */
function parsed(markdown: string): { types: Set<string>; urls: string[]; html: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const types = new Set<string>();
  const urls: string[] = [];
  const html: string[] = [];
  const walk = (node: Nodes): void => {
    types.add(node.type);
    if ('url' in node) urls.push(node.url);
    if (node.type === 'html') html.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { types, urls, html };
}

describe('discussion: inert markdown of comment bodies', () => {
  it('leaves text without brackets exactly as written (the common case costs no parse)', () => {
    for (const body of ['Where is this from?', '**Bold** and _italic_, a list:\n\n- one\n- two', 'See https://example.org/pm and www.example.org', '`code` & 3 > 2']) {
      assert.equal(inertMarkdown(body), body);
    }
  });

  it('turns a command link into literal text', () => {
    const out = inertMarkdown('Click [x](command:workbench.action.terminal.new?%5B%5D) now');
    const { types, urls } = parsed(out);
    assert.ok(!types.has('link'), out);
    assert.deepEqual(urls, []);
    assert.ok(out.includes('command:workbench.action.terminal.new'), 'the text is still there to read');
  });

  it('turns raw HTML, an <img> and an autolink to a command into literal text', () => {
    const out = inertMarkdown('<img src="https://tracker.example/p.gif"> and <b>bold</b>\n\n<div onclick="x()">block</div>\n\n<command:evil>');
    const { types, html, urls } = parsed(out);
    assert.deepEqual(html, [], out);
    assert.ok(!types.has('image'), out);
    // GFM still links the bare web address inside the text: a link to the web, shown as such.
    assert.ok(urls.every(isSafeTarget), urls.join(' '));
    assert.ok(out.includes('img src='));
  });

  it('shows a remote image as a link to it, never as an image', () => {
    const out = inertMarkdown('Proof: ![screenshot](https://example.org/shot.png "title")');
    const { types, urls } = parsed(out);
    assert.ok(!types.has('image'), out);
    assert.deepEqual(urls, ['https://example.org/shot.png']);
    assert.ok(types.has('link'));
  });

  it('makes an image with another scheme plain text, and an image inside a link no image', () => {
    const { types, urls } = parsed(inertMarkdown('![a](file:///etc/passwd) [![b](https://x.example/i.png)](https://example.org)'));
    assert.ok(!types.has('image'));
    assert.ok(!urls.some((u) => u.startsWith('file:')), urls.join(' '));
    assert.ok(urls.every(isSafeTarget), urls.join(' '));
  });

  it('neutralises reference links and images whose definition is not a web address', () => {
    const out = inertMarkdown('[run][r] and ![pic][p] and [ok][w]\n\n[r]: command:workbench.action.quit\n[p]: https://tracker.example/p.gif\n[w]: https://example.org');
    const { types, urls } = parsed(out);
    assert.ok(!types.has('imageReference') && !types.has('image'), out);
    assert.deepEqual(urls.filter((u) => !isSafeTarget(u)), [], out);
    assert.ok(urls.includes('https://example.org'), 'a web reference link stays a link');
  });

  it('keeps web and mail links, code spans and code blocks as written', () => {
    const body = 'See [the release](https://example.org/pm) or [mail us](mailto:desk@example.org).\n\n`<img src=x>` and\n\n```\n[x](command:y)\n```';
    const out = inertMarkdown(body);
    assert.ok(out.includes('[the release](https://example.org/pm)'));
    assert.ok(out.includes('`<img src=x>`'));
    assert.ok(out.includes('```\n[x](command:y)\n```'));
    assert.deepEqual(parsed(out).urls, ['https://example.org/pm', 'mailto:desk@example.org']);
  });

  it('treats as text what a renderer might not read as code: an escaped backtick, a span across a table cell', () => {
    for (const body of ['\\`[x](command:y)`', '| `a | [x](command:y) ` |\n|---|---|\n| 1 | 2 |', '    ```\n[x](command:y)']) {
      assert.deepEqual(parsed(inertMarkdown(body)).urls.filter((u) => !isSafeTarget(u)), [], body);
    }
    assert.equal(isSafeTarget('javascript:alert(1)'), false);
    assert.equal(isSafeTarget('/relative'), false);
    assert.equal(isSafeTarget('http&#115;://example.org'), false, 'a scheme must be written out');
    assert.equal(isSafeTarget('HTTPS://EXAMPLE.ORG'), true);
  });

  /** Asserts what a GFM parser finds in the rewritten body: no link but to the web or mail, no image, no HTML. */
  function assertInert(body: string): void {
    const out = inertMarkdown(body);
    const { types, urls, html } = parsed(out);
    const shown = `${JSON.stringify(body)} -> ${JSON.stringify(out)}`;
    assert.deepEqual(urls.filter((u) => !isSafeTarget(u)), [], `unsafe link from ${shown}`);
    assert.ok(!types.has('image') && !types.has('imageReference'), `image from ${shown}`);
    assert.deepEqual(html, [], `HTML from ${shown}`);
  }

  it('treats a fence inside a list item or block quote, or an indented one, as text (it ends with its container)', () => {
    const after = '[x](command:foo) ![i](https://tracker.example/p.png) <img src=x>';
    for (const body of [
      `- a\n  \`\`\`\n- ${after}`,
      `- a\n  ~~~\n- ${after}`,
      `- a\n  - b\n    \`\`\`\n  - ${after}`,
      `1. a\n   ~~~~\n2. ${after}`,
      `> \`\`\`\n> ${after}`,
      `> - a\n>   ~~~\n> - ${after}`,
      `- a\n  \`\`\`\n\n  ${after}`,
      `  \`\`\`\n${after}\n  \`\`\``,
    ]) {
      assertInert(body);
    }
    assert.equal(inertMarkdown('```\n<T>\n```'), '```\n<T>\n```', 'a fence at column 0 stays code');
  });

  it('reads a web link\'s target as a renderer does: a backtick in it opens no code span', () => {
    for (const body of [
      '[a](https://x.example/`)[b](command:y)`',
      '![a](https://x.example/`)![b](https://tracker.example/p.png)`',
      '[a](https://x.example/`)<img src=x>`',
      '[a](https://x.example/(`)`)[b](command:y)`',
      '[a](https://x.example "`)`")[b](command:y)`',
      '[a](https://x.example "\n`")[b](command:y)`',
      '[[a](https://y.example)](https://x.example/`)` [b](command:y) `',
      'x](https://x.example/`)` [b](command:y) `',
      '[r]: https://x.example/`\n`[b](command:y)`',
    ]) {
      assertInert(body);
    }
    assert.equal(inertMarkdown('ok `<T>` and [a](https://x.example) `<U>`'), 'ok `<T>` and [a](https://x.example) `<U>`', 'code after a plain link stays code');
  });

  it('trusts no code span that a renderer may read otherwise: one across lines, one after a bare web address', () => {
    for (const body of ['`a\n`[b](command:y)`', '- `a\n  `<img src=x>`', 'https://x.example/`<img src=y>`', 'see www.x.example/`![i](https://tracker.example/p.png)`']) {
      assertInert(body);
    }
    assert.equal(inertMarkdown('`a` b\n`<T>`'), '`a` b\n`<T>`', 'spans closed on their line stay code');
  });

  it('catches targets spelled with character references or on the next line', () => {
    for (const body of ['[x](comm&#97;nd:quit)', '[x](\ncommand:quit)', '[r]:\n  command:quit\n\n[go][r]', '[x](<command:quit>)']) {
      const out = inertMarkdown(body);
      assert.deepEqual(parsed(out).urls, [], `${body} -> ${out}`);
    }
  });

  it('never yields a non-web link, an image or HTML, whatever the input (generated bodies)', () => {
    const pieces = ['[x](command:a)', '`', '``', '```\n', '|', '&#97;', ':', '[r]:', '](', 'https://ok.example', '![i](http://t/p.gif)', '<img src=x>', '<b>', '</b>', '[', ']', '(', ')', '!', '<', '>', '\\', '`', '[r]: command:q', '\n', '\n\n', ' ', 'text', '[r]', '![r]', '<javascript:alert(1)>', '*', '> ', '- ', '\n  ', '~~~\n', '](https://w.example/', 'https://w.example/', '"'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let run = 0; run < 400; run++) {
      const body = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join('');
      const out = inertMarkdown(body);
      const { types, urls, html } = parsed(out);
      assert.ok(!types.has('image') && !types.has('imageReference'), `image from ${JSON.stringify(body)} -> ${JSON.stringify(out)}`);
      assert.deepEqual(html, [], `HTML from ${JSON.stringify(body)} -> ${JSON.stringify(out)}`);
      assert.deepEqual(urls.filter((u) => !isSafeTarget(u)), [], `unsafe link from ${JSON.stringify(body)} -> ${JSON.stringify(out)}`);
      assert.equal(inertMarkdown(out), out, 'rewriting again changes nothing');
    }
  });
});
