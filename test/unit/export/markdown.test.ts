import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { exportMarkdown, type ExportInput } from '../../../src/core/export';
import { escapeMarkdownInline, escapeMarkdownLines } from '../../../src/core/export/escape';
import { loadFixtureWorkspace, NOW } from './fixtures';

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}

function parse(markdown: string): MdNode {
  return unified().use(remarkParse).parse(markdown) as MdNode;
}

function nodesOf(tree: MdNode, type: string): MdNode[] {
  const found: MdNode[] = [];
  const visit = (node: MdNode) => {
    if (node.type === type) found.push(node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

function textOf(node: MdNode): string {
  if (node.type === 'break') return '\n';
  return node.value ?? (node.children ?? []).map(textOf).join('');
}

/** The report's section for one article: from its heading to the next article heading. */
function section(report: string, path: string): string {
  const start = report.indexOf(`## ${path.replace(/_/g, '\\_')}`);
  assert.ok(start >= 0, `no section for ${path}`);
  const next = report.indexOf('\n## ', start + 3);
  return report.slice(start, next === -1 ? undefined : next);
}

describe('markdown report', () => {
  let input: ExportInput;
  let report: string;
  before(async () => {
    input = await loadFixtureWorkspace();
    report = exportMarkdown(input, { now: NOW });
  });

  it('has a section per article with its verdict counts', () => {
    const tree = parse(report);
    const articleHeadings = nodesOf(tree, 'heading').filter((h) => h.depth === 2).map(textOf);
    assert.deepEqual(articleHeadings, input.articles.map((a) => a.path).sort());
    const seed4 = section(report, 'seeds/004_4d0229219e58456e.txt');
    assert.match(seed4, /\| Verified \| Disputed \| Outdated \| Needs re-check \| Article changed since review \| Unreviewed claims \|/);
    assert.match(seed4, /\| 1 \| 1 \| 0 \| 1 \| 0 \| \d+ \|/);
  });

  it('lists each annotated claim with its quote, status, note, evidence, author and date', () => {
    const seed4 = section(report, 'seeds/004_4d0229219e58456e.txt');
    assert.match(seed4, /#### 1\. Verified · needs re-check/);
    assert.match(seed4, /> Alibabas Aktie legt um 2,71 Prozent auf 94,60 Euro zu/);
    assert.match(seed4, /Evidence: <https:\/\/www\.boerse-frankfurt\.de\/aktie\/alibaba-group-holding>/);
    assert.match(seed4, /By Anna Schmidt · 2025-01-30 · line \d+ · review by 2025-03-01/);
    assert.match(seed4, /#### 2\. Disputed/);
    assert.match(seed4, /By Ben Okafor · 2025-02-03/);
    const tree = parse(seed4);
    const paragraphs = nodesOf(tree, 'paragraph').map(textOf);
    assert.ok(paragraphs.some((p) => p.startsWith('Note: Laut App-Store-Archiv "Platz 1" erst am 27. Januar, nicht am 26.,\nsiehe Archiv')));
  });

  it('lists unreviewed claims at the end of each article, not those already annotated', () => {
    const seed4 = section(report, 'seeds/004_4d0229219e58456e.txt');
    const unreviewed = seed4.slice(seed4.indexOf('### Unreviewed claims'));
    assert.ok(seed4.indexOf('### Unreviewed claims') > seed4.indexOf('### Annotated claims'));
    assert.match(unreviewed, /^- Line \d+: /m);
    assert.ok(!unreviewed.includes('Alibabas Aktie legt um 2,71 Prozent'));
  });

  it('marks time-sensitive unreviewed claims in old articles as possibly outdated', () => {
    // The article is from 2024-08: about 275 days old on NOW.
    assert.doesNotMatch(section(report, 'seeds/003_99335840e0870e45.txt'), /possibly outdated/);
    const strict = exportMarkdown(input, { now: NOW, maxArticleAgeDays: 200 });
    assert.match(section(strict, 'seeds/003_99335840e0870e45.txt'), /^- Line 7: Auch in der LMSYS .* _\(possibly outdated: “aktuell”\)_$/m);
  });

  it('renders notes and quotes literally: no link, image or HTML can come from a note', () => {
    const tree = parse(report);
    assert.deepEqual(nodesOf(tree, 'html'), []);
    assert.deepEqual(nodesOf(tree, 'image'), []);
    for (const link of nodesOf(tree, 'link')) assert.match(link.url ?? '', /^https:\/\//);
    assert.ok(!nodesOf(tree, 'link').some((l) => (l.url ?? '').startsWith('javascript:')));
    const seed4 = section(report, 'seeds/004_4d0229219e58456e.txt');
    const text = nodesOf(parse(seed4), 'paragraph').map(textOf).join('\n');
    assert.ok(text.includes('Kurs laut [Börse](javascript:alert(1)) <img src=x onerror=alert(2)> **stimmt** am 29.1.'));
    assert.ok(text.includes('# Kein Titel'));
    // Only the article heading (2), "Annotated/Unreviewed claims" (3) and entries (4): the note's "# Kein Titel" is text.
    assert.ok(nodesOf(parse(seed4), 'heading').every((h) => !textOf(h).includes('Kein Titel')));
    assert.ok(text.includes('javascript:alert(3)'), 'non-http evidence is shown as text');
  });

  it('marks article changes, orphaned quotes and withheld notes', () => {
    assert.match(section(report, 'seeds/003_99335840e0870e45.txt'), /Verified · article changed since review/);
    assert.match(section(report, 'seeds/001_948c208a42969402.txt'), /quote no longer found in the article/);
    assert.match(section(report, 'seeds/001_948c208a42969402.txt'), /_Note withheld \(private\)\._/);
  });

  it('reports one article with only the chosen statuses', () => {
    const one = exportMarkdown(input, { now: NOW, articles: ['seeds/004_4d0229219e58456e.txt'], statuses: ['disputed'] });
    assert.match(one, /1 article · 1 annotation · statuses: Disputed/);
    assert.ok(!one.includes('#### 2.'));
    assert.ok(!one.includes('Alibabas Aktie legt um 2,71 Prozent auf 94,60 Euro zu\n'));
  });
});

describe('markdown escaping', () => {
  const literal = (markdown: string) => textOf(parse(markdown));

  it('keeps the text and forms no links, images, HTML or emphasis', () => {
    const hostile = '[a](http://x) ![i](http://y) <b>bold</b> <http://z> *em* _em_ `code` | ~~s~~ $x$ &amp; \\';
    const tree = parse(escapeMarkdownInline(hostile));
    for (const type of ['link', 'image', 'html', 'emphasis', 'strong', 'inlineCode', 'delete']) assert.deepEqual(nodesOf(tree, type), [], type);
    assert.equal(literal(escapeMarkdownInline(hostile)), hostile);
  });

  it('escapes block syntax at the start of lines', () => {
    for (const line of ['# heading', '- item', '+ item', '1. item', '2) item', '> quote', '=== ', '```js', '    indented']) {
      const tree = parse(escapeMarkdownLines(`first line\n${line}`));
      assert.equal(tree.children?.length, 1, line);
      assert.equal(tree.children?.[0].type, 'paragraph', line);
    }
  });

  it('keeps line breaks as hard breaks and blank lines as paragraph breaks', () => {
    const tree = parse(escapeMarkdownLines('one\ntwo\n\nthree'));
    assert.equal(nodesOf(tree, 'paragraph').length, 2);
    assert.equal(nodesOf(tree, 'break').length, 1);
  });
});
